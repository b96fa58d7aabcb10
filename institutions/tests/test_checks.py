"""The start-up check that every institution's domain is an allowed host."""

from institutions.checks import check_institution_domains
from institutions.tests.admin_forms import institution_form
from tests.factories import InstitutionFactory, UserFactory


def test_a_domain_missing_from_allowed_hosts_is_warned_of(db, settings):
    settings.ALLOWED_HOSTS = ["sesizari.cluj.ro", ".example.ro"]
    InstitutionFactory(slug="cluj", domain="sesizari.cluj.ro")
    InstitutionFactory(slug="apahida", domain="apahida.example.ro")
    InstitutionFactory(slug="floresti", name="Florești", domain="sesizari.floresti.ro")

    warnings = check_institution_domains(databases=["default"])

    assert [warning.id for warning in warnings] == ["institutions.W001"]
    assert "sesizari.floresti.ro of Florești" in warnings[0].msg


def test_the_check_reads_the_database_only_when_asked(db, settings):
    settings.ALLOWED_HOSTS = []
    InstitutionFactory(slug="floresti", domain="sesizari.floresti.ro")

    assert check_institution_domains(databases=None) == []


def test_the_admin_warns_of_a_domain_not_yet_allowed(client, db, settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    institution = InstitutionFactory(slug="floresti", domain="")
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    url, data = institution_form(client, institution)

    response = client.post(url, {**data, "domain": "sesizari.floresti.ro"}, follow=True)

    institution.refresh_from_db()
    assert institution.domain == "sesizari.floresti.ro"
    assert "SESIZARI_ALLOWED_HOSTS" in response.content.decode()
