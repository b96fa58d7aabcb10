"""A category's texts in the visitor's language, the Romanian when missing."""

import re

import pytest
from django.conf import settings
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation

from institutions.translations import translated, with_translations


@pytest.fixture
def translated_potholes(potholes):
    potholes.description = "Gropi în asfalt, borduri rupte."
    potholes.guidance = "Pentru o surpare gravă sunați la 112."
    potholes.name_en = "Streets, pavements, bridges"
    potholes.name_hu = "Utcák, járdák, hidak"
    potholes.description_hu = "Kátyúk az aszfaltban, törött szegélykövek."
    potholes.save()
    return potholes


def test_translated_gives_the_version_of_the_active_language(translated_potholes):
    with translation.override("hu"):
        name = translated(translated_potholes, "name")

    assert name == "Utcák, járdák, hidak"


def test_translated_falls_back_to_romanian_when_the_version_is_empty(
    translated_potholes,
):
    with translation.override("en"):
        description = translated(translated_potholes, "description")

    assert description == "Gropi în asfalt, borduri rupte."


def test_translated_gives_the_original_in_romanian(translated_potholes):
    assert translated(translated_potholes, "name", "ro") == (
        "Străzi/Alei/Trotuare/Poduri"
    )


def test_translated_gives_the_original_for_a_text_without_versions(
    translated_potholes,
):
    assert translated(translated_potholes, "keywords", "hu") == ""
    assert translated(translated_potholes.institution, "name", "hu") == (
        translated_potholes.institution.name
    )


def test_template_filter_reads_the_active_language(translated_potholes):
    template = Template('{% load translated %}{{ category|translated:"name" }}')

    with translation.override("en"):
        text = template.render(Context({"category": translated_potholes}))

    assert text == "Streets, pavements, bridges"


def test_category_is_named_in_the_active_language(translated_potholes):
    with translation.override("hu"):
        assert str(translated_potholes) == "Utcák, járdák, hidak"
    with translation.override("ro"):
        assert str(translated_potholes) == "Străzi/Alei/Trotuare/Poduri"


def test_with_translations_lists_each_version_for_only():
    assert with_translations("category__name") == [
        "category__name",
        "category__name_en",
        "category__name_hu",
    ]


def test_report_form_shows_the_hungarian_texts_and_the_romanian_missing_one(
    client, citizen, translated_potholes
):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "hu"
    client.force_login(citizen)

    page = client.get(reverse("reports:new")).content.decode()

    assert "Utcák, járdák, hidak" in page
    assert "Kátyúk az aszfaltban, törött szegélykövek." in page
    assert "Pentru o surpare gravă sunați la 112." in page
    assert "Străzi/Alei/Trotuare/Poduri" not in page


def test_public_report_page_names_the_category_in_english(
    client, published_report, translated_potholes
):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    page = client.get(reverse("reports:detail", args=[published_report.pk]))

    # The heading is the category's name, after its decorative swatch.
    heading = re.search(r"<h1>(.*?)</h1>", page.content.decode(), re.S)
    assert heading and "Streets, pavements, bridges</span>" in heading[1]


def test_map_names_the_categories_in_the_visitor_language(
    client, published_report, translated_potholes
):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "hu"

    data = client.get(reverse("reports:map-data")).json()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ro"
    romanian = client.get(reverse("reports:map-data")).json()

    [feature] = data["features"]
    assert feature["properties"]["title"] == "Utcák, járdák, hidak"
    [feature] = romanian["features"]
    assert feature["properties"]["title"] == "Străzi/Alei/Trotuare/Poduri"
