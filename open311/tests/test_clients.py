"""The API against a live server, through third-party clients from PyPI.

georeport (JSON and XML) only reads; three (JSON) also posts. three 0.8.0
was written for Python 2: its core module imports itertools.ifilter, which
Python 3 renamed to the built-in filter. The shim below gives it that name
back and nothing else; three's XML mode (relaxml, dict.keys()[0]) stays
broken on Python 3 and is not used.
"""

import itertools

import jsonschema
import pytest
from georeport import GeoReport

from open311.tests import schemas
from reports.models import Report, Status

itertools.ifilter = filter  # type: ignore[attr-defined]
from three import Three  # noqa: E402 - needs the shim above

DESCRIPTION = "Stâlp de iluminat căzut pe trotuar, lângă stația de autobuz."


@pytest.fixture
def endpoint(transactional_db, live_server):
    return f"{live_server.url}/open311/v2/"


@pytest.fixture
def reports(flow, parks, resolved_report):
    return {"resolved": resolved_report, "published": flow.published(category=parks)}


@pytest.mark.parametrize("output_format", ["json", "xml"])
def test_georeport_reads_services_and_requests(endpoint, reports, output_format):
    client = GeoReport(endpoint, output_format=output_format)

    services = client.get_service_list()
    definition = client.get_service_definition(services[0]["service_code"])
    listed = client.get_service_requests(status="open,closed")
    closed = client.get_service_requests(status="closed")
    one = client.get_service_request(str(reports["published"].pk))

    assert [s["service_name"] for s in services] == [
        "Spații verzi/Parcuri",
        "Străzi/Alei/Trotuare/Poduri",
    ]
    assert definition["service_code"] == services[0]["service_code"]
    assert [str(r["service_request_id"]) for r in listed] == [
        str(reports["published"].pk),
        str(reports["resolved"].pk),
    ]
    # xmltodict gives one element as a dict, several as a list.
    closed = closed if isinstance(closed, list) else [closed]
    assert [str(r["service_request_id"]) for r in closed] == [
        str(reports["resolved"].pk)
    ]
    assert one["status"] == "open"
    assert one["service_name"] == "Spații verzi/Parcuri"


def test_three_reads_in_json(endpoint, reports):
    client = Three(endpoint, format="json")

    discovery = client.discovery()
    services = client.services()
    definition = client.services(services[0]["service_code"])
    requests = client.requests(count=1)
    one = client.request(str(reports["resolved"].pk))

    jsonschema.validate(discovery, schemas.DISCOVERY)
    jsonschema.validate(services, schemas.SERVICES)
    assert definition["attributes"] == []
    jsonschema.validate(requests, schemas.REQUESTS)
    assert [r["service_request_id"] for r in requests] == [reports["published"].pk]
    assert one[0]["status"] == "closed"


def test_three_posts_for_a_verified_account(endpoint, potholes, api_key, citizen):
    client = Three(endpoint, format="json", api_key=api_key)

    created = client.post(
        str(potholes.pk),
        lat="46.7694",
        long="23.5899",
        address="Piața Unirii 1",
        description=DESCRIPTION,
        email=citizen.email,
        name="Ana Ionescu",
    )

    jsonschema.validate(created, schemas.CREATED)
    report = Report.objects.get(pk=created[0]["service_request_id"])
    assert (report.author, report.status) == (citizen, Status.REGISTERED)


def test_three_gets_a_token_for_an_unknown_address(endpoint, potholes, api_key):
    client = Three(endpoint, format="json", api_key=api_key)

    created = client.post(
        str(potholes.pk),
        lat="46.7694",
        long="23.5899",
        description=DESCRIPTION,
        email="cineva.nou@example.ro",
    )
    looked_up = client.token(created[0]["token"])

    assert looked_up == [{"service_request_id": None, "token": created[0]["token"]}]


def test_three_is_refused_without_a_key(endpoint, potholes, citizen):
    client = Three(endpoint, format="json")

    answer = client.post(
        str(potholes.pk),
        lat="46.7694",
        long="23.5899",
        description=DESCRIPTION,
        email=citizen.email,
    )

    assert client.post_response.status_code == 403
    jsonschema.validate(answer, schemas.ERRORS)
