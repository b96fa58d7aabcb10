"""When the reports come: weekday by hour, and the busiest weeks.

Days and hours are Romanian: a report sent at 23:30 on a Sunday in
Bucharest (21:30 UTC in summer) is a Sunday report, at hour 23.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from dashboards.filters import Filters
from dashboards.sql import fetch, report_conditions
from dashboards.tables import Table

BUSIEST_WEEKS = 10
HEAT_CLASSES = 6


@dataclass
class WeekHours:
    # counts[weekday][hour], Monday = 0.
    counts: list[list[int]]
    heat: list[list[int]]
    table: Table

    @property
    def cells(self) -> list[tuple[str, list[tuple[int, int]], int]]:
        """Per weekday: its name, (count, heat class) per hour, and its total."""
        return [
            (
                str(WEEKDAYS[weekday]),
                list(zip(day, self.heat[weekday], strict=True)),
                sum(day),
            )
            for weekday, day in enumerate(self.counts)
        ]


@dataclass
class Busy:
    week_hours: WeekHours
    busiest_weeks: Table


def week_hours(filters: Filters) -> WeekHours:
    where, params = report_conditions(filters)
    rows = fetch(
        f"""SELECT extract(isodow FROM f.received_on)::int, f.received_hour,
            count(*)
        FROM dashboards_reportfact f
        WHERE {where} AND f.received_on BETWEEN %s AND %s
        GROUP BY 1, 2""",
        [*params, filters.start, filters.end],
    )
    counts = [[0] * 24 for _day in range(7)]
    for weekday, hour, count in rows:
        counts[weekday - 1][hour] = count

    highest = max(max(day) for day in counts)
    heat = [[_heat(count, highest) for count in day] for day in counts]
    table = Table(
        slug="weekday-hour",
        title=_("Reports received per weekday and hour"),
        columns=[_("Day"), *(f"{hour:02d}" for hour in range(24)), _("Total")],
        note=_("Hours in Romania's time (Europe/Bucharest)."),
    )
    for weekday, day in enumerate(counts):
        table.rows.append([str(WEEKDAYS[weekday]), *day, sum(day)])
    return WeekHours(counts=counts, heat=heat, table=table)


def _heat(count: int, highest: int) -> int:
    if not count or not highest:
        return 0
    return 1 + min(HEAT_CLASSES - 2, int(count / highest * (HEAT_CLASSES - 1)))


def busiest_weeks(filters: Filters) -> Table:
    where, params = report_conditions(filters)
    rows = fetch(
        f"""SELECT date_trunc('week', f.received_on::timestamp)::date, count(*)
        FROM dashboards_reportfact f
        WHERE {where} AND f.received_on BETWEEN %s AND %s
        GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT %s""",
        [*params, filters.start, filters.end, BUSIEST_WEEKS],
    )
    table = Table(
        slug="busiest-weeks",
        title=_("The busiest weeks"),
        columns=[
            _("Week"),
            pgettext_lazy("start of a period", "From"),
            pgettext_lazy("end of a period", "To"),
            _("Reports"),
        ],
    )
    for monday, count in rows:
        table.rows.append(
            [_iso_week(monday), monday.isoformat(), _sunday(monday), count]
        )
    return table


def _iso_week(monday: date) -> str:
    year, week, _weekday = monday.isocalendar()
    return f"{year}-W{week:02d}"


def _sunday(monday: date) -> str:
    return (monday + timedelta(days=6)).isoformat()


def busy(filters: Filters) -> Busy:
    return Busy(week_hours=week_hours(filters), busiest_weeks=busiest_weeks(filters))
