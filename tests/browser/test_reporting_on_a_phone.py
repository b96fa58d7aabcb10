"""A citizen on a phone reports a problem; the public map shows it."""

import re

import pytest
from django.contrib.gis.geos import Point
from playwright.sync_api import expect

from institutions.models import Street
from reports.models import Report, Status
from tests.browser.pages import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DESCRIPTION = "Capac de canal lipsă pe trotuar, foarte periculos seara."
MEMORANDUMULUI = Point(23.5855, 46.7693, srid=4326)


def _describe_preview_and_send(page, category):
    page.get_by_label(category.name).check()
    page.fill("#id_description", DESCRIPTION)
    page.click("#report-preview-button")
    expect(page.locator("#report-send-button")).to_be_visible()
    assert DESCRIPTION in page.content()
    page.click("#report-send-button")
    page.wait_for_url(re.compile(r"/contul-meu/sesizari/\d+/$"))


def test_citizen_reports_by_address_without_touching_the_map(
    phone, live_server, citizen, institution, potholes
):
    Street.objects.create(
        institution=institution,
        name="Strada Memorandumului",
        location=MEMORANDUMULUI,
    )
    log_in(phone, live_server, citizen, then="/sesizare-noua/")

    phone.fill("#id_address", "str. Memorandumului 14")
    phone.click("#address-search-button")
    # The one street found is chosen at once.
    expect(phone.locator("#id_latitude")).not_to_have_value("")
    _describe_preview_and_send(phone, potholes)

    report = Report.objects.get()
    assert report.status == Status.REGISTERED
    assert report.address == "str. Memorandumului 14"
    assert report.location.distance(MEMORANDUMULUI) < 1e-6
    expect(phone.get_by_text(report.registry_number).first).to_be_visible()


def test_citizen_reports_by_placing_the_pin(
    phone, live_server, citizen, institution, potholes
):
    log_in(phone, live_server, citizen, then="/sesizare-noua/")
    the_map = phone.locator("#report-map")
    size = the_map.bounding_box()

    the_map.tap(position={"x": size["width"] * 0.3, "y": size["height"] * 0.6})
    expect(phone.locator("#id_latitude")).not_to_have_value("")
    _describe_preview_and_send(phone, potholes)

    report = Report.objects.get()
    centre = institution.map_centre
    assert report.location.x < centre.x
    assert report.location.y < centre.y
    assert institution.contains(report.location)


def test_public_map_shows_the_published_pin_in_its_colour(phone, live_server, flow):
    report = flow.published()

    phone.goto(f"{live_server.url}/#report-{report.pk}")
    pin = phone.locator(f".pin[data-report-id='{report.pk}']")

    expect(pin).to_have_class(re.compile(r"\bpin--new\b"))
    colour = pin.locator(".pin__body").evaluate(
        "body => getComputedStyle(body).backgroundColor"
    )
    assert colour == "rgb(209, 36, 47)"

    flow.assign(report)
    phone.goto(f"{live_server.url}/?status=in_progress#report-{report.pk}")

    expect(pin).to_have_class(re.compile(r"\bpin--in_progress\b"))
    colour = pin.locator(".pin__body").evaluate(
        "body => getComputedStyle(body).backgroundColor"
    )
    assert colour == "rgb(225, 111, 36)"


def test_public_map_zoom_buttons_come_before_the_pins_for_the_keyboard(
    phone, live_server, flow
):
    report = flow.published()

    phone.goto(f"{live_server.url}/#report-{report.pk}")
    phone.locator(f".pin[data-report-id='{report.pk}']").wait_for()

    order = phone.evaluate(
        """() => {
            const zoom = document.querySelector('.leaflet-control-zoom-in');
            const pin = document.querySelector('.pin');
            return zoom.compareDocumentPosition(pin)
                & Node.DOCUMENT_POSITION_FOLLOWING;
        }"""
    )
    assert order


def test_public_map_zoomed_out_shows_a_counted_group_that_opens(
    phone, live_server, flow
):
    flow.published()
    flow.published()

    phone.goto(f"{live_server.url}/?zoom=12&lat=46.7694&lng=23.5899")
    group = phone.locator(".cluster--server")
    expect(group).to_have_attribute("data-count", "2")
    group.click()

    # Zoomed in, the two reports come one by one (at one place, grouped
    # by the page until the deepest zoom spreads them).
    the_map = phone.locator("#reports-map")
    expect(the_map).to_have_attribute("data-mode", "reports")
    expect(the_map).to_have_attribute("data-count", "2")
    assert "zoom=12" not in phone.url
