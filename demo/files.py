"""Files the demo attaches: answer documents and photos, drawn in code."""

import io
import random
import textwrap
import unicodedata

from PIL import Image, ImageDraw, ImageFilter

PAGE_WIDTH, PAGE_HEIGHT = 595, 842
MARGIN = 56
LINE_HEIGHT = 16
WRAP_AT = 86


def _pdf_text(text: str) -> str:
    """ASCII for the standard Helvetica font, with PDF string escapes."""
    ascii_text = "".join(
        char
        for char in unicodedata.normalize("NFKD", text)
        if not unicodedata.combining(char)
    )
    ascii_text = ascii_text.encode("ascii", "replace").decode("ascii")
    return ascii_text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def answer_pdf(paragraphs: list[str]) -> bytes:
    """A one-page A4 PDF with the paragraphs, wrapped, in Helvetica.

    The standard fonts need no embedding but know no ș or ț, so letters
    are written without their diacritics.
    """
    lines: list[str] = []
    for paragraph in paragraphs:
        lines.extend(textwrap.wrap(paragraph, WRAP_AT) or [""])
        lines.append("")
    text_ops = [f"BT /F1 11 Tf {LINE_HEIGHT} TL {MARGIN} {PAGE_HEIGHT - MARGIN} Td"]
    text_ops += [f"({_pdf_text(line)}) '" for line in lines]
    text_ops.append("ET")
    content = "\n".join(text_ops).encode("ascii")

    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>"
        % (PAGE_WIDTH, PAGE_HEIGHT),
        (
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
            b"/Encoding /WinAnsiEncoding >>"
        ),
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
    ]

    # The cross-reference table gives each object's byte offset.
    pdf = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref_at = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    pdf += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref_at,
    )
    return bytes(pdf)


Size = tuple[int, int]
Colour = tuple[int, int, int]

# A few scenes, enough to tell a pothole from a dark street light.
SKY = (170, 200, 225)
NIGHT = (25, 30, 60)
ASPHALT = (95, 95, 100)
PAVEMENT = (160, 155, 150)
GRASS = (80, 140, 60)


def _ground(
    draw: ImageDraw.ImageDraw, size: Size, sky: Colour, ground: Colour, horizon: float
) -> None:
    width, height = size
    draw.rectangle([0, 0, width, int(height * horizon)], fill=sky)
    draw.rectangle([0, int(height * horizon), width, height], fill=ground)


def _pothole(draw: ImageDraw.ImageDraw, size: Size, rng: random.Random) -> None:
    _ground(draw, size, SKY, ASPHALT, 0.35)
    width, height = size
    centre_x, centre_y = rng.randint(300, 700), rng.randint(480, 620)
    points = [
        (
            centre_x + rng.randint(120, 200) * dx,
            centre_y + rng.randint(50, 90) * dy,
        )
        for dx, dy in [(-1, 0), (-0.6, -0.8), (0.3, -1), (1, -0.2), (0.5, 0.9)]
    ]
    draw.polygon(points, fill=(45, 42, 40))
    draw.ellipse(
        [centre_x - 70, centre_y - 20, centre_x + 60, centre_y + 25],
        fill=(90, 110, 130),
    )
    draw.line([(0, height - 60), (width, height - 120)], fill=(230, 230, 230), width=8)


def _street_light(draw: ImageDraw.ImageDraw, size: Size, rng: random.Random) -> None:
    _ground(draw, size, NIGHT, (40, 40, 45), 0.75)
    x = rng.randint(350, 650)
    draw.rectangle([x, 150, x + 14, 640], fill=(70, 70, 75))
    draw.rectangle([x - 90, 140, x + 14, 154], fill=(70, 70, 75))
    draw.ellipse([x - 120, 150, x - 60, 180], fill=(110, 110, 100))


def _tree(draw: ImageDraw.ImageDraw, size: Size, rng: random.Random) -> None:
    _ground(draw, size, SKY, GRASS, 0.55)
    x = rng.randint(300, 650)
    draw.rectangle([x, 260, x + 40, 560], fill=(90, 60, 35))
    draw.ellipse([x - 150, 80, x + 190, 330], fill=(120, 100, 50))
    draw.line([(x + 20, 300), (x + 260, 420)], fill=(80, 55, 30), width=18)


def _rubbish(draw: ImageDraw.ImageDraw, size: Size, rng: random.Random) -> None:
    _ground(draw, size, SKY, PAVEMENT, 0.4)
    for _ in range(rng.randint(5, 9)):
        x, y = rng.randint(100, 800), rng.randint(420, 650)
        colour = rng.choice([(20, 20, 20), (30, 60, 140), (200, 200, 190)])
        draw.ellipse([x, y, x + rng.randint(80, 140), y + rng.randint(60, 100)], colour)
    draw.rectangle([560, 330, 820, 520], fill=(120, 80, 50))


def _parked_car(draw: ImageDraw.ImageDraw, size: Size, rng: random.Random) -> None:
    _ground(draw, size, SKY, PAVEMENT, 0.45)
    x, y = rng.randint(150, 400), rng.randint(360, 420)
    colour = rng.choice([(150, 20, 20), (30, 30, 30), (220, 220, 225), (40, 70, 150)])
    draw.rounded_rectangle([x, y, x + 420, y + 150], radius=30, fill=colour)
    draw.rounded_rectangle([x + 80, y - 80, x + 330, y + 10], radius=25, fill=colour)
    for wheel in (x + 60, x + 300):
        draw.ellipse([wheel, y + 110, wheel + 80, y + 190], fill=(15, 15, 15))
    draw.rectangle([x + 160, y + 100, x + 260, y + 125], fill=(240, 240, 240))


SCENES = {
    "roads": _pothole,
    "water": _pothole,
    "lighting": _street_light,
    "green": _tree,
    "cleaning": _rubbish,
    "dumping": _rubbish,
    "illegal_parking": _parked_car,
    "parking": _parked_car,
}


def scene_jpeg(category_key: str, rng: random.Random) -> bytes:
    """A 1024×768 photo-like picture of the category's problem."""
    size = (1024, 768)
    image = Image.new("RGB", size)
    SCENES.get(category_key, _rubbish)(ImageDraw.Draw(image), size, rng)
    noise = Image.effect_noise(size, 18).convert("RGB")
    image = Image.blend(image, noise, 0.12).filter(ImageFilter.GaussianBlur(1.2))

    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=82)
    return buffer.getvalue()
