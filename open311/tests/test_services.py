import jsonschema
import pytest

from open311.tests import schemas
from open311.tests.conftest import json_of, xml_of
from tests.factories import CategoryFactory, InstitutionFactory


def test_discovery_json_names_this_endpoint(api, institution):
    response = api("discovery.json")

    data = json_of(response)
    jsonschema.validate(data, schemas.DISCOVERY)
    assert data["endpoints"][0]["url"] == "http://testserver/open311/v2/"


def test_discovery_xml_has_the_specified_elements(api, institution):
    root = xml_of(api("discovery.xml"))

    assert root.tag == "discovery"
    assert [child.tag for child in root] == [
        "changeset",
        "contact",
        "key_service",
        "endpoints",
    ]
    endpoint = root.find("endpoints/endpoint")
    assert [format.text for format in endpoint.find("formats")] == [
        "text/xml",
        "application/json",
    ]


def test_services_json_lists_active_categories_with_their_office(api, potholes, parks):
    CategoryFactory(institution=potholes.institution, name="Veche", is_active=False)
    potholes.keywords = "gropi, asfalt, borduri"
    potholes.save()

    data = json_of(api("services.json"))

    jsonschema.validate(data, schemas.SERVICES)
    assert [s["keywords"] for s in data] == ["", "gropi, asfalt, borduri"]
    assert [(s["service_code"], s["service_name"], s["group"]) for s in data] == [
        (
            str(parks.pk),
            "Spații verzi/Parcuri",
            "Direcția Ecologie Urbană și Spații Verzi",
        ),
        (str(potholes.pk), "Străzi/Alei/Trotuare/Poduri", "Direcția Tehnică"),
    ]
    assert {(s["metadata"], s["type"]) for s in data} == {(False, "realtime")}


def test_services_xml_follows_the_specification(api, potholes):
    root = xml_of(api("services.xml"))

    assert root.tag == "services"
    service = root.find("service")
    assert [child.tag for child in service] == list(schemas.SERVICE_FIELDS)
    assert service.findtext("service_name") == "Străzi/Alei/Trotuare/Poduri"
    assert service.findtext("metadata") == "false"


def test_service_definition_of_a_category_without_questions_is_empty(api, potholes):
    data = json_of(api(f"services/{potholes.pk}.json"))

    jsonschema.validate(data, schemas.SERVICE_DEFINITION)
    assert data == {"service_code": str(potholes.pk), "attributes": []}
    root = xml_of(api(f"services/{potholes.pk}.xml"))
    assert root.tag == "service_definition"
    assert [child.tag for child in root] == ["service_code", "attributes"]


@pytest.mark.parametrize("code", ["999999", "abc"])
def test_service_definition_of_an_unknown_code_is_a_404(api, potholes, code):
    response = api(f"services/{code}.json")

    assert response.status_code == 404
    jsonschema.validate(json_of(response), schemas.ERRORS)
    assert response.json()[0]["code"] == 404


def test_an_unknown_jurisdiction_is_a_404_in_both_formats(api, institution):
    response = api("services.json", jurisdiction_id="nicaieri")
    xml_response = api("services.xml", jurisdiction_id="nicaieri")

    assert response.status_code == 404
    assert json_of(response)[0]["code"] == 404
    assert xml_response.status_code == 404
    error = xml_of(xml_response).find("error")
    assert [child.tag for child in error] == ["code", "description"]
    assert error.findtext("code") == "404"


def test_jurisdiction_id_names_only_the_institution_of_the_host(api, client, potholes):
    other = InstitutionFactory(slug="floresti", name="Primăria Florești")
    CategoryFactory(institution=other, name="Iluminat")

    unnamed = api("services.json")
    foreign = api("services.json", jurisdiction_id="floresti")
    on_its_host = client.get(
        "/open311/v2/services.json",
        {"jurisdiction_id": "floresti"},
        HTTP_HOST=other.domain,
    )

    assert [s["service_name"] for s in json_of(unnamed)] == [potholes.name]
    assert foreign.status_code == 404
    assert json_of(foreign)[0]["code"] == 404
    assert [s["service_name"] for s in json_of(on_its_host)] == ["Iluminat"]


def test_one_institution_needs_no_jurisdiction_id(api, potholes):
    assert api("services.json").status_code == 200
    assert api("services.json", jurisdiction_id="cluj-napoca").status_code == 200
