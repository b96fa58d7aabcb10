"""The life of a report, over HTTP, from sign-up to the public answer."""

import io
import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from reports.models import Photo, Report, Status
from tests.factories import jpeg_with_orientation_and_gps, pdf_upload

MACHINE_TIMES = re.compile(r'datetime="[^"]*"')
CITIZEN = {
    "full_name": "Ioana Mureșan",
    "phone": "0745 111 222",
    "email": "ioana.muresan@example.ro",
    "password1": "castane-coapte-2026",
    "password2": "castane-coapte-2026",
}
DESCRIPTION = (
    "Groapă adâncă pe carosabil în dreptul casei cu numărul 14; "
    "mașinile o ocolesc pe contrasens."
)


def _sign_up_and_verify() -> Client:
    client = Client()
    client.post(reverse("account_signup"), CITIZEN)
    link = re.search(r"https?://\S+(/cont/confirm-email/\S+/)", mail.outbox[-1].body)
    client.post(link.group(1))
    client.post(
        reverse("account_login"),
        {"login": CITIZEN["email"], "password": CITIZEN["password1"]},
    )
    return client


def _staff_client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _submit(client: Client, category) -> Report:
    form = {
        "category": category.pk,
        "address": "Strada Memorandumului 14",
        "latitude": "46.769300",
        "longitude": "23.585500",
        "description": DESCRIPTION,
    }
    preview = client.post(
        reverse("reports:new"),
        {**form, "action": "preview", "photos": jpeg_with_orientation_and_gps()},
    )
    assert preview.status_code == 200
    [photo] = Photo.objects.filter(report=None)
    assert DESCRIPTION in preview.content.decode()

    sent = client.post(
        reverse("reports:new"), {**form, "action": "send", "photo": str(photo.token)}
    )

    report = Report.objects.get()
    assert sent.status_code == 302
    assert sent.url == reverse("reports:mine-detail", args=[report.pk])
    return report


@pytest.mark.mainflow
@pytest.mark.django_db
def test_life_of_a_report_from_sign_up_to_the_public_answer(
    potholes, roads, clerk, head, staff
):
    year = timezone.localdate().year

    # The citizen signs up, confirms the address and reports with a photo.
    citizen = _sign_up_and_verify()
    report = _submit(citizen, potholes)
    assert report.status == Status.REGISTERED
    assert report.registry_number == f"1/{year}"
    assert f"1/{year}" in mail.outbox[-1].subject
    assert mail.outbox[-1].to == [CITIZEN["email"]]

    # The clerk publishes it with the photo; the routing table names roads.
    photo = report.photos.get()
    response = _staff_client(clerk).post(
        reverse("backoffice:report-publish", args=[report.pk]),
        {
            "public_description": DESCRIPTION,
            "public_photos": [photo.pk],
            "category": potholes.pk,
            "department": "",
        },
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert (report.status, report.department) == (Status.PUBLISHED, roads)

    # The head of roads assigns it to a staff member, who resolves it.
    _staff_client(head).post(
        reverse("backoffice:report-assign", args=[report.pk]),
        {"assignee": staff.pk},
    )
    mail.outbox.clear()
    response = _staff_client(staff).post(
        reverse("backoffice:report-resolve", args=[report.pk]),
        {
            "outcome": "fixed",
            "summary": "Groapa a fost astupată cu mixtură asfaltică.",
            "document": pdf_upload(),
        },
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == Status.RESOLVED

    # The citizen's e-mail carries the document and a link to the report.
    [answer] = mail.outbox
    assert answer.to == [CITIZEN["email"]]
    [(name, content, mimetype)] = answer.attachments
    assert (name, mimetype) == (f"raspuns-{report.pk}.pdf", "application/pdf")
    assert content.startswith(b"%PDF-")
    assert reverse("reports:mine-detail", args=[report.pk]) in answer.body

    # The public sees the outcome and no personal data.
    public = Client()
    page = public.get(reverse("reports:detail", args=[report.pk])).content.decode()
    assert "Groapa a fost astupată cu mixtură asfaltică." in page
    assert str(report.resolution.get_outcome_display()) in page
    # Machine-readable times carry microseconds, which may hold any digits.
    page = MACHINE_TIMES.sub("", page)
    for personal in ("Ioana", "Mureșan", "ioana.muresan", "745", "111 222"):
        assert personal not in page
    features = public.get(reverse("reports:map-data")).json()["features"]
    assert [f["properties"]["state"] for f in features] == ["resolved"]

    # The public photo is upright and carries no metadata at all.
    served = public.get(reverse("reports:photo", args=[photo.token, "image"]))
    image = Image.open(io.BytesIO(b"".join(served.streaming_content)))
    assert image.getexif() == {}
    assert "exif" not in image.info
    assert image.height > image.width
    assert image.getpixel((image.width // 2, 10))[0] > 200
    assert image.getpixel((image.width // 2, image.height - 10))[2] > 200
