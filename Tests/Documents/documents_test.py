#!/usr/bin/env python3
"""The documents as they leave the office (issue 25), looked at as PDF pages.

documents_test.py BASE BALLAST SQLITE OUT

Signed in as the project office on the demo server at BASE, it drafts and issues each kind
(周通报 2023-W25, 月排名 2023-05, 季考核 2023-Q2, 年评优 2023, 督查通报 2023-06), fetches each
one's PDF (page route, and the API's format=pdf), a 催办单's and a meeting's 纪要, makes
the W25 bulletin's PDF with the CLI too (`ballast report bulletin --week 2023-W25 --format pdf`),
and checks every PDF:

- A4 pages (portrait, or landscape for a wide 附件); the text inside the GB/T 9704 text block
  (left 28 mm, top 37 mm, 156 mm across) on the first page, page numbers below it;
- the red letterhead and the red rule at the top of the first page;
- no project code or number split across lines (pdftotext -layout);
- the 2023-W25 bulletin's body at most 4 pages, its lit list a landscape 附件;
- an issued document's PDF is the same bytes when fetched again (made once and kept).

Page images of each first page go to OUT. Needs poppler-utils (pdftotext, pdfinfo, pdftoppm).
"""
import http.cookiejar, json, os, re, subprocess, sys, tempfile, urllib.parse, urllib.request

base, ballast, sqlite, out = sys.argv[1:5]
os.makedirs(out, exist_ok=True)
failures = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what, flush=True)
    if not ok:
        failures.append(what)


jar = http.cookiejar.CookieJar()
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))


def get(path):
    with opener.open(base + path, timeout=300) as r:
        return r.status, r.headers.get("Content-Type", ""), r.read()


csrf = re.search(rb'name="_csrf" value="([^"]*)"', get("/signin")[2]).group(1).decode()
opener.open(urllib.request.Request(base + "/signin", data=urllib.parse.urlencode(
    {"_csrf": csrf, "username": "office", "password": "Erqi-demo-2023", "next": "/"}).encode(), method="POST"), timeout=60)
page = get("/documents")[2]
csrf = re.search(rb'name="_csrf" value="([^"]*)"', page).group(1).decode()


def post(path, body):
    req = urllib.request.Request(base + path, data=json.dumps(body).encode(), method="POST",
                                 headers={"Content-Type": "application/json", "X-CSRF-Token": csrf})
    with opener.open(req, timeout=300) as r:
        return json.loads(r.read())


def run(*args):
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def pages(pdf):
    """(width, height) in points of every page."""
    info = run("pdfinfo", "-f", "1", "-l", "999", pdf)
    return [(float(w), float(h)) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)]


def red_top(pdf, name):
    """Red letterhead and a red rule across most of the text block in the top half of page 1."""
    from PIL import Image
    prefix = os.path.join(out, name)
    run("pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", "-singlefile", pdf, prefix)
    im = Image.open(prefix + ".png").convert("RGB")
    w, h = im.size
    px = im.load()
    red_rows = []
    for y in range(h // 2):
        n = sum(1 for x in range(w) if px[x, y][0] > 180 and px[x, y][1] < 90 and px[x, y][2] < 90)
        red_rows.append(n)
    text_block = w * 156 / 210
    rule = any(n > 0.8 * text_block for n in red_rows)
    letters = sum(1 for n in red_rows if 0 < n < 0.8 * text_block) >= 5
    return letters, rule


def no_split_codes(pdf):
    text = run("pdftotext", "-layout", pdf, "-")
    bad = []
    for line in text.splitlines():
        s = line.rstrip()
        # A code cut short at the end of a line, or a figure ending in its decimal point or separator.
        if re.search(r"EQ\d{0,4}-?\d{0,3}$", s) and not re.search(r"EQ\d{4}-\d{4}$", s):
            bad.append(s)
        elif re.search(r"(?<![\d.,])\d{1,3}[.,]$", s):
            bad.append(s)
    return bad


def look(pdf, name, landscape_ok=True):
    sizes = pages(pdf)
    check(bool(sizes), f"{name}: has pages ({len(sizes)})")
    a4 = lambda s: abs(min(s) - 595.3) < 2 and abs(max(s) - 841.9) < 2
    check(all(a4(s) for s in sizes), f"{name}: every page A4")
    check(sizes and sizes[0][0] < sizes[0][1], f"{name}: the first page portrait")
    if not landscape_ok:
        check(all(w < h for w, h in sizes), f"{name}: no landscape page")
    mm = 72 / 25.4
    # Ink, not pdftotext's boxes: those are glyphs' full advances, wider than compressed punctuation.
    from PIL import Image
    prefix = os.path.join(out, name + "-ink")
    run("pdftoppm", "-png", "-r", "72", "-f", "1", "-l", "1", "-singlefile", pdf, prefix)
    im = Image.open(prefix + ".png").convert("L")
    w, h = im.size
    px = im.load()
    top, bottom = int(37 * mm), int(h - 35 * mm)
    ink = [(x, y) for y in range(0, h, 2) for x in range(0, w, 2) if px[x, y] < 160]
    body = [(x, y) for x, y in ink if y < bottom]
    outside = [(x, y) for x, y in body if x < 28 * mm - 3 or x > (28 + 156) * mm + 3 or y < top - 3]
    check(bool(body) and not outside, f"{name}: the first page's ink within the text block (left 28 mm, top 37 mm, 156 × 225 mm) {outside[:3]}")
    below = [(x, y) for x, y in ink if y >= bottom]
    check(bool(below) and all(y <= h - 10 * mm for _, y in below), f"{name}: a page number below the text block")
    letters, rule = red_top(pdf, name)
    check(letters and rule, f"{name}: red letterhead ({letters}) and red rule ({rule}) at the top")
    bad = no_split_codes(pdf)
    check(not bad, f"{name}: no code or figure split across lines {bad[:3]}")


def imprint_at_foot(pdf, name):
    """The 版记 (its 印发 line) at the foot of the document's last page, which is upright (7.4.1)."""
    sizes = pages(pdf)
    last = len(sizes)
    words = re.findall(r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>',
                       run("pdftotext", "-bbox", "-f", str(last), "-l", str(last), pdf, "-"))
    printed = [float(y1) for _, y1, w in words if w.endswith("印发")]
    w, h = sizes[-1]
    foot = h - 35 * 72 / 25.4
    check(w < h, f"{name}: the last page (the 版记's) is upright")
    check(bool(printed) and foot - 20 <= max(printed) <= foot + 2,
          f"{name}: the 版记 stands at the foot of the last page (印发 line at {printed}, text block ends at {foot:.0f} pt)")


def fetch(path, name):
    status, ctype, body = get(path)
    check(status == 200 and ctype.startswith("application/pdf") and body.startswith(b"%PDF"), f"{name}: {path} is a PDF")
    f = os.path.join(out, name + ".pdf")
    with open(f, "wb") as fh:
        fh.write(body)
    return f, body


kinds = [("weekly-bulletin", "2023-W25", "weekly"), ("unit-ranking", "2023-05", "ranking"),
         ("quarterly-assessment", "2023-Q2", "quarterly"), ("annual-evaluation", "2023", "annual")]
for kind, period, name in kinds:
    d = post("/api/v1/documents", {"kind": kind, "period": period})["document"]
    issued = post(f"/api/v1/documents/{d['id']}/issue", {"version": d["version"]})["document"]
    check(issued["status"] == "issued", f"{name}: issued as {issued.get('number')}")
    f, first = fetch(f"/documents/{d['id']}/pdf", name)
    look(f, name)
    imprint_at_foot(f, name)
    again = get(f"/api/v1/documents/{d['id']}?format=pdf")[2]
    check(again == first, f"{name}: the issued PDF is the same bytes when asked again (API format=pdf)")
    if name == "weekly":
        text = run("pdftotext", "-layout", f, "-").split("\f")
        start = next((i for i, p in enumerate(text) if re.match(r"\s*附件\s*1\s*$", p.strip().splitlines()[0] if p.strip() else "")), None)
        check(start is not None and start <= 4, f"weekly: the body is at most 4 pages (附件1 starts on page {None if start is None else start + 1})")
        sizes = pages(f)
        check(start is not None and sizes[start][0] > sizes[start][1], "weekly: the lit list is a landscape 附件")

b = post("/api/v1/bulletins", {"month": "2023-06"})["document"]
post(f"/api/v1/bulletins/{b['id']}/issue", {"version": b["version"]})
f, _ = fetch(f"/bulletins/{b['id']}/pdf", "supervision")
look(f, "supervision")
imprint_at_foot(f, "supervision")

notices = json.loads(get("/api/v1/notices")[2])
check(bool(notices), f"the demo has 催办单 ({len(notices)})")
if notices:
    f, _ = fetch(f"/notices/{notices[0]['id']}/pdf", "notice")
    look(f, "notice", landscape_ok=False)
    imprint_at_foot(f, "notice")

# 会议纪要 of the latest meeting held.
meetings = [m for m in json.loads(get("/api/v1/meetings")[2]) if m.get("held") or m.get("heldOn", "9999") <= "2023-12-31"]
check(bool(meetings), f"the demo has meetings held ({len(meetings)})")
if meetings:
    f, _ = fetch(f"/meetings/{meetings[0]['id']}/minutes/pdf", "minutes")
    look(f, "minutes")
    imprint_at_foot(f, "minutes")

# The CLI, as the check names it.
cli = os.path.join(out, "cli-w25.pdf")
subprocess.run([ballast, "report", "bulletin", "--week", "2023-W25", "--format", "pdf", "--output", cli, "--database", "sqlite:" + sqlite],
               check=True, capture_output=True)
look(cli, "cli-w25")

print(f"{len(failures)} failed" if failures else "all document checks passed")
sys.exit(1 if failures else 0)
