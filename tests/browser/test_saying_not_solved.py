"""A citizen says an answer did not solve the problem; the head sees it back."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from notifications.satisfaction import question_links
from reports.models import Report, Status
from tests.browser.pages import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WORDS = "Groapa a fost doar acoperită cu pietriș, apa băltește din nou."


@pytest.fixture
def desk(browser):
    context = browser.new_context(
        viewport={"width": 1280, "height": 1000}, locale="ro-RO"
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    context.close()


def test_citizen_says_not_solved_and_the_head_finds_it_reopened(
    phone, desk, live_server, flow, citizen, head
):
    report = flow.resolve(flow.assign(flow.published()))
    _solved, not_solved = question_links(report.resolution)
    mail.outbox.clear()

    # From the e-mail's link, without logging in.
    phone.goto(f"{live_server.url}{not_solved}")
    expect(phone.locator("h1")).to_have_text("Problema este rezolvată?")
    phone.click("#reopen-report")
    expect(phone.locator(".field--error")).to_be_visible()
    phone.fill("textarea[name=text]", WORDS)
    phone.click("#reopen-report")
    expect(phone.locator("#satisfaction-done")).to_contain_text("redeschisă")

    reopened = Report.objects.get(pk=report.pk)
    assert reopened.status == Status.ASSIGNED
    assert [message.to for message in mail.outbox] == [[citizen.email]]

    then = "/birou/departament/"
    log_in(desk, live_server, head, then)
    row = desk.locator("tr", has_text=reopened.registry_number)
    expect(row.locator(".badge--reopened")).to_have_text("redeschisă")
    row.get_by_role("link", name=reopened.registry_number).click()

    desk.wait_for_url(re.compile(rf"/birou/sesizari/{report.pk}/$"))
    expect(desk.locator("h1 .badge--reopened")).to_be_visible()
    expect(desk.locator(".timeline")).to_contain_text(WORDS)
    expect(desk.locator(".timeline")).to_contain_text("Redeschisă")
