#!/usr/bin/env python3
"""A report made where there is no signal (issue 26), in headless Chromium on a 390x844 phone.

As the unit's clerk: open the month (the service worker keeps it on the phone), switch the
network off, fill a card with a figure, 形象进度 and a photo and submit it — the page says
待发送 1; reload the month with the network still off — it comes from the phone, still saying
待发送 1; switch the network on — the entry is sent, 待发送 disappears, and the server holds the
report once, with its photo judged. Sending the same entry again (a lost answer) changes
nothing. Also: the manifest, its icons and the service worker are served as a browser installs
them.

Needs the district's day in July 2023 (it sets 2023-07-31 in SQLITE_FILE, as tasks_test.py does).
usage: offline_test.py BASE_URL OUT_DIR SQLITE_FILE
"""
import io
import json
import os
import sqlite3
import sys
import time
import urllib.request

os.environ.setdefault("SE_OFFLINE", "true")
from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.options import Options  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402

server, out, db = sys.argv[1], sys.argv[2], sys.argv[3]
os.makedirs(out, exist_ok=True)
PHOTO = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Fixtures", "photos", "site.jpg")
failures = []


def check(condition, what):
    print(("ok   " if condition else "FAIL ") + what)
    if not condition:
        failures.append(what)


class Line:
    """The phone's connection: a TCP relay between the browser and the server that the test cuts
    and restores. Cut, every connection through it closes and new ones are refused at once —
    the page's and the service worker's alike, as when a phone loses its signal."""

    def __init__(self, target):
        import socket
        import threading
        from urllib.parse import urlparse
        u = urlparse(target)
        self.target = (u.hostname, u.port or 80)
        self.up = True
        self.open = set()
        self.lock = threading.Lock()
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(64)
        self.port = self.listener.getsockname()[1]
        threading.Thread(target=self.accept, daemon=True).start()

    def accept(self):
        import socket
        import threading
        while True:
            client, _ = self.listener.accept()
            if not self.up:
                client.close()
                continue
            try:
                backend = socket.create_connection(self.target)
            except OSError:
                client.close()
                continue
            with self.lock:
                self.open.update([client, backend])
            for a, b in ((client, backend), (backend, client)):
                threading.Thread(target=self.pipe, args=(a, b), daemon=True).start()

    def pipe(self, a, b):
        try:
            while True:
                data = a.recv(65536)
                if not data:
                    break
                b.sendall(data)
        except OSError:
            pass
        for sock in (a, b):
            try:
                sock.close()
            except OSError:
                pass

    def set(self, up):
        self.up = up
        if not up:
            with self.lock:
                for sock in self.open:
                    try:
                        sock.close()
                    except OSError:
                        pass
                self.open.clear()


line = Line(server)
base = "http://127.0.0.1:%d" % line.port


def fetch(path):
    with urllib.request.urlopen(base + path, timeout=10) as r:
        return r.status, r.headers.get("Content-Type", ""), r.read()


# Installable: the manifest names its icons, which are PNGs of their stated sizes.
from PIL import Image  # noqa: E402
status, ctype, body = fetch("/manifest.webmanifest")
manifest = json.loads(body)
check(status == 200 and "manifest+json" in ctype and manifest.get("display") == "standalone", "the manifest is served (standalone)")
for icon in manifest.get("icons", []):
    s, t, png = fetch(icon["src"])
    size = Image.open(io.BytesIO(png)).size
    check(s == 200 and t == "image/png" and "%dx%d" % size == icon["sizes"], f"icon {icon['src']} is a {icon['sizes']} PNG")
s, t, _ = fetch("/sw.js")
check(s == 200 and t.startswith("text/javascript"), "the service worker is served as JavaScript")

c = sqlite3.connect(db)
c.execute("UPDATE districts SET frozen_on = '2023-07-31' WHERE frozen_on IS NULL OR frozen_on < '2023-07-31'")
c.commit()
c.close()

o = Options()
o.binary_location = "/usr/bin/chromium"
for a in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars", "--lang=zh-CN"]:
    o.add_argument(a)
o.add_experimental_option("prefs", {"intl.accept_languages": "zh-CN,zh"})
d = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=o)
d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True})


def network(on):
    # The line for every request (the service worker's too), and the browser told, so that
    # navigator.onLine says so as a phone's would.
    line.set(on)
    d.execute_cdp_cmd("Network.enable", {})
    d.execute_cdp_cmd("Network.emulateNetworkConditions",
                      {"offline": not on, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})


def pending():
    el = d.find_elements(By.ID, "pending")
    return el[0].text if el and el[0].is_displayed() else ""


try:
    d.get(base + "/signin")
    d.find_element(By.NAME, "username").send_keys("unit")
    d.find_element(By.NAME, "password").send_keys("Erqi-demo-2023")
    d.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    time.sleep(0.8)
    month = base + "/reports?month=2023-07"
    d.get(month)
    # The worker installs, then controls the page from the next load, which it keeps.
    for _ in range(40):
        if d.execute_script("return !!(navigator.serviceWorker && navigator.serviceWorker.controller)"):
            break
        time.sleep(0.25)
        d.get(month)
    check(d.execute_script("return !!navigator.serviceWorker.controller"), "the service worker controls the month")
    d.get(month)
    time.sleep(0.5)
    def unreported():
        """Forms of cards not yet reported (tasks_test.py, run before, drafts and submits some)."""
        return [a.find_element(By.CSS_SELECTOR, "form.report-form") for a in d.find_elements(By.CSS_SELECTOR, "article.report-card")
                if a.find_elements(By.CSS_SELECTOR, ".tag.status-missing") and a.find_elements(By.CSS_SELECTOR, "form.report-form")]

    forms = unreported()
    check(len(forms) >= 2, f"the clerk has cards not yet reported ({len(forms)})")
    form = forms[-1]
    card = form.find_element(By.XPATH, "./ancestor::article")
    project = card.get_attribute("id")[2:]
    key = form.find_element(By.NAME, "draftKey").get_attribute("value")

    network(False)
    time.sleep(0.3)
    check(d.execute_script("return navigator.onLine") is False, "the phone is offline")
    form.find_element(By.NAME, "amount").clear()
    form.find_element(By.NAME, "amount").send_keys("77")
    form.find_element(By.NAME, "progress").send_keys("离线填报：主体施工")
    form.find_element(By.NAME, "photo").send_keys(os.path.abspath(PHOTO))
    form.find_element(By.CSS_SELECTOR, "button[value=submit]").click()
    for _ in range(20):
        if "待发送 1" in pending():
            break
        time.sleep(0.25)
    check("待发送 1" in pending(), f"the page says 待发送 1 ({pending()!r})")
    note = form.find_elements(By.CSS_SELECTOR, ".queued-note")
    check(bool(note) and "已保存在本机" in note[0].text, "the card says it is kept on the phone")
    d.save_screenshot(os.path.join(out, "offline-queued-390.png"))

    # Reloaded without a connection: the month comes from the phone, the queue still there.
    d.get(month)
    time.sleep(1)
    kept = [f.get_attribute("value") for f in d.find_elements(By.NAME, "draftKey")]
    check(key in kept, "the month reloads offline from the phone (the same page it kept)")
    for _ in range(20):
        if "待发送 1" in pending():
            break
        time.sleep(0.25)
    check("待发送 1" in pending(), f"after the reload it still says 待发送 1 ({pending()!r})")
    # The queued entry's own key (not the page's, which a kept page may share with a save made online).
    queued = d.execute_script("return window.BallastDrafts.all().then(l => l.map(x => x.key))")
    check(len(queued) == 1 and queued[0] != key, f"the entry is queued under a key of its own ({queued})")
    sent_key = queued[0] if queued else key
    c = sqlite3.connect(db)
    before = c.execute("SELECT COUNT(*) FROM monthly_reports WHERE project_id = ? AND year = 2023 AND month = 7", (project,)).fetchone()[0]
    c.close()
    check(before == 0, "nothing reached the server while offline")

    network(True)
    for _ in range(80):
        if not pending():
            break
        time.sleep(0.25)
    check(pending() == "", "back online, the queue empties")
    time.sleep(0.5)
    c = sqlite3.connect(db)
    rows = c.execute("SELECT id, amount, status, progress FROM monthly_reports WHERE project_id = ? AND year = 2023 AND month = 7", (project,)).fetchall()
    check(len(rows) == 1 and rows[0][1] == 770000 and rows[0][2] == "submitted" and "离线填报" in (rows[0][3] or ""),
          f"the server holds the report once, submitted, as entered ({rows})")
    photos = c.execute("SELECT verdict FROM report_photos WHERE report_id = ?", (rows[0][0],)).fetchall() if rows else []
    check(len(photos) == 1 and photos[0][0], f"with its photo, judged ({photos})")
    c.close()

    # The same entry again, as after a lost answer: received, nothing saved twice.
    again = d.execute_script("""
        const [url, key] = arguments;
        const f = new FormData();
        f.append('_csrf', document.querySelector('input[name=_csrf]').value);
        f.append('amount', '99'); f.append('progress', 'x'); f.append('action', 'save'); f.append('draftKey', key);
        return fetch(url, {method: 'POST', body: f, credentials: 'same-origin'}).then(r => r.text().then(t => [r.status, t]));
    """, base + f"/projects/{project}/reports/2023-07/save?month=2023-07", sent_key)
    check(again[0] == 200 and "此前已收到" in again[1], f"sent again, it is recognised ({again[0]})")
    c = sqlite3.connect(db)
    rows = c.execute("SELECT amount FROM monthly_reports WHERE project_id = ? AND year = 2023 AND month = 7", (project,)).fetchall()
    n = c.execute("SELECT COUNT(*) FROM report_photos p JOIN monthly_reports r ON r.id = p.report_id WHERE r.project_id = ? AND r.month = 7",
                  (project,)).fetchone()[0]
    c.close()
    check(rows == [(770000,)] and n == 1, f"still one report of 77万 and one photo ({rows}, {n})")
    d.get(month)
    d.save_screenshot(os.path.join(out, "offline-sent-390.png"))

    # Signed out while the entry waited (the session expired): sending it is refused, and the
    # entry stays on the phone, marked, instead of being taken for sent.
    forms = unreported()
    form = forms[-1]
    other = form.find_element(By.XPATH, "./ancestor::article").get_attribute("id")[2:]
    check(other != project, "a second card to fill")
    network(False)
    time.sleep(0.3)
    form.find_element(By.NAME, "amount").clear()
    form.find_element(By.NAME, "amount").send_keys("55")
    form.find_element(By.CSS_SELECTOR, "button[value=save]").click()
    time.sleep(0.5)
    d.delete_all_cookies()
    network(True)
    for _ in range(80):
        if "未能发送" in pending():
            break
        time.sleep(0.25)
    check("未能发送" in pending(), f"without a session the entry is kept and said not sent ({pending()!r})")
    left = d.execute_script("return window.BallastDrafts.all().then(l => l.length)")
    c = sqlite3.connect(db)
    n = c.execute("SELECT COUNT(*) FROM monthly_reports WHERE project_id = ? AND year = 2023 AND month = 7", (other,)).fetchone()[0]
    c.close()
    check(left == 1 and n == 0, f"still on the phone ({left}), nothing saved on the server ({n})")
finally:
    d.quit()

print(f"{len(failures)} failed" if failures else "all offline checks passed")
sys.exit(1 if failures else 0)
