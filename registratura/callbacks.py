"""Answers an external registry sends us later: a number, or a status.

The number is a report's, or its answer's (outgoing).

A callback is signed like our calls (registratura.signing). One with a bad
signature, a timestamp out of the window or a signature seen before is
refused, and so is one about a report we did not send; a refused callback
changes nothing.
"""

import json
import uuid
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from institutions.models import Institution
from registratura import outbox, signing
from registratura.models import (
    Adapter,
    CallbackSignature,
    Direction,
    RegistryCall,
)
from registratura.registers import RegistryEntry, config_for

REGISTERED = "registered"
REFUSALS = {"rejected", "refused", "failed", "error"}


class CallbackRefusedError(Exception):
    def __init__(self, status: int, reason: str):
        super().__init__(reason)
        self.status = status


def accept_callback(
    *, institution: Institution, timestamp: str, signature: str, body: bytes
) -> RegistryCall:
    """Apply a registry's callback; raises CallbackRefusedError."""
    config = config_for(institution)
    if config is None or config.adapter != Adapter.HTTP or not config.callback_enabled:
        raise CallbackRefusedError(404, "no callbacks for this institution")
    if not signing.is_valid(config.shared_secret, timestamp, signature, body):
        raise CallbackRefusedError(403, "bad signature or timestamp")
    data = _parse(body)

    with transaction.atomic():
        _use_once(signature)
        call = _find_call(institution, data)
        status = str(data.get("status") or REGISTERED)
        if status == REGISTERED:
            outbox.record_number(call, _entry(data))
        else:
            # Any other status is kept for the clerks to read; a refusal
            # ends the call, which they may then retry.
            failed = status in REFUSALS
            RegistryCall.objects.filter(pk=call.pk).exclude(
                state=RegistryCall.State.DONE
            ).update(
                state=RegistryCall.State.FAILED if failed else call.state,
                lease_until=None if failed else call.lease_until,
                last_error=f"The registry answered: {status}"[:2000],
            )

    _forget_old_signatures()
    call.refresh_from_db()
    return call


def _parse(body: bytes) -> dict[str, object]:
    try:
        data = json.loads(body)
    except ValueError as error:
        raise CallbackRefusedError(400, "the body is not JSON") from error
    if not isinstance(data, dict):
        raise CallbackRefusedError(400, "the body is not a JSON object")
    return data


def _use_once(signature: str) -> None:
    try:
        with transaction.atomic():
            CallbackSignature.objects.create(signature=signature)
    except IntegrityError as error:
        raise CallbackRefusedError(403, "replayed") from error


def _find_call(institution: Institution, data: dict[str, object]) -> RegistryCall:
    calls = RegistryCall.objects.filter(institution=institution).select_for_update()
    key, report_id = data.get("idempotency_key"), data.get("report_id")
    if key:
        try:
            calls = calls.filter(idempotency_key=uuid.UUID(str(key)))
        except ValueError as error:
            raise CallbackRefusedError(404, "unknown report") from error
    elif isinstance(report_id, int):
        # Without our key, the report and the direction name the call.
        outgoing = data.get("direction") == "outgoing"
        direction = Direction.OUTGOING if outgoing else Direction.INCOMING
        calls = calls.filter(report_id=report_id, direction=direction)
    else:
        raise CallbackRefusedError(404, "unknown report")

    call = calls.order_by("-created_at", "-pk").first()
    if call is None:
        raise CallbackRefusedError(404, "unknown report")
    return call


def _entry(data: dict[str, object]) -> RegistryEntry:
    number = str(data.get("number") or "").strip()
    if not number or len(number) > 40:
        raise CallbackRefusedError(400, "no usable number")
    return RegistryEntry(number=number, registered_at=timezone.now())


def _forget_old_signatures() -> None:
    # A signature older than the window is refused for its timestamp anyway.
    horizon = timezone.now() - timedelta(seconds=2 * signing.MAX_SKEW_SECONDS)
    CallbackSignature.objects.filter(received_at__lt=horizon).delete()
