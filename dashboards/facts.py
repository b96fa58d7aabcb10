"""The dashboards' copy of the reports, and keeping it current.

ReportFact holds one row per report with what the figures count; DayCount
sums them per Romanian day, category and department, for the dashboards
that need no zone.

Every change of a report writes an event to its timeline, and every new
report and event gets a higher id than the ones before. So the facts are
brought up to date from the reports and events with ids above the last
ones seen, plus a small overlap for transactions that took an id early
and committed late. The dashboards call refresh() before they count: when
nothing happened it costs two index lookups.

Changes made without an event (a bulk update, a zone import that
re-assigns reports) need rebuild(), which also runs as
`manage.py refresh_dashboard_facts --all`.
"""

import logging

from django.db import connection, transaction
from django.utils import timezone

from dashboards.models import FactsMark
from dashboards.sql import LOCAL, is_supported

logger = logging.getLogger(__name__)

# Ids taken by transactions still running when the facts were last
# refreshed may be smaller than the last id seen: look back this far.
OVERLAP = 50
OPEN = "('submitted', 'registered', 'published', 'assigned')"

UPSERT = f"""
INSERT INTO dashboards_reportfact (
    report_id, institution_id, category_id, department_id, zone_id,
    received_on, received_hour, closed_on, resolved_on, state, is_open,
    due_date, within_term, publish_days, assign_days, resolve_days,
    longitude, latitude)
SELECT r.id, r.institution_id, r.category_id, r.department_id, r.zone_id,
    (r.created_at AT TIME ZONE '{LOCAL}')::date,
    extract(hour FROM r.created_at AT TIME ZONE '{LOCAL}')::smallint,
    -- A closed report whose closing left no trace counts as closed at its
    -- last change, rather than open for ever.
    (CASE r.status
        WHEN 'resolved' THEN coalesce(r.resolved_at, m.resolved, r.updated_at)
        WHEN 'forwarded' THEN coalesce(r.forwarded_at, m.forwarded, r.updated_at)
        WHEN 'rejected' THEN coalesce(m.rejected, r.updated_at)
        WHEN 'joined' THEN coalesce(m.joined, r.updated_at)
     END AT TIME ZONE '{LOCAL}')::date,
    CASE WHEN r.status = 'resolved' THEN (
        coalesce(r.resolved_at, m.resolved, r.updated_at) AT TIME ZONE '{LOCAL}'
    )::date END,
    CASE WHEN r.status = 'resolved' THEN 'outcome:' || coalesce(s.outcome, '')
         WHEN r.status IN {OPEN} THEN 'open'
         ELSE 'status:' || r.status END,
    r.status IN {OPEN},
    r.due_date,
    CASE WHEN r.status = 'resolved' AND r.due_date IS NOT NULL
        THEN (r.resolved_at AT TIME ZONE '{LOCAL}')::date <= r.due_date END,
    extract(epoch FROM m.published - coalesce(m.submitted, r.created_at)) / 86400,
    extract(epoch FROM m.assigned - m.published) / 86400,
    -- To the latest answer: a reopened report is resolved when answered again.
    CASE WHEN r.status = 'resolved' THEN
        extract(epoch FROM m.resolved - coalesce(m.submitted, r.created_at)) / 86400
    END,
    ST_X(r.location), ST_Y(r.location)
FROM reports_report r
LEFT JOIN reports_resolution s ON s.id = r.resolution_id
LEFT JOIN LATERAL (
    SELECT
        min(e.created_at) FILTER (WHERE e.kind = 'submitted') AS submitted,
        min(e.created_at) FILTER (WHERE e.kind = 'published') AS published,
        min(e.created_at) FILTER (WHERE e.kind = 'assigned') AS assigned,
        max(e.created_at) FILTER (WHERE e.kind = 'resolved') AS resolved,
        max(e.created_at) FILTER (WHERE e.kind = 'rejected') AS rejected,
        max(e.created_at) FILTER (WHERE e.kind = 'forwarded') AS forwarded,
        max(e.created_at) FILTER (WHERE e.kind = 'joined') AS joined
    FROM reports_event e WHERE e.report_id = r.id
) m ON true
WHERE {{condition}}
ON CONFLICT (report_id) DO UPDATE SET
    institution_id = EXCLUDED.institution_id,
    category_id = EXCLUDED.category_id,
    department_id = EXCLUDED.department_id,
    zone_id = EXCLUDED.zone_id,
    received_on = EXCLUDED.received_on,
    received_hour = EXCLUDED.received_hour,
    closed_on = EXCLUDED.closed_on,
    resolved_on = EXCLUDED.resolved_on,
    state = EXCLUDED.state,
    is_open = EXCLUDED.is_open,
    due_date = EXCLUDED.due_date,
    within_term = EXCLUDED.within_term,
    publish_days = EXCLUDED.publish_days,
    assign_days = EXCLUDED.assign_days,
    resolve_days = EXCLUDED.resolve_days,
    longitude = EXCLUDED.longitude,
    latitude = EXCLUDED.latitude
-- A rebuild rewrites only the rows that changed.
WHERE (dashboards_reportfact.*) IS DISTINCT FROM (EXCLUDED.*)
"""

# The reports created or given an event since the last refresh.
CHANGED = """
CREATE TEMPORARY TABLE dashboards_changed ON COMMIT DROP AS
SELECT id FROM reports_report WHERE id > %s
UNION SELECT report_id FROM reports_event WHERE id > %s
"""
CHANGED_CONDITION = "r.id IN (SELECT id FROM dashboards_changed)"

# The days whose counts a change touches: the days the changed reports
# were received, closed and resolved, before and after the change.
AFFECTED = """
INSERT INTO dashboards_affected
SELECT DISTINCT f.institution_id, v.day
FROM dashboards_reportfact f
    CROSS JOIN LATERAL (VALUES (f.received_on), (f.closed_on), (f.resolved_on))
        AS v(day)
WHERE f.report_id IN (SELECT id FROM dashboards_changed) AND v.day IS NOT NULL
"""

COUNT_DAYS = """
INSERT INTO dashboards_daycount (
    institution_id, day, category_id, department_id, received, closed,
    resolved, received_now_resolved, received_now_open)
SELECT institution_id, day, category_id, department_id, sum(received),
    sum(closed), sum(resolved), sum(now_resolved), sum(now_open)
FROM (
    SELECT f.institution_id, f.received_on AS day, f.category_id,
        f.department_id, 1 AS received, 0 AS closed, 0 AS resolved,
        (f.resolved_on IS NOT NULL)::int AS now_resolved,
        f.is_open::int AS now_open
    FROM dashboards_reportfact f WHERE {received}
    UNION ALL
    SELECT f.institution_id, f.closed_on, f.category_id, f.department_id,
        0, 1, 0, 0, 0
    FROM dashboards_reportfact f WHERE f.closed_on IS NOT NULL AND {closed}
    UNION ALL
    SELECT f.institution_id, f.resolved_on, f.category_id, f.department_id,
        0, 0, 1, 0, 0
    FROM dashboards_reportfact f WHERE f.resolved_on IS NOT NULL AND {resolved}
) counted
GROUP BY institution_id, day, category_id, department_id
"""


def _in_affected(column: str) -> str:
    return (
        f"(f.institution_id, f.{column}) IN"
        " (SELECT institution_id, day FROM dashboards_affected)"
    )


def _last_ids() -> tuple[int, int]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT (SELECT coalesce(max(id), 0) FROM reports_report),"
            " (SELECT coalesce(max(id), 0) FROM reports_event)"
        )
        last_report, last_event = cursor.fetchone()
    return last_report, last_event


def refresh() -> int:
    """Bring the facts of the changed reports up to date; how many were written.

    The day counts of the days they touch are counted again.
    """
    if not is_supported():
        return 0

    with transaction.atomic():
        # One refresh at a time: a second waits, then finds nothing to do.
        mark = FactsMark.objects.select_for_update().filter(pk=1).first()
        if mark is None:
            mark, _created = FactsMark.objects.get_or_create(pk=1)
        last_report, last_event = _last_ids()
        if (last_report, last_event) == (mark.last_report_id, mark.last_event_id):
            return 0

        with connection.cursor() as cursor:
            cursor.execute(
                CHANGED,
                [mark.last_report_id - OVERLAP, mark.last_event_id - OVERLAP],
            )
            cursor.execute(
                "CREATE TEMPORARY TABLE dashboards_affected"
                " (institution_id bigint, day date) ON COMMIT DROP"
            )
            cursor.execute(AFFECTED)
            cursor.execute(UPSERT.format(condition=CHANGED_CONDITION))
            written = cursor.rowcount
            cursor.execute(AFFECTED)
            cursor.execute(
                "DELETE FROM dashboards_daycount c USING dashboards_affected a"
                " WHERE c.institution_id = a.institution_id AND c.day = a.day"
            )
            cursor.execute(
                COUNT_DAYS.format(
                    received=_in_affected("received_on"),
                    closed=_in_affected("closed_on"),
                    resolved=_in_affected("resolved_on"),
                )
            )
            # Dropped now, not at commit: the caller's transaction may go on.
            cursor.execute("DROP TABLE dashboards_changed, dashboards_affected")
        mark.last_report_id, mark.last_event_id = last_report, last_event
        mark.refreshed_at = timezone.now()
        mark.save()
    return written


def follow_zones(institution_id: int) -> int:
    """Give the facts of the institution's reports their current zone.

    Zones are re-assigned in bulk (zones.operations.assign_zones), with no
    timeline event that refresh() would notice.
    """
    if not is_supported():
        return 0
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE dashboards_reportfact f SET zone_id = r.zone_id"
            " FROM reports_report r"
            " WHERE f.report_id = r.id AND f.institution_id = %s"
            " AND f.zone_id IS DISTINCT FROM r.zone_id",
            [institution_id],
        )
        return cursor.rowcount


def rebuild() -> int:
    """Write the facts of every report, and every day count, again."""
    if not is_supported():
        return 0

    with transaction.atomic():
        FactsMark.objects.select_for_update().filter(pk=1).first()
        last_report, last_event = _last_ids()
        with connection.cursor() as cursor:
            cursor.execute(UPSERT.format(condition="true"))
            written = cursor.rowcount
            cursor.execute("DELETE FROM dashboards_daycount")
            cursor.execute(
                COUNT_DAYS.format(received="true", closed="true", resolved="true")
            )
        FactsMark.objects.update_or_create(
            pk=1,
            defaults={
                "last_report_id": last_report,
                "last_event_id": last_event,
                "refreshed_at": timezone.now(),
            },
        )
    logger.info("Dashboard facts rebuilt: %s reports", written)
    return written
