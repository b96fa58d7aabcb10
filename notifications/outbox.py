"""The durable queue of outgoing e-mail."""

from typing import TYPE_CHECKING

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives

from notifications.models import OutgoingEmail
from notifications.tasks import send_email

if TYPE_CHECKING:
    from institutions.models import Institution
    from reports.models import Report


def queue_optional_message(
    *,
    institution: "Institution",
    to: str,
    subject: str,
    body: str,
    html: str,
    unsubscribe: str,
    kind: str,
    report: "Report | None" = None,
) -> OutgoingEmail:
    """Queue an e-mail the person asked for and may stop with one click.

    It carries the unsubscribe link in List-Unsubscribe headers (RFC 2369),
    which mail clients may follow with a POST of their own (RFC 8058).
    """
    message = EmailMultiAlternatives(
        subject=f"{institution.name}: {subject}",
        body=body,
        from_email=institution.email_sender or settings.DEFAULT_FROM_EMAIL,
        to=[to],
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.attach_alternative(html, "text/html")
    return queue_message(message, kind=kind, report=report)


def queue_message(
    message: EmailMessage,
    *,
    kind: str,
    report: "Report | None" = None,
    attachment: str = "",
    attachment_name: str = "",
) -> OutgoingEmail:
    """Store a rendered message and the job that will send it."""
    html = ""
    if isinstance(message, EmailMultiAlternatives):
        html = next(
            (
                body
                for body, mime in message.alternatives
                if mime == "text/html" and isinstance(body, str)
            ),
            "",
        )
    headers = dict(message.extra_headers)
    if message.reply_to:
        headers.setdefault("Reply-To", ", ".join(message.reply_to))
    email = OutgoingEmail.objects.create(
        kind=kind,
        report=report,
        from_email=message.from_email,
        to=list(message.to),
        subject=str(message.subject),
        body_text=str(message.body),
        body_html=html,
        headers=headers,
        attachment=attachment,
        attachment_name=attachment_name,
    )
    # The database task backend stores the task in the caller's transaction:
    # the message and its delivery job are committed together, or neither.
    send_email.enqueue(email.pk)
    return email
