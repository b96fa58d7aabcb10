"""A site before any institution is configured: pages say so, none fails."""

import pytest
from django.urls import reverse


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("home", []),
        ("reports:map-data", []),
        ("reports:list", []),
        ("reports:detail", [1]),
        ("reports:geocode", []),
    ],
)
def test_public_page_without_an_institution_is_not_found(client, db, name, args):
    response = client.get(reverse(name, args=args))

    assert response.status_code == 404


def test_back_office_without_an_institution_is_forbidden(client, citizen):
    client.force_login(citizen)

    response = client.get(reverse("backoffice:home"))

    assert response.status_code == 403


def test_branding_without_an_institution_has_the_default_colour(client, db):
    response = client.get(reverse("branding-css"))

    assert response.status_code == 200
    assert response.content.decode().startswith(":root{--brand:#1d4e89;")
