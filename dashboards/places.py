"""Where the reports come from: hexagons, zones and recurring places.

The maps are drawn by the server as SVG, so they need neither map tiles
nor JavaScript. Distances are computed on a local flat projection around
the institution's map centre (metres east and north): over a city the
error is far below a hexagon's size, and PostgreSQL does it with
arithmetic instead of transforming a million points.
"""

import json
import math
from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext_lazy as _

from dashboards.filters import Filters
from dashboards.sql import fetch, report_conditions
from dashboards.tables import Table

# Hexagon sizes offered, in metres from the centre to a corner: a whole
# city, a neighbourhood, a few streets.
HEXAGON_SIZES = (1000, 500, 250)
DEFAULT_HEXAGON_SIZE = 500
# A place recurs when its category comes back in this many months at least.
RECURRING_MONTHS = 3
RECURRING_CELL_METRES = 60
RECURRING_LIMIT = 25
HEAT_CLASSES = 6
MONTH_NUMBER = (
    "extract(year FROM f.received_on)::int * 12"
    " + extract(month FROM f.received_on)::int"
)
METRES_PER_DEGREE_LATITUDE = 110_574.0


@dataclass
class Shape:
    path: str
    label: str
    received: int
    open: int
    heat: int = 0
    open_heat: int = 0


@dataclass
class Drawing:
    """An SVG map: shapes in metres, north up (y grows southwards)."""

    view_box: str
    zones: list[Shape] = field(default_factory=list)
    hexagons: list[Shape] = field(default_factory=list)


@dataclass
class Places:
    drawing: Drawing
    hexagon_table: Table
    zone_table: Table
    recurring: Table
    hexagon_size: int


def _scale(filters: Filters) -> tuple[float, float]:
    """Metres per degree of longitude and of latitude around the map centre."""
    latitude = filters.institution.map_centre.y
    east = 111_320.0 * math.cos(math.radians(latitude))
    return east, METRES_PER_DEGREE_LATITUDE


def hexagon_counts(filters: Filters, size: int) -> list[tuple[int, int, int, int]]:
    """(q, r, received in the period, open now) per flat-topped hexagon.

    Axial coordinates with cube rounding: the hexagon whose centre is the
    nearest to the point.
    """
    where, params = report_conditions(filters)
    east, north = _scale(filters)
    return [
        (int(q), int(r), received, still_open)
        for q, r, received, still_open in fetch(
            f"""WITH points AS (
                SELECT f.longitude * %s AS x, f.latitude * %s AS y,
                    f.received_on BETWEEN %s AND %s AS received,
                    f.is_open AS open
                FROM dashboards_reportfact f
                WHERE {where} AND (f.received_on BETWEEN %s AND %s OR f.is_open)
            ), axial AS (
                SELECT (2.0 / 3 * x) / %s AS q,
                    (-x / 3.0 + sqrt(3) / 3 * y) / %s AS r, received, open
                FROM points
            ), rounded AS (
                SELECT q, r, round(q) AS iq, round(r) AS ir, round(-q - r) AS iz,
                    received, open
                FROM axial
            )
            SELECT
                CASE WHEN abs(iq - q) > abs(ir - r)
                      AND abs(iq - q) > abs(iz + q + r) THEN -ir - iz
                     ELSE iq END AS hq,
                CASE WHEN abs(iq - q) > abs(ir - r)
                      AND abs(iq - q) > abs(iz + q + r) THEN ir
                     WHEN abs(ir - r) > abs(iz + q + r) THEN -iq - iz
                     ELSE ir END AS hr,
                count(*) FILTER (WHERE received),
                count(*) FILTER (WHERE open)
            FROM rounded GROUP BY 1, 2""",
            [
                east,
                north,
                filters.start,
                filters.end,
                *params,
                filters.start,
                filters.end,
                size,
                size,
            ],
        )
    ]


def hexagon_corners(q: int, r: int, size: int) -> list[tuple[float, float]]:
    centre_x = size * 1.5 * q
    centre_y = size * math.sqrt(3) * (r + q / 2)
    return [
        (
            centre_x + size * math.cos(math.radians(60 * corner)),
            centre_y + size * math.sin(math.radians(60 * corner)),
        )
        for corner in range(6)
    ]


def hexagon_centre(q: int, r: int, size: int) -> tuple[float, float]:
    return size * 1.5 * q, size * math.sqrt(3) * (r + q / 2)


def zone_counts(filters: Filters) -> list[tuple[str | None, int, int, str]]:
    """(zone name, received, open now, SVG path) per zone, the outside last."""
    where, params = report_conditions(filters)
    east, north = _scale(filters)
    return fetch(
        f"""WITH counts AS (
            SELECT f.zone_id,
                count(*) FILTER (WHERE f.received_on BETWEEN %s AND %s)
                    AS received,
                count(*) FILTER (WHERE f.is_open) AS open
            FROM dashboards_reportfact f
            WHERE {where} AND (f.received_on BETWEEN %s AND %s OR f.is_open)
            GROUP BY 1
        )
        SELECT z.name, coalesce(c.received, 0), coalesce(c.open, 0),
            ST_AsSVG(ST_Scale(ST_SimplifyPreserveTopology(z.area, 0.0001),
                %s, %s), 0, 0)
        FROM zones_zone z LEFT JOIN counts c ON c.zone_id = z.id
        WHERE z.institution_id = %s
        UNION ALL
        SELECT NULL, received, open, '' FROM counts WHERE zone_id IS NULL
        ORDER BY 1 NULLS LAST""",
        [
            filters.start,
            filters.end,
            *params,
            filters.start,
            filters.end,
            east,
            north,
            filters.institution.pk,
        ],
    )


def _heat(value: int, highest: int) -> int:
    """A class from 0 (none) to HEAT_CLASSES - 1, on a square-root scale."""
    if value <= 0 or highest <= 0:
        return 0
    return 1 + min(
        HEAT_CLASSES - 2, int(math.sqrt(value / highest) * (HEAT_CLASSES - 1))
    )


def _hexagon_path(corners: list[tuple[float, float]]) -> str:
    # SVG's y axis points down: north is minus y.
    points = " L ".join(f"{x:.0f} {-y:.0f}" for x, y in corners)
    return f"M {points} Z"


def places(filters: Filters, size: int) -> Places:
    hexagons = hexagon_counts(filters, size)
    zones = zone_counts(filters)
    east, north = _scale(filters)

    most_received = max((row[2] for row in hexagons), default=0)
    most_open = max((row[3] for row in hexagons), default=0)
    drawing = Drawing(view_box="")
    hexagon_table = Table(
        slug="hexagons",
        title=_("Hexagons with the most reports"),
        columns=[
            _("Latitude"),
            _("Longitude"),
            _("Received in the period"),
            _("Open now"),
        ],
        note=_("Hexagons of %(size)s m from centre to corner.") % {"size": size},
    )
    xs: list[float] = []
    ys: list[float] = []
    for q, r, received, still_open in sorted(hexagons, key=lambda row: -row[2]):
        corners = hexagon_corners(q, r, size)
        xs += [x for x, _y in corners]
        ys += [-y for _x, y in corners]
        centre_x, centre_y = hexagon_centre(q, r, size)
        latitude, longitude = centre_y / north, centre_x / east
        drawing.hexagons.append(
            Shape(
                path=_hexagon_path(corners),
                label=f"{latitude:.4f}, {longitude:.4f}",
                received=received,
                open=still_open,
                heat=_heat(received, most_received),
                open_heat=_heat(still_open, most_open),
            )
        )
        hexagon_table.rows.append(
            [round(latitude, 5), round(longitude, 5), received, still_open]
        )

    zone_table = Table(
        slug="zones",
        title=_("Reports per zone"),
        columns=[_("Zone"), _("Received in the period"), _("Open now")],
    )
    zone_most = max((row[1] for row in zones if row[0] is not None), default=0)
    zone_most_open = max((row[2] for row in zones if row[0] is not None), default=0)
    for name, received, still_open, path in zones:
        label = name if name is not None else str(_("Outside the zones"))
        zone_table.rows.append([label, received, still_open])
        if path:
            drawing.zones.append(
                Shape(
                    path=path,
                    label=label,
                    received=received,
                    open=still_open,
                    heat=_heat(received, zone_most),
                    open_heat=_heat(still_open, zone_most_open),
                )
            )
            xs_zone, ys_zone = _path_extent(path)
            xs += xs_zone
            ys += ys_zone

    drawing.view_box = _view_box(xs, ys, margin=size)
    return Places(
        drawing=drawing,
        hexagon_table=hexagon_table,
        zone_table=zone_table,
        recurring=recurring_places(filters),
        hexagon_size=size,
    )


def zoom_size(zoom: int) -> int:
    """The hexagon size for a web map's zoom: a few dozen pixels across."""
    if zoom >= 15:
        return 250
    if zoom >= 13:
        return 500
    return 1000


def hexagon_features(filters: Filters, size: int) -> dict[str, object]:
    """The hexagons as GeoJSON, in longitude and latitude, for a web map."""
    hexagons = hexagon_counts(filters, size)
    east, north = _scale(filters)
    most_received = max((row[2] for row in hexagons), default=0)
    most_open = max((row[3] for row in hexagons), default=0)
    features = []
    for q, r, received, still_open in hexagons:
        ring = [
            [round(x / east, 6), round(y / north, 6)]
            for x, y in hexagon_corners(q, r, size)
        ]
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Polygon", "coordinates": [[*ring, ring[0]]]},
                "properties": {
                    "received": received,
                    "open": still_open,
                    "heat": _heat(received, most_received),
                    "open_heat": _heat(still_open, most_open),
                },
            }
        )
    return {
        "type": "FeatureCollection",
        "size": size,
        "features": features,
        "zones": zone_outlines(filters),
    }


def zone_outlines(filters: Filters) -> dict[str, object]:
    """The zones' outlines as GeoJSON: a map without tiles still has places."""
    rows = fetch(
        """SELECT name, ST_AsGeoJSON(ST_SimplifyPreserveTopology(area, 0.0001), 5)
        FROM zones_zone WHERE institution_id = %s ORDER BY name""",
        [filters.institution.pk],
    )
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "geometry": json.loads(geometry),
                "properties": {"name": name},
            }
            for name, geometry in rows
        ],
    }


def _path_extent(path: str) -> tuple[list[float], list[float]]:
    numbers = [
        float(token)
        for token in path.replace("M", " ").replace("L", " ").replace("Z", " ").split()
        if token.lstrip("-").replace(".", "", 1).isdigit()
    ]
    return numbers[0::2], numbers[1::2]


def _view_box(xs: list[float], ys: list[float], margin: float) -> str:
    if not xs:
        return "0 0 100 100"
    left, top = min(xs) - margin, min(ys) - margin
    width, height = max(xs) - left + margin, max(ys) - top + margin
    return f"{left:.0f} {top:.0f} {width:.0f} {height:.0f}"


def recurring_places(filters: Filters) -> Table:
    """Small squares where one category came back in several months.

    The squares are RECURRING_CELL_METRES wide: a place, not a street. The
    address shown is the first report's there.
    """
    where, params = report_conditions(filters)
    east, north = _scale(filters)
    rows = fetch(
        f"""WITH places AS (
            SELECT f.category_id, min(f.report_id) AS first_report,
                avg(f.latitude) AS latitude, avg(f.longitude) AS longitude,
                count(*) AS reports,
                count(DISTINCT {MONTH_NUMBER}) AS months,
                min(f.received_on) AS first, max(f.received_on) AS last
            FROM dashboards_reportfact f
            WHERE {where} AND f.received_on BETWEEN %s AND %s
            -- Whole numbers group faster than floating ones.
            GROUP BY f.category_id, floor(f.longitude * %s / %s)::int,
                floor(f.latitude * %s / %s)::int
            HAVING count(DISTINCT {MONTH_NUMBER}) >= %s
            ORDER BY months DESC, reports DESC, first_report
            LIMIT %s
        )
        SELECT c.name, r.address, p.latitude, p.longitude, p.reports, p.months,
            p.first, p.last
        FROM places p
            JOIN institutions_category c ON c.id = p.category_id
            JOIN reports_report r ON r.id = p.first_report
        ORDER BY p.months DESC, p.reports DESC, p.first_report""",
        [
            *params,
            filters.start,
            filters.end,
            east,
            RECURRING_CELL_METRES,
            north,
            RECURRING_CELL_METRES,
            RECURRING_MONTHS,
            RECURRING_LIMIT,
        ],
    )
    table = Table(
        slug="recurring",
        title=_("Places where problems keep coming back"),
        columns=[
            _("Category"),
            _("Address"),
            _("Latitude"),
            _("Longitude"),
            _("Reports"),
            _("Months with reports"),
            _("First"),
            _("Last"),
        ],
        note=_(
            "The same category in a square of %(metres)s m, in at least "
            "%(months)s different months of the period."
        )
        % {"metres": RECURRING_CELL_METRES, "months": RECURRING_MONTHS},
    )
    for name, address, latitude, longitude, count, months, first, last in rows:
        table.rows.append(
            [
                name,
                address or "",
                round(latitude, 5),
                round(longitude, 5),
                count,
                months,
                _day(first),
                _day(last),
            ]
        )
    return table


def _day(day: date) -> str:
    return day.isoformat()
