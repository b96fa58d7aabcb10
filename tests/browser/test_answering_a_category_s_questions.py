"""A citizen on a phone answers the chosen category's questions; the clerk
reads the answers on the report's page."""

import re

import pytest
from playwright.sync_api import expect

from institutions.models import CategoryQuestion, QuestionKind
from reports.models import Report
from tests.browser.pages import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DESCRIPTION = "Groapă mare pe carosabil, lângă stația de autobuz."


@pytest.fixture
def questions(potholes, parks):
    CategoryQuestion.objects.create(
        category=potholes,
        code="size-cm",
        label="Cât de mare este groapa (cm)?",
        kind=QuestionKind.NUMBER,
        required=True,
        position=1,
    )
    CategoryQuestion.objects.create(
        category=potholes,
        code="around",
        label="Ce mai este în jur?",
        kind=QuestionKind.MULTIPLE,
        choices="water: Apă\nsand: Nisip\nsigns: Indicatoare",
        position=2,
    )
    CategoryQuestion.objects.create(
        category=parks,
        code="trees",
        label="Câți arbori sunt afectați?",
        kind=QuestionKind.NUMBER,
        required=True,
    )


def test_citizen_answers_the_questions_and_the_clerk_reads_them(
    phone, browser, live_server, citizen, clerk, potholes, parks, questions
):
    log_in(phone, live_server, citizen, then="/sesizare-noua/")
    size = phone.get_by_label("Cât de mare este groapa (cm)?")
    trees = phone.get_by_label("Câți arbori sunt afectați?")

    expect(size).to_be_hidden()
    phone.get_by_label(parks.name).check()
    expect(trees).to_be_visible()
    phone.get_by_label(potholes.name).check()
    expect(trees).to_be_hidden()
    expect(size).to_be_visible()
    phone.click("#pin-at-centre")
    phone.fill("#id_description", DESCRIPTION)
    phone.get_by_label("Nisip").check()
    phone.click("#report-preview-button")

    # Without a size the form comes back, in Romanian, with what was chosen.
    expect(phone.locator("#form-errors")).to_contain_text("Răspundeți")
    expect(phone.get_by_label("Nisip")).to_be_checked()
    expect(size).to_have_attribute("aria-invalid", "true")
    size.fill("2,5")
    phone.get_by_label("Apă").check()
    phone.click("#report-preview-button")
    expect(phone.locator("#preview-answers")).to_contain_text("Apă, Nisip")
    phone.click("#report-send-button")
    phone.wait_for_url(re.compile(r"/contul-meu/sesizari/\d+/$"))

    report = Report.objects.get()
    assert [(a["code"], a["value"]) for a in report.answers] == [
        ("size-cm", "2.5"),
        ("around", ["water", "sand"]),
    ]
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    desk = context.new_page()
    log_in(desk, live_server, clerk, then=f"/birou/sesizari/{report.pk}/")
    answers = desk.locator("#answers")
    expect(answers).to_contain_text("Cât de mare este groapa (cm)?")
    expect(answers).to_contain_text("2,5")
    expect(answers).to_contain_text("Apă, Nisip")
    context.close()
