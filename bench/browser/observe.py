#!/usr/bin/env python3
"""The external observer of the side-by-side benchmark (bench/side_by_side.sh): measures a kiosk program
— machikado or a browser — the same way whatever it is. Standard library only (ctypes for libX11).

  observe.py launch --pidfile F [--log F] [--timeout S] -- CMD ARGS...
      Checks that the X screen ($DISPLAY) is blank, starts CMD in a new session, then reads the screen
      every ~20 ms until a complete slide is on it. Prints JSON {"first_paint_ms", "first_frame_ms"}
      and leaves CMD running (its pid in F). "first paint": anything but the blank screen.
      "first frame": the header band (dark, with light text) AND the slide body (light, with dark
      text) are both drawn — see Complete() for the exact test.
  observe.py sample --pid P --seconds S [--interval 5] [--xvfb PID]
      CPU time of the whole process tree of P (descendants and P's session, processes that come and go
      included) over S seconds, and RSS/PSS summed over the tree from /proc/PID/smaps_rollup every
      `interval` seconds (peak and mean); the same for the X server separately. Prints JSON.
  observe.py stop --pid P
      SIGTERM to P, then SIGKILL to whatever is left of its tree after 5 s.
"""
import ctypes
import json
import os
import signal
import subprocess
import sys
import time

# --- the screen ----------------------------------------------------------------------------------


class XImage(ctypes.Structure):  # the leading fields of Xlib's XImage (X11/Xlib.h)
    _fields_ = [("width", ctypes.c_int), ("height", ctypes.c_int), ("xoffset", ctypes.c_int),
                ("format", ctypes.c_int), ("data", ctypes.POINTER(ctypes.c_ubyte)),
                ("byte_order", ctypes.c_int), ("bitmap_unit", ctypes.c_int),
                ("bitmap_bit_order", ctypes.c_int), ("bitmap_pad", ctypes.c_int), ("depth", ctypes.c_int),
                ("bytes_per_line", ctypes.c_int), ("bits_per_pixel", ctypes.c_int)]


class Screen:
    """Reads thin horizontal strips of the root window (cheap: ~0.4 MB per look, not the 8 MB screen)."""
    ZPIXMAP, ALL_PLANES = 2, 0xFFFFFFFF

    def __init__(self):
        self.x = ctypes.CDLL("libX11.so.6")
        self.x.XOpenDisplay.restype = ctypes.c_void_p
        self.x.XDefaultRootWindow.restype = ctypes.c_ulong
        self.x.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        self.x.XGetImage.restype = ctypes.POINTER(XImage)
        self.x.XGetImage.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_int,
                                     ctypes.c_uint, ctypes.c_uint, ctypes.c_ulong, ctypes.c_int]
        self.x.XDestroyImage.argtypes = [ctypes.POINTER(XImage)]
        self.dpy = self.x.XOpenDisplay(None)
        if not self.dpy:
            sys.exit("observe: cannot open display %s" % os.environ.get("DISPLAY"))
        self.root = self.x.XDefaultRootWindow(self.dpy)

    def strip(self, x, y, w):
        """One row of pixels as (blue, green, red) byte strings."""
        img = self.x.XGetImage(self.dpy, self.root, x, y, w, 1, self.ALL_PLANES, self.ZPIXMAP)
        if not img or img.contents.bits_per_pixel != 32:
            sys.exit("observe: need a 24/32-bit ZPixmap screen (Xvfb -screen 0 WxHx24)")
        raw = ctypes.string_at(img.contents.data, w * 4)
        self.x.XDestroyImage(img)
        return raw[0::4], raw[1::4], raw[2::4]


DARK = bytes(1 if v < 90 else 0 for v in range(256))    # text, the header band, a blank screen
LIGHT = bytes(1 if v > 200 else 0 for v in range(256))  # header text, the slide background


def count(b, g, r, table):
    """Pixels whose three channels all pass `table` (bitwise AND of 0/1 bytes, counted in C)."""
    n = len(b)
    v = int.from_bytes(b.translate(table), "little") & int.from_bytes(g.translate(table), "little") \
        & int.from_bytes(r.translate(table), "little")
    return v.bit_count(), n


# Rows looked at on a 1920×1080 screen: the header band (0–112 px in both programs) and the slide body
# below the banner (both programs draw the slide's title and text between y = 240 and 700).
HEADER_ROWS = list(range(24, 96, 6))
BODY_ROWS = list(range(240, 700, 12))


def look(screen):
    """(header dark, header light, body dark, body light) fractions, and whether anything is drawn."""
    def frac(rows):
        d = l = n = 0
        for y in rows:
            b, g, r = screen.strip(0, y, 1920)
            dd, nn = count(b, g, r, DARK)
            ll, _ = count(b, g, r, LIGHT)
            d, l, n = d + dd, l + ll, n + nn
        return d / n, l / n
    hd, hl = frac(HEADER_ROWS)
    bd, bl = frac(BODY_ROWS)
    return hd, hl, bd, bl


def Blank(f):
    hd, hl, bd, bl = f
    return hd > 0.999 and bd > 0.999  # Xvfb -br: a black root window


def Complete(f):
    """The header band is drawn with its text, and the slide body with its text."""
    hd, hl, bd, bl = f
    return hd > 0.5 and hl > 0.005 and bl > 0.4 and bd > 0.002


def launch(args):
    screen = Screen()
    if not Blank(look(screen)):
        sys.exit("observe: the screen is not blank before launch")
    log = open(args.log, "wb") if args.log else subprocess.DEVNULL
    t0 = time.monotonic()
    proc = subprocess.Popen(args.cmd, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    with open(args.pidfile, "w") as f:
        f.write("%d\n" % proc.pid)
    first_paint = first_frame = None
    looks = 0
    while time.monotonic() - t0 < args.timeout:
        f = look(screen)
        looks += 1
        now = (time.monotonic() - t0) * 1000
        if first_paint is None and not Blank(f):
            first_paint = now
        if Complete(f):
            first_frame = now
            break
        time.sleep(0.008)
    print(json.dumps({"first_paint_ms": round(first_paint or -1), "first_frame_ms": round(first_frame or -1),
                      "looks": looks, "last_look": [round(x, 4) for x in f]}))


# --- processes -----------------------------------------------------------------------------------

TCK = os.sysconf("SC_CLK_TCK")


def stats():
    """pid → (ppid, session, utime+stime ticks) for every process."""
    out = {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % d) as f:
                s = f.read()
        except OSError:
            continue
        rest = s[s.rindex(")") + 2:].split()
        out[int(d)] = (int(rest[1]), int(rest[3]), int(rest[11]) + int(rest[12]))
    return out


def tree(root, st):
    """root, its descendants, and every process in root's session (new session at launch)."""
    kids = {}
    for pid, (ppid, _, _) in st.items():
        kids.setdefault(ppid, []).append(pid)
    found, todo = set(), [root]
    while todo:
        p = todo.pop()
        if p in found or p not in st:
            continue
        found.add(p)
        todo.extend(kids.get(p, []))
    return found | {p for p, (_, sid, _) in st.items() if sid == root}


def memory(pids):
    rss = pss = 0
    for p in pids:
        try:
            with open("/proc/%d/smaps_rollup" % p) as f:
                for line in f:
                    if line.startswith("Rss:"):
                        rss += int(line.split()[1])
                    elif line.startswith("Pss:"):
                        pss += int(line.split()[1])
        except OSError:
            pass
    return rss, pss


def sample(args):
    first, last = {}, {}  # pid → cpu ticks at first and last sight
    t0 = time.monotonic()
    mem, xmem, nprocs = [], [], 0

    def see():
        nonlocal nprocs
        st = stats()
        pids = tree(args.pid, st)
        nprocs = max(nprocs, len(pids))
        for p in pids:
            first.setdefault(p, st[p][2] if time.monotonic() - t0 < 0.5 else 0)
            last[p] = st[p][2]
        x = st.get(args.xvfb, (0, 0, 0))[2] if args.xvfb else 0
        return pids, x

    pids, x0 = see()
    x1 = x0
    while True:
        mem.append(memory(pids))
        if args.xvfb:
            xmem.append(memory([args.xvfb]))
        left = args.seconds - (time.monotonic() - t0)
        if left <= 0:
            break
        time.sleep(min(args.interval, left))
        pids, x1 = see()
    wall = time.monotonic() - t0
    cpu = sum(last[p] - first[p] for p in last) / TCK
    me = os.times()
    res = {"seconds": round(wall, 1), "cpu_s": round(cpu, 2), "cpu_pct": round(100 * cpu / wall, 2),
           "procs": nprocs, "rss_peak_mib": round(max(m[0] for m in mem) / 1024, 1),
           "pss_peak_mib": round(max(m[1] for m in mem) / 1024, 1),
           "rss_mean_mib": round(sum(m[0] for m in mem) / len(mem) / 1024, 1),
           "pss_mean_mib": round(sum(m[1] for m in mem) / len(mem) / 1024, 1),
           "sampler_cpu_s": round(me.user + me.system, 2)}
    if args.xvfb:
        res.update({"xvfb_cpu_pct": round(100 * (x1 - x0) / TCK / wall, 2),
                    "xvfb_rss_peak_mib": round(max(m[0] for m in xmem) / 1024, 1),
                    "xvfb_pss_peak_mib": round(max(m[1] for m in xmem) / 1024, 1)})
    print(json.dumps(res))


def stop(args):
    pids = tree(args.pid, stats())
    try:
        os.kill(args.pid, signal.SIGTERM)
    except ProcessLookupError:
        pass
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and any(os.path.exists("/proc/%d" % p) for p in pids):
        time.sleep(0.1)
    for p in pids:
        try:
            os.kill(p, signal.SIGKILL)
        except ProcessLookupError:
            pass


def main():
    import argparse
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="what", required=True)
    a = sub.add_parser("launch")
    a.add_argument("--pidfile", required=True)
    a.add_argument("--log")
    a.add_argument("--timeout", type=float, default=60)
    a.add_argument("cmd", nargs="+")
    s = sub.add_parser("sample")
    s.add_argument("--pid", type=int, required=True)
    s.add_argument("--seconds", type=float, required=True)
    s.add_argument("--interval", type=float, default=5)
    s.add_argument("--xvfb", type=int)
    k = sub.add_parser("stop")
    k.add_argument("--pid", type=int, required=True)
    args = ap.parse_args()
    {"launch": launch, "sample": sample, "stop": stop}[args.what](args)


if __name__ == "__main__":
    main()
