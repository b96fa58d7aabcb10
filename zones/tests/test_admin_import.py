import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from institutions.models import Role
from tests.factories import InstitutionFactory, MembershipFactory, UserFactory
from zones.models import Zone
from zones.tests.geojson import collection, feature, two_zones

IMPORT_URL = "admin:zones_zone_import"


@pytest.fixture
def admin_user(institution):
    """The institution's administrator, with the Django admin open to them."""
    user = UserFactory(email="admin@example.ro", is_staff=True, is_superuser=True)
    MembershipFactory(institution=institution, role=Role.ADMIN, user=user)
    return user


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client


def upload(data, name="cartiere.geojson"):
    return SimpleUploadedFile(name, data, content_type="application/geo+json")


def post_import(client, institution, data, **fields):
    return client.post(
        reverse(IMPORT_URL),
        {
            "institution": institution.pk,
            "file": upload(data),
            "name_property": "name",
            "kind": "neighbourhood",
            "replace": "yes",
            **fields,
        },
    )


def test_the_zone_list_offers_the_import(admin_client):
    response = admin_client.get(reverse("admin:zones_zone_changelist"))

    assert response.status_code == 200
    assert reverse(IMPORT_URL) in response.content.decode()


def test_the_import_form_shows_in_romanian(admin_client):
    response = admin_client.get(reverse(IMPORT_URL))

    page = response.content.decode()
    assert response.status_code == 200
    assert 'enctype="multipart/form-data"' in page
    assert "Proprietatea care conține numele" in page


def test_import_creates_the_zones_and_says_so(admin_client, institution, flow):
    report = flow.submit()

    response = post_import(admin_client, institution, two_zones())

    assert response.status_code == 302
    assert response.url == reverse("admin:zones_zone_changelist")
    assert Zone.objects.filter(institution=institution).count() == 2
    report.refresh_from_db()
    assert report.zone.name == "Centru"
    listing = admin_client.get(response.url).content.decode()
    assert "2 noi, 0 actualizate, 0 șterse" in listing


def test_a_bad_file_is_refused_in_romanian(admin_client, institution):
    data = collection(feature(None, (23.58, 46.76, 23.60, 46.78), nume="Centru"))

    response = post_import(admin_client, institution, data)

    assert response.status_code == 200
    page = response.content.decode()
    assert "Elementul 1 nu are proprietatea „name”" in page
    assert "nume" in page
    assert not Zone.objects.exists()


def test_not_json_is_refused_in_romanian(admin_client, institution):
    response = post_import(admin_client, institution, b"<kml></kml>")

    assert response.status_code == 200
    assert "Fișierul nu este JSON valid" in response.content.decode()
    assert not Zone.objects.exists()


def test_an_admin_imports_only_for_their_institution(client, institution):
    other = InstitutionFactory(slug="floresti")
    user = UserFactory(email="admin.cluj@example.ro", is_staff=True)
    user.user_permissions.add(
        *Permission.objects.filter(content_type__app_label="zones")
    )
    MembershipFactory(institution=institution, role=Role.ADMIN, user=user)
    client.force_login(user)

    refused = post_import(client, other, two_zones())
    accepted = post_import(client, institution, two_zones())

    assert refused.status_code == 200
    assert not Zone.objects.filter(institution=other).exists()
    assert accepted.status_code == 302
    assert Zone.objects.filter(institution=institution).count() == 2


def test_staff_who_are_not_administrators_cannot_import(client, institution, clerk):
    # is_staff alone opens nothing: the ADMIN role does (institutions.admin_site).
    clerk.is_staff = True
    clerk.save()
    client.force_login(clerk)

    response = post_import(client, institution, two_zones())

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))
    assert not Zone.objects.exists()


def test_citizens_are_sent_to_the_admin_login(client, institution, citizen):
    client.force_login(citizen)

    response = client.get(reverse(IMPORT_URL))

    assert response.status_code == 302
    assert reverse("admin:login") in response.url


def test_a_zone_drawn_in_the_admin_takes_its_reports(admin_client, institution, flow):
    report = flow.submit()
    square = "SRID=4326;MULTIPOLYGON(((23.58 46.76, 23.60 46.76, 23.60 46.78, "
    square += "23.58 46.78, 23.58 46.76)))"

    response = admin_client.post(
        reverse("admin:zones_zone_add"),
        {
            "institution": institution.pk,
            "name": "Centru",
            "kind": "neighbourhood",
            "area": square,
        },
    )

    assert response.status_code == 302
    report.refresh_from_db()
    assert report.zone.name == "Centru"


def test_deleting_zones_in_the_admin_places_their_reports_again(
    admin_client, institution, flow
):
    post_import(admin_client, institution, two_zones())
    report = flow.submit()
    wider = collection(feature("Cluj", (23.50, 46.70, 23.70, 46.80)))
    post_import(admin_client, institution, wider, replace="no")
    centre = Zone.objects.get(name="Centru")

    response = admin_client.post(
        reverse("admin:zones_zone_changelist"),
        {"action": "delete_selected", "_selected_action": [centre.pk], "post": "yes"},
    )

    assert response.status_code == 302
    report.refresh_from_db()
    assert report.zone.name == "Cluj"
