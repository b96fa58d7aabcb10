"""E-mails that tell citizens what happened to their reports."""

from typing import TYPE_CHECKING

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from accounts.languages import supported_language
from notifications.models import InboundMailbox
from notifications.outbox import queue_message

if TYPE_CHECKING:
    from institutions.models import Institution
    from reports.models import Report, Resolution

# Translators: e-mail subjects; {number} is the registry number.
SUBJECTS = {
    "registered": gettext_noop("Your report was registered with number {number}"),
    "published": gettext_noop("Your report {number} is published"),
    "rejected": gettext_noop("Your report {number} was rejected"),
    "resolved": gettext_noop("Your report {number} has an answer"),
    "forwarded": gettext_noop("Your report {number} was forwarded"),
    "joined": gettext_noop("Your report {number} was joined to another"),
    "extended": gettext_noop("The term of your report {number} is extended"),
    "message": gettext_noop("A message about your report {number}"),
    "reopened": gettext_noop("Your report {number} is reopened"),
    "main_reopened": gettext_noop(
        "The report your report {number} was joined into is reopened"
    ),
}


def notify_citizen(
    report: "Report",
    kind: str,
    *,
    text: str = "",
    resolution: "Resolution | None" = None,
    reply_tag: str = "",
) -> None:
    """Queue the e-mail telling the report's author of a step of its life.

    A "resolved" e-mail carries the report's answer, or ``resolution``: the
    answer of the main report it was joined into. A "message" e-mail asks
    for replies at the institution's replies mailbox, when it has one, with
    ``reply_tag`` in the subject to find the report again.
    """
    institution = report.institution
    if kind == "resolved" and resolution is None:
        resolution = report.resolution
    replies = _replies_address(institution) if kind == "message" else ""
    citizen = report.petitioner

    # Written in the citizen's language. The answer document attached stays
    # as issued, in Romanian: it is the institution's official act.
    with translation.override(supported_language(citizen.language)):
        context = {
            "kind": kind,
            "report": report,
            "institution": institution,
            "citizen": citizen,
            "text": text,
            "resolution": resolution,
            "link": institution.site_url
            + reverse("reports:mine-detail", args=[report.pk]),
            "replies_by_email": bool(replies),
        }
        subject_of = (
            "main_reopened" if kind == "reopened" and report.joined_into_id else kind
        )
        subject = _(SUBJECTS[subject_of]).format(
            number=report.registry_number or report.pk
        )
        if replies:
            subject = f"{subject} {reply_tag}"
        body = render_to_string("notifications/report_email.txt", context)
        html = render_to_string("notifications/report_email.html", context)

    message = EmailMultiAlternatives(
        subject=f"{institution.name}: {subject}",
        body=body,
        from_email=institution.email_sender or settings.DEFAULT_FROM_EMAIL,
        to=[citizen.email],
        reply_to=[replies] if replies else None,
    )
    message.attach_alternative(html, "text/html")

    attachment = resolution.document.name if resolution else ""
    queue_message(
        message,
        kind=f"report_{kind}",
        report=report,
        attachment=attachment,
        attachment_name=f"raspuns-{resolution.report_id}.pdf" if resolution else "",
    )


def _replies_address(institution: "Institution") -> str:
    mailbox = InboundMailbox.objects.filter(
        institution=institution,
        purpose=InboundMailbox.Purpose.CITIZEN_REPLIES,
        is_active=True,
    ).first()
    return mailbox.address if mailbox else ""
