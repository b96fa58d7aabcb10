"""Factories for the test suite's institutions, people and reports."""

import io

import factory
from allauth.account.models import EmailAddress
from django.contrib.gis.geos import MultiPolygon, Point, Polygon
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags, Image

from accounts.models import User
from institutions.models import (
    Category,
    Department,
    Institution,
    Membership,
    Role,
    RoutingRule,
)

# Cluj-Napoca's bounding box, as a simple territory for tests.
CLUJ_BOX = (23.45, 46.68, 23.72, 46.85)
CENTRE = Point(23.5899, 46.7712, srid=4326)


class InstitutionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Institution
        django_get_or_create = ["slug"]

    name = "Primăria Cluj-Napoca"
    slug = factory.Sequence(lambda n: f"institutie-{n}")
    # Each on its own domain: only one institution may be without (the
    # `institution` persona, the default one on the test client's host).
    domain = factory.LazyAttribute(lambda institution: f"{institution.slug}.example.ro")
    boundary = factory.LazyFunction(
        lambda: MultiPolygon(Polygon.from_bbox(CLUJ_BOX), srid=4326)
    )
    map_centre = factory.LazyFunction(CENTRE.clone)
    email_sender = "Primăria Cluj-Napoca <sesizari@primariaclujnapoca.ro>"
    tile_url = ""


class DepartmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Department

    institution = factory.SubFactory(InstitutionFactory)
    name = factory.Sequence(lambda n: f"Direcția {n}")


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category

    institution = factory.SubFactory(InstitutionFactory)
    name = factory.Sequence(lambda n: f"Categoria {n}")
    description = "Gropi, trotuare, poduri."


class RoutingRuleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RoutingRule

    category = factory.SubFactory(CategoryFactory)
    institution = factory.SelfAttribute("category.institution")
    department = factory.SubFactory(
        DepartmentFactory, institution=factory.SelfAttribute("..institution")
    )


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"persoana{n}@example.ro")
    full_name = factory.Sequence(lambda n: f"Ioana Popescu {n}")
    phone = "+40722123456"
    password = factory.PostGenerationMethodCall("set_password", "parola-sigura-1")

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        if create and extracted is not False:
            EmailAddress.objects.create(
                user=self, email=self.email, verified=True, primary=True
            )
        if create:
            self.save()


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    institution = factory.SubFactory(InstitutionFactory)
    role = Role.CLERK


def jpeg_upload(
    name: str = "groapa.jpg", size=(640, 480), colour=(120, 90, 60)
) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, format="JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


PDF_BYTES = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def pdf_upload(name: str = "raspuns.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF_BYTES, content_type="application/pdf")


def jpeg_with_orientation_and_gps(name: str = "telefon.jpg") -> SimpleUploadedFile:
    """A phone-like JPEG: stored sideways with EXIF Orientation 6, and GPS.

    Upright, its top half is red and its bottom half blue.
    """
    stored = Image.new("RGB", (640, 480), (0, 0, 255))
    stored.paste((255, 0, 0), (0, 0, 320, 480))
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6
    exif[ExifTags.Base.Make] = "Telefon"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (46.0, 46.0, 9.84)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (23.0, 35.0, 23.64)
    buffer = io.BytesIO()
    stored.save(buffer, format="JPEG", exif=exif, quality=95)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")
