"""The work of the administration: backlog, durations, terms and outcomes.

Durations come from the timeline (reports.Event), through the facts
(dashboards.facts): submitted to published, published to assigned,
submitted to resolved. The legal term is met when the resolution was
issued on or before the due date, both as Romanian days.
"""

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from dashboards.filters import Filters
from dashboards.sql import LOCAL, fetch, report_conditions
from dashboards.tables import Cell, Table
from reports.models import Outcome, Satisfaction, Status
from reports.satisfaction import ASKED_OUTCOMES

if TYPE_CHECKING:
    from django_stubs_ext import StrPromise

# Age bands of the backlog, in days since the report was received.
AGE_BANDS = ((0, 7), (8, 15), (16, 30), (31, 45), (46, None))


@dataclass
class Work:
    backlog: Table
    durations_by_department: Table
    durations_by_category: Table
    within_term: Table
    within_term_by_department: Table
    outcomes: Table
    satisfaction: Table


def _band_label(low: int, high: int | None) -> str:
    if high is None:
        return str(_("over %(days)s days") % {"days": low - 1})
    return str(_("%(low)s–%(high)s days") % {"low": low, "high": high})


def backlog(filters: Filters, today: date | None = None) -> Table:
    """The reports open now, per department, by age."""
    today = today or timezone.localdate()
    where, params = report_conditions(filters)
    age = "(%s::date - f.received_on)"
    bands = ", ".join(
        f"count(*) FILTER (WHERE {age} >= {low}"
        + (f" AND {age} <= {high})" if high is not None else ")")
        for low, high in AGE_BANDS
    )
    band_params = [
        today for low, high in AGE_BANDS for _n in range(1 if high is None else 2)
    ]
    rows = fetch(
        f"""SELECT d.name, count(*), {bands},
            count(*) FILTER (WHERE f.due_date < %s),
            max({age}),
            percentile_cont(0.5) WITHIN GROUP (ORDER BY {age})
        FROM dashboards_reportfact f
            LEFT JOIN institutions_department d ON d.id = f.department_id
        WHERE {where} AND f.is_open
        GROUP BY ROLLUP (d.name) ORDER BY GROUPING(d.name), 2 DESC, 1""",
        [*band_params, today, today, today, *params],
    )
    table = Table(
        slug="backlog",
        title=_("Open reports now, by age"),
        columns=[
            _("Department"),
            pgettext_lazy("figures", "Open"),
            *(_band_label(low, high) for low, high in AGE_BANDS),
            _("Past the due date"),
            _("Oldest (days)"),
            _("Median age (days)"),
        ],
    )
    for name, total, *bands_and_rest in rows:
        *counts, overdue, oldest, median = bands_and_rest
        table.rows.append(
            [
                _department_label(name, is_total=len(table.rows) == len(rows) - 1),
                total,
                *counts,
                overdue,
                oldest,
                _round(median),
            ]
        )
    return table


def _department_label(name: str | None, *, is_total: bool) -> str:
    if is_total and name is None:
        return str(pgettext_lazy("total row", "All"))
    return name if name is not None else str(_("Not routed yet"))


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


STEPS = ("publish", "assign", "resolve")


def durations(filters: Filters) -> tuple[Table, Table]:
    """Median and 90th percentile of each step, in days, per department and
    per category, for the reports received in the period.

    One pass computes both: sorting the durations is the cost, not reading.
    """
    where, params = report_conditions(filters)
    figures = ", ".join(
        f"count(f.{name}_days), percentile_cont(ARRAY[0.5, 0.9])"
        f" WITHIN GROUP (ORDER BY f.{name}_days)"
        for name in STEPS
    )
    rows = fetch(
        f"""SELECT GROUPING(d.name), GROUPING(c.name), d.name, c.name,
            count(*), {figures}
        FROM dashboards_reportfact f
            LEFT JOIN institutions_department d ON d.id = f.department_id
            LEFT JOIN institutions_category c ON c.id = f.category_id
        WHERE {where} AND f.received_on BETWEEN %s AND %s
        GROUP BY GROUPING SETS ((d.name), (c.name), ())
        ORDER BY 5 DESC, 3, 4""",
        [*params, filters.start, filters.end],
    )

    by_department = _durations_table("department")
    by_category = _durations_table("category")
    total: list[Cell] = []
    for no_department, no_category, department, category, count, *steps in rows:
        values: list[Cell] = [count]
        for index in range(0, len(steps), 2):
            counted, (median, p90) = steps[index], steps[index + 1] or (None, None)
            values += [counted, _round(median), _round(p90)]
        if no_department and no_category:
            total = [str(pgettext_lazy("total row", "All")), *values]
        elif no_category:
            by_department.rows.append(
                [_department_label(department, is_total=False), *values]
            )
        else:
            by_category.rows.append([category, *values])
    if total:
        by_department.rows.append(total)
        by_category.rows.append(list(total))
    return by_department, by_category


def _durations_table(by: str) -> Table:
    return Table(
        slug=f"durations-by-{by}",
        title=(
            _("Time to publish, assign and resolve, per department")
            if by == "department"
            else _("Time to publish, assign and resolve, per category")
        ),
        columns=[
            _("Department") if by == "department" else _("Category"),
            _("Reports received"),
            _("Published"),
            _("Days to publish, median"),
            _("Days to publish, 90th percentile"),
            _("Assigned"),
            _("Days to assign, median"),
            _("Days to assign, 90th percentile"),
            pgettext_lazy("figures", "Resolved"),
            _("Days to resolve, median"),
            _("Days to resolve, 90th percentile"),
        ],
        note=_(
            "For the reports received in the period, from their timeline: "
            "publishing from submission, assignment from publishing, "
            "resolution from submission to the latest answer (a reopened "
            "report is resolved when answered again)."
        ),
    )


def within_term(filters: Filters) -> Table:
    """Per month of the answer: answers, of them on time, and the share."""
    where, params = report_conditions(filters)
    rows = fetch(
        f"""SELECT date_trunc('month', f.resolved_on::timestamp)::date AS month,
            count(*), count(*) FILTER (WHERE f.within_term)
        FROM dashboards_reportfact f
        WHERE {where} AND f.resolved_on BETWEEN %s AND %s
        GROUP BY ROLLUP (1) ORDER BY 1 NULLS LAST""",
        [*params, filters.start, filters.end],
    )
    table = _term_table("within-term", _("Month of the answer"))
    for month, answered, on_time in rows:
        label = (
            month.strftime("%Y-%m") if month else str(pgettext_lazy("total row", "All"))
        )
        table.rows.append([label, answered, on_time, _share(on_time, answered)])
    return table


def within_term_by_department(filters: Filters) -> Table:
    where, params = report_conditions(filters)
    rows = fetch(
        f"""SELECT d.name, count(*), count(*) FILTER (WHERE f.within_term)
        FROM dashboards_reportfact f
            LEFT JOIN institutions_department d ON d.id = f.department_id
        WHERE {where} AND f.resolved_on BETWEEN %s AND %s
        GROUP BY 1 ORDER BY 2 DESC, 1""",
        [*params, filters.start, filters.end],
    )
    table = _term_table("within-term-by-department", _("Department"))
    for name, answered, on_time in rows:
        table.rows.append(
            [
                _department_label(name, is_total=False),
                answered,
                on_time,
                _share(on_time, answered),
            ]
        )
    return table


def _term_table(slug: str, first: "str | StrPromise") -> Table:
    return Table(
        slug=slug,
        title=_("Answered within the legal term"),
        columns=[
            first,
            pgettext_lazy("figures", "Answered"),
            _("Within the term"),
            _("Share"),
        ],
        note=_(
            "Resolutions issued in the period; on time when issued on or "
            "before the due date (with its extension, if any), in Romania's days."
        ),
    )


def _share(part: int, whole: int) -> float | None:
    return round(part * 100 / whole, 1) if whole else None


FINAL_STATES = (
    *((f"outcome:{outcome.value}", outcome.label) for outcome in Outcome),
    (f"status:{Status.REJECTED}", pgettext_lazy("final state", "Rejected")),
    (f"status:{Status.FORWARDED}", pgettext_lazy("final state", "Forwarded")),
    (f"status:{Status.JOINED}", pgettext_lazy("final state", "Joined")),
    ("open", pgettext_lazy("final state", "Still open")),
)


def outcomes(filters: Filters) -> Table:
    """What became of the reports received in the period, one state each."""
    where, params = report_conditions(filters)
    rows = fetch(
        f"""SELECT f.state, count(*) FROM dashboards_reportfact f
        WHERE {where} AND f.received_on BETWEEN %s AND %s
        GROUP BY 1""",
        [*params, filters.start, filters.end],
    )
    counts = dict(rows)
    total = sum(counts.values())
    table = Table(
        slug="outcomes",
        title=_("What became of the reports received in the period"),
        columns=[_("State or outcome"), _("Reports"), _("Share")],
        note=_(
            "Each report once: its outcome when resolved, else how it was "
            "closed, else still open."
        ),
    )
    for key, label in FINAL_STATES:
        table.rows.append(
            [str(label), counts.get(key, 0), _share(counts.get(key, 0), total)]
        )
    table.rows.append(
        [str(pgettext_lazy("total row", "All")), total, 100.0 if total else None]
    )
    return table


def satisfaction(filters: Filters) -> Table:
    """Per department: the answers whose author is asked whether the problem
    is solved, how many were asked by e-mail, and what the authors said."""
    where, params = report_conditions(filters)
    rows = fetch(
        f"""SELECT d.name, count(*), count(s.satisfaction_asked_at),
            count(*) FILTER (WHERE s.satisfaction = %s),
            count(*) FILTER (WHERE s.satisfaction = %s)
        FROM reports_resolution s
            JOIN dashboards_reportfact f ON f.report_id = s.report_id
            LEFT JOIN institutions_department d ON d.id = f.department_id
        WHERE {where} AND s.outcome = ANY(%s)
            AND (s.issued_at AT TIME ZONE '{LOCAL}')::date BETWEEN %s AND %s
        GROUP BY ROLLUP (d.name) ORDER BY GROUPING(d.name), 2 DESC, 1""",
        [
            Satisfaction.SOLVED,
            Satisfaction.NOT_SOLVED,
            *params,
            [outcome.value for outcome in ASKED_OUTCOMES],
            filters.start,
            filters.end,
        ],
    )
    table = Table(
        slug="satisfaction",
        title=_("Is the problem solved? What the authors said"),
        columns=[
            _("Department"),
            _("Answers"),
            _("Asked by e-mail"),
            _("Solved"),
            _("Not solved (reopened)"),
            _("Share asked"),
            _("Share solved"),
            _("Share reopened"),
        ],
        note=_(
            "Answers issued in the period whose outcome asks the author "
            "(fixed, partly fixed, planned); each answer once, so a reopened "
            "report counts once per answer. The authors answer from the "
            "e-mail or on their report's page; shares are of the answers."
        ),
    )
    for name, answers, asked, solved, not_solved in rows:
        is_total = len(table.rows) == len(rows) - 1
        table.rows.append(
            [
                _department_label(name, is_total=is_total),
                answers,
                asked,
                solved,
                not_solved,
                _share(asked, answers),
                _share(solved, answers),
                _share(not_solved, answers),
            ]
        )
    return table


def work(filters: Filters) -> Work:
    by_department, by_category = durations(filters)
    return Work(
        backlog=backlog(filters),
        durations_by_department=by_department,
        durations_by_category=by_category,
        within_term=within_term(filters),
        within_term_by_department=within_term_by_department(filters),
        outcomes=outcomes(filters),
        satisfaction=satisfaction(filters),
    )
