#!/usr/bin/env python3
"""Browser tests of a day's work (issue 23), in headless Chromium against a running demo server.

The demo stands on 2023-06-30, when every June report is in; the test first moves the district's
day to 2023-07-31 (in the server's SQLite file, as a night passing would) so July is open. Then:

1. as the unit's clerk, on a 390x844 phone with the 企业微信 browser's user-agent: from the
   工作台 to the month, fill a card with a figure, 形象进度 and a photo, submit it in one step;
   acknowledge a 催办单 (with the 钉钉 user-agent);
2. as the project office: a queue of five submitted reports; approve three in one confirmed step,
   return one by pressing Enter in its reason, approve one more; check every state;
3. import a ledger file: see the preview, cancel it, import again, confirm, undo; check the ledger
   after each step;
4. as 督查室: assign a problem with two 协办单位 typed with "、";
5. press Enter in every visible text field of every form on the pages each role works on, and
   check that no approval, issue, deletion, merge, revocation, import or undo happened.

Screenshots of each step are saved in OUT_DIR. Prints one line per check; exits 1 on any failure.

usage: tasks_test.py BASE_URL OUT_DIR SQLITE_FILE
"""
import csv
import io
import json
import os
import sqlite3
import struct
import sys
import tempfile
import time
import zlib

os.environ.setdefault("SE_OFFLINE", "true")
from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.options import Options  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402

PASSWORD = "Erqi-demo-2023"
WXWORK = ("Mozilla/5.0 (iPhone; CPU iPhone OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
          "Mobile/15E148 wxwork/4.1.22 MicroMessenger/7.0.1 Language/zh ColorScheme/Light")
DINGTALK = ("Mozilla/5.0 (Linux; Android 13; V2227A Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) "
            "Version/4.0 Chrome/115.0.5790.166 Mobile Safari/537.36 AliApp(DingTalk/7.5.0) com.alibaba.android.rimet/36004291 "
            "Channel/700159 language/zh-CN abi/64 UT4Aplus/0.2.25 colorScheme/light")
# Audit actions that cannot be taken back by the same form: none may follow a stray Enter.
IRREVERSIBLE = ("approve", "issue", "delete", "merge", "revoke", "undo", "import", "cancel", "disable")
failures = []


def check(condition, what):
    print(("ok   " if condition else "FAIL ") + what)
    if not condition:
        failures.append(what)


def browser(user_agent=None):
    o = Options()
    o.binary_location = "/usr/bin/chromium"
    for a in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars", "--lang=zh-CN"]:
        o.add_argument(a)
    if user_agent:
        o.add_argument("--user-agent=" + user_agent)
    o.add_experimental_option("prefs", {"intl.accept_languages": "zh-CN,zh"})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=o)


def viewport(d, width, height):
    d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                      {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})


def sign_in(d, base, role):
    d.get(base + "/signin")
    d.find_element(By.NAME, "username").send_keys(role)
    d.find_element(By.NAME, "password").send_keys(PASSWORD)
    d.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    time.sleep(0.8)


def signed_in(base, role, user_agent=None, width=1366, height=768):
    """A browser of this size, signed in as the role."""
    d = browser(user_agent)
    viewport(d, width, height)
    sign_in(d, base, role)
    return d


def call(d, method, path, body=None):
    """The API with the browser's own session (and its CSRF token, read from the page)."""
    script = """
        const [method, path, body] = arguments;
        const token = document.querySelector('input[name=_csrf]');
        const headers = {'Content-Type': 'application/json'};
        if (token) headers['X-CSRF-Token'] = token.value;
        const r = await fetch(path, {method, credentials: 'same-origin', headers, body: body ? JSON.stringify(body) : undefined});
        return [r.status, await r.text()];"""
    status, text = d.execute_script("return (async () => {" + script + "})()", method, path, body)
    try:
        return status, json.loads(text)
    except ValueError:
        return status, text


def overflow(d):
    return d.execute_script("return document.documentElement.scrollWidth - window.innerWidth")


def shoot(d, out, name, width, height):
    viewport(d, width, height)
    full = d.execute_script("return Math.min(document.documentElement.scrollHeight, 5000)")
    viewport(d, width, max(height, full))
    time.sleep(0.2)
    d.save_screenshot(os.path.join(out, name + ".png"))
    viewport(d, width, height)


def notice_text(d):
    alerts = d.find_elements(By.CSS_SELECTOR, "main .alert")
    return " ".join(a.text for a in alerts)


def png(width=64, height=48):
    """A real PNG, drawn here: a site photo needs no image library."""
    raw = b"".join(b"\x00" + bytes(v for x in range(width) for v in (x * 4 % 256, y * 5 % 256, 120)) for y in range(height))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def irreversible_counts(db):
    c = sqlite3.connect(db)
    try:
        marks = ",".join("?" * len(IRREVERSIBLE))
        return dict(c.execute(f"SELECT action, COUNT(*) FROM audit_entries WHERE action IN ({marks}) GROUP BY action",
                              IRREVERSIBLE).fetchall())
    finally:
        c.close()


def open_july(db):
    c = sqlite3.connect(db)
    c.execute("UPDATE districts SET frozen_on = '2023-07-31'")
    c.commit()
    c.close()


def supervision_chases(base):
    """督查室 sends the unit a 催办单 about July's reports: the clerk's to acknowledge."""
    d = signed_in(base, "supervision")
    try:
        d.get(base + "/notices")
        status, n = call(d, "POST", "/api/v1/notices", {"unit": "区住房城乡建设局", "item": "2023年7月月报逾期未报送",
                                                        "newDeadline": "2023-08-05"})
        check(status == 201, f"[supervision] a 催办单 sent to the unit ({status})")
    finally:
        d.quit()


def clerk_on_a_phone(base, out, tmp):
    d = signed_in(base, "unit", WXWORK, 390, 844)
    try:
        check("/work" in d.current_url, "[unit] lands on the 工作台")
        link = next((a for a in d.find_elements(By.CSS_SELECTOR, "main table a") if "month=2023-07" in a.get_attribute("href")), None)
        check(link is not None, "[unit] the 工作台 lists July's reports to file")
        shoot(d, out, "task-unit-work-390", 390, 844)
        if link is None:
            return
        link.click()
        time.sleep(0.6)
        cards = d.find_elements(By.CSS_SELECTOR, "article.report-card")
        check(len(cards) > 0, f"[unit] July shows a card per project ({len(cards)})")
        check(overflow(d) <= 0, f"[unit] the month fits a 390-px phone (overflow {overflow(d)})")
        card = cards[0]
        card_id = card.get_attribute("id")
        amount = card.find_element(By.NAME, "amount")
        check(amount.get_attribute("inputmode") == "decimal", "[unit] the figure opens the numeric keyboard")
        amount.send_keys("123.4")
        card.find_element(By.NAME, "progress").send_keys("主体结构施工至三层")
        photo = os.path.join(tmp, "site.png")
        with open(photo, "wb") as f:
            f.write(png())
        card.find_element(By.NAME, "photo").send_keys(photo)
        shoot(d, out, "task-unit-card-filled-390", 390, 844)
        card.find_element(By.CSS_SELECTOR, "button[value=submit]").click()
        time.sleep(0.8)
        check("已报送项目办审核" in notice_text(d), "[unit] one tap submits the figure, the progress and the photo")
        card = d.find_element(By.ID, card_id)
        check("已报送" in card.text, "[unit] the card now says 已报送")
        check(len(card.find_elements(By.CSS_SELECTOR, ".thumbs img")) == 1, "[unit] the photo is on the submitted card")
        shoot(d, out, "task-unit-submitted-390", 390, 844)

        # Four more of the unit's July reports, through the API, so the office has a queue of five.
        status, month = call(d, "GET", "/api/v1/reports?month=2023-07")
        rows = [r for r in month.get("missing", []) if r.get("status") == "missing"][:4] if isinstance(month, dict) else []
        for i, r in enumerate(rows):
            s1, draft = call(d, "PUT", f"/api/v1/projects/{r['projectId']}/reports/2023-07", {"amount": 50 + i, "progress": "正常施工"})
            s2, _ = call(d, "POST", f"/api/v1/reports/{draft.get('reportId')}/submit", {"version": 1}) if s1 == 200 else (s1, None)
            check(s1 == 200 and s2 == 200, f"[unit] report {r['code']} submitted")
    finally:
        d.quit()

    # A 催办单 to acknowledge, from the 工作台, in the 钉钉 browser.
    d = signed_in(base, "unit", DINGTALK, 390, 844)
    try:
        status, todo = call(d, "GET", "/api/v1/todo")
        notices = [i for i in todo.get("items", []) if i.get("kind") == "notice"] if isinstance(todo, dict) else []
        check(len(notices) > 0, "[unit] the 工作台 lists a 催办单 to acknowledge")
        if notices:
            d.get(base + notices[0]["url"])
            time.sleep(0.4)
            check(overflow(d) <= 0, f"[unit] the 催办单 fits the phone (overflow {overflow(d)})")
            buttons = [b for b in d.find_elements(By.CSS_SELECTOR, "main form button") if b.text.strip() == "签收"]
            check(len(buttons) == 1, "[unit] the 催办单 offers 签收")
            if buttons:
                buttons[0].click()
                time.sleep(0.6)
                check("已于" in d.find_element(By.TAG_NAME, "main").text and "签收" in d.find_element(By.TAG_NAME, "main").text,
                      "[unit] the 催办单 says it was acknowledged")
                shoot(d, out, "task-unit-notice-390", 390, 844)
    finally:
        d.quit()


def office_reviews_five(base, out):
    d = signed_in(base, "office")
    try:
        d.get(base + "/reports?month=2023-07&status=submitted")
        ticks = d.find_elements(By.CSS_SELECTOR, "input[form=approve-batch]")
        check(len(ticks) == 5, f"[office] the queue holds the five submitted reports ({len(ticks)})")
        shoot(d, out, "task-office-queue-1366", 1366, 768)
        viewport(d, 390, 844)
        check(overflow(d) <= 0, f"[office] the queue fits a phone (overflow {overflow(d)})")
        shoot(d, out, "task-office-queue-390", 390, 844)
        viewport(d, 1366, 768)
        if len(ticks) != 5:
            return
        picked = [t.get_attribute("value").split(":")[0] for t in ticks[:3]]
        for t in ticks[:3]:
            t.click()
        batch = next(s for s in d.find_elements(By.CSS_SELECTOR, "details.confirm > summary") if "批量审定" in s.text)
        batch.click()
        panel = batch.find_element(By.XPATH, "..")
        check("一次审定" in panel.text, "[office] 批量审定 says what it will do before doing it")
        panel.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        time.sleep(1.0)
        check("已审定 3 份月报" in notice_text(d), "[office] three approved in one confirmed step")
        rest = d.find_elements(By.CSS_SELECTOR, "input[form=approve-batch]")
        check(len(rest) == 2, f"[office] the queue shows the two left, in place ({len(rest)})")
        # Enter in the reason returns that report: the action the field belongs to.
        returned = rest[0].get_attribute("value").split(":")[0]
        reason = d.find_element(By.CSS_SELECTOR, f"form[action*='{returned}'] input[name=reason]")
        reason.send_keys("照片不清，请补充现场照片" + Keys.ENTER)
        time.sleep(0.8)
        check("已退回" in notice_text(d), "[office] Enter in the reason returned the report")
        last = d.find_elements(By.CSS_SELECTOR, "input[form=approve-batch]")
        check(len(last) == 1, "[office] one report left in the queue")
        if last:
            approved = last[0].get_attribute("value").split(":")[0]
            row = d.find_element(By.ID, last[0].find_element(By.XPATH, "ancestor::tr").get_attribute("id"))
            summary = next(s for s in row.find_elements(By.CSS_SELECTOR, "details.confirm > summary") if s.text.strip() == "审定")
            summary.click()
            summary.find_element(By.XPATH, "..").find_element(By.CSS_SELECTOR, "button[type=submit]").click()
            time.sleep(0.8)
            check("已审定" in notice_text(d), "[office] the last one approved after its own confirmation")
            picked.append(approved)
        status, month = call(d, "GET", "/api/v1/reports?month=2023-07")
        states = {r["reportId"]: r["status"] for r in month.get("reports", [])} if isinstance(month, dict) else {}
        check(all(states.get(i.lower()) == "approved" or states.get(i.upper()) == "approved" or states.get(i) == "approved" for i in picked),
              "[office] the four approved are approved")
        check(returned in states and states[returned] == "returned"
              or any(k.lower() == returned.lower() and v == "returned" for k, v in states.items()),
              "[office] the one returned is returned, not approved")
        shoot(d, out, "task-office-after-1366", 1366, 768)
    finally:
        d.quit()


def office_imports(base, out, tmp):
    d = signed_in(base, "office")
    try:
        d.get(base + "/ledger/import")
        # The example's three new rows, and the ledger's first project renamed (a changed row).
        example = d.execute_script("return (async () => (await fetch('/docs/ledger-example.csv')).text())()")
        ledger = d.execute_script("return (async () => (await fetch('/ledger/export?year=2023&format=csv')).text())()")
        ex = list(csv.reader(io.StringIO(example.lstrip("\ufeff"))))
        lg = list(csv.reader(io.StringIO(ledger.lstrip("\ufeff"))))
        header = ex[0]
        index = {h: i for i, h in enumerate(lg[0])}
        changed = [lg[1][index[h]] if h in index else "" for h in header]
        old_name = changed[header.index("项目名称")]
        changed[header.index("项目名称")] = old_name + "（改）"
        buf = io.StringIO()
        w = csv.writer(buf)
        w.writerow(header)
        w.writerow(changed)
        for r in ex[1:]:
            w.writerow(r)
        path = os.path.join(tmp, "ledger.csv")
        with open(path, "w", encoding="utf-8") as f:
            f.write(buf.getvalue())
        code = changed[header.index("项目编号")]

        def upload():
            d.get(base + "/ledger/import")
            d.find_element(By.ID, "year").clear()
            d.find_element(By.ID, "year").send_keys("2023")
            d.find_element(By.ID, "file").send_keys(path)
            d.find_element(By.ID, "file").find_element(By.XPATH, "ancestor::form").find_element(By.CSS_SELECTOR, "button[type=submit]").click()
            time.sleep(1.0)

        def projects(q):
            status, body = call(d, "GET", "/api/v1/projects?year=2023&q=" + q)
            return body.get("total", len(body.get("items", []))) if isinstance(body, dict) else -1

        upload()
        main = d.find_element(By.TAG_NAME, "main").text
        check("/imports/" in d.current_url and "导入预览" in main, "[office] an upload opens its preview")
        check("尚未写入" in main and old_name in main and old_name + "（改）" in main, "[office] the preview shows the changed name before → after")
        check(projects("示例") == 0, "[office] the preview wrote nothing")
        shoot(d, out, "task-import-preview-1366", 1366, 768)
        viewport(d, 390, 844)
        check(overflow(d) <= 0, f"[office] the preview fits a phone (overflow {overflow(d)})")
        shoot(d, out, "task-import-preview-390", 390, 844)
        viewport(d, 1366, 768)
        next(b for b in d.find_elements(By.CSS_SELECTOR, "main form button") if "取消本次导入" in b.text).click()
        time.sleep(0.6)
        check("已取消" in notice_text(d) and projects("示例") == 0, "[office] cancelled: nothing written")

        upload()
        summary = next(s for s in d.find_elements(By.CSS_SELECTOR, "details.confirm > summary") if "确认导入" in s.text)
        summary.click()
        summary.find_element(By.XPATH, "..").find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        time.sleep(1.2)
        check("已导入" in notice_text(d) and projects("示例") == 3, "[office] confirmed: the three new projects are in the ledger")
        status, changed_now = call(d, "GET", "/api/v1/projects?year=2023&q=" + code)
        names = [p.get("name") for p in changed_now.get("items", [])] if isinstance(changed_now, dict) else []
        check(old_name + "（改）" in names, "[office] confirmed: the changed project has its new name")
        shoot(d, out, "task-import-applied-1366", 1366, 768)
        summary = next(s for s in d.find_elements(By.CSS_SELECTOR, "details.confirm > summary") if "撤销本次导入" in s.text)
        summary.click()
        summary.find_element(By.XPATH, "..").find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        time.sleep(1.2)
        status, back = call(d, "GET", "/api/v1/projects?year=2023&q=" + code)
        names = [p.get("name") for p in back.get("items", [])] if isinstance(back, dict) else []
        check("已撤销" in notice_text(d) and projects("示例") == 0 and old_name in names,
              "[office] undone: the new projects are gone and the changed one has its old name back")
    finally:
        d.quit()


def supervision_assigns(base, out):
    d = signed_in(base, "supervision")
    try:
        d.get(base + "/problems")
        status, page = call(d, "GET", "/api/v1/projects?year=2023&q=EQ2023-0009")
        project = page["items"][0]["code"] if isinstance(page, dict) and page.get("items") else "EQ2023-0009"
        status, made = call(d, "POST", "/api/v1/problems", {"projectCode": project, "category": "水电气暖", "title": "雨污管网未接驳",
                                                           "description": "待市政部门审批接驳方案"})
        pid = made.get("problem", {}).get("id") if isinstance(made, dict) else None
        check(status == 201 and pid is not None, "[supervision] a problem raised to assign")
        if not pid:
            return
        d.get(base + "/problems/" + pid)
        form = next(f for f in d.find_elements(By.CSS_SELECTOR, "main form") if f.find_elements(By.CSS_SELECTOR, "input[value=assign]"))
        lead = form.find_element(By.NAME, "leadUnit")
        check(lead.get_attribute("value") == page["items"][0].get("unit", lead.get_attribute("value")) if isinstance(page, dict) and page.get("items") else True,
              "[supervision] the lead unit starts at the project's own unit")
        form.find_element(By.NAME, "assistingUnits").send_keys("区发展改革委、区商务局")
        # A date box is typed in the browser's locale; its value is what the form sends.
        d.execute_script("arguments[0].value = '2023-08-15'", form.find_element(By.NAME, "deadline"))
        shoot(d, out, "task-supervision-assign-1366", 1366, 768)
        form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        time.sleep(0.8)
        check("已交办" in notice_text(d), f"[supervision] assigned ({notice_text(d)[:120]})")
        status, detail = call(d, "GET", "/api/v1/problems/" + pid)
        check(isinstance(detail, dict) and detail.get("assistingUnits") == ["区发展改革委", "区商务局"],
              f"[supervision] two 协办单位 recorded ({detail.get('assistingUnits') if isinstance(detail, dict) else detail})")
    finally:
        d.quit()


def enter_everywhere(base, db):
    """Enter in each visible text field of each form on each page a role works on."""
    pages = {
        "office": ["/reports?month=2023-07", "/documents", "/projects", "/lists/unit", "/enterprises", "/imports", "/ledger/import"],
        "supervision": ["/problems", "/bulletins", "/meetings", "/notices"],
        "unit": ["/reports?month=2023-07", "/problems", "/leads"],
        "admin": ["/admin/users", "/admin/tokens"],
    }
    fields = "input[type=text], input[type=number], input[type=search], input[type=date], input[type=month], input:not([type])"
    for role, paths in pages.items():
        d = signed_in(base, role)
        try:
            # The pages' detail pages too: the first project, document, enterprise and problem linked.
            extra = []
            for list_path, prefix in [("/projects", "/projects/"), ("/documents", "/documents/"), ("/enterprises", "/enterprises/"),
                                      ("/problems", "/problems/"), ("/bulletins", "/bulletins/")]:
                if list_path not in paths:
                    continue
                d.get(base + list_path)
                for a in d.find_elements(By.CSS_SELECTOR, "main table a"):
                    href = a.get_attribute("href") or ""
                    rest = href[len(base):]
                    if rest.startswith(prefix) and rest.count("/") == 2 and "?" not in rest:
                        extra.append(rest)
                        break
            for path in paths + extra:
                d.get(base + path)
                n = len([e for e in d.find_elements(By.CSS_SELECTOR, "main form " + fields.replace(", ", ", main form ")) if e.is_displayed()])
                pressed = 0
                for i in range(min(n, 30)):
                    d.get(base + path)
                    visible = [e for e in d.find_elements(By.CSS_SELECTOR, "main form " + fields.replace(", ", ", main form ")) if e.is_displayed()]
                    if i >= len(visible):
                        break
                    before = irreversible_counts(db)
                    try:
                        visible[i].click()
                        visible[i].send_keys(Keys.ENTER)
                    except Exception:  # a field covered by another element: skip it, as a user could not reach it
                        continue
                    time.sleep(0.35)
                    after = irreversible_counts(db)
                    pressed += 1
                    if after != before:
                        check(False, f"[{role}] Enter in field {i} of {path} took an irreversible step: {before} → {after}")
                check(True, f"[{role}] Enter in {pressed} text field(s) of {path}: nothing irreversible happened")
        finally:
            d.quit()


if __name__ == "__main__":
    base, out, db = sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3]
    os.makedirs(out, exist_ok=True)
    open_july(db)
    supervision_chases(base)
    with tempfile.TemporaryDirectory() as tmp:
        clerk_on_a_phone(base, out, tmp)
        office_reviews_five(base, out)
        office_imports(base, out, tmp)
    supervision_assigns(base, out)
    enter_everywhere(base, db)
    print(f"{len(failures)} failure(s)")
    sys.exit(1 if failures else 0)
