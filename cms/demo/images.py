"""Demo pictures drawn with Pillow: heroes, portraits, an infographic and a logo. Never downloads.

Each picture is a soft two-colour gradient with blurred shapes and a simple motif drawn in
white, so the demo looks intentional without using anyone's photograph.
"""

import io
import math
import random
from functools import cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

HERO_SIZE = (1600, 900)
GALLERY_SIZE = (1200, 800)
PORTRAIT_SIZE = (800, 1000)
INFOGRAPHIC_SIZE = (1080, 1600)
LOGO_SIZE = (512, 512)

FONT_DIRS = [Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu")]

# Two colours per topic: dark corner to light corner.
PALETTES = {
    "rose": ((150, 32, 72), (246, 150, 121)),
    "indigo": ((30, 45, 110), (92, 150, 214)),
    "safety": ((16, 70, 80), (236, 168, 40)),
    "green": ((18, 94, 62), (132, 204, 122)),
    "violet": ((70, 36, 120), (214, 120, 178)),
    "teal": ((10, 70, 100), (64, 190, 190)),
    "tet": ((160, 20, 30), (248, 190, 60)),
    "coral": ((170, 60, 50), (250, 196, 150)),
    "slate": ((40, 52, 70), (130, 156, 180)),
    "navy": ((18, 40, 80), (60, 110, 170)),
    "sand": ((120, 84, 40), (236, 206, 150)),
}
PORTRAIT_PALETTES = [
    ((72, 98, 140), (190, 208, 228)),
    ((120, 80, 110), (228, 200, 214)),
    ((64, 110, 96), (196, 226, 210)),
    ((130, 96, 60), (236, 216, 186)),
    ((86, 86, 130), (210, 206, 236)),
]
WHITE = (255, 255, 255)


@cache
def font(size, bold=True, serif=False):
    """DejaVu (which covers Vietnamese) at ``size``, or None when it is not installed."""
    family = "DejaVuSerif" if serif else "DejaVuSans"
    name = f"{family}-Bold.ttf" if bold else f"{family}.ttf"
    for folder in FONT_DIRS:
        if (folder / name).exists():
            return ImageFont.truetype(str(folder / name), size)
    return None


def gradient(size, colours, angle=35):
    """A diagonal gradient from colours[0] (top left) to colours[1] (bottom right)."""
    mask = Image.linear_gradient("L").rotate(angle, expand=True, resample=Image.BICUBIC)
    side = mask.size[0]
    mask = mask.crop((side // 4, side // 4, side * 3 // 4, side * 3 // 4))
    mask = mask.resize(size, Image.BILINEAR)
    return Image.composite(
        Image.new("RGB", size, colours[1]), Image.new("RGB", size, colours[0]), mask
    )


def soft_shapes(base, rng, count=7):
    """Blurred translucent circles over ``base`` (drawn small, see ``background``)."""
    w, h = base.size
    layer = Image.new("RGBA", (w, h), (255, 255, 255, 0))
    draw = ImageDraw.Draw(layer)
    for _ in range(count):
        r = rng.randint(h // 6, h // 3) // 2
        x, y = rng.randint(0, w), rng.randint(0, h)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=(255, 255, 255, rng.randint(18, 46)))
    base.alpha_composite(layer.filter(ImageFilter.GaussianBlur(10)))


def background(size, colours, angle, rng=None):
    """Gradient and soft shapes drawn at a quarter of the size, then enlarged once: they are
    blurry by design, and this keeps a hero well under a tenth of a second."""
    w, h = size
    small = gradient((w // 4, h // 4), colours, angle).convert("RGBA")
    if rng:
        soft_shapes(small, rng)
    return small.resize(size, Image.BILINEAR)


def ellipse_points(cx, cy, rx, ry, angle=0.0, steps=36):
    cos_a, sin_a = math.cos(angle), math.sin(angle)
    points = []
    for i in range(steps):
        t = 2 * math.pi * i / steps
        x, y = rx * math.cos(t), ry * math.sin(t)
        points.append((cx + x * cos_a - y * sin_a, cy + x * sin_a + y * cos_a))
    return points


def flower(draw, cx, cy, r, petals=6, fill=(255, 255, 255, 215), centre=(255, 214, 120, 255)):
    for i in range(petals):
        a = 2 * math.pi * i / petals
        px, py = cx + math.cos(a) * r * 0.55, cy + math.sin(a) * r * 0.55
        draw.polygon(ellipse_points(px, py, r * 0.55, r * 0.28, a), fill=fill)
    draw.ellipse((cx - r * 0.22, cy - r * 0.22, cx + r * 0.22, cy + r * 0.22), fill=centre)


def leaf(draw, cx, cy, size, angle, fill=(255, 255, 255, 150)):
    draw.polygon(ellipse_points(cx, cy, size, size * 0.38, angle), fill=fill)


def heart(draw, cx, cy, s, fill):
    pts = []
    for i in range(60):
        t = 2 * math.pi * i / 60
        x = 16 * math.sin(t) ** 3
        y = 13 * math.cos(t) - 5 * math.cos(2 * t) - 2 * math.cos(3 * t) - math.cos(4 * t)
        pts.append((cx + x * s, cy - y * s))
    draw.polygon(pts, fill=fill)


def motif_flowers(draw, cx, cy, s, rng):
    stem = (255, 255, 255, 150)
    for dx, dy, r in [(-120, 40, 110), (110, -60, 130), (40, 170, 85)]:
        x, y = cx + dx * s, cy + dy * s
        draw.line((x, y, cx, cy + 330 * s), fill=stem, width=int(8 * s))
        leaf(draw, (x + cx) / 2 + 30 * s, (y + cy + 330 * s) / 2, 50 * s, rng.uniform(-0.8, 0.8))
        flower(draw, x, y, r * s, petals=rng.choice([5, 6, 8]))


def motif_books(draw, cx, cy, s, rng):
    shades = [(255, 255, 255, 230), (255, 255, 255, 180), (255, 255, 255, 210)]
    y = cy + 200 * s
    for i, width in enumerate([420, 360, 390, 330]):
        h = 58 * s
        x0 = cx - width * s / 2 + rng.randint(-20, 20) * s
        draw.rounded_rectangle(
            (x0, y - h, x0 + width * s, y), radius=int(10 * s), fill=shades[i % 3]
        )
        draw.line((x0 + 26 * s, y - h + 8 * s, x0 + 26 * s, y - 8 * s), fill=(0, 0, 0, 40), width=4)
        y -= h + 6 * s
    # Graduation cap on top of the stack.
    top = y - 40 * s
    draw.polygon(
        [(cx - 200 * s, top), (cx, top - 80 * s), (cx + 200 * s, top), (cx, top + 80 * s)],
        fill=WHITE + (240,),
    )
    draw.rectangle((cx - 110 * s, top + 30 * s, cx + 110 * s, top + 95 * s), fill=WHITE + (200,))
    draw.line(
        (cx + 150 * s, top + 18 * s, cx + 150 * s, top + 150 * s),
        fill=(255, 214, 120, 255),
        width=int(8 * s),
    )
    draw.ellipse(
        (cx + 135 * s, top + 140 * s, cx + 165 * s, top + 175 * s), fill=(255, 214, 120, 255)
    )


def motif_safety(draw, cx, cy, s, rng):
    white = WHITE + (230,)
    cx -= 70 * s
    # Helmet: a dome, a ridge and a brim.
    hx, hy = cx - 150 * s, cy + 40 * s
    draw.chord((hx - 190 * s, hy - 190 * s, hx + 190 * s, hy + 190 * s), 180, 360, fill=white)
    draw.rounded_rectangle(
        (hx - 240 * s, hy - 8 * s, hx + 240 * s, hy + 40 * s), radius=int(20 * s), fill=white
    )
    draw.rectangle((hx - 22 * s, hy - 200 * s, hx + 22 * s, hy - 10 * s), fill=(0, 0, 0, 35))
    # Shield with a tick.
    sx, sy = cx + 230 * s, cy - 10 * s
    shield = [
        (sx - 140 * s, sy - 170 * s),
        (sx + 140 * s, sy - 170 * s),
        (sx + 140 * s, sy + 10 * s),
        (sx, sy + 190 * s),
        (sx - 140 * s, sy + 10 * s),
    ]
    draw.polygon(shield, fill=(255, 255, 255, 205))
    draw.line(
        [(sx - 70 * s, sy - 10 * s), (sx - 15 * s, sy + 50 * s), (sx + 80 * s, sy - 70 * s)],
        fill=(40, 150, 90, 255),
        width=int(26 * s),
        joint="curve",
    )


def motif_sports(draw, cx, cy, s, rng):
    for dx, dy, r in [(-150, 60, 150), (150, -90, 110), (170, 160, 70)]:
        x, y, r = cx + dx * s, cy + dy * s, r * s
        draw.ellipse((x - r, y - r, x + r, y + r), fill=WHITE + (230,))
        pent = [
            (x + r * 0.38 * math.cos(a), y + r * 0.38 * math.sin(a))
            for a in [math.pi * (1.5 + 0.4 * i) for i in range(5)]
        ]
        draw.polygon(pent, fill=(30, 40, 50, 200))
        for px, py in pent:
            ex, ey = x + (px - x) * 2.5, y + (py - y) * 2.5
            draw.line((px, py, ex, ey), fill=(30, 40, 50, 150), width=max(3, int(6 * s)))
    # Motion lines.
    for i in range(3):
        y = cy + (40 + i * 36) * s
        draw.line((cx - 420 * s, y, cx - 320 * s, y), fill=WHITE + (140,), width=int(8 * s))


def motif_music(draw, cx, cy, s, rng):
    for i in range(5):
        y = cy - 120 * s + i * 34 * s
        draw.line((cx - 380 * s, y, cx + 380 * s, y - 60 * s), fill=WHITE + (110,), width=3)
    notes = [(-240, 120), (-80, 60), (80, 150), (240, 40)]
    for dx, dy in notes:
        x, y = cx + dx * s, cy + dy * s
        draw.polygon(ellipse_points(x, y, 44 * s, 30 * s, -0.4), fill=WHITE + (235,))
        draw.line(
            (x + 38 * s, y - 8 * s, x + 38 * s, y - 230 * s), fill=WHITE + (235,), width=int(9 * s)
        )
    draw.line(
        (cx - 80 * s + 38 * s, cy - 170 * s, cx + 80 * s + 38 * s, cy - 80 * s),
        fill=WHITE + (235,),
        width=int(26 * s),
    )


def motif_digital(draw, cx, cy, s, rng):
    # Laptop.
    draw.rounded_rectangle(
        (cx - 230 * s, cy - 150 * s, cx + 230 * s, cy + 120 * s),
        radius=int(16 * s),
        fill=WHITE + (225,),
    )
    draw.rectangle((cx - 200 * s, cy - 122 * s, cx + 200 * s, cy + 92 * s), fill=(20, 60, 90, 170))
    draw.polygon(
        [
            (cx - 300 * s, cy + 170 * s),
            (cx + 300 * s, cy + 170 * s),
            (cx + 250 * s, cy + 130 * s),
            (cx - 250 * s, cy + 130 * s),
        ],
        fill=WHITE + (225,),
    )
    # A small network on the screen.
    nodes = [(cx + rng.randint(-170, 170) * s, cy + rng.randint(-100, 70) * s) for _ in range(7)]
    for a, b in zip(nodes, nodes[1:] + nodes[:2], strict=False):
        draw.line((*a, *b), fill=(120, 230, 230, 220), width=max(2, int(4 * s)))
    for x, y in nodes:
        draw.ellipse((x - 12 * s, y - 12 * s, x + 12 * s, y + 12 * s), fill=(255, 255, 255, 255))


def motif_care(draw, cx, cy, s, rng):
    heart(draw, cx - 120 * s, cy - 40 * s, 11 * s, WHITE + (230,))
    heart(draw, cx + 150 * s, cy - 150 * s, 5 * s, WHITE + (170,))
    # Gift box.
    bx, by = cx + 170 * s, cy + 120 * s
    draw.rectangle((bx - 120 * s, by - 60 * s, bx + 120 * s, by + 120 * s), fill=WHITE + (220,))
    draw.rectangle((bx - 140 * s, by - 100 * s, bx + 140 * s, by - 50 * s), fill=WHITE + (240,))
    draw.rectangle((bx - 18 * s, by - 100 * s, bx + 18 * s, by + 120 * s), fill=(220, 70, 80, 230))
    leaf(draw, bx - 45 * s, by - 125 * s, 50 * s, 0.5, fill=(220, 70, 80, 230))
    leaf(draw, bx + 45 * s, by - 125 * s, 50 * s, -0.5, fill=(220, 70, 80, 230))


def motif_law(draw, cx, cy, s, rng):
    white = WHITE + (230,)
    draw.rectangle((cx - 10 * s, cy - 200 * s, cx + 10 * s, cy + 170 * s), fill=white)
    draw.polygon(
        [(cx - 120 * s, cy + 210 * s), (cx + 120 * s, cy + 210 * s), (cx, cy + 150 * s)], fill=white
    )
    draw.line(
        (cx - 230 * s, cy - 150 * s, cx + 230 * s, cy - 150 * s), fill=white, width=int(14 * s)
    )
    for px in (cx - 220 * s, cx + 220 * s):
        draw.line((px, cy - 150 * s, px - 80 * s, cy + 10 * s), fill=white, width=4)
        draw.line((px, cy - 150 * s, px + 80 * s, cy + 10 * s), fill=white, width=4)
        draw.chord((px - 100 * s, cy - 60 * s, px + 100 * s, cy + 60 * s), 0, 180, fill=white)
    draw.ellipse((cx - 26 * s, cy - 226 * s, cx + 26 * s, cy - 174 * s), fill=white)


def motif_tet(draw, cx, cy, s, rng):
    branch = (110, 60, 40, 230)
    pts = [
        (cx - 400 * s, cy + 200 * s),
        (cx - 150 * s, cy + 40 * s),
        (cx + 60 * s, cy - 40 * s),
        (cx + 300 * s, cy - 220 * s),
    ]
    draw.line(pts, fill=branch, width=int(16 * s), joint="curve")
    for x, y in pts[1:] + [(cx - 280 * s, cy + 120 * s), (cx + 180 * s, cy - 120 * s)]:
        flower(
            draw,
            x + rng.randint(-30, 30) * s,
            y - 30 * s,
            60 * s,
            petals=5,
            fill=(255, 221, 87, 240),
            centre=(200, 90, 20, 255),
        )
    # Lantern.
    lx, ly = cx + 260 * s, cy + 60 * s
    draw.line((lx, ly - 230 * s, lx, ly - 110 * s), fill=(255, 214, 120, 255), width=4)
    draw.ellipse((lx - 95 * s, ly - 120 * s, lx + 95 * s, ly + 100 * s), fill=(214, 30, 40, 240))
    draw.rectangle((lx - 50 * s, ly - 130 * s, lx + 50 * s, ly - 104 * s), fill=(255, 200, 60, 255))
    draw.rectangle((lx - 50 * s, ly + 86 * s, lx + 50 * s, ly + 112 * s), fill=(255, 200, 60, 255))
    draw.line((lx, ly + 112 * s, lx, ly + 200 * s), fill=(255, 200, 60, 255), width=int(6 * s))


def motif_hall(draw, cx, cy, s, rng):
    white = WHITE + (225,)
    # Podium with a star emblem, audience in front.
    draw.polygon(
        [
            (cx - 120 * s, cy - 60 * s),
            (cx + 120 * s, cy - 60 * s),
            (cx + 90 * s, cy + 160 * s),
            (cx - 90 * s, cy + 160 * s),
        ],
        fill=white,
    )
    star = []
    for i in range(10):
        r = (46 if i % 2 == 0 else 19) * s
        a = -math.pi / 2 + i * math.pi / 5
        star.append((cx + r * math.cos(a), cy + 30 * s + r * math.sin(a)))
    draw.polygon(star, fill=(230, 190, 40, 255))
    draw.line((cx + 60 * s, cy - 60 * s, cx + 110 * s, cy - 170 * s), fill=white, width=int(8 * s))
    draw.ellipse((cx + 95 * s, cy - 200 * s, cx + 135 * s, cy - 160 * s), fill=white)
    for row in range(2):
        for i in range(-2, 5):
            x, y = cx + i * 80 * s + row * 40 * s, cy + (250 + row * 60) * s
            draw.ellipse(
                (x - 24 * s, y - 24 * s, x + 24 * s, y + 24 * s), fill=WHITE + (150 - row * 40,)
            )


def motif_campus(draw, cx, cy, s, rng):
    white = WHITE + (225,)
    cx -= 200 * s
    base = cy + 200 * s
    draw.rectangle((cx - 380 * s, base - 260 * s, cx + 380 * s, base), fill=white)
    draw.polygon(
        [(cx - 200 * s, base - 260 * s), (cx + 200 * s, base - 260 * s), (cx, base - 400 * s)],
        fill=white,
    )
    for i in range(-4, 5):
        if i == 0:
            continue
        x = cx + i * 80 * s
        for j in range(2):
            y = base - 220 * s + j * 110 * s
            draw.rectangle((x - 22 * s, y, x + 22 * s, y + 70 * s), fill=(30, 60, 100, 150))
    draw.rectangle((cx - 50 * s, base - 140 * s, cx + 50 * s, base), fill=(30, 60, 100, 180))
    draw.line((cx + 420 * s, base, cx + 420 * s, base - 420 * s), fill=white, width=int(6 * s))
    draw.polygon(
        [
            (cx + 423 * s, base - 420 * s),
            (cx + 540 * s, base - 385 * s),
            (cx + 423 * s, base - 350 * s),
        ],
        fill=(214, 40, 40, 240),
    )


def motif_finance(draw, cx, cy, s, rng):
    white, gold, pale = WHITE + (225,), (255, 214, 120, 255), (255, 236, 170, 255)
    base, left = cy + 200 * s, cx - 380 * s
    for i, height in enumerate([110, 170, 240, 320]):
        x = left + i * 100 * s
        draw.rounded_rectangle(
            (x, base - height * s, x + 72 * s, base), radius=int(10 * s), fill=white
        )
    trend = [
        (left, base - 170 * s),
        (left + 150 * s, base - 250 * s),
        (left + 260 * s, base - 290 * s),
        (left + 360 * s, base - 390 * s),
    ]
    draw.line(trend, fill=gold, width=int(12 * s), joint="curve")
    tip = trend[-1]
    draw.polygon(
        [
            (tip[0] + 30 * s, tip[1] - 30 * s),
            (tip[0] - 30 * s, tip[1] - 5 * s),
            (tip[0] + 5 * s, tip[1] + 30 * s),
        ],
        fill=gold,
    )
    # A stack of coins.
    for i in range(5):
        y = base - i * 32 * s
        draw.ellipse((cx + 60 * s, y - 30 * s, cx + 230 * s, y + 18 * s), fill=gold)
        draw.ellipse((cx + 60 * s, y - 40 * s, cx + 230 * s, y + 8 * s), fill=pale)


MOTIFS = {
    "flowers": motif_flowers,
    "books": motif_books,
    "safety": motif_safety,
    "sports": motif_sports,
    "music": motif_music,
    "digital": motif_digital,
    "care": motif_care,
    "law": motif_law,
    "tet": motif_tet,
    "hall": motif_hall,
    "campus": motif_campus,
    "finance": motif_finance,
}


def caption(image, text, label):
    """A short title at the bottom left, over a soft dark band; skipped without a font."""
    big = font(max(28, image.size[1] // 14))
    small = font(max(16, image.size[1] // 34), bold=False)
    if not big or not text:
        return
    w, h = image.size
    # A dark band fading in over the bottom third: a stretched gradient, cheaper than a blur.
    fade = Image.linear_gradient("L").resize((w, h - int(h * 0.62))).point(lambda v: v * 80 // 255)
    band = Image.new("RGBA", fade.size, (0, 0, 0, 0))
    band.putalpha(fade)
    image.alpha_composite(band, (0, int(h * 0.62)))
    draw = ImageDraw.Draw(image)
    x, y = int(w * 0.05), int(h * 0.9) - big.size
    draw.text((x, y), text, font=big, fill=WHITE)
    if label and small:
        draw.text((x, y - small.size - 14), label.upper(), font=small, fill=(255, 255, 255, 220))
        draw.line((x, y - small.size - 26, x + 90, y - small.size - 26), fill=WHITE, width=4)


def scene(size, motif, palette, text="", label="", seed=0):
    """A picture for a topic: gradient, soft shapes, the motif on the right, a caption."""
    rng = random.Random(f"{motif}-{palette}-{seed}")
    colours = PALETTES[palette]
    image = background(size, colours, rng.choice([25, 35, 45, 145]), rng)
    layer = Image.new("RGBA", size, (255, 255, 255, 0))
    w, h = size
    scale = min(w / 1600, h / 900) * 1.3
    MOTIFS[motif](ImageDraw.Draw(layer), w * 0.7, h * 0.44, scale, rng)
    image.alpha_composite(layer)
    caption(image, text, label)
    return image.convert("RGB")


def initials(name):
    """ "Đặng Thị Hường" -> "ĐH": the family name's and the given name's first letters."""
    words = name.split()
    return (words[0][0] + words[-1][0]).upper() if len(words) > 1 else name[:1].upper()


def portrait(name, index=0):
    """A dignified placeholder: a stylised bust over a soft gradient, the person's initials."""
    w, h = PORTRAIT_SIZE
    image = background(PORTRAIT_SIZE, PORTRAIT_PALETTES[index % len(PORTRAIT_PALETTES)], 150)
    layer = Image.new("RGBA", PORTRAIT_SIZE, (255, 255, 255, 0))
    draw = ImageDraw.Draw(layer)
    draw.ellipse((w * 0.33, h * 0.18, w * 0.67, h * 0.47), fill=WHITE + (95,))
    draw.chord((w * 0.12, h * 0.52, w * 0.88, h * 1.25), 180, 360, fill=WHITE + (95,))
    draw.rectangle((w * 0.12, h * 0.885, w * 0.88, h), fill=WHITE + (95,))
    image.alpha_composite(layer.filter(ImageFilter.GaussianBlur(2)))
    serif = font(150, serif=True)
    if serif:
        ImageDraw.Draw(image).text(
            (w / 2, h * 0.76), initials(name), font=serif, fill=WHITE, anchor="mm"
        )
    return image.convert("RGB")


def infographic(title, rows, footer="", palette="indigo"):
    """A tall chart: one bar per (label, percent) row, for the survey results."""
    w, h = INFOGRAPHIC_SIZE
    image = background(INFOGRAPHIC_SIZE, PALETTES[palette], 160)
    bars = Image.new("RGBA", INFOGRAPHIC_SIZE, (255, 255, 255, 0))
    draw = ImageDraw.Draw(bars)
    big, text, number = font(56), font(34, bold=False), font(44)
    if big:
        y = 90
        for line in wrap(title, big, w - 160):
            draw.text((80, y), line, font=big, fill=WHITE)
            y += 72
    top = 420
    for i, (_label, percent) in enumerate(rows):
        y = top + i * 190
        draw.rounded_rectangle((80, y + 60, w - 80, y + 110), radius=25, fill=WHITE + (60,))
        draw.rounded_rectangle(
            (80, y + 60, 80 + (w - 160) * percent / 100, y + 110), radius=25, fill=WHITE + (235,)
        )
    image.alpha_composite(bars)
    draw = ImageDraw.Draw(image)
    if text:
        for i, (label, percent) in enumerate(rows):
            y = top + i * 190
            draw.text((80, y), label, font=text, fill=WHITE)
            draw.text((w - 80, y - 6), f"{percent}%", font=number, fill=WHITE, anchor="ra")
        for j, line in enumerate(wrap(footer, text, w - 160)):
            draw.text((80, h - 200 + j * 48), line, font=text, fill=WHITE)
    return image.convert("RGB")


def logo():
    """The union's demo logo: an open book sending out rays ("lan tỏa"), on a blue disc."""
    w, h = LOGO_SIZE
    image = Image.new("RGBA", (w * 2, h * 2), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    s = 2
    draw.ellipse((8 * s, 8 * s, 504 * s, 504 * s), fill=(24, 64, 140, 255))
    draw.ellipse((30 * s, 30 * s, 482 * s, 482 * s), outline=(250, 196, 60, 255), width=8 * s)
    cx, cy = 256 * s, 300 * s
    draw.polygon(
        [(cx, cy), (cx - 150 * s, cy - 40 * s), (cx - 150 * s, cy + 90 * s), (cx, cy + 130 * s)],
        fill=WHITE,
    )
    draw.polygon(
        [(cx, cy), (cx + 150 * s, cy - 40 * s), (cx + 150 * s, cy + 90 * s), (cx, cy + 130 * s)],
        fill=(235, 240, 250, 255),
    )
    for angle in range(-150, -20, 26):
        a = math.radians(angle)
        draw.line(
            (
                cx + math.cos(a) * 90 * s,
                cy - 60 * s + math.sin(a) * 90 * s,
                cx + math.cos(a) * 170 * s,
                cy - 60 * s + math.sin(a) * 170 * s,
            ),
            fill=(250, 196, 60, 255),
            width=16 * s,
        )
    return image.resize(LOGO_SIZE, Image.LANCZOS)


def wrap(text, face, width):
    """Split ``text`` into lines no wider than ``width`` pixels in ``face``."""
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if line and face.getlength(candidate) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    if line:
        lines.append(line)
    return lines


def to_bytes(image, fmt="JPEG"):
    buffer = io.BytesIO()
    if fmt == "JPEG":
        image.save(buffer, fmt, quality=84, progressive=True)
    else:
        image.save(buffer, fmt, optimize=True)
    return buffer.getvalue()
