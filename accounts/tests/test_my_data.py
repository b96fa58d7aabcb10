"""A citizen downloads all their data, and deletes the account; petitions stay."""

import json

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.core import mail
from django.urls import reverse

from accounts.models import User
from notifications.following import follow_report
from reports import workflow
from reports.models import Outcome, Petitioner
from tests.factories import UserFactory
from tests.flow import ORIGINAL

PASSWORD = "parola-sigura-1"
DOWNLOAD = reverse("accounts:my-data-download")
MY_DATA = reverse("accounts:my-data")


def test_download_holds_the_account_reports_timeline_and_follows(
    client, citizen, flow, head, other_citizen, no_report_limits
):
    mine = flow.published()
    workflow.add_note(report=mine, actor=head, text="Notă internă: echipa merge joi.")
    theirs = flow.published(author=other_citizen)
    follow_report(user=citizen, report=theirs)
    client.force_login(citizen)

    response = client.get(DOWNLOAD)

    data = json.loads(response.content)
    [report] = data["reports"]
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment;")
    assert data["account"]["email"] == citizen.email
    assert data["account"]["phone"] == citizen.phone
    assert data["account"]["language"] == "ro"
    assert report["text_as_sent"] == ORIGINAL
    assert report["registry_number"] == mine.registry_number
    assert "published" in [event["kind"] for event in report["timeline"]]
    assert "Notă internă" not in response.content.decode()
    assert data["following"][0]["report"] == theirs.pk


def test_download_holds_every_answer_and_what_the_author_said_of_it(
    client, citizen, flow, resolved_report
):
    reopened = workflow.reopen_report(
        report=resolved_report,
        resolution=resolved_report.resolution,
        author=citizen,
        text="Groapa a fost doar acoperită cu pietriș.",
    )
    flow.resolve(reopened, outcome=Outcome.PARTLY_FIXED)
    client.force_login(citizen)

    [report] = json.loads(client.get(DOWNLOAD).content)["reports"]

    first, second = report["answers"]
    assert (first["outcome"], first["you_said"]) == ("fixed", "not_solved")
    assert (second["outcome"], second["you_said"]) == ("partly_fixed", None)
    assert first["issued_at"] < second["issued_at"]


def test_download_needs_login(client, db):
    response = client.get(DOWNLOAD)

    assert response.status_code == 302


def test_delete_with_a_wrong_password_changes_nothing(client, citizen):
    client.force_login(citizen)

    response = client.post(MY_DATA, {"password": "nu-este-parola"})

    citizen.refresh_from_db()
    assert response.status_code == 400
    assert citizen.deleted_at is None
    assert citizen.is_active


def test_delete_removes_the_person_and_keeps_the_petition(
    client, citizen, published_report, other_citizen, flow
):
    follow_report(user=citizen, report=flow.published(author=other_citizen))
    name, email, phone = citizen.full_name, citizen.email, citizen.phone
    client.force_login(citizen)

    response = client.post(MY_DATA, {"password": PASSWORD})

    user = User.objects.get(pk=citizen.pk)
    published_report.refresh_from_db()
    assert response.status_code == 302
    assert user.deleted_at is not None
    assert not user.is_active and not user.has_usable_password()
    assert (user.full_name, user.phone) == ("", "")
    assert user.email.endswith(".invalid")
    assert not EmailAddress.objects.filter(user=user).exists()
    assert not user.follows.exists()
    assert published_report.petitioner == Petitioner(name, email, phone)
    assert client.get(reverse("reports:mine")).status_code == 302


def test_deleted_account_cannot_log_in_and_the_address_is_free_again(client, citizen):
    email = citizen.email
    client.force_login(citizen)
    client.post(MY_DATA, {"password": PASSWORD})

    logged_in = client.login(email=email, password=PASSWORD)
    again = UserFactory(email=email)

    assert not logged_in
    assert again.pk != citizen.pk


def test_the_answer_still_reaches_the_petitioner_after_deletion(
    client, citizen, assigned_report, flow
):
    email = citizen.email
    client.force_login(citizen)
    client.post(MY_DATA, {"password": PASSWORD})
    mail.outbox.clear()

    flow.resolve(assigned_report)

    [answer] = [message for message in mail.outbox if message.attachments]
    assert answer.to == [email]


@pytest.mark.django_db
def test_staff_see_the_petitioner_of_a_deleted_account(
    client, citizen, clerk, registered_report
):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    name = citizen.full_name
    client.force_login(citizen)
    client.post(MY_DATA, {"password": PASSWORD})
    client.force_login(clerk)

    page = client.get(
        reverse("backoffice:report", args=[registered_report.pk]),
    )

    text = page.content.decode()
    assert name in text
    assert "account deleted" in text
