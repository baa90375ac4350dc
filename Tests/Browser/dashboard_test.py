#!/usr/bin/env python3
"""Browser tests for 挂图作战 (issue 8), in headless Chromium against a running demo server.

Signs in as the demo district's leader and, in Chinese and in English, opens the dashboard,
the map, the project list and a drill-down; checks that the elements are there and that the
figures on the page are the API's; checks that nothing overflows at 1366×768 or on a 390-px
phone and that no two labels of a chart overlap; saves a screenshot of each. With --map-file,
also times how long Chromium takes to draw a map page (the 6 000-dot map from
`ballast bench dashboard --write-map`) and prints it: a measurement, not a pass/fail.

usage: dashboard_test.py BASE_URL OUT_DIR [--map-file FILE]
"""
import json
import os
import sys
import time

os.environ.setdefault("SE_OFFLINE", "true")
from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.options import Options  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402

PASSWORD = "Erqi-demo-2023"
failures = []


def check(condition, what):
    print(("ok   " if condition else "FAIL ") + what)
    if not condition:
        failures.append(what)


def browser(lang):
    o = Options()
    o.binary_location = "/usr/bin/chromium"
    for a in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
              "--lang=" + ("zh-CN" if lang == "zh" else "en-US")]:
        o.add_argument(a)
    o.add_experimental_option("prefs", {"intl.accept_languages": "zh-CN,zh" if lang == "zh" else "en-US,en"})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=o)


def viewport(d, width, height):
    d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                      {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})


def api(d, path):
    """GET an API path with the browser's own session."""
    script = "const r = await fetch(arguments[0], {credentials: 'same-origin'}); return await r.text();"
    return json.loads(d.execute_script("return (async () => {" + script + "})()", path))


def overflow(d):
    return d.execute_script("return document.documentElement.scrollWidth - window.innerWidth")


def overlapping_labels(d):
    """Pairs of text boxes that overlap within one chart (the map's dots and names excepted)."""
    return d.execute_script("""
        const out = [];
        for (const svg of document.querySelectorAll('svg.chart:not(.district-map)')) {
          const boxes = [...svg.querySelectorAll('text')].filter(t => t.textContent.trim())
            .map(t => [t.textContent.trim(), t.getBoundingClientRect()]).filter(b => b[1].width > 0);
          for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
            const a = boxes[i][1], b = boxes[j][1];
            const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
            const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
            if (w > 2 && h > 2) out.push(svg.id + ': ' + boxes[i][0] + ' / ' + boxes[j][0]);
          }
        }
        return out;""")


def smallest_text(d):
    """The smallest type shown, in CSS pixels, with where: HTML text by its computed size, SVG
    text by its size times the drawing's scale (a chart's viewBox drawn larger or smaller)."""
    return d.execute_script("""
        let least = [1e9, ''];
        const visible = el => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0 && getComputedStyle(el).display !== 'none'
                                && r.bottom > 0 && r.top < innerHeight; };
        for (const el of document.querySelectorAll('body *')) {
          if (el.closest('svg') || !visible(el)) continue;
          if (![...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) continue;
          const px = parseFloat(getComputedStyle(el).fontSize);
          if (px < least[0]) least = [px, el.tagName + '.' + el.className + ' ' + el.textContent.trim().slice(0, 20)];
        }
        for (const t of document.querySelectorAll('svg text')) {
          if (!t.textContent.trim() || !visible(t)) continue;
          const svg = t.ownerSVGElement, vb = svg.viewBox.baseVal, box = svg.getBoundingClientRect();
          const scale = vb && vb.width ? Math.min(box.width / vb.width, box.height / vb.height) : 1;
          const px = parseFloat(getComputedStyle(t).fontSize) * scale;
          if (px < least[0]) least = [px, 'svg ' + (svg.id || '') + ' ' + t.textContent.trim().slice(0, 20)];
        }
        return least;""")


def overlapping_map_names(d):
    """Pairs of the map's names (zones, axes) that overlap each other."""
    return d.execute_script("""
        const out = [];
        const boxes = [...document.querySelectorAll('svg.district-map text.zone-name, svg.district-map text.axis-name')]
          .filter(t => getComputedStyle(t).display !== 'none').map(t => [t.textContent.trim(), t.getBoundingClientRect()]);
        for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i][1], b = boxes[j][1];
          if (Math.min(a.right, b.right) - Math.max(a.left, b.left) > 2 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 2)
            out.push(boxes[i][0] + ' / ' + boxes[j][0]);
        }
        return out;""")


def shoot(d, out, name, width, height, full=True):
    viewport(d, width, height)
    time.sleep(0.3)
    if full:
        h = d.execute_script("return document.documentElement.scrollHeight")
        viewport(d, width, min(h, 8000))
        time.sleep(0.3)
    path = os.path.join(out, name + ".png")
    d.save_screenshot(path)
    viewport(d, width, height)
    return path


def run(base, out, lang):
    d = browser(lang)
    try:
        viewport(d, 1366, 768)
        d.get(base + "/signin")
        d.find_element(By.NAME, "username").send_keys("leader")
        d.find_element(By.NAME, "password").send_keys(PASSWORD)
        d.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
        time.sleep(1)
        suffix = "" if lang == "zh" else "?lang=en"
        check(d.execute_script("return document.fonts.check('16px \"Noto Sans CJK SC\"', '挂图作战')"), f"[{lang}] a CJK font is available")

        f = api(d, "/api/v1/dashboard")
        d.get(base + "/" + suffix)
        check(d.find_element(By.TAG_NAME, "h1").text.startswith("二七区"), f"[{lang}] the dashboard opens with the district's name")
        values = [e.text.split()[0] for e in d.find_elements(By.CSS_SELECTOR, ".dash-figures .figure .value")]
        check(len(values) == 5, f"[{lang}] five headline figures")
        check(values and values[0] == str(f["projects"]), f"[{lang}] the projects figure is the API's ({f['projects']})")
        check(values[2] == "{:,.0f}".format(f["annualPlan"] / 1e8), f"[{lang}] the annual plan in 亿元 is the API's")
        slices = d.find_elements(By.CSS_SELECTOR, "svg#colours a path.mark")
        check(len(slices) == sum(1 for v in f["colours"].values() if v > 0), f"[{lang}] a slice per lit colour")
        for chart in ["colours", "completion", "curve", "by-category", "by-zone", "pools", "district-map"]:
            check(len(d.find_elements(By.CSS_SELECTOR, f"svg#{chart}")) == 1, f"[{lang}] chart {chart} is drawn")
        check(len(d.find_elements(By.CSS_SELECTOR, "svg#district-map circle.dot")) == f["projects"] - f["unlocated"],
              f"[{lang}] a dot on the dashboard's map for every located project")
        check(overflow(d) <= 0, f"[{lang}] the dashboard fits 1366 px across")
        labels = overlapping_labels(d)
        check(not labels, f"[{lang}] no overlapping chart labels at 1366 px {labels[:3]}")
        print(shoot(d, out, f"dashboard-{lang}-1366", 1366, 768))

        # The red slice opens the red projects: the list says as many as the chart.
        red = f["colours"]["red"]
        # Clicked where the slice is (an SVG link's box is not its shape, so click the path itself).
        d.execute_script("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))",
                         d.find_element(By.CSS_SELECTOR, "svg#colours a[href*='colour=red'] path.mark"))
        time.sleep(0.8)
        check("colour=red" in d.current_url, f"[{lang}] the red slice opens the red projects")
        listed = api(d, "/api/v1/projects?year=2023&portfolio=1&colour=red&perPage=1")["total"]
        check(listed == red, f"[{lang}] the list behind the red slice has {red} projects (has {listed})")
        check(str(red) in d.find_element(By.TAG_NAME, "main").text, f"[{lang}] the drill-down page states the count")
        print(shoot(d, out, f"drilldown-red-{lang}-1366", 1366, 768))

        d.get(base + "/projects" + suffix)
        check(len(d.find_elements(By.CSS_SELECTOR, "table tbody tr")) > 0, f"[{lang}] the project list has rows")
        check(overflow(d) <= 0, f"[{lang}] the project list fits 1366 px across")
        print(shoot(d, out, f"projects-{lang}-1366", 1366, 768, full=False))

        points = api(d, "/api/v1/map/points")
        d.get(base + "/map" + suffix)
        dots = d.find_elements(By.CSS_SELECTOR, "svg#district-map circle.dot")
        check(len(dots) == len(points["points"]) - len(points["unlocated"]), f"[{lang}] a dot for every located project on the map")
        check(len(d.find_elements(By.CSS_SELECTOR, "svg#district-map path.zone")) >= 3, f"[{lang}] the zones are drawn")
        d.execute_script("arguments[0].parentNode.dispatchEvent(new MouseEvent('click', {bubbles: true}))", dots[-1])
        time.sleep(0.8)
        card = d.find_elements(By.CSS_SELECTOR, ".project-card h2")
        check(bool(card) and "project=" in d.current_url, f"[{lang}] a dot opens its project's card")
        # Zoom and pan (our map.js): the buttons move the drawing's viewBox, a drag pans, 复位 restores.
        time.sleep(0.3)
        vb = lambda: [float(v) for v in d.execute_script("return document.querySelector('svg#district-map').getAttribute('viewBox')").split()]
        whole = vb()
        buttons = d.find_elements(By.CSS_SELECTOR, ".map-zoom button")
        check(len(buttons) == 3 and buttons[0].text == ("放大" if lang == "zh" else "Zoom in"), f"[{lang}] the map offers zoom buttons in the page's language")
        # What a zone name and a dot measure on the screen: zooming enlarges the ground, not them.
        sizes = lambda: d.execute_script("""
            var n = document.querySelector('svg#district-map .zone-name'), c = document.querySelector('svg#district-map circle.dot');
            return [n ? n.getBoundingClientRect().height : 0, c ? c.getBoundingClientRect().width : 0];""")
        if len(buttons) == 3:
            unzoomed = sizes()
            buttons[0].click(); time.sleep(0.2)
            zoomed = vb()
            check(zoomed[2] < whole[2] * 0.7, f"[{lang}] 放大 zooms the map in ({whole[2]:.0f} → {zoomed[2]:.0f} units across)")
            after = sizes()
            check(all(b > 0 and abs(a - b) <= 0.15 * b for a, b in zip(after, unzoomed)),
                  f"[{lang}] zone names and dots keep their size when zoomed (name, dot: {unzoomed} → {after})")
            frame = d.find_element(By.CSS_SELECTOR, "svg#district-map")
            before = d.current_url
            ActionChains(d).move_to_element(frame).click_and_hold().move_by_offset(-120, -60).release().perform()
            time.sleep(0.2)
            panned = vb()
            check(panned[0] != zoomed[0] or panned[1] != zoomed[1], f"[{lang}] dragging pans the zoomed map")
            check(d.current_url == before, f"[{lang}] a drag is not taken for a click on a dot")
            buttons[2].click(); time.sleep(0.2)
            check(vb() == whole, f"[{lang}] 复位 shows the whole district again")
        check(overflow(d) <= 0, f"[{lang}] the map fits 1366 px across")
        print(shoot(d, out, f"map-{lang}-1366", 1366, 768))

        for path, name in [("/" + suffix, "dashboard"), ("/map" + suffix, "map")]:
            d.get(base + path)
            viewport(d, 390, 844)
            time.sleep(0.5)
            check(overflow(d) <= 0, f"[{lang}] {name} fits a 390-px phone")
            print(shoot(d, out, f"{name}-{lang}-390", 390, 844))

        d.get(base + "/screen" + suffix)
        viewport(d, 1920, 1080)
        time.sleep(0.8)
        check(overflow(d) <= 0 and d.execute_script("return document.documentElement.scrollHeight") <= 1080,
              f"[{lang}] the big screen fits 1920×1080")
        check(f["asOf"] in d.find_element(By.CSS_SELECTOR, ".screen-asof").text, f"[{lang}] the big screen shows the as-of day")
        labels = overlapping_labels(d) + overlapping_map_names(d)
        check(not labels, f"[{lang}] no overlapping labels on the big screen {labels[:3]}")
        # A wall is read from across the room: nothing on it under 24 px at 1920×1080, 48 at 3840×2160.
        least = smallest_text(d)
        check(least[0] >= 23.9, f"[{lang}] the big screen's smallest type is {least[0]:.1f} px ({least[1]}), at least 24")
        print(shoot(d, out, f"screen-{lang}-1920", 1920, 1080, full=False))
        d.get(base + "/screen?size=2160" + ("" if lang == "zh" else "&lang=en"))
        viewport(d, 3840, 2160)
        time.sleep(1.0)
        check(overflow(d) <= 0 and d.execute_script("return document.documentElement.scrollHeight") <= 2160,
              f"[{lang}] the big screen fits 3840×2160")
        least = smallest_text(d)
        check(least[0] >= 47.9, f"[{lang}] the 2160 screen's smallest type is {least[0]:.1f} px ({least[1]}), at least 48")
        labels = overlapping_labels(d) + overlapping_map_names(d)
        check(not labels, f"[{lang}] no overlapping labels on the 2160 screen {labels[:3]}")
        print(shoot(d, out, f"screen-{lang}-3840", 3840, 2160, full=False))
        # The panels refresh in place: the script swaps them in without reloading the page.
        d.get(base + "/screen?refresh=2" + ("" if lang == "zh" else "&lang=en"))
        time.sleep(0.5)
        d.execute_script("window.__kept = true; document.querySelector('.screen-asof').textContent = 'stale';")
        time.sleep(4)
        refreshed = d.find_element(By.CSS_SELECTOR, ".screen-asof").text
        check(f["asOf"] in refreshed and d.execute_script("return window.__kept === true"),
              f"[{lang}] the big screen's panels refresh in place, the page not reloaded")
    finally:
        d.quit()


def phone_pages(base, out):
    """Issue 23: as every role, on a 390×844 phone, every page the navigation reaches (and the
    工作台) fits the screen: nothing scrolls the page sideways (a wide table scrolls inside its
    own frame). A screenshot of each role's first page is saved."""
    for role in ["office", "unit", "supervision", "leader", "viewer", "admin", "city"]:
        d = browser("zh")
        try:
            viewport(d, 390, 844)
            d.get(base + "/signin")
            d.find_element(By.NAME, "username").send_keys(role)
            d.find_element(By.NAME, "password").send_keys(PASSWORD)
            d.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
            time.sleep(1)
            landed = d.current_url
            links = [a.get_attribute("href") for a in d.find_elements(By.CSS_SELECTOR, "header.top nav a")]
            check(len(links) > 0, f"[{role}] the phone shows the navigation")
            check(d.execute_script("return document.querySelector('header.top').getBoundingClientRect().height") < 844 / 4,
                  f"[{role}] the header takes less than a quarter of the phone's height")
            nav = d.find_element(By.CSS_SELECTOR, "header.top nav")
            check(not nav.is_displayed(), f"[{role}] on a phone the sections are folded into a menu")
            d.find_element(By.CSS_SELECTOR, "label.menu-button").click()
            check(nav.is_displayed() and overflow(d) <= 0, f"[{role}] the menu opens, without script, and fits the phone")
            for href in [landed] + links:
                d.get(href)
                time.sleep(0.2)
                check(overflow(d) <= 0, f"[{role}] {href[len(base):]} does not scroll sideways at 390 px (overflow {overflow(d)})")
            d.get(landed)
            shoot(d, out, f"phone-{role}", 390, 844, full=False)
        finally:
            d.quit()


def time_map(path):
    d = browser("zh")
    try:
        viewport(d, 1366, 900)
        best = None
        for _ in range(3):
            d.get("file://" + os.path.abspath(path))
            ms = d.execute_script("""
                return new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() =>
                  done(performance.now()))));""")
            dots = d.execute_script("return document.querySelectorAll('circle.dot').length")
            best = ms if best is None else min(best, ms)
        print(f"map page with {dots} dots drawn in {best:.0f} ms (navigation start to the second frame after load, best of 3)")
    finally:
        d.quit()


if __name__ == "__main__":
    base, out = sys.argv[1].rstrip("/"), sys.argv[2]
    os.makedirs(out, exist_ok=True)
    for lang in ["zh", "en"]:
        run(base, out, lang)
    phone_pages(base, out)
    if "--map-file" in sys.argv:
        time_map(sys.argv[sys.argv.index("--map-file") + 1])
    print(f"{len(failures)} failure(s)")
    sys.exit(1 if failures else 0)
