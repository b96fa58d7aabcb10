"""Two institutions on one deployment: each host shows its own brand."""

import io

import pytest
from django.core.files.base import ContentFile
from PIL import Image
from playwright.sync_api import expect

from tests.factories import CategoryFactory, InstitutionFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FLORESTI_GREEN = "#1b5e20"


def _png(colour: str, size: tuple[int, int]) -> ContentFile:
    output = io.BytesIO()
    Image.new("RGB", size, colour).save(output, format="PNG")
    return ContentFile(output.getvalue())


def test_each_host_shows_its_institution_name_colour_logo_and_text(
    phone, live_server, institution
):
    # The live server answers on both names: one institution on each.
    port = live_server.url.rsplit(":", 1)[1]
    institution.domain = "127.0.0.1"
    institution.save()
    floresti = InstitutionFactory(
        slug="floresti",
        name="Primăria Florești",
        domain="localhost",
        main_colour=FLORESTI_GREEN,
        intro_text="Semnalați problemele din comuna Florești.",
    )
    floresti.logo.save("logo.png", _png(FLORESTI_GREEN, (240, 120)))
    floresti.favicon.save("favicon.png", _png(FLORESTI_GREEN, (64, 64)))
    CategoryFactory(institution=floresti, name="Drumuri comunale")

    phone.goto(f"http://localhost:{port}/")

    header = phone.locator(".site-header")
    expect(header).to_contain_text("Primăria Florești")
    expect(header).to_have_css("background-color", "rgb(27, 94, 32)")
    logo = phone.locator(".site-header__logo")
    expect(logo).to_be_visible()
    assert logo.evaluate("image => image.naturalWidth") == 240
    expect(phone.locator(".map-layout__text")).to_have_text(
        "Semnalați problemele din comuna Florești."
    )
    icon = phone.locator("link[rel=icon]").get_attribute("href")
    assert icon == floresti.favicon.url
    assert phone.request.get(f"http://localhost:{port}{icon}").ok
    assert "Primăria Florești" in phone.title()

    phone.goto(f"http://127.0.0.1:{port}/")

    expect(header).to_contain_text("Primăria Cluj-Napoca")
    expect(header).not_to_contain_text("Florești")
    expect(header).to_have_css("background-color", "rgb(29, 78, 137)")
    expect(phone.locator(".site-header__logo")).to_have_count(0)
    expect(phone.locator(".map-layout__text")).to_have_count(0)
