"""Photos sent with the report form: real phone files, hostile files, and the
place a photo's GPS position suggests."""

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from reports.models import Photo, Report
from tests.factories import PDF_BYTES, jpeg_upload, jpeg_with_orientation_and_gps

DESCRIPTION = "Groapă adâncă în asfalt, lângă stația de autobuz."
NEW = reverse("reports:new")
SUGGESTION = 'name="use_photo_place" value="46.7694,23.5899"'


@pytest.fixture
def citizen_client(citizen):
    # English pages: the assertions read the source strings.
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    client.force_login(citizen)
    return client


def report_data(category, **changes) -> dict:
    data = {
        "category": category.pk,
        "address": "Piața Unirii 1",
        "latitude": "46.769400",
        "longitude": "23.589900",
        "description": DESCRIPTION,
        "action": "preview",
    }
    data.update(changes)
    return data


def without_place(category, **changes) -> dict:
    return report_data(category, address="", latitude="", longitude="", **changes)


def shared_file(shared_data, name: str) -> SimpleUploadedFile:
    path = shared_data / "photos" / name
    return SimpleUploadedFile(path.name, path.read_bytes())


def test_report_new_accepts_a_heic_photo_from_a_phone(
    citizen_client, citizen, potholes, shared_data
):
    heic = shared_file(shared_data, "heif/IMG_5195.HEIC")

    response = citizen_client.post(NEW, report_data(potholes, photos=[heic]))

    [photo] = response.context["draft"].photos
    assert response.templates[0].name == "reports/report_preview.html"
    assert photo.original_name == "IMG_5195.HEIC"
    thumbnail = citizen_client.get(
        reverse("reports:photo", args=[photo.token, "share"])
    )
    assert thumbnail["Content-Type"] == "image/jpeg"
    assert b"".join(thumbnail.streaming_content).startswith(b"\xff\xd8")


def _polyglot(_shared_data):
    content = jpeg_upload().read() + b"<script>alert(document.cookie)</script>"
    return SimpleUploadedFile("poza.jpg", content, "image/jpeg")


def _pdf_as_jpeg(_shared_data):
    return SimpleUploadedFile("poza.jpg", PDF_BYTES, "image/jpeg")


def _truncated(shared_data):
    return shared_file(shared_data, "hostile/truncated_jpeg.jpg")


def _bomb(shared_data):
    return shared_file(shared_data, "hostile/lottapixel.jpg")


def _thirty_megabytes(_shared_data):
    photo = jpeg_upload().read()
    padded = photo + bytes(30 * 2**20 - len(photo))
    return SimpleUploadedFile("mare.jpg", padded, "image/jpeg")


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (
            _polyglot,
            "poza.jpg contains more than a photo (a web page, a script or a PDF).",
        ),
        (_pdf_as_jpeg, "poza.jpg is not a JPEG, PNG, WebP or HEIC photo."),
        (_truncated, "truncated_jpeg.jpg is damaged or incomplete."),
        (_bomb, "lottapixel.jpg has too many pixels to be a photo."),
        (_thirty_megabytes, "The file mare.jpg is larger than 15 MB."),
    ],
    ids=["polyglot", "pdf-named-jpg", "truncated", "bomb", "30-mb"],
)
def test_report_new_refuses_a_bad_file_and_keeps_the_rest_of_the_report(
    citizen_client, citizen, potholes, shared_data, make, message
):
    data = report_data(potholes, photos=[jpeg_upload(), make(shared_data)])

    response = citizen_client.post(NEW, data)

    content = response.content.decode()
    [kept] = Photo.objects.filter(uploaded_by=citizen, report__isnull=True)
    assert response.templates[0].name == "reports/report_form.html"
    assert response.context["draft"].errors == [message]
    assert f'<input type="hidden" name="photo" value="{kept.token}">' in content
    assert DESCRIPTION in content
    assert 'value="46.769400"' in content
    assert Report.objects.count() == 0


def test_report_new_suggests_the_place_of_a_photo_taken_in_the_territory(
    citizen_client, potholes
):
    data = without_place(potholes, photos=[jpeg_with_orientation_and_gps()])

    response = citizen_client.post(NEW, data)

    content = response.content.decode()
    assert response.templates[0].name == "reports/report_form.html"
    assert SUGGESTION in content
    assert "Your photo was taken at this place." in content


def test_report_new_suggests_no_place_for_a_photo_taken_outside(
    citizen_client, potholes, shared_data
):
    # The HEIC photo was taken in Kansas.
    heic = shared_file(shared_data, "heif/IMG_5195.HEIC")

    response = citizen_client.post(NEW, without_place(potholes, photos=[heic]))

    [photo] = response.context["draft"].photos
    assert photo.exif_location is not None
    assert "use_photo_place" not in response.content.decode()


def test_report_new_suggests_no_place_for_a_photo_without_gps(
    citizen_client, potholes, shared_data
):
    # Its GPS block holds no usable position.
    photo = shared_file(shared_data, "metadata/exif_gps.jpg")

    response = citizen_client.post(NEW, without_place(potholes, photos=[photo]))

    assert len(response.context["draft"].photos) == 1
    assert "use_photo_place" not in response.content.decode()


def test_report_new_suggests_no_place_once_the_pin_is_placed(citizen_client, potholes):
    data = report_data(
        potholes, description="Scurt", photos=[jpeg_with_orientation_and_gps()]
    )

    response = citizen_client.post(NEW, data)

    assert response.templates[0].name == "reports/report_form.html"
    assert "use_photo_place" not in response.content.decode()


def test_report_new_places_the_pin_at_the_photo_place_when_asked(
    citizen_client, potholes
):
    first = citizen_client.post(
        NEW, without_place(potholes, photos=[jpeg_with_orientation_and_gps()])
    )
    [photo] = first.context["draft"].photos
    data = without_place(potholes, photo=[photo.token])
    del data["action"]
    data["use_photo_place"] = "46.7694,23.5899"

    response = citizen_client.post(NEW, data)

    content = response.content.decode()
    assert response.templates[0].name == "reports/report_form.html"
    assert response.context["form"].errors == {}
    assert 'id="id_latitude" value="46.769400"' in content
    assert 'id="id_longitude" value="23.589900"' in content
    assert "use_photo_place" not in content
    assert DESCRIPTION in content
