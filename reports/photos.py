"""Photos attached to reports: storing uploads, deciding who sees them, and
the registry's changes to them (hiding, covering parts)."""

import logging
import math
import uuid
from collections.abc import Sequence
from itertools import zip_longest
from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib.gis.geos import Point
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.http import QueryDict
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.models import User
from institutions import roles
from moderation.photos import MAX_COVERS, CleanPhoto, Cover, clean_photo, redraw_photo
from reports.models import Event, EventKind, Photo, Report, Status, Visibility
from reports.workflow import WorkflowError

if TYPE_CHECKING:
    from reports.forms import ReportForm

logger = logging.getLogger(__name__)

# The registry may hide or cover photos from registration on; after
# publication a change replaces the public copies at once.
EDITABLE_STATUSES = (
    Status.REGISTERED,
    Status.PUBLISHED,
    Status.ASSIGNED,
    Status.RESOLVED,
)
COVER_FIELDS = ("cover_x", "cover_y", "cover_width", "cover_height")
PHOTO_PLACE_FIELD = "use_photo_place"


def store_photo(*, upload: UploadedFile, uploaded_by: User) -> Photo:
    """Keep the original privately and its cleaned copies; raises PhotoError."""
    clean = clean_photo(upload)

    upload.seek(0)
    name = upload.name or ""
    photo = Photo(
        uploaded_by=uploaded_by,
        original_name=name[:200],
        width=clean.width,
        height=clean.height,
    )
    if clean.gps is not None:
        latitude, longitude = clean.gps
        photo.exif_location = Point(longitude, latitude, srid=4326)
    photo.original.save(name, ContentFile(upload.read()), save=False)
    _save_copies(photo, clean)
    photo.save()
    return photo


def _save_copies(photo: Photo, clean: CleanPhoto) -> None:
    photo.image.save("photo.jpg", clean.image, save=False)
    photo.share.save("share.jpg", clean.share, save=False)
    photo.thumbnail.save("thumbnail.jpg", clean.thumbnail, save=False)
    photo.width, photo.height = clean.width, clean.height


def can_view_photo(user: roles.AnyUser, photo: Photo) -> bool:
    """The public sees public photos of public reports; the author and the
    institution's staff see every cleaned copy."""
    report = photo.report
    if report is None:
        return user.is_authenticated and photo.uploaded_by_id == user.pk
    if photo.is_public and report.is_public:
        return True
    if not user.is_authenticated:
        return False
    return report.author_id == user.pk or roles.is_staff_of(user, report.institution)


def can_view_original(user: roles.AnyUser, photo: Photo) -> bool:
    report = photo.report
    return (
        report is not None
        and user.is_authenticated
        and roles.is_staff_of(user, report.institution)
    )


def can_edit_photos(user: roles.AnyUser, report: Report) -> bool:
    """Whether to offer the hide and cover tools on the staff page."""
    return report.status in EDITABLE_STATUSES and roles.is_clerk(
        user, report.institution
    )


def hide_photo(*, photo: Photo, actor: User) -> Photo:
    """Keep the photo from the public; a published one disappears at once."""
    return _set_hidden(photo=photo, actor=actor, hidden=True)


def show_photo(*, photo: Photo, actor: User) -> Photo:
    """Undo hide_photo: public at once if the report is, else offered ticked."""
    return _set_hidden(photo=photo, actor=actor, hidden=False)


def _set_hidden(*, photo: Photo, actor: User, hidden: bool) -> Photo:
    with transaction.atomic():
        report = _editable_report(photo, actor)
        photo = Photo.objects.select_for_update().get(pk=photo.pk)
        photo.hidden = hidden
        photo.is_public = not hidden and report.is_public
        photo.save(update_fields=["hidden", "is_public"])
        # Timeline texts stay in the institution's language.
        with translation.override(settings.LANGUAGE_CODE):
            text = (
                _("Photo %(number)s is hidden from the public.")
                if hidden
                else _("Photo %(number)s may be shown to the public.")
            ) % {"number": photo.position + 1}
        _record_internal(report, actor, text)
    return photo


def cover_photo_areas(*, photo: Photo, actor: User, covers: Sequence[Cover]) -> Photo:
    """Burn opaque rectangles into every copy, redrawn from the original.

    The covers replace the previous ones, so an area can be uncovered. The
    photo gets a new token: its copies move to new addresses, and a copy of
    the old ones kept by a browser or a proxy is no longer linked.
    """
    _require(len(covers) <= MAX_COVERS, _too_many_covers())
    old_files = []
    with transaction.atomic():
        report = _editable_report(photo, actor)
        photo = Photo.objects.select_for_update().get(pk=photo.pk)
        with photo.original.open("rb") as original:
            data = original.read()
        clean = redraw_photo(data, name=photo.original_name, covers=covers)

        old_files = [photo.image.name, photo.share.name, photo.thumbnail.name]
        _save_copies(photo, clean)
        photo.covers = [cover.as_json() for cover in covers]
        photo.token = uuid.uuid4()
        photo.save()
        with translation.override(settings.LANGUAGE_CODE):
            text = ngettext(
                "Photo %(number)s: %(count)s area covered.",
                "Photo %(number)s: %(count)s areas covered.",
                len(covers),
            ) % {"number": photo.position + 1, "count": len(covers)}
        _record_internal(report, actor, text)
    storage = photo.image.storage
    for name in old_files:
        if name:
            storage.delete(name)
    logger.info("Photo %s redrawn with %s covered areas", photo.pk, len(covers))
    return photo


def _record_internal(report: Report, actor: User, text: str) -> Event:
    return Event.objects.create(
        report=report,
        kind=EventKind.NOTE,
        actor=actor,
        from_status=report.status,
        to_status=report.status,
        text=text,
        visibility=Visibility.INTERNAL,
    )


def _editable_report(photo: Photo, actor: User) -> Report:
    if photo.report_id is None:
        raise WorkflowError(_("This photo is not part of a report."))
    report = Report.objects.select_for_update().get(pk=photo.report_id)
    _require(
        roles.is_clerk(actor, report.institution),
        _("Only the registry clerks hide or cover photos."),
    )
    _require(
        report.status in EDITABLE_STATUSES,
        _("This report is %(status)s: its photos cannot be changed now.")
        % {"status": report.get_status_display().lower()},
    )
    return report


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise WorkflowError(message)


def _too_many_covers() -> str:
    return _("Cover at most %(max)s areas of a photo.") % {"max": MAX_COVERS}


def covers_from_form(data: QueryDict) -> list[Cover]:
    """The rectangles typed or drawn on the staff page, given in percent.

    A row left empty is skipped; a row partly filled, or out of the photo,
    is refused with a message for the clerk.
    """
    rows = zip_longest(*(data.getlist(field) for field in COVER_FIELDS), fillvalue="")
    covers = []
    for number, row in enumerate(rows, start=1):
        if not any(value.strip() for value in row):
            continue
        try:
            x, y, width, height = (float(value.replace(",", ".")) for value in row)
        except ValueError:
            raise WorkflowError(
                _("Area %(number)s: give its four numbers.") % {"number": number}
            ) from None
        valid = all(math.isfinite(value) for value in (x, y, width, height))
        inside = valid and 0 <= x < 100 and 0 <= y < 100
        _require(
            inside and width > 0 and height > 0,
            _(
                "Area %(number)s: the corner must be inside the photo and the "
                "width and height more than 0."
            )
            % {"number": number},
        )
        covers.append(
            Cover(
                x=x / 100,
                y=y / 100,
                width=min(width, 100 - x) / 100,
                height=min(height, 100 - y) / 100,
            )
        )
    _require(len(covers) <= MAX_COVERS, _too_many_covers())
    return covers


def place_suggestion(*, photos: Sequence[Photo], form: "ReportForm") -> Point | None:
    """Where the first photo taken in the territory was taken, to offer as the
    report's place while the form has none."""
    if form.pin() is not None:
        return None
    for photo in photos:
        point = photo.exif_location
        if point is not None and form.institution.contains(point):
            return point
    return None


def with_photo_place(data: QueryDict) -> QueryDict:
    """The posted form, with the pin at the photo's place if the citizen
    asked for it; the form then comes back to be checked, not previewed."""
    value = data.get(PHOTO_PLACE_FIELD, "")
    try:
        latitude, longitude = (float(part) for part in value.split(","))
    except ValueError:
        return data
    if not (math.isfinite(latitude) and math.isfinite(longitude)):
        return data

    changed = data.copy()
    changed["latitude"] = f"{latitude:.6f}"
    changed["longitude"] = f"{longitude:.6f}"
    changed["geocoded_address"] = ""
    changed["action"] = "edit"
    return changed
