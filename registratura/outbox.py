"""The durable outbox of calls to an external registry.

A call is stored in the transaction that needs it, with the task that
will process it, so a report is never waiting without a call. Workers
then take the calls of an institution one at a time, oldest first.

Calls ask for the number of a report (incoming) or of its answer
(outgoing). Order: only the oldest unfinished call of an institution may
be claimed (its "head"); while it waits for a retry, the calls behind it
wait too, so the registry receives reports and answers in the order we
received and issued them.

Exactly once: the head's row is locked while it is claimed, and a claimed
call holds a lease; a worker that dies leaves the call "sending" until
the lease ends, and the next worker sends it again with the same
idempotency key, which the registry answers with the number it gave the
first time. Recording the number locks the call and the report, and the
workflow refuses a report or an answer that has its number already: one
number, one registration.
"""

import logging
import random
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from registratura.models import Adapter, Direction, RegistryCall
from registratura.registers import (
    HttpRegister,
    RegistryEntry,
    RegistryRefusedError,
    RegistryUnavailableError,
    config_for,
)

if TYPE_CHECKING:
    from reports.models import Report

logger = logging.getLogger(__name__)

RETRY_BASE = timedelta(seconds=10)
RETRY_CAP = timedelta(minutes=10)
# Beyond the HTTP timeout, how long a claimed call is left to its worker.
LEASE_MARGIN = timedelta(seconds=30)
UNFINISHED = (RegistryCall.State.WAITING, RegistryCall.State.SENDING)


def queue_registration(report: "Report") -> RegistryCall:
    """Ask the institution's registry for the report's number, in the background."""
    return _queue(report, Direction.INCOMING)


def queue_answer_registration(report: "Report") -> RegistryCall:
    """Ask the institution's registry for the outgoing number of the report's answer."""
    return _queue(report, Direction.OUTGOING)


def _queue(report: "Report", direction: str) -> RegistryCall:
    config = config_for(report.institution)
    call = RegistryCall.objects.create(
        report=report,
        institution=report.institution,
        adapter=config.adapter if config else Adapter.HTTP,
        direction=direction,
    )
    _enqueue(report.institution_id)
    return call


def process(institution_id: int, *, limit: int = 500) -> int:
    """Send the institution's due calls in order; return how many were sent."""
    sent = 0
    while sent < limit:
        call = claim_next(institution_id)
        if call is None:
            return sent
        send(call)
        sent += 1

    # More work than one task should hold a worker for: continue in another.
    _enqueue(institution_id)
    return sent


def claim_next(institution_id: int) -> RegistryCall | None:
    """Take the institution's oldest unfinished call, if it is due and free."""
    now = timezone.now()
    with transaction.atomic():
        head = (
            RegistryCall.objects.select_for_update()
            .filter(institution_id=institution_id, state__in=UNFINISHED)
            .order_by("created_at", "pk")
            .first()
        )
        if head is None or not _is_due(head, now):
            return None

        config = config_for(head.institution)
        timeout = config.timeout_seconds if config else 10.0
        claimed = RegistryCall.objects.filter(
            pk=head.pk, state=head.state, attempts=head.attempts
        ).update(
            state=RegistryCall.State.SENDING,
            attempts=F("attempts") + 1,
            lease_until=now + timedelta(seconds=timeout) + LEASE_MARGIN,
        )
    return RegistryCall.objects.get(pk=head.pk) if claimed else None


def _is_due(call: RegistryCall, now: datetime) -> bool:
    if call.state == RegistryCall.State.SENDING:
        # Another worker has it, unless that worker died: its lease ended.
        return call.lease_until is None or call.lease_until <= now
    return call.next_attempt_at <= now


def send(call: RegistryCall) -> None:
    """Make one attempt of a claimed call and record what came of it."""
    config = config_for(call.institution)
    if config is not None and config.adapter == Adapter.EMAIL:
        _send_by_email(call)
        return
    if config is None or config.adapter != Adapter.HTTP:
        record_failure(
            call, RegistryRefusedError("the institution has no HTTP registry")
        )
        return

    try:
        entry = HttpRegister(config).send(call)
    except (RegistryUnavailableError, RegistryRefusedError) as error:
        record_failure(call, error)
        return

    if entry is None:
        RegistryCall.objects.filter(pk=call.pk).update(
            state=RegistryCall.State.ACCEPTED, lease_until=None, last_error=""
        )
        return
    record_number(call, entry)


def _send_by_email(call: RegistryCall) -> None:
    """Queue the number request; the call then waits for the number.

    The message and the call's new state are committed together: a worker
    that dies in between leaves neither, and the next one sends it once.
    """
    from registratura import by_email

    with transaction.atomic():
        call = RegistryCall.objects.select_for_update().get(pk=call.pk)
        if call.state != RegistryCall.State.SENDING:
            return
        config = config_for(call.institution)
        assert config is not None  # send() found it
        by_email.request_number(call, config)
        call.state = RegistryCall.State.ACCEPTED
        call.lease_until = None
        call.last_error = ""
        call.save(update_fields=["state", "lease_until", "last_error"])


def record_number(call: RegistryCall, entry: RegistryEntry) -> None:
    """Give the call's report, or its answer, the registry's number; once only."""
    from reports import workflow

    with transaction.atomic():
        call = RegistryCall.objects.select_for_update().get(pk=call.pk)
        if call.state == RegistryCall.State.DONE:
            return
        try:
            register_with(call, entry)
        except workflow.WorkflowError:
            logger.warning(
                "Report %s of registry call %s was no longer waiting for a number",
                call.report_id,
                call.pk,
            )
        call.state = RegistryCall.State.DONE
        call.number = entry.number
        call.lease_until = None
        call.last_error = ""
        call.finished_at = timezone.now()
        call.save()


def register_with(call: RegistryCall, entry: RegistryEntry) -> None:
    """Hand the number to the workflow; raises WorkflowError if it has one."""
    from reports import workflow

    if call.direction == Direction.OUTGOING:
        workflow.register_answer(report=call.report, entry=entry)
    else:
        workflow.register_report(report=call.report, entry=entry)


def record_failure(call: RegistryCall, error: Exception) -> None:
    """Keep the error; retry later if the registry may answer then."""
    call.last_error = f"{type(error).__name__}: {error}"[:2000]
    call.lease_until = None
    if isinstance(error, RegistryUnavailableError):
        delay = retry_delay(call.attempts)
        call.state = RegistryCall.State.WAITING
        call.next_attempt_at = timezone.now() + delay
        logger.warning(
            "Registry call %s failed on attempt %s (%s); next in %ss",
            call.pk,
            call.attempts,
            error,
            int(delay.total_seconds()),
        )
    else:
        call.state = RegistryCall.State.FAILED
        logger.error("Registry refused call %s: %s", call.pk, error)
    call.save(update_fields=["last_error", "lease_until", "state", "next_attempt_at"])

    if call.state == RegistryCall.State.WAITING:
        _enqueue(call.institution_id, run_after=call.next_attempt_at)


def retry_delay(attempts: int) -> timedelta:
    """Exponential back-off with jitter: about 10 s, 20 s, 40 s... at most 10 min."""
    ceiling = min(RETRY_BASE * 2 ** max(attempts - 1, 0), RETRY_CAP)
    # Jitter spreads the retries of many institutions and workers.
    return ceiling * random.uniform(0.5, 1.0)


def retry_call(call: RegistryCall) -> bool:
    """Put a failed call back at its place in the line; False if not failed."""
    retried = RegistryCall.objects.filter(
        pk=call.pk, state=RegistryCall.State.FAILED
    ).update(state=RegistryCall.State.WAITING, next_attempt_at=timezone.now())
    if retried:
        _enqueue(call.institution_id)
    return bool(retried)


def resume_stalled() -> int:
    """Queue work for every institution with a call due or left by a dead worker.

    For a periodic job: a worker killed during a call leaves no task behind.
    """
    now = timezone.now()
    institution_ids = set(
        RegistryCall.objects.filter(
            Q(state=RegistryCall.State.WAITING, next_attempt_at__lte=now)
            | Q(state=RegistryCall.State.SENDING, lease_until__lte=now)
        ).values_list("institution_id", flat=True)
    )
    for institution_id in institution_ids:
        _enqueue(institution_id)
    return len(institution_ids)


def waiting_too_long(institution_id: int) -> int:
    """How many reports of the institution wait for a number past the alert time."""
    since = timezone.now() - timedelta(minutes=settings.REGISTRY_ALERT_MINUTES)
    return (
        RegistryCall.objects.filter(
            institution_id=institution_id,
            direction=Direction.INCOMING,
            created_at__lt=since,
            report__status="submitted",
        )
        .exclude(state=RegistryCall.State.DONE)
        .values("report")
        .distinct()
        .count()
    )


def _enqueue(institution_id: int, run_after: datetime | None = None) -> None:
    from registratura.tasks import process_registry_calls

    if run_after is None:
        process_registry_calls.enqueue(institution_id)
    else:
        process_registry_calls.using(run_after=run_after).enqueue(institution_id)
