"""An institution's logo and favicon, checked and redrawn when uploaded.

The pictures are shown on every public page, so they are decoded by
content and re-encoded from their pixels as PNG: what is served is a plain
picture of a sensible size, with no metadata and nothing else hidden in it.
SVG is refused: it is a document that can carry scripts.
"""

import io
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

ACCEPTED_FORMATS = {"PNG", "JPEG", "WEBP"}
MAX_BYTES = 2 * 2**20
MAX_PIXELS = 25_000_000


@dataclass(frozen=True)
class Shape:
    """What a branding picture must be, and the size it is redrawn to."""

    name: str
    min_side: int
    # The redrawn picture's height; the width follows the proportions.
    height: int
    max_ratio: float


# The header shows the logo 40 px high: 120 px is sharp on 3x screens.
LOGO = Shape(name="logo", min_side=32, height=120, max_ratio=8.0)
# Square; 192 px also serves as the phones' home-screen icon.
FAVICON = Shape(name="favicon", min_side=32, height=192, max_ratio=1.05)


def redraw(upload: UploadedFile, shape: Shape) -> ContentFile:
    """The upload redrawn as a PNG of the shape's size, or a ValidationError."""
    assert upload.size is not None
    if upload.size > MAX_BYTES:
        raise ValidationError(
            _("The picture is larger than %(limit)s MB.")
            % {"limit": MAX_BYTES // 2**20}
        )
    upload.seek(0)
    picture = _decode(upload.read())
    width, height = picture.size
    if min(width, height) < shape.min_side:
        raise ValidationError(
            _(
                "The picture is %(width)s×%(height)s pixels; it needs at least "
                "%(side)s on each side."
            )
            % {"width": width, "height": height, "side": shape.min_side}
        )
    ratio = max(width, height) / min(width, height)
    if ratio > shape.max_ratio:
        if shape.max_ratio < 1.5:
            message = _(
                "The picture is %(width)s×%(height)s pixels; it must be square."
            )
        else:
            message = _(
                "The picture is %(width)s×%(height)s pixels: too long and thin to "
                "read in the page's header. Crop it to at most %(ratio)s times as "
                "wide as high."
            )
        raise ValidationError(
            message % {"width": width, "height": height, "ratio": int(shape.max_ratio)}
        )

    if height > shape.height:
        picture = picture.resize(
            (round(width * shape.height / height), shape.height),
            Image.Resampling.LANCZOS,
        )
    output = io.BytesIO()
    picture.save(output, format="PNG", optimize=True)
    return ContentFile(output.getvalue(), name=f"{shape.name}.png")


def _decode(data: bytes) -> Image.Image:
    not_a_picture = ValidationError(_("Upload a PNG, JPEG or WebP picture."))
    try:
        with Image.open(io.BytesIO(data)) as probe:
            if probe.format not in ACCEPTED_FORMATS:
                raise not_a_picture
            if probe.width * probe.height > MAX_PIXELS:
                raise ValidationError(_("The picture has too many pixels."))
            probe.load()
            upright = ImageOps.exif_transpose(probe)
            # Transparency is kept: logos are often drawn on none.
            return upright.convert("RGBA")
    except ValidationError:
        raise
    except (UnidentifiedImageError, Image.DecompressionBombError):
        raise not_a_picture from None
    except (OSError, SyntaxError, ValueError):
        raise ValidationError(_("The picture is damaged or incomplete.")) from None
