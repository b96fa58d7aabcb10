"""Registry systems that give a report its number.

Every institution has a register; the workflow only knows this interface.
The built-in register is the one an institution without a document
registry system uses, and the demo's.
"""

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Protocol

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from institutions.models import Institution

if TYPE_CHECKING:
    from reports.models import Report
from registratura.models import Direction, RegisterCounter


@dataclass(frozen=True)
class RegistryEntry:
    number: str
    registered_at: datetime


class Register(Protocol):
    def register_incoming(self, report: "Report") -> RegistryEntry: ...


class BuiltinRegister:
    """Numbers per institution and year, gap-free under concurrency.

    The counter is incremented inside the caller's transaction, so a
    registration that rolls back gives its number back, and concurrent ones
    queue on the counter's row lock.
    """

    def __init__(self, institution: Institution):
        self.institution = institution

    def register_incoming(self, report: "Report") -> RegistryEntry:
        now = timezone.now()
        number = self._next_number(timezone.localdate(now).year, Direction.INCOMING)
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


def register_for(institution: Institution) -> Register:
    return BuiltinRegister(institution)
