"""The author answers "Is the problem solved?" from the e-mail's signed links."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from notifications.satisfaction import question_links, question_token
from reports.models import EventKind, Report, Resolution, Satisfaction, Status

pytestmark = pytest.mark.django_db

WORDS = "Groapa a fost doar acoperită cu pietriș, apa băltește din nou."


@pytest.fixture
def links(resolved_report):
    return question_links(resolved_report.resolution)


def test_opening_a_link_changes_nothing(resolved_report, links):
    for url in links:
        page = Client().get(url)
        assert page.status_code == 200
        assert "Problema este rezolvată?" in page.text

    answer = Resolution.objects.get(pk=resolved_report.resolution_id)
    assert answer.satisfaction == ""
    assert Report.objects.get(pk=resolved_report.pk).status == Status.RESOLVED


def test_the_pages_read_as_the_e_mail_unless_the_visitor_chose(
    resolved_report, links, citizen
):
    citizen.language = "hu"
    citizen.save()
    category = resolved_report.category
    category.name_hu = "Utcák és járdák"
    category.save()
    _solved, not_solved = links

    as_sent = Client().get(not_solved)
    chooser = Client()
    chooser.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    as_chosen = chooser.get(not_solved)

    assert 'lang="hu"' in as_sent.text and "Megoldódott a probléma?" in as_sent.text
    assert "Utcák és járdák" in as_sent.text
    assert 'lang="en"' in as_chosen.text and "Is the problem solved?" in as_chosen.text


def test_yes_is_recorded_on_the_click_without_login(resolved_report, links):
    solved, _not_solved = links

    page = Client(enforce_csrf_checks=False).post(solved)

    assert page.status_code == 200
    assert "ați spus că problema este rezolvată" in page.text
    answer = Resolution.objects.get(pk=resolved_report.resolution_id)
    assert answer.satisfaction == Satisfaction.SOLVED


def test_no_with_words_reopens_the_report(resolved_report, links):
    _solved, not_solved = links

    page = Client().post(not_solved, {"text": WORDS})

    report = Report.objects.get(pk=resolved_report.pk)
    assert page.status_code == 200
    assert report.status == Status.ASSIGNED
    assert report.department.name in page.text
    assert report.events.filter(kind=EventKind.REPLY, text=WORDS).exists()


def test_no_without_enough_words_keeps_what_was_typed(resolved_report, links):
    _solved, not_solved = links

    page = Client().post(not_solved, {"text": "Încă"})

    assert page.status_code == 400
    assert "Încă</textarea>" in page.text
    assert "field--error" in page.text
    assert Report.objects.get(pk=resolved_report.pk).status == Status.RESOLVED


def test_tampered_link_is_refused_with_a_romanian_page(resolved_report):
    token = question_token(resolved_report.resolution)
    forged = token[:-3] + ("abc" if not token.endswith("abc") else "xyz")
    url = reverse("reports:satisfaction-not-solved", args=[forged])

    opened = Client().get(url)
    posted = Client().post(url, {"text": WORDS})

    for page in (opened, posted):
        assert page.status_code == 404
        assert "Acest link nu este valid" in page.text
    assert Report.objects.get(pk=resolved_report.pk).status == Status.RESOLVED


def test_link_answers_once(resolved_report, links):
    solved, not_solved = links
    Client().post(solved)

    page = Client().post(not_solved, {"text": WORDS})

    assert page.status_code == 410
    assert "Ați răspuns deja" in page.text
    assert Report.objects.get(pk=resolved_report.pk).status == Status.RESOLVED


def test_link_is_closed_after_the_reopening_period(resolved_report, links):
    Resolution.objects.filter(pk=resolved_report.resolution_id).update(
        issued_at=timezone.now() - timedelta(days=31)
    )
    _solved, not_solved = links

    page = Client().post(not_solved, {"text": WORDS})

    assert page.status_code == 410
    assert Report.objects.get(pk=resolved_report.pk).status == Status.RESOLVED


def test_authors_page_asks_while_the_question_is_open(
    client, citizen, resolved_report, links
):
    client.force_login(citizen)
    url = reverse("reports:mine-detail", args=[resolved_report.pk])

    before = client.get(url)
    Client().post(links[0])
    after = client.get(url)

    assert 'id="satisfaction"' in before.text
    assert "/problema-nerezolvata/" in before.text
    assert 'id="satisfaction"' not in after.text
    assert "/problema-nerezolvata/" not in after.text
