import logging

import pytest
from django.contrib.gis.geos import Point
from django.core.cache import cache
from django.urls import reverse

from institutions.models import Street
from reports.geocoding import (
    Place,
    address_to_keep,
    search_places,
    search_streets,
    street_key,
)
from reports.tests.fake_nominatim import (
    FakeNominatim,
    closed_port_url,
    nominatim_result,
)
from tests.factories import InstitutionFactory

MEMORANDUMULUI_28 = nominatim_result(
    lat=46.7697, lon=23.5862, road="Strada Memorandumului", house_number="28"
)
# Strada Memorandumului in Sibiu: outside the territory.
SIBIU = nominatim_result(lat=45.7960, lon=24.1510, road="Strada Memorandumului")


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def streets(institution):
    return {
        name: Street.objects.create(
            institution=institution, name=name, location=Point(lon, lat, srid=4326)
        )
        for name, lon, lat in [
            ("Strada Memorandumului", 23.5860, 46.7695),
            ("Piața Unirii", 23.5899, 46.7694),
            ("Strada Unirii", 23.6010, 46.7610),
            ("Bulevardul Eroilor", 23.5930, 46.7700),
            ("Aleea Azuga", 23.6300, 46.7600),
        ]
    }


@pytest.fixture
def nominatim(settings):
    with FakeNominatim(results=[MEMORANDUMULUI_28, SIBIU]) as server:
        settings.GEOCODER_URL = server.url
        yield server


def test_search_places_returns_geocoder_places_inside_the_territory(
    nominatim, institution
):
    places = search_places(institution=institution, query="Memorandumului 28")

    assert places == [
        Place(label="Strada Memorandumului 28, Cluj-Napoca", lat=46.7697, lon=23.5862)
    ]


def test_search_places_asks_the_geocoder_for_the_territory_only(nominatim, institution):
    search_places(institution=institution, query="Memorandumului 28")

    [request] = nominatim.requests
    assert request["path"] == "/search"
    assert request["params"] == {
        "format": "jsonv2",
        "q": "Memorandumului 28",
        "limit": "5",
        "countrycodes": "ro",
        "addressdetails": "1",
        "accept-language": "ro",
        "viewbox": "23.45,46.85,23.72,46.68",
        "bounded": "1",
    }
    assert request["user_agent"].startswith("Sesizari/")


def test_search_places_keeps_geocoder_answers_for_the_next_search(
    nominatim, institution
):
    first = search_places(institution=institution, query="Memorandumului 28")

    second = search_places(institution=institution, query="memorandumului  28")

    assert second == first
    assert len(nominatim.requests) == 1


def test_search_places_falls_back_to_streets_when_geocoder_is_unreachable(
    settings, institution, streets, caplog
):
    settings.GEOCODER_URL = closed_port_url()

    with caplog.at_level(logging.WARNING, logger="reports.geocoding"):
        places = search_places(institution=institution, query="Str. Memorandumului 7")

    assert places == [
        Place(
            label="Strada Memorandumului",
            lat=46.7695,
            lon=23.586,
            has_house_number=False,
        )
    ]
    assert [record.getMessage() for record in caplog.records] == [
        "The geocoder failed: URLError"
    ]


def test_search_places_falls_back_to_streets_when_geocoder_answers_an_error(
    settings, institution, streets, caplog
):
    with FakeNominatim(results=[], status=503) as server:
        settings.GEOCODER_URL = server.url

        places = search_places(institution=institution, query="Bd. Eroilor 2")

    assert [place.label for place in places] == ["Bulevardul Eroilor"]
    assert [record.getMessage() for record in caplog.records] == [
        "The geocoder answered with status 503"
    ]


def test_search_places_falls_back_to_streets_when_geocoder_finds_nothing(
    settings, institution, streets
):
    with FakeNominatim(results=[SIBIU]) as server:
        settings.GEOCODER_URL = server.url

        places = search_places(institution=institution, query="Aleea Azuga")

    assert [place.label for place in places] == ["Aleea Azuga"]


def test_search_places_uses_streets_without_a_geocoder(institution, streets):
    places = search_places(institution=institution, query="Memorandumului")

    assert [place.label for place in places] == ["Strada Memorandumului"]


def test_search_places_ignores_queries_too_short(nominatim, institution, streets):
    places = search_places(institution=institution, query=" u ")

    assert places == []
    assert nominatim.requests == []


@pytest.mark.parametrize(
    "query",
    [
        "Strada Memorandumului",
        "str. memorandumului nr. 28",
        "Memorandumului 28, Cluj-Napoca",
        "28, Strada Memorandumului, Cluj-Napoca",
        "MEMORANDUMULUI",
    ],
)
def test_search_streets_ignores_street_types_and_house_numbers(
    institution, streets, query
):
    places = search_streets(institution=institution, query=query)

    assert [place.label for place in places] == ["Strada Memorandumului"]


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("piata unirii", "Piața Unirii"),
        ("Piaţa Unirii 1", "Piața Unirii"),
        ("P-ța Unirii", "Piața Unirii"),
        ("str. Unirii 3", "Strada Unirii"),
    ],
)
def test_search_streets_prefers_the_kind_of_street_typed(
    institution, streets, query, first
):
    places = search_streets(institution=institution, query=query)

    assert places[0].label == first


def test_search_streets_puts_whole_names_before_partial_ones(institution, streets):
    Street.objects.create(
        institution=institution, name="Unirii Noi", location=Point(23.6, 46.76)
    )

    places = search_streets(institution=institution, query="Unirii")

    assert [place.label for place in places] == [
        "Piața Unirii",
        "Strada Unirii",
        "Unirii Noi",
    ]


def test_search_streets_only_of_the_institution(institution, streets):
    other = InstitutionFactory(slug="floresti", name="Primăria Florești")
    Street.objects.create(
        institution=other, name="Strada Eroilor", location=Point(23.49, 46.75)
    )

    places = search_streets(institution=institution, query="Eroilor")

    assert [place.label for place in places] == ["Bulevardul Eroilor"]


HOREA = Place(label="Strada Horea", lat=46.7722, lon=23.584, has_house_number=False)


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        # The citizen's words name the street: kept, with what they add.
        ("Strada Horea 5", "Strada Horea 5"),
        ("str. horea nr. 5A", "str. horea nr. 5A"),
        ("Horea 5, bl. C, lângă școală", "Horea 5, bl. C, lângă școală"),
        ("  Horea   5 ", "Horea 5"),
        # Another street, or its number apart: the street's name, numbered.
        ("Aleea Horea 5", "Strada Horea 5"),
        ("Horeii 5", "Strada Horea 5"),
        ("5, Strada Horea, Cluj-Napoca", "Strada Horea 5"),
        # No number typed: the street's name.
        ("str. Horea", "Strada Horea"),
        ("Horea, bl. C2", "Strada Horea"),
    ],
)
def test_address_to_keep_for_a_street_keeps_the_house_number_typed(typed, kept):
    assert address_to_keep(place=HOREA, typed=typed) == kept


def test_address_to_keep_for_a_numbered_place_is_its_label():
    place = Place(label="Strada Horea 7, Cluj-Napoca", lat=46.7722, lon=23.584)

    assert address_to_keep(place=place, typed="Horea 5") == place.label


def test_search_places_says_a_geocoder_road_has_no_house_number(settings, institution):
    road = nominatim_result(lat=46.7697, lon=23.5862, road="Strada Memorandumului")
    with FakeNominatim(results=[road]) as server:
        settings.GEOCODER_URL = server.url

        places = search_places(institution=institution, query="Memorandumului 14")

    assert [(place.label, place.has_house_number) for place in places] == [
        ("Strada Memorandumului, Cluj-Napoca", False)
    ]


def test_street_key_keeps_only_the_name():
    assert street_key("B-dul 21 Decembrie 1989 nr. 5, bl. A2") == "decembrie"


def test_geocode_view_answers_json(client, nominatim, institution):
    response = client.get(reverse("reports:geocode"), {"q": "Memorandumului 28"})

    assert response.status_code == 200
    assert response.json() == [
        {
            "label": "Strada Memorandumului 28, Cluj-Napoca",
            "lat": 46.7697,
            "lon": 23.5862,
            "address": "Strada Memorandumului 28, Cluj-Napoca",
        }
    ]


def test_geocode_view_keeps_the_house_number_typed_for_a_street(
    client, institution, streets
):
    response = client.get(reverse("reports:geocode"), {"q": " str.  Unirii 3 "})

    assert response.status_code == 200
    assert [(place["label"], place["address"]) for place in response.json()] == [
        ("Strada Unirii", "str. Unirii 3"),
        ("Piața Unirii", "Piața Unirii 3"),
    ]


def test_geocode_view_answers_an_empty_list_for_an_empty_query(client, institution):
    response = client.get(reverse("reports:geocode"))

    assert response.status_code == 200
    assert response.json() == []
