"""No page of the product scrolls sideways on a phone 390 px wide.

The reports shown have what makes a page wide: a category's name without
spaces, long questions answered, a long word typed by the citizen.
"""

import re

import pytest
from playwright.sync_api import expect

from institutions.models import CategoryQuestion, QuestionKind
from reports.answers import check_answer
from tests.browser.pages import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LONG_NAME = "Străzi/Alei/Trotuare/Poduri/Pasaje/Parcări/Piste-de-biciclete"
# What a citizen may paste: a word no line is wide enough for.
LONG_WORD = "https://www.example.ro/harta/strada-memorandumului-nr-14-scara-b"
DESCRIPTION = f"Groapă mare pe carosabil, lângă stația de autobuz. {LONG_WORD}"


@pytest.fixture
def long_questions(potholes):
    potholes.name = LONG_NAME
    potholes.save()
    return [
        CategoryQuestion.objects.create(
            category=potholes,
            code="size-cm",
            label="Cât de mare este groapa (cm)?",
            kind=QuestionKind.NUMBER,
            required=True,
            position=1,
        ),
        CategoryQuestion.objects.create(
            category=potholes,
            code="around",
            label="Ce se mai află în jurul gropii, lângă bordură sau pe trotuar?",
            kind=QuestionKind.MULTIPLE,
            choices="water: Apă stătătoare\nsand: Nisip\nsigns: Indicatoare căzute",
            position=2,
        ),
        CategoryQuestion.objects.create(
            category=potholes,
            code="landmark",
            label="Ce reper (magazin, stație, număr de bloc) este cel mai aproape?",
            kind=QuestionKind.TEXT,
            position=3,
        ),
    ]


def _answered(flow, category, questions):
    size, around, landmark = questions
    report = flow.submit(category=category, description=DESCRIPTION)
    report.answers = [
        check_answer(size, "25"),
        check_answer(around, ["water", "signs"]),
        check_answer(landmark, LONG_WORD),
    ]
    report.address = f"Strada Memorandumului 14, {LONG_WORD}"
    report.save(update_fields=["answers", "address"])
    return report


def _assert_no_sideways_scroll(page):
    # A phone widens its window to a page too wide and shows it zoomed out,
    # so the page is measured against the phone's width, not the window's.
    widths = page.evaluate(
        """() => ({
            page: document.documentElement.scrollWidth,
            window: window.innerWidth,
        })"""
    )
    phone_width = page.viewport_size["width"]
    assert widths == {"page": phone_width, "window": phone_width}


# Who opens the page (None: anyone) and where; {registered}, {assigned} and
# {resolved} stand for reports in those states.
PAGES = {
    "home": (None, "/"),
    "list": (None, "/sesizari/"),
    "public report": (None, "/sesizari/{assigned}/"),
    "public report, answered": (None, "/sesizari/{resolved}/"),
    "statistics": (None, "/statistici/"),
    "login": (None, "/cont/login/"),
    "new report form": ("citizen", "/sesizare-noua/"),
    "my reports": ("citizen", "/contul-meu/sesizari/"),
    "my report": ("citizen", "/contul-meu/sesizari/{assigned}/"),
    "my report, answered": ("citizen", "/contul-meu/sesizari/{resolved}/"),
    "my data": ("citizen", "/contul-meu/date/"),
    "my notifications": ("citizen", "/contul-meu/notificari/"),
    "registry queue": ("clerk", "/birou/registratura/"),
    "registry calls": ("clerk", "/birou/registratura/apeluri/"),
    "department queue": ("head", "/birou/departament/"),
    "my work": ("staff", "/birou/lucrul-meu/"),
    "back-office report, registered": ("clerk", "/birou/sesizari/{registered}/"),
    "back-office report, assigned": ("head", "/birou/sesizari/{assigned}/"),
    "back-office report, to answer": ("staff", "/birou/sesizari/{assigned}/"),
    "back-office report, answered": ("clerk", "/birou/sesizari/{resolved}/"),
    "back-office statistics": ("viewer", "/birou/statistici/"),
    "back-office statistics, where": ("viewer", "/birou/statistici/unde/"),
    "back-office statistics, when": ("viewer", "/birou/statistici/cand/"),
    "back-office statistics, work": ("viewer", "/birou/statistici/activitate/"),
    "back-office exports": ("viewer", "/birou/statistici/exporturi/"),
}


@pytest.mark.parametrize("name", PAGES)
def test_page_fits_a_phone(
    request, phone, live_server, flow, potholes, long_questions, name
):
    reports = {
        "registered": _answered(flow, potholes, long_questions),
        "assigned": flow.assign(
            flow.publish(_answered(flow, potholes, long_questions), text=DESCRIPTION)
        ),
        "resolved": flow.resolve(
            flow.assign(
                flow.publish(
                    _answered(flow, potholes, long_questions), text=DESCRIPTION
                )
            )
        ),
    }
    who, path = PAGES[name]
    path = path.format(**{state: report.pk for state, report in reports.items()})

    if who is None:
        phone.goto(f"{live_server.url}{path}")
    else:
        log_in(phone, live_server, request.getfixturevalue(who), then=path)
    phone.wait_for_load_state("load")

    _assert_no_sideways_scroll(phone)


def test_preview_and_the_report_sent_fit_the_citizen_s_phone(
    phone, live_server, citizen, potholes, long_questions
):
    log_in(phone, live_server, citizen, then="/sesizare-noua/")
    phone.get_by_label(LONG_NAME).check()
    phone.click("#pin-at-centre")
    phone.fill("#id_description", DESCRIPTION)
    phone.get_by_label("Cât de mare este groapa (cm)?").fill("25")
    phone.get_by_label("Apă stătătoare").check()
    phone.get_by_label("Ce reper (magazin").fill(LONG_WORD)
    _assert_no_sideways_scroll(phone)

    phone.click("#report-preview-button")
    expect(phone.locator("#preview-answers")).to_contain_text("Apă stătătoare")
    _assert_no_sideways_scroll(phone)

    phone.click("#report-send-button")
    phone.wait_for_url(re.compile(r"/contul-meu/sesizari/\d+/$"))
    expect(phone.locator("#answers")).to_contain_text(LONG_WORD)
    _assert_no_sideways_scroll(phone)
