"""Followers of a report get its public steps by e-mail, and can stop with one click."""

import pytest
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from notifications.following import follow_report, unsubscribe_token
from notifications.models import Follow, OutgoingEmail
from tests.flow import SUMMARY


def _updates(outbox):
    return [
        message for message in outbox if "List-Unsubscribe" in message.extra_headers
    ]


def _run_worker():
    call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0")


@pytest.fixture
def followed(published_report, other_citizen):
    follow_report(user=other_citizen, report=published_report)
    return published_report


def test_follower_is_told_when_work_starts_and_when_answered(
    flow, followed, other_citizen, citizen
):
    mail.outbox.clear()

    flow.resolve(flow.assign(followed))

    started, answered = _updates(mail.outbox)
    assert started.to == answered.to == [other_citizen.email]
    assert followed.registry_number in started.subject
    assert followed.department.name in started.body
    assert SUMMARY in answered.body
    for message in (started, answered):
        html = message.alternatives[0][0]
        assert citizen.email not in message.body + html
        assert citizen.full_name not in message.body + html


def test_author_following_their_own_report_gets_no_second_email(
    flow, published_report, citizen
):
    Follow.objects.create(user=citizen, report=published_report)
    mail.outbox.clear()

    flow.assign(published_report)

    assert _updates(mail.outbox) == []


def test_update_carries_one_click_unsubscribe_headers(flow, followed, settings):
    mail.outbox.clear()

    flow.assign(followed)

    [update] = _updates(mail.outbox)
    follow = Follow.objects.get(report=followed)
    link = settings.SITE_URL + reverse(
        "notifications:unsubscribe", args=[unsubscribe_token(follow)]
    )
    assert update.extra_headers["List-Unsubscribe"] == f"<{link}>"
    assert update.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert link in update.body
    assert link in update.alternatives[0][0]


@pytest.mark.django_db(transaction=True)
def test_update_headers_reach_the_mail_server(flow, mail_server, other_citizen):
    report = flow.published()
    follow_report(user=other_citizen, report=report)

    flow.assign(report)
    _run_worker()

    [update] = [
        message
        for message in mail_server.messages()
        if message["To"] == other_citizen.email
    ]
    # A long header is folded onto the next line: its value starts after it.
    assert update["List-Unsubscribe"].strip().startswith("<http")
    assert update["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert update.get_body(preferencelist=("html",)) is not None
    assert (
        OutgoingEmail.objects.get(kind=OutgoingEmail.Kind.FOLLOWED_UPDATE).state
        == OutgoingEmail.State.SENT
    )


def test_one_click_unsubscribe_by_the_mail_client_needs_no_login(followed):
    follow = Follow.objects.get(report=followed)
    url = reverse("notifications:unsubscribe", args=[unsubscribe_token(follow)])
    # What a mail client posts (RFC 8058), with no session and no CSRF token.
    client = Client(enforce_csrf_checks=True)

    response = client.post(
        url,
        data="List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )

    assert response.status_code == 200
    assert not Follow.objects.filter(pk=follow.pk).exists()


def test_unsubscribe_link_opened_asks_before_stopping(client, followed):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    follow = Follow.objects.get(report=followed)
    url = reverse("notifications:unsubscribe", args=[unsubscribe_token(follow)])

    page = client.get(url)

    assert "Stop the e-mails about report" in page.content.decode()
    assert Follow.objects.filter(pk=follow.pk).exists()


def test_unsubscribe_page_reads_as_the_follower_s_e_mails(
    client, followed, other_citizen
):
    other_citizen.language = "hu"
    other_citizen.save()
    follow = Follow.objects.get(report=followed)
    url = reverse("notifications:unsubscribe", args=[unsubscribe_token(follow)])

    page = client.get(url)

    assert 'lang="hu"' in page.content.decode()


def test_unsubscribe_forged_link_changes_nothing(client, followed):
    follow = Follow.objects.get(report=followed)
    forged = unsubscribe_token(follow)[:-3] + "abc"

    response = client.post(reverse("notifications:unsubscribe", args=[forged]))

    assert response.status_code == 404
    assert Follow.objects.filter(pk=follow.pk).exists()


def test_settings_page_lists_follows_and_stops_one(client, followed, other_citizen):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    client.force_login(other_citizen)
    settings_url = reverse("notifications:settings")

    page = client.get(settings_url)
    client.post(reverse("notifications:stop-following", args=[followed.pk]))

    text = page.content.decode()
    assert followed.registry_number in text
    assert "cannot be turned off" in text
    assert not Follow.objects.filter(user=other_citizen).exists()


def test_report_page_offers_to_follow_then_to_stop(
    client, published_report, other_citizen
):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    client.force_login(other_citizen)
    page_url = reverse("reports:detail", args=[published_report.pk])

    before = client.get(page_url).content.decode()
    client.post(reverse("reports:follow", args=[published_report.pk]))
    after = client.get(page_url).content.decode()

    assert "Follow this report" in before
    assert "You follow this report." in after
    assert reverse("notifications:stop-following", args=[published_report.pk]) in after


def test_report_page_tells_the_author_they_get_every_step(
    client, published_report, citizen
):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    client.force_login(citizen)

    page = client.get(reverse("reports:detail", args=[published_report.pk]))

    assert "You sent this report" in page.content.decode()
