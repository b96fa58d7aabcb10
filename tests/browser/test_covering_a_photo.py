"""A clerk covers a number plate by dragging on the photo, before publishing."""

import os

import pytest
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from reports.models import Photo
from reports.photos import store_photo
from tests.browser.pages import log_in
from tests.factories import jpeg_with_orientation_and_gps

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENSHOT = os.environ.get("SESIZARI_SCREENSHOT_DIR")


@pytest.fixture
def desk(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    context.close()


def test_clerk_covers_an_area_by_dragging_on_the_photo(
    desk, live_server, flow, citizen, clerk
):
    photo = store_photo(upload=jpeg_with_orientation_and_gps(), uploaded_by=citizen)
    report = flow.submit(photos=[photo])
    then = f"/birou/sesizari/{report.pk}/"
    log_in(desk, live_server, clerk, then)

    desk.locator(".photo-covers summary").click()
    canvas = desk.locator("[data-photo-covers-canvas]")
    expect(canvas.locator("img")).to_be_visible()
    box = canvas.bounding_box()
    desk.mouse.move(box["x"] + box["width"] * 0.2, box["y"] + box["height"] * 0.1)
    desk.mouse.down()
    desk.mouse.move(box["x"] + box["width"] * 0.5, box["y"] + box["height"] * 0.3)
    desk.mouse.move(box["x"] + box["width"] * 0.6, box["y"] + box["height"] * 0.4)
    desk.mouse.up()
    expect(canvas.locator(".photo-covers__box")).to_have_count(1)
    if SCREENSHOT:
        desk.screenshot(path=f"{SCREENSHOT}/photo-covers.png", full_page=True)
    # The site speaks Romanian to a browser that chose no language.
    with translation.override("ro"):
        save = gettext("Save the covered areas")
    desk.get_by_role("button", name=save).click()
    desk.wait_for_url(f"**{then}*")

    [cover] = Photo.objects.get(pk=photo.pk).covers
    assert cover == pytest.approx(
        {"x": 0.2, "y": 0.1, "width": 0.4, "height": 0.3}, abs=0.01
    )
