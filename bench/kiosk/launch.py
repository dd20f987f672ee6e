#!/usr/bin/env python3
"""Launch to first frame, measured from outside: the time from starting a process to the line it
writes when its first frame has been presented. Alternates the kiosk with the display floor (a bare
SDL program, bench/kiosk/display_floor.cpp) round by round, so both see the same machine load.

  launch.py ROUNDS MACHIKADO DISPLAY_FLOOR STATE_DIR [LABEL=OTHER_MACHIKADO ...]

Other kiosk binaries (e.g. a build of an older commit, "before=../old/build/machikado") join the
same alternation, so a change is compared on the same machine load.

The kiosk runs `machikado run --state-dir STATE_DIR --run-for 1` with MACHIKADO_REPORT_FIRST_FRAME=1
(it logs "first-frame" right after its first SDL_RenderPresent returns); STATE_DIR should hold a
warm offline cache. Needs DISPLAY (or a Wayland display) and the renderer environment already set.
Prints one Markdown table row per program (figure | value |): median, min–max in ms, and for
the floors how many times longer the kiosk took.
"""
import os
import statistics
import subprocess
import sys
import time


def launch(cmd, marker, env):
    t0 = time.monotonic_ns()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)
    seen = None
    for line in p.stderr:
        if seen is None and marker in line:
            seen = (time.monotonic_ns() - t0) / 1e6
    p.wait()
    if seen is None:
        raise SystemExit("no '%s' from %s (exit %d)" % (marker, cmd[0], p.returncode))
    return seen


def main():
    if len(sys.argv) < 5 or any("=" not in a for a in sys.argv[5:]):
        raise SystemExit(__doc__)
    rounds, kiosk, floor, state = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
    env = dict(os.environ, MACHIKADO_REPORT_FIRST_FRAME="1")
    runs = {
        "machikado, first slide from the cache": ([kiosk, "run", "--state-dir", state, "--run-for", "1"], "first-frame"),
        "display floor: one cleared frame": ([floor, "clear"], "presented"),
        "display floor: one screen-sized texture": ([floor, "slide"], "presented"),
    }
    for extra in sys.argv[5:]:
        label, binary = extra.split("=", 1)
        runs["machikado %s, first slide from the cache" % label] = (
            [binary, "run", "--state-dir", state, "--run-for", "1"], "first-frame")
    times = {name: [] for name in runs}
    for _ in range(rounds):
        for name, (cmd, marker) in runs.items():
            times[name].append(launch(cmd, marker, env))
    kiosk_median = statistics.median(times[next(iter(runs))])
    for name, v in times.items():
        m = statistics.median(v)
        ratio = "; machikado takes %.2f×" % (kiosk_median / m) if "floor" in name else ""
        print("| launch to first frame, %s (median of %d) | %.0f ms (%.0f–%.0f)%s |"
              % (name, len(v), m, min(v), max(v), ratio))


if __name__ == "__main__":
    main()
