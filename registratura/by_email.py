"""The registry that only takes e-mail.

The outbox sends one number request per report to the registry's mailbox,
with the report's data and its cleaned photos; the call then waits for the
number. The clerk types the number the registry gives, or it is read from
the registry's reply when the reply names our reference (the call's
idempotency key) and its number follows the configured pattern.
"""

import logging
import re
import uuid

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.models import User
from institutions import roles
from institutions.models import Institution
from notifications.models import OutgoingEmail
from notifications.outbox import queue_message
from registratura.models import Adapter, Direction, RegistryCall, RegistryConfig
from registratura.registers import RegistryEntry
from reports import workflow
from reports.models import Report, Status

logger = logging.getLogger(__name__)

REFERENCE = re.compile(
    r"\[([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\]", re.I
)
NUMBER_MAX_LENGTH = 40


def request_number(call: RegistryCall, config: RegistryConfig) -> OutgoingEmail:
    """Queue the number request of the call's report to the registry's mailbox.

    The message holds the citizen's name and contact: it goes only to the
    institution's own registry.
    """
    report = call.report
    institution = report.institution
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "report": report,
            "institution": institution,
            "citizen": report.author,
            "reference": call.idempotency_key,
            "photo_count": report.photos.count(),
        }
        subject = _("Registry number request – report #%(id)s [%(key)s]") % {
            "id": report.pk,
            "key": call.idempotency_key,
        }
        body = render_to_string("registratura/email/number_request.txt", context)

    message = EmailMessage(
        subject=subject,
        body=body,
        from_email=institution.email_sender or settings.DEFAULT_FROM_EMAIL,
        to=[config.mailbox],
        headers={"X-Sesizari-Reference": str(call.idempotency_key)},
    )
    return queue_message(
        message, kind=OutgoingEmail.Kind.REGISTRY_REQUEST, report=report
    )


def may_type_number(user: User, report: Report) -> bool:
    """Whether to offer the clerk the form for the number the registry gave."""
    return (
        report.status == Status.SUBMITTED
        and roles.is_clerk(user, report.institution)
        and _waiting_calls(report.institution).filter(report=report).exists()
    )


def record_clerk_number(*, report: Report, actor: User, number: str) -> Report:
    """Register the report with the number the registry gave by e-mail.

    Raises WorkflowError if the actor is no clerk or the report has its
    number already.
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


def _waiting_calls(institution: Institution) -> QuerySet[RegistryCall]:
    return RegistryCall.objects.filter(
        institution=institution,
        adapter=Adapter.EMAIL,
        direction=Direction.INCOMING,
        report__status=Status.SUBMITTED,
    ).exclude(state=RegistryCall.State.DONE)


def _register(call: RegistryCall, number: str) -> Report:
    now = timezone.now()
    report = workflow.register_report(
        report=call.report, entry=RegistryEntry(number=number, registered_at=now)
    )
    call.state = RegistryCall.State.DONE
    call.number = number
    call.lease_until = None
    call.last_error = ""
    call.finished_at = now
    call.save()
    return report


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
