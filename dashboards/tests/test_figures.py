"""Every figure of the dashboards against the small city of conftest.py.

The expected numbers are worked out by hand from the table there.
"""

import io
from datetime import date

import pytest
from django.core.management import call_command
from django.utils import timezone

from dashboards import busy, evolution, facts, places, public, work
from dashboards.filters import WEEK
from dashboards.models import ReportFact
from reports.models import Report

pytestmark = pytest.mark.django_db


def test_facts_keep_romanian_days_and_hours(city):
    sunday_late = ReportFact.objects.get(report=city.reports["B"])
    after_midnight = ReportFact.objects.get(report=city.reports["H"])

    assert (sunday_late.received_on, sunday_late.received_hour) == (
        date(2026, 1, 25),
        23,
    )
    # Sunday 21:30 in UTC, Monday 00:30 in Bucharest.
    assert (after_midnight.received_on, after_midnight.received_hour) == (
        date(2026, 3, 30),
        0,
    )


def test_facts_follow_a_change_made_after_the_last_refresh(city, flow, clerk):
    report = city.reports["H"]
    flow.publish(report)

    facts.refresh()

    assert ReportFact.objects.get(report=report).publish_days is not None


def test_open_count_follows_a_rejection_after_the_last_refresh(city, flow):
    until_today = city.filters(end=timezone.localdate())
    before = evolution.series(until_today).open[-1]

    flow.reject(city.reports["H"])
    facts.refresh()

    assert evolution.series(until_today).open[-1] == before - 1


def test_zones_add_up_to_the_whole(city):
    whole = evolution.series(city.filters())
    parts = [
        evolution.series(city.filters(zone=city.centre)),
        evolution.series(city.filters(zone=city.manastur)),
        evolution.series(city.filters(outside_zones=True)),
    ]

    # The whole comes from the day counts, the zones from the facts.
    for measure in ("received", "resolved", "open"):
        summed = [
            sum(values)
            for values in zip(*(getattr(part, measure) for part in parts), strict=True)
        ]
        assert summed == getattr(whole, measure)


def test_evolution_per_month_with_the_year_before(city):
    figures = evolution.series(city.filters())
    before = evolution.series(city.filters().year_before())

    assert figures.buckets == [date(2026, 1, 1), date(2026, 2, 1), date(2026, 3, 1)]
    assert figures.received == [2, 2, 2]
    assert figures.resolved == [2, 0, 1]
    # F was open on 1 January; A and F closed in January, C in February,
    # B in March.
    assert figures.open == [1, 2, 3]
    assert before.received == [1, 0, 0]
    assert before.resolved == [1, 0, 0]
    assert before.open == [0, 0, 0]


def test_evolution_counts_a_report_after_midnight_in_its_local_month(city):
    february = city.filters(start=date(2026, 2, 1), end=date(2026, 2, 28))

    figures = evolution.series(february)

    # I came at 00:30 on 1 March in Bucharest, 22:30 on 28 February in UTC.
    assert figures.received == [2]


def test_evolution_per_week_starts_on_monday(city):
    figures = evolution.series(
        city.filters(start=date(2026, 3, 25), end=date(2026, 3, 31), granularity=WEEK)
    )

    assert figures.buckets == [date(2026, 3, 23), date(2026, 3, 30)]
    assert figures.received == [0, 1]


def test_evolution_table_lines_up_the_year_before(city):
    table = evolution.evolution(city.filters(), "category").table

    assert table.rows[0] == ["2026-01", 2, 1, 2, 1, 1, 0]
    assert table.rows[2] == ["2026-03", 2, 0, 1, 0, 3, 0]


def test_breakdown_per_category(city):
    table = evolution.breakdown(city.filters(), "category")

    assert table.rows == [
        ["Străzi/Alei/Trotuare/Poduri", 4, 1, "+300%", 1, 2],
        ["Spații verzi/Parcuri", 2, 0, "–", 1, 1],
    ]


def test_breakdown_per_zone_names_the_outside(city):
    table = evolution.breakdown(city.filters(), "zone")

    assert table.rows == [
        ["Centru", 3, 1, "+200%", 1, 2],
        ["Mănăștur", 2, 0, "–", 1, 1],
        ["În afara zonelor", 1, 0, "–", 0, 0],
    ]


def test_filters_narrow_every_count(city):
    outside = city.filters(outside_zones=True)
    manastur = city.filters(zone=city.manastur)

    assert evolution.series(outside).received == [0, 1, 0]
    assert evolution.series(manastur).received == [1, 0, 1]


def test_weekday_hour_in_bucharest(city):
    counts = busy.week_hours(city.filters()).counts

    saturday, sunday, monday, tuesday = 5, 6, 0, 1
    assert counts[sunday][23] == 1  # B, Sunday 23:30
    assert counts[sunday][0] == 1  # I, Sunday 00:30 (Saturday in UTC)
    assert counts[monday][0] == 1  # H, Monday 00:30 (Sunday in UTC)
    assert counts[saturday][9] == 1  # A
    assert counts[saturday][8] == 1  # D
    assert counts[tuesday][12] == 1  # C
    assert sum(map(sum, counts)) == 6


def test_busiest_weeks(city):
    table = busy.busiest_weeks(city.filters())

    assert len(table.rows) == 6
    assert table.rows[0] == ["2026-W02", "2026-01-05", "2026-01-11", 1]


def test_backlog_by_age_and_department(city):
    table = work.backlog(city.filters(), today=date(2026, 4, 1))

    # D: 46 days old and past its due date; H: 2 days; I: 31 days, not routed.
    assert table.rows == [
        ["Direcția Tehnică", 2, 1, 0, 0, 0, 1, 1, 46, 24.0],
        ["Nerepartizate încă", 1, 0, 0, 0, 1, 0, 0, 31, 31.0],
        ["Total", 3, 1, 0, 0, 1, 1, 1, 46, 31.0],
    ]


def test_backlog_of_a_head_department(city, roads):
    table = work.backlog(city.filters(department=roads), today=date(2026, 4, 1))

    assert [row[:2] for row in table.rows] == [
        ["Direcția Tehnică", 2],
        ["Total", 2],
    ]


def test_durations_per_category_from_the_timeline(city):
    _by_department, table = work.durations(city.filters())

    potholes, parks, everything = table.rows
    # Publish: A 0.25 and D 0.083 days; assign: A 0.75 and D 1.25 days;
    # resolve: A 10 days.
    assert potholes == [
        "Străzi/Alei/Trotuare/Poduri",
        4,
        2,
        0.2,
        0.2,
        2,
        1.0,
        1.2,
        1,
        10.0,
        10.0,
    ]
    # B: published after 1.5 days, resolved after 39 days.
    assert parks == [
        "Spații verzi/Parcuri",
        2,
        1,
        1.5,
        1.5,
        0,
        None,
        None,
        1,
        39.0,
        39.0,
    ]
    assert everything[:3] == ["Total", 6, 3]


def test_share_within_the_legal_term(city):
    table = work.within_term(city.filters())

    # January: F (due 19, answered 5) and A (due 10 Feb); March: B, late.
    assert table.rows == [
        ["2026-01", 2, 2, 100.0],
        ["2026-03", 1, 0, 0.0],
        ["Total", 3, 2, 66.7],
    ]


def test_outcomes_separate_every_ending(city):
    table = work.outcomes(city.filters())

    counts = {row[0]: row[1] for row in table.rows}
    assert counts["Rezolvată"] == 1
    assert counts["Refuzată"] == 1
    assert counts["Respinse"] == 1
    assert counts["Încă deschise"] == 3
    assert counts["Rezolvată parțial"] == 0
    assert table.rows[-1] == ["Total", 6, 100.0]


def test_zone_counts_received_and_open(city):
    rows = {row[0]: row[1:3] for row in places.zone_counts(city.filters())}

    assert rows == {"Centru": (3, 2), "Mănăștur": (2, 1), None: (1, 0)}


def test_hexagons_hold_every_report_once(city):
    hexagons = places.hexagon_counts(city.filters(), 500)

    assert sum(received for _q, _r, received, _open in hexagons) == 6
    # A, C, D and H share Piața Unirii; D and H are still open there.
    assert max(hexagons, key=lambda row: row[2])[2:] == (4, 2)


def test_hexagon_corners_surround_their_centre():
    corners = places.hexagon_corners(2, -1, 500)
    centre_x, centre_y = places.hexagon_centre(2, -1, 500)

    for x, y in corners:
        assert round(((x - centre_x) ** 2 + (y - centre_y) ** 2) ** 0.5) == 500


def test_recurring_places(city):
    table = places.recurring_places(city.filters())

    assert len(table.rows) == 1
    category, address, _lat, _lon, count, months, first, last = table.rows[0]
    assert (category, address, count, months, first, last) == (
        "Străzi/Alei/Trotuare/Poduri",
        "Piața Unirii 1",
        4,
        3,
        "2026-01-10",
        "2026-03-30",
    )


def test_public_figures_per_month(city):
    table = public.per_month(city.filters())

    assert table.rows == [
        ["2026-01", 2, 2, 13.0, 100.0],
        ["2026-02", 2, 0, None, None],
        ["2026-03", 2, 1, 39.0, 0.0],
    ]


def test_rebuild_picks_up_a_change_without_an_event(city):
    # A zone import re-assigns reports with a bulk update: no event.
    Report.objects.filter(pk=city.reports["C"].pk).update(zone=city.centre)

    call_command("refresh_dashboard_facts", "--all", stdout=io.StringIO())

    assert ReportFact.objects.get(report=city.reports["C"]).zone_id == city.centre.pk


def test_zone_counts_follow_a_zone_import(city):
    from zones.operations import import_zones
    from zones.tests.geojson import collection, feature

    before = evolution.series(city.filters(zone=city.centre))
    # Mănăștur is drawn again to hold Piața Unirii too: every report in
    # the period moves there, C (outside the zones until now) with them.
    import_zones(
        institution=city.centre.institution,
        data=collection(
            feature("Centru", (23.70, 46.70, 23.71, 46.71)),
            feature("Mănăștur", (23.50, 46.74, 23.60, 46.78)),
        ),
        name_property="name",
        kind="neighbourhood",
        replace=True,
    )

    in_centre = evolution.series(city.filters(zone=city.centre))
    in_manastur = evolution.series(city.filters(zone=city.manastur))
    assert sum(before.received) == 3
    assert sum(in_centre.received) == 0
    assert sum(in_manastur.received) == 6
