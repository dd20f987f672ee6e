#!/usr/bin/env python3
"""Turns machikado feeds + `machikado render`'s manifest.json (slides with id, kind, mode, duration, in the
kiosk's order) into one self-contained HTML
page: the web-slideshow equivalent of the kiosk's rotation, for the side-by-side benchmark
(bench/side_by_side.sh, docs/benchmarks.md "Side by side with a Chromium kiosk").

Same slides, same order and durations (from the manifest), header with the center name and a clock
updated each minute, a banner for alerts below takeover, a footer with the kind, position and a
progress bar that moves once a second (as the kiosk's does), an opacity crossfade, BIZ UDGothic with
line-break: strict. Images and pictograms are embedded as data: URIs so the page needs nothing else.
Not pixel-identical to the kiosk: equivalent work for a browser. Standard library only.

  make_slideshow.py --manifest PLAN.json --feed F [--feed F ...] --out page.html
                    [--center NAME] [--crossfade-ms 1000] [--assets DIR] [--lang ja]
"""
import argparse
import base64
import datetime
import html
import json
import mimetypes
import os
import re
import sys

RUBY = re.compile(r"\{([^|{}]*)\|[^{}]*\}")  # {漢字|かんじ} → 漢字 (the kiosk shows no furigana for ja)
HAZARD_JA = {"earthquake": "地震", "flood": "洪水", "landslide": "土砂災害", "tsunami": "津波",
             "fire": "火災", "heat": "熱中症", "storm": "暴風", "storm_surge": "高潮", "snow": "大雪",
             "volcano": "火山", "inland_flood": "内水氾濫", "other": "その他"}
KIND_JA = {"news": "ニュース", "preparedness": "防災", "project": "事業", "alert": "警報"}
LEVEL_JA = {1: "早期注意情報", 2: "注意報", 3: "高齢者等避難", 4: "避難指示", 5: "緊急安全確保"}
SHELTER_JA = {"open": "開設", "full": "満員", "closed": "閉鎖", "unknown": "不明"}


def text(value, lang):
    """A feed Text ({lang: str}) or plain string → escaped HTML in `lang`, else ja, else the first."""
    if value is None:
        return ""
    if isinstance(value, dict):
        value = value.get(lang) or value.get("ja") or next(iter(value.values()), "")
    return html.escape(RUBY.sub(r"\1", str(value))).replace("\n\n", "</p><p>")


def data_uri(path):
    mime = mimetypes.guess_type(path)[0] or "application/octet-stream"
    with open(path, "rb") as f:
        return "data:%s;base64,%s" % (mime, base64.b64encode(f.read()).decode("ascii"))


def when(iso):
    """'2026-12-05T10:00:00+09:00' → '12月5日(土) 10:00' (local time as written in the feed)."""
    d = datetime.datetime.fromisoformat(iso)
    return "%d月%d日(%s) %d:%02d" % (d.month, d.day, "月火水木金土日"[d.weekday()], d.hour, d.minute)


class Page:
    def __init__(self, assets, lang):
        self.assets, self.lang = assets, lang
        self.uris = {}

    def uri(self, path):
        if path not in self.uris:
            self.uris[path] = data_uri(path)
        return self.uris[path]

    def picto(self, name):
        path = os.path.join(self.assets, "pictograms", name + ".svg")
        if not os.path.exists(path):
            path = os.path.join(self.assets, "pictograms", "hazard-other.svg")
        return '<img class="picto" src="%s" alt="">' % self.uri(path)

    def t(self, value):
        return text(value, self.lang)

    def news(self, it, base):
        out = ['<h1 class="title bar-news">%s</h1><div class="cols"><div class="main">' % self.t(it["title"]),
               "<p>%s</p></div><div class=side>" % self.t(it.get("summary"))]
        img = it.get("image", {}).get("url")
        if img and not img.startswith(("http://", "https://")):
            out.append('<img class="photo" src="%s" alt="%s">'
                       % (self.uri(os.path.join(base, img)), self.t(it["image"].get("alt"))))
        ev = it.get("event")
        if ev:
            rows = [("日時", "%s〜%s" % (when(ev["start"]), when(ev["end"])[-5:].strip()) if ev.get("end")
                     else when(ev["start"]))]
            if ev.get("place"):
                rows.append(("場所", self.t(ev["place"])))
            if ev.get("fee"):
                rows.append(("費用", self.t(ev["fee"])))
            out.append('<table class="event">%s</table>'
                       % "".join("<tr><th>%s</th><td>%s</td></tr>" % r for r in rows))
        out.append("</div></div>")
        if it.get("source"):
            out.append('<div class="source">お知らせ元：%s</div>' % self.t(it["source"]))
        return "".join(out)

    def preparedness(self, it, base):
        hz = it.get("hazard", "other")
        acts = "".join('<li><span class="num">%d</span>%s</li>' % (i + 1, self.t(a))
                       for i, a in enumerate(it.get("actions", [])))
        return ('<div class="prep"><div class="hz">%s<div class="hzname">%s</div></div><div class="main">'
                '<h1 class="title bar-prep">%s</h1><p>%s</p><div class="small">いまできること</div>'
                '<ol>%s</ol></div></div>'
                % (self.picto("hazard-" + hz), HAZARD_JA.get(hz, hz), self.t(it["title"]),
                   self.t(it.get("summary")), acts))

    def project(self, it, base):
        cards = []
        for m in it.get("metrics", []):
            points = [("基準", m.get("baseline"), "base"), ("実績", m.get("actual"), "act")]
            values = [p[1]["value"] for p in points if p[1] and "value" in p[1]]
            values += [t["value"] for t in m.get("targets", []) if "value" in t]
            top = max(values) if values else 1
            rows = "".join(
                '<div class="mrow"><span class="lab">%s %s</span><span class="track"><span class="fill %s"'
                ' style="width:%.1f%%"></span></span><span class="val">%s%s</span></div>'
                % (lab, self.t(p.get("period")), cls, 100.0 * p["value"] / top if top else 0,
                   p["value"], self.t(m.get("unit")))
                for lab, p, cls in points if p and "value" in p)
            note = '<div class="note">%s</div>' % self.t(m.get("note")) if m.get("note") else ""
            cards.append('<div class="card"><h2>%s</h2>%s%s</div>' % (self.t(m.get("label")), rows, note))
        return ('<div class="dept">%s　%s</div><h1 class="title bar-proj">%s</h1><p>%s</p>'
                '<div class="cards">%s</div>'
                % (self.t(it.get("department")), self.t(it.get("plan")), self.t(it["title"]),
                   self.t(it.get("summary")), "".join(cards)))

    def alert(self, it, base):
        level = it.get("level")
        head = ("警戒レベル<b>%d</b> %s" % (level, LEVEL_JA.get(level, "")) if level else "警報")
        shelters = "".join('<li class="%s"><span>%s</span><b>%s</b></li>'
                           % (s.get("status"), self.t(s.get("name")), SHELTER_JA.get(s.get("status"), ""))
                           for s in it.get("shelters", []))
        areas = "、".join(self.t(a) for a in it.get("areas", []))
        issued = when(it["issued"]) if it.get("issued") else ""
        return ('<div class="band lv%s"><div><div class="lvl">%s</div><div>%s</div></div>%s</div>'
                '<div class="cols"><div class="main alert-main"><h1>%s</h1><p>%s</p><div class="areas"><b>対象地域</b>'
                ' %s</div></div><div class="side shelters"><div class="small">避難所</div><ul>%s</ul></div>'
                '</div><div class="source alert-src">発表：%s　発表時刻 %s</div>'
                % (level or "x", head, HAZARD_JA.get(it.get("hazard"), ""), self.picto("hazard-" + it.get("hazard", "other")),
                   self.t(it["title"]), self.t(it.get("instructions") or it.get("summary")), areas, shelters,
                   self.t(it.get("issuer")), issued))


CSS = """
html,body{margin:0;width:1920px;height:1080px;overflow:hidden;background:#f4f2ed;cursor:none}
body{font-family:"BIZ UDGothic","Noto Sans CJK JP",sans-serif;line-break:strict;word-break:normal;color:#1e1e1e}
header{position:absolute;top:0;left:0;right:0;height:112px;background:#16233b;color:#fff;display:flex;
 align-items:center;padding:0 80px;font-size:46px}
header .name{flex:1}header .online{font-size:32px;color:#ccd;margin-right:48px}
header .online:before{content:"●";color:#4c9;margin-right:10px}header .clock{font-size:50px}
#banner{position:absolute;top:112px;left:0;right:0;height:108px;background:#8c1020;color:#fff;display:flex;
 align-items:center;padding:0 80px;font-size:38px;gap:32px}#banner .tag{background:#0b4aa8;padding:8px 20px;border-radius:8px}
footer{position:absolute;bottom:0;left:0;right:0;height:92px;background:#16233b;color:#fff;display:flex;
 align-items:center;padding:0 80px;font-size:36px}
footer .kind{padding:10px 24px;border-radius:8px;background:#1f4e8c}footer .kind.preparedness{background:#0d5a3c}
footer .kind.project{background:#6b3d0a}footer .kind.alert{background:#8c1020}footer .pos{margin-left:auto}
#progress{position:absolute;bottom:0;left:0;height:10px;background:#6b8cc0;width:0}
.slide{position:absolute;top:220px;left:0;width:1760px;height:740px;padding:30px 80px 0;opacity:0;
 transition:opacity var(--fade) ease-in-out;background:#f4f2ed}
.slide.on{opacity:1}
.no-banner .slide{top:112px;height:848px}
h1{font-size:68px;margin:20px 0 30px;line-height:1.25}h1.title{border-left:12px solid #1f4e8c;padding-left:28px}
h1.bar-prep{border-color:#0d5a3c}h1.bar-proj{border-color:#6b3d0a}
p{font-size:44px;line-height:1.6;margin:0 0 20px}
.cols{display:flex;gap:50px}.cols .main{flex:1.4}.cols .side{flex:1}
.photo{display:block;margin:0 auto 20px;max-width:320px;max-height:240px}
.event{background:#e4ecf6;border-radius:16px;padding:24px 30px;font-size:40px;width:100%;border-spacing:0 14px}
.event th{color:#1f4e8c;text-align:left;vertical-align:top;padding-right:40px;white-space:nowrap}
.source{position:absolute;bottom:40px;font-size:30px;color:#555}
.prep{display:flex;gap:70px}.hz{width:410px;text-align:center}.hz .picto{width:330px;padding:40px;
 background:#dfeee8;border-radius:24px}.hzname{font-size:40px;color:#0d5a3c;font-weight:bold;margin-top:20px}
.prep .main{flex:1}.small{font-size:30px;color:#555;margin-bottom:10px}
ol{list-style:none;padding:0;margin:0;font-size:38px}ol li{margin:0 0 10px;display:flex;align-items:center}
.num{display:inline-block;flex:none;width:62px;height:62px;border-radius:31px;background:#0d5a3c;color:#fff;
 text-align:center;line-height:62px;margin-right:30px;font-size:36px}
.dept{font-size:30px;color:#6b3d0a;font-weight:bold}
.cards{display:grid;grid-template-columns:1fr 1fr;gap:28px;background:#f3eadf;padding:16px;border-radius:20px}
.card{background:#fff;border-radius:16px;padding:20px 28px}.card h2{font-size:38px;margin:0 0 16px}
.mrow{display:flex;align-items:center;font-size:24px;margin:6px 0}.lab{width:210px;color:#555}
.track{width:380px;height:20px}.fill{display:block;height:20px;background:#aaa49a}.fill.act{background:#6b3d0a}
.val{margin-left:12px;font-weight:bold}.note{font-size:38px}
.band{display:flex;align-items:center;justify-content:space-between;background:#ff2800;color:#111;
 padding:16px 30px;font-size:34px;margin-bottom:30px}.band.lvx{background:#8c1020;color:#fff}.band .lvl{font-size:60px}
.band .lvl b{font-size:100px;margin:0 16px}.band .picto{width:120px;height:120px;border:6px solid #fff;border-radius:12px}
.shelters{background:#e9e5de;border-radius:20px;padding:24px}.shelters ul{list-style:none;padding:0;margin:0}
.shelters li{background:#fff;border-radius:10px;padding:8px 20px;margin:0 0 14px;font-size:30px;display:flex}
.shelters li b{margin-left:auto;color:#0d5a3c}.shelters li.closed b{color:#666}.areas{font-size:36px}.slide .alert-src{position:static;margin-top:20px}
.alert-main p{font-size:40px}
"""

JS = """
const slides=[...document.querySelectorAll('.slide')], dur=SLIDE_DURATIONS;
const pos=document.getElementById('pos'), kind=document.getElementById('kind'), bar=document.getElementById('progress');
const clock=document.getElementById('clock');
let cur=0, shownAt=0;
function tick(){const d=new Date(new Date().toLocaleString('en-US',{timeZone:'Asia/Tokyo'}));
 clock.textContent=(d.getMonth()+1)+'月'+d.getDate()+'日('+'日月火水木金土'[d.getDay()]+') '+d.getHours()+':'+String(d.getMinutes()).padStart(2,'0');
 setTimeout(tick,60000-Date.now()%60000);}
function progress(){bar.style.width=(100*Math.min(1,(Date.now()-shownAt)/1000/dur[cur]))+'%';
 setTimeout(progress,1000-(Date.now()-shownAt)%1000);}
function show(i){slides[cur].classList.remove('on');cur=i;slides[i].classList.add('on');shownAt=Date.now();
 pos.textContent=(i+1)+' / '+slides.length;kind.textContent=slides[i].dataset.label;kind.className='kind '+slides[i].dataset.kind;
 bar.style.width='0';setTimeout(()=>show((i+1)%slides.length),dur[i]*1000);}
tick();show(0);progress();
"""


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--manifest", required=True)
    ap.add_argument("--feed", action="append", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--center", default="")
    ap.add_argument("--crossfade-ms", type=int, default=1000)
    ap.add_argument("--assets", default=os.path.join(os.path.dirname(__file__), "..", "..", "assets"))
    ap.add_argument("--lang", default="ja")
    a = ap.parse_args()

    items, center = {}, a.center
    for path in a.feed:
        with open(path, encoding="utf-8") as f:
            feed = json.load(f)
        center = center or text(feed.get("title"), a.lang)
        for it in feed.get("items", []):
            items[it["id"]] = (it, os.path.dirname(os.path.abspath(path)))
    with open(a.manifest, encoding="utf-8") as f:
        manifest = json.load(f)

    page = Page(a.assets, a.lang)
    sections, durations, banner = [], [], ""
    for s in manifest["slides"]:
        if s["id"] not in items:
            sys.exit("make_slideshow: %s is in the manifest but in no feed" % s["id"])
        it, base = items[s["id"]]
        if it["kind"] == "alert" and s.get("mode") == "rotation" and not banner:
            tag = '<span class="tag">訓練 EXERCISE</span>' if it.get("status") == "exercise" else ""
            banner = '<div id="banner">%s<b>警報</b><b>%s</b><span>%s</span></div>' % (
                tag, HAZARD_JA.get(it.get("hazard"), ""), page.t(it["title"]))
        body = getattr(page, it["kind"])(it, base)
        # The first slide is on screen from the start, as the kiosk's is (no fade in from nothing).
        sections.append('<section class="slide%s" data-kind="%s" data-label="%s">%s</section>'
                        % ("" if sections else " on", it["kind"], KIND_JA.get(it["kind"], it["kind"]), body))
        durations.append(s["duration"])

    doc = ('<!DOCTYPE html><html lang="%s" translate="no"><head><meta charset="utf-8">'
           '<meta name="google" content="notranslate"><title>%s</title><style>:root{--fade:%dms}%s'
           '</style></head><body class="%s"><header><span class="name">%s</span><span class="online">オンライン</span>'
           '<span class="clock" id="clock"></span></header>%s%s<footer><span class="kind" id="kind"></span>'
           '<span class="pos" id="pos"></span><div id="progress"></div></footer><script>%s</script></body></html>\n'
           % (a.lang, center, a.crossfade_ms, CSS, "" if banner else "no-banner", center, banner,
              "".join(sections), JS.replace("SLIDE_DURATIONS", json.dumps(durations))))
    with open(a.out, "w", encoding="utf-8") as f:
        f.write(doc)
    print("make_slideshow: %d slides, %d s per cycle, %d bytes → %s"
          % (len(durations), sum(durations), len(doc.encode()), a.out))


if __name__ == "__main__":
    main()
