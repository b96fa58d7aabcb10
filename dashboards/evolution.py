"""How the reports evolve: received, resolved and open, per week or month.

A report is open from the day it is received until the day it is closed:
resolved, rejected, forwarded or joined (dashboards.facts keeps that day).
The open count at the end of each week or month is the count at the start
of the period plus what came in minus what was closed, so only the
period's rows are grouped.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from dashboards.filters import MONTH, Filters
from dashboards.sql import fetch, report_conditions
from dashboards.tables import Table


@dataclass
class Series:
    buckets: list[date]
    received: list[int]
    resolved: list[int]
    open: list[int]


@dataclass
class Evolution:
    current: Series
    year_before: Series
    table: Table
    breakdown: Table


def bucket_starts(filters: Filters) -> list[date]:
    """The first day of every week (Monday) or month the period touches."""
    if filters.granularity == MONTH:
        day = filters.start.replace(day=1)
    else:
        day = filters.start - timedelta(days=filters.start.weekday())
    starts = []
    while day <= filters.end:
        starts.append(day)
        if filters.granularity == MONTH:
            day = (day.replace(day=28) + timedelta(days=4)).replace(day=1)
        else:
            day += timedelta(days=7)
    return starts


def _bucket(column: str, granularity: str) -> str:
    unit = "month" if granularity == MONTH else "week"
    return f"date_trunc('{unit}', {column}::timestamp)::date"


def by_zone(filters: Filters) -> bool:
    """Whether the figures need the facts: the day counts know no zones."""
    return filters.zone is not None or filters.outside_zones


def series(filters: Filters) -> Series:
    """Received, resolved and open per bucket of the filtered period."""
    if not by_zone(filters):
        return _series_from_days(filters)

    where, params = report_conditions(filters)
    span = [filters.start, filters.end]

    open_at_start = fetch(
        f"""SELECT count(*) FROM dashboards_reportfact f
        WHERE {where} AND f.received_on < %s
          AND (f.is_open OR f.closed_on >= %s)""",
        [*params, filters.start, filters.start],
    )[0][0]
    counts = fetch(
        f"""SELECT 'received', {_bucket("f.received_on", filters.granularity)},
            count(*)
            FROM dashboards_reportfact f
            WHERE {where} AND f.received_on BETWEEN %s AND %s
            GROUP BY 2
        UNION ALL
        SELECT 'closed', {_bucket("f.closed_on", filters.granularity)}, count(*)
            FROM dashboards_reportfact f
            WHERE {where} AND f.closed_on BETWEEN %s AND %s
            GROUP BY 2
        UNION ALL
        SELECT 'resolved', {_bucket("f.resolved_on", filters.granularity)},
            count(*)
            FROM dashboards_reportfact f
            WHERE {where} AND f.resolved_on BETWEEN %s AND %s
            GROUP BY 2""",
        [*params, *span, *params, *span, *params, *span],
    )
    return _cumulate(bucket_starts(filters), open_at_start, counts)


def _series_from_days(filters: Filters) -> Series:
    where, params = report_conditions(filters, alias="c")
    bucket = _bucket("c.day", filters.granularity)
    rows = fetch(
        f"""SELECT NULL, coalesce(sum(c.received) - sum(c.closed), 0), 0, 0
        FROM dashboards_daycount c WHERE {where} AND c.day < %s
        UNION ALL
        SELECT {bucket}, sum(c.received), sum(c.closed), sum(c.resolved)
        FROM dashboards_daycount c
        WHERE {where} AND c.day BETWEEN %s AND %s
        GROUP BY 1""",
        [*params, filters.start, *params, filters.start, filters.end],
    )
    open_at_start = sum(row[1] for row in rows if row[0] is None)
    counts: list[tuple[Any, ...]] = []
    for day, received, closed, resolved in rows:
        if day is not None:
            counts += [
                ("received", day, received),
                ("closed", day, closed),
                ("resolved", day, resolved),
            ]
    return _cumulate(bucket_starts(filters), open_at_start, counts)


def _cumulate(
    buckets: list[date], open_at_start: int, counts: list[tuple[Any, ...]]
) -> Series:
    index = {bucket: position for position, bucket in enumerate(buckets)}
    received = [0] * len(buckets)
    resolved = [0] * len(buckets)
    closed = [0] * len(buckets)
    for kind, bucket, count in counts:
        target = {"received": received, "resolved": resolved, "closed": closed}[kind]
        target[index[bucket]] += count

    # Every resolved report is also closed: only "closed" leaves the count.
    still_open, running = [], open_at_start
    for position in range(len(buckets)):
        running += received[position] - closed[position]
        still_open.append(running)
    return Series(buckets, received, resolved, still_open)


def evolution(filters: Filters, by: str) -> Evolution:
    current = series(filters)
    before = series(filters.year_before())
    return Evolution(
        current=current,
        year_before=before,
        table=_evolution_table(filters, current, before),
        breakdown=breakdown(filters, by),
    )


def bucket_label(bucket: date, granularity: str) -> str:
    if granularity == MONTH:
        return bucket.strftime("%Y-%m")
    return bucket.isoformat()


def _evolution_table(filters: Filters, current: Series, before: Series) -> Table:
    table = Table(
        slug="evolution",
        title=_("Received, resolved and open"),
        columns=[
            _("Week from") if filters.granularity != MONTH else _("Month"),
            pgettext_lazy("figures", "Received"),
            _("Received a year before"),
            pgettext_lazy("figures", "Resolved"),
            _("Resolved a year before"),
            _("Open at the end"),
            _("Open at the end, a year before"),
        ],
        note=_(
            "Open: received and neither resolved, rejected, forwarded nor "
            "joined at the end of the week or month."
        ),
    )
    for position, bucket in enumerate(current.buckets):
        earlier = position < len(before.buckets)
        table.rows.append(
            [
                bucket_label(bucket, filters.granularity),
                current.received[position],
                before.received[position] if earlier else None,
                current.resolved[position],
                before.resolved[position] if earlier else None,
                current.open[position],
                before.open[position] if earlier else None,
            ]
        )
    return table


BREAKDOWNS = {
    "category": (
        _("Category"),
        "institutions_category d ON d.id = f.category_id",
        _("No category"),
    ),
    "department": (
        _("Department"),
        "institutions_department d ON d.id = f.department_id",
        _("Not routed yet"),
    ),
    "zone": (
        _("Zone"),
        "zones_zone d ON d.id = f.zone_id",
        _("Outside the zones"),
    ),
}
BREAKDOWN_TITLES = {
    "category": _("Received in the period, per category"),
    "department": _("Received in the period, per department"),
    "zone": _("Received in the period, per zone"),
}
IN_PERIOD = "f.received_on BETWEEN %s AND %s"


def breakdown(filters: Filters, by: str) -> Table:
    """Received, resolved and still open per category, department or zone."""
    by = by if by in BREAKDOWNS else "category"
    label, join, missing = BREAKDOWNS[by]
    now = [filters.start, filters.end]
    before = [filters.year_before().start, filters.year_before().end]
    if by == "zone" or by_zone(filters):
        rows = _breakdown_from_facts(filters, join, now, before)
    else:
        rows = _breakdown_from_days(filters, join, now, before)

    table = Table(
        slug=f"by-{by}",
        title=BREAKDOWN_TITLES[by],
        columns=[
            label,
            pgettext_lazy("figures", "Received"),
            _("Received a year before"),
            pgettext_lazy("figures", "Change"),
            _("Of them resolved"),
            _("Of them still open"),
        ],
    )
    for name, received, earlier, resolved, still_open in rows:
        table.rows.append(
            [
                name if name is not None else str(missing),
                received,
                earlier,
                _change(received, earlier),
                resolved,
                still_open,
            ]
        )
    return table


def _breakdown_from_facts(
    filters: Filters, join: str, now: list[date], before: list[date]
) -> list[tuple[Any, ...]]:
    where, params = report_conditions(filters)
    return fetch(
        f"""SELECT d.name,
            count(*) FILTER (WHERE {IN_PERIOD}),
            count(*) FILTER (WHERE {IN_PERIOD}),
            count(*) FILTER (WHERE {IN_PERIOD} AND f.resolved_on IS NOT NULL),
            count(*) FILTER (WHERE {IN_PERIOD} AND f.is_open)
        FROM dashboards_reportfact f LEFT JOIN {join}
        WHERE {where} AND (({IN_PERIOD}) OR ({IN_PERIOD}))
        GROUP BY 1 ORDER BY 2 DESC, 1""",
        [*now, *before, *now, *now, *params, *now, *before],
    )


def _breakdown_from_days(
    filters: Filters, join: str, now: list[date], before: list[date]
) -> list[tuple[Any, ...]]:
    where, params = report_conditions(filters, alias="c")
    in_period = "c.day BETWEEN %s AND %s"
    return fetch(
        f"""SELECT d.name,
            coalesce(sum(c.received) FILTER (WHERE {in_period}), 0),
            coalesce(sum(c.received) FILTER (WHERE {in_period}), 0),
            coalesce(sum(c.received_now_resolved) FILTER (WHERE {in_period}), 0),
            coalesce(sum(c.received_now_open) FILTER (WHERE {in_period}), 0)
        FROM dashboards_daycount c LEFT JOIN {join.replace("f.", "c.")}
        WHERE {where} AND (({in_period}) OR ({in_period}))
        GROUP BY 1 HAVING sum(c.received) > 0 ORDER BY 2 DESC, 1""",
        [*now, *before, *now, *now, *params, *now, *before],
    )


def _change(now: int, before: int) -> str:
    if not before:
        return "–"
    return f"{(now - before) * 100 / before:+.0f}%"
