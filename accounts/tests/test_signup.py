import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.test import Client
from django.urls import reverse

from accounts.models import User

SIGNUP = {
    "full_name": "Ioana  Mureșan",
    "phone": "0745 111 222",
    "email": "ioana.muresan@example.ro",
    "password1": "castane-coapte-2026",
    "password2": "castane-coapte-2026",
}


@pytest.mark.django_db
def test_signup_stores_name_and_phone_and_mails_a_link(client):
    response = client.post(reverse("account_signup"), SIGNUP)

    assert response.status_code == 302
    user = User.objects.get(email="ioana.muresan@example.ro")
    assert user.full_name == "Ioana Mureșan"
    assert user.phone == "+40745111222"
    assert not EmailAddress.objects.get(user=user).verified
    [message] = mail.outbox
    assert message.to == ["ioana.muresan@example.ro"]
    assert "/cont/confirm-email/" in message.body


@pytest.mark.django_db
def test_signup_confirmation_link_verifies_the_address(client):
    client.post(reverse("account_signup"), SIGNUP)
    link = re.search(r"https?://\S+/cont/confirm-email/\S+/", mail.outbox[0].body)

    response = client.post(link.group(0))

    assert response.status_code == 302
    assert EmailAddress.objects.get(email=SIGNUP["email"]).verified


@pytest.mark.django_db
def test_signup_with_a_bad_phone_keeps_what_was_typed(client):
    response = client.post(reverse("account_signup"), {**SIGNUP, "phone": "12345"})

    assert response.status_code == 200
    assert not User.objects.exists()
    content = response.content.decode()
    assert 'value="ioana.muresan@example.ro"' in content
    assert 'value="12345"' in content
    assert "0722 123 456" in content


@pytest.mark.django_db
def test_login_refused_until_the_address_is_verified(client):
    client.post(reverse("account_signup"), SIGNUP)
    client.logout()

    response = client.post(
        reverse("account_login"),
        {"login": SIGNUP["email"], "password": SIGNUP["password1"]},
    )

    assert response.status_code == 302
    assert response.url == reverse("account_email_verification_sent")


@pytest.mark.django_db
def test_password_reset_mails_a_link_that_sets_a_new_password(client, citizen):
    client.post(reverse("account_reset_password"), {"email": citizen.email})
    link = re.search(
        r"https?://\S+(/cont/password/reset/key/\S+/)", mail.outbox[0].body
    )

    form_page = client.get(link.group(1), follow=True)
    response = client.post(
        form_page.redirect_chain[-1][0],
        {"password1": "nuci-verzi-2027", "password2": "nuci-verzi-2027"},
    )

    assert response.status_code == 302
    citizen.refresh_from_db()
    assert citizen.check_password("nuci-verzi-2027")


@pytest.mark.django_db
def test_signup_email_names_the_institution_and_comes_from_it(client, institution):
    client.post(reverse("account_signup"), SIGNUP)

    [message] = mail.outbox
    assert message.from_email == institution.email_sender
    assert institution.name in message.body
    assert "testserver" in message.body


@pytest.mark.django_db
def test_login_takes_staff_to_their_queue_and_citizens_home(client, clerk, citizen):
    for user, destination in ((clerk, "backoffice:home"), (citizen, "home")):
        response = Client().post(
            reverse("account_login"),
            {"login": user.email, "password": "parola-sigura-1"},
        )

        assert response.url == reverse(destination)
