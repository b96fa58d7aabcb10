"""The registry hides photos and covers parts of them before the public sees them."""

import io

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from PIL import Image, ImageStat

from reports.models import Event, Photo, Visibility
from reports.photos import store_photo
from tests.factories import jpeg_with_orientation_and_gps

# A face, say, in the upper half of the upright phone photo.
FACE = {
    "cover_x": ["25"],
    "cover_y": ["10"],
    "cover_width": ["50"],
    "cover_height": ["30"],
}


def client_for(user) -> Client:
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    client.force_login(user)
    return client


@pytest.fixture
def phone_photo(citizen):
    """Upright, red above and blue below."""
    return store_photo(upload=jpeg_with_orientation_and_gps(), uploaded_by=citizen)


@pytest.fixture
def report(flow, phone_photo):
    return flow.submit(photos=[phone_photo])


def covers_url(report, photo) -> str:
    return reverse("backoffice:photo-covers", args=[report.pk, photo.pk])


def served(client, photo, size="image") -> Image.Image:
    response = client.get(reverse("reports:photo", args=[photo.token, size]))
    assert response.status_code == 200
    image = Image.open(io.BytesIO(b"".join(response.streaming_content)))
    image.load()
    return image


def mean(image: Image.Image, left, top, right, bottom) -> list[int]:
    width, height = image.size
    box = (
        int(width * left),
        int(height * top),
        int(width * right),
        int(height * bottom),
    )
    return [round(value) for value in ImageStat.Stat(image.crop(box)).mean]


def near(colour, expected, tolerance=12) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(colour, expected, strict=True))


def test_photo_covers_burn_black_into_the_public_copy_and_keep_the_rest(
    clerk, flow, report, phone_photo, client
):
    response = client_for(clerk).post(covers_url(report, phone_photo), FACE)
    flow.publish(report, public_photos=[phone_photo])

    photo = Photo.objects.get(pk=phone_photo.pk)
    assert response.status_code == 302
    assert photo.covers == [{"x": 0.25, "y": 0.1, "width": 0.5, "height": 0.3}]
    for size in ("image", "share", "thumbnail"):
        image = served(client, photo, size)
        assert near(mean(image, 0.27, 0.12, 0.73, 0.38), (0, 0, 0))
        assert near(mean(image, 0, 0, 0.2, 0.45), (254, 0, 0))
        assert near(mean(image, 0.8, 0, 1, 0.45), (254, 0, 0))
        assert near(mean(image, 0, 0.55, 1, 1), (0, 0, 254))


def test_photo_covers_keep_the_original_as_received(clerk, report, phone_photo):
    before = phone_photo.original.read()

    client_for(clerk).post(covers_url(report, phone_photo), FACE)

    photo = Photo.objects.get(pk=phone_photo.pk)
    with photo.original.open("rb") as original:
        assert original.read() == before


def test_photo_covers_are_recorded_as_an_internal_event(
    clerk, report, phone_photo, settings
):
    # Timeline texts are written in the institution's language.
    settings.LANGUAGE_CODE = "en"
    two_areas = {key: [*value, "0"] for key, value in FACE.items()}
    two_areas["cover_width"][1] = two_areas["cover_height"][1] = "10"

    client_for(clerk).post(covers_url(report, phone_photo), two_areas)

    event = Event.objects.filter(report=report).last()
    assert event.visibility == Visibility.INTERNAL
    assert event.actor == clerk
    assert event.text == "Photo 1: 2 areas covered."


def test_photo_covers_can_be_removed_by_saving_none(clerk, report, phone_photo):
    clerk_client = client_for(clerk)
    clerk_client.post(covers_url(report, phone_photo), FACE)

    clerk_client.post(covers_url(report, phone_photo), {"cover_x": [""]})

    photo = Photo.objects.get(pk=phone_photo.pk)
    assert photo.covers == []
    assert near(mean(served(clerk_client, photo), 0.27, 0.12, 0.73, 0.38), (254, 0, 0))


def test_photo_covers_after_publication_replace_the_public_copy(
    clerk, flow, report, phone_photo, client
):
    flow.publish(report, public_photos=[phone_photo])
    old_url = reverse("reports:photo", args=[phone_photo.token, "image"])
    assert client.get(old_url).status_code == 200

    client_for(clerk).post(covers_url(report, phone_photo), FACE)

    photo = Photo.objects.get(pk=phone_photo.pk)
    assert client.get(old_url).status_code == 404
    assert near(mean(served(client, photo), 0.27, 0.12, 0.73, 0.38), (0, 0, 0))


@pytest.mark.parametrize("persona", ["citizen", "other_citizen"])
def test_photo_covers_refused_to_citizens(persona, request, report, phone_photo):
    user = request.getfixturevalue(persona)

    response = client_for(user).post(covers_url(report, phone_photo), FACE)

    assert response.status_code == 403
    assert Photo.objects.get(pk=phone_photo.pk).covers == []


def test_photo_covers_refused_to_another_department(
    flow, green_head, report, phone_photo
):
    flow.publish(report, public_photos=[phone_photo])

    response = client_for(green_head).post(covers_url(report, phone_photo), FACE)

    assert response.status_code == 403
    assert Photo.objects.get(pk=phone_photo.pk).covers == []


def test_photo_covers_refused_to_the_head_of_the_department(
    flow, head, report, phone_photo
):
    flow.publish(report, public_photos=[phone_photo])

    response = client_for(head).post(covers_url(report, phone_photo), FACE, follow=True)

    photo = Photo.objects.get(pk=phone_photo.pk)
    assert photo.covers == []
    assert photo.token == phone_photo.token
    assert "Only the registry clerks hide or cover photos." in (
        response.content.decode()
    )


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        (
            {"cover_x": ["10"], "cover_y": [""], "cover_width": ["5"]},
            "Area 1: give its four numbers.",
        ),
        (
            {
                "cover_x": ["120"],
                "cover_y": ["0"],
                "cover_width": ["5"],
                "cover_height": ["5"],
            },
            (
                "Area 1: the corner must be inside the photo and the width and "
                "height more than 0."
            ),
        ),
        (
            {
                "cover_x": ["1"] * 21,
                "cover_y": ["1"] * 21,
                "cover_width": ["1"] * 21,
                "cover_height": ["1"] * 21,
            },
            "Cover at most 20 areas of a photo.",
        ),
    ],
    ids=["incomplete", "outside", "too-many"],
)
def test_photo_covers_refuse_wrong_areas_with_a_message(
    clerk, report, phone_photo, fields, message
):
    response = client_for(clerk).post(
        covers_url(report, phone_photo), fields, follow=True
    )

    assert message in response.content.decode()
    assert Photo.objects.get(pk=phone_photo.pk).covers == []


def test_photo_hidden_is_not_found_by_the_public(
    clerk, flow, report, phone_photo, client, settings
):
    settings.LANGUAGE_CODE = "en"
    flow.publish(report, public_photos=[phone_photo])

    client_for(clerk).post(
        reverse("backoffice:photo-hide", args=[report.pk, phone_photo.pk])
    )

    photo = Photo.objects.get(pk=phone_photo.pk)
    assert (photo.hidden, photo.is_public) == (True, False)
    url = reverse("reports:photo", args=[photo.token, "image"])
    assert client.get(url).status_code == 404
    event = Event.objects.filter(report=report).last()
    assert (event.text, event.visibility) == (
        "Photo 1 is hidden from the public.",
        Visibility.INTERNAL,
    )


def test_photo_shown_again_is_public_at_once_on_a_published_report(
    clerk, flow, report, phone_photo, client
):
    flow.publish(report, public_photos=[])

    client_for(clerk).post(
        reverse("backoffice:photo-show", args=[report.pk, phone_photo.pk])
    )

    photo = Photo.objects.get(pk=phone_photo.pk)
    assert (photo.hidden, photo.is_public) == (False, True)
    assert (
        client.get(reverse("reports:photo", args=[photo.token, "image"])).status_code
        == 200
    )


def test_photo_hidden_before_publication_starts_unticked_in_the_publish_form(
    clerk, flow, citizen
):
    kept, hidden = flow.photo("groapa.jpg"), flow.photo("numar.jpg")
    report = flow.submit(photos=[kept, hidden])
    clerk_client = client_for(clerk)

    clerk_client.post(reverse("backoffice:photo-hide", args=[report.pk, hidden.pk]))
    page = clerk_client.get(reverse("backoffice:report", args=[report.pk]))

    publish = page.context["forms"]["publish"]
    assert [photo.pk for photo in publish["public_photos"].initial] == [kept.pk]
    content = page.content.decode()
    assert "Show photo 2" in content
    assert "Hide photo 1" in content
    assert Photo.objects.get(pk=hidden.pk).is_public is False


def test_photo_publication_leaves_unticked_photos_hidden(flow, report, phone_photo):
    flow.publish(report, public_photos=[])

    photo = Photo.objects.get(pk=phone_photo.pk)
    assert (photo.hidden, photo.is_public) == (True, False)


def test_photo_tools_offered_to_the_clerk_only(clerk, head, flow, report, phone_photo):
    flow.publish(report, public_photos=[phone_photo])
    url = reverse("backoffice:report", args=[report.pk])

    as_clerk = client_for(clerk).get(url).content.decode()
    as_head = client_for(head).get(url).content.decode()

    assert covers_url(report, phone_photo) in as_clerk
    assert f'id="cover-{phone_photo.pk}-new-x"' in as_clerk
    assert covers_url(report, phone_photo) not in as_head
