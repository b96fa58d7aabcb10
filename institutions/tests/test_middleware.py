"""Which institution a request is for, and a site before any is configured."""

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from institutions.models import Institution
from tests.factories import InstitutionFactory, UserFactory


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


# Which institution a host shows: by domain, else the default, else none.
def _host_case(domains: list[str], host: str) -> str | None:
    """The slug of the institution shown at `host`, or None for a 404."""
    for number, domain in enumerate(domains):
        InstitutionFactory(slug=f"institutia-{number}", domain=domain)
    response = Client().get(reverse("branding-css"), HTTP_HOST=host)
    if response.status_code == 404:
        return None
    assert response.status_code == 200
    return response.wsgi_request.institution.slug


@pytest.mark.parametrize(
    ("domains", "host", "shown"),
    [
        # One institution is served at any allowed address.
        ([""], "testserver", "institutia-0"),
        (["a.example.ro"], "testserver", "institutia-0"),
        # Several: the domain's, else the one without a domain.
        (["", "b.example.ro"], "b.example.ro", "institutia-1"),
        (["", "b.example.ro"], "testserver", "institutia-0"),
        (["a.example.ro", "b.example.ro"], "a.example.ro", "institutia-0"),
        (["a.example.ro", "b.example.ro"], "B.Example.ro:8000", "institutia-1"),
        # Several, each on its domain: another address is no one's.
        (["a.example.ro", "b.example.ro"], "testserver", None),
        (["a.example.ro", "b.example.ro"], "c.example.ro", None),
    ],
)
def test_the_host_chooses_the_institution(db, domains, host, shown):
    assert _host_case(domains, host) == shown


def test_the_institution_is_found_in_one_query(db, django_assert_num_queries):
    InstitutionFactory(slug="cluj", domain="")
    InstitutionFactory(slug="floresti", domain="floresti.example.ro")
    client = Client()

    with django_assert_num_queries(1):
        response = client.get(reverse("branding-css"), HTTP_HOST="floresti.example.ro")

    assert response.wsgi_request.institution.slug == "floresti"


def test_the_admin_opens_at_an_address_that_is_no_institutions(db):
    InstitutionFactory(slug="cluj", domain="cluj.example.ro")
    InstitutionFactory(slug="floresti", domain="floresti.example.ro")
    client = Client()
    client.force_login(UserFactory(is_staff=True, is_superuser=True))

    admin_page = client.get(reverse("admin:index"), HTTP_HOST="testserver")
    public_page = client.get(reverse("home"), HTTP_HOST="testserver")

    assert admin_page.status_code == 200
    assert public_page.status_code == 404


# The domain: a host name, one institution's, stored lower case.
@pytest.mark.parametrize(
    "domain",
    ["https://sesizari.example.ro", "sesizari.example.ro:8000", "x.ro/sesizari", "a b"],
)
def test_a_domain_is_a_host_name_only(db, domain):
    institution = InstitutionFactory.build(slug="cluj", domain=domain)

    with pytest.raises(ValidationError) as refusal:
        institution.full_clean()

    assert "domain" in refusal.value.message_dict


def test_a_domain_is_kept_in_lower_case(db):
    institution = InstitutionFactory.build(slug="cluj", domain=" Sesizari.Example.RO ")

    institution.full_clean()
    institution.save()

    assert institution.domain == "sesizari.example.ro"


def test_only_one_institution_may_be_without_a_domain(db):
    InstitutionFactory(slug="cluj", domain="")
    second = InstitutionFactory.build(slug="floresti", domain="")

    with pytest.raises(ValidationError) as refusal:
        second.full_clean()

    assert "domain" in refusal.value.message_dict


@pytest.mark.parametrize(
    ("site_url", "domain", "expected"),
    [
        ("https://sesizari.example.ro", "", "https://sesizari.example.ro"),
        (
            "https://sesizari.example.ro",
            "floresti.example.ro",
            "https://floresti.example.ro",
        ),
        (
            "http://127.0.0.1:8000",
            "floresti.localhost",
            "http://floresti.localhost:8000",
        ),
    ],
)
def test_the_site_url_is_the_deployments_with_the_institutions_domain(
    settings, site_url, domain, expected
):
    settings.SITE_URL = site_url

    assert Institution(domain=domain).site_url == expected
