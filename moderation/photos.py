"""Photos as citizens send them, made safe to publish.

A photo is decoded by content, never trusted by name, turned upright from
its EXIF orientation and re-encoded from its pixels alone, so no metadata
(GPS position included) survives into the copies. The GPS position is read
before that, once, so the form can suggest it as the report's place.
"""

import io
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pillow_heif
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _
from PIL import ExifTags, Image, ImageDraw, ImageOps, UnidentifiedImageError

# Phones send HEIC; the opener lets Pillow decode it like any other format.
pillow_heif.register_heif_opener()

ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP", "MPO", "HEIF"}
PAGE_SIZE = 1600
SHARE_SIZE = 1200
THUMBNAIL_SIZE = 400
MAX_COVERS = 20

# Markers of documents a browser would run or render. A file that is a
# valid photo and also one of these (a polyglot) is refused: its original
# is kept and downloaded by staff, where it could be opened as the other.
FOREIGN_MARKERS = (
    b"<script",
    b"<html",
    b"<!doctype",
    b"<body",
    b"<svg",
    b"<iframe",
    b"<?php",
    b"%pdf-",
)


class PhotoError(ValueError):
    """A file that cannot be accepted as a photo; the message says why."""


@dataclass(frozen=True)
class Cover:
    """An opaque rectangle over the upright photo, in fractions of its size."""

    x: float
    y: float
    width: float
    height: float

    def as_json(self) -> dict[str, float]:
        return {"x": self.x, "y": self.y, "width": self.width, "height": self.height}

    def box(self, width: int, height: int) -> tuple[int, int, int, int]:
        """The pixels covered in an image of this size, rounded outwards."""
        left = math.floor(self.x * width)
        top = math.floor(self.y * height)
        right = math.ceil(min(self.x + self.width, 1) * width) - 1
        bottom = math.ceil(min(self.y + self.height, 1) * height) - 1
        return left, top, max(right, left), max(bottom, top)


@dataclass
class CleanPhoto:
    image: ContentFile
    share: ContentFile
    thumbnail: ContentFile
    width: int
    height: int
    # (latitude, longitude) from the EXIF GPS block, if it had a valid one.
    gps: tuple[float, float] | None = None


def clean_photo(upload: UploadedFile, *, covers: Sequence[Cover] = ()) -> CleanPhoto:
    """Check an uploaded file and return upright, metadata-free JPEG copies."""
    # Django's upload handlers, and SimpleUploadedFile, always set the size.
    assert upload.size is not None
    name = upload.name or ""
    if upload.size > settings.PHOTO_MAX_BYTES:
        raise PhotoError(
            _("The file %(name)s is larger than %(limit)s MB.")
            % {"name": name, "limit": settings.PHOTO_MAX_BYTES // 2**20}
        )

    upload.seek(0)
    return redraw_photo(upload.read(), name=name, covers=covers)


def redraw_photo(data: bytes, *, name: str, covers: Sequence[Cover] = ()) -> CleanPhoto:
    """Decode a received file and make its copies, with the covers burned in."""
    upright, gps = _decode(data, name)
    _check_content(data, name)

    draw = ImageDraw.Draw(upright)
    for cover in covers:
        draw.rectangle(cover.box(upright.width, upright.height), fill=(0, 0, 0))

    image_file, page = _encode(upright, PAGE_SIZE)
    share_file, _share = _encode(upright, SHARE_SIZE)
    thumbnail_file, _thumb = _encode(upright, THUMBNAIL_SIZE)
    return CleanPhoto(
        image=image_file,
        share=share_file,
        thumbnail=thumbnail_file,
        width=page.width,
        height=page.height,
        gps=gps,
    )


def _not_a_photo(name: str) -> PhotoError:
    return PhotoError(
        _("%(name)s is not a JPEG, PNG, WebP or HEIC photo.") % {"name": name}
    )


def _damaged(name: str) -> PhotoError:
    return PhotoError(_("%(name)s is damaged or incomplete.") % {"name": name})


def _too_many_pixels(name: str) -> PhotoError:
    return PhotoError(_("%(name)s has too many pixels to be a photo.") % {"name": name})


def _check_content(data: bytes, name: str) -> None:
    """Refuse what is also another kind of document, or a cut HEIF file."""
    lowered = data.lower()
    if any(marker in lowered for marker in FOREIGN_MARKERS):
        raise PhotoError(
            _("%(name)s contains more than a photo (a web page, a script or a PDF).")
            % {"name": name}
        )
    # The decoder shows the first image of a cut HEIF file without a word;
    # its boxes tell that the file ends early.
    if data[4:8] == b"ftyp" and not _boxes_fit(data):
        raise _damaged(name)


def _boxes_fit(data: bytes) -> bool:
    """Whether an ISO base media file (HEIF) is a whole chain of boxes."""
    position = 0
    while position < len(data):
        header = data[position : position + 16]
        if len(header) < 8:
            return False
        size = int.from_bytes(header[:4], "big")
        if size == 0:
            # The last box runs to the end of the file.
            return True
        if size == 1:
            if len(header) < 16:
                return False
            size = int.from_bytes(header[8:16], "big")
        if size < 8:
            return False
        position += size
    return position == len(data)


def _decode(data: bytes, name: str) -> tuple[Image.Image, tuple[float, float] | None]:
    try:
        with Image.open(io.BytesIO(data)) as probe:
            if probe.format not in ACCEPTED_FORMATS:
                raise _not_a_photo(name)
            if probe.width * probe.height > settings.PHOTO_MAX_PIXELS:
                raise _too_many_pixels(name)
            probe.load()
            gps = _gps_position(probe)
            upright = ImageOps.exif_transpose(probe).convert("RGB")
    except PhotoError:
        raise
    except Image.DecompressionBombError:
        raise _too_many_pixels(name) from None
    except UnidentifiedImageError:
        raise _not_a_photo(name) from None
    except (OSError, SyntaxError, ValueError, RuntimeError):
        raise _damaged(name) from None
    return upright, gps


def _gps_position(image: Image.Image) -> tuple[float, float] | None:
    """The (latitude, longitude) the camera wrote, if it wrote a valid one."""
    try:
        gps = image.getexif().get_ifd(ExifTags.IFD.GPSInfo)
        latitude = _degrees(
            gps.get(ExifTags.GPS.GPSLatitude), gps.get(ExifTags.GPS.GPSLatitudeRef)
        )
        longitude = _degrees(
            gps.get(ExifTags.GPS.GPSLongitude), gps.get(ExifTags.GPS.GPSLongitudeRef)
        )
    except (TypeError, ValueError, ZeroDivisionError, KeyError, SyntaxError):
        return None
    if latitude is None or longitude is None:
        return None
    if not (abs(latitude) <= 90 and abs(longitude) <= 180):
        return None
    # Many cameras write 0/0 when they had no fix.
    if latitude == 0 and longitude == 0:
        return None
    return latitude, longitude


def _degrees(value: Any, reference: Any) -> float | None:
    if not value or len(value) != 3:
        return None
    degrees, minutes, seconds = (float(part) for part in value)
    total = degrees + minutes / 60 + seconds / 3600
    if not math.isfinite(total):
        return None
    if isinstance(reference, bytes):
        reference = reference.decode("ascii", "replace")
    return -total if str(reference).strip().upper() in {"S", "W"} else total


def _encode(image: Image.Image, size: int) -> tuple[ContentFile, Image.Image]:
    copy = image.copy()
    copy.thumbnail((size, size), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    copy.save(buffer, format="JPEG", quality=85, optimize=True, progressive=True)
    return ContentFile(buffer.getvalue(), name="photo.jpg"), copy
