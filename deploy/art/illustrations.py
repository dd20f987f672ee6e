#!/usr/bin/env python3
"""Writes machikado's own flat illustrations for the demo news (deploy/art/illustrations/*.svg) and renders
them to feeds/demo/images/*.png (800x600) with rsvg-convert (Debian: librsvg2-bin).
Run: python3 deploy/art/illustrations.py  (from the source tree root)
"""
import math
import os
import random
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "illustrations")
PNG = os.path.join(HERE, "..", "..", "feeds", "demo", "images")
W, H = 800, 600


def f(v):
    return f"{v:.1f}".rstrip("0").rstrip(".")


def svg(bg, body):
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" viewBox="0 0 {W} {H}">\n'
            f'<rect x="0" y="0" width="{W}" height="{H}" fill="{bg}"/>\n{body}</svg>\n')


def rect(x, y, w, h, c, rx=0, tr=None):
    t = f' transform="{tr}"' if tr else ""
    return f'<rect x="{f(x)}" y="{f(y)}" width="{f(w)}" height="{f(h)}" rx="{f(rx)}" fill="{c}"{t}/>\n'


def circle(cx, cy, r, c):
    return f'<circle cx="{f(cx)}" cy="{f(cy)}" r="{f(r)}" fill="{c}"/>\n'


def ellipse(cx, cy, rx, ry, c, tr=None):
    t = f' transform="{tr}"' if tr else ""
    return f'<ellipse cx="{f(cx)}" cy="{f(cy)}" rx="{f(rx)}" ry="{f(ry)}" fill="{c}"{t}/>\n'


def path(d, c):
    return f'<path d="{d}" fill="{c}"/>\n'


def line(d, c, w, cap="round"):
    return f'<path d="{d}" fill="none" stroke="{c}" stroke-width="{f(w)}" stroke-linecap="{cap}" stroke-linejoin="round"/>\n'


def poly(pts, c):
    return f'<polygon points="{" ".join(f"{f(x)},{f(y)}" for x, y in pts)}" fill="{c}"/>\n'


def ground(c, y=500):
    return rect(0, y, W, H - y, c)


def library():
    b = ground("#D6E4F0")
    b += rect(120, 90, 400, 420, "#8B5A2B", 10) + rect(140, 110, 360, 380, "#F3E6D3", 4)
    colors = ["#D64541", "#2E86C1", "#F4D03F", "#27AE60", "#8E44AD", "#E67E22", "#1ABC9C", "#34495E"]
    rnd = random.Random(7)
    for shelf in range(3):
        y0 = 110 + shelf * 127
        b += rect(140, y0 + 117, 360, 10, "#8B5A2B")
        x = 150
        while x < 470:
            w = rnd.randint(18, 30)
            h = rnd.randint(70, 105)
            if x + w > 490:
                break
            b += rect(x, y0 + 117 - h, w, h, rnd.choice(colors), 3)
            b += rect(x + 4, y0 + 117 - h + 10, w - 8, 5, "#FFFFFF")
            x += w + 4
    # An open book on a stand in front.
    b += poly([(560, 330), (660, 350), (660, 470), (560, 450)], "#FFFFFF")
    b += poly([(660, 350), (760, 330), (760, 450), (660, 470)], "#FDFEFE")
    b += line("M660,350 V470", "#B0B7BF", 3)
    for i in range(5):
        y = 370 + i * 16
        b += line(f"M575,{y - 2 + i * 0.5} L645,{y + 12}", "#AEB6BF", 4)
        b += line(f"M675,{y + 12} L745,{y - 2 + i * 0.5}", "#AEB6BF", 4)
    b += poly([(600, 470), (720, 470), (740, 500), (580, 500)], "#8B5A2B")
    return svg("#EAF2FB", b)


def festival():
    b = ""
    for i in range(40):
        rnd = random.Random(i)
        b += circle(rnd.randint(10, 790), rnd.randint(10, 260), rnd.choice([1.5, 2, 2.5]), "#FFF6D5")
    b += ground("#3B2A4F", 470)
    # Bunting.
    b += line("M0,120 Q400,210 800,120", "#E8D9B5", 3)
    flag_colors = ["#E74C3C", "#F5F5F5", "#F1C40F", "#2E86C1"]
    for i in range(13):
        t = (i + 0.5) / 13
        x = 800 * t
        y = 120 + 180 * t * (1 - t)  # on the string (quadratic Bezier, control point y=210)
        b += poly([(x - 22, y - 2), (x + 22, y + 2), (x, y + 42)], flag_colors[i % 4])
    # Lanterns on a string.
    b += line("M40,250 Q400,300 760,250", "#2C2C2C", 4)
    for i, cx in enumerate((140, 300, 500, 660)):
        t = (cx - 40) / 720
        top = 250 + 100 * t * (1 - t)  # the string's height at cx (quadratic Bezier, control point y=300)
        cy = top + 105
        body = "#D62D20" if i % 2 == 0 else "#F7F3E8"
        rib = "#A3231A" if i % 2 == 0 else "#D9CDB0"
        b += line(f"M{cx},{f(top)} V{f(cy - 70)}", "#2C2C2C", 3)
        b += f'<circle cx="{cx}" cy="{f(cy)}" r="84" fill="#FFD27F" fill-opacity="0.14"/>\n'
        b += ellipse(cx, cy, 62, 72, body)
        for k in range(-3, 4):
            yy = cy + k * 18
            half = 62 * math.sqrt(max(0.0, 1 - (k * 18 / 72) ** 2))
            b += line(f"M{f(cx - half)},{f(yy)} Q{cx},{f(yy + 6)} {f(cx + half)},{f(yy)}", rib, 2.5)
        b += rect(cx - 34, cy - 80, 68, 14, "#2C2C2C", 3) + rect(cx - 34, cy + 66, 68, 14, "#2C2C2C", 3)
        b += line(f"M{cx},{cy + 80} V{cy + 110}", "#F1C40F", 4)
    return svg("#23315C", b)


def cleanup():
    b = ground("#B9DFA8", 470)
    rnd = random.Random(3)
    for i in range(14):
        x, y = rnd.randint(40, 760), rnd.randint(480, 580)
        b += ellipse(x, y, 16, 8, rnd.choice(["#E67E22", "#D35400", "#F1C40F"]), f"rotate({rnd.randint(-40, 40)} {x} {y})")
    # Broom.
    b += line("M250,80 L330,420", "#A0522D", 16)
    b += poly([(300, 400), (365, 385), (420, 520), (290, 545)], "#E9C46A")
    b += rect(296, 392, 72, 22, "#C0392B", 6, "rotate(-13 332 403)")
    for i in range(7):
        x0 = 305 + i * 16
        b += line(f"M{x0 + 8},{430 + i * -1} L{x0 + 2 + i * 2},{535 - i * 3}", "#D4A373", 3)
    # Dust pan.
    b += poly([(440, 470), (560, 470), (585, 540), (420, 540)], "#2A9D8F")
    b += rect(545, 430, 18, 60, "#2A9D8F", 8, "rotate(20 554 460)")
    # Rubbish bag.
    b += path("M610,540 C580,540 575,470 600,420 C615,390 650,380 665,400 L690,400 C705,380 740,390 755,420 "
              "C780,470 775,540 745,540 Z", "#5D7A99")
    b += poly([(660, 405), (695, 405), (705, 370), (650, 370)], "#5D7A99")
    b += rect(652, 398, 50, 12, "#F1C40F", 5)
    b += line("M630,470 Q650,450 640,510", "#7F9BB8", 6)
    # Sun.
    b += circle(690, 110, 50, "#F9D56E")
    return svg("#E9F6FF", b)


def smartphone():
    b = ""
    b += rect(250, 70, 260, 470, "#2B2D42", 36) + rect(266, 110, 228, 380, "#DCEEFF", 10)
    b += rect(350, 86, 60, 10, "#4A4E69", 5) + circle(380, 512, 12, "#4A4E69")
    icon_colors = ["#EF476F", "#FFD166", "#06D6A0", "#118AB2", "#8338EC", "#FB8500", "#3A86FF", "#2A9D8F", "#E63946"]
    for i in range(9):
        r, c = divmod(i, 3)
        b += rect(290 + c * 66, 140 + r * 72, 48, 48, icon_colors[i], 12)
    b += rect(290, 370, 180, 90, "#FFFFFF", 12) + rect(306, 388, 120, 12, "#B8C4D6", 6) + rect(306, 412, 148, 12, "#B8C4D6", 6)
    b += rect(306, 436, 90, 12, "#B8C4D6", 6)
    # Speech bubble with three dots (a conversation, a question being helped).
    b += path("M530,120 H720 Q750,120 750,150 V250 Q750,280 720,280 H600 L560,320 L570,280 H530 Q500,280 500,250 "
              "V150 Q500,120 530,120 Z", "#FFFFFF")
    for i in range(3):
        b += circle(575 + i * 50, 200, 16, "#118AB2")
    # A helping hand (simple mitten shape) at the phone's side.
    b += path("M150,460 C120,420 130,360 170,350 L250,340 L250,420 L210,470 Z", "#F4C7A1")
    b += rect(90, 450, 140, 80, "#457B9D", 20)
    return svg("#FFF1E6", b)


def health():
    b = ""
    # Heart.
    b += path("M400,520 C260,420 170,330 170,240 C170,170 225,120 290,120 C340,120 380,150 400,190 "
              "C420,150 460,120 510,120 C575,120 630,170 630,240 C630,330 540,420 400,520 Z", "#E63946")
    b += line("M230,300 H330 L360,240 L410,360 L445,280 L470,300 H570", "#FFFFFF", 14)
    # Stethoscope.
    b += line("M610,90 C600,160 640,200 680,200 C720,200 760,160 750,90", "#34495E", 12)
    b += line("M680,200 C680,320 640,400 560,440", "#34495E", 12)
    b += circle(545, 448, 34, "#7F8C8D") + circle(545, 448, 20, "#BDC3C7")
    b += circle(610, 86, 10, "#34495E") + circle(750, 86, 10, "#34495E")
    # Plus sign.
    b += rect(100, 80, 90, 30, "#2A9D8F", 8) + rect(130, 50, 30, 90, "#2A9D8F", 8)
    return svg("#FDEDEE", b)


def bousai_bag():
    b = ground("#F2E3B3", 500)
    # Backpack.
    b += path("M220,150 C220,110 250,90 290,90 H410 C450,90 480,110 480,150 V500 H220 Z", "#F77F00")
    b += line("M300,90 C300,40 400,40 400,90", "#B35900", 16)
    b += rect(260, 300, 180, 150, "#D62828", 24) + rect(260, 300, 180, 30, "#A4161A", 12)
    b += rect(335, 350, 30, 70, "#FFFFFF", 4) + rect(315, 370, 70, 30, "#FFFFFF", 4)
    b += rect(250, 180, 200, 16, "#FCBF49", 8)
    # Water bottles.
    for i, x in enumerate((520, 610)):
        b += rect(x, 250, 70, 250, "#8ECAE6", 18) + rect(x + 18, 220, 34, 36, "#219EBC", 6)
        b += rect(x, 320, 70, 60, "#219EBC") + rect(x + 10, 270, 12, 200, "#FFFFFF", 6)
    # Torch.
    b += rect(80, 420, 110, 44, "#264653", 10) + poly([(190, 412), (225, 398), (225, 486), (190, 472)], "#2A9D8F")
    b += poly([(228, 410), (300, 380), (300, 500), (228, 476)], "#FFE8A3")
    return svg("#FFF7D6", b)


def qr_flyer():
    b = ""
    b += rect(200, 70, 330, 460, "#FFFFFF", 10, "rotate(-6 365 300)")
    g = '<g transform="rotate(-6 365 300)">\n'
    g += rect(200, 70, 330, 70, "#2A9D8F", 10) + rect(200, 120, 330, 20, "#2A9D8F")
    g += rect(230, 90, 180, 18, "#FFFFFF", 9)
    for i in range(4):
        g += rect(230, 170 + i * 30, 270 - (i % 2) * 60, 14, "#C9D6DF", 7)
    # A stylised two-dimensional code: finder squares and a fixed module pattern (not a real, scannable code).
    x0, y0, m = 300, 310, 10
    rnd = random.Random(11)
    for (fx, fy) in ((0, 0), (14, 0), (0, 14)):
        g += rect(x0 + fx * m, y0 + fy * m, 7 * m, 7 * m, "#1D3557") + rect(x0 + fx * m + m, y0 + fy * m + m, 5 * m, 5 * m, "#FFFFFF")
        g += rect(x0 + fx * m + 2 * m, y0 + fy * m + 2 * m, 3 * m, 3 * m, "#1D3557")
    for r in range(21):
        for c in range(21):
            if (r < 8 and c < 8) or (r < 8 and c > 12) or (r > 12 and c < 8):
                continue
            if rnd.random() < 0.45:
                g += rect(x0 + c * m, y0 + r * m, m, m, "#1D3557")
    g += "</g>\n"
    b += g
    # A phone scanning it.
    b += rect(540, 250, 150, 280, "#2B2D42", 22, "rotate(10 615 390)") + rect(556, 280, 118, 210, "#BDE0FE", 6, "rotate(10 615 390)")
    b += line("M575,360 L655,374", "#E63946", 5)
    return svg("#EAF4F4", b)


def main():
    os.makedirs(SRC, exist_ok=True)
    os.makedirs(PNG, exist_ok=True)
    art = {"library": library, "festival": festival, "cleanup": cleanup, "smartphone": smartphone,
           "health": health, "bousai-bag": bousai_bag, "qr-flyer": qr_flyer}
    for name, fn in art.items():
        src = os.path.join(SRC, name + ".svg")
        with open(src, "w", encoding="utf-8") as fh:
            fh.write(fn())
        subprocess.run(["rsvg-convert", "-w", str(W), "-h", str(H), src, "-o", os.path.join(PNG, name + ".png")],
                       check=True)
    print(f"wrote {len(art)} illustrations")


if __name__ == "__main__":
    main()
