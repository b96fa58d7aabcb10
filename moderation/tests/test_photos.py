"""Photos as citizens send them, on the real files of the shared test data."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image, ImageStat

from moderation.photos import PAGE_SIZE, THUMBNAIL_SIZE, PhotoError, clean_photo
from reports.photos import store_photo

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
            "SVG_XSS_green_triangle.svg is not a JPEG, PNG or WebP photo.",
        ),
        ("truncated_jpeg.jpg", "truncated_jpeg.jpg is damaged or incomplete."),
        ("broken.png", "broken.png is not a JPEG, PNG or WebP photo."),
        (
            "decompression_bomb.gif",
            "decompression_bomb.gif is not a JPEG, PNG or WebP photo.",
        ),
        ("lottapixel.jpg", "lottapixel.jpg is not a JPEG, PNG or WebP photo."),
        ("truncated.heic", "truncated.heic is not a JPEG, PNG or WebP photo."),
    ],
)
def test_clean_photo_refuses_hostile_files(shared_data, name, message):
    hostile = upload(shared_data / "photos" / "hostile" / name)

    with pytest.raises(PhotoError) as refused:
        clean_photo(hostile)

    assert str(refused.value) == message


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
def test_clean_photo_refuses_heic_for_now(shared_data, name):
    photo = upload(shared_data / "photos" / "heif" / name)

    with pytest.raises(PhotoError) as refused:
        clean_photo(photo)

    assert str(refused.value) == f"{name} is not a JPEG, PNG or WebP photo."


def test_clean_photo_refuses_a_file_too_large(settings):
    settings.PHOTO_MAX_BYTES = 1024 * 1024
    huge = SimpleUploadedFile("huge.jpg", b"\xff" * (1024 * 1024 + 1))

    with pytest.raises(PhotoError) as refused:
        clean_photo(huge)

    assert str(refused.value) == "The file huge.jpg is larger than 1 MB."


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
