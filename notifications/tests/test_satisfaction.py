"""The daily question "Is the problem solved?", sent once per answer."""

from datetime import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import translation

from notifications.models import OutgoingEmail
from notifications.satisfaction import ask_due, unsubscribe_token
from reports.legal_clock import LEGAL_TIME_ZONE
from reports.models import Outcome, Resolution

pytestmark = pytest.mark.django_db


def _issued(report, day: str) -> Resolution:
    """Date the report's answer at 09:00 of ``day``, Romanian time."""
    moment = datetime.fromisoformat(f"{day} 09:00").replace(tzinfo=LEGAL_TIME_ZONE)
    Resolution.objects.filter(pk=report.resolution_id).update(issued_at=moment)
    return Resolution.objects.get(pk=report.resolution_id)


def _at(day: str, hour: int = 10) -> datetime:
    return datetime.fromisoformat(f"{day} {hour:02}:00").replace(tzinfo=LEGAL_TIME_ZONE)


def _questions():
    return [m for m in mail.outbox if "List-Unsubscribe" in m.extra_headers]


def test_question_is_sent_the_seventh_day_after_the_answer_and_once(
    resolved_report, citizen
):
    _issued(resolved_report, "2026-12-01")
    mail.outbox.clear()

    assert ask_due(now=_at("2026-12-07")) == 0
    assert ask_due(now=_at("2026-12-08")) == 1
    assert ask_due(now=_at("2026-12-08", 11)) == 0
    assert ask_due(now=_at("2026-12-09")) == 0

    [question] = _questions()
    assert question.to == [citizen.email]
    assert resolved_report.registry_number in question.subject
    answer = Resolution.objects.get(pk=resolved_report.resolution_id)
    assert answer.satisfaction_asked_at == _at("2026-12-08")


def test_question_waits_for_the_planned_date(flow, assigned_report):
    report = flow.resolve(
        assigned_report,
        Outcome.PLANNED,
        planned_for=datetime(2026, 12, 20).date(),
    )
    _issued(report, "2026-12-01")

    assert ask_due(now=_at("2026-12-08")) == 0
    assert ask_due(now=_at("2026-12-27")) == 1


def test_no_question_when_the_author_turned_it_off(resolved_report, citizen):
    _issued(resolved_report, "2026-12-01")
    citizen.satisfaction_emails = False
    citizen.save()

    assert ask_due(now=_at("2026-12-08")) == 0


def test_no_question_when_the_institution_asks_after_zero_days(
    resolved_report, institution
):
    _issued(resolved_report, "2026-12-01")
    institution.satisfaction_days = 0
    institution.save()

    assert ask_due(now=_at("2026-12-08")) == 0


def test_no_question_about_a_refusal(flow, assigned_report):
    report = flow.resolve(assigned_report, Outcome.REFUSED)
    _issued(report, "2026-12-01")

    assert ask_due(now=_at("2026-12-08")) == 0


def test_no_question_once_the_author_answered_on_the_page(resolved_report, citizen):
    answer = _issued(resolved_report, "2026-12-01")
    answer.satisfaction = "solved"
    answer.save()

    assert ask_due(now=_at("2026-12-08")) == 0


def test_question_links_and_one_click_unsubscribe(resolved_report, settings):
    answer = _issued(resolved_report, "2026-12-01")
    mail.outbox.clear()

    ask_due(now=_at("2026-12-08"))

    [question] = _questions()
    html = question.alternatives[0][0]
    unsubscribe = settings.SITE_URL + reverse(
        "notifications:satisfaction-unsubscribe",
        args=[unsubscribe_token(resolved_report.author)],
    )
    assert question.extra_headers["List-Unsubscribe"] == f"<{unsubscribe}>"
    assert (
        question.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    )
    for part in (question.body, html):
        assert "/problema-rezolvata/" in part
        assert "/problema-nerezolvata/" in part
        assert unsubscribe in part
    assert "Problema este rezolvată?" in question.body
    # 1 December plus the 30 days of reopening.
    assert "31 decembrie 2026" in question.body
    with translation.override("ro"):
        assert answer.get_outcome_display() in html


def test_one_click_unsubscribe_turns_the_questions_off(resolved_report, citizen):
    url = reverse(
        "notifications:satisfaction-unsubscribe", args=[unsubscribe_token(citizen)]
    )
    client = Client(enforce_csrf_checks=True)

    opened = client.get(url)
    citizen.refresh_from_db()
    assert opened.status_code == 200
    assert citizen.satisfaction_emails

    response = client.post(
        url,
        data="List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )

    citizen.refresh_from_db()
    assert response.status_code == 200
    assert not citizen.satisfaction_emails


def test_forged_unsubscribe_link_changes_nothing(citizen):
    token = unsubscribe_token(citizen)[:-2] + "xx"

    response = Client().post(
        reverse("notifications:satisfaction-unsubscribe", args=[token])
    )

    citizen.refresh_from_db()
    assert response.status_code == 404
    assert "Acest link nu este valid" in response.text
    assert citizen.satisfaction_emails


def test_settings_page_turns_the_questions_off_and_on(client, citizen, institution):
    client.force_login(citizen)

    page = client.get(reverse("notifications:settings"))
    assert "Problema este rezolvată?" in page.text
    client.post(reverse("notifications:satisfaction-questions"), {"wanted": "no"})
    citizen.refresh_from_db()
    assert not citizen.satisfaction_emails
    client.post(reverse("notifications:satisfaction-questions"), {"wanted": "yes"})
    citizen.refresh_from_db()

    assert citizen.satisfaction_emails


@pytest.mark.django_db(transaction=True)
def test_question_reaches_the_mail_server_once_with_its_headers(
    flow, mail_server, citizen
):
    report = flow.resolve(flow.assign(flow.published()))
    _issued(report, "2026-12-01")

    ask_due(now=_at("2026-12-08"))
    ask_due(now=_at("2026-12-09"))
    call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0")

    questions = [
        message for message in mail_server.messages() if "List-Unsubscribe" in message
    ]
    assert len(questions) == 1
    [question] = questions
    assert question["To"] == citizen.email
    assert question["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert question.get_body(preferencelist=("html",)) is not None
    sent = OutgoingEmail.objects.get(kind=OutgoingEmail.Kind.SATISFACTION)
    assert sent.state == OutgoingEmail.State.SENT
