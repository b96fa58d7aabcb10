"""The institution's main colour is checked against WCAG AA when saved."""

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError

from institutions.tests.admin_forms import institution_form
from tests.factories import UserFactory


@pytest.mark.parametrize("colour", ["#0b4f8a", "#1d4e89", "#c62828", "#000000"])
def test_dark_enough_colours_are_accepted(institution, colour):
    institution.main_colour = colour

    institution.full_clean()


@pytest.mark.parametrize("colour", ["#f9a825", "#ffffff", "#00a0e6"])
def test_light_colours_are_refused_with_their_contrast(institution, colour):
    institution.main_colour = colour

    with pytest.raises(ValidationError) as refused:
        institution.full_clean()

    [message] = refused.value.message_dict["main_colour"]
    assert ":1" in message and "4,5:1" in message


def test_admin_keeps_what_was_typed_and_says_why(client, institution):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    url, data = institution_form(client, institution)

    response = client.post(url, {**data, "main_colour": "#f9a825"})

    institution.refresh_from_db()
    assert response.status_code == 200
    assert "contrast of 2,0:1" in response.content.decode()
    assert 'value="#f9a825"' in response.content.decode()
    assert institution.main_colour != "#f9a825"
