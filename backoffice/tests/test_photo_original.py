import pytest
from django.urls import reverse


def _original(photo) -> str:
    return reverse("backoffice:photo-original", args=[photo.token])


def test_photo_original_served_to_the_clerk_as_attachment(
    client, clerk, flow, two_photos
):
    flow.submit(photos=two_photos)
    photo = two_photos[0]
    client.force_login(clerk)

    response = client.get(_original(photo))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"] == 'attachment; filename="groapa.jpg"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]
    photo.original.open("rb")
    assert b"".join(response.streaming_content) == photo.original.read()


@pytest.mark.parametrize("persona", ["citizen", "other_citizen"])
def test_photo_original_refused_to_the_author_and_other_citizens(
    client, flow, two_photos, persona, request
):
    flow.submit(photos=two_photos)
    client.force_login(request.getfixturevalue(persona))

    response = client.get(_original(two_photos[0]))

    assert response.status_code == 403


def test_photo_original_not_found_before_the_report_is_sent(client, clerk, two_photos):
    client.force_login(clerk)

    response = client.get(_original(two_photos[0]))

    assert response.status_code == 404


def test_photo_original_sends_anonymous_visitors_to_log_in(client, flow, two_photos):
    flow.submit(photos=two_photos)

    response = client.get(_original(two_photos[0]))

    assert response.status_code == 302


def test_photo_original_served_to_a_viewer_of_the_institution(
    client, viewer, flow, two_photos
):
    flow.submit(photos=two_photos)
    client.force_login(viewer)

    response = client.get(_original(two_photos[1]))

    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        'attachment; filename="numar-masina.jpg"'
    )
