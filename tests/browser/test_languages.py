"""The site in Romanian, English and Hungarian, as the visitor chooses."""

import pytest
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from tests.browser.pages import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LANGUAGES = ["ro", "en", "hu"]
# Texts of the home page, the report form and a report page, as msgids.
SHOWN = [
    "Reports on the map",
    "Report a problem",
    "1. What is the problem?",
    "2. Where is it?",
    "3. Describe the problem",
    "Preview the report",
    "History",
    "Details",
    "Language",
]


def _in(language: str, msgid: str) -> str:
    with translation.override(language):
        return gettext(msgid)


@pytest.fixture
def desktop(browser):
    # The browser asks for English: the site answers in Romanian all the same.
    context = browser.new_context(locale="en-US")
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    context.close()


def _choose(page, language: str) -> None:
    page.select_option("#language", language)
    page.locator(".language-form button").click()
    page.wait_for_load_state()


def test_site_speaks_romanian_before_any_choice(desktop, live_server, institution):
    desktop.goto(live_server.url)

    expect(desktop.locator("html")).to_have_attribute("lang", "ro")
    expect(desktop.locator("h1")).to_have_text(_in("ro", "Reports on the map"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_visitor_reads_the_main_pages_in_the_chosen_language(
    desktop, live_server, flow, citizen, potholes, language
):
    report = flow.published()
    desktop.goto(live_server.url)

    _choose(desktop, language)
    home = desktop.locator("body").inner_text()
    log_in(desktop, live_server, citizen, "/sesizare-noua/")
    form = desktop.locator("body").inner_text()
    desktop.goto(f"{live_server.url}/sesizari/{report.pk}/")
    detail = desktop.locator("body").inner_text()

    expect(desktop.locator("html")).to_have_attribute("lang", language)
    expect(desktop.locator("#language")).to_have_value(language)
    assert _in(language, "Reports on the map") in home
    assert _in(language, "1. What is the problem?") in form
    assert _in(language, "History") in detail
    if language == "hu":
        assert "Bejelentések a térképen" in home
        assert "1. Mi a probléma?" in form
        pages = "\n".join([home, form, detail])
        leaks = [
            text
            for msgid in SHOWN
            for text in (msgid, _in("ro", msgid))
            if text in pages
        ]
        assert leaks == []
