"""The citizen's text starts out public with its personal data masked."""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from reports.models import Report

TEXT = "Groapă pe strada Horea nr. 12. Sunați-mă la 0744 123 456.\nCu stimă,\nAna Pop"
MASKED = (
    "Groapă pe strada Horea nr. 12. Sunați-mă la [phone hidden].\n"
    "Cu stimă,\n[name hidden]"
)


@pytest.fixture(autouse=True)
def english(settings):
    settings.LANGUAGE_CODE = "en"


def test_submit_report_masks_the_public_text_and_keeps_the_original(flow):
    report = flow.submit(description=TEXT)

    assert report.description == TEXT
    assert report.public_description == MASKED


def test_submitted_public_text_can_still_be_edited_by_the_clerk(flow):
    report = flow.submit(description=TEXT)

    published = flow.publish(report, text="Groapă pe strada Horea nr. 12.")

    assert published.public_description == "Groapă pe strada Horea nr. 12."
    assert published.description == TEXT


def test_preview_shows_the_masked_text_and_says_why(citizen, potholes):
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    client.force_login(citizen)
    data = {
        "category": potholes.pk,
        "address": "Piața Unirii 1",
        "latitude": "46.769400",
        "longitude": "23.589900",
        "description": TEXT,
        "action": "preview",
    }

    response = client.post(reverse("reports:new"), data)

    page = response.content.decode()
    assert (
        "<p>Groapă pe strada Horea nr. 12. Sunați-mă la [phone hidden].<br>"
        "Cu stimă,<br>[name hidden]</p>"
    ) in page
    assert (
        "<li>Your phone number will not be public: the registry hides it before "
        "publishing.</li>"
    ) in page
    assert (
        "<li>Your name will not be public: the registry hides it before "
        "publishing.</li>"
    ) in page
    assert "0744 123 456" in page  # kept in the form, sent as typed
    assert Report.objects.count() == 0
