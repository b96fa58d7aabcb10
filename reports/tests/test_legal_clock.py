from datetime import UTC, date, datetime

import pytest
from django.utils import timezone

from institutions.models import Institution
from reports import legal_clock, workflow

BUCHAREST = legal_clock.LEGAL_TIME_ZONE

pytestmark = pytest.mark.mainflow


def _registered(*moment: int) -> datetime:
    """A moment of registration, in Bucharest time."""
    return datetime(*moment, tzinfo=BUCHAREST)


@pytest.fixture
def thirty_days() -> Institution:
    return Institution(name="Primăria", answer_term_days=30)


@pytest.mark.parametrize(
    ("year", "easter"),
    [
        (2021, date(2021, 5, 2)),
        (2023, date(2023, 4, 16)),
        (2024, date(2024, 5, 5)),
        (2025, date(2025, 4, 20)),
        (2026, date(2026, 4, 12)),
        (2027, date(2027, 5, 2)),
        (2028, date(2028, 4, 16)),
    ],
)
def test_orthodox_easter_known_years(year, easter):
    assert legal_clock.orthodox_easter(year) == easter


def test_orthodox_easter_outside_the_computed_centuries_refused():
    with pytest.raises(ValueError):
        legal_clock.orthodox_easter(2100)


def test_public_holidays_2026_all_of_them():
    holidays = legal_clock.public_holidays(2026)

    # Rusalii Monday falls on 1 June, Children's Day, in 2026.
    assert sorted(holidays) == [
        date(2026, 1, 1),
        date(2026, 1, 2),
        date(2026, 1, 6),
        date(2026, 1, 7),
        date(2026, 1, 24),
        date(2026, 4, 10),
        date(2026, 4, 12),
        date(2026, 4, 13),
        date(2026, 5, 1),
        date(2026, 5, 31),
        date(2026, 6, 1),
        date(2026, 8, 15),
        date(2026, 11, 30),
        date(2026, 12, 1),
        date(2026, 12, 25),
        date(2026, 12, 26),
    ]


def test_public_holidays_epiphany_only_from_2024():
    assert date(2023, 1, 6) not in legal_clock.public_holidays(2023)
    assert date(2024, 1, 6) in legal_clock.public_holidays(2024)


def test_is_working_day_weekend_and_holiday_not():
    assert legal_clock.is_working_day(date(2026, 3, 6))  # a Friday
    assert not legal_clock.is_working_day(date(2026, 3, 7))  # Saturday
    assert not legal_clock.is_working_day(date(2026, 3, 8))  # Sunday
    assert not legal_clock.is_working_day(date(2026, 12, 1))  # a Tuesday


@pytest.mark.parametrize(
    ("registered", "due"),
    [
        # Across the end of a 28-day February.
        (_registered(2026, 1, 31, 10, 0), date(2026, 3, 2)),
        # Onto the leap day.
        (_registered(2028, 1, 30, 10, 0), date(2028, 2, 29)),
        # A Saturday moves to Monday.
        (_registered(2026, 2, 5, 10, 0), date(2026, 3, 9)),
        # Orthodox Easter Monday 2027 moves to Tuesday.
        (_registered(2027, 4, 3, 10, 0), date(2027, 5, 4)),
        # Christmas, then Saint Stephen's and a Sunday: to Monday the 28th.
        (_registered(2026, 11, 25, 10, 0), date(2026, 12, 28)),
        # The national day, a Tuesday, moves to Wednesday.
        (_registered(2026, 11, 1, 10, 0), date(2026, 12, 2)),
        # Saint Andrew's Monday, then the national day: to Wednesday.
        (_registered(2026, 10, 31, 10, 0), date(2026, 12, 2)),
    ],
)
def test_due_date_for_moves_to_the_next_working_day(thirty_days, registered, due):
    assert workflow.due_date_for(thirty_days, registered) == due


def test_due_date_for_counts_from_the_day_in_bucharest(thirty_days):
    # Sunday 1 February 2026, 23:30 in Bucharest is 21:30 UTC the same day;
    # Monday 00:30 in Bucharest is still Sunday 22:30 in UTC.
    sunday_late = _registered(2026, 2, 1, 23, 30)
    monday_early = datetime(2026, 2, 1, 22, 30, tzinfo=UTC)

    with timezone.override("UTC"):
        from_sunday = workflow.due_date_for(thirty_days, sunday_late)
        from_monday = workflow.due_date_for(thirty_days, monday_early)

    assert from_sunday == date(2026, 3, 3)
    assert from_monday == date(2026, 3, 4)


def test_due_date_for_extra_days_are_calendar_days(thirty_days):
    due = workflow.due_date_for(
        thirty_days, _registered(2026, 1, 31, 10, 0), extra_days=5
    )

    # 31 January + 35 days is Saturday 7 March.
    assert due == date(2026, 3, 9)
