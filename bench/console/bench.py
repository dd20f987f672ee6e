"""Console benchmarks driven over HTTP (see run.sh). Prints one line per figure."""
import argparse, http.client, json, os, statistics, subprocess, threading, time

p = argparse.ArgumentParser()
for a in ("--bin", "--base", "--pid", "--work", "--tokens", "--pubkey"):
    p.add_argument(a, required=True)
p.add_argument("--trials", type=int, default=5)
# "sessions": only the 100 staff sessions (a short run for the login queue, docs/benchmarks.md)
p.add_argument("--only", default="")
args = p.parse_args()
host, port = args.base.split("//")[1].split(":")
port = int(port)
tick = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / tick


def request(_conn, method, path, body=None, headers=None):
    # A connection per request: the console closes idle keep-alive connections after 5 s.
    conn = http.client.HTTPConnection(host, port, timeout=60)
    h = {"Content-Type": "application/json"}
    h.update(headers or {})
    conn.request(method, path, body=body if body is None or isinstance(body, bytes) else json.dumps(body).encode(), headers=h)
    r = conn.getresponse()
    data = r.read()
    conn.close()
    return r.status, data, r


busy_answers = [0]


def login(name, password):
    c = http.client.HTTPConnection(host, port, timeout=60)
    # A full login queue answers 503 with Retry-After: wait that long and ask again, as the
    # browser console does (counted, not hidden).
    for _ in range(30):
        s, data, r = request(c, "POST", "/api/v1/session", {"name": name, "password": password})
        if s != 503:
            break
        busy_answers[0] += 1
        time.sleep(int(r.getheader("Retry-After", "1")))
    assert s == 200, (s, data)
    cookie = r.getheader("Set-Cookie").split(";")[0]
    return c, {"Cookie": cookie, "X-CSRF-Token": json.loads(data)["csrf"]}


def pct(xs, q):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(q * (len(xs) - 1))))]


item = lambda i, t: {"id": f"n{i}", "kind": "news", "title": {"ja": t}}
if args.only != "sessions":
    # 1. publish → on-screen latency, kiosk polling every 5 s
    conn, auth = login("boss", "bench admin password")
    s, _, _ = request(conn, "POST", "/api/v1/feeds/bench.news/items", item(0, "最初"), auth)
    s, _, _ = request(conn, "POST", "/api/v1/feeds/bench.news/publish", {}, auth)
    kcfg = os.path.join(args.work, "kiosk.json")
    json.dump({"feeds": [{"url": f"{args.base}/feeds/bench.news.json", "poll_interval_s": 5}],
               "public_keys": [args.pubkey]}, open(kcfg, "w"))
    state = os.path.join(args.work, "kstate")
    kiosk = subprocess.Popen([args.bin, "run", "--headless", "--config", kcfg, "--state-dir", state],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


    def shown_items():
        try:
            d = json.load(open(os.path.join(state, "status.json")))
            return d["feeds"][0]["items"]
        except Exception:
            return -1


    deadline = time.time() + 60
    while shown_items() != 1 and time.time() < deadline:
        time.sleep(0.05)
    lat = []
    for i in range(1, args.trials + 1):
        time.sleep(1.3 * i % 5)  # publish at different phases of the poll cycle
        s, _, _ = request(conn, "POST", "/api/v1/feeds/bench.news/items", item(i, f"お知らせ{i}"), auth)
        t0 = time.time()
        s, _, _ = request(conn, "POST", "/api/v1/feeds/bench.news/publish", {}, auth)
        assert s == 200
        while shown_items() != i + 1 and time.time() < t0 + 30:
            time.sleep(0.02)
        lat.append(time.time() - t0)
    kiosk.terminate()
    kiosk.wait()
    print(f"publish → on-screen (status.json), poll 5 s, {len(lat)} trials: "
          f"median {statistics.median(lat):.2f} s, max {max(lat):.2f} s")

    # 2. 1,000 kiosks reporting once a minute: 1,000 reports paced over 60 s
    tokens = open(os.path.join(args.work, args.tokens)).read().split()
    report = json.dumps({"mode": "rotation", "slide": {"id": "n1", "kind": "news"}, "version": "0.1.0",
                         "renderer": {"path": "software"},
                         "feeds": [{"url": f"{args.base}/feeds/bench.news.json", "state": "ok",
                                    "age_s": 12, "items": 5}]}).encode()
    lat2 = []
    lock = threading.Lock()
    start = time.time()
    cpu0 = cpu_seconds(args.pid)


    def reporter(idx):
        c = http.client.HTTPConnection(host, port, timeout=30)
        for j in range(idx, len(tokens), 20):
            due = start + j * 60.0 / len(tokens)
            time.sleep(max(0, due - time.time()))
            t = time.time()
            c = http.client.HTTPConnection(host, port, timeout=30)  # a kiosk opens a connection per report
            s, _, _ = request(c, "POST", "/api/v1/fleet/report", report, {"Authorization": "Bearer " + tokens[j]})
            c.close()
            with lock:
                lat2.append((time.time() - t, s))


    ts = [threading.Thread(target=reporter, args=(i,)) for i in range(20)]
    [t.start() for t in ts]
    [t.join() for t in ts]
    wall = time.time() - start
    cpu = cpu_seconds(args.pid) - cpu0
    ok = sum(1 for _, s in lat2 if s == 204)
    ms = [x * 1000 for x, _ in lat2]
    print(f"1,000 reports over {wall:.0f} s: {ok} accepted, p50 {pct(ms, .5):.1f} ms, p99 {pct(ms, .99):.1f} ms, "
          f"console CPU {cpu:.2f} s ({100 * cpu / wall:.1f} % of one core)")

# 3. 100 staff sessions editing at once: each logs in, then creates and edits its own notice 10 times
sessions = []
t0 = time.time()
lt = []
lt_lock = threading.Lock()


login_errors = []


def do_login(i):
    t = time.time()
    try:
        s = login(f"ed{i}", "bench editor password")
    except Exception as e:  # counted and reported, not hidden
        with lt_lock:
            login_errors.append(repr(e))
        return
    with lt_lock:
        lt.append(time.time() - t)
        sessions.append((i, s))


ths = [threading.Thread(target=do_login, args=(i,)) for i in range(100)]
[t.start() for t in ths]
[t.join() for t in ths]
login_wall = time.time() - t0
edit_lat = []
codes = {}
cpu0 = cpu_seconds(args.pid)
t0 = time.time()


edit_errors = []


def editor(i, sess):
    try:
        edit(i, sess)
    except Exception as e:  # counted and reported, not hidden
        with lt_lock:
            edit_errors.append(repr(e))


def edit(i, sess):
    c, auth = sess
    c = http.client.HTTPConnection(host, port, timeout=60)
    s, data, _ = request(c, "POST", "/api/v1/feeds/bench.news/items", item(1000 + i, "編集"), auth)
    rev = json.loads(data)["revision"]
    for k in range(10):
        t = time.time()
        s, data, _ = request(c, "PUT", f"/api/v1/feeds/bench.news/items/n{1000 + i}",
                             item(1000 + i, f"編集{k}"), dict(auth, **{"If-Match": f'"{rev}"'}))
        with lt_lock:
            edit_lat.append(time.time() - t)
            codes[s] = codes.get(s, 0) + 1
        if s == 200:
            rev = json.loads(data)["revision"]


ths = [threading.Thread(target=editor, args=s) for s in sessions]
[t.start() for t in ths]
[t.join() for t in ths]
wall = time.time() - t0
cpu = cpu_seconds(args.pid) - cpu0
ms = [x * 1000 for x in edit_lat]
print(f"100 sessions: {len(sessions)} logins (Argon2id) ok, {len(login_errors)} failed, "
      f"{busy_answers[0]} busy answers (503) retried, in {login_wall:.1f} s (p99 {pct(lt, .99):.2f} s); "
      f"1,000 edits in {wall:.1f} s, answers {codes}, {len(edit_errors)} editors' connections failed, p50 {pct(ms, .5):.1f} ms, p99 {pct(ms, .99):.1f} ms, "
      f"console CPU {cpu:.2f} s")
