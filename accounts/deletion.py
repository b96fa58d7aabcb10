"""A citizen's data: all of it in one file, and the account deleted on request.

Deleting an account removes the person from the platform: their name,
e-mail, phone, password, e-mail addresses, sessions, follows and photos
never sent. Their reports stay with the institution, as OG 27/2002 keeps
petitions: each one keeps the petitioner as filed, and the institution
still answers at that address.
"""

import uuid
from typing import Any

from allauth.account.models import EmailAddress
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from notifications.models import Follow
from reports.drafts import discard_photos
from reports.models import Photo, Report, Resolution, Visibility

# The address a deleted account keeps: unique, and never delivered to.
DELETED_EMAIL = "sters-{key}@cont-sters.invalid"


def export_data(user: User) -> dict[str, Any]:
    """Everything the platform keeps about the user, as JSON-ready data."""
    reports = (
        Report.objects.filter(author=user)
        .select_related("category", "resolution", "institution")
        .prefetch_related("photos", "events", "resolutions")
        .order_by("created_at", "pk")
    )
    return {
        "account": {
            "full_name": user.full_name,
            "email": user.email,
            "phone": user.phone,
            "language": user.language,
            "joined": user.date_joined.isoformat(),
            "email_addresses": [
                {"email": address.email, "verified": address.verified}
                for address in EmailAddress.objects.filter(user=user)
            ],
        },
        "reports": [_report(report) for report in reports],
        "following": [
            {"report": follow.report_id, "since": follow.created_at.isoformat()}
            for follow in Follow.objects.filter(user=user).order_by("created_at")
        ],
    }


def _report(report: Report) -> dict[str, Any]:
    return {
        "id": report.pk,
        "institution": report.institution.name,
        "registry_number": report.registry_number,
        "category": report.category.name,
        "status": report.status,
        "received_at": report.created_at.isoformat(),
        "registered_at": _date(report.registered_at),
        "due_date": _date(report.due_date),
        "address": report.address,
        "location": {"lat": report.location.y, "lng": report.location.x},
        "text_as_sent": report.description,
        "public_text": report.public_description,
        "answers_to_questions": [
            {"question": answer["question"], "answer": answer["answer"]}
            for answer in report.answers
        ],
        "photos": [
            reverse("reports:photo", kwargs={"token": photo.token, "size": "image"})
            for photo in report.photos.all()
        ],
        "timeline": [
            {"kind": event.kind, "at": event.created_at.isoformat(), "text": event.text}
            for event in report.events.all()
            if event.visibility in (Visibility.PUBLIC, Visibility.CITIZEN)
        ],
        # Every answer, the first first: a reopened report has several.
        "answers": [
            _answer(resolution)
            for resolution in sorted(
                report.resolutions.all(), key=lambda answer: answer.issued_at
            )
        ],
    }


def _answer(resolution: Resolution) -> dict[str, Any]:
    return {
        "outcome": resolution.outcome,
        "summary": resolution.summary,
        "issued_at": resolution.issued_at.isoformat(),
        "outgoing_number": resolution.outgoing_number,
        "you_said": resolution.satisfaction or None,
        "you_said_at": _date(resolution.satisfaction_answered_at),
    }


def _date(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def delete_account(user: User) -> None:
    """Remove the person from the platform; their petitions stay, as filed."""
    unsent = list(Photo.objects.filter(uploaded_by=user, report__isnull=True))

    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=user.pk)
        # The petitions keep the petitioner's latest details, to be answered.
        Report.objects.filter(author=user).update(
            petitioner_name=user.full_name,
            petitioner_email=user.email,
            petitioner_phone=user.phone,
            petitioner_language=user.language,
        )
        EmailAddress.objects.filter(user=user).delete()
        Follow.objects.filter(user=user).delete()

        user.full_name = ""
        user.phone = ""
        user.email = DELETED_EMAIL.format(key=uuid.uuid4().hex)
        user.is_active = False
        user.deleted_at = timezone.now()
        # A new password hash ends every open session of the account.
        user.set_unusable_password()
        user.save()

    # Files go last: a rollback above must not have lost them.
    discard_photos(unsent)
