"""The benchmark's data set: the mix of the Cluj platform, in Cluj."""

from collections import Counter
from datetime import UTC, datetime

import pytest

from bench import dataset
from reports.models import Report

pytestmark = pytest.mark.skipif(
    not dataset.NEIGHBOURHOODS_FILE.exists(),
    reason=f"no {dataset.NEIGHBOURHOODS_FILE}: the shared data is absent",
)
NOW = datetime(2026, 12, 4, 12, tzinfo=UTC)


@pytest.fixture(scope="module")
def reports():
    return list(dataset.generate_reports(5000, seed=7, now=NOW))


def test_dataset_is_ten_years_old_at_most_and_in_order(reports):
    moments = [report.created_at for report in reports]

    assert moments == sorted(moments)
    assert (NOW - moments[0]).days <= 3650
    assert moments[-1] < NOW


def test_dataset_numbers_are_unique_and_per_year(reports):
    numbers = [report.registry_number for report in reports]

    assert len(set(numbers)) == len(numbers)
    assert all(
        number.endswith(f"/{report.registered_at.year}")
        for number, report in zip(numbers, reports, strict=True)
    )


def test_dataset_places_are_in_cluj_neighbourhoods(reports):
    neighbourhoods = dataset.read_neighbourhoods()

    outside = [
        report
        for report in reports[:300]
        if not any(n.contains(report.place.x, report.place.y) for n in neighbourhoods)
    ]

    # Hot-spot points fall back to the spot itself, which is inside.
    assert outside == []


def test_dataset_keeps_the_platform_mix(reports):
    statuses = Counter(report.status for report in reports)
    categories = Counter(report.category for report in reports)
    outcomes = Counter(report.outcome for report in reports if report.outcome)

    assert statuses["resolved"] / len(reports) > 0.9
    assert categories.most_common(2)[0][0] in {"illegal_parking", "roads"}
    assert outcomes.most_common(1)[0][0] == "fixed"


def test_dataset_timeline_follows_the_status(reports):
    for report in reports:
        kinds = [event[0] for event in report.events]
        moments = [event[4] for event in report.events]

        assert kinds[:2] == ["submitted", "registered"]
        assert moments == sorted(moments)
        assert (report.status == "resolved") == ("resolved" in kinds)
        assert (report.resolved_at is not None) == (report.status == "resolved")


@pytest.mark.django_db(transaction=True)
def test_dataset_loads_into_the_current_schema():
    # The loader writes rows with COPY, column by column: a new column
    # without a default in the database breaks it, and only a load shows it.
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("the benchmark loads PostgreSQL only")

    dataset.load_dataset(300)

    loaded = Report.objects.select_related("resolution")
    assert loaded.count() == 300
    assert all(report.answers == [] for report in loaded)
    resolved = [report for report in loaded if report.resolution_id]
    assert resolved and all(r.resolution.report_id == r.pk for r in resolved)
