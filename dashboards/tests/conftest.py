"""A small city whose figures are computed by hand in the tests.

Reports are written directly with their timeline, at chosen Romanian
moments: the workflow would stamp them with the present. The period of
the tests is the first quarter of 2026 (winter time, UTC+2, until 29 March;
summer time, UTC+3, after).

- E 2025-01-15 10:00, potholes, Centru: resolved (fixed) 2025-01-30.
- F 2025-12-20 10:00, potholes, Centru: resolved (fixed) 2026-01-05,
  due 2026-01-19.
- A 2026-01-10 09:00, potholes, Centru: published 6 h later, assigned 18 h
  after that, resolved (fixed) 2026-01-20 09:00, due 2026-02-10.
- B 2026-01-25 23:30, a Sunday, parks, Mănăștur: published 01-27 11:30,
  resolved (refused) 03-05 23:30, due 02-24: late.
- C 2026-02-03 12:00, potholes, outside the zones: rejected 02-04 12:00.
- D 2026-02-14 08:00, potholes, Centru: published 10:00, assigned 02-15
  16:00, still open, due 03-16.
- I 2026-03-01 00:30 (Saturday 22:30 UTC), parks, Mănăștur: only
  submitted, not routed.
- H 2026-03-30 00:30 (Sunday 21:30 UTC), potholes, Centru: registered,
  open, due 04-29.

A, C, D and H are at the same place (Piața Unirii); B, I elsewhere.
"""

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.contrib.gis.geos import MultiPolygon, Point, Polygon

from dashboards import facts
from dashboards.filters import Filters
from reports.models import Event, Outcome, Report, Resolution, Status
from zones.models import Zone

BUCHAREST = ZoneInfo("Europe/Bucharest")
UNIRII = Point(23.5899, 46.7694, srid=4326)
MANASTUR = Point(23.5450, 46.7560, srid=4326)


def local(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=BUCHAREST)


@dataclass
class City:
    reports: dict[str, Report]
    centre: Zone
    manastur: Zone

    def filters(self, **changes: object) -> Filters:
        values: dict[str, object] = {
            "institution": self.centre.institution,
            "start": date(2026, 1, 1),
            "end": date(2026, 3, 31),
        }
        values.update(changes)
        return Filters(**values)  # type: ignore[arg-type]


def _zone(institution, name, box) -> Zone:
    return Zone.objects.create(
        institution=institution,
        name=name,
        area=MultiPolygon(Polygon.from_bbox(box), srid=4326),
    )


class Maker:
    def __init__(self, citizen, clerk):
        self.citizen = citizen
        self.clerk = clerk

    def report(
        self,
        received: str,
        *,
        category,
        zone,
        place=UNIRII,
        status=Status.SUBMITTED,
        events=(),
        outcome=None,
        due=None,
    ) -> Report:
        created = local(received)
        report = Report.objects.create(
            institution=category.institution,
            author=self.citizen,
            category=category,
            location=place,
            address="Piața Unirii 1" if place == UNIRII else "Strada Primăverii 2",
            description="Descriere.",
            status=status,
            department=(
                category.routing_rule.department if status != Status.SUBMITTED else None
            ),
            zone=zone,
            created_at=created,
            registered_at=created,
            due_date=date.fromisoformat(due) if due else None,
        )
        Event.objects.create(report=report, kind="submitted", created_at=created)
        for kind, moment in events:
            Event.objects.create(report=report, kind=kind, created_at=local(moment))
            if kind == "published":
                report.published_at = local(moment)
            if kind == "resolved":
                report.resolved_at = local(moment)
        report.save()
        if outcome:
            report.resolution = Resolution.objects.create(
                report=report,
                outcome=outcome,
                summary="Rezolvat.",
                document="private/resolutions/raspuns.pdf",
                issued_by=self.clerk,
                issued_at=report.resolved_at,
            )
            report.save(update_fields=["resolution"])
        return report


@pytest.fixture
def city(institution, potholes, parks, citizen, clerk) -> City:
    return build_city(institution, potholes, parks, citizen, clerk)


def build_city(institution, potholes, parks, citizen, clerk) -> City:
    """The reports of the table above, and their facts."""
    centre = _zone(institution, "Centru", (23.57, 46.76, 23.61, 46.78))
    manastur = _zone(institution, "Mănăștur", (23.52, 46.74, 23.56, 46.765))
    make = Maker(citizen, clerk)
    resolved = Status.RESOLVED
    reports = {
        "E": make.report(
            "2025-01-15 10:00",
            category=potholes,
            zone=centre,
            status=resolved,
            events=[("resolved", "2025-01-30 10:00")],
            outcome=Outcome.FIXED,
            due="2025-02-14",
        ),
        "F": make.report(
            "2025-12-20 10:00",
            category=potholes,
            zone=centre,
            status=resolved,
            events=[("resolved", "2026-01-05 10:00")],
            outcome=Outcome.FIXED,
            due="2026-01-19",
        ),
        "A": make.report(
            "2026-01-10 09:00",
            category=potholes,
            zone=centre,
            status=resolved,
            events=[
                ("published", "2026-01-10 15:00"),
                ("assigned", "2026-01-11 09:00"),
                ("resolved", "2026-01-20 09:00"),
            ],
            outcome=Outcome.FIXED,
            due="2026-02-10",
        ),
        "B": make.report(
            "2026-01-25 23:30",
            category=parks,
            zone=manastur,
            place=MANASTUR,
            status=resolved,
            events=[
                ("published", "2026-01-27 11:30"),
                ("resolved", "2026-03-05 23:30"),
            ],
            outcome=Outcome.REFUSED,
            due="2026-02-24",
        ),
        "C": make.report(
            "2026-02-03 12:00",
            category=potholes,
            zone=None,
            status=Status.REJECTED,
            events=[("rejected", "2026-02-04 12:00")],
        ),
        "D": make.report(
            "2026-02-14 08:00",
            category=potholes,
            zone=centre,
            status=Status.ASSIGNED,
            events=[
                ("published", "2026-02-14 10:00"),
                ("assigned", "2026-02-15 16:00"),
            ],
            due="2026-03-16",
        ),
        "I": make.report(
            "2026-03-01 00:30",
            category=parks,
            zone=manastur,
            place=MANASTUR,
        ),
        "H": make.report(
            "2026-03-30 00:30",
            category=potholes,
            zone=centre,
            status=Status.REGISTERED,
            due="2026-04-29",
        ),
    }
    facts.refresh()
    return City(reports=reports, centre=centre, manastur=manastur)
