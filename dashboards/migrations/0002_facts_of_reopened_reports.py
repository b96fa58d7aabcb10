from django.db import migrations


def fill_facts(apps, schema_editor):
    """Write every report's facts, with its current answer's outcome.

    The reports already there get their facts now, not on the first
    dashboard view (about half a minute per million reports); a report
    that was reopened counts its time to resolve to its latest answer.
    """
    if schema_editor.connection.vendor != "postgresql":
        return
    from dashboards.facts import COUNT_DAYS, UPSERT

    schema_editor.execute(UPSERT.format(condition="true"))
    schema_editor.execute("DELETE FROM dashboards_daycount")
    schema_editor.execute(
        COUNT_DAYS.format(received="true", closed="true", resolved="true")
    )
    schema_editor.execute(
        "INSERT INTO dashboards_factsmark"
        " (id, last_report_id, last_event_id, refreshed_at)"
        " SELECT 1, (SELECT coalesce(max(id), 0) FROM reports_report),"
        " (SELECT coalesce(max(id), 0) FROM reports_event), now()"
        " ON CONFLICT (id) DO UPDATE SET"
        " last_report_id = EXCLUDED.last_report_id,"
        " last_event_id = EXCLUDED.last_event_id,"
        " refreshed_at = EXCLUDED.refreshed_at"
    )


class Migration(migrations.Migration):
    dependencies = [
        ("dashboards", "0001_initial"),
        ("reports", "0010_resolutions_and_reopening"),
    ]

    operations = [
        migrations.RunPython(fill_facts, migrations.RunPython.noop),
    ]
