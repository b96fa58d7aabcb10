from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from institutions.models import Category
from reports.models import Outcome, PinState, Report
from tests.factories import (
    CategoryFactory,
    InstitutionFactory,
    MembershipFactory,
    RoutingRuleFactory,
)
from tests.flow import ORIGINAL, PUBLIC


def map_data(client, query=""):
    response = client.get(reverse("reports:map-data") + query)
    assert response.status_code == 200
    return response.json()


def states(data) -> dict[int, str]:
    return {f["properties"]["id"]: f["properties"]["state"] for f in data["features"]}


@pytest.mark.mainflow
def test_map_data_shows_a_published_report_as_a_new_pin(client, flow):
    report = flow.published()

    data = map_data(client)

    assert data["type"] == "FeatureCollection"
    assert data["count"] == 1
    [feature] = data["features"]
    assert feature["properties"]["id"] == report.pk
    assert feature["properties"]["state"] == "new"
    assert feature["properties"]["label"] == str(PinState.NEW.label)


@pytest.mark.mainflow
def test_map_data_leaves_out_reports_not_yet_published(client, flow):
    registered = flow.submit()
    published = flow.published()

    data = map_data(client)

    assert states(data) == {published.pk: "new"}
    assert registered.status == "registered"


def test_map_data_leaves_out_submitted_and_rejected_reports(client, flow, citizen):
    rejected = flow.reject(flow.submit())
    submitted = Report.objects.create(
        institution=rejected.institution,
        author=citizen,
        category=rejected.category,
        location=rejected.location,
        description=ORIGINAL,
    )

    data = map_data(client)

    assert data["features"] == []
    assert (data["mode"], data["total"], data["count"]) == ("reports", 0, 0)
    assert {rejected.status, submitted.status} == {"rejected", "submitted"}


def test_map_data_gives_each_public_state_its_pin(client, flow):
    new = flow.published()
    in_progress = flow.assign(flow.published())
    resolved = flow.resolve(flow.assign(flow.published()))
    closed = flow.resolve(flow.assign(flow.published()), Outcome.NOT_COMPETENT)

    data = map_data(client)

    assert states(data) == {
        new.pk: "new",
        in_progress.pk: "in_progress",
        resolved.pk: "resolved",
        closed.pk: "closed",
    }


def test_map_data_feature_has_the_public_fields_only(client, flow, potholes):
    Category.objects.filter(pk=potholes.pk).update(icon="🚧", colour="#8d6e63")
    photo = flow.photo()
    report = flow.published(photos=[photo], public_photos=[photo])

    [feature] = map_data(client)["features"]

    assert feature == {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [23.5899, 46.7694]},
        "properties": {
            "id": report.pk,
            "number": report.registry_number,
            "state": "new",
            "label": str(PinState.NEW.label),
            "overdue": False,
            "category": report.category_id,
            "title": "Străzi/Alei/Trotuare/Poduri",
            "icon": "🚧",
            "colour": "#8d6e63",
            "text": PUBLIC,
            "url": f"/sesizari/{report.pk}/",
            "address": "Piața Unirii 1",
            "thumbnail": f"/foto/{photo.token}/thumbnail/",
        },
    }


def test_map_data_has_no_thumbnail_when_no_photo_is_public(client, flow):
    flow.published(photos=[flow.photo()], public_photos=[])

    [feature] = map_data(client)["features"]

    assert feature["properties"]["thumbnail"] is None


def test_map_data_truncates_long_public_text(client, flow):
    flow.published(text="a" * 300)

    [feature] = map_data(client)["features"]

    assert feature["properties"]["text"] == "a" * 139 + "…"


def test_map_data_marks_overdue_reports(client, flow):
    report = flow.published()
    yesterday = timezone.localdate() - timedelta(days=1)
    Report.objects.filter(pk=report.pk).update(due_date=yesterday)

    [feature] = map_data(client)["features"]

    assert feature["properties"]["overdue"] is True
    assert feature["properties"]["state"] == "new"


def test_map_data_never_contains_the_author_or_the_original_text(client, flow):
    flow.published()

    content = client.get(reverse("reports:map-data")).content.decode()

    assert "Ana Ionescu" not in content
    assert "ana.ionescu@example.ro" not in content
    assert "+40744555666" not in content
    assert "0744555666" not in content
    assert ORIGINAL not in content


def test_map_data_keeps_reports_at_identical_coordinates(client, flow):
    first = flow.published()
    second = flow.published()

    data = map_data(client)

    assert states(data) == {first.pk: "new", second.pk: "new"}
    coordinates = [f["geometry"]["coordinates"] for f in data["features"]]
    assert coordinates == [[23.5899, 46.7694], [23.5899, 46.7694]]


def test_map_data_filters_by_category(client, flow, parks):
    flow.published()
    park_report = flow.published(category=parks)

    data = map_data(client, f"?category={parks.pk}")

    assert states(data) == {park_report.pk: "new"}


@pytest.mark.parametrize(
    "query",
    [
        pytest.param("?status=in_progress", id="alone"),
        pytest.param(
            "?category=gropi&status=in_progress", id="beside-an-invalid-category"
        ),
    ],
)
def test_map_data_filters_by_status(client, flow, query):
    flow.published()
    in_progress = flow.assign(flow.published())

    data = map_data(client, query)

    assert states(data) == {in_progress.pk: "in_progress"}


def test_map_data_filters_by_status_closed(client, flow):
    flow.resolve(flow.assign(flow.published()))
    closed = flow.resolve(flow.assign(flow.published()), Outcome.REFUSED)

    data = map_data(client, "?status=closed")

    assert states(data) == {closed.pk: "closed"}


def test_map_data_filters_by_category_and_status(client, flow, parks):
    flow.published(category=parks)
    flow.assign(flow.published())
    road_report = flow.published()

    data = map_data(client, f"?category={road_report.category_id}&status=new")

    assert states(data) == {road_report.pk: "new"}


@pytest.mark.parametrize(
    "query",
    [
        "?category=gropi",
        "?category=999999",
        "?category=99999999999999999999999",
        "?status=lost",
        "?category=&status=",
        "?category=1%00&status=%FF",
    ],
)
def test_map_data_ignores_invalid_filters(client, flow, query):
    report = flow.published()

    data = map_data(client, query)

    assert states(data) == {report.pk: "new"}


def test_map_data_ignores_a_category_of_another_institution(client, flow):
    report = flow.published()
    elsewhere = CategoryFactory(institution=InstitutionFactory(slug="floresti"))

    data = map_data(client, f"?category={elsewhere.pk}")

    assert states(data) == {report.pk: "new"}


def test_map_data_shows_only_the_current_institution(client, flow):
    report = flow.published()
    floresti = InstitutionFactory(slug="floresti", domain="floresti.example.ro")
    category = CategoryFactory(institution=floresti)
    RoutingRuleFactory(category=category, institution=floresti)
    floresti_clerk = MembershipFactory(institution=floresti).user
    flow.publish(flow.submit(category=category), actor=floresti_clerk)

    data = map_data(client)

    assert states(data) == {report.pk: "new"}


def test_map_data_query_count_does_not_grow_with_reports(
    client, flow, django_assert_num_queries
):
    photo = flow.photo()
    flow.published(photos=[photo], public_photos=[photo])
    flow.assign(flow.published())
    flow.resolve(flow.assign(flow.published()))
    flow.resolve(flow.assign(flow.published()), Outcome.REFUSED)

    # One query finds the institution, one reads the ids in view (up to the
    # limit), one the reports with their categories, outcomes and first
    # photos.
    with django_assert_num_queries(3):
        data = map_data(client)

    assert data["count"] == 4
