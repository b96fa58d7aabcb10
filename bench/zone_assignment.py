"""How long placing every report in its zone takes, and the feeds, at scale.

    .venv/bin/python bench/zone_assignment.py [--reports N] [--zones FILE]

It creates a scratch PostgreSQL database (``sesizari_bench_<pid>`` on the
server of DATABASE_URL, by default postgis://postgres@127.0.0.1:5432),
migrates it, imports the zones (the Cluj-Napoca neighbourhoods of
../shared/data when present, or --zones FILE with --name-property, or else
a grid of 20 hand-made squares), inserts N public reports in one SQL
statement (denser towards the centre, a fifth of them resolved), then times:

- assign_zones when every report moves (the first import over old reports),
  and again when none does (an import that changes nothing);
- import_zones of the same file, replacing the zones, with the re-assignment;
- zone_at, the lookup made when a report is sent, over 1,000 places;
- the Atom feeds' queries (50 newest), without and with a zone filter.

The database is dropped afterwards, whatever happened.
"""

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

# Run as a script from anywhere: the project's packages are one level up.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from registry_outbox import ScratchDatabase, configure_django

ROOT = Path(__file__).resolve().parent.parent
CLUJ_ZONES = (
    ROOT.parent / "shared" / "data" / "geo" / "cluj-napoca-cartiere-2017.geojson"
)
# Cluj-Napoca's bounding box and centre.
BOX = (23.45, 46.68, 23.72, 46.85)
CENTRE = (23.5899, 46.7694)
LOOKUPS = 1_000


def say(line: str = "") -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def parse_arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n", 1)[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--reports", type=int, default=1_000_000, metavar="N")
    parser.add_argument("--zones", type=Path, default=None, metavar="FILE")
    parser.add_argument("--name-property", default="name")
    parser.add_argument(
        "--keep", action="store_true", help="keep the database, to look into it"
    )
    return parser.parse_args()


def grid_of_squares() -> tuple[bytes, str]:
    """20 squares of about 1.5 km over the city, for want of a real file."""
    features = []
    for row in range(4):
        for column in range(5):
            west = 23.53 + column * 0.022
            south = 46.73 + row * 0.016
            ring = [
                [west, south],
                [west + 0.02, south],
                [west + 0.02, south + 0.014],
                [west, south + 0.014],
                [west, south],
            ]
            features.append(
                {
                    "type": "Feature",
                    "properties": {"name": f"Zona {row}-{column}"},
                    "geometry": {"type": "Polygon", "coordinates": [ring]},
                }
            )
    data = {"type": "FeatureCollection", "features": features}
    return json.dumps(data).encode(), "name"


def zone_file(arguments: argparse.Namespace) -> tuple[bytes, str, str]:
    if arguments.zones:
        return (
            arguments.zones.read_bytes(),
            arguments.name_property,
            arguments.zones.name,
        )
    if CLUJ_ZONES.exists():
        return CLUJ_ZONES.read_bytes(), "defaultLabel", CLUJ_ZONES.name
    data, name_property = grid_of_squares()
    return data, name_property, "grid of 20 squares"


def read_feed(feed: Any, listing: Any) -> list[Any]:
    return list(feed.items(listing))


def timed(action: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = action()
    return time.perf_counter() - started, result


# Two reports in three around the centre (a normal spread of about 2 km),
# the others anywhere in the box; published over ten years, a fifth resolved.
INSERT_REPORTS = """
INSERT INTO reports_report (
    institution_id, author_id, category_id, location, address, description,
    public_description, status, registry_number, created_at, updated_at,
    published_at, resolved_at, forwarded_to_name, forwarded_to_email
)
SELECT
    %(institution)s, %(author)s, %(category)s,
    ST_SetSRID(ST_MakePoint(spot.x, spot.y), 4326),
    '', 'bench', 'bench',
    CASE WHEN spot.resolved THEN 'resolved' ELSE 'published' END,
    'B' || spot.n, spot.at, spot.at, spot.at,
    CASE WHEN spot.resolved THEN spot.at + interval '9 days' END,
    '', ''
FROM (
    SELECT
        n,
        CASE WHEN random() < 0.67
            THEN %(cx)s + 0.026 * sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random())
            ELSE %(west)s + random() * (%(east)s - %(west)s) END AS x,
        CASE WHEN random() < 0.67
            THEN %(cy)s + 0.018 * sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random())
            ELSE %(south)s + random() * (%(north)s - %(south)s) END AS y,
        now() - random() * interval '3650 days' AS at,
        random() < 0.2 AS resolved
    FROM generate_series(1, %(count)s) AS n
) AS spot
"""


def main() -> None:
    arguments = parse_arguments()
    database = ScratchDatabase.for_run(spatialite=False)
    database.create()
    try:
        with tempfile.TemporaryDirectory() as media:
            configure_django(database.url, media)
            run(arguments)
    finally:
        from django.db import connections

        connections.close_all()
        if arguments.keep:
            say(f"Kept the database {database.name}: drop it when done.")
        else:
            database.drop()


def run(arguments: argparse.Namespace) -> None:
    from django.contrib.gis.geos import MultiPolygon, Point, Polygon
    from django.core.management import call_command
    from django.db import connection
    from django.test import RequestFactory

    from accounts.models import User
    from institutions.models import Category, Institution
    from reports.feeds import Listing, NewReportsFeed, ResolvedReportsFeed
    from reports.filters import ReportFilterForm
    from zones.models import Zone
    from zones.operations import assign_zones, import_zones, zone_at

    call_command("migrate", verbosity=0)
    institution = Institution.objects.create(
        name="Primăria Cluj-Napoca",
        slug="cluj-napoca",
        boundary=MultiPolygon(Polygon.from_bbox(BOX), srid=4326),
        map_centre=Point(*CENTRE, srid=4326),
    )
    category = Category.objects.create(institution=institution, name="Gropi")
    author = User.objects.create(email="bench@example.ro", full_name="Bench")
    data, name_property, source = zone_file(arguments)
    zones_read = import_zones(
        institution=institution,
        data=data,
        name_property=name_property,
        kind="neighbourhood",
        replace=True,
        source=source,
    )
    say(f"Zones: {zones_read.created} from {source}")

    seconds, _ = timed(
        lambda: connection.cursor().execute(
            INSERT_REPORTS,
            {
                "institution": institution.pk,
                "author": author.pk,
                "category": category.pk,
                "cx": CENTRE[0],
                "cy": CENTRE[1],
                "west": BOX[0],
                "south": BOX[1],
                "east": BOX[2],
                "north": BOX[3],
                "count": arguments.reports,
            },
        )
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE reports_report")
    say(f"Inserted {arguments.reports:,} reports in {seconds:.1f} s")

    seconds, moved = timed(lambda: assign_zones(institution))
    say(f"assign_zones, every report placed: {seconds:.2f} s ({moved:,} moved)")
    seconds, moved = timed(lambda: assign_zones(institution))
    say(f"assign_zones, nothing to change:   {seconds:.2f} s ({moved:,} moved)")
    seconds, result = timed(
        lambda: import_zones(
            institution=institution,
            data=data,
            name_property=name_property,
            kind="neighbourhood",
            replace=True,
            source=source,
        )
    )
    say(
        f"import_zones, replacing with the same file: {seconds:.2f} s "
        f"({result.updated} zones updated, {result.moved:,} reports moved)"
    )
    outside = institution.reports.filter(zone__isnull=True).count()
    say(f"Reports outside the zones: {outside:,}")

    lookups = []
    for index in range(LOOKUPS):
        point = Point(
            BOX[0] + (BOX[2] - BOX[0]) * ((index * 7919) % LOOKUPS) / LOOKUPS,
            BOX[1] + (BOX[3] - BOX[1]) * ((index * 104729) % LOOKUPS) / LOOKUPS,
            srid=4326,
        )
        seconds, _zone = timed(partial(zone_at, institution, point))
        lookups.append(seconds * 1000)
    say(
        f"zone_at over {LOOKUPS} places: median {statistics.median(lookups):.2f} ms, "
        f"p95 {statistics.quantiles(lookups, n=20)[-1]:.2f} ms"
    )

    # One zone, the last of the file: with the Cluj-Napoca file, a small one.
    zone = Zone.objects.filter(institution=institution).order_by("-pk").first()
    factory = RequestFactory()
    for feed in (NewReportsFeed(), ResolvedReportsFeed()):
        for query in ({}, {"zone": zone.pk if zone else ""}, {"zone": "outside"}):
            request = factory.get("/", query)
            form = ReportFilterForm(request.GET, institution=institution)
            listing = Listing(institution, form)
            times = []
            for _ in range(5):
                seconds, items = timed(partial(read_feed, feed, listing))
                times.append(seconds * 1000)
            say(
                f"{type(feed).__name__} {query or ''}: {len(items)} items, "
                f"median {statistics.median(times):.1f} ms"
            )


if __name__ == "__main__":
    main()
