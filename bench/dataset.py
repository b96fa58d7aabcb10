"""A realistic Cluj-Napoca data set: a million reports, ten years of them.

    from bench.dataset import generate_reports, load_dataset

``generate_reports`` yields reports (with their resolution and timeline)
in the category and outcome mix of the current Cluj platform
(``reference/mycluj-volumes.md``), placed in the city's neighbourhoods
(``geo/cluj-napoca-cartiere-2017.geojson``: denser in the centre and in
the large neighbourhoods, around hot spots, some at identical places) and
dated over the ten years before ``now`` with the yearly volumes of that
platform. The same seed gives the same reports.

``load_dataset`` creates the institution, its services and people with
the ORM, then the reports, resolutions and events with PostgreSQL's COPY.
It needs Django set up against a PostGIS database.
"""

import bisect
import io
import json
import math
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
NEIGHBOURHOODS_FILE = DATA / "geo" / "cluj-napoca-cartiere-2017.geojson"
STREETS_FILE = DATA / "geo" / "cluj-napoca-strazi-osm-2021.json"
CENTRE = (23.5899, 46.7712)
SEED = 2026
YEARS = 10
ANSWER_DAYS = 30

# Reports of the current platform per calendar year, 2017 (from March) to
# 2026 (to October): the shape of the ten years, oldest first.
YEAR_VOLUMES = [
    11_954 * 12 / 9.3,
    15_205,
    23_707,
    19_707,
    22_413,
    20_778,
    28_352,
    26_457,
    23_552,
    23_171 * 12 / 9.1,
]
# The closed reports' answers on the current platform, with this product's
# outcomes: favourable is fixed, unfavourable is refused. Rejected reports
# (Respinsă) never became public.
OUTCOME_VOLUMES = {
    "fixed": 187_138,
    "partly_fixed": 12_612,
    "transferred": 9_946,
    "refused": 2_038,
    "rejected": 1_496,
}
# Still open on the current platform, about 2,000 at any time: in this set,
# the reports of the last weeks.
NEW_DAYS = 3
OPEN_DAYS = 40
SAME_PLACE_SHARE = 0.03
HOT_SPOT_SHARE = 0.4
HOT_SPOTS_PER_SQUARE_KM = 3
HOT_SPOT_SIGMA_DEGREES = 0.0012
PLACES = 200_000
STREET_KINDS = {
    "Strada", "Aleea", "Alee", "Piața", "Piata", "Calea", "Podul", "Bulevardul",
    "Acces", "Valea", "Centura", "Drumul", "Pasajul", "Splaiul",
}  # fmt: skip
HOUR_WEIGHTS = [
    1, 0, 0, 0, 0, 0, 1, 3, 6, 8, 7, 6, 6, 5, 5, 5, 6, 7, 8, 8, 7, 6, 4, 2,
]  # fmt: skip
TEXTS = {
    "fixed": "Problema a fost rezolvată.",
    "partly_fixed": "Problema a fost rezolvată parțial.",
    "transferred": "Sesizarea a fost transmisă operatorului.",
    "refused": "Solicitarea nu poate fi soluționată.",
}


@dataclass(frozen=True)
class Neighbourhood:
    name: str
    rings: list[list[tuple[float, float]]]
    box: tuple[float, float, float, float]
    area_km2: float
    streets: list[str]

    def contains(self, x: float, y: float) -> bool:
        """Even-odd ray casting over every ring (holes included)."""
        inside = False
        for ring in self.rings:
            previous = ring[-1]
            for point in ring:
                if (point[1] > y) != (previous[1] > y):
                    crossing = (previous[0] - point[0]) * (y - point[1]) / (
                        previous[1] - point[1]
                    ) + point[0]
                    if x < crossing:
                        inside = not inside
                previous = point
        return inside


@dataclass(frozen=True)
class Place:
    x: float
    y: float
    address: str


@dataclass
class GeneratedReport:
    """A report as the loader writes it; times are aware (UTC)."""

    pk: int
    category: str
    place: Place
    created_at: datetime
    status: str
    registry_number: str
    registered_at: datetime
    due_date: date
    published_at: datetime | None = None
    assigned_at: datetime | None = None
    resolved_at: datetime | None = None
    outcome: str = ""
    rejected_at: datetime | None = None
    events: list[tuple[str, str, str, str, datetime]] = field(default_factory=list)


def read_neighbourhoods() -> list[Neighbourhood]:
    collection = json.loads(NEIGHBOURHOODS_FILE.read_text())
    street_names = [
        _street_name(street["name"])
        for street in json.loads(STREETS_FILE.read_text())["streets"]
    ]
    features = sorted(collection["features"], key=lambda f: f["properties"]["id"])
    neighbourhoods = []
    for index, feature in enumerate(features):
        geometry = feature["geometry"]
        polygons = (
            [geometry["coordinates"]]
            if geometry["type"] == "Polygon"
            else geometry["coordinates"]
        )
        rings = [
            [(float(x), float(y)) for x, y, *_rest in ring]
            for polygon in polygons
            for ring in polygon
        ]
        xs = [x for ring in rings for x, _y in ring]
        ys = [y for ring in rings for _x, y in ring]
        # Each neighbourhood gets its own share of the city's street names.
        streets = street_names[index :: len(features)]
        neighbourhoods.append(
            Neighbourhood(
                name=feature["properties"]["defaultLabel"],
                rings=rings,
                box=(min(xs), min(ys), max(xs), max(ys)),
                area_km2=_area_km2(rings),
                streets=streets,
            )
        )
    return neighbourhoods


def _street_name(name: str) -> str:
    # Most names say what they are (Strada, Aleea, Calea...); the others
    # are streets.
    if name.split(maxsplit=1)[0] in STREET_KINDS:
        return name
    return f"Strada {name}"


def _area_km2(rings: list[list[tuple[float, float]]]) -> float:
    # The shoelace formula on degrees scaled to kilometres at Cluj's latitude.
    kx = 111.32 * math.cos(math.radians(CENTRE[1]))
    ky = 110.57
    total = 0.0
    for ring in rings:
        twice = sum(
            (x1 * y2 - x2 * y1)
            for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True)
        )
        total += abs(twice) / 2
    return total * kx * ky


def _distance_km(x: float, y: float) -> float:
    dx = (x - CENTRE[0]) * 111.32 * math.cos(math.radians(CENTRE[1]))
    dy = (y - CENTRE[1]) * 110.57
    return math.hypot(dx, dy)


def generate_places(
    rng: random.Random, neighbourhoods: list[Neighbourhood], count: int = PLACES
) -> list[Place]:
    """Points where reports happen, denser in the centre and at hot spots.

    A neighbourhood's share grows with its area (less than linearly: the
    outskirts are large and empty) and falls with its distance from the
    centre; within it, part of the points gather around hot spots.
    """
    weights = []
    for neighbourhood in neighbourhoods:
        x0, y0, x1, y1 = neighbourhood.box
        distance = _distance_km((x0 + x1) / 2, (y0 + y1) / 2)
        weights.append(neighbourhood.area_km2**0.6 / (1 + distance / 2) ** 1.5)
    hot_spots = {
        neighbourhood.name: [
            _inside_point(rng, neighbourhood)
            for _ in range(
                max(2, round(neighbourhood.area_km2 * HOT_SPOTS_PER_SQUARE_KM))
            )
        ]
        for neighbourhood in neighbourhoods
    }

    places = []
    chosen = rng.choices(neighbourhoods, weights=weights, k=count)
    for neighbourhood in chosen:
        if rng.random() < HOT_SPOT_SHARE:
            x, y = _near_hot_spot(rng, neighbourhood, hot_spots[neighbourhood.name])
        else:
            x, y = _inside_point(rng, neighbourhood)
        street = rng.choice(neighbourhood.streets)
        address = f"{street} {rng.randint(1, 120)}"
        places.append(Place(round(x, 6), round(y, 6), address))
    return places


def _inside_point(
    rng: random.Random, neighbourhood: Neighbourhood
) -> tuple[float, float]:
    x0, y0, x1, y1 = neighbourhood.box
    while True:
        x, y = rng.uniform(x0, x1), rng.uniform(y0, y1)
        if neighbourhood.contains(x, y):
            return x, y


def _near_hot_spot(
    rng: random.Random,
    neighbourhood: Neighbourhood,
    hot_spots: list[tuple[float, float]],
) -> tuple[float, float]:
    cx, cy = rng.choice(hot_spots)
    for _attempt in range(20):
        x = rng.gauss(cx, HOT_SPOT_SIGMA_DEGREES)
        y = rng.gauss(cy, HOT_SPOT_SIGMA_DEGREES * 0.7)
        if neighbourhood.contains(x, y):
            return x, y
    return cx, cy


def category_weights() -> dict[str, int]:
    from demo import data

    return {spec.key: spec.volume for spec in data.CATEGORIES}


def _moments(rng: random.Random, count: int, now: datetime) -> list[datetime]:
    """``count`` moments over the ten years before ``now``, oldest first."""
    days = YEARS * 365
    start = now - timedelta(days=days)
    per_year = days / YEARS
    cumulative = []
    total = 0.0
    for day in range(days):
        total += YEAR_VOLUMES[min(int(day / per_year), YEARS - 1)]
        cumulative.append(total)
    hours = list(range(24))

    moments = []
    for _ in range(count):
        day = bisect.bisect_left(cumulative, rng.random() * total)
        hour = rng.choices(hours, weights=HOUR_WEIGHTS)[0]
        moment = start + timedelta(days=day, hours=hour, seconds=rng.randrange(3600))
        moments.append(min(moment, now - timedelta(minutes=5)))
    moments.sort()
    return moments


def generate_reports(
    count: int, *, seed: int = SEED, now: datetime | None = None
) -> Iterator[GeneratedReport]:
    """``count`` reports, oldest first, numbered from 1 in their order."""
    rng = random.Random(seed)
    now = now or datetime.now(UTC)
    places = generate_places(rng, read_neighbourhoods(), min(PLACES, max(count, 1)))
    categories = category_weights()
    category_keys = list(categories)
    category_cumulative = _cumulative(categories.values())
    outcomes = list(OUTCOME_VOLUMES)
    outcome_cumulative = _cumulative(OUTCOME_VOLUMES.values())
    moments = _moments(rng, count, now)
    numbers: dict[int, int] = {}
    previous_place = places[0]

    for pk, created_at in enumerate(moments, start=1):
        category = category_keys[_pick(rng, category_cumulative)]
        if rng.random() < SAME_PLACE_SHARE:
            place = previous_place
        else:
            place = places[rng.randrange(len(places))]
        previous_place = place

        registered_at = created_at + timedelta(seconds=rng.randint(5, 600))
        local_year = registered_at.year
        numbers[local_year] = numbers.get(local_year, 0) + 1
        report = GeneratedReport(
            pk=pk,
            category=category,
            place=place,
            created_at=created_at,
            status="registered",
            registry_number=f"{numbers[local_year]}/{local_year}",
            registered_at=registered_at,
            due_date=(registered_at + timedelta(days=ANSWER_DAYS)).date(),
        )
        age_days = (now - created_at).total_seconds() / 86400
        _live(rng, report, age_days, outcomes[_pick(rng, outcome_cumulative)], now)
        yield report


def _cumulative(weights: Any) -> list[float]:
    total = 0.0
    cumulative = []
    for weight in weights:
        total += weight
        cumulative.append(total)
    return cumulative


def _pick(rng: random.Random, cumulative: list[float]) -> int:
    return bisect.bisect_left(cumulative, rng.random() * cumulative[-1])


def _live(
    rng: random.Random,
    report: GeneratedReport,
    age_days: float,
    outcome: str,
    now: datetime,
) -> None:
    """Take the report as far as its age and outcome say, with its events."""
    events = report.events
    events.append(("submitted", "", "submitted", "citizen", report.created_at))
    events.append(
        ("registered", "submitted", "registered", "citizen", report.registered_at)
    )
    if age_days < NEW_DAYS and rng.random() < 0.3:
        return
    if outcome == "rejected" and age_days >= NEW_DAYS:
        report.status = "rejected"
        report.rejected_at = _after(rng, report.registered_at, 0.1, 3, now)
        events.append(
            ("rejected", "registered", "rejected", "citizen", report.rejected_at)
        )
        return

    report.status = "published"
    report.published_at = _after(rng, report.registered_at, 0.05, 2, now)
    events.append(
        ("published", "registered", "published", "public", report.published_at)
    )
    if age_days < NEW_DAYS:
        return

    report.status = "assigned"
    report.assigned_at = _after(rng, report.published_at, 0.05, 3, now)
    events.append(("assigned", "published", "assigned", "internal", report.assigned_at))
    if age_days < OPEN_DAYS and rng.random() < 0.6:
        return

    report.status = "resolved"
    report.outcome = outcome if outcome != "rejected" else "fixed"
    # Most answers come within the legal term; about one in twelve is late.
    days = rng.uniform(1, 28) if rng.random() > 0.08 else rng.uniform(30, 60)
    report.resolved_at = _after(rng, report.assigned_at, days * 0.8, days, now)
    events.append(("resolved", "assigned", "resolved", "public", report.resolved_at))


def _after(
    rng: random.Random,
    moment: datetime,
    low_days: float,
    high_days: float,
    now: datetime,
) -> datetime:
    later = moment + timedelta(days=rng.uniform(low_days, high_days))
    return min(later, now - timedelta(seconds=1))


# Loading


@dataclass
class Cast:
    institution_id: int
    categories: dict[str, int]
    departments: dict[str, int]
    authors: list[int]
    clerk_id: int
    staff: dict[str, int]


def create_cast(authors: int = 2000) -> Cast:
    """The institution, its categories, departments and people, by the ORM."""
    from django.contrib.auth.hashers import make_password
    from django.contrib.gis.geos import MultiPolygon, Point, Polygon

    from accounts.models import User
    from demo import data
    from institutions.models import (
        Category,
        Department,
        Institution,
        Membership,
        Role,
        RoutingRule,
    )

    institution = Institution.objects.create(
        **data.INSTITUTION,
        map_centre=Point(*data.CENTRE, srid=4326),
        boundary=MultiPolygon(Polygon([*data.BOUNDARY, data.BOUNDARY[0]]), srid=4326),
    )
    departments = {
        spec.key: Department.objects.create(
            institution=institution, name=spec.name, email=spec.email
        )
        for spec in data.DEPARTMENTS
    }
    categories = {}
    for position, spec in enumerate(data.CATEGORIES, start=1):
        category = Category.objects.create(
            institution=institution,
            name=spec.name,
            colour=spec.colour,
            icon=spec.icon,
            position=position,
        )
        RoutingRule.objects.create(
            institution=institution,
            category=category,
            department=departments[spec.department],
        )
        categories[spec.key] = category

    password = make_password(None)
    users = User.objects.bulk_create(
        User(
            email=f"cetatean{number}@bench.example",
            full_name=f"Cetățean {number}",
            password=password,
        )
        for number in range(authors)
    )
    clerk = User.objects.create(
        email="registratura@bench.example", full_name="Registratură", password=password
    )
    Membership.objects.create(user=clerk, institution=institution, role=Role.CLERK)
    staff = {}
    for key, department in departments.items():
        member = User.objects.create(
            email=f"{key}@bench.example",
            full_name=f"Responsabil {key}",
            password=password,
        )
        Membership.objects.create(
            user=member, institution=institution, role=Role.STAFF, department=department
        )
        staff[key] = member.pk

    routing = {spec.key: spec.department for spec in data.CATEGORIES}
    return Cast(
        institution_id=institution.pk,
        categories={key: category.pk for key, category in categories.items()},
        departments={key: departments[routing[key]].pk for key in categories},
        authors=[user.pk for user in users],
        clerk_id=clerk.pk,
        staff={key: staff[routing[key]] for key in categories},
    )


REPORT_COLUMNS = (
    "id, institution_id, author_id, category_id, location, address, description, "
    "public_description, status, department_id, assignee_id, registry_number, "
    "registered_at, due_date, published_at, resolved_at, created_at, updated_at, "
    "forwarded_to_name, forwarded_to_email, resolution_id, answers"
)
RESOLUTION_COLUMNS = (
    "id, report_id, outcome, summary, document, issued_by_id, issued_at, "
    "outgoing_number, satisfaction"
)
EVENT_COLUMNS = (
    "report_id, kind, from_status, to_status, text, visibility, actor_id, created_at"
)
BATCH = 20_000


def _value(value: object) -> str:
    if value is None:
        return "\\N"
    if isinstance(value, datetime):
        return value.isoformat()
    return str(value)


def _line(*values: object) -> str:
    return "\t".join(_value(value) for value in values) + "\n"


def load_dataset(count: int, *, seed: int = SEED, progress: Any = None) -> Cast:
    """Create the cast and ``count`` reports with COPY; returns the cast.

    Foreign keys are not checked row by row while loading (the rows are
    made consistent here), which is what makes a million rows take minutes.
    """
    from django.db import connection, transaction

    with transaction.atomic():
        cast = create_cast()
    rng = random.Random(seed + 1)
    outgoing: dict[int, int] = {}
    resolution_id = 0

    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL session_replication_role = replica")
        copies = _Copies(cursor.connection.cursor())
        for report in generate_reports(count, seed=seed):
            description = f"Problemă semnalată: {report.place.address}."
            public = report.status in ("published", "assigned", "resolved")
            assignee = cast.staff[report.category] if report.assigned_at else None
            department = cast.departments[report.category] if public else None
            updated = max(moment for *_rest, moment in report.events)
            if report.resolved_at:
                resolution_id += 1
            copies.reports.write(
                _line(
                    report.pk,
                    cast.institution_id,
                    cast.authors[rng.randrange(len(cast.authors))],
                    cast.categories[report.category],
                    f"SRID=4326;POINT({report.place.x} {report.place.y})",
                    report.place.address,
                    description,
                    description if public else "",
                    report.status,
                    department,
                    assignee,
                    report.registry_number,
                    report.registered_at,
                    report.due_date,
                    report.published_at,
                    report.resolved_at,
                    report.created_at,
                    updated,
                    "",
                    "",
                    resolution_id if report.resolved_at else None,
                    "[]",
                )
            )
            if report.resolved_at:
                year = report.resolved_at.year
                outgoing[year] = outgoing.get(year, 0) + 1
                copies.resolutions.write(
                    _line(
                        resolution_id,
                        report.pk,
                        report.outcome,
                        TEXTS[report.outcome],
                        "private/resolutions/bench.pdf",
                        assignee,
                        report.resolved_at,
                        f"{outgoing[year]}/{year}",
                        "",
                    )
                )
            for kind, from_status, to_status, visibility, moment in report.events:
                actor = cast.clerk_id if kind in ("published", "rejected") else None
                if kind in ("assigned", "resolved"):
                    actor = assignee
                text = TEXTS[report.outcome] if kind == "resolved" else ""
                copies.events.write(
                    _line(
                        report.pk,
                        kind,
                        from_status,
                        to_status,
                        text,
                        visibility,
                        actor,
                        moment,
                    )
                )
            if report.pk % BATCH == 0:
                copies.flush()
                if progress:
                    progress(report.pk)
        copies.flush()
        copies.close()
        cursor.execute("SET LOCAL session_replication_role = DEFAULT")

    _reset_sequences(("reports_report", "reports_resolution", "reports_event"))
    # The map's kept counts (MapCell) follow the reports through triggers,
    # which the load above switched off.
    with connection.cursor() as cursor:
        cursor.execute("SELECT reports_mapcell_rebuild()")
    return cast


class _Copies:
    """Three COPY streams, fed in batches so memory stays small."""

    def __init__(self, cursor: Any) -> None:
        self.cursor = cursor
        self.reports = io.StringIO()
        self.resolutions = io.StringIO()
        self.events = io.StringIO()

    def flush(self) -> None:
        for table, columns, buffer in (
            ("reports_report", REPORT_COLUMNS, self.reports),
            ("reports_resolution", RESOLUTION_COLUMNS, self.resolutions),
            ("reports_event", EVENT_COLUMNS, self.events),
        ):
            text = buffer.getvalue()
            if not text:
                continue
            with self.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                copy.write(text)
            buffer.seek(0)
            buffer.truncate()

    def close(self) -> None:
        self.cursor.close()


def _reset_sequences(tables: tuple[str, ...]) -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"(SELECT coalesce(max(id), 1) FROM {table}))"
            )
