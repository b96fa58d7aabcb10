"""E-mails to a citizen are written in the citizen's language; to staff and
to other institutions, in Romanian."""

from email.message import EmailMessage

import pytest
from django.core.management import call_command
from django.utils import translation
from django.utils.translation import gettext

from accounts.deletion import delete_account
from notifications import alerts
from notifications.following import follow_report
from notifications.models import AreaAlert
from reports.forwarding import forward_report

pytestmark = pytest.mark.django_db(transaction=True)


def _run_worker():
    call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0")


def _to(mail_server, address: str) -> list[EmailMessage]:
    return [m for m in mail_server.messages() if m["To"] == address]


def _text(message: EmailMessage) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


def _subject_of(message: EmailMessage) -> str:
    # A long subject is folded: its value starts on the next line.
    return message["Subject"].strip()


def _subject(language: str, msgid: str, **values: object) -> str:
    with translation.override(language):
        return gettext(msgid).format(**values)


@pytest.fixture
def hungarian(citizen):
    citizen.language = "hu"
    citizen.save(update_fields=["language"])
    return citizen


def test_registered_email_reaches_a_hungarian_citizen_in_hungarian(
    flow, mail_server, hungarian, institution
):
    report = flow.submit(author=hungarian)
    _run_worker()

    [message] = _to(mail_server, hungarian.email)
    number = report.registry_number
    assert _subject_of(message) == (
        f"{institution.name}: Bejelentését {number} számon iktattuk"
    )
    assert f"Bejelentését {number} számon iktattuk." in _text(message)
    assert "a válasz határideje" in _text(message)
    html = message.get_body(preferencelist=("html",)).get_content()
    assert '<html lang="hu">' in html
    assert "înregistrată" not in _text(message)


def test_registered_email_stays_romanian_for_a_romanian_citizen(
    flow, mail_server, citizen
):
    report = flow.submit(author=citizen)
    _run_worker()

    [message] = _to(mail_server, citizen.email)
    wanted = _subject(
        "ro",
        "Your report was registered with number {number}",
        number=report.registry_number,
    )
    assert _subject_of(message).endswith(wanted)
    assert "Kedves" not in _text(message)


def test_forwarding_writes_hungarian_to_the_citizen_and_romanian_to_the_institution(
    flow, mail_server, hungarian, clerk
):
    report = flow.submit(author=hungarian)

    forward_report(
        report=report,
        actor=clerk,
        reason="Conducta de apă ține de operator.",
        to_name="Compania de Apă Someș",
        to_email="registratura@casomes.ro",
    )
    _run_worker()

    [to_institution] = _to(mail_server, "registratura@casomes.ro")
    [to_citizen] = [
        message
        for message in _to(mail_server, hungarian.email)
        if "továbbítottuk" in message["Subject"]
    ]
    with translation.override("ro"):
        why = gettext("Why it is forwarded:")
    assert why in _text(to_institution)
    assert "A továbbítás oka:" not in _text(to_institution)
    assert _subject_of(to_citizen).endswith(
        f": {report.registry_number} számú bejelentését továbbítottuk"
    )
    assert "Compania de Apă Someș" in _text(to_citizen)


def test_follower_update_is_written_in_the_follower_language(
    flow, mail_server, other_citizen
):
    other_citizen.language = "hu"
    other_citizen.save(update_fields=["language"])
    report = flow.published()
    follow_report(user=other_citizen, report=report)

    flow.assign(report)
    _run_worker()

    [update] = _to(mail_server, other_citizen.email)
    assert _subject_of(update).endswith(
        f": Az Ön által követett {report.registry_number} számú bejelentésen dolgoznak"
    )
    assert "Azért kapja ezt az e-mailt, mert követi ezt a bejelentést." in (
        _text(update)
    )


def test_area_alert_is_written_in_the_subscriber_language(
    flow, mail_server, other_citizen, institution, potholes
):
    other_citizen.language = "en"
    other_citizen.save(update_fields=["language"])
    report = flow.submit()
    alerts.create_alert(
        user=other_citizen,
        institution=institution,
        frequency=AreaAlert.Frequency.IMMEDIATE,
        place=("Piața Unirii", report.location),
        radius_m=500,
    )

    flow.publish(report)
    _run_worker()

    [alert] = _to(mail_server, other_citizen.email)
    assert _subject_of(alert).endswith(": 1 new report in Piața Unirii")
    assert "You receive this e-mail because you asked for alerts" in _text(alert)


def test_deleted_account_keeps_its_language_for_the_answer(flow, hungarian):
    report = flow.submit(author=hungarian)

    delete_account(hungarian)

    report.refresh_from_db()
    assert report.petitioner_language == "hu"
    assert report.petitioner.language == "hu"
    assert report.petitioner.email == "ana.ionescu@example.ro"


def test_report_keeps_the_language_its_petitioner_had_when_sending(flow, hungarian):
    report = flow.submit(author=hungarian)

    assert report.petitioner_language == "hu"
