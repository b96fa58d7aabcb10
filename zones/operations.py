"""Importing an institution's zones, and placing its reports in them."""

import logging
from dataclasses import dataclass
from typing import Any

from django.contrib.gis.geos import Point
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from institutions.models import Institution
from reports.models import Report
from zones.geojson import ZoneFileError, ZoneShape, read_zones
from zones.models import Zone
from zones.signals import zones_assigned

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int
    deleted: int
    # Reports whose zone changed.
    moved: int


def zone_at(institution: Institution, point: Point) -> Zone | None:
    """The institution's zone holding the point, None outside every zone.

    Where zones overlap, or on a border two zones share, the zone made
    first wins, as in assign_zones.
    """
    return (
        Zone.objects.filter(institution=institution, area__intersects=point)
        .defer("area")
        .order_by("pk")
        .first()
    )


def import_zones(
    *,
    institution: Institution,
    data: bytes,
    name_property: str,
    kind: str,
    replace: bool,
    source: str = "",
) -> ImportResult:
    """Import the zones of a GeoJSON file and re-assign the reports.

    Replacing keeps the zones whose name is in the file (with the new
    area), so that links filtered by zone stay valid; it deletes the
    others. Adding refuses a name the institution has already. All or
    nothing: a file with any problem raises ZoneFileError and changes
    nothing.
    """
    shapes = read_zones(data, name_property=name_property)

    with transaction.atomic():
        # One import at a time per institution: the names are checked and
        # the reports re-assigned against zones no one else is changing.
        Institution.objects.select_for_update().only("pk").get(pk=institution.pk)
        existing = {zone.name: zone for zone in institution.zones.defer("area")}
        if not replace:
            _refuse_existing_names(shapes, existing)

        fields = {"kind": kind, "source": source, "imported_at": timezone.now()}
        updated = _update_zones(shapes, existing, fields)
        created = _create_zones(institution, shapes, existing, fields)
        deleted = 0
        if replace:
            kept = {shape.name for shape in shapes}
            gone = [zone.pk for name, zone in existing.items() if name not in kept]
            deleted, _by_model = Zone.objects.filter(pk__in=gone).delete()
        moved = assign_zones(institution)

    logger.info(
        "Zones of institution %s: %s created, %s updated, %s deleted, %s reports moved",
        institution.pk,
        created,
        updated,
        deleted,
        moved,
    )
    return ImportResult(created=created, updated=updated, deleted=deleted, moved=moved)


def _refuse_existing_names(shapes: list[ZoneShape], existing: dict[str, Zone]) -> None:
    taken = [shape.name for shape in shapes if shape.name in existing]
    if taken:
        raise ZoneFileError(
            [
                _(
                    "The institution has zones named %(names)s already: "
                    "replace the zones, or rename them in the file."
                )
                % {"names": ", ".join(f"“{name}”" for name in taken)}
            ]
        )


def _update_zones(
    shapes: list[ZoneShape], existing: dict[str, Zone], fields: dict[str, Any]
) -> int:
    zones = []
    for shape in shapes:
        zone = existing.get(shape.name)
        if zone is None:
            continue
        zone.area = shape.area
        for name, value in fields.items():
            setattr(zone, name, value)
        zones.append(zone)
    return Zone.objects.bulk_update(zones, ["area", *fields])


def _create_zones(
    institution: Institution,
    shapes: list[ZoneShape],
    existing: dict[str, Zone],
    fields: dict[str, Any],
) -> int:
    zones = Zone.objects.bulk_create(
        Zone(institution=institution, name=shape.name, area=shape.area, **fields)
        for shape in shapes
        if shape.name not in existing
    )
    return len(zones)


# Every report of the institution gets the first zone (lowest id) holding
# its place, or none. Zones lead the join so that the spatial index on the
# reports' locations answers "which reports are in this zone", one zone at
# a time; rows already right are not written again. PostgreSQL and SQLite
# (3.39 and later, with SpatiaLite) both read it; no WITH, after which
# Python's sqlite3 no longer counts the rows changed.
ASSIGN_ZONES_SQL = """
UPDATE {reports} AS target
SET zone_id = found.zone_id
FROM (
    SELECT report.id AS report_id, inside.zone_id AS zone_id
    FROM {reports} AS report
    LEFT JOIN (
        SELECT placed.id AS report_id, MIN(zone.id) AS zone_id
        FROM {zones} AS zone
        JOIN {reports} AS placed
            ON placed.institution_id = zone.institution_id
            AND ST_Intersects(zone.area, placed.location)
        WHERE zone.institution_id = %s
        GROUP BY placed.id
    ) AS inside ON inside.report_id = report.id
    WHERE report.institution_id = %s
) AS found
WHERE target.id = found.report_id
    AND target.zone_id IS DISTINCT FROM found.zone_id
"""


def assign_zones(institution: Institution) -> int:
    """Put every report of the institution in its zone; the count moved."""
    sql = ASSIGN_ZONES_SQL.format(
        zones=connection.ops.quote_name(Zone._meta.db_table),
        reports=connection.ops.quote_name(Report._meta.db_table),
    )

    with connection.cursor() as cursor:
        cursor.execute(sql, [institution.pk, institution.pk])
        moved = cursor.rowcount

    zones_assigned.send(sender=Zone, institution=institution)
    return moved
