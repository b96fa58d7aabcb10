"""A category's extra questions as the service definition's attributes."""

import itertools

import jsonschema
import pytest
from allauth.account.models import EmailAddress
from georeport import GeoReport

from institutions.models import CategoryQuestion, QuestionKind
from open311 import submissions
from open311.models import PendingRequest
from open311.tests import schemas
from open311.tests.conftest import API, json_of, xml_of
from reports.models import Report
from tests.factories import UserFactory

itertools.ifilter = filter  # type: ignore[attr-defined]
from three import Three  # noqa: E402 - needs the shim above (test_clients.py)

DESCRIPTION = "Groapă adâncă pe carosabil, în dreptul numărului 12."


@pytest.fixture
def questions(potholes):
    size = CategoryQuestion.objects.create(
        category=potholes,
        code="size-cm",
        label="Cât de mare este groapa (cm)?",
        help_text="Latura cea mai mare.",
        kind=QuestionKind.NUMBER,
        position=1,
    )
    where = CategoryQuestion.objects.create(
        category=potholes,
        code="where",
        label="Unde este?",
        kind=QuestionKind.SINGLE,
        choices="road: Pe carosabil\nsidewalk: Pe trotuar",
        required=True,
        position=2,
    )
    around = CategoryQuestion.objects.create(
        category=potholes,
        code="around",
        label="Ce mai este în jur?",
        kind=QuestionKind.MULTIPLE,
        choices="water: Apă\nsand: Nisip\nsigns: Indicatoare",
        position=3,
    )
    return size, where, around


@pytest.fixture
def post(client, potholes, api_key, questions):
    def send(fmt="json", **fields):
        data = {
            "api_key": api_key,
            "service_code": str(potholes.pk),
            "lat": "46.7694",
            "long": "23.5899",
            "description": DESCRIPTION,
            "email": "ana.ionescu@example.ro",
            "attribute[where]": "road",
        }
        data.update(fields)
        return client.post(f"{API}requests.{fmt}", data)

    return send


ATTRIBUTES = [
    {
        "variable": True,
        "code": "size-cm",
        "datatype": "number",
        "required": False,
        "datatype_description": "Latura cea mai mare. "
        "Un număr; virgulă sau punct înaintea zecimalelor.",
        "order": 1,
        "description": "Cât de mare este groapa (cm)?",
        "values": [],
    },
    {
        "variable": True,
        "code": "where",
        "datatype": "singlevaluelist",
        "required": True,
        "datatype_description": "O cheie dintre valori.",
        "order": 2,
        "description": "Unde este?",
        "values": [
            {"key": "road", "name": "Pe carosabil"},
            {"key": "sidewalk", "name": "Pe trotuar"},
        ],
    },
    {
        "variable": True,
        "code": "around",
        "datatype": "multivaluelist",
        "required": False,
        "datatype_description": "Una sau mai multe chei dintre valori, "
        "ca attribute[around][].",
        "order": 3,
        "description": "Ce mai este în jur?",
        "values": [
            {"key": "water", "name": "Apă"},
            {"key": "sand", "name": "Nisip"},
            {"key": "signs", "name": "Indicatoare"},
        ],
    },
]


def test_service_definition_lists_the_questions_as_attributes(api, potholes, questions):
    data = json_of(api(f"services/{potholes.pk}.json"))

    jsonschema.validate(data, schemas.SERVICE_DEFINITION)
    assert data == {"service_code": str(potholes.pk), "attributes": ATTRIBUTES}


def test_service_definition_xml_has_the_attributes_in_the_specified_order(
    api, potholes, questions
):
    root = xml_of(api(f"services/{potholes.pk}.xml"))

    attributes = root.findall("attributes/attribute")
    assert [child.tag for child in attributes[1]] == list(schemas.ATTRIBUTE_FIELDS)
    assert [a.findtext("code") for a in attributes] == ["size-cm", "where", "around"]
    assert attributes[1].findtext("variable") == "true"
    assert attributes[1].findtext("required") == "true"
    assert [
        (value.findtext("key"), value.findtext("name"))
        for value in attributes[2].findall("values/value")
    ] == [("water", "Apă"), ("sand", "Nisip"), ("signs", "Indicatoare")]


def test_services_say_which_categories_have_metadata(api, potholes, parks, questions):
    data = json_of(api("services.json"))

    assert {s["service_code"]: s["metadata"] for s in data} == {
        str(potholes.pk): True,
        str(parks.pk): False,
    }


def test_a_request_with_attributes_keeps_their_answers(post, citizen):
    response = post(
        **{
            "attribute[size-cm]": "2,5",
            "attribute[around][]": ["signs", "water"],
        }
    )

    report = Report.objects.get(pk=json_of(response)[0]["service_request_id"])
    assert [(a["code"], a["value"], a["answer"]) for a in report.answers] == [
        ("size-cm", "2.5", "2,5"),
        ("where", "road", "Pe carosabil"),
        ("around", ["water", "signs"], "Apă, Indicatoare"),
    ]


def test_an_xml_request_with_attributes_is_created(post, citizen):
    root = xml_of(post(fmt="xml", **{"attribute[around][]": "sand"}))

    report = Report.objects.get(pk=root.findtext("request/service_request_id"))
    assert [a["code"] for a in report.answers] == ["where", "around"]


@pytest.mark.parametrize(
    ("fields", "description"),
    [
        (
            {"attribute[where]": ""},
            "attribute[where]: Răspundeți la această întrebare.",
        ),
        (
            {"attribute[where]": "sky"},
            "attribute[where]: Alegeți dintre răspunsurile oferite.",
        ),
        (
            {"attribute[size-cm]": "mare"},
            "attribute[size-cm]: Scrieți un număr, de exemplu 30 sau 2,5.",
        ),
        (
            {"attribute[where][]": ["road", "sidewalk"]},
            "attribute[where] primește o singură valoare.",
        ),
        (
            {"attribute[colour]": "roșu"},
            "attribute[colour] nu este un atribut al acestui serviciu.",
        ),
    ],
)
@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_a_wrong_attribute_is_a_400_naming_it(post, citizen, fields, description, fmt):
    response = post(fmt=fmt, **fields)

    assert response.status_code == 400
    if fmt == "json":
        errors = json_of(response)
        jsonschema.validate(errors, schemas.ERRORS)
        assert errors == [{"code": 400, "description": description}]
    else:
        error = xml_of(response).find("error")
        assert (error.findtext("code"), error.findtext("description")) == (
            "400",
            description,
        )
    assert not Report.objects.exists()


def test_a_waiting_request_keeps_its_answers_until_it_is_a_report(post):
    post(email="ion.vlad@example.ro", **{"attribute[size-cm]": "40"})
    user = UserFactory(email="ion.vlad@example.ro")
    address, _created = EmailAddress.objects.update_or_create(
        user=user, email=user.email, defaults={"verified": True}
    )

    [report] = submissions.send_waiting_requests(address)

    assert PendingRequest.objects.get().report == report
    assert [(a["code"], a["value"]) for a in report.answers] == [
        ("size-cm", "40"),
        ("where", "road"),
    ]


# Third-party clients against a live server


@pytest.fixture
def endpoint(transactional_db, live_server):
    return f"{live_server.url}/open311/v2/"


@pytest.mark.parametrize("output_format", ["json", "xml"])
def test_georeport_reads_the_attributes(endpoint, potholes, questions, output_format):
    client = GeoReport(endpoint, output_format=output_format)

    definition = client.get_service_definition(str(potholes.pk))

    attributes = definition["attributes"]
    # xmltodict gives the elements' text: every value is a string there.
    attributes = attributes if output_format == "json" else attributes["attribute"]
    assert [a["code"] for a in attributes] == ["size-cm", "where", "around"]
    assert [a["datatype"] for a in attributes] == [
        "number",
        "singlevaluelist",
        "multivaluelist",
    ]


def test_three_posts_with_attributes(endpoint, potholes, questions, api_key, citizen):
    client = Three(endpoint, format="json", api_key=api_key)

    created = client.post(
        str(potholes.pk),
        lat="46.7694",
        long="23.5899",
        description=DESCRIPTION,
        email=citizen.email,
        **{"attribute[where]": "sidewalk", "attribute[around][]": ["sand", "water"]},
    )

    jsonschema.validate(created, schemas.CREATED)
    report = Report.objects.get(pk=created[0]["service_request_id"])
    assert [(a["code"], a["value"]) for a in report.answers] == [
        ("where", "sidewalk"),
        ("around", ["water", "sand"]),
    ]
