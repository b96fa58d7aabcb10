"""Registry systems that give a report its number.

Every institution has a register; the workflow only knows this interface.
The built-in register is the one an institution without a document
registry system uses, and the demo's.
"""

import base64
import json
import logging
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Protocol

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from institutions.models import Institution
from registratura import signing
from registratura.models import (
    Adapter,
    Direction,
    RegisterCounter,
    RegistryCall,
    RegistryConfig,
)

if TYPE_CHECKING:
    from reports.models import Report, Resolution

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class RegistryEntry:
    number: str
    registered_at: datetime


class Register(Protocol):
    # A deferred register answers later: the report waits as submitted, or
    # its answer waits to leave, while the outbox (registratura.outbox)
    # asks for the number.
    deferred: bool

    def register_incoming(self, report: "Report") -> RegistryEntry: ...

    def register_outgoing(self, resolution: "Resolution") -> RegistryEntry: ...


class RegistryUnavailableError(Exception):
    """The registry could not answer now: the call is tried again later."""


class RegistryRefusedError(Exception):
    """The registry refused the call: trying again would not help."""


class DeferredRegistrationError(Exception):
    """The number of this institution's reports comes through the outbox."""


class BuiltinRegister:
    """Numbers per institution and year, gap-free under concurrency.

    The counter is incremented inside the caller's transaction, so a
    registration that rolls back gives its number back, and concurrent ones
    queue on the counter's row lock.
    """

    deferred = False

    def __init__(self, institution: Institution):
        self.institution = institution

    def register_incoming(self, report: "Report") -> RegistryEntry:
        now = timezone.now()
        number = self._next_number(timezone.localdate(now).year, Direction.INCOMING)
        return RegistryEntry(number=number, registered_at=now)

    def register_outgoing(self, resolution: "Resolution") -> RegistryEntry:
        now = timezone.now()
        number = self._next_number(timezone.localdate(now).year, Direction.OUTGOING)
        return RegistryEntry(number=number, registered_at=now)

    def _next_number(self, year: int, direction: str) -> str:
        key = {"institution": self.institution, "year": year, "direction": direction}
        with transaction.atomic():
            self._ensure_counter(key)
            # UPDATE before SELECT: the row lock is taken first, so no two
            # transactions can read the same last number.
            RegisterCounter.objects.filter(**key).update(
                last_number=F("last_number") + 1
            )
            last = RegisterCounter.objects.values_list("last_number", flat=True).get(
                **key
            )
        return f"{last}/{year}"

    @staticmethod
    def _ensure_counter(key: dict[str, object]) -> None:
        if RegisterCounter.objects.filter(**key).exists():
            return
        try:
            with transaction.atomic():
                RegisterCounter.objects.create(**key)
        except IntegrityError:
            # Another transaction created the year's counter first.
            pass


class HttpRegister:
    """An external registry reached by signed JSON over HTTP.

    The call's idempotency key goes with every attempt, so the registry
    gives one number however many times the same call reaches it.
    """

    deferred = True

    def __init__(self, config: RegistryConfig):
        self.config = config

    def register_incoming(self, report: "Report") -> RegistryEntry:
        raise DeferredRegistrationError

    def register_outgoing(self, resolution: "Resolution") -> RegistryEntry:
        raise DeferredRegistrationError

    def send(self, call: RegistryCall) -> RegistryEntry | None:
        """The number the registry gave, or None if it comes by callback.

        Raises RegistryUnavailableError or RegistryRefusedError.
        """
        body = json.dumps(payload(call)).encode()
        headers = {
            "Content-Type": "application/json",
            signing.IDEMPOTENCY_HEADER: str(call.idempotency_key),
            **signing.signed_headers(self.config.shared_secret, body),
        }
        request = urllib.request.Request(
            self.config.endpoint_url, data=body, headers=headers, method="POST"
        )

        status, answer = self._post(request)

        if status == 202:
            return None
        if status // 100 == 2 or status == 409:
            # 409: the registry has this key already; its answer names the
            # number it gave then.
            return self._entry(status, answer, call)
        if status in (408, 425, 429) or status >= 500:
            raise RegistryUnavailableError(f"HTTP {status}")
        raise RegistryRefusedError(f"HTTP {status}: {answer[:300]!r}")

    def _post(self, request: urllib.request.Request) -> tuple[int, bytes]:
        try:
            with urllib.request.urlopen(
                request, timeout=self.config.timeout_seconds
            ) as response:
                return response.status, response.read(10_000)
        except urllib.error.HTTPError as error:
            return error.code, error.read(10_000)
        except (OSError, urllib.error.URLError) as error:
            raise RegistryUnavailableError(
                f"{type(error).__name__}: {error}"
            ) from error

    @staticmethod
    def _entry(status: int, answer: bytes, call: RegistryCall) -> RegistryEntry:
        try:
            data = json.loads(answer)
            number = str(data["number"]).strip()
        except (ValueError, KeyError, TypeError) as error:
            logger.warning(
                "Registry answered %s without a number for call %s", status, call.pk
            )
            raise RegistryUnavailableError(f"HTTP {status} without a number") from error
        if not number or len(number) > 40:
            raise RegistryRefusedError(f"HTTP {status}: unusable number {number!r}")
        registered_at = parse_datetime(str(data.get("registered_at") or ""))
        return RegistryEntry(
            number=number, registered_at=registered_at or timezone.now()
        )


class EmailRegister:
    """A registry that only takes e-mail: the number comes back by hand.

    The outbox sends the number request (registratura.by_email); the clerk
    types the number the registry gives, or it is read from its reply.
    """

    deferred = True

    def __init__(self, config: RegistryConfig):
        self.config = config

    def register_incoming(self, report: "Report") -> RegistryEntry:
        raise DeferredRegistrationError

    def register_outgoing(self, resolution: "Resolution") -> RegistryEntry:
        raise DeferredRegistrationError


def payload(call: RegistryCall) -> dict[str, object]:
    if call.direction == Direction.OUTGOING:
        return outgoing_payload(call.report.answer())
    return incoming_payload(call.report)


def incoming_payload(report: "Report") -> dict[str, object]:
    """What the institution's own registry records of a report.

    It holds the citizen's name and contact: it goes only to the registry,
    and is never logged.
    """
    return {
        "direction": "incoming",
        "report_id": report.pk,
        "institution": report.institution.slug,
        "category": report.category.name,
        "text": report.description,
        "location": {"lat": report.location.y, "lon": report.location.x},
        "address": report.address,
        "received_at": report.created_at.isoformat(),
        "author": {
            "name": report.petitioner.full_name,
            "email": report.petitioner.email,
            "phone": report.petitioner.phone,
        },
    }


def outgoing_payload(resolution: "Resolution") -> dict[str, object]:
    """What the registry records of an answer, the document included.

    The addressee is the citizen: this goes only to the registry.
    """
    report = resolution.report
    with resolution.document.open("rb") as document:
        content = base64.b64encode(document.read()).decode("ascii")
    return {
        "direction": "outgoing",
        "report_id": report.pk,
        "institution": report.institution.slug,
        "in_reply_to": report.registry_number,
        "outcome": resolution.outcome,
        "summary": resolution.summary,
        "issued_at": resolution.issued_at.isoformat(),
        "addressee": {
            "name": report.petitioner.full_name,
            "email": report.petitioner.email,
        },
        "document": {
            "name": f"raspuns-{report.pk}.pdf",
            "content_type": "application/pdf",
            "base64": content,
        },
    }


def config_for(institution: Institution) -> RegistryConfig | None:
    return RegistryConfig.objects.filter(institution=institution).first()


def register_for(institution: Institution) -> Register:
    config = config_for(institution)
    if config is not None and config.adapter == Adapter.HTTP:
        return HttpRegister(config)
    if config is not None and config.adapter == Adapter.EMAIL:
        return EmailRegister(config)
    return BuiltinRegister(institution)
