"""The registry that only takes e-mail.

The outbox sends one number request per report to the registry's mailbox,
with the report's data and its cleaned photos, and one per answer, with
its document; the call then waits for the number. The clerk types the
number the registry gives, or it is read from the registry's reply when
the reply names our reference (the call's idempotency key) and its number
follows the configured pattern.
"""

import logging
import re
import uuid
from email.message import EmailMessage as ReceivedMessage

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from accounts.models import User
from institutions import roles
from institutions.models import Institution
from notifications.inbound import message_text
from notifications.models import InboundMailbox, OutgoingEmail
from notifications.outbox import queue_message
from registratura import outbox
from registratura.models import Adapter, Direction, RegistryCall, RegistryConfig
from registratura.registers import RegistryEntry
from reports import workflow
from reports.models import Report, Resolution, Status

logger = logging.getLogger(__name__)

REFERENCE = re.compile(
    r"\[([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\]", re.I
)
NUMBER_MAX_LENGTH = 40
INCOMING_SUBJECT = gettext_noop("Registry number request – report #%(id)s [%(key)s]")
OUTGOING_SUBJECT = gettext_noop(
    "Outgoing number request – answer to report no. %(number)s [%(key)s]"
)


def request_number(call: RegistryCall, config: RegistryConfig) -> OutgoingEmail:
    """Queue the call's number request to the registry's mailbox.

    The message holds the citizen's name and contact: it goes only to the
    institution's own registry.
    """
    report = call.report
    institution = report.institution
    outgoing = call.direction == Direction.OUTGOING
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "report": report,
            "institution": institution,
            "citizen": report.petitioner,
            "reference": call.idempotency_key,
            "photo_count": report.photos.count(),
            "resolution": report.resolution if outgoing else None,
        }
        subject = _(OUTGOING_SUBJECT if outgoing else INCOMING_SUBJECT) % {
            "id": report.pk,
            "number": report.registry_number,
            "key": call.idempotency_key,
        }
        template = "answer_number_request" if outgoing else "number_request"
        body = render_to_string(f"registratura/email/{template}.txt", context)

    message = EmailMessage(
        subject=subject,
        body=body,
        from_email=institution.email_sender or settings.DEFAULT_FROM_EMAIL,
        to=[config.mailbox],
        headers={"X-Sesizari-Reference": str(call.idempotency_key)},
    )
    if outgoing:
        return queue_message(
            message,
            kind=OutgoingEmail.Kind.REGISTRY_ANSWER_REQUEST,
            report=report,
            attachment=report.answer().document.name,
            attachment_name=f"raspuns-{report.pk}.pdf",
        )
    return queue_message(
        message, kind=OutgoingEmail.Kind.REGISTRY_REQUEST, report=report
    )


def may_type_number(user: User, report: Report) -> bool:
    """Whether to offer the clerk the form for the number the registry gave."""
    return (
        report.status in (Status.SUBMITTED, Status.RESOLVED)
        and roles.is_clerk(user, report.institution)
        and _waiting_calls(report.institution).filter(report=report).exists()
    )


def record_clerk_number(*, report: Report, actor: User, number: str) -> Report:
    """Register the report, or its answer, with the number the registry gave.

    Raises WorkflowError if the actor is no clerk or the report (or the
    answer) has its number already.
    """
    number = number.strip()
    if not roles.is_clerk(actor, report.institution):
        raise workflow.WorkflowError(_("Only the registry clerks record numbers."))
    if not number or len(number) > NUMBER_MAX_LENGTH:
        raise workflow.WorkflowError(
            _("Type the registry number, at most %(max)s characters.")
            % {"max": NUMBER_MAX_LENGTH}
        )

    with transaction.atomic():
        call = (
            _waiting_calls(report.institution)
            .select_for_update()
            .filter(report=report)
            .first()
        )
        if call is None:
            raise workflow.WorkflowError(
                _("This report is not waiting for a number from the registry.")
            )
        return _register(call, number)


def record_registry_reply(
    *, institution: Institution, subject: str, body: str
) -> RegistryCall | None:
    """Register the report a registry's reply names, with the number in it.

    The reply must carry our reference, [idempotency key], in its subject or
    body, and a number matching the institution's pattern. Returns the call
    it completed, or None when the reply changes nothing.
    """
    config = RegistryConfig.objects.filter(
        institution=institution, adapter=Adapter.EMAIL
    ).first()
    if config is None or not config.number_pattern:
        return None
    key = _reference(subject) or _reference(body)
    number = _number(config.number_pattern, body) or _number(
        config.number_pattern, subject
    )
    if key is None or not number:
        logger.info("Registry reply for %s without a reference or a number", key)
        return None

    with transaction.atomic():
        call = (
            _waiting_calls(institution)
            .select_for_update()
            .filter(idempotency_key=key)
            .first()
        )
        if call is None:
            logger.info("Registry reply for unknown or finished call %s", key)
            return None
        try:
            _register(call, number)
        except workflow.WorkflowError:
            logger.warning("Report of registry call %s was not waiting", call.pk)
            return None
    call.refresh_from_db()
    return call


def read_registry_reply(
    mailbox: InboundMailbox, message: ReceivedMessage
) -> RegistryCall | None:
    """The reader of the registry's replies mailbox (notifications.inbound)."""
    return record_registry_reply(
        institution=mailbox.institution,
        subject=str(message.get("Subject", "")),
        body=message_text(message),
    )


def _waiting_calls(institution: Institution) -> QuerySet[RegistryCall]:
    """The calls by e-mail whose report, or answer, waits for its number."""
    report_waits = Q(direction=Direction.INCOMING, report__status=Status.SUBMITTED)
    unnumbered = Resolution.objects.filter(
        pk=OuterRef("report__resolution"), outgoing_number=""
    )
    answer_waits = Q(direction=Direction.OUTGOING) & Exists(unnumbered)
    return (
        RegistryCall.objects.filter(institution=institution, adapter=Adapter.EMAIL)
        .filter(report_waits | answer_waits)
        .exclude(state=RegistryCall.State.DONE)
    )


def _register(call: RegistryCall, number: str) -> Report:
    now = timezone.now()
    outbox.register_with(call, RegistryEntry(number=number, registered_at=now))
    call.state = RegistryCall.State.DONE
    call.number = number
    call.lease_until = None
    call.last_error = ""
    call.finished_at = now
    call.save()
    return call.report


def _reference(text: str) -> uuid.UUID | None:
    found = REFERENCE.search(text)
    return uuid.UUID(found.group(1)) if found else None


def _number(pattern: str, text: str) -> str:
    found = re.search(pattern, text)
    if found is None:
        return ""
    number = (found.group(1) if found.groups() else found.group(0)) or ""
    number = number.strip()
    return number if len(number) <= NUMBER_MAX_LENGTH else ""
