"""Forwarding a report to the institution competent to answer it.

OG 27/2002 art. 6^1: a petition that another institution must answer is
sent to it within 5 days of registration, and the petitioner is told.
An institution on the platform receives the report as a new report of its
own, registered anew with its own term; any other gets it by e-mail, with
its photos. A forwarding after the window is still done, since the
petition must reach the competent institution, but it is recorded as late.
"""

import logging
from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.mail import EmailMessage
from django.core.validators import validate_email
from django.db import transaction
from django.db.models.fields.files import FieldFile
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from accounts.models import User
from institutions import roles
from institutions.models import Category
from moderation.findings import public_text
from moderation.text import normalize_text
from notifications.citizens import notify_citizen
from notifications.models import OutgoingEmail
from notifications.outbox import queue_message
from registratura import outbox as registry_outbox
from registratura.registers import register_for
from reports import workflow
from reports.models import EventKind, Photo, Report, Status, Visibility
from reports.workflow import WorkflowError
from zones.operations import zone_at

logger = logging.getLogger(__name__)

# OG 27/2002 art. 6^1 (1): calendar days from registration.
FORWARD_WINDOW_DAYS = 5
# From this many days before the window closes, the staff page warns.
CLOSING_DAYS = 1
# A report goes elsewhere before a department starts working on it.
FORWARDABLE_STATUSES = (Status.REGISTERED, Status.PUBLISHED)
REASON_MIN_LENGTH = 10


@dataclass(frozen=True)
class ForwardWindow:
    """The days left to forward a report, for the staff page."""

    forward_by: date
    days_left: int

    @property
    def is_closing(self) -> bool:
        return 0 <= self.days_left <= CLOSING_DAYS

    @property
    def is_late(self) -> bool:
        return self.days_left < 0


def forward_by(report: Report) -> date | None:
    """The last day the report may be forwarded within the law's window."""
    if report.registered_at is None:
        return None
    registered = timezone.localdate(report.registered_at)
    return registered + timedelta(days=FORWARD_WINDOW_DAYS)


def forward_window(report: Report, today: date | None = None) -> ForwardWindow | None:
    """The window of a report that may still be forwarded, else None."""
    last_day = forward_by(report)
    if report.status not in FORWARDABLE_STATUSES or last_day is None:
        return None
    today = today or timezone.localdate()
    return ForwardWindow(forward_by=last_day, days_left=(last_day - today).days)


def was_forwarded_late(report: Report) -> bool:
    last_day = forward_by(report)
    if report.forwarded_at is None or last_day is None:
        return False
    return timezone.localdate(report.forwarded_at) > last_day


def may_forward(user: roles.AnyUser, report: Report) -> bool:
    return report.status in FORWARDABLE_STATUSES and roles.is_clerk(
        user, report.institution
    )


def forward_report(
    *,
    report: Report,
    actor: User,
    reason: str,
    category: Category | None = None,
    to_name: str = "",
    to_email: str = "",
) -> Report:
    """Send the report to the competent institution; it is closed here.

    With ``category``, a category of another institution on the platform,
    the report is copied there and registered anew; the copy is returned.
    With ``to_name`` and ``to_email`` it is e-mailed with its photos, and
    the report itself is returned. The citizen is told by e-mail.
    """
    _require(
        roles.is_clerk(actor, report.institution),
        _("Only the registry clerks forward reports."),
    )
    reason = normalize_text(reason)
    _require(
        len(reason) >= REASON_MIN_LENGTH,
        _("Say why the other institution is competent."),
    )
    to_name, to_email = normalize_text(to_name), to_email.strip()
    _require(
        (category is None) != (not to_email),
        _(
            "Choose an institution on the platform, or give the e-mail address "
            "of the competent institution: one of the two."
        ),
    )
    if category is None:
        _check_address(to_name, to_email)
    else:
        _require(
            category.institution_id != report.institution_id and category.is_active,
            _("Choose a category of another institution."),
        )

    with transaction.atomic():
        report = workflow.locked(report, *FORWARDABLE_STATUSES)
        previous = report.status
        report.status = Status.FORWARDED
        report.forwarded_at = timezone.now()
        if category is not None:
            copy = _copy_to(report, category, actor)
            report.forwarded_to_report = copy
            report.forwarded_to_name = category.institution.name
        else:
            copy = None
            report.forwarded_to_name = to_name
            report.forwarded_to_email = to_email
        report.save()

        _record_forwarding(report, actor, previous, reason)
        if copy is None:
            _email_institution(report, reason)
        elif register_for(copy.institution).deferred:
            # Its own registry gives the number later, as for a submission.
            registry_outbox.queue_registration(copy)
        else:
            # Registered anew by the competent institution: its own number
            # and its own term (art. 6^1 (2)).
            copy = workflow.register_report(report=copy)
            report.forwarded_to_report = copy
        notify_citizen(report, "forwarded", text=reason)

    if was_forwarded_late(report):
        logger.info("Report %s forwarded after the legal window", report.pk)
    return copy or report


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise WorkflowError(message)


def _check_address(to_name: str, to_email: str) -> None:
    _require(bool(to_name), _("Give the name of the competent institution."))
    try:
        validate_email(to_email)
    except ValidationError as error:
        raise WorkflowError(
            _("Give a valid e-mail address of the competent institution.")
        ) from error


def _copy_to(report: Report, category: Category, actor: User) -> Report:
    """A new report of the competent institution, waiting for its number."""
    copy = Report.objects.create(
        institution=category.institution,
        author=report.author,
        petitioner_name=report.petitioner_name,
        petitioner_email=report.petitioner_email,
        petitioner_phone=report.petitioner_phone,
        petitioner_language=report.petitioner.language,
        category=category,
        location=report.location,
        zone=zone_at(category.institution, report.location),
        address=report.address,
        description=report.description,
        public_description=public_text(report.description),
    )
    for photo in report.photos.all():
        _copy_photo(photo, copy)
    workflow.record_event(
        copy,
        EventKind.FORWARDED,
        actor=actor,
        text=workflow.timeline_text(
            gettext_noop(
                "Received from %(institution)s, where it was registered "
                "with number %(number)s."
            ),
            institution=report.institution.name,
            number=report.registry_number,
        ),
        visibility=Visibility.CITIZEN,
    )
    return copy


def _copy_photo(photo: Photo, report: Report) -> Photo:
    # The files are copied, not shared: each institution may cover areas
    # of its own copy, which replaces the files.
    copy = Photo(
        report=report,
        uploaded_by=photo.uploaded_by,
        original_name=photo.original_name,
        width=photo.width,
        height=photo.height,
        covers=photo.covers,
        exif_location=photo.exif_location,
        position=photo.position,
        created_at=photo.created_at,
    )
    for name in ("original", "image", "thumbnail", "share"):
        source: FieldFile = getattr(photo, name)
        if source and source.name:
            filename = source.name.rsplit("/", 1)[-1]
            with source.open("rb") as data:
                getattr(copy, name).save(filename, ContentFile(data.read()), save=False)
    copy.save()
    return copy


def _record_forwarding(report: Report, actor: User, previous: str, reason: str) -> None:
    workflow.record_event(
        report,
        EventKind.FORWARDED,
        actor=actor,
        from_status=previous,
        text=workflow.timeline_text(
            gettext_noop(
                "Forwarded to %(institution)s, which is competent. Reason: %(reason)s"
            ),
            institution=report.forwarded_to_name,
            reason=reason,
        ),
        visibility=Visibility.CITIZEN,
    )
    if was_forwarded_late(report):
        last_day = forward_by(report)
        workflow.record_event(
            report,
            EventKind.NOTE,
            actor=actor,
            from_status=report.status,
            text=workflow.timeline_text(
                gettext_noop(
                    "Forwarded after the legal window of %(days)s days, "
                    "which ended on %(date)s."
                ),
                days=FORWARD_WINDOW_DAYS,
                date=last_day or "",
            ),
            visibility=Visibility.INTERNAL,
        )


def _email_institution(report: Report, reason: str) -> OutgoingEmail:
    """Queue the report, with its cleaned photos, to the competent institution.

    The photos are attached when the message is sent
    (notifications.delivery): a forwarded report's photos no longer change.
    """
    institution = report.institution
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "report": report,
            "institution": institution,
            "citizen": report.petitioner,
            "reason": reason,
            "photo_count": report.photos.count(),
        }
        subject = _("Report %(number)s forwarded to you as competent") % {
            "number": report.registry_number
        }
        body = render_to_string("reports/email/forwarded_report.txt", context)

    headers = {}
    if institution.contact_email:
        headers["Reply-To"] = institution.contact_email
    message = EmailMessage(
        subject=f"{institution.name}: {subject}",
        body=body,
        from_email=institution.email_sender or settings.DEFAULT_FROM_EMAIL,
        to=[report.forwarded_to_email],
        headers=headers,
    )
    return queue_message(
        message, kind=OutgoingEmail.Kind.FORWARDED_REPORT, report=report
    )
