"""The management opens the statistics, changes a filter and takes the Excel file."""

import os
from pathlib import Path

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from dashboards.tests.conftest import build_city
from tests.browser.pages import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENSHOT = os.environ.get("SESIZARI_SCREENSHOT_DIR")


@pytest.fixture
def city(institution, potholes, parks, citizen, clerk):
    """The small city of the dashboards' own tests."""
    return build_city(institution, potholes, parks, citizen, clerk)


@pytest.fixture
def desk(browser):
    context = browser.new_context(
        viewport={"width": 1280, "height": 1000},
        locale="ro-RO",
        accept_downloads=True,
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    context.close()


def test_viewer_filters_the_dashboard_and_downloads_excel(
    desk,
    live_server,
    viewer,
    city,
    tmp_path,
):
    then = "/birou/statistici/?start=2026-01-01&end=2026-03-31&by=zone"
    log_in(desk, live_server, viewer, then)
    table = desk.locator("#table-by-zone")
    expect(table).to_contain_text("Mănăștur")

    desk.select_option("select[name=zone]", label="Mănăștur")
    desk.get_by_role("button", name="Afișați").click()
    desk.wait_for_url(f"**zone={city.manastur.pk}**")
    expect(desk.locator("#table-by-zone tbody tr")).to_have_count(1)
    if SCREENSHOT:
        desk.screenshot(path=f"{SCREENSHOT}/dashboard.png", full_page=True)
    with desk.expect_download() as waiting:
        desk.get_by_role("link", name="Excel (.xlsx)").click()
    download = waiting.value
    saved = Path(tmp_path) / download.suggested_filename
    download.save_as(saved)

    assert saved.name == "sesizari-evolution-2026-01-01-2026-03-31.xlsx"
    workbook = load_workbook(saved)
    rows = [
        list(row) for sheet in workbook for row in sheet.iter_rows(values_only=True)
    ]
    # Mănăștur alone: B in January, I in March.
    assert ["Mănăștur", 2, 0, "–", 1, 1] in rows
    assert ["2026-01", 1, 0, 0, 0, 1, 0] in rows


def test_where_dashboard_draws_hexagons_on_a_web_map(desk, live_server, viewer, city):
    then = "/birou/statistici/unde/?start=2026-01-01&end=2026-03-31"
    log_in(desk, live_server, viewer, then)

    hexagons = desk.locator(".js-hex-map path.hexagon")
    expect(hexagons.first).to_be_visible()
    # Two places: Piața Unirii and Mănăștur, whatever the zoom.
    expect(hexagons).to_have_count(2)
    desk.select_option(".js-hex-measure", "open")
    # Open now: D and H at Piața Unirii, I in Mănăștur.
    expect(hexagons).to_have_count(2)
    if SCREENSHOT:
        desk.screenshot(path=f"{SCREENSHOT}/dashboard-where.png", full_page=True)
