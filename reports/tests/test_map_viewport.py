"""The map data of a viewport: reports one by one, or clusters that add up."""

import pytest
from django.contrib.gis.geos import Point
from django.db import connection
from django.http import QueryDict
from django.urls import reverse

from reports import mapdata
from reports.models import MapCell, Outcome, Report

CITY = "bbox=23.45,46.68,23.72,46.85"
# Three places in the centre, about 300 m apart, and one in Mănăștur.
UNIRII = (23.5899, 46.7694)
MIHAI_VITEAZUL = (23.5950, 46.7738)
CIPARIU = (23.6000, 46.7680)
MANASTUR = (23.5400, 46.7550)


def map_data(client, query):
    response = client.get(f"{reverse('reports:map-data')}?{query}")
    assert response.status_code == 200
    return response.json()


def move(report: Report, place: tuple[float, float]) -> Report:
    # An update, as a clerk correcting the place would make it: the kept
    # counts follow through their trigger.
    Report.objects.filter(pk=report.pk).update(location=Point(*place, srid=4326))
    report.refresh_from_db()
    return report


def ids(data) -> set[int]:
    return {feature["properties"]["id"] for feature in data["features"]}


@pytest.fixture
def four_reports(flow):
    new = move(flow.published(), UNIRII)
    in_progress = move(flow.assign(flow.published()), MIHAI_VITEAZUL)
    resolved = move(flow.resolve(flow.assign(flow.published())), CIPARIU)
    closed = move(
        flow.resolve(flow.assign(flow.published()), Outcome.REFUSED), MANASTUR
    )
    return new, in_progress, resolved, closed


def test_map_data_at_street_zoom_lists_the_reports_of_the_viewport(
    client, four_reports
):
    new, in_progress, _resolved, _closed = four_reports

    data = map_data(client, "bbox=23.585,46.765,23.597,46.775&zoom=17")

    assert data["mode"] == "reports"
    assert data["clustered"] is None
    assert ids(data) == {new.pk, in_progress.pk}
    assert data["total"] == 2
    assert data["area"] == [23.585, 46.765, 23.597, 46.775]


def test_map_data_at_city_zoom_gives_clusters_that_add_up(client, four_reports):
    data = map_data(client, f"{CITY}&zoom=12")

    assert data["mode"] == "clusters"
    assert data["clustered"] == "zoom"
    assert data["total"] == 4
    counts = [feature["properties"]["count"] for feature in data["features"]]
    assert sum(counts) == 4
    states = {"new": 0, "in_progress": 0, "resolved": 0, "closed": 0}
    for feature in data["features"]:
        assert feature["properties"]["cluster"] is True
        for state, count in feature["properties"]["states"].items():
            states[state] += count
    assert states == {"new": 1, "in_progress": 1, "resolved": 1, "closed": 1}


def test_map_data_clusters_a_crowded_street_view_and_says_so(client, flow, monkeypatch):
    monkeypatch.setattr(mapdata, "REPORT_LIMIT", 2)
    for _ in range(3):
        move(flow.published(), UNIRII)

    data = map_data(client, "bbox=23.585,46.765,23.597,46.775&zoom=17")

    assert data["mode"] == "clusters"
    assert data["clustered"] == "limit"
    assert data["limit"] == 2
    assert data["total"] == 3
    [cluster] = data["features"]
    assert cluster["properties"]["count"] == 3
    assert cluster["properties"]["states"]["new"] == 3


def test_map_data_at_the_deepest_zoom_keeps_one_place_reachable(
    client, flow, monkeypatch
):
    monkeypatch.setattr(mapdata, "REPORT_LIMIT", 1)
    first = move(flow.published(), UNIRII)
    second = move(flow.published(), UNIRII)

    data = map_data(client, "bbox=23.5895,46.7690,23.5905,46.7698&zoom=19")

    [cluster] = data["features"]
    assert cluster["properties"]["count"] == 2
    # One place: the map offers the list of that box, which holds both.
    west, south, east, north = cluster["properties"]["bbox"]
    assert (west, south) == (east, north) == UNIRII
    listed = client.get(
        reverse("reports:list"), {"bbox": f"{west},{south},{east},{north}"}
    )
    assert [report.pk for report in listed.context["page"]] == [second.pk, first.pk]


def test_map_data_counts_every_report_without_a_viewport(client, four_reports):
    data = map_data(client, "zoom=3")

    assert data["mode"] == "clusters"
    assert data["total"] == 4


@pytest.mark.parametrize(
    "query",
    ["bbox=oops", "bbox=1,2,3", "bbox=3,2,1,4", "bbox=nan,1,2,3", "zoom=99&bbox="],
)
def test_map_data_ignores_an_invalid_viewport(client, four_reports, query):
    data = map_data(client, query)

    assert data["mode"] == "reports"
    assert data["total"] == 4


@pytest.mark.parametrize("zoom", [12, 17])
def test_map_data_filters_clusters_and_reports_by_category(client, flow, parks, zoom):
    move(flow.published(), UNIRII)
    park = move(flow.published(category=parks), UNIRII)

    data = map_data(
        client, f"bbox=23.585,46.765,23.597,46.775&zoom={zoom}&category={parks.pk}"
    )

    assert data["total"] == 1
    if zoom == 17:
        assert ids(data) == {park.pk}


@pytest.mark.parametrize("zoom", [12, 17])
def test_map_data_filters_by_outcome(client, four_reports, zoom):
    _new, _in_progress, resolved, _closed = four_reports

    data = map_data(client, f"{CITY}&zoom={zoom}&outcome={Outcome.FIXED}")

    assert data["total"] == 1
    if zoom == 17:
        assert ids(data) == {resolved.pk}


def test_map_data_filters_by_period(client, four_reports):
    new, *others = four_reports
    Report.objects.filter(pk=new.pk).update(created_at="2024-03-10T10:00:00+02:00")

    inside = map_data(client, f"{CITY}&since=2024-03-10&until=2024-03-10")
    before = map_data(client, f"{CITY}&until=2024-03-09")
    after = map_data(client, f"{CITY}&since=2024-03-11")

    assert ids(inside) == {new.pk}
    assert ids(before) == set()
    assert ids(after) == {report.pk for report in others}


def test_map_data_of_one_linked_report_gives_its_place(client, four_reports):
    new, *_others = four_reports

    data = map_data(client, f"report={new.pk}")

    assert ids(data) == {new.pk}
    assert data["features"][0]["geometry"]["coordinates"] == list(UNIRII)


def test_map_data_of_a_linked_report_respects_the_filters(client, four_reports):
    new, *_others = four_reports

    data = map_data(client, f"report={new.pk}&status=resolved")

    assert data["features"] == []


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="kept counts exist on PostgreSQL"
)
def test_kept_counts_equal_a_recount_after_every_step(flow, four_reports):
    new, _in_progress, resolved, _closed = four_reports
    flow.assign(new)
    resolved.resolution.outcome = Outcome.NOT_COMPETENT
    resolved.resolution.save()
    kept = set(MapCell.objects.filter(count__gt=0).values_list(*CELL_KEY))

    with connection.cursor() as cursor:
        cursor.execute("SELECT reports_mapcell_rebuild()")
    recounted = set(MapCell.objects.filter(count__gt=0).values_list(*CELL_KEY))

    assert kept == recounted
    states = MapCell.objects.filter(level=3).values_list("state", "count")
    assert dict(states) == {"in_progress": 2, "closed": 2}


CELL_KEY = ("level", "grid_x", "grid_y", "category_id", "state", "count")


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="kept counts exist on PostgreSQL"
)
def test_kept_clusters_equal_clusters_counted_from_the_reports(
    flow, institution, four_reports
):
    viewport = mapdata.Viewport.from_query(QueryDict(f"{CITY}&zoom=13"))
    reports = mapdata.public_reports(institution)

    kept = mapdata.summary_clusters(institution, viewport, {})
    counted = mapdata.clusters(reports, viewport)

    assert [(cell.count, cell.states) for cell in kept] == [
        (cell.count, cell.states) for cell in counted
    ]
    for kept_cell, counted_cell in zip(kept, counted, strict=True):
        assert kept_cell.x == pytest.approx(counted_cell.x)
        assert kept_cell.y == pytest.approx(counted_cell.y)


def test_map_data_keeps_clusters_only_as_long_as_configured(client, flow, settings):
    from django.core.cache import cache

    cache.clear()
    settings.MAP_CACHE_SECONDS = 60
    move(flow.published(), UNIRII)
    first = map_data(client, f"{CITY}&zoom=12")
    first_street = map_data(client, "bbox=23.585,46.765,23.597,46.775&zoom=17")
    move(flow.published(), UNIRII)

    again = map_data(client, f"{CITY}&zoom=12")
    street = map_data(client, "bbox=23.585,46.765,23.597,46.775&zoom=17")

    assert (first["total"], again["total"]) == (1, 1)
    assert (first_street["total"], street["total"]) == (1, 2)
    cache.clear()
