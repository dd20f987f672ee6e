#!/usr/bin/env python3
"""Reads the results.jsonl of bench/side_by_side.sh and prints the Markdown table of docs/benchmarks.md:
medians per side (A = machikado, B = chromium --kiosk), the ratio B / A, and the goals of issue #9.
Standard library only.   summarize.py results.jsonl"""
import json
import statistics
import sys


def main():
    runs = [json.loads(line) for line in open(sys.argv[1]) if line.strip()]

    def values(side, scene, get):
        out = []
        for r in runs:
            if r["side"] == side and r["scene"] == scene:
                v = get(r)
                if v is not None and v >= 0:
                    out.append(v)
        return out

    rows = [  # (label, scene, getter, unit, goal: B/A must be at least this)
        ("launch to first complete slide (observer)", "rotation", lambda r: r["launch"]["first_frame_ms"], "ms", 4),
        ("launch to first paint (observer)", "rotation", lambda r: r["launch"]["first_paint_ms"], "ms", None),
        ("launch to first frame, static feed (observer)", "static", lambda r: r["launch"]["first_frame_ms"], "ms", None),
        ("CPU over the rotation window, whole process tree", "rotation", lambda r: r["sample"]["cpu_pct"], "% of a core", 5),
        ("CPU of Xvfb over the rotation window", "rotation", lambda r: r["sample"]["xvfb_cpu_pct"], "% of a core", None),
        ("CPU on a static slide, whole process tree", "static", lambda r: r["sample"]["cpu_pct"], "% of a core", None),
        ("CPU of Xvfb on a static slide", "static", lambda r: r["sample"]["xvfb_cpu_pct"], "% of a core", None),
        ("processes in the tree", "rotation", lambda r: r["sample"]["procs"], "", None),
        ("RSS summed over the tree, peak", "rotation", lambda r: r["sample"]["rss_peak_mib"], "MiB", 10),
        ("PSS summed over the tree, peak", "rotation", lambda r: r["sample"]["pss_peak_mib"], "MiB", None),
        ("Xvfb RSS, peak", "rotation", lambda r: r["sample"]["xvfb_rss_peak_mib"], "MiB", None),
        ("Xvfb PSS, peak", "rotation", lambda r: r["sample"]["xvfb_pss_peak_mib"], "MiB", None),
        ("RSS tree + Xvfb, peak", "rotation",
         lambda r: r["sample"]["rss_peak_mib"] + r["sample"]["xvfb_rss_peak_mib"], "MiB", None),
        ("PSS tree + Xvfb, peak", "rotation",
         lambda r: r["sample"]["pss_peak_mib"] + r["sample"]["xvfb_pss_peak_mib"], "MiB", None),
    ]
    n = max(len(values("A", "rotation", lambda r: 1)), len(values("B", "rotation", lambda r: 1)))
    print("| figure (median of %d rounds) | A machikado | B chromium --kiosk | B / A | goal |" % n)
    print("|---|---|---|---|---|")
    for label, scene, get, unit, goal in rows:
        a, b = values("A", scene, get), values("B", scene, get)
        if not a or not b:
            print("| %s | %s | %s | — | |" % (label, a or "n/a", b or "n/a"))
            continue
        ma, mb = statistics.median(a), statistics.median(b)
        ratio = mb / ma if ma else float("inf")
        verdict = ""
        if goal:
            verdict = "≥ %d: **%s**" % (goal, "met" if ratio >= goal else "missed")
        fmt = "%.0f" if unit in ("ms", "") else "%.2f" if "core" in unit else "%.1f"
        spread = lambda v: ("%s (%s–%s)" % (fmt % statistics.median(v), fmt % min(v), fmt % max(v))) if len(v) > 1 else fmt % v[0]
        print("| %s | %s %s | %s %s | %.1f× | %s |" % (label, spread(a), unit, spread(b), unit, ratio, verdict))
    own = values("A", "rotation", lambda r: r.get("self_first_frame_ms"))
    if own:
        print("\nmachikado's own `first-frame` log line (rotation launches): median %.0f ms (%s)"
              % (statistics.median(own), ", ".join("%g" % v for v in own)))
    cost = [r["sample"]["sampler_cpu_s"] for r in runs]
    print("The sampler's own CPU: %.2f–%.2f s per window." % (min(cost), max(cost)))


if __name__ == "__main__":
    main()
