"""The filters as SQL, and the reading of aggregate rows.

The dashboards aggregate in PostgreSQL, over the facts table
(dashboards.facts): counting a million rows in Python would take seconds.
Every condition comes from dashboards.filters and is passed as a
parameter, never pasted into the text.
"""

from collections.abc import Sequence
from typing import Any

from django.db import connection, transaction

from dashboards.filters import Filters

# The legal days and the working hours are Romanian, whatever the server's
# time zone: every date is cut in this zone.
LOCAL = "Europe/Bucharest"


def report_conditions(filters: Filters, alias: str = "f") -> tuple[str, list[Any]]:
    """The WHERE clause of the filters other than the period, on the facts."""
    clauses = [f"{alias}.institution_id = %s"]
    params: list[Any] = [filters.institution.pk]
    if filters.category is not None:
        clauses.append(f"{alias}.category_id = %s")
        params.append(filters.category.pk)
    if filters.department is not None:
        clauses.append(f"{alias}.department_id = %s")
        params.append(filters.department.pk)
    if filters.zone is not None:
        clauses.append(f"{alias}.zone_id = %s")
        params.append(filters.zone.pk)
    elif filters.outside_zones:
        clauses.append(f"{alias}.zone_id IS NULL")
    return " AND ".join(clauses), params


# Medians sort their group: with the default 4 MB a year of reports spills
# to disk. JIT compiling costs more than it saves on queries of this size,
# and parallel workers, waited for on a busy server, more than they give:
# each page view keeps to one core and leaves the others to other users.
SESSION = (
    "SET LOCAL work_mem = '64MB'; SET LOCAL jit = off;"
    " SET LOCAL max_parallel_workers_per_gather = 0"
)


def fetch(query: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(SESSION)
        cursor.execute(query, params)
        return list(cursor.fetchall())


def is_supported() -> bool:
    """The dashboards need PostgreSQL's aggregates; SpatiaLite has none."""
    return connection.vendor == "postgresql"
