from django.urls import reverse

from institutions.models import Role
from tests.factories import MembershipFactory, UserFactory


def _original(photo) -> str:
    return reverse("backoffice:photo-original", args=[photo.token])


def test_photo_original_served_to_the_clerk_as_attachment(
    client, clerk, submit, photos
):
    submit(photos=photos)
    photo = photos[0]
    client.force_login(clerk)

    response = client.get(_original(photo))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"] == 'attachment; filename="groapa.jpg"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]
    photo.original.open("rb")
    assert b"".join(response.streaming_content) == photo.original.read()


def test_photo_original_refused_to_the_author(client, citizen, submit, photos):
    submit(photos=photos)
    client.force_login(citizen)

    response = client.get(_original(photos[0]))

    assert response.status_code == 403


def test_photo_original_refused_to_another_citizen(
    client, other_citizen, submit, photos
):
    submit(photos=photos)
    client.force_login(other_citizen)

    response = client.get(_original(photos[0]))

    assert response.status_code == 403


def test_photo_original_not_found_before_the_report_is_sent(client, clerk, photos):
    client.force_login(clerk)

    response = client.get(_original(photos[0]))

    assert response.status_code == 404


def test_photo_original_sends_anonymous_visitors_to_log_in(client, submit, photos):
    submit(photos=photos)

    response = client.get(_original(photos[0]))

    assert response.status_code == 302


def test_photo_original_served_to_a_viewer_of_the_institution(
    client, institution, submit, photos
):
    submit(photos=photos)
    viewer = UserFactory(full_name="Ioan Conducere")
    MembershipFactory(user=viewer, institution=institution, role=Role.VIEWER)
    client.force_login(viewer)

    response = client.get(_original(photos[1]))

    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        'attachment; filename="numar-masina.jpg"'
    )
