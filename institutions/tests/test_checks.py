"""The start-up check that every institution's domain is an allowed host."""

from institutions.checks import check_institution_domains
from tests.factories import InstitutionFactory


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
    from tests.factories import UserFactory

    settings.ALLOWED_HOSTS = ["testserver"]
    institution = InstitutionFactory(slug="floresti", domain="")
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    data = {
        "name": institution.name,
        "slug": institution.slug,
        "domain": "sesizari.floresti.ro",
        "answer_term_days": "30",
        "main_colour": "#1d4e89",
        "map_centre": institution.map_centre.geojson,
        "map_zoom": "13",
        "public_filters": institution.public_filters,
        "departments-TOTAL_FORMS": "0",
        "departments-INITIAL_FORMS": "0",
    }

    response = client.post(
        f"/admin/institutions/institution/{institution.pk}/change/", data, follow=True
    )

    institution.refresh_from_db()
    assert institution.domain == "sesizari.floresti.ro"
    assert "SESIZARI_ALLOWED_HOSTS" in response.content.decode()
