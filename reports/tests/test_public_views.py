from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from reports.models import Outcome, PinState, Report
from tests.flow import ORIGINAL, PUBLIC, SUMMARY

STAFF_NAMES = ("Elena Clerk", "Radu Șef", "Dan Tehnic")
AUTHOR_DATA = ("Ana Ionescu", "ana.ionescu@example.ro", "+40744555666", "0744555666")


def listed_ids(response) -> list[int]:
    return [report.pk for report in response.context["page"].object_list]


# The map page


def test_home_shows_the_map_legend_and_filters(client, institution, potholes):
    response = client.get(reverse("home"))

    assert response.status_code == 200
    content = response.content.decode()
    assert 'data-map="reports"' in content
    assert 'data-source="/harta.json"' in content
    assert 'data-lat="46.7712"' in content
    assert 'data-lng="23.5899"' in content
    assert 'data-tiles=""' in content
    for value, label in PinState.choices:
        assert f"pin--{value}" in content
        assert str(label) in content
    assert f'<option value="{potholes.pk}">' in content
    assert f'href="{reverse("reports:list")}"' in content
    assert f'href="{reverse("reports:new")}" class="button"' in content


def test_home_keeps_the_filters_in_the_map_source_and_list_link(
    client, institution, potholes
):
    response = client.get(reverse("home"), {"category": potholes.pk, "status": "new"})

    content = response.content.decode()
    query = f"category={potholes.pk}&amp;status=new"
    assert f'data-source="/harta.json?{query}"' in content
    assert f'href="/sesizari/?{query}"' in content
    assert f'<option value="{potholes.pk}" selected>' in content


def test_home_shows_an_invalid_filter_as_an_error(client, institution):
    response = client.get(reverse("home"), {"category": "gropi", "status": "new"})

    assert response.status_code == 200
    form = response.context["form"]
    assert list(form.errors) == ["category"]
    content = response.content.decode()
    assert 'id="id_category_error"' in content
    assert 'aria-describedby="id_category_error"' in content
    assert 'data-source="/harta.json?status=new"' in content


def test_home_draws_tiles_only_when_configured(client, institution):
    institution.tile_url = "https://tiles.example.org/{z}/{x}/{y}.png"
    institution.tile_attribution = "© Example tiles"
    institution.save()

    content = client.get(reverse("home")).content.decode()

    assert 'data-tiles="https://tiles.example.org/{z}/{x}/{y}.png"' in content
    assert 'data-attribution="© Example tiles"' in content


# The list


@pytest.mark.mainflow
def test_report_list_shows_public_reports_newest_first(client, flow):
    flow.submit()
    new = flow.published()
    in_progress = flow.assign(flow.published())
    resolved = flow.resolve(flow.assign(flow.published()))

    response = client.get(reverse("reports:list"))

    assert response.status_code == 200
    assert listed_ids(response) == [resolved.pk, in_progress.pk, new.pk]
    content = response.content.decode()
    assert 'class="badge badge--new"' in content
    assert 'class="badge badge--in_progress"' in content
    assert 'class="badge badge--resolved"' in content
    assert new.registry_number in content


def test_report_list_leaves_out_rejected_reports(client, flow):
    report = flow.submit()
    flow.reject(report)

    response = client.get(reverse("reports:list"))

    assert listed_ids(response) == []
    assert report.registry_number not in response.content.decode()


def test_report_list_filters_by_category_and_status(client, flow, parks):
    flow.published()
    park_report = flow.published(category=parks)
    in_progress = flow.assign(flow.published())

    by_category = client.get(reverse("reports:list"), {"category": parks.pk})
    by_status = client.get(reverse("reports:list"), {"status": "in_progress"})

    assert listed_ids(by_category) == [park_report.pk]
    assert listed_ids(by_status) == [in_progress.pk]


def test_report_list_ignores_an_invalid_filter(client, flow):
    report = flow.published()

    response = client.get(reverse("reports:list"), {"status": "pierdut", "page": "x"})

    assert response.status_code == 200
    assert listed_ids(response) == [report.pk]
    assert list(response.context["form"].errors) == ["status"]


@pytest.mark.usefixtures("no_report_limits")
def test_report_list_pages_by_twenty_and_keeps_the_filters(client, flow):
    reports = [flow.published() for _ in range(21)]

    first = client.get(reverse("reports:list"), {"status": "new"})
    second = client.get(reverse("reports:list"), {"status": "new", "page": 2})

    assert len(listed_ids(first)) == 20
    assert listed_ids(second) == [reports[0].pk]
    assert 'href="?status=new&amp;page=2"' in first.content.decode()


@pytest.mark.usefixtures("no_report_limits")
def test_report_list_query_count_does_not_grow_with_reports(
    client, flow, django_assert_max_num_queries
):
    for _ in range(3):
        photo = flow.photo()
        flow.published(photos=[photo], public_photos=[photo])
    for _ in range(3):
        flow.assign(flow.published())

    # The institution (two), the categories and the zones of the filter,
    # the count and the page of reports.
    with django_assert_max_num_queries(6):
        response = client.get(reverse("reports:list"))

    assert len(listed_ids(response)) == 6
    assert response.content.decode().count("/thumbnail/") == 3


# A report's page


@pytest.mark.parametrize("step", ["registered", "rejected"])
def test_report_detail_not_found_before_publication(client, flow, step):
    report = flow.submit()
    if step == "rejected":
        flow.reject(report)

    response = client.get(reverse("reports:detail", args=[report.pk]))

    assert response.status_code == 404


def test_report_detail_not_found_for_a_missing_report(client, institution):
    response = client.get(reverse("reports:detail", args=[999999]))

    assert response.status_code == 404


@pytest.mark.mainflow
def test_report_detail_shows_the_public_text_and_state(client, flow):
    report = flow.published()

    response = client.get(reverse("reports:detail", args=[report.pk]))

    assert response.status_code == 200
    content = response.content.decode()
    assert PUBLIC in content
    assert 'class="badge badge--new"' in content
    assert report.registry_number in content
    assert 'data-map="point"' in content
    assert 'data-state="new"' in content


def test_report_detail_never_shows_the_author_or_the_original_text(client, flow):
    report = flow.published()

    content = client.get(reverse("reports:detail", args=[report.pk])).content.decode()

    for datum in AUTHOR_DATA:
        assert datum not in content
    assert ORIGINAL not in content


def test_report_detail_shows_public_photos_only(client, flow, two_photos):
    shown, hidden = two_photos
    report = flow.published(photos=two_photos, public_photos=[shown])

    content = client.get(reverse("reports:detail", args=[report.pk])).content.decode()

    assert f"/foto/{shown.token}/image/" in content
    assert str(hidden.token) not in content


def test_report_detail_timeline_is_public_and_names_offices_not_people(
    client, flow, institution, roads
):
    report = flow.resolve(flow.assign(flow.published()))

    response = client.get(reverse("reports:detail", args=[report.pk]))

    events = response.context["report"].public_events
    assert [(e.kind, e.office) for e in events] == [
        ("published", institution.name),
        ("resolved", roads.name),
    ]
    content = response.content.decode()
    for name in STAFF_NAMES:
        assert name not in content
    assert "Registered with number" not in content


def test_report_detail_shows_the_outcome_when_resolved(client, flow):
    planned = timezone.localdate() + timedelta(days=60)
    report = flow.resolve(flow.assign(flow.published()), Outcome.PLANNED, planned)

    response = client.get(reverse("reports:detail", args=[report.pk]))

    content = response.content.decode()
    assert str(Outcome.PLANNED.label) in content
    assert f'datetime="{planned:%Y-%m-%d}"' in content
    assert SUMMARY in content
    assert 'class="badge badge--resolved"' in content


def test_report_detail_shows_a_closed_report_in_grey(client, flow):
    report = flow.resolve(flow.assign(flow.published()), Outcome.NOT_COMPETENT)

    content = client.get(reverse("reports:detail", args=[report.pk])).content.decode()

    assert 'class="badge badge--closed"' in content
    assert 'data-state="closed"' in content


def test_report_detail_marks_an_overdue_report(client, flow):
    report = flow.published()
    Report.objects.filter(pk=report.pk).update(due_date=date(2020, 1, 1))

    content = client.get(reverse("reports:detail", args=[report.pk])).content.decode()

    assert 'class="badge badge--overdue"' in content
    assert 'data-overdue="true"' in content


def test_report_detail_query_count(client, flow, django_assert_max_num_queries):
    photos = [flow.photo() for _ in range(3)]
    report = flow.published(photos=photos, public_photos=photos)
    report = flow.resolve(flow.assign(report))

    # The institution (two), the report, its photos and its events.
    with django_assert_max_num_queries(5):
        response = client.get(reverse("reports:detail", args=[report.pk]))

    assert response.content.decode().count('<img src="/foto/') == 3
