"""A citizen finds the place by its address; the house number typed stays."""

import pytest
from django.contrib.gis.geos import Point
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from institutions.models import Street
from tests.browser.pages import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HOREA = Point(23.5840, 46.7722, srid=4326)
ALEEA_HOREA = Point(23.6100, 46.7650, srid=4326)


def _pin_at(place: str) -> str:
    with translation.override("ro"):
        text = gettext("Pin placed at {place}. Drag it to the exact spot if needed.")
    return text.replace("{place}", place)


def test_the_one_street_found_is_chosen_and_the_number_typed_stays(
    phone, live_server, citizen, institution
):
    Street.objects.create(institution=institution, name="Strada Horea", location=HOREA)
    log_in(phone, live_server, citizen, then="/sesizare-noua/")

    phone.fill("#id_address", "Strada Horea 5")
    phone.press("#id_address", "Enter")

    expect(phone.locator("#location-status")).to_have_text(_pin_at("Strada Horea"))
    expect(phone.locator("#id_address")).to_have_value("Strada Horea 5")
    expect(phone.locator("#id_address")).to_be_focused()
    expect(phone.locator(".address-result")).to_have_count(0)
    assert float(phone.input_value("#id_latitude")) == pytest.approx(HOREA.y)
    assert float(phone.input_value("#id_longitude")) == pytest.approx(HOREA.x)


def test_of_several_streets_the_one_chosen_takes_the_number_typed(
    phone, live_server, citizen, institution
):
    Street.objects.create(institution=institution, name="Strada Horea", location=HOREA)
    Street.objects.create(
        institution=institution, name="Aleea Horea", location=ALEEA_HOREA
    )
    log_in(phone, live_server, citizen, then="/sesizare-noua/")

    phone.fill("#id_address", "str. Horea 5")
    phone.click("#address-search-button")
    results = phone.locator(".address-result")
    expect(results).to_have_text(["Strada Horea", "Aleea Horea"])
    results.nth(1).focus()
    phone.keyboard.press("Enter")

    expect(phone.locator("#location-status")).to_have_text(_pin_at("Aleea Horea"))
    expect(phone.locator("#id_address")).to_have_value("Aleea Horea 5")
    expect(phone.locator("#id_address")).to_be_focused()
    assert float(phone.input_value("#id_latitude")) == pytest.approx(ALEEA_HOREA.y)
