"""Messages between the institution and the citizen, on a report's timeline.

Staff who work on a report write to its author, privately or for everyone
to read; the citizen answers on the report's page or by replying to the
e-mail. A reply by e-mail names its report with a tag in the subject that
only this site can make, and must come from the author's address.
"""

import hmac
import logging
import re
from email.message import EmailMessage
from email.utils import parseaddr

from django.db.models import Q, QuerySet
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from accounts.models import User
from institutions import roles
from moderation.text import normalize_text
from notifications.citizens import notify_citizen
from notifications.models import InboundMailbox
from notifications.replies import reply_text
from reports import workflow
from reports.models import (
    Event,
    EventKind,
    Report,
    ResponseTemplate,
    Status,
    Visibility,
)

logger = logging.getLogger(__name__)

MESSAGE_MAX_LENGTH = 4000
REPLY_TAG = re.compile(r"\[#(\d+)-([0-9a-f]{16})\]")
# A report handed to another institution is answered there.
CLOSED_TO_MESSAGES = (Status.FORWARDED, Status.JOINED)


def may_message(user: roles.AnyUser, report: Report) -> bool:
    """Whether the user may write to the report's author."""
    return report.status not in CLOSED_TO_MESSAGES and workflow.can_see_staff_view(
        user, report
    )


def send_message(*, report: Report, actor: User, text: str, public: bool) -> Event:
    """Write to the citizen; a public message is also on the report's page."""
    text = _checked(text)
    workflow.require(
        may_message(actor, report), _("You cannot write to this report's author.")
    )

    event = workflow.record_event(
        report,
        EventKind.MESSAGE,
        actor=actor,
        from_status=report.status,
        text=text,
        visibility=Visibility.PUBLIC if public else Visibility.CITIZEN,
    )
    notify_citizen(report, "message", text=text, reply_tag=reply_tag(report))
    return event


def templates_for(report: Report, *, answer: bool) -> QuerySet[ResponseTemplate]:
    """The response templates offered on a report: its category's and the
    general ones; those for an outcome only when writing the answer."""
    templates = ResponseTemplate.objects.filter(
        institution_id=report.institution_id, is_active=True
    ).filter(Q(category_id=report.category_id) | Q(category__isnull=True))
    return templates if answer else templates.filter(outcome="")


def may_reply(user: roles.AnyUser, report: Report) -> bool:
    return (
        report.author_id == user.pk
        and report.author.deleted_at is None
        and report.status not in CLOSED_TO_MESSAGES
    )


def record_reply(*, report: Report, author: User, text: str) -> Event:
    """The citizen's answer, seen by the citizen and the staff."""
    text = _checked(text)
    workflow.require(may_reply(author, report), _("You cannot answer on this report."))

    return workflow.record_event(
        report,
        EventKind.REPLY,
        actor=author,
        from_status=report.status,
        text=text,
        visibility=Visibility.CITIZEN,
    )


def reply_tag(report: Report) -> str:
    """The tag that lets a reply by e-mail find its report, and only it."""
    return f"[#{report.pk}-{_signature(report.pk, report.author_id)}]"


def read_citizen_reply(mailbox: InboundMailbox, message: EmailMessage) -> Event | None:
    """The reader of the citizens' replies mailbox (notifications.inbound)."""
    found = REPLY_TAG.search(str(message.get("Subject", "")))
    if found is None:
        logger.info("Mailbox %s: a message without a report's tag", mailbox.pk)
        return None
    report = (
        Report.objects.filter(pk=int(found.group(1)), institution=mailbox.institution)
        .select_related("author")
        .first()
    )
    if report is None or not hmac.compare_digest(
        found.group(2), _signature(report.pk, report.author_id)
    ):
        logger.warning("Mailbox %s: a reply with a forged tag", mailbox.pk)
        return None

    _name, sender = parseaddr(str(message.get("From", "")))
    if sender.casefold() != report.author.email.casefold():
        logger.warning(
            "Mailbox %s: a reply to #%s from another address", mailbox.pk, report.pk
        )
        return None
    text = reply_text(message)
    if not text:
        return None
    try:
        return record_reply(report=report, author=report.author, text=text)
    except workflow.WorkflowError as refusal:
        logger.info(
            "Mailbox %s: reply to #%s refused: %s", mailbox.pk, report.pk, refusal
        )
        return None


def _checked(text: str) -> str:
    text = normalize_text(text)
    workflow.require(bool(text), _("Write the message."))
    workflow.require(
        len(text) <= MESSAGE_MAX_LENGTH,
        _("The message is too long: at most %(max)s characters.")
        % {"max": MESSAGE_MAX_LENGTH},
    )
    return text


def _signature(report_id: int, author_id: int) -> str:
    return salted_hmac(
        "reports.messages.reply", f"{report_id}:{author_id}"
    ).hexdigest()[:16]
