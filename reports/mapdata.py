"""What the public reads about reports: the map data, the list, a report.

Only published, assigned and resolved reports are public, and of them only
what the clerk made public: the public text, the public photos, the public
events. Nothing here loads or returns anything about the author.
"""

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Self, TypedDict, cast
from uuid import UUID

from django.contrib.gis.geos import Polygon
from django.db import connection
from django.db.models import (
    Case,
    CharField,
    F,
    FloatField,
    Func,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.http import QueryDict
from django.urls import reverse
from django.utils.text import Truncator

from institutions.models import Institution
from institutions.translations import translated, with_translations
from reports.models import (
    OUTCOMES_WITHOUT_FIX,
    Event,
    EventKind,
    MapCell,
    Photo,
    PinState,
    Report,
    ReportQuerySet,
    Status,
    Visibility,
)

EXCERPT_LENGTH = 140
COORDINATE_DECIMALS = 6
# Events of the department's work: the public sees the department's name.
DEPARTMENT_EVENTS = (EventKind.ASSIGNED, EventKind.RESOLVED, EventKind.MESSAGE)

# The map shows reports one by one from this zoom on, when the viewport
# holds no more than REPORT_LIMIT of them; otherwise it shows clusters and
# says why.
REPORT_ZOOM = 15
REPORT_LIMIT = 500
MAX_ZOOM = 19
WORLD = (-180.0, -90.0, 180.0, 90.0)

# Clusters are the cells of a grid anchored at 180° W, 90° S, so that
# panning does not move them. At the deepest level (MAX_ZOOM) a cell is
# BASE_WIDTH degrees wide, a quarter of a 256-pixel tile (64 pixels); each
# level up merges two columns and two rows, so counts add up level to
# level. Cells are CELL_HEIGHT_RATIO as high as wide in degrees, about
# square on screen at Romania's latitudes (cos 46°). The same grid is in
# the SQL of migration 0003, which keeps MapCell for SUMMARY_LEVELS.
BASE_WIDTH = 90 / 2**MAX_ZOOM
CELL_HEIGHT_RATIO = 0.7
SUMMARY_LEVELS = range(3, 18)
# The filters MapCell can answer; any other filter counts the reports.
SUMMARY_FILTERS = {"category", "status"}

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations

    # The attributes the queries below add to the models.
    class FirstPhoto(TypedDict):
        first_photo: UUID | None

    class Office(TypedDict):
        office: str

    class PublicParts(TypedDict):
        public_photos: list[Photo]
        public_events: list[WithAnnotations[Event, Office]]

    ListedReport = WithAnnotations[Report, FirstPhoto]
    PublicReport = WithAnnotations[Report, PublicParts]


def public_reports(institution: Institution) -> ReportQuerySet:
    return Report.objects.public().filter(institution=institution)


def with_first_photo(queryset: QuerySet[Report]) -> "QuerySet[ListedReport]":
    """Annotate ``first_photo``, the token of the first public photo, or None."""
    first = (
        Photo.objects.filter(report=OuterRef("pk"), is_public=True)
        .order_by("position", "pk")
        .values("token")[:1]
    )
    return queryset.annotate(first_photo=Subquery(first))


def thumbnail_url(token: UUID | None) -> str | None:
    if token is None:
        return None
    return reverse("reports:photo", kwargs={"token": token, "size": "thumbnail"})


def listed_reports(queryset: QuerySet[Report]) -> "QuerySet[ListedReport]":
    """The reports as the list and the map show them, newest first."""
    queryset = queryset.select_related("category", "resolution").only(
        "pk",
        "location",
        "address",
        "public_description",
        "status",
        "due_date",
        "registry_number",
        "registered_at",
        "created_at",
        *with_translations("category__name"),
        "category__icon",
        "category__colour",
        "resolution__outcome",
    )
    return with_first_photo(queryset).order_by("-created_at", "-pk")


def map_feature(report: "ListedReport") -> dict[str, Any]:
    return {
        "type": "Feature",
        "geometry": {
            "type": "Point",
            "coordinates": [
                round(report.location.x, COORDINATE_DECIMALS),
                round(report.location.y, COORDINATE_DECIMALS),
            ],
        },
        "properties": {
            "id": report.pk,
            "number": report.registry_number,
            "state": str(report.pin_state),
            "label": str(report.pin_label),
            "overdue": report.is_overdue,
            "category": report.category_id,
            "title": translated(report.category, "name"),
            "icon": report.category.icon,
            "colour": report.category.colour,
            "text": Truncator(report.public_text).chars(EXCERPT_LENGTH),
            "url": reverse("reports:detail", args=[report.pk]),
            "address": report.address,
            "thumbnail": thumbnail_url(report.first_photo),
        },
    }


@dataclass(frozen=True)
class Viewport:
    """The part of the map on screen: a box in degrees and a zoom level."""

    west: float
    south: float
    east: float
    north: float
    zoom: int
    is_whole: bool = False

    @classmethod
    def from_query(cls, query: QueryDict) -> Self:
        """The viewport of ``bbox=west,south,east,north`` and ``zoom``.

        Like the filters, a value that does not parse is left out: no box
        is the whole map, no zoom is the deepest one.
        """
        zoom = _integer(query.get("zoom", ""), 0, MAX_ZOOM, default=MAX_ZOOM)
        box = _box(query.get("bbox", ""))
        if box is None:
            return cls(*WORLD, zoom=zoom, is_whole=True)
        return cls(*box, zoom=zoom)

    @property
    def polygon(self) -> Polygon:
        return Polygon.from_bbox((self.west, self.south, self.east, self.north))

    @property
    def area_box(self) -> tuple[float, float, float, float]:
        return self.west, self.south, self.east, self.north

    @property
    def query_value(self) -> str:
        return ",".join(
            f"{value:.6f}" for value in (self.west, self.south, self.east, self.north)
        )

    @property
    def level(self) -> int:
        """The grid level of the clusters: the zoom, within the summary's."""
        return max(self.zoom, SUMMARY_LEVELS[0])

    def cells(self) -> tuple[int, int, int, int]:
        """The first and last column and row of the cells in view."""
        first_x, first_y = grid_cell(self.west, self.south, self.level)
        last_x, last_y = grid_cell(self.east, self.north, self.level)
        return first_x, first_y, last_x, last_y

    def area(self) -> tuple[float, float, float, float]:
        """The viewport grown to the edges of its cells: what clusters count."""
        first_x, first_y, last_x, last_y = self.cells()
        west, south = cell_corner(first_x, first_y, self.level)
        east, north = cell_corner(last_x + 1, last_y + 1, self.level)
        return west, south, east, north


def grid_cell(x: float, y: float, level: int) -> tuple[int, int]:
    shift = MAX_ZOOM - level
    column = math.floor((x + 180) / BASE_WIDTH)
    row = math.floor((y + 90) / (BASE_WIDTH * CELL_HEIGHT_RATIO))
    return column >> shift, row >> shift


def cell_corner(column: int, row: int, level: int) -> tuple[float, float]:
    """The south-west corner of a cell, in degrees."""
    width = BASE_WIDTH * 2 ** (MAX_ZOOM - level)
    return column * width - 180, row * width * CELL_HEIGHT_RATIO - 90


def _integer(text: str, low: int, high: int, *, default: int) -> int:
    try:
        value = int(text)
    except ValueError:
        return default
    return value if low <= value <= high else default


def _box(text: str) -> tuple[float, float, float, float] | None:
    try:
        west, south, east, north = (float(part) for part in text.split(","))
    except ValueError:
        return None
    if not all(math.isfinite(value) for value in (west, south, east, north)):
        return None
    # Leaflet gives longitudes beyond ±180 when the world is panned around.
    west, east = max(west, -180.0), min(east, 180.0)
    south, north = max(south, -90.0), min(north, 90.0)
    if west >= east or south >= north:
        return None
    return west, south, east, north


def in_viewport(queryset: ReportQuerySet, viewport: Viewport) -> ReportQuerySet:
    if viewport.is_whole:
        return queryset
    return queryset.filter(location__contained=viewport.polygon)


def map_data(
    queryset: ReportQuerySet,
    viewport: Viewport,
    *,
    institution: Institution,
    filters: dict[str, Any],
) -> dict[str, Any]:
    """The reports of the viewport as GeoJSON: one by one, or clustered.

    ``queryset`` is the institution's public reports with ``filters``
    applied. Every report counted is in exactly one feature, and ``total``
    is their sum. ``clustered`` says why reports are grouped: ``zoom``
    (zoomed out below REPORT_ZOOM) or ``limit`` (more than REPORT_LIMIT in
    view), or is None when each report is its own feature. ``area`` is the
    box counted: the viewport, or with clusters the viewport grown to the
    edges of its grid cells.
    """
    summary = _summary_answers(viewport, filters)
    cells = summary_clusters(institution, viewport, filters) if summary else None

    clustered = "zoom"
    if viewport.zoom >= REPORT_ZOOM:
        clustered = "limit"
        # The cells wholly in view already hold too many: no need to look.
        if cells is None or _count_inside(cells, viewport) <= REPORT_LIMIT:
            features = _features_within_limit(queryset, viewport)
            if features is not None:
                box = WORLD if viewport.is_whole else viewport.area_box
                return _collection("reports", None, features, len(features), box)

    if cells is None:
        cells = clusters(queryset, viewport)
    features = [cluster_feature(cell) for cell in cells]
    total = sum(cell.count for cell in cells)
    return _collection("clusters", clustered, features, total, viewport.area())


def _features_within_limit(
    queryset: ReportQuerySet, viewport: Viewport
) -> list[dict[str, Any]] | None:
    """The viewport's reports as features, or None if they are too many."""
    # One more than the limit tells whether the limit is exceeded; the ids
    # alone, unordered, let PostgreSQL stop at the first 501.
    in_view = in_viewport(queryset, viewport).order_by()
    ids = list(in_view.values_list("pk", flat=True)[: REPORT_LIMIT + 1])
    if len(ids) > REPORT_LIMIT:
        return None
    listed = listed_reports(Report.objects.filter(pk__in=ids))
    return [map_feature(report) for report in listed]


def _count_inside(cells: "list[Cell]", viewport: Viewport) -> int:
    west, south, east, north = viewport.area_box
    return sum(
        cell.count
        for cell in cells
        if cell.box[0] >= west
        and cell.box[1] >= south
        and cell.box[2] <= east
        and cell.box[3] <= north
    )


def summary_count(institution: Institution, filters: dict[str, Any]) -> int | None:
    """How many public reports match, from MapCell; None if it cannot say."""
    level = SUMMARY_LEVELS[0]
    if connection.vendor != "postgresql" or not set(filters) <= SUMMARY_FILTERS:
        return None
    cells = MapCell.objects.filter(institution_id=institution.pk, level=level)
    if "category" in filters:
        cells = cells.filter(category_id=filters["category"].pk)
    if "status" in filters:
        cells = cells.filter(state=filters["status"])
    return int(cells.aggregate(total=Sum("count"))["total"] or 0)


def _summary_answers(viewport: Viewport, filters: dict[str, Any]) -> bool:
    return (
        connection.vendor == "postgresql"
        and viewport.level in SUMMARY_LEVELS
        and set(filters) <= SUMMARY_FILTERS
    )


def one_report(queryset: ReportQuerySet, pk: int) -> dict[str, Any]:
    """The report ``pk`` alone, if it is among the queryset's, as map data."""
    reports = listed_reports(queryset.filter(pk=pk))
    features = [map_feature(report) for report in reports]
    return _collection("reports", None, features, len(features), WORLD)


def _collection(
    mode: str,
    clustered: str | None,
    features: list[dict[str, Any]],
    total: int,
    area: tuple[float, float, float, float],
) -> dict[str, Any]:
    return {
        "type": "FeatureCollection",
        "mode": mode,
        "clustered": clustered,
        "limit": REPORT_LIMIT,
        "total": total,
        "count": total,
        "area": [round(value, COORDINATE_DECIMALS) for value in area],
        "features": features,
    }


class _Coordinate(Func):
    output_field = FloatField()


class X(_Coordinate):
    function = "ST_X"


class Y(_Coordinate):
    function = "ST_Y"


PIN_STATE = Case(
    When(status=Status.ASSIGNED, then=Value(PinState.IN_PROGRESS.value)),
    When(
        status=Status.RESOLVED,
        resolution__outcome__in=OUTCOMES_WITHOUT_FIX,
        then=Value(PinState.CLOSED.value),
    ),
    When(status=Status.RESOLVED, then=Value(PinState.RESOLVED.value)),
    default=Value(PinState.NEW.value),
    output_field=CharField(),
)


@dataclass(frozen=True)
class Cell:
    count: int
    x: float
    y: float
    box: tuple[float, float, float, float]
    states: dict[str, int]


def clusters(queryset: ReportQuerySet, viewport: Viewport) -> list[Cell]:
    """The reports grouped by the cells of the viewport's grid, in SQL.

    Each cell gives its count, the mean of its reports' positions (where
    the cluster is drawn), their bounding box and their count per pin state.
    """
    area = viewport.area()
    located = (
        queryset.filter(location__contained=Polygon.from_bbox(area))
        .order_by()
        .annotate(x=X(F("location")), y=Y(F("location")), state=PIN_STATE)
        .values("x", "y", "state")
    )
    inner, params = located.query.sql_with_params()
    states = list(PinState.values)
    counts = ", ".join("SUM(CASE WHEN state = %s THEN 1 ELSE 0 END)" for _ in states)
    shift = MAX_ZOOM - viewport.level
    sql = (
        f"SELECT {_cell('x', 180.0, BASE_WIDTH, shift)} AS cell_x, "
        f"{_cell('y', 90.0, BASE_WIDTH * CELL_HEIGHT_RATIO, shift)} AS cell_y, "
        f"COUNT(*), AVG(x), AVG(y), MIN(x), MIN(y), MAX(x), MAX(y), {counts} "
        f"FROM ({inner}) AS located GROUP BY 1, 2 ORDER BY 1, 2"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*states, *params])
        rows = cursor.fetchall()

    return [
        Cell(
            count=row[2],
            x=row[3],
            y=row[4],
            box=(row[5], row[6], row[7], row[8]),
            states=dict(zip(states, (int(value) for value in row[9:]), strict=True)),
        )
        for row in rows
    ]


def _cell(column: str, offset: float, size: float, shift: int) -> str:
    # The offset makes every value positive, so that truncating (SQLite's
    # CAST) and flooring (PostgreSQL's FLOOR) give the same cell, and the
    # integer division by a power of two is the shift of grid_cell().
    scaled = f"(({column} + {offset!r}) / {size!r})"
    divisor = 2**shift
    if connection.vendor == "postgresql":
        return f"FLOOR(FLOOR{scaled} / {divisor})"
    return f"(CAST({scaled} AS INTEGER) / {divisor})"


def summary_clusters(
    institution: Institution, viewport: Viewport, filters: dict[str, Any]
) -> list[Cell]:
    """The clusters of the viewport from MapCell, the counts kept by triggers."""
    first_x, first_y, last_x, last_y = viewport.cells()
    cells = MapCell.objects.filter(
        institution_id=institution.pk,
        level=viewport.level,
        grid_x__range=(first_x, last_x),
        grid_y__range=(first_y, last_y),
    )
    if "category" in filters:
        cells = cells.filter(category_id=filters["category"].pk)
    if "status" in filters:
        cells = cells.filter(state=filters["status"])
    states = list(PinState.values)
    rows = (
        cells.values("grid_x", "grid_y")
        .annotate(
            total=Sum("count"),
            sum_x=Sum("sum_x"),
            sum_y=Sum("sum_y"),
            **{state: Sum("count", filter=Q(state=state)) for state in states},
        )
        .order_by("grid_x", "grid_y")
    )

    width = BASE_WIDTH * 2 ** (MAX_ZOOM - viewport.level)
    height = width * CELL_HEIGHT_RATIO
    result = []
    for row in rows:
        # A cell whose reports all left it stays, at zero.
        if not row["total"]:
            continue
        west, south = cell_corner(row["grid_x"], row["grid_y"], viewport.level)
        result.append(
            Cell(
                count=row["total"],
                x=row["sum_x"] / row["total"],
                y=row["sum_y"] / row["total"],
                box=(west, south, west + width, south + height),
                states={state: row[state] or 0 for state in states},
            )
        )
    return result


def cluster_feature(cell: Cell) -> dict[str, Any]:
    return {
        "type": "Feature",
        "geometry": {
            "type": "Point",
            "coordinates": [
                round(cell.x, COORDINATE_DECIMALS),
                round(cell.y, COORDINATE_DECIMALS),
            ],
        },
        "properties": {
            "cluster": True,
            "count": cell.count,
            "states": cell.states,
            "bbox": [round(value, COORDINATE_DECIMALS) for value in cell.box],
        },
    }


def public_report(institution: Institution, pk: int) -> "PublicReport":
    """A public report with its public photos and events; raises DoesNotExist."""
    photos = Photo.objects.filter(is_public=True).only(
        "token", "report_id", "width", "height", "position"
    )
    events = Event.objects.filter(visibility=Visibility.PUBLIC).only(
        "report_id", "kind", "text", "created_at"
    )
    # The stubs lose the prefetched attributes in ReportQuerySet.get().
    report = cast(
        "PublicReport",
        public_reports(institution)
        .select_related("category", "department", "resolution", "zone")
        .defer("description", "author", "assignee")
        .prefetch_related(
            Prefetch("photos", queryset=photos, to_attr="public_photos"),
            Prefetch("events", queryset=events, to_attr="public_events"),
        )
        .get(pk=pk),
    )

    # The public learns which office acted, never which person.
    for event in report.public_events:
        department = report.department if event.kind in DEPARTMENT_EVENTS else None
        event.office = (department or institution).name
    return report
