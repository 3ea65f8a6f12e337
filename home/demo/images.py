"""Demo pictures drawn with Pillow, so the demo needs no network and no stock photos.

Each picture is an abstract composition (a gradient, soft circles, a bridge arc – the
"pomost" of the product's name) with a short caption. The alternative texts in the content
modules describe exactly that, because a screen-reader user deserves the truth about a
picture even in a demo.
"""

import io
import math
import random
import unicodedata
from dataclasses import dataclass
from functools import cache

from PIL import Image, ImageDraw, ImageFont, ImageOps

PHOTO_SIZE = (1200, 675)
LOGO_SIZE = (512, 512)

# Pillow's built-in font has no Polish letters; these are tried first and found in the
# usual system font folders of Linux distributions.
FONT_FILES = ("DejaVuSans-Bold.ttf", "LiberationSans-Bold.ttf", "Arial Bold.ttf", "arialbd.ttf")


@dataclass(frozen=True)
class ImageSpec:
    """One demo picture: `title` identifies it within the centre's collection."""

    title: str
    alt: str
    caption: str
    colours: tuple[str, str]
    filename: str
    logo: bool = False


@cache
def _font_file():
    for name in FONT_FILES:
        try:
            ImageFont.truetype(name, 12)
        except OSError:
            continue
        return name
    return None


def _font(size):
    name = _font_file()
    return ImageFont.truetype(name, size) if name else ImageFont.load_default(size=size)


def _drawable(text):
    """The caption as the chosen font can draw it: without diacritics on the fallback font."""
    if _font_file():
        return text
    text = text.replace("ł", "l").replace("Ł", "L")
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _gradient(size, start, end):
    vertical = Image.linear_gradient("L").resize(size)
    horizontal = Image.linear_gradient("L").rotate(90).resize(size)
    return ImageOps.colorize(Image.blend(vertical, horizontal, 0.5), start, end).convert("RGBA")


def _circles(canvas, seed):
    rng = random.Random(seed)  # noqa: S311 - picks where circles go, nothing secret
    overlay = Image.new("RGBA", canvas.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    width, height = canvas.size
    for _ in range(7):
        radius = rng.randint(height // 8, height // 3)
        x, y = rng.randint(0, width), rng.randint(0, height)
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=(255, 255, 255, rng.randint(20, 60)))
    return Image.alpha_composite(canvas, overlay)


def _bridge(draw, box, width):
    """An arch bridge: the arc, the deck and hangers that meet the arc."""
    left, top, right, deck = box
    centre_x, half_span, rise = (left + right) / 2, (right - left) / 2, deck - top
    draw.arc((left, top, right, deck + rise), 180, 360, fill="white", width=width)
    draw.line((left - width, deck, right + width, deck), fill="white", width=width)
    for i in range(1, 6):
        x = left + i * (right - left) / 6
        arc_y = deck - rise * math.sqrt(1 - ((x - centre_x) / half_span) ** 2)
        draw.line((x, deck, x, arc_y + width / 2), fill="white", width=max(2, width // 2))


def _wrap(draw, text, font, max_width):
    lines, current = [], ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if current and draw.textlength(candidate, font=font) > max_width:
            lines.append(current)
            current = word
        else:
            current = candidate
    return [*lines, current] if current else lines


def _photo(spec):
    canvas = _circles(_gradient(PHOTO_SIZE, *spec.colours), spec.title)
    width, height = PHOTO_SIZE
    if spec.caption:
        # Text stays in the middle 800 pixels so 4:3 and 8:3 crops (gallery, hero) keep it.
        font = _font(56)
        measure = ImageDraw.Draw(canvas)
        lines = _wrap(measure, _drawable(spec.caption), font, 800)
        line_height = 70
        band_top = height - 150 - line_height * len(lines)
        band = Image.new("RGBA", PHOTO_SIZE, (0, 0, 0, 0))
        ImageDraw.Draw(band).rectangle(
            (0, band_top - 24, width, band_top + line_height * len(lines) + 24), fill=(0, 0, 0, 120)
        )
        canvas = Image.alpha_composite(canvas, band)
        draw = ImageDraw.Draw(canvas)
        for i, line in enumerate(lines):
            left = (width - draw.textlength(line, font=font)) / 2
            draw.text((left, band_top + i * line_height), line, font=font, fill="white")
    _bridge(ImageDraw.Draw(canvas), (width / 2 - 150, 140, width / 2 + 150, 270), 10)
    return canvas.convert("RGB")


def _logo(spec):
    canvas = Image.new("RGBA", LOGO_SIZE, (0, 0, 0, 0))
    draw = ImageDraw.Draw(canvas)
    width, height = LOGO_SIZE
    draw.ellipse((8, 8, width - 8, height - 8), fill=spec.colours[0], outline=spec.colours[1], width=16)
    _bridge(draw, (110, 130, width - 110, 250), 14)
    font = _font(64)
    for i, line in enumerate(_drawable(spec.caption).split("\n")):
        text_width = draw.textlength(line, font=font)
        draw.text(((width - text_width) / 2, 280 + i * 78), line, font=font, fill="white")
    return canvas


def illustration(title, caption, colours, colour_name, filename):
    """A photo-sized picture whose alternative text says what is drawn on it."""
    alt = f"Grafika: napis „{caption}” na {colour_name} tle z białym łukiem mostu i jasnymi kołami"
    return ImageSpec(title=title, alt=alt, caption=caption, colours=colours, filename=filename)


def background(title, colours, colour_name, filename):
    """A picture without text, for the background of the home page's hero section."""
    alt = f"Grafika: jasne koła i biały łuk mostu na {colour_name} tle"
    return ImageSpec(title=title, alt=alt, caption="", colours=colours, filename=filename)


def logo(short_name, colours, filename):
    city = short_name.split(" ", 1)[-1]
    return ImageSpec(
        title=f"Logo {short_name}",
        alt=f"Logo {short_name}: biały łuk mostu i napis {short_name} na kole",
        caption=f"MOPS\n{city}",
        colours=colours,
        filename=filename,
        logo=True,
    )


def render(spec):
    """The picture's file name and bytes: PNG for logos (transparent corners), JPEG otherwise."""
    buffer = io.BytesIO()
    if spec.logo:
        _logo(spec).save(buffer, format="PNG", optimize=True)
        return f"{spec.filename}.png", buffer.getvalue()
    _photo(spec).save(buffer, format="JPEG", quality=82)
    return f"{spec.filename}.jpg", buffer.getvalue()
