"""A place in a neighbouring unit: its institution suggested, with its site.

The territories are real: administrative units (UAT) of Cluj county.
"""

import json

import pytest
from django.conf import settings
from django.contrib.gis.geos import GEOSGeometry, MultiPolygon, Point
from django.test import Client
from django.urls import reverse

from reports.models import Report
from tests.factories import CategoryFactory, InstitutionFactory

NEW = reverse("reports:new")
# Inside each unit, away from its borders.
IN_FLORESTI = Point(23.4639, 46.7245, srid=4326)
IN_APAHIDA = Point(23.7445, 46.7862, srid=4326)
IN_CLUJ_NAPOCA = Point(23.6100, 46.7781, srid=4326)


@pytest.fixture
def units(shared_data) -> dict[str, MultiPolygon]:
    """The county's units by name, as territories."""
    path = shared_data / "geo" / "judetul-cluj-uat.geojson"
    features = json.loads(path.read_text())["features"]
    return {
        feature["properties"]["name"]: _territory(feature["geometry"])
        for feature in features
    }


def _territory(geometry: dict) -> MultiPolygon:
    shape = GEOSGeometry(json.dumps(geometry), srid=4326)
    return shape if isinstance(shape, MultiPolygon) else MultiPolygon(shape)


@pytest.fixture
def cluj(institution, units, settings):
    settings.SITE_URL = "https://sesizari.example.ro"
    institution.boundary = units["Cluj-Napoca"]
    institution.save()
    return institution


@pytest.fixture
def floresti(units):
    return InstitutionFactory(
        slug="floresti",
        name="Primăria Florești",
        domain="sesizari.floresti.example.ro",
        boundary=units["Florești"],
    )


@pytest.fixture
def client(citizen) -> Client:
    # English pages: the assertions read the source strings.
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    client.force_login(citizen)
    return client


def send(client: Client, category, place: Point, **headers) -> str:
    data = {
        "category": category.pk,
        "address": "",
        "latitude": f"{place.y:.6f}",
        "longitude": f"{place.x:.6f}",
        "description": "Groapă adâncă în asfalt, lângă stația de autobuz.",
        "action": "preview",
    }
    response = client.post(NEW, data, **headers)
    assert response.status_code == 200
    return response.content.decode()


def test_a_place_in_a_neighbouring_unit_links_to_its_institutions_site(
    client, cluj, floresti, potholes
):
    page = send(client, potholes, IN_FLORESTI)

    assert (
        "The place is outside the territory of Primăria Cluj-Napoca. Report it "
        'to <a href="https://sesizari.floresti.example.ro/sesizare-noua/">'
        "Primăria Florești</a>."
    ) in page
    assert Report.objects.count() == 0


def test_a_place_in_a_unit_not_on_the_platform_is_refused_plainly(
    client, cluj, floresti, potholes
):
    page = send(client, potholes, IN_APAHIDA)

    assert "The place is outside the territory of Primăria Cluj-Napoca." in page
    assert "Report it to" not in page
    assert "floresti" not in page


def test_the_commune_is_suggested_rather_than_the_county_that_holds_it(
    client, cluj, floresti, units, potholes
):
    county = MultiPolygon(*(part for unit in units.values() for part in unit))
    InstitutionFactory(slug="cj-cluj", name="Consiliul Județean Cluj", boundary=county)

    in_floresti = send(client, potholes, IN_FLORESTI)
    in_apahida = send(client, potholes, IN_APAHIDA)

    assert "Report it to <a" in in_floresti
    assert ">Primăria Florești</a>" in in_floresti
    assert ">Consiliul Județean Cluj</a>" in in_apahida


def test_from_the_neighbours_site_the_default_institution_is_suggested(
    client, cluj, floresti
):
    lights = CategoryFactory(institution=floresti, name="Iluminat")

    page = send(client, lights, IN_CLUJ_NAPOCA, HTTP_HOST=floresti.domain)

    assert (
        "The place is outside the territory of Primăria Florești. Report it "
        'to <a href="https://sesizari.example.ro/sesizare-noua/">'
        "Primăria Cluj-Napoca</a>."
    ) in page
