#!/usr/bin/env python3
"""Summarises a soak run (bench/soak/run.sh): medians of the first and last 5 minutes, the median and
the 5th–95th percentile range of the whole run, least-squares slopes per hour (whole run and second
half), what the run exercised, and a PNG of the four curves with the time spent in emergency
takeovers and quiet hours shaded.

usage: summarize.py OUT_DIR   (reads samples.csv and state/*.prom; writes summary.csv and soak.png)
"""
import csv
import statistics
import sys
from pathlib import Path

SERIES = [("rss_kb", "RSS (MiB)", 1 / 1024), ("fds", "open fds", 1), ("threads", "threads", 1),
          ("textures", "live textures", 1)]


def prom(path):
    values = {}
    if not path.exists():
        return values
    for line in path.read_text().splitlines():
        if line.startswith("#") or " " not in line:
            continue
        name, value = line.rsplit(" ", 1)
        base = name.split("{", 1)[0]
        try:
            v = float(value)
        except ValueError:
            continue
        values[name] = v
        if "{" in name:
            values[base + "{*}"] = values.get(base + "{*}", 0) + v
    return values


def slope_per_hour(ts, ys):
    if len(ts) < 2:
        return 0.0
    mt, my = statistics.fmean(ts), statistics.fmean(ys)
    den = sum((t - mt) ** 2 for t in ts)
    return 0.0 if den == 0 else sum((t - mt) * (y - my) for t, y in zip(ts, ys)) / den * 3600


def percentile(values, p):
    v = sorted(values)
    return v[min(len(v) - 1, max(0, round(p / 100 * (len(v) - 1))))]


def spans(rows, key):
    """(start_min, end_min) runs of samples where `key` is 1."""
    out, start = [], None
    for r in rows:
        on = r.get(key, 0) >= 0.5
        if on and start is None:
            start = r["t_s"] / 60
        elif not on and start is not None:
            out.append((start, r["t_s"] / 60))
            start = None
    if start is not None:
        out.append((start, rows[-1]["t_s"] / 60))
    return out


def main():
    out = Path(sys.argv[1])
    rows = []
    with open(out / "samples.csv") as f:
        for r in csv.DictReader(f):
            try:
                rows.append({k: float(v) for k, v in r.items() if v != ""})
            except ValueError:
                pass
    rows = [r for r in rows if all(k in r for k, _, _ in SERIES)]
    if not rows:
        print("no complete samples")
        return 1
    end = rows[-1]["t_s"]
    window = min(300.0, end / 4)  # 5 minutes, or a quarter of a short run
    first = [r for r in rows if r["t_s"] <= window]
    last = [r for r in rows if r["t_s"] >= end - window]
    half = [r for r in rows if r["t_s"] >= end / 2]
    tail = [r for r in rows if r["t_s"] >= end - 2 * 300.0] if end >= 1800 else half
    summary = []
    print(f"soak: {end / 60:.1f} min, {len(rows)} samples; windows of {window / 60:.1f} min;"
          " slopes by least squares")
    print(f"{'series':<10} {'first med':>12} {'last med':>12} {'change':>9} {'slope/h':>12}"
          f" {'slope/h 2nd half':>17} {'slope/h last 10m':>17} {'min':>10} {'max':>10}"
          f" {'median':>10} {'p5':>8} {'p95':>8}")
    for key, label, scale in SERIES:
        f_med = statistics.median(r[key] for r in first) * scale
        l_med = statistics.median(r[key] for r in last) * scale
        s_all = slope_per_hour([r["t_s"] for r in rows], [r[key] * scale for r in rows])
        s_half = slope_per_hour([r["t_s"] for r in half], [r[key] * scale for r in half])
        s_tail = slope_per_hour([r["t_s"] for r in tail], [r[key] * scale for r in tail])
        lo = min(r[key] for r in rows) * scale
        hi = max(r[key] for r in rows) * scale
        med = statistics.median(r[key] for r in rows) * scale
        p5 = percentile([r[key] for r in rows], 5) * scale
        p95 = percentile([r[key] for r in rows], 95) * scale
        change = (l_med - f_med) / f_med * 100 if f_med else 0.0
        unit = "MiB" if key == "rss_kb" else ""
        print(f"{key:<10} {f_med:>12.1f} {l_med:>12.1f} {change:>8.1f}% {s_all:>12.2f}"
              f" {s_half:>17.2f} {s_tail:>17.2f} {lo:>10.1f} {hi:>10.1f}"
              f" {med:>10.1f} {p5:>8.1f} {p95:>8.1f} {unit}")
        summary.append({"series": label, "first_5min_median": round(f_med, 2),
                        "last_5min_median": round(l_med, 2), "change_pct": round(change, 2),
                        "slope_per_hour": round(s_all, 3), "slope_per_hour_second_half": round(s_half, 3),
                        "slope_per_hour_last_10min": round(s_tail, 3),
                        "min": round(lo, 2), "max": round(hi, 2), "median": round(med, 2),
                        "p5": round(p5, 2), "p95": round(p95, 2)})
    kiosk = prom(out / "state" / "machikado.prom")
    driver = prom(out / "state" / "soak-driver.prom")
    exercised = [
        ("slides shown", kiosk.get("machikado_slides_shown_total{*}", 0)),
        ("detail views opened", kiosk.get("machikado_detail_opens_total", 0)),
        ("visitor taps", driver.get("machikado_soak_visitor_visits", 0)),
        ("visitor swipes / language changes", f"{driver.get('machikado_soak_visitor_swipes', 0):.0f} / "
                                               f"{driver.get('machikado_soak_visitor_language_changes', 0):.0f}"),
        ("detail views switched to Korean / Chinese", driver.get("machikado_soak_visitor_cjk_details", 0)),
        ("feed changes served", driver.get("machikado_soak_feed_changes", 0)),
        ("items added / removed / edited", f"{driver.get('machikado_soak_items_added', 0):.0f} / "
                                           f"{driver.get('machikado_soak_items_removed', 0):.0f} / "
                                           f"{driver.get('machikado_soak_items_edited', 0):.0f}"),
        ("invalid feed bodies served", driver.get("machikado_soak_invalid_bodies", 0)),
        ("image URL generations", driver.get("machikado_soak_image_epochs", 0)),
        ("feed answers 200 / 304", f"{driver.get('machikado_soak_answers_feed_200', 0):.0f} / "
                                   f"{driver.get('machikado_soak_answers_feed_304', 0):.0f}"),
        ("image answers 200 / 404 / not an image",
         f"{driver.get('machikado_soak_answers_image_200', 0):.0f} / "
         f"{driver.get('machikado_soak_answers_image_404', 0):.0f} / "
         f"{driver.get('machikado_soak_answers_image_garbage', 0):.0f}"),
        ("network flaps (refused / 500 / stalled)",
         f"{driver.get('machikado_soak_flaps', 0):.0f} ("
         f"{driver.get('machikado_soak_flaps_refuse', 0):.0f} / "
         f"{driver.get('machikado_soak_flaps_error_500', 0):.0f} / "
         f"{driver.get('machikado_soak_flaps_stall', 0):.0f}), "
         f"{driver.get('machikado_soak_flap_seconds', 0):.0f} s in all"),
        ("kiosk fetch errors (all feeds)", kiosk.get("machikado_fetch_errors_total{*}", 0)),
        ("emergency takeovers published", driver.get("machikado_soak_takeovers", 0)),
        ("signatures served / broken on purpose",
         f"{driver.get('machikado_soak_answers_minisig_200', 0):.0f} / "
         f"{driver.get('machikado_soak_answers_minisig_broken', 0):.0f}"),
        ("hostile image answers (PNG / JPEG / GIF)",
         f"{driver.get('machikado_soak_answers_image_hostile_png', 0):.0f} / "
         f"{driver.get('machikado_soak_answers_image_hostile_jpeg', 0):.0f} / "
         f"{driver.get('machikado_soak_answers_image_hostile_gif', 0):.0f}"),
        ("clock jumps forward / back (largest, h)",
         f"{driver.get('machikado_soak_clock_jumps_forward', 0):.0f} / "
         f"{driver.get('machikado_soak_clock_jumps_back', 0):.0f} "
         f"({driver.get('machikado_soak_clock_largest_forward_seconds', 0) / 3600:.0f} / "
         f"{driver.get('machikado_soak_clock_largest_back_seconds', 0) / 3600:.0f})"),
        ("kiosk frames drawn", kiosk.get("machikado_frame_time_milliseconds_count", 0)),
    ]
    for key, name in (("emergency", "samples in emergency takeover"),
                      ("quiet", "samples in quiet hours (screen blanked)"),
                      ("clock_trusted", "samples with the clock trusted")):
        have = [r for r in rows if key in r]
        if have:
            n = sum(1 for r in have if r[key] >= 0.5)
            exercised.append((name, f"{n} of {len(have)} ({100 * n / len(have):.0f} %)"))
    load = [r["load1"] for r in rows if "load1" in r]
    if load:
        exercised.append(("machine load, 1-min average (median / min–max)",
                          f"{statistics.median(load):.1f} / {min(load):.1f}–{max(load):.1f}"
                          " (shared by several builds)"))
    hwm = [r["hwm_kb"] for r in rows if "hwm_kb" in r]
    if hwm:  # VmHWM: the kernel's peak RSS, transients between samples included
        exercised.append(("peak RSS of the process (VmHWM at the end)", f"{max(hwm) / 1024:.1f} MiB"))
    refused = [r["refused_images"] for r in rows if "refused_images" in r]
    if refused:
        exercised.append(("images refused at a time (median / max)",
                          f"{statistics.median(refused):.0f} / {max(refused):.0f}"))
    owners = {k.split('"')[1]: v for k, v in kiosk.items()
              if k.startswith("machikado_textures_by_owner{owner=")}
    if owners:
        exercised.append(("live textures at the end, by owner",
                          ", ".join(f"{k} {v:.0f}" for k, v in sorted(owners.items()))))
    print()
    for name, v in exercised:
        print(f"{name:<42} {v if isinstance(v, str) else f'{v:.0f}'}")
    with open(out / "summary.csv", "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(summary[0].keys()))
        w.writeheader()
        w.writerows(summary)
        f.write("\n")
        for name, v in exercised:
            f.write(f"\"{name}\",{v if isinstance(v, str) else f'{v:.0f}'}\n")
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("(matplotlib missing: no plot)")
        return 0
    fig, axes = plt.subplots(4, 1, figsize=(9, 9), sharex=True)
    minutes = [r["t_s"] / 60 for r in rows]
    for ax, (key, label, scale) in zip(axes, SERIES):
        ax.plot(minutes, [r[key] * scale for r in rows], lw=1)
        ax.set_ylabel(label)
        ax.set_ylim(bottom=0, top=max(r[key] * scale for r in rows) * 1.25 + 1)
        ax.grid(alpha=0.3)
    for key, label in (("tex_slide_text", "slide text cache"), ("tex_detail_text", "detail text cache")):
        if all(key in r for r in rows):
            axes[-1].plot(minutes, [r[key] for r in rows], lw=0.8, ls="--", label=label)
    if axes[-1].get_legend_handles_labels()[0]:
        axes[-1].plot([], [], lw=1, color="C0", label="all owners")
        axes[-1].legend(fontsize=7, loc="lower right")
    shaded = False
    for key, color, label in (("emergency", "red", "emergency takeover"),
                              ("quiet", "grey", "quiet hours")):
        for i, (a, b) in enumerate(spans(rows, key)):
            for ax in axes:
                ax.axvspan(a, max(b, a + 0.05), color=color, alpha=0.12, lw=0,
                           label=label if i == 0 and ax is axes[0] else None)
            shaded = True
    if shaded:
        axes[0].legend(fontsize=7, loc="lower right")
    axes[-1].set_xlabel("minutes")
    log = out / "kiosk.log"
    accelerated = log.exists() and "accelerated time" in log.read_text(errors="replace")
    if accelerated:
        title = ("machikado soak: accelerated kiosk loop (50 ms slides, feeds change every 1 s, "
                 "network flaps, takeovers, clock jumps, TLS, hostile images)")
    else:
        title = (f"machikado soak in real time ({end / 60:.0f} min): default durations and renderer, "
                 "feeds change every 1 s, network flaps")
    axes[0].set_title(title, fontsize=8)
    fig.tight_layout()
    fig.savefig(out / "soak.png", dpi=90)
    print(f"\nplot: {out / 'soak.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
