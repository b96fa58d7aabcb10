"""The visitor chooses the language; an account keeps it for its e-mails."""

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client
from django.urls import reverse

from accounts.models import User

SIGNUP = {
    "full_name": "Kovács Anna",
    "phone": "0745 111 222",
    "email": "kovacs.anna@example.ro",
    "password1": "castane-coapte-2026",
    "password2": "castane-coapte-2026",
}


def _choose(client: Client, language: str):
    return client.post(
        reverse("set_language"), {"language": language, "next": reverse("home")}
    )


def test_selector_offers_each_language_in_its_own_name(client, institution):
    page = client.get(reverse("home")).content.decode()

    assert '<option value="ro" lang="ro" selected>Română</option>' in page
    assert '<option value="en" lang="en">English</option>' in page
    assert '<option value="hu" lang="hu">Magyar</option>' in page


def test_visitor_without_a_choice_reads_romanian_whatever_the_browser_asks(
    institution,
):
    client = Client(headers={"accept-language": "hu-HU,hu;q=0.9,en;q=0.8"})

    response = client.get(reverse("home"))

    assert '<html lang="ro">' in response.content.decode()
    assert response["Content-Language"] == "ro"


@pytest.mark.parametrize(
    ("language", "heading"),
    [
        ("ro", "Sesizările pe hartă"),
        ("en", "Reports on the map"),
        ("hu", "Bejelentések a térképen"),
    ],
)
def test_selector_switches_the_site_language(client, institution, language, heading):
    chosen = _choose(client, language)

    response = client.get(reverse("home"))

    assert chosen.status_code == 302
    assert chosen.cookies[settings.LANGUAGE_COOKIE_NAME].value == language
    assert f'<html lang="{language}">' in response.content.decode()
    assert heading in response.content.decode()
    assert "Cookie" in response["Vary"]


def test_selector_keeps_the_choice_on_the_account(client, institution, citizen):
    client.force_login(citizen)

    _choose(client, "hu")

    citizen.refresh_from_db()
    assert citizen.language == "hu"


def test_selector_refuses_a_language_not_offered(client, institution, citizen):
    client.force_login(citizen)

    _choose(client, "de")
    response = client.get(reverse("home"))

    citizen.refresh_from_db()
    assert citizen.language == "ro"
    assert '<html lang="ro">' in response.content.decode()


def test_account_language_applies_on_a_browser_without_a_choice(institution, citizen):
    citizen.language = "hu"
    citizen.save(update_fields=["language"])
    client = Client()
    client.force_login(citizen)

    response = client.get(reverse("home"))

    assert '<html lang="hu">' in response.content.decode()


def test_browser_choice_wins_over_the_account_language(institution, citizen):
    citizen.language = "hu"
    citizen.save(update_fields=["language"])
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    client.force_login(citizen)

    response = client.get(reverse("home"))

    assert '<html lang="en">' in response.content.decode()


def test_signup_keeps_the_language_of_the_page_and_mails_in_it(client, institution):
    _choose(client, "hu")

    response = client.post(reverse("account_signup"), SIGNUP)

    assert response.status_code == 302
    assert User.objects.get(email="kovacs.anna@example.ro").language == "hu"
    [message] = mail.outbox
    assert "Kérjük, erősítse meg e-mail-címét" in message.subject


def test_password_reset_mail_follows_the_account_not_the_browser(
    client, institution, citizen
):
    citizen.language = "hu"
    citizen.save(update_fields=["language"])

    client.post(reverse("account_reset_password"), {"email": citizen.email})

    [message] = mail.outbox
    assert "Jelszó-visszaállító e-mail" in message.subject
    assert "Azért kapja ezt az e-mailt" in message.body
