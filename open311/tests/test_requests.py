from datetime import datetime, time, timedelta

import jsonschema
import pytest
from django.utils import timezone

from open311.tests import schemas
from open311.tests.conftest import json_of, xml_of
from reports.models import Outcome, Report
from tests.flow import PUBLIC, SUMMARY


@pytest.fixture
def reports(flow, parks, registered_report, published_report, resolved_report):
    """A registered (private), a published, and a resolved report."""
    waiting = flow.submit(category=parks)
    return {
        "waiting": waiting,
        "published": flow.published(category=parks),
        "resolved": resolved_report,
    }


def _ids(data):
    return [item["service_request_id"] for item in data]


def test_requests_json_lists_only_public_reports_newest_first(api, reports):
    data = json_of(api("requests.json"))

    jsonschema.validate(data, schemas.REQUESTS)
    assert _ids(data) == [reports["published"].pk, reports["resolved"].pk]


def test_a_resolved_request_is_closed_with_its_outcome(api, reports):
    resolved = reports["resolved"]

    data = json_of(api(f"requests/{resolved.pk}.json"))

    jsonschema.validate(data, schemas.REQUESTS)
    [item] = data
    assert item["status"] == "closed"
    assert item["status_notes"] == f"{Outcome.FIXED.label}: {SUMMARY}"
    assert item["description"] == PUBLIC
    assert item["agency_responsible"] == "Direcția Tehnică"
    assert item["service_code"] == str(resolved.category_id)
    assert item["updated_datetime"] == timezone.localtime(
        resolved.resolved_at
    ).isoformat(timespec="seconds")
    due = datetime.combine(resolved.due_date, time(23, 59, 59))
    assert item["expected_datetime"] == timezone.make_aware(due).isoformat()
    assert (item["lat"], item["long"]) == (46.7694, 23.5899)
    assert item["media_url"] is None


def test_an_open_request_has_no_status_notes(api, reports):
    [item] = json_of(api(f"requests/{reports['published'].pk}.json"))

    assert item["status"] == "open"
    assert item["status_notes"] is None
    assert item["requested_datetime"] == timezone.localtime(
        reports["published"].created_at
    ).isoformat(timespec="seconds")


def test_requests_xml_has_the_specified_elements_in_order(api, reports):
    root = xml_of(api("requests.xml"))

    assert root.tag == "service_requests"
    requests = root.findall("request")
    assert len(requests) == 2
    for request in requests:
        assert [child.tag for child in request] == list(schemas.REQUEST_FIELDS)
    assert requests[1].findtext("status") == "closed"
    assert requests[1].find("media_url").text is None


def test_a_private_or_unknown_request_is_a_404(api, reports):
    for pk in (reports["waiting"].pk, 999999, "abc"):
        response = api(f"requests/{pk}.json")

        assert response.status_code == 404
        jsonschema.validate(json_of(response), schemas.ERRORS)


def test_status_filters_open_and_closed(api, reports):
    assert _ids(json_of(api("requests.json", status="open"))) == [
        reports["published"].pk
    ]
    assert _ids(json_of(api("requests.json", status="closed"))) == [
        reports["resolved"].pk
    ]
    assert len(json_of(api("requests.json", status="open,closed"))) == 2


def test_service_code_filters_by_category(api, reports, parks):
    data = json_of(api("requests.json", service_code=str(parks.pk)))

    assert _ids(data) == [reports["published"].pk]


def test_service_request_id_overrides_the_other_arguments(api, reports):
    wanted = f"{reports['resolved'].pk},{reports['waiting'].pk}"

    data = json_of(api("requests.json", service_request_id=wanted, status="open"))

    assert _ids(data) == [reports["resolved"].pk]


def test_empty_arguments_are_treated_as_absent(api, reports):
    empty = dict.fromkeys(
        [
            "service_request_id",
            "service_code",
            "start_date",
            "end_date",
            "status",
            "page",
            "page_size",
            "jurisdiction_id",
        ],
        "",
    )

    assert api("requests.json", **empty).content == api("requests.json").content


def test_dates_select_the_requested_datetime(api, reports):
    old = reports["published"]
    Report.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - timedelta(days=120)
    )

    default = json_of(api("requests.json"))
    past = json_of(
        api(
            "requests.json",
            start_date=(timezone.now() - timedelta(days=150)).isoformat(),
            end_date=(timezone.now() - timedelta(days=100)).isoformat(),
        )
    )

    assert _ids(default) == [reports["resolved"].pk]
    assert _ids(past) == [old.pk]


def test_dates_in_utc_with_z_are_understood(api, reports):
    start = (timezone.now() - timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%SZ")

    assert len(json_of(api("requests.json", start_date=start))) == 2


@pytest.mark.parametrize(
    "query",
    [
        {"start_date": "ieri"},
        {"start_date": "2026-01-01T00:00:00Z", "end_date": "2026-06-01T00:00:00Z"},
        {"start_date": "2026-02-01T00:00:00Z", "end_date": "2026-01-01T00:00:00Z"},
        {"status": "pending"},
        {"service_code": "gropi"},
        {"service_request_id": "1,x"},
        {"page": "0"},
        {"page_size": "1001"},
        {"page_size": "-5"},
    ],
)
def test_a_wrong_argument_is_a_400(api, institution, query):
    response = api("requests.json", **query)
    xml_response = api("requests.xml", **query)

    assert response.status_code == 400
    jsonschema.validate(json_of(response), schemas.ERRORS)
    assert xml_response.status_code == 400
    assert xml_of(xml_response).findtext("error/code") == "400"


def test_pages_follow_each_other_without_overlap(api, flow, no_report_limits):
    made = [flow.published() for _ in range(5)]
    newest_first = [report.pk for report in reversed(made)]

    first = json_of(api("requests.json", page_size="2"))
    second = json_of(api("requests.json", page_size="2", page="2"))
    third = json_of(api("requests.json", page_size="2", page="3"))
    beyond = json_of(api("requests.json", page_size="2", page="4"))

    assert _ids(first) + _ids(second) + _ids(third) == newest_first
    assert beyond == []


def test_the_default_page_holds_50_requests(api, flow, no_report_limits, potholes):
    report = flow.published()
    Report.objects.bulk_create(
        Report(
            institution=report.institution,
            author=report.author,
            category=potholes,
            location=report.location,
            description="copie",
            public_description="copie",
            status=report.status,
        )
        for _ in range(60)
    )

    assert len(json_of(api("requests.json"))) == 50
    assert len(json_of(api("requests.json", page_size="1000"))) == 61


def test_a_public_photo_is_the_media_url(api, flow, two_photos):
    report = flow.published(photos=two_photos, public_photos=[two_photos[1]])

    [item] = json_of(api(f"requests/{report.pk}.json"))

    assert item["media_url"] == (f"http://testserver/foto/{two_photos[1].token}/image/")
    assert str(two_photos[0].token) not in str(item)


def test_requests_take_a_fixed_number_of_queries(
    api, flow, no_report_limits, django_assert_max_num_queries, two_photos
):
    flow.published(photos=two_photos, public_photos=two_photos)
    for _ in range(3):
        flow.resolve(flow.assign(flow.published()))

    with django_assert_max_num_queries(3):
        data = json_of(api("requests.json", page_size="1000"))

    assert len(data) == 4
