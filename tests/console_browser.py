"""The browser console end to end, driven in Debian's chromium through chromedriver (python3-selenium).

Run by tests/console_browser.test.sh, which starts the console and a headless kiosk on loopback:
    console_browser.py BASE_URL KIOSK_STATUS_JSON WORK_DIR SCREENSHOT_DIR
Covers: log in (and a wrong password), the feeds list, an editor cannot open another center's feed
(page and API), a news item with furigana (helper + ruby view), an event and an image, a validation
error shown beside its field in Japanese and fixed, the landscape and portrait preview, publish
with its confirmation, the headless kiosk showing the item, an XSS title staying text, withdraw,
the alerts fast path (an exercise with a shelter marked full), the audit log and the fleet page.
Screenshots of each page at 1280x800 go to SCREENSHOT_DIR. Waits are for events, with generous
timeouts that only bound a hang.
"""
import json
import os
import struct
import sys
import time
import zlib

from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException, StaleElementReferenceException, TimeoutException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

BASE, STATUS_JSON, WORK, SHOTS = sys.argv[1:5]
WAIT = 30


def fail(msg):
    print(f"FAIL: {msg}")
    sys.exit(1)


def ok(msg):
    print(f"ok: {msg}", flush=True)


def png_file(path, w=480, h=320):
    """An RGB PNG (sky over a green field) with a text chunk standing in for metadata the upload
    must drop."""
    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)
    rows = b"".join(b"\x00" + (bytes([90 + y // 4, 150 + y // 5, 230]) if y < h * 3 // 5
                                else bytes([60, 140 + (y % 20), 70])) * w for y in range(h))
    data = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            + chunk(b"tEXt", b"Comment\x00taken at home, 35.6N 139.7E")
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))
    with open(path, "wb") as f:
        f.write(data)


opts = webdriver.ChromeOptions()
opts.binary_location = "/usr/bin/chromium"
for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
          "--window-size=1280,800", "--lang=ja", "--force-device-scale-factor=1",
          f"--user-data-dir={WORK}/chrome-profile"):
    opts.add_argument(a)
opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=opts)
# The page itself 1280x800 (the window's size would include the browser's own bars).
driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                       {"width": 1280, "height": 800, "deviceScaleFactor": 1, "mobile": False})
wait = WebDriverWait(driver, WAIT)


def shot(name, scroll_to=None):
    if scroll_to is None:
        driver.execute_script("window.scrollTo(0, 0)")
    else:
        driver.execute_script("arguments[0].scrollIntoView({block: 'start'})", scroll_to)
    driver.save_screenshot(os.path.join(SHOTS, f"console-{name}.png"))


def text_present(text):
    wait.until(lambda d: text in d.execute_script("return document.body.innerText"), f"text {text!r}")


def heading(text):
    """Waits for the page's <h1> to read `text` (the page has been drawn)."""
    wait.until(lambda d: d.execute_script(
        "return [...document.querySelectorAll('main h1')].some(h => h.textContent === arguments[0])", text),
        f"heading {text!r}")


def label_input(label, scope=None):
    """The control of the visible <label> whose text starts with `label`."""
    root = scope or driver

    def find(_):
        for el in root.find_elements(By.TAG_NAME, "label"):
            if el.is_displayed() and el.text.startswith(label):
                return driver.find_element(By.ID, el.get_attribute("for"))
        return False
    return wait.until(find, f"a visible label {label!r}")


def button(text):
    def find(d):
        for b in d.find_elements(By.CSS_SELECTOR, "button, a.button"):
            if b.is_displayed() and b.text.strip() == text and b.is_enabled():
                return b
        return False
    return wait.until(find, f"button {text!r}")


def set_value(el, value):
    driver.execute_script(
        "arguments[0].value = arguments[1];"
        "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
        "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", el, value)


def field_error(el):
    return driver.execute_script(
        "const f = arguments[0].closest('.field'); const p = f && f.querySelector('.field-error');"
        "return p && !p.hidden ? p.textContent : '';", el)


def login(name, password):
    if not driver.current_url.endswith("#/login"):
        driver.get(BASE + "/#/login")
    # The login page may still be drawn anew just after a logout: type into the form that stays.
    for attempt in range(3):
        try:
            user = wait.until(EC.visibility_of_element_located((By.CSS_SELECTOR, "input[name=name]")))
            user.clear()
            user.send_keys(name)
            pw = driver.find_element(By.CSS_SELECTOR, "input[name=password]")
            pw.clear()
            pw.send_keys(password + Keys.ENTER)  # keyboard only
            break
        except StaleElementReferenceException:
            if attempt == 2:
                raise
    text_present(f"{name} さん")
    heading("お知らせの一覧")


def logout():
    button("ログアウト").click()
    wait.until(EC.visibility_of_element_located((By.CSS_SELECTOR, "input[name=name]")))


def wait_kiosk_slide(item_id):
    def shown(_):
        try:
            with open(STATUS_JSON) as f:
                return ((json.load(f).get("slide") or {}).get("id")) == item_id
        except (OSError, ValueError):
            return False
    try:
        WebDriverWait(driver, 60, poll_frequency=0.2).until(shown)
    except TimeoutException:
        fail(f"the kiosk does not show {item_id}: {open(STATUS_JSON).read() if os.path.exists(STATUS_JSON) else 'no status.json'}")


def api_status(path):
    return driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "fetch(arguments[0]).then(r => done(r.status), () => done(0));", path)


try:
    # --- log in
    driver.get(BASE + "/")
    wait.until(EC.visibility_of_element_located((By.CSS_SELECTOR, "input[name=name]")))
    shot("login")
    driver.find_element(By.CSS_SELECTOR, "input[name=name]").send_keys("sato")
    driver.find_element(By.CSS_SELECTOR, "input[name=password]").send_keys("wrong password" + Keys.ENTER)
    text_present("名前かパスワードが違います")
    ok("a wrong password is refused in Japanese")
    # The console's login queue is full (many logins at once): it answers 503 with Retry-After.
    # The page's fetch is made to get that answer once; the page says so and tries again itself.
    driver.execute_script(
        "const real = window.fetch; let once = true;"
        "window.fetch = (url, opts) => {"
        "  if (once && url === '/api/v1/session' && opts && opts.method === 'POST') {"
        "    once = false;"
        "    return Promise.resolve(new Response(JSON.stringify({error: 'busy: many logins at once'}),"
        "      {status: 503, headers: {'Retry-After': '2', 'Content-Type': 'application/json'}}));"
        "  }"
        "  return real(url, opts);"
        "};")
    user = driver.find_element(By.CSS_SELECTOR, "input[name=name]")
    user.clear()
    user.send_keys("sato")
    pw = driver.find_element(By.CSS_SELECTOR, "input[name=password]")
    pw.clear()
    pw.send_keys("sato-san password 1" + Keys.ENTER)
    text_present("混み合っています。少し待ってからもう一度お試しください")
    shot("login-busy")
    text_present("sato さん")
    heading("お知らせの一覧")
    ok("a full login queue (503): the page says 混み合っています and logs in by itself once it may")
    text_present("池尻まちづくりセンター")
    body = driver.find_element(By.TAG_NAME, "main").text
    if "池尻まちづくりセンター" not in body or "太子堂" in body:
        fail(f"the feeds list shows the wrong feeds: {body}")
    shot("feeds")
    ok("logged in; the feeds list shows only sato's center")

    # --- an editor cannot reach another center's feed
    driver.get(BASE + "/#/new/taishido.news/news")
    text_present("この欄は開けません")
    if api_status("/api/v1/feeds/taishido.news/items") != 403:
        fail("the API let an editor read another center's feed")
    ok("another center's feed: the page refuses and the API answers 403")

    # --- a news item with furigana and an event
    driver.get(BASE + "/#/feeds")
    heading("お知らせの一覧")
    Select(label_input("新しく書く")).select_by_value("news")
    button("書き始める").click()
    heading("お知らせを書く")
    # Language tabs by keyboard: arrow keys move between them.
    driver.find_element(By.ID, "tab-ja").send_keys(Keys.ARROW_RIGHT)
    if driver.switch_to.active_element.get_attribute("id") != "tab-ja-x-easy" or \
            not driver.find_element(By.ID, "panel-ja-x-easy").is_displayed():
        fail("the arrow key does not move to the やさしい日本語 tab")
    driver.switch_to.active_element.send_keys(Keys.ARROW_LEFT)
    title = label_input("題名")
    title.send_keys("防災訓練のお知らせ")
    # The furigana helper: select 防災, give its reading, press the button.
    driver.execute_script("arguments[0].focus(); arguments[0].setSelectionRange(0, 2);", title)
    yomi = driver.find_elements(By.CSS_SELECTOR, "#panel-ja .furigana input")[0]
    yomi.send_keys("ぼうさい")
    button_el = driver.find_elements(By.CSS_SELECTOR, "#panel-ja .furigana button")[0]
    button_el.click()
    if title.get_attribute("value") != "{防災|ぼうさい}訓練のお知らせ":
        fail(f"the furigana helper wrote {title.get_attribute('value')!r}")
    rt = driver.find_elements(By.CSS_SELECTOR, "#panel-ja .ruby-view ruby rt")
    if not rt or rt[0].text != "ぼうさい":
        fail("the ruby view does not show the reading")
    ok("furigana helper: {防災|ぼうさい} inserted and shown as ruby")

    # A validation error beside its field (a reading left empty), in Japanese, then fixed.
    summary = label_input("要点")
    summary.send_keys("12月14日 10時から池尻小学校で{避難|}訓練をします。")
    wait.until(lambda d: field_error(summary), "an error beside 要点")
    err = field_error(summary)
    if "ふりがなの書き方" not in err:
        fail(f"the error beside 要点 is {err!r}")
    if summary.get_attribute("aria-invalid") != "true":
        fail("the field with the error is not marked aria-invalid")
    shot("editor-error")
    set_value(summary, "12月14日 10時から池尻小学校で{避難|ひなん}訓練をします。")
    wait.until(lambda d: not field_error(summary), "the error goes once fixed")
    ok(f"validation error shown beside the field ({err.splitlines()[0] if err else ''}) and fixed")

    set_value(label_input("場所"), "池尻小学校 体育館")
    set_value(label_input("費用"), "無料")
    set_value(label_input("始まり"), "2026-12-14T10:00")
    set_value(label_input("終わり"), "2026-12-14T09:00")  # before the start: refused at save
    driver.find_element(By.ID, "tab-en").click()
    set_value(label_input("題名"), "Disaster drill")
    driver.find_element(By.ID, "tab-ja").click()
    button("保存する").click()
    text_present("直してほしいところがあります")
    end = label_input("終わり")
    if "終わりの日時が、始まりより前" not in field_error(end):
        fail(f"the event end error is {field_error(end)!r}")
    set_value(end, "2026-12-14T12:00")
    ok("event end before start: shown in the summary and beside 終わり, then fixed")

    # An image: re-encoded on the server.
    png_file(os.path.join(WORK, "photo.png"))
    label_input("画像を選ぶ").send_keys(os.path.join(WORK, "photo.png"))
    text_present("画像を登録しました")
    set_value(label_input("画像の説明"), "防災訓練の様子")
    ok("image uploaded")

    # The preview, landscape and portrait.
    def previews_ready(d):
        sizes = d.execute_script(
            "return [...document.querySelectorAll('.preview img')].map(i => i.hidden ? 0 : i.naturalWidth);")
        return sizes == [960, 540] and "見え方（日本語）" in d.find_element(By.CSS_SELECTOR, ".preview .state").text
    wait.until(previews_ready, "the landscape and portrait previews")
    ok("preview drawn: 960x540 and 540x960")
    button("保存する").click()
    text_present("保存しました")
    item_id = driver.execute_script("return decodeURIComponent(location.hash.split('/')[3])")
    wait.until(previews_ready, "the previews after saving")
    shot("editor")
    ok(f"saved {item_id}")

    # The session ends (its cookie gone, as after 30 idle minutes) while typing: the next request
    # gets 401, the login page says why, and after logging in again the page and the unsaved text
    # come back.
    fee = label_input("費用")
    driver.delete_all_cookies()
    set_value(fee, "無料（申し込み不要）")
    text_present("しばらく操作がなかったため")
    pw = wait.until(EC.visibility_of_element_located((By.CSS_SELECTOR, "input[name=password]")))
    driver.find_element(By.CSS_SELECTOR, "input[name=name]").send_keys("sato")
    pw.send_keys("sato-san password 1" + Keys.ENTER)
    heading("お知らせを直す")
    text_present("保存していなかった入力を戻しました")
    if label_input("費用").get_attribute("value") != "無料（申し込み不要）":
        fail("the unsaved text did not come back after logging in again")
    button("保存する").click()
    text_present("保存しました")
    ok("session ended while typing: login page says why, the page and the unsaved text come back")

    # --- publish with its confirmation, and the kiosk picks it up
    button("公開する").click()
    dialog = wait.until(EC.visibility_of_element_located((By.TAG_NAME, "dialog")))
    text_present("新しく出るもの（1件）")
    if "防災訓練のお知らせ" not in dialog.text or "lobby-1" not in dialog.text:
        fail(f"the confirmation does not say what changes where: {dialog.text}")
    shot("publish")
    [b for b in dialog.find_elements(By.TAG_NAME, "button") if b.text == "公開する"][0].click()
    text_present("公開しました")
    wait_kiosk_slide(item_id)
    with open(STATUS_JSON) as f:
        refused = json.load(f).get("refused_images_total", 0)
    if refused:
        fail(f"the kiosk refused {refused} image(s) (the upload's URL or sha256)")
    ok(f"published; the headless kiosk shows {item_id} (no image refused)")
    with open(os.path.join(WORK, "published-news-id"), "w") as f:
        f.write(item_id)

    # --- an XSS title stays text
    driver.get(BASE + "/#/feeds")
    heading("お知らせの一覧")
    Select(label_input("新しく書く")).select_by_value("news")
    button("書き始める").click()
    xss = "<img src=x onerror=alert(1)>"
    label_input("題名").send_keys(xss)
    # A new notice, never saved, when the session ends: its text comes back after logging in again
    # (sessionStorage, per user and feed) — but never to another user in the same tab.
    driver.delete_all_cookies()
    set_value(label_input("要点"), "まだ保存していない要点")
    text_present("しばらく操作がなかったため")
    pw = wait.until(EC.visibility_of_element_located((By.CSS_SELECTOR, "input[name=password]")))
    driver.find_element(By.CSS_SELECTOR, "input[name=name]").send_keys("sato")
    pw.send_keys("sato-san password 1" + Keys.ENTER)
    heading("お知らせを書く")
    text_present("保存していなかった入力を戻しました")
    if label_input("題名").get_attribute("value") != xss or \
            label_input("要点").get_attribute("value") != "まだ保存していない要点":
        fail("the unsaved new notice did not come back after logging in again")
    ok("session ended before a new notice's first save: its text comes back after logging in")
    driver.delete_all_cookies()
    set_value(label_input("要点"), "まだ保存していない要点（2）")
    text_present("しばらく操作がなかったため")
    pw = wait.until(EC.visibility_of_element_located((By.CSS_SELECTOR, "input[name=password]")))
    driver.find_element(By.CSS_SELECTOR, "input[name=name]").send_keys("boss")
    pw.send_keys("a long admin password" + Keys.ENTER)
    heading("お知らせを書く")
    if label_input("題名").get_attribute("value") or "保存していなかった入力" in \
            driver.find_element(By.TAG_NAME, "main").text:
        fail("another user in the same tab got sato's unsaved notice")
    left = driver.execute_script(
        "return Object.keys(sessionStorage).filter(k => k.startsWith('mk-draft:sato:'));")
    if left:
        fail(f"sato's drafts stayed in the tab after boss logged in: {left}")
    ok("another user logging in to the same tab gets none of it, and it is gone from the tab")
    logout()
    login("sato", "sato-san password 1")
    driver.get(BASE + "/#/feeds")
    heading("お知らせの一覧")
    text_present("池尻まちづくりセンター")
    Select(label_input("新しく書く")).select_by_value("news")
    button("書き始める").click()
    heading("お知らせを書く")
    label_input("題名").send_keys(xss)
    button("保存する").click()
    text_present("保存しました")
    driver.get(BASE + "/#/feeds")
    heading("お知らせの一覧")
    text_present(xss)
    if driver.find_elements(By.CSS_SELECTOR, "main img[src='x']"):
        fail("the title became an <img> element")
    try:
        driver.switch_to.alert
        fail("the title ran script")
    except NoAlertPresentException:
        pass
    ok("an XSS title is shown as text")
    # Withdraw it (a confirmation, then gone from the list).
    row_buttons = [b for b in driver.find_elements(By.CSS_SELECTOR, "button.danger")
                   if xss in (b.get_attribute("aria-label") or "")]
    row_buttons[0].click()
    dialog = wait.until(EC.visibility_of_element_located((By.TAG_NAME, "dialog")))
    [b for b in dialog.find_elements(By.TAG_NAME, "button") if b.text == "取り下げる"][0].click()
    text_present("を取り下げました")
    wait.until(lambda d: xss not in d.find_element(By.TAG_NAME, "table").text, "withdrawn from the list")
    ok("withdrawn")
    logout()

    # --- the alerts fast path: an exercise with a shelter marked full
    login("kiken", "kiken-san password 1")
    driver.get(BASE + "/#/alert")
    heading("避難情報をすぐ出す")
    Select(label_input("災害の種類")).select_by_value("flood")
    set_value(label_input("対象の地域"), "池尻1丁目\n池尻2丁目")
    name = label_input("避難所の名前")
    name.send_keys("池尻小学校")
    button("避難所を足す").click()
    name.send_keys("池尻中学校")
    button("避難所を足す").click()
    full = [r for r in driver.find_elements(By.CSS_SELECTOR, ".shelter-row")
            if "池尻中学校" in r.text][0].find_element(By.XPATH, ".//label[text()='満員']")
    full.click()
    # One from the district's register (the console's shelter_register), found by its reading.
    set_value(label_input("区の避難所の一覧から探す"), "いけじり")
    add = wait.until(lambda d: d.find_element(By.CSS_SELECTOR, "button[aria-label='池尻地区会館を足す']"),
                     "池尻地区会館 in the register's hits")
    if "太子堂中学校" in driver.find_element(By.CSS_SELECTOR, ".register-hits").text:
        fail("the register search matched a shelter it should not")
    add.click()
    closed = [r for r in driver.find_elements(By.CSS_SELECTOR, ".shelter-row")
              if "池尻地区会館" in r.text][0].find_element(By.XPATH, ".//label[text()='閉鎖']")
    closed.click()
    shot("alert", scroll_to=driver.find_element(By.CSS_SELECTOR, "main fieldset.radio"))
    set_value(label_input("区の避難所の一覧から探す"), "いけじり")  # the hits again, for the picture
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, ".register-hits button"), "the hits")
    shot("alert-shelters", scroll_to=driver.find_element(By.XPATH, "//main//h2[text()='避難所']"))
    button("確認して公開する").click()
    dialog = wait.until(EC.visibility_of_element_located((By.TAG_NAME, "dialog")))
    if "【訓練】【警戒レベル4】避難指示" not in dialog.text:
        fail(f"the alert confirmation: {dialog.text}")
    [b for b in dialog.find_elements(By.TAG_NAME, "button") if b.text == "公開する"][0].click()
    text_present("訓練の避難情報を公開しました")
    feed = json.loads(driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "fetch('/feeds/center.alerts.json').then(r => r.text()).then(done, () => done('{}'));"))
    alerts = [i for i in feed.get("items", []) if i.get("kind") == "alert"]
    if not alerts or alerts[0].get("status") != "exercise" or alerts[0].get("level") != 4:
        fail(f"the published alert: {alerts}")
    statuses = {s["name"]["ja"]: s["status"] for s in alerts[0].get("shelters", [])}
    if statuses != {"池尻小学校": "open", "池尻中学校": "full", "池尻地区会館": "closed"}:
        fail(f"shelters: {statuses}")
    kaikan = [s for s in alerts[0]["shelters"] if s["name"]["ja"] == "池尻地区会館"][0]
    if kaikan.get("id") != "E1311200001" or kaikan.get("capacity") != 120 or "lat" not in kaikan:
        fail(f"the register's shelter lost its id, capacity or position: {kaikan}")
    text_present("いま出ている避難情報")
    ok("alerts fast path: an exercise, level 4, shelters open/full/closed (one from the register), published")
    logout()

    # --- admin: the audit log and the fleet
    login("boss", "a long admin password")
    driver.get(BASE + "/#/audit")
    heading("操作の記録")
    if "公開" not in driver.find_element(By.TAG_NAME, "table").text:
        fail("the audit log has no publish")
    table = driver.find_element(By.TAG_NAME, "table").text
    if "件を公開" not in table or "第1版" not in table or " items, etag" in table:
        fail("the audit log's details are not in Japanese")
    shot("audit")
    driver.get(BASE + "/#/fleet")
    heading("画面の状態")
    text_present("lobby-1")
    text_present("防災訓練のお知らせ")
    shot("fleet")
    ok("audit log and fleet pages")

    # No page may have broken the Content-Security-Policy (no inline script or style).
    logs = [e for e in driver.get_log("browser") if "Content Security Policy" in e.get("message", "")]
    if logs:
        fail(f"CSP violations: {logs}")
    ok("no Content-Security-Policy violations")
except BaseException:
    # What the page showed when it failed.
    driver.save_screenshot(os.path.join(SHOTS, "failure.png"))
    print("--- page text at the failure\n" + driver.execute_script("return document.body.innerText"))
    raise
finally:
    driver.quit()
