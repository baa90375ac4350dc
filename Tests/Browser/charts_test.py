#!/usr/bin/env python3
"""No chart label overlaps another or is cut off, on any page any role reaches (issue 24).

Walks the pages the language test walks (every role's navigation, a detail page behind each
list), plus the big screen, at 1366×768 and on a 390×844 phone, and checks every chart drawn
(svg.chart, the map excepted, whose dots sit under names by design):

1. no two text boxes of one chart overlap;
2. no text box reaches outside its chart (a clipped "100%");
3. on a phone, no chart text is smaller than 9 px (a desktop drawing shrunk to a phone's width).

Run against the demo at mid-year and again at the year end (`ballast demo --as-of 2023-12-31`),
when the gauge stands at 100% and every month has a point.

usage: charts_test.py BASE_URL [LABEL]
Prints one line per finding; exits 1 on any.
"""
import os
import sys
import time

os.environ.setdefault("SE_OFFLINE", "true")
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import language_test  # noqa: E402  (the page walk)
from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.options import Options  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402

CHECK = """
const out = [];
const charts = [...document.querySelectorAll('svg.chart')].filter(s => !s.classList.contains('district-map'));
for (const svg of charts) {
  const frame = svg.getBoundingClientRect();
  if (frame.width === 0 || frame.height === 0) continue;
  const vb = svg.viewBox.baseVal;
  const scale = vb && vb.width ? Math.min(frame.width / vb.width, frame.height / vb.height) : 1;
  const boxes = [...svg.querySelectorAll('text')].filter(t => t.textContent.trim())
    .map(t => [t.textContent.trim(), t.getBoundingClientRect(), parseFloat(getComputedStyle(t).fontSize) * scale])
    .filter(b => b[1].width > 0);
  const name = svg.id || svg.getAttribute('aria-labelledby') || 'chart';
  for (const [text, r, px] of boxes) {
    if (r.left < frame.left - 1 || r.right > frame.right + 1 || r.top < frame.top - 1 || r.bottom > frame.bottom + 1)
      out.push('cut off: ' + name + ': ' + text);
    if (arguments[0] && px < 9) out.push('too small on a phone (' + px.toFixed(1) + ' px): ' + name + ': ' + text);
  }
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
    const a = boxes[i][1], b = boxes[j][1];
    const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
    const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
    if (w > 2 && h > 2) out.push('overlap: ' + name + ': ' + boxes[i][0] + ' / ' + boxes[j][0]);
  }
}
return [charts.length, out];
"""


def browser():
    o = Options()
    o.binary_location = "/usr/bin/chromium"
    for a in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars", "--lang=zh-CN"]:
        o.add_argument(a)
    o.add_experimental_option("prefs", {"intl.accept_languages": "zh-CN,zh"})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=o)


def viewport(d, w, h):
    d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": w, "height": h, "deviceScaleFactor": 1, "mobile": w < 600})


def main():
    base = sys.argv[1].rstrip("/")
    label = sys.argv[2] if len(sys.argv) > 2 else ""
    findings, charts_seen, pages = set(), 0, 0
    for role in language_test.ROLES:
        links = language_test.reachable(language_test.session(base, role), base)
        if role in ("leader", "office"):
            links.append("/screen")
        d = browser()
        try:
            viewport(d, 1366, 768)
            d.get(base + "/signin")
            d.find_element(By.NAME, "username").send_keys(role)
            d.find_element(By.NAME, "password").send_keys(language_test.PASSWORD)
            d.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
            time.sleep(0.8)
            for link in links:
                sizes = [(1920, 1080, False)] if link == "/screen" else [(1366, 768, False), (390, 844, True)]
                for w, h, phone in sizes:
                    viewport(d, w, h)
                    d.get(base + link)
                    time.sleep(0.2)
                    count, out = d.execute_script(CHECK, phone)
                    pages += 1
                    charts_seen += count
                    for o in out:
                        findings.add(f"{link} at {w}px: {o}")
        finally:
            d.quit()
    print(f"{label} {pages} page views, {charts_seen} charts checked")
    for f in sorted(findings):
        print(f"FAIL {label} {f}")
    if not findings:
        print(f"ok   {label} no chart label overlaps, is cut off or is too small")
    sys.exit(1 if findings else 0)


if __name__ == "__main__":
    main()
