#!/usr/bin/env python3
"""Writes machikado's own pictograms (assets/pictograms/*.svg).

Flat tiles in the spirit of JIS Z 8210: square viewBox 0 0 100 100, a coloured rounded square, a bold white
figure. Only elements nanosvg (SDL2_image's SVG loader) understands: rect, circle, path, polygon, line,
fill/stroke presentation attributes. No text, CSS, filters, masks or <use>.
Run: python3 deploy/art/pictograms.py  (from the source tree root)
"""
import math
import os

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "..", "assets", "pictograms")

NAVY = "#1B365D"     # hazards
GREEN = "#00843D"    # shelters and evacuation sites (safety green)
WHITE = "#FFFFFF"
CATEGORY = {"news": "#0A5AA8", "preparedness": "#00843D", "project": "#5C3D91", "alert": "#C8102E"}


def f(v):
    return f"{v:.1f}".rstrip("0").rstrip(".")


def tile(bg, body, title):
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100" viewBox="0 0 100 100">\n'
            f'<!-- {title} -->\n'
            f'<rect x="0" y="0" width="100" height="100" rx="10" ry="10" fill="{bg}"/>\n'
            f'{body}</svg>\n')


def stroke(d, color=WHITE, width=6, cap="round", join="round"):
    return (f'<path d="{d}" fill="none" stroke="{color}" stroke-width="{f(width)}" '
            f'stroke-linecap="{cap}" stroke-linejoin="{join}"/>\n')


def fill(d, color=WHITE):
    return f'<path d="{d}" fill="{color}"/>\n'


def circle(cx, cy, r, color=WHITE):
    return f'<circle cx="{f(cx)}" cy="{f(cy)}" r="{f(r)}" fill="{color}"/>\n'


def rect(x, y, w, h, color=WHITE, rx=0):
    return f'<rect x="{f(x)}" y="{f(y)}" width="{f(w)}" height="{f(h)}" rx="{f(rx)}" ry="{f(rx)}" fill="{color}"/>\n'


def poly(points, color=WHITE):
    pts = " ".join(f"{f(x)},{f(y)}" for x, y in points)
    return f'<polygon points="{pts}" fill="{color}"/>\n'


def waves(x0, y, n, w, amp, width=5.5, color=WHITE):
    d = f"M{f(x0)},{f(y)} q{f(w / 2)},{f(-amp)} {f(w)},0"
    d += f" t{f(w)},0" * (n - 1)
    return stroke(d, color, width)


def person_standing(x, y, s=1.0, color=WHITE, w=6.5):
    """A standing figure whose feet are at (x, y); about 46*s tall."""
    head = circle(x, y - 40 * s, 6 * s, color)
    body = stroke(f"M{f(x)},{f(y - 31 * s)} L{f(x)},{f(y - 14 * s)}", color, w * s)
    arms = stroke(f"M{f(x - 9 * s)},{f(y - 17 * s)} L{f(x - 5 * s)},{f(y - 29 * s)} L{f(x + 5 * s)},{f(y - 29 * s)} "
                  f"L{f(x + 9 * s)},{f(y - 17 * s)}", color, w * 0.8 * s)
    legs = stroke(f"M{f(x - 5 * s)},{f(y)} L{f(x - 3 * s)},{f(y - 14 * s)} L{f(x + 3 * s)},{f(y - 14 * s)} "
                  f"L{f(x + 5 * s)},{f(y)}", color, w * 0.9 * s)
    return head + body + arms + legs


def person_running(x, y, s=1.0, color=WHITE, w=6.5):
    """A figure running to the right, feet around (x, y); about 46*s tall."""
    head = circle(x + 8 * s, y - 41 * s, 6 * s, color)
    torso = stroke(f"M{f(x + 4 * s)},{f(y - 31 * s)} L{f(x - 2 * s)},{f(y - 16 * s)}", color, w * s)
    arm_f = stroke(f"M{f(x + 4 * s)},{f(y - 29 * s)} L{f(x + 12 * s)},{f(y - 22 * s)} L{f(x + 19 * s)},{f(y - 27 * s)}",
                   color, w * 0.8 * s)
    arm_b = stroke(f"M{f(x + 2 * s)},{f(y - 29 * s)} L{f(x - 7 * s)},{f(y - 27 * s)} L{f(x - 13 * s)},{f(y - 20 * s)}",
                   color, w * 0.8 * s)
    leg_f = stroke(f"M{f(x - 2 * s)},{f(y - 16 * s)} L{f(x + 9 * s)},{f(y - 9 * s)} L{f(x + 8 * s)},{f(y + 1 * s)}",
                   color, w * 0.9 * s)
    leg_b = stroke(f"M{f(x - 2 * s)},{f(y - 16 * s)} L{f(x - 8 * s)},{f(y - 5 * s)} L{f(x - 18 * s)},{f(y - 4 * s)}",
                   color, w * 0.9 * s)
    return head + torso + arm_f + arm_b + leg_f + leg_b


def house(x, y, w, h, color=WHITE, door=None):
    """A house with its walls' bottom-left at (x, y+h); roof above y."""
    roof = poly([(x - 6, y + 2), (x + w / 2, y - w * 0.42), (x + w + 6, y + 2)], color)
    walls = rect(x, y, w, h, color)
    out = roof + walls
    if door:
        out += rect(x + w / 2 - 5, y + h - 14, 10, 14, door)
    return out


def raindrop(cx, cy, r, color=WHITE):
    return fill(f"M{f(cx)},{f(cy - 2.4 * r)} C{f(cx + 0.4 * r)},{f(cy - 1.2 * r)} {f(cx + r)},{f(cy - 0.6 * r)} "
                f"{f(cx + r)},{f(cy)} A{f(r)},{f(r)} 0 0 1 {f(cx - r)},{f(cy)} "
                f"C{f(cx - r)},{f(cy - 0.6 * r)} {f(cx - 0.4 * r)},{f(cy - 1.2 * r)} {f(cx)},{f(cy - 2.4 * r)} Z", color)


def flame(cx, base, w, h, color=WHITE):
    return fill(f"M{f(cx)},{f(base)} C{f(cx - w * 0.62)},{f(base)} {f(cx - w * 0.62)},{f(base - h * 0.45)} "
                f"{f(cx - w * 0.25)},{f(base - h * 0.7)} C{f(cx - w * 0.2)},{f(base - h * 0.5)} {f(cx - w * 0.05)},"
                f"{f(base - h * 0.45)} {f(cx)},{f(base - h * 0.5)} C{f(cx - w * 0.05)},{f(base - h * 0.8)} "
                f"{f(cx + w * 0.1)},{f(base - h * 0.9)} {f(cx + w * 0.05)},{f(base - h)} C{f(cx + w * 0.55)},"
                f"{f(base - h * 0.75)} {f(cx + w * 0.62)},{f(base - h * 0.3)} {f(cx + w * 0.45)},{f(base - h * 0.12)} "
                f"C{f(cx + w * 0.35)},{f(base)} {f(cx + w * 0.2)},{f(base)} {f(cx)},{f(base)} Z", color)


def hazards():
    p = {}
    # River flood: a house standing in water.
    p["flood"] = (house(30, 38, 40, 26, door=NAVY) + waves(12, 73, 6, 12.7, 7) + waves(12, 86, 6, 12.7, 7),
                  "flood / 洪水")
    # Inland (surface) flooding: rain pouring onto a street whose drain overflows.
    body = raindrop(27, 24, 5) + raindrop(50, 18, 5) + raindrop(73, 24, 5)
    body += waves(12, 50, 6, 12.7, 6)
    body += rect(24, 62, 52, 24, WHITE, 4)
    for i in range(5):
        body += rect(30 + i * 9, 66, 4, 16, NAVY, 1)
    p["inland_flood"] = (body, "inland_flood / 内水氾濫")
    # Landslide: a slope shedding rocks onto a house.
    body = poly([(10, 18), (30, 18), (58, 88), (10, 88)])
    body += circle(46, 34, 6) + circle(58, 48, 5) + circle(50, 56, 3.5)
    body += house(66, 68, 22, 20, door=None)
    p["landslide"] = (body, "landslide / 土砂災害")
    # Storm surge: wind drives the sea up and over a sea wall.
    body = stroke("M12,20 H50 a8,8 0 1 0 -8,-8", WHITE, 5.5) + stroke("M12,34 H74 a8,8 0 1 0 -8,-8", WHITE, 5.5)
    body += fill("M10,88 V54 q5.5,-9 11,0 t11,0 t11,0 t11,0 t11,0 C68,52 80,58 84,70 L86,88 Z")
    body += f'<rect x="56" y="64" width="13" height="24" fill="{WHITE}" stroke="{NAVY}" stroke-width="3"/>\n'
    p["storm_surge"] = (body, "storm_surge / 高潮")
    # Tsunami: a tall curling wave.
    body = fill("M10,88 C12,58 26,30 52,20 C70,13 88,20 90,36 C91,46 84,52 76,50 C70,48 68,40 74,36 "
                "C66,33 56,38 52,48 C46,62 56,78 90,80 L90,88 Z")
    p["tsunami"] = (body, "tsunami / 津波")
    # Earthquake: a shaking house over cracked ground.
    body = house(32, 34, 36, 28, door=NAVY)
    body += stroke("M18,32 Q12,44 18,56", WHITE, 5) + stroke("M10,28 Q2,44 10,60", WHITE, 4)
    body += stroke("M82,32 Q88,44 82,56", WHITE, 5) + stroke("M90,28 Q98,44 90,60", WHITE, 4)
    body += rect(10, 72, 80, 14)
    body += poly([(44, 72), (56, 72), (50, 78), (57, 81), (50, 86), (40, 86), (46, 80), (40, 77)], NAVY)
    p["earthquake"] = (body, "earthquake / 地震")
    # Large-scale fire: flames over a row of houses.
    body = flame(50, 64, 44, 54)
    body += flame(52, 64, 18, 22, NAVY)
    body += house(14, 68, 22, 20) + house(64, 68, 22, 20) + rect(34, 72, 32, 16)
    p["fire"] = (body, "fire / 大規模な火事")
    # Storm: strong wind and slanting rain.
    body = stroke("M12,30 H58 a10,10 0 1 0 -10,-10", WHITE, 6)
    body += stroke("M12,48 H74 a10,10 0 1 1 -10,10", WHITE, 6)
    body += stroke("M12,66 H44", WHITE, 6)
    for x in (58, 72, 86):
        body += stroke(f"M{x},68 L{x - 6},84", WHITE, 5)
    p["storm"] = (body, "storm / 暴風")
    # Snow: a six-armed snowflake.
    body = ""
    for k in range(6):
        a = math.radians(90 + 60 * k)
        ex, ey = 50 + 36 * math.cos(a), 50 - 36 * math.sin(a)
        body += stroke(f"M50,50 L{f(ex)},{f(ey)}", WHITE, 6)
        for t, blen in ((0.62, 12),):
            bx, by = 50 + 36 * t * math.cos(a), 50 - 36 * t * math.sin(a)
            for side in (-1, 1):
                b = a + side * math.radians(40)
                body += stroke(f"M{f(bx)},{f(by)} L{f(bx + blen * math.cos(b))},{f(by - blen * math.sin(b))}", WHITE, 5)
    body += circle(50, 50, 7)
    p["snow"] = (body, "snow / 大雪")
    # Heat: a blazing sun beside a thermometer.
    body = circle(38, 42, 14)
    for k in range(8):
        a = math.radians(45 * k)
        body += stroke(f"M{f(38 + 20 * math.cos(a))},{f(42 + 20 * math.sin(a))} "
                       f"L{f(38 + 28 * math.cos(a))},{f(42 + 28 * math.sin(a))}", WHITE, 5)
    body += rect(70, 20, 12, 50, WHITE, 6) + circle(76, 76, 11) + rect(74, 40, 4, 34, NAVY, 2) + circle(76, 76, 6, NAVY)
    p["heat"] = (body, "heat / 熱中症・高温")
    # Volcano: an erupting mountain.
    body = poly([(8, 88), (36, 46), (44, 52), (56, 52), (64, 46), (92, 88)])
    body += circle(40, 28, 9) + circle(52, 22, 11) + circle(63, 29, 8) + circle(50, 36, 7)
    body += poly([(22, 22), (28, 16), (30, 24)]) + poly([(74, 14), (82, 12), (80, 20)])
    p["volcano"] = (body, "volcano / 火山")
    # Other: a general warning triangle.
    body = fill("M50,12 L90,84 H10 Z M50,26 L22,77 H78 Z")
    body += rect(46, 38, 8, 22, WHITE, 3) + circle(50, 68, 4.5)
    p["other"] = (body, "other / その他の災害")
    return p


def places():
    p = {}
    # 避難所: a house that shelters a person.
    body = fill("M50,10 L92,46 L84,46 L84,90 L16,90 L16,46 L8,46 Z")
    body += person_standing(40, 84, 0.95, GREEN) + person_standing(62, 84, 0.75, GREEN)
    p["shelter"] = (body, "shelter / 避難所")
    # 避難場所: a person running into an open, safe area.
    body = stroke("M44,16 H88 V86 H44", WHITE, 7, cap="butt", join="miter")
    body += person_running(28, 78, 1.1)
    body += poly([(58, 44), (72, 51), (58, 58)])
    p["evacuation-site"] = (body, "evacuation site / 避難場所")
    # 津波避難ビル: a tall building above the wave, a person on its roof.
    body = rect(50, 34, 34, 56)
    for row in range(4):
        for col in range(3):
            body += rect(54 + col * 10, 40 + row * 11, 6, 6, GREEN)
    body += person_standing(67, 31, 0.5)
    body += fill("M8,90 L8,66 C14,56 24,52 32,58 C36,61 36,66 32,68 C40,70 46,66 48,60 L48,90 Z")
    body += stroke("M22,46 L34,24 M26,24 H34 V32", WHITE, 5)
    p["tsunami-building"] = (body, "tsunami evacuation building / 津波避難ビル")
    return p


def categories():
    p = {}
    c = CATEGORY
    # ニュース: a megaphone.
    body = poly([(20, 40), (34, 40), (70, 20), (70, 80), (34, 60), (20, 60)])
    body += rect(26, 60, 10, 20, WHITE, 3)
    body += stroke("M78,38 Q84,50 78,62", WHITE, 5) + stroke("M84,30 Q94,50 84,70", WHITE, 5)
    p["news"] = (c["news"], body, "news / ニュース")
    # 防災: a safety helmet.
    body = fill("M18,66 C18,36 34,22 50,22 C66,22 82,36 82,66 Z")
    body += rect(10, 63, 80, 12, WHITE, 6)
    body += rect(46, 28, 8, 30, c["preparedness"], 4)
    p["preparedness"] = (c["preparedness"], body, "preparedness / 防災")
    # 事業: rising bars with an arrow.
    body = rect(16, 62, 14, 24) + rect(38, 48, 14, 38) + rect(60, 34, 14, 52)
    body += stroke("M14,44 L40,26 L54,34 L80,16", WHITE, 5) + poly([(84, 12), (82, 26), (70, 18)])
    p["project"] = (c["project"], body, "project / 事業")
    # 警報: a rotating warning light.
    body = fill("M30,70 V52 C30,40 40,32 50,32 C60,32 70,40 70,52 V70 Z")
    body += rect(22, 72, 56, 12, WHITE, 3)
    body += rect(46, 42, 8, 22, c["alert"], 4)
    body += stroke("M50,10 V22", WHITE, 6) + stroke("M20,22 L27,30", WHITE, 6) + stroke("M80,22 L73,30", WHITE, 6)
    body += stroke("M10,48 H18", WHITE, 6) + stroke("M82,48 H90", WHITE, 6)
    p["alert"] = (c["alert"], body, "alert / 警報・避難情報")
    return p


def main():
    os.makedirs(OUT, exist_ok=True)
    written = []
    for name, (body, title) in hazards().items():
        written.append((f"hazard-{name}.svg", tile(NAVY, body, title)))
    for name, (body, title) in places().items():
        written.append((f"{name}.svg", tile(GREEN, body, title)))
    for name, (bg, body, title) in categories().items():
        written.append((f"{name}.svg", tile(bg, body, title)))
    for fname, svg in written:
        with open(os.path.join(OUT, fname), "w", encoding="utf-8") as fh:
            fh.write(svg)
    print(f"wrote {len(written)} pictograms to assets/pictograms/")


if __name__ == "__main__":
    main()
