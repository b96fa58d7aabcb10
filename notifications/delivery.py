"""Sending one queued message over Django's mail API."""

import logging
from datetime import timedelta
from typing import TYPE_CHECKING

from django.core.files.storage import default_storage
from django.core.mail import EmailMultiAlternatives
from django.utils import timezone

from notifications.models import OutgoingEmail

if TYPE_CHECKING:
    from reports.models import Report

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 8

# Messages that carry the cleaned photos of their report.
WITH_PHOTOS = {OutgoingEmail.Kind.FORWARDED_REPORT, OutgoingEmail.Kind.REGISTRY_REQUEST}


def claim(email_id: int) -> OutgoingEmail | None:
    """Mark a waiting message as being sent; None if another worker has it."""
    claimed = OutgoingEmail.objects.filter(
        pk=email_id, state=OutgoingEmail.State.PENDING
    ).update(state=OutgoingEmail.State.SENDING)
    return OutgoingEmail.objects.get(pk=email_id) if claimed else None


def deliver(email: OutgoingEmail) -> None:
    """Send the message and mark it sent. Raises what the mail server raised."""
    message = EmailMultiAlternatives(
        subject=email.subject,
        body=email.body_text,
        from_email=email.from_email,
        to=email.to,
        headers=email.headers,
    )
    if email.body_html:
        message.attach_alternative(email.body_html, "text/html")
    if email.attachment:
        with default_storage.open(email.attachment, "rb") as document:
            message.attach(
                email.attachment_name or "document.pdf",
                document.read(),
                "application/pdf",
            )
    if email.kind in WITH_PHOTOS and email.report:
        _attach_photos(message, email.report)

    email.attempts += 1
    message.send()

    email.state = OutgoingEmail.State.SENT
    email.sent_at = timezone.now()
    email.save(update_fields=["state", "sent_at", "attempts"])


def _attach_photos(message: EmailMultiAlternatives, report: "Report") -> None:
    """Attach the cleaned copies of a report's photos.

    Read when sent rather than stored with the message: the copies go as
    they are then, with any part the staff covered already covered.
    """
    for number, photo in enumerate(report.photos.all(), start=1):
        with photo.image.open("rb") as image:
            message.attach(f"foto-{number}.jpg", image.read(), "image/jpeg")


def record_failure(email: OutgoingEmail, error: Exception) -> timedelta | None:
    """Note the failure; return when to try again, or None to give up."""
    email.last_error = f"{type(error).__name__}: {error}"[:2000]
    if email.attempts >= MAX_ATTEMPTS:
        email.state = OutgoingEmail.State.FAILED
        logger.error(
            "Gave up on e-mail %s (%s) after %s attempts",
            email.pk,
            email.kind,
            email.attempts,
        )
        delay = None
    else:
        email.state = OutgoingEmail.State.PENDING
        logger.warning(
            "E-mail %s (%s) failed on attempt %s: %s",
            email.pk,
            email.kind,
            email.attempts,
            type(error).__name__,
        )
        # 1, 2, 4 ... minutes, at most two hours.
        delay = timedelta(minutes=min(2 ** (email.attempts - 1), 120))
    email.save(update_fields=["state", "attempts", "last_error"])
    return delay
