"""The list's search of addresses ignores diacritics: its trigram index
follows (PostgreSQL only; SpatiaLite searches without an index)."""

from django.db import migrations

OLD_INDEX = "reports_address_trgm_idx"
NEW_INDEX = "reports_address_plain_trgm_idx"


def _plain_address_sql(report_model, schema_editor):
    """The search's expression as SQL: the index must be on exactly it."""
    from django.db.models.sql import Query

    from reports.filters import plain_upper_sql

    query = Query(report_model)
    compiler = query.get_compiler(connection=schema_editor.connection)
    sql, params = compiler.compile(plain_upper_sql("address").resolve_expression(query))
    return sql % tuple(schema_editor.quote_value(param) for param in params)


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    expression = _plain_address_sql(apps.get_model("reports", "Report"), schema_editor)
    schema_editor.execute(f"DROP INDEX IF EXISTS {OLD_INDEX}", params=None)
    schema_editor.execute(
        f"CREATE INDEX {NEW_INDEX} ON reports_report"
        f" USING gin (({expression}) gin_trgm_ops)",
        params=None,
    )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {NEW_INDEX}", params=None)
    schema_editor.execute(
        f"CREATE INDEX {OLD_INDEX} ON reports_report"
        " USING gin (UPPER(address) gin_trgm_ops)",
        params=None,
    )


class Migration(migrations.Migration):
    dependencies = [("reports", "0006_petitioner")]

    operations = [migrations.RunPython(forwards, backwards)]
