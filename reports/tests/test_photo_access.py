import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from reports.photos import store_photo


@pytest.fixture
def published_photos(flow, two_photos):
    """Photos of a published report: the first public, the second not."""
    flow.published(photos=two_photos, public_photos=two_photos[:1])
    return two_photos


def photo_url(photo, size="image") -> str:
    return reverse("reports:photo", kwargs={"token": photo.token, "size": size})


@pytest.mark.parametrize("size", ["image", "thumbnail"])
def test_photo_public_of_a_public_report_is_served_to_anyone(
    client, published_photos, size
):
    public, _hidden = published_photos

    response = client.get(photo_url(public, size))

    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "public, max-age=86400"
    assert b"".join(response.streaming_content).startswith(b"\xff\xd8")


def test_photo_of_an_unknown_size_is_not_found(client, published_photos):
    public, _hidden = published_photos

    response = client.get(photo_url(public, "original"))

    assert response.status_code == 404


def test_photo_not_public_is_hidden_from_anonymous_visitors(client, published_photos):
    _public, hidden = published_photos

    response = client.get(photo_url(hidden))

    assert response.status_code == 404


def test_photo_not_public_is_hidden_from_other_citizens(
    client, published_photos, other_citizen
):
    _public, hidden = published_photos
    client.force_login(other_citizen)

    response = client.get(photo_url(hidden))

    assert response.status_code == 404


@pytest.mark.parametrize("persona", ["citizen", "clerk"])
def test_photo_not_public_is_served_privately_to_author_and_clerk(
    client, published_photos, persona, request
):
    _public, hidden = published_photos
    client.force_login(request.getfixturevalue(persona))

    response = client.get(photo_url(hidden))

    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"


def test_photo_marked_public_is_hidden_until_the_report_is_published(
    client, flow, two_photos
):
    report = flow.submit(photos=two_photos)
    report.photos.update(is_public=True)

    response = client.get(photo_url(two_photos[0]))

    assert response.status_code == 404


def test_photo_of_a_draft_is_served_to_its_uploader_only(
    client, two_photos, other_citizen, clerk, citizen
):
    draft = two_photos[0]
    responses = {}

    for persona in (None, other_citizen, clerk, citizen):
        if persona:
            client.force_login(persona)
        responses[str(persona)] = client.get(photo_url(draft)).status_code

    assert responses == {
        "None": 404,
        "Mihai Pop": 404,
        "Elena Clerk": 404,
        "Ana Ionescu": 200,
    }


def test_photo_of_an_unknown_token_is_not_found(client, institution):
    response = client.get(
        reverse(
            "reports:photo",
            kwargs={"token": "00000000-0000-4000-8000-000000000000", "size": "image"},
        )
    )

    assert response.status_code == 404


def test_photo_served_to_the_public_has_no_metadata(client, flow, citizen, shared_data):
    path = shared_data / "photos" / "metadata" / "exif_gps.jpg"
    upload = SimpleUploadedFile("exif_gps.jpg", path.read_bytes(), "image/jpeg")
    with Image.open(path) as original:
        assert original.getexif()
    photo = store_photo(upload=upload, uploaded_by=citizen)
    flow.published(photos=[photo], public_photos=[photo])

    for size in ("image", "thumbnail"):
        response = client.get(photo_url(photo, size))
        served = Image.open(io.BytesIO(b"".join(response.streaming_content)))

        assert response["Cache-Control"] == "public, max-age=86400"
        assert dict(served.getexif()) == {}
        assert "exif" not in served.info
        assert "xmp" not in served.info
