from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from demo.loading import load_demo
from registratura.models import Direction, RegisterCounter
from reports.models import EventKind, Report

# Half a year back from February reaches into the year before.
FEBRUARY = datetime(2026, 2, 10, 12, 0, tzinfo=ZoneInfo("Europe/Bucharest"))


@pytest.mark.mainflow
@pytest.mark.django_db
def test_load_demo_numbers_reports_within_the_year_they_are_dated_in():
    institution = load_demo(now=FEBRUARY, report_count=40)

    reports = Report.objects.filter(institution=institution).order_by("registered_at")
    numbers = [report.registry_number for report in reports]
    counters = set(
        RegisterCounter.objects.filter(
            institution=institution, direction=Direction.INCOMING
        ).values_list("year", "last_number")
    )
    last_of_2025 = sum(report.registered_at.year == 2025 for report in reports)
    assert numbers[0] == "1/2025"
    assert numbers[last_of_2025 - 1] == f"{last_of_2025}/2025"
    assert numbers[last_of_2025] == "1/2026"
    assert counters == {(2025, last_of_2025), (2026, len(numbers) - last_of_2025)}
    registered = reports.last().events.get(kind=EventKind.REGISTERED)
    assert registered.text.endswith(f" {numbers[-1]}.")
