"""The logo, the browser icon and the introductory text of an institution."""

import io

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from PIL import Image

from institutions import images
from institutions.tests.admin_forms import institution_form
from tests.factories import UserFactory


def picture(
    width: int, height: int, *, format: str = "PNG", tail: bytes = b""
) -> bytes:
    output = io.BytesIO()
    mode = "RGBA" if format == "PNG" else "RGB"
    Image.new(mode, (width, height), (29, 78, 137, 255)[: len(mode)]).save(
        output, format=format
    )
    return output.getvalue() + tail


def upload(data: bytes, name: str = "logo.png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data)


def test_a_large_logo_is_redrawn_as_a_png_120_pixels_high():
    redrawn = images.redraw(upload(picture(1200, 400, format="JPEG")), images.LOGO)

    with Image.open(redrawn) as result:
        assert (result.format, result.size) == ("PNG", (360, 120))
    assert redrawn.name == "logo.png"


def test_what_hides_after_the_pixels_is_not_kept():
    data = picture(300, 100, tail=b"<script>alert(1)</script>")

    redrawn = images.redraw(upload(data), images.LOGO)

    assert b"<script" not in redrawn.read()


def test_transparency_survives():
    redrawn = images.redraw(upload(picture(64, 64)), images.FAVICON)

    with Image.open(redrawn) as result:
        assert result.mode == "RGBA" and result.size == (64, 64)


@pytest.mark.parametrize(
    ("data", "shape", "words"),
    [
        (b'<svg xmlns="http://www.w3.org/2000/svg"></svg>', images.LOGO, "PNG, JPEG"),
        (b"GIF89a" + b"\0" * 40, images.LOGO, "PNG, JPEG"),
        (picture(64, 64)[:60], images.LOGO, "damaged"),
        (picture(200, 20), images.LOGO, "at least 32"),
        (picture(900, 100), images.LOGO, "8 times"),
        (picture(64, 48), images.FAVICON, "square"),
        (picture(16, 16), images.FAVICON, "at least 32"),
    ],
    ids=["svg", "gif", "cut", "too-thin", "too-long", "icon-not-square", "icon-tiny"],
)
def test_unusable_pictures_are_refused_saying_why(data, shape, words):
    with pytest.raises(ValidationError) as refused, translation.override("en"):
        images.redraw(upload(data), shape)

    assert words in refused.value.messages[0]


def test_a_file_over_two_megabytes_is_refused_before_it_is_read():
    big = upload(b"\0" * (images.MAX_BYTES + 1))

    with pytest.raises(ValidationError, match="2 MB"), translation.override("en"):
        images.redraw(big, images.LOGO)


def test_the_admin_stores_the_redrawn_pictures(client, institution):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    url, data = institution_form(client, institution)

    response = client.post(
        url,
        {
            **data,
            "logo": upload(picture(600, 200, format="WEBP"), "sigla.webp"),
            "favicon": upload(picture(512, 512), "icon.png"),
        },
    )

    assert response.status_code == 302, response.context["adminform"].form.errors
    institution.refresh_from_db()
    with institution.logo.open() as logo, Image.open(logo) as result:
        assert (result.format, result.size) == ("PNG", (360, 120))
    with institution.favicon.open() as icon, Image.open(icon) as result:
        assert result.size == (192, 192)


def test_a_refused_picture_keeps_the_rest_of_the_form(client, institution):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    url, data = institution_form(client, institution)

    response = client.post(
        url,
        {
            **data,
            "intro_text": "Semnalați aici gropile și iluminatul.",
            "favicon": upload(picture(300, 100), "lat.png"),
        },
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "pătrat" in page
    assert "Semnalați aici gropile și iluminatul." in page
    institution.refresh_from_db()
    assert not institution.favicon and institution.intro_text == ""


def test_the_admin_says_which_pictures_to_upload_instead_of_an_svg(client, institution):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    url, data = institution_form(client, institution)
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'

    response = client.post(url, {**data, "logo": upload(svg, "sigla.svg")})

    assert response.status_code == 200
    assert "Încărcați o imagine PNG, JPEG sau WebP." in response.content.decode()
    institution.refresh_from_db()
    assert not institution.logo


def test_the_home_page_shows_the_introductory_text_as_paragraphs(client, institution):
    institution.intro_text = "Primul paragraf.\n\nAl doilea <b>paragraf</b>."
    institution.save()

    page = client.get(reverse("home")).content.decode()

    assert "<p>Primul paragraf.</p>" in page
    assert "<p>Al doilea &lt;b&gt;paragraf&lt;/b&gt;.</p>" in page


def test_pages_and_favicon_ico_use_the_institution_icon(client, institution):
    institution.favicon.save(
        "favicon.png", images.redraw(upload(picture(64, 64)), images.FAVICON)
    )

    page = client.get(reverse("home")).content.decode()
    redirect = client.get("/favicon.ico")

    assert f'rel="icon" href="{institution.favicon.url}"' in page
    assert (
        redirect.status_code == 302 and redirect["Location"] == institution.favicon.url
    )


def test_without_an_icon_favicon_ico_is_the_platform_icon(client, institution):
    redirect = client.get("/favicon.ico")

    assert redirect.status_code == 302
    assert redirect["Location"].endswith("favicon.svg")


def test_the_pictures_in_use_are_served_and_no_other_file(client, institution):
    institution.logo.save(
        "logo.png", images.redraw(upload(picture(90, 40)), images.LOGO)
    )
    old = institution.logo.url
    institution.logo.save(
        "logo.png", images.redraw(upload(picture(96, 48)), images.LOGO)
    )

    served = client.get(institution.logo.url)

    assert served.status_code == 200 and served["Content-Type"] == "image/png"
    with Image.open(io.BytesIO(b"".join(served.streaming_content))) as result:
        assert result.size == (96, 48)
    assert old != institution.logo.url
    assert client.get(old).status_code == 404
    assert (
        client.get(reverse("branding-picture", args=["../secret.key"])).status_code
        == 404
    )


def test_the_introductory_text_is_read_in_the_visitor_s_language(client, institution):
    institution.intro_text = "Semnalați problemele orașului."
    institution.intro_text_hu = "Jelezze a város problémáit."
    institution.save()

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "hu"
    hungarian = client.get(reverse("home")).content.decode()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = client.get(reverse("home")).content.decode()

    assert "<p>Jelezze a város problémáit.</p>" in hungarian
    assert "Semnalați" not in hungarian
    assert "<p>Semnalați problemele orașului.</p>" in english
