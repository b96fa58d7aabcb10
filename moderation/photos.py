"""Photos as citizens send them, made safe to publish.

A photo is decoded by content, never trusted by name, turned upright from
its EXIF orientation and re-encoded from its pixels alone, so no metadata
(GPS position included) survives into the copies.
"""

import io
from dataclasses import dataclass

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP", "MPO"}
PAGE_SIZE = 1600
THUMBNAIL_SIZE = 400


class PhotoError(ValueError):
    """A file that cannot be accepted as a photo; the message says why."""


@dataclass
class CleanPhoto:
    image: ContentFile
    thumbnail: ContentFile
    width: int
    height: int


def _encode(image: Image.Image, size: int) -> tuple[ContentFile, Image.Image]:
    copy = image.copy()
    copy.thumbnail((size, size), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    copy.save(buffer, format="JPEG", quality=85, optimize=True, progressive=True)
    return ContentFile(buffer.getvalue(), name="photo.jpg"), copy


def clean_photo(upload: UploadedFile) -> CleanPhoto:
    """Check an uploaded file and return upright, metadata-free JPEG copies."""
    # Django's upload handlers, and SimpleUploadedFile, always set the size.
    assert upload.size is not None
    if upload.size > settings.PHOTO_MAX_BYTES:
        raise PhotoError(
            _("The file %(name)s is larger than %(limit)s MB.")
            % {"name": upload.name, "limit": settings.PHOTO_MAX_BYTES // 2**20}
        )

    upload.seek(0)
    try:
        with Image.open(upload) as probe:
            kind = probe.format
            pixels = probe.width * probe.height
            if kind not in ACCEPTED_FORMATS:
                raise PhotoError(
                    _("%(name)s is not a JPEG, PNG or WebP photo.")
                    % {"name": upload.name}
                )
            if pixels > settings.PHOTO_MAX_PIXELS:
                raise PhotoError(
                    _("%(name)s has too many pixels to be a photo.")
                    % {"name": upload.name}
                )
            probe.load()
            upright = ImageOps.exif_transpose(probe).convert("RGB")
    except PhotoError:
        raise
    except (UnidentifiedImageError, Image.DecompressionBombError):
        raise PhotoError(
            _("%(name)s is not a JPEG, PNG or WebP photo.") % {"name": upload.name}
        ) from None
    except (OSError, SyntaxError, ValueError):
        raise PhotoError(
            _("%(name)s is damaged or incomplete.") % {"name": upload.name}
        ) from None

    image_file, page = _encode(upright, PAGE_SIZE)
    thumbnail_file, _thumb = _encode(upright, THUMBNAIL_SIZE)
    return CleanPhoto(
        image=image_file,
        thumbnail=thumbnail_file,
        width=page.width,
        height=page.height,
    )
