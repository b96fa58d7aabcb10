"""Time every dashboard view against the 1,000,000-report data set.

    .venv/bin/python bench/dashboard_data.py      # once: copy, zones, facts
    .venv/bin/python bench/dashboards.py [--database sesizari_bench_dash]
        [--runs 7]

Each view is asked for through Django's test client, as a viewer of the
institution, once to warm up and then --runs times; the median and the
slowest time are printed. The public page's cache is cleared before each
request, so its time is the computation's. The goal is under 500 ms.
"""

import argparse
import os
import statistics
import sys
import time
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

if TYPE_CHECKING:
    from accounts.models import User

GOAL_MS = 500


def say(text: str) -> None:
    sys.stdout.write(f"{text}\n")
    sys.stdout.flush()


def setup(database: str) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sesizari.test_settings")
    os.environ["DATABASE_URL"] = f"postgis://postgres@127.0.0.1:5432/{database}"
    import django

    django.setup()


def viewer() -> "User":
    from accounts.models import User
    from institutions.models import Institution, Membership, Role

    institution = Institution.objects.order_by("pk").first()
    user, _created = User.objects.get_or_create(
        email="bench.viewer@example.ro", defaults={"full_name": "Bench Viewer"}
    )
    Membership.objects.get_or_create(
        user=user, institution=institution, role=Role.VIEWER
    )
    return user


def cases(today: date) -> list[tuple[str, str]]:
    from django.urls import reverse

    from zones.models import Zone

    zone = Zone.objects.order_by("pk").first()
    if zone is None:
        raise SystemExit("No zones: run bench/dashboard_data.py first.")
    last_year = f"start={today.replace(year=today.year - 1)}&end={today}"
    three_years = f"start={today.replace(year=today.year - 3)}&end={today}"
    return [
        ("evolution, 12 months per month", reverse("dashboards:evolution")),
        (
            "evolution, per week, by zone",
            reverse("dashboards:evolution") + "?granularity=week&by=zone",
        ),
        (
            "evolution, 3 years, by department",
            reverse("dashboards:evolution") + f"?{three_years}&by=department",
        ),
        (
            "evolution, one zone",
            reverse("dashboards:evolution") + f"?{last_year}&zone={zone.pk}",
        ),
        ("where, 500 m hexagons", reverse("dashboards:where")),
        ("where, 250 m hexagons", reverse("dashboards:where") + "?hex=250"),
        (
            "where, web map hexagons at zoom 13",
            reverse("dashboards:hexagons") + "?zoom=13",
        ),
        (
            "where, web map hexagons at zoom 16",
            reverse("dashboards:hexagons") + "?zoom=16",
        ),
        ("when", reverse("dashboards:when")),
        ("when, 3 years", reverse("dashboards:when") + f"?{three_years}"),
        ("work", reverse("dashboards:work")),
        ("work, one zone", reverse("dashboards:work") + f"?zone={zone.pk}"),
        (
            "export work tables, xlsx",
            reverse("dashboards:export", args=["work", "xlsx"]),
        ),
        (
            "export evolution tables, csv",
            reverse("dashboards:export", args=["evolution", "csv"]),
        ),
        ("public statistics", reverse("public-statistics")),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database", default="sesizari_bench_dash")
    parser.add_argument("--runs", type=int, default=7)
    arguments = parser.parse_args()
    setup(arguments.database)

    from django.core.cache import cache
    from django.test import Client
    from django.utils import timezone

    from reports.models import Report

    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(viewer())
    total = Report.objects.count()
    say(f"{total:,} reports in {arguments.database}; {arguments.runs} runs")
    say(f"{'view':40} {'median':>8} {'slowest':>8}")

    slow = 0
    for name, url in cases(timezone.localdate()):
        timings = []
        for _run in range(arguments.runs + 1):
            cache.clear()
            started = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
            if response.status_code != 200:
                raise SystemExit(f"{url} answered {response.status_code}")
        median = statistics.median(timings[1:])
        slow += median > GOAL_MS
        say(f"{name:40} {median:6.0f}ms {max(timings[1:]):6.0f}ms")
    say(f"{slow} view(s) over {GOAL_MS} ms (median)")


if __name__ == "__main__":
    main()
