#!/usr/bin/env python3
"""Accessibility of every page any role reaches, by axe-core in headless Chromium.

Walks the pages the language test walks (language_test.reachable: every role's navigation, its
home and 工作台, and a detail page behind each list), plus the page a role lands on after signing
in and that page's navigation (the city's 各地区汇总), and the big screen (/screen) and the map
(/map) where the role may open them, signed in through the sign-in form, in Chinese, at 1366×768.
On each page runs axe-core (axe-selenium-python) with the WCAG 2.0/2.1 A and AA rules and the
best practices landmark-one-main, page-has-heading-one, heading-order and region.

A finding is one (rule, path with record ids as {id}, element's selector); the same finding on
another role's copy of a page is printed once, with every role that met it.

usage: axe_test.py BASE_URL OUT_DIR
Prints one line per distinct finding and writes all of them, with every page and role they
were met on, to OUT_DIR/axe.json; exits 1 on any.
"""
import json
import os
import re
import sys
import time
import urllib.parse

os.environ.setdefault("SE_OFFLINE", "true")
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.dont_write_bytecode = True  # no __pycache__ left beside the tests
import language_test  # noqa: E402  (the page walk and the demo's roles)
from axe_selenium_python import Axe  # noqa: E402
from selenium.common.exceptions import WebDriverException  # noqa: E402
from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.options import Options  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BEST_PRACTICES = ["landmark-one-main", "page-has-heading-one", "heading-order", "region"]
# The axe-core that axe-selenium-python bundles (3.1.1) has no rule tagged wcag21a, and refuses a
# runOnly tag it does not know; so the rules are named: those of the tags this axe knows (its
# experimental ones left out, as a run by tags leaves them), and the best practices.
RULES = """return axe.getRules(arguments[0]).filter(r => r.tags.indexOf('experimental') < 0).map(r => r.ruleId)"""
EXTRA = ["/screen", "/map"]
UUID = re.compile(r"[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}")


def browser():
    o = Options()
    o.binary_location = "/usr/bin/chromium"
    for a in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
              "--window-size=1366,768", "--lang=zh-CN"]:
        o.add_argument(a)
    o.add_experimental_option("prefs", {"intl.accept_languages": "zh-CN"})
    d = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=o)
    d.set_window_size(1366, 768)
    d.set_script_timeout(60)
    d.set_page_load_timeout(60)
    return d


def sign_in(d, base, role):
    d.delete_all_cookies()
    d.get(base + "/signin")
    d.find_element(By.NAME, "username").send_keys(role)
    d.find_element(By.NAME, "password").send_keys(language_test.PASSWORD)
    d.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    for _ in range(50):
        if "/signin" not in d.current_url:
            break
        time.sleep(0.1)
    if "/signin" in d.current_url:
        raise RuntimeError(f"{role}: the sign-in form did not sign in")
    landing = urllib.parse.urlsplit(d.current_url).path
    # The language is remembered from the last choice: ask for Chinese once, as a Chinese browser.
    d.get(base + landing + "?lang=zh")
    return landing


def pages_of(base, role, landing):
    """The role's pages (language_test's walk) and the big screen and the map where it may open them.
    A role whose home is elsewhere (the city's 各地区汇总, /rollup; / answers it 403) adds the page
    it lands on after signing in and what that page's navigation reaches."""
    opener = language_test.session(base, role)
    links = language_test.reachable(opener, base)
    status, _, page = language_test.get(opener, base + landing)
    nav = " ".join(re.findall(r"<nav\b.*?</nav>", page, flags=re.S))
    for link in [landing] + re.findall(r'href="(/[^"#?]*)', nav):
        if link not in links and not link.startswith("/signout"):
            links.append(link)
    for link in EXTRA:
        if link not in links:
            status, ctype, _ = language_test.get(opener, base + link)
            if status == 200 and "text/html" in ctype:
                links.append(link)
    # Only pages: a list that answers with a file or an error is not one.
    out = []
    for link in links:
        status, ctype, _ = language_test.get(opener, base + link)
        if status == 200 and "text/html" in ctype:
            out.append(link)
    return out


def snippet(h, n=140):
    h = re.sub(r"\s+", " ", h or "").strip()
    return h if len(h) <= n else h[:n - 1] + "…"


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    base, out = sys.argv[1].rstrip("/"), sys.argv[2]
    os.makedirs(out, exist_ok=True)
    started = time.time()
    distinct = {}  # (rule, path pattern, selector) -> finding
    problems, checked = [], []
    d = browser()
    version, options = "", None
    try:
        # AXE_SCRIPT may name another axe.min.js (a newer axe-core); by default, the package's own.
        axe = Axe(d, os.environ["AXE_SCRIPT"]) if os.environ.get("AXE_SCRIPT") else Axe(d)
        for role in language_test.ROLES:
            landing = sign_in(d, base, role)
            links = pages_of(base, role, landing)
            if not links:
                problems.append(f"{role}: no page to check")
            for link in links:
                d.get(base + link)
                time.sleep(0.2)
                if "/signin" in d.current_url:
                    problems.append(f"{role} {link}: sent to the sign-in page")
                    continue
                axe.inject()
                if options is None:
                    version = d.execute_script("return axe.version")
                    rules = sorted(set(d.execute_script(RULES, TAGS)) | set(BEST_PRACTICES))
                    options = {"runOnly": {"type": "rule", "values": rules}, "resultTypes": ["violations"]}
                    print(f"axe-core {version}: {len(rules)} rules: {' '.join(rules)}")
                try:
                    result = axe.run(options=json.dumps(options))
                except WebDriverException as e:
                    problems.append(f"{role} {link}: axe did not finish: {e.msg}")
                    continue
                lang = d.execute_script("return document.documentElement.lang")
                ran = {r["id"] for kind in ("violations", "passes", "incomplete", "inapplicable")
                       for r in result.get(kind, [])}
                missing = [r for r in BEST_PRACTICES if r not in ran]
                if missing:
                    problems.append(f"{role} {link}: axe did not run {', '.join(missing)}")
                checked.append({"role": role, "path": link, "lang": lang,
                                "violations": sum(len(v["nodes"]) for v in result["violations"])})
                pattern = UUID.sub("{id}", link)
                for v in result["violations"]:
                    for node in v["nodes"]:
                        target = " ".join(str(t) for t in node["target"])
                        key = (v["id"], pattern, target)
                        f = distinct.setdefault(key, {
                            "rule": v["id"], "impact": node.get("impact") or v.get("impact"),
                            "path": pattern, "target": target, "html": node.get("html", ""),
                            "summary": node.get("failureSummary", ""), "help": v.get("help", ""),
                            "helpUrl": v.get("helpUrl", ""), "tags": v.get("tags", []),
                            "roles": [], "pages": []})
                        if role not in f["roles"]:
                            f["roles"].append(role)
                        if link not in f["pages"]:
                            f["pages"].append(link)
    finally:
        d.quit()
    elapsed = time.time() - started
    findings = sorted(distinct.values(), key=lambda f: (f["rule"], f["path"], f["target"]))
    with open(os.path.join(out, "axe.json"), "w") as fh:
        json.dump({"base": base, "seconds": round(elapsed, 1), "axe_core": version, "tags": TAGS,
                   "best_practices": BEST_PRACTICES, "rules": options and options["runOnly"]["values"],
                   "pages_checked": checked, "problems": problems, "findings": findings},
                  fh, ensure_ascii=False, indent=2)
    per_role = {r: sum(1 for c in checked if c["role"] == r) for r in language_test.ROLES}
    print(f"{len(checked)} pages checked ({len({c['path'] for c in checked})} distinct paths) in {elapsed:.0f} s: "
          + ", ".join(f"{r} {n}" for r, n in per_role.items()))
    for p in problems:
        print("FAIL " + p)
    for f in findings:
        print(f"FAIL {','.join(f['roles'])} {f['path']} {f['rule']} ({f['impact']}) {f['target']}  {snippet(f['html'])}")
    if not findings and not problems:
        print("ok   no axe violation on any page")
    print(f"{len(findings)} distinct findings")
    sys.exit(1 if findings or problems else 0)


if __name__ == "__main__":
    main()
