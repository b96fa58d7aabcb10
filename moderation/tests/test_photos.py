"""Photos as citizens send them, on the real files of the shared test data."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image, ImageStat

from moderation.photos import (
    PAGE_SIZE,
    SHARE_SIZE,
    THUMBNAIL_SIZE,
    Cover,
    PhotoError,
    clean_photo,
    redraw_photo,
)
from reports.photos import store_photo
from tests.factories import PDF_BYTES, jpeg_upload, jpeg_with_orientation_and_gps

GPS_IFD = 0x8825
METADATA_KEYS = {"exif", "xmp", "XML:com.adobe.xmp", "icc_profile", "comment"}


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def upload(path) -> SimpleUploadedFile:
    return SimpleUploadedFile(path.name, path.read_bytes())


def opened(content) -> Image.Image:
    content.seek(0)
    image = Image.open(io.BytesIO(content.read()))
    image.load()
    return image


def corner_colours(image: Image.Image) -> list[tuple[int, ...]]:
    """The mean colour of each corner, clockwise from the top left."""
    width, height = image.size
    w, h = width // 7, height // 7
    boxes = [
        (0, 0, w, h),
        (width - w, 0, width, h),
        (width - w, height - h, width, height),
        (0, height - h, w, height),
    ]
    return [
        tuple(round(value) for value in ImageStat.Stat(image.crop(box)).mean)
        for box in boxes
    ]


def assert_same_colours(actual, expected, tolerance: int = 6) -> None:
    for corner, reference in zip(actual, expected, strict=True):
        assert max(abs(a - b) for a, b in zip(corner, reference, strict=True)) <= (
            tolerance
        ), (actual, expected)


@pytest.mark.parametrize("orientation", range(9))
def test_clean_photo_turns_landscapes_upright(shared_data, orientation):
    folder = shared_data / "photos" / "orientation"
    reference = opened(clean_photo(upload(folder / "Landscape_1.jpg")).image)

    clean = clean_photo(upload(folder / f"Landscape_{orientation}.jpg"))

    image = opened(clean.image)
    assert image.width > image.height
    assert (clean.width, clean.height) == image.size
    assert_same_colours(corner_colours(image), corner_colours(reference))


@pytest.mark.parametrize("orientation", range(9))
def test_clean_photo_turns_portraits_upright(shared_data, orientation):
    folder = shared_data / "photos" / "orientation"
    reference = opened(clean_photo(upload(folder / "Portrait_1.jpg")).image)

    clean = clean_photo(upload(folder / f"Portrait_{orientation}.jpg"))

    image = opened(clean.image)
    assert image.height > image.width
    assert_same_colours(corner_colours(image), corner_colours(reference))


@pytest.mark.parametrize(
    "name",
    [
        "heif/IMG_5195.HEIC",
        "heif/L_exif_xmp_iptc.heic",
        "orientation/Landscape_6.jpg",
        "metadata/exif_gps.jpg",
        "metadata/empty_gps_ifd.jpg",
        "metadata/exif.png",
        "metadata/flower2.webp",
        "metadata/hopper_orientation_6.jpg",
        "metadata/hopper_orientation_6.webp",
    ],
)
def test_clean_photo_strips_every_metadata_field(shared_data, name):
    clean = clean_photo(upload(shared_data / "photos" / name))

    for copy in (opened(clean.image), opened(clean.thumbnail)):
        assert copy.format == "JPEG"
        assert dict(copy.getexif()) == {}
        assert METADATA_KEYS & set(copy.info) == set()
        assert copy.applist == [("APP0", copy.applist[0][1])]


def test_clean_photo_removes_the_gps_position(shared_data):
    path = shared_data / "photos" / "metadata" / "exif_gps.jpg"
    with Image.open(path) as original:
        assert original.getexif().get_ifd(GPS_IFD) != {}

    clean = clean_photo(upload(path))

    assert opened(clean.image).getexif().get_ifd(GPS_IFD) == {}


def test_clean_photo_makes_a_page_and_a_thumbnail(shared_data):
    path = shared_data / "photos" / "orientation" / "Landscape_3.jpg"

    clean = clean_photo(upload(path))

    assert opened(clean.image).size == (PAGE_SIZE, 1067)
    assert opened(clean.thumbnail).size == (THUMBNAIL_SIZE, 267)


@pytest.mark.parametrize(
    ("name", "message"),
    [
        (
            "SVG_XSS_green_triangle.svg",
            "SVG_XSS_green_triangle.svg is not a JPEG, PNG, WebP or HEIC photo.",
        ),
        ("truncated_jpeg.jpg", "truncated_jpeg.jpg is damaged or incomplete."),
        ("broken.png", "broken.png is not a JPEG, PNG, WebP or HEIC photo."),
        (
            "decompression_bomb.gif",
            "decompression_bomb.gif has too many pixels to be a photo.",
        ),
        ("lottapixel.jpg", "lottapixel.jpg has too many pixels to be a photo."),
        ("truncated.heic", "truncated.heic is damaged or incomplete."),
    ],
)
def test_clean_photo_refuses_hostile_files(shared_data, name, message):
    hostile = upload(shared_data / "photos" / "hostile" / name)

    with pytest.raises(PhotoError) as refused:
        clean_photo(hostile)

    assert str(refused.value) == message


def test_clean_photo_refuses_a_photo_over_the_pixel_limit(settings):
    settings.PHOTO_MAX_PIXELS = 640 * 480 - 1

    with pytest.raises(PhotoError) as refused:
        clean_photo(jpeg_upload("mare.jpg", size=(640, 480)))

    assert str(refused.value) == "mare.jpg has too many pixels to be a photo."


@pytest.mark.parametrize(
    "name",
    [
        "IMG_5195.HEIC",
        "L_exif_xmp_iptc.heic",
        "RGB_10__29x100.heif",
        "samplefilehub.heif",
        "zPug_3.heic",
    ],
)
def test_clean_photo_accepts_heic_as_jpeg_without_metadata(shared_data, name):
    path = shared_data / "photos" / "heif" / name
    with Image.open(path) as original:
        size = original.size

    clean = clean_photo(upload(path))

    for copy in (opened(clean.image), opened(clean.share), opened(clean.thumbnail)):
        assert copy.format == "JPEG"
        assert dict(copy.getexif()) == {}
        assert METADATA_KEYS & set(copy.info) == set()
    image = opened(clean.image)
    assert (image.width > image.height) == (size[0] > size[1])


def test_clean_photo_keeps_a_heic_phone_photo_upright_with_its_gps(shared_data):
    path = shared_data / "photos" / "heif" / "IMG_5195.HEIC"

    clean = clean_photo(upload(path))

    assert (clean.width, clean.height) == (1239, 1600)
    assert clean.gps == pytest.approx((39.051344, -94.288772))
    assert opened(clean.image).getexif().get_ifd(GPS_IFD) == {}


def test_clean_photo_reads_the_gps_position_before_removing_it():
    clean = clean_photo(jpeg_with_orientation_and_gps())

    assert clean.gps == pytest.approx((46.7694, 23.5899))
    assert opened(clean.image).getexif() == {}


@pytest.mark.parametrize(
    "name", ["metadata/exif_gps.jpg", "metadata/empty_gps_ifd.jpg", "heif/zPug_3.heic"]
)
def test_clean_photo_finds_no_position_in_an_empty_or_broken_gps_block(
    shared_data, name
):
    clean = clean_photo(upload(shared_data / "photos" / name))

    assert clean.gps is None


def _real_jpeg() -> bytes:
    return jpeg_upload("groapa.jpg").read()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            # A real JPEG followed by a web page: both a photo and a page.
            _real_jpeg() + b"<html><script>alert(document.cookie)</script></html>",
            "poza.jpg contains more than a photo (a web page, a script or a PDF).",
        ),
        (
            # The script hidden in a JPEG comment segment, right after SOI.
            b"\xff\xd8\xff\xfe\x00\x1b<script>alert(1)</script>" + _real_jpeg()[2:],
            "poza.jpg contains more than a photo (a web page, a script or a PDF).",
        ),
        (
            _real_jpeg() + PDF_BYTES,
            "poza.jpg contains more than a photo (a web page, a script or a PDF).",
        ),
        (PDF_BYTES, "poza.jpg is not a JPEG, PNG, WebP or HEIC photo."),
        (
            b"<!DOCTYPE html><html><body><img src=x onerror=alert(1)></body></html>",
            "poza.jpg is not a JPEG, PNG, WebP or HEIC photo.",
        ),
        (
            b"GIF89a\x01\x00\x01\x00\x00\x00\x00;",
            "poza.jpg is not a JPEG, PNG, WebP or HEIC photo.",
        ),
    ],
    ids=[
        "jpeg-then-html",
        "script-in-jpeg-comment",
        "jpeg-then-pdf",
        "pdf",
        "html",
        "gif",
    ],
)
def test_clean_photo_refuses_what_is_not_only_a_photo_whatever_its_name(
    content, message
):
    disguised = SimpleUploadedFile("poza.jpg", content, "image/jpeg")

    with pytest.raises(PhotoError) as refused:
        clean_photo(disguised)

    assert str(refused.value) == message


def test_clean_photo_refuses_a_file_too_large(settings):
    settings.PHOTO_MAX_BYTES = 1024 * 1024
    huge = SimpleUploadedFile("huge.jpg", b"\xff" * (1024 * 1024 + 1))

    with pytest.raises(PhotoError) as refused:
        clean_photo(huge)

    assert str(refused.value) == "The file huge.jpg is larger than 1 MB."


def padded_jpeg(name: str, size: int) -> SimpleUploadedFile:
    """A real photo padded with zeros after its end, to `size` bytes."""
    photo = _real_jpeg()
    return SimpleUploadedFile(name, photo + bytes(size - len(photo)), "image/jpeg")


def test_clean_photo_refuses_a_30_mb_photo_before_decoding_it():
    big = padded_jpeg("telefon.jpg", 30 * 2**20)

    with pytest.raises(PhotoError) as refused:
        clean_photo(big)

    assert str(refused.value) == "The file telefon.jpg is larger than 15 MB."


def test_clean_photo_accepts_the_same_padded_photo_under_a_higher_limit(settings):
    settings.PHOTO_MAX_BYTES = 40 * 2**20
    big = padded_jpeg("telefon.jpg", 30 * 2**20)

    clean = clean_photo(big)

    assert (clean.width, clean.height) == (640, 480)


def test_redraw_photo_burns_the_covers_into_every_copy():
    # Upright, the phone photo is red above and blue below.
    data = jpeg_with_orientation_and_gps().read()
    cover = Cover(x=0.25, y=0.1, width=0.5, height=0.3)

    clean = redraw_photo(data, name="telefon.jpg", covers=[cover])

    for copy in (opened(clean.image), opened(clean.share), opened(clean.thumbnail)):
        width, height = copy.size
        covered = copy.crop(
            (
                int(width * 0.27),
                int(height * 0.12),
                int(width * 0.73),
                int(height * 0.38),
            )
        )
        assert max(ImageStat.Stat(covered).extrema[band][1] for band in range(3)) < 20
        left = ImageStat.Stat(copy.crop((0, 0, int(width * 0.2), height // 3))).mean
        assert [round(v / 16) for v in left] == [round(v / 16) for v in (254, 0, 0)]
        below = ImageStat.Stat(copy.crop((0, int(height * 0.6), width, height))).mean
        assert [round(v / 16) for v in below] == [0, 0, round(254 / 16)]


def test_clean_photo_makes_a_copy_for_sharing(shared_data):
    path = shared_data / "photos" / "orientation" / "Landscape_3.jpg"

    clean = clean_photo(upload(path))

    assert opened(clean.share).size == (SHARE_SIZE, 800)


def test_store_photo_keeps_the_original_apart_from_the_clean_copies(
    shared_data, citizen
):
    path = shared_data / "photos" / "metadata" / "exif_gps.jpg"

    photo = store_photo(upload=upload(path), uploaded_by=citizen)

    assert photo.report is None
    assert photo.original_name == "exif_gps.jpg"
    assert photo.original.name.startswith("private/originals/")
    assert photo.original.read() == path.read_bytes()
    assert opened(photo.image).getexif().get_ifd(GPS_IFD) == {}
    assert (photo.width, photo.height) == (8, 8)
    assert opened(photo.share).size == (8, 8)
    assert photo.exif_location is None


def test_store_photo_keeps_the_gps_position_apart_from_the_copies(citizen):
    photo = store_photo(upload=jpeg_with_orientation_and_gps(), uploaded_by=citizen)

    assert (photo.exif_location.y, photo.exif_location.x) == pytest.approx(
        (46.7694, 23.5899)
    )
    for copy in (photo.image, photo.share, photo.thumbnail):
        assert opened(copy).getexif() == {}
