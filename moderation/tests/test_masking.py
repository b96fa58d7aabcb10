"""The clerk masks personal data in the public text, over HTTP."""

import pytest
from django.conf import settings
from django.urls import reverse

from moderation.models import Language, OffensiveWord
from reports.models import Event, EventKind, Report, Visibility

# A report sent before the public text was masked at submission, or whose
# clerk typed personal data back in: the public text still holds it.
LEAKY = "Groapă mare. Sunați la 0744 123 456 sau ana@yahoo.ro.\nCu stimă,\nAna Pop"


@pytest.fixture(autouse=True)
def english(settings):
    settings.LANGUAGE_CODE = "en"


@pytest.fixture
def leaky_report(registered_report):
    Report.objects.filter(pk=registered_report.pk).update(public_description=LEAKY)
    registered_report.refresh_from_db()
    return registered_report


def _mask(report) -> str:
    return reverse("backoffice:report-mask", args=[report.pk])


def _page(report) -> str:
    return reverse("backoffice:report", args=[report.pk])


def test_report_mask_hides_one_finding_and_notes_it_internally(
    client, clerk, leaky_report
):
    client.force_login(clerk)

    response = client.post(
        _mask(leaky_report), {"kind": "phone", "start": 23, "end": 35}
    )

    assert response.status_code == 302
    assert response["Location"] == _page(leaky_report)
    leaky_report.refresh_from_db()
    assert leaky_report.public_description == (
        "Groapă mare. Sunați la [phone hidden] sau ana@yahoo.ro.\nCu stimă,\nAna Pop"
    )
    assert leaky_report.description.startswith("Groapă mare în fața blocului")
    event = Event.objects.filter(report=leaky_report).latest("pk")
    assert (event.kind, event.visibility, event.actor) == (
        EventKind.NOTE,
        Visibility.INTERNAL,
        clerk,
    )
    assert event.text == "Public text edited: phone number masked."


def test_report_mask_without_a_finding_hides_them_all(client, clerk, leaky_report):
    client.force_login(clerk)

    client.post(_mask(leaky_report))

    leaky_report.refresh_from_db()
    assert leaky_report.public_description == (
        "Groapă mare. Sunați la [phone hidden] sau [e-mail hidden].\n"
        "Cu stimă,\n[name hidden]"
    )
    event = Event.objects.filter(report=leaky_report).latest("pk")
    assert event.text == (
        "Public text edited: e-mail address, phone number, name masked."
    )


def test_report_mask_refuses_a_finding_the_text_no_longer_has(
    client, clerk, leaky_report
):
    client.force_login(clerk)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    response = client.post(
        _mask(leaky_report), {"kind": "phone", "start": 20, "end": 35}, follow=True
    )

    leaky_report.refresh_from_db()
    assert leaky_report.public_description == LEAKY
    assert [str(m) for m in response.context["messages"]] == [
        "The public text has changed: check it again."
    ]


def test_report_mask_is_refused_to_a_citizen(client, citizen, leaky_report):
    client.force_login(citizen)

    response = client.post(_mask(leaky_report))

    assert response.status_code == 403
    leaky_report.refresh_from_db()
    assert leaky_report.public_description == LEAKY


def test_report_mask_is_refused_to_another_department(client, green_head, leaky_report):
    client.force_login(green_head)

    response = client.post(_mask(leaky_report))

    assert response.status_code == 403
    leaky_report.refresh_from_db()
    assert leaky_report.public_description == LEAKY


def test_report_mask_is_refused_to_the_department_after_publishing(client, flow, head):
    report = flow.published(text=LEAKY)
    client.force_login(head)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    response = client.post(_mask(report), follow=True)

    report.refresh_from_db()
    assert report.public_description == LEAKY
    assert [str(m) for m in response.context["messages"]] == [
        "Only the registry clerks edit the public text."
    ]


def test_report_mask_is_refused_once_published(client, clerk, flow):
    report = flow.published(text=LEAKY)
    client.force_login(clerk)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    response = client.post(_mask(report), follow=True)

    report.refresh_from_db()
    assert report.public_description == LEAKY
    assert [str(m) for m in response.context["messages"]] == [
        "The public text can only be edited before publishing."
    ]


def test_report_page_highlights_findings_with_their_kind(client, clerk, leaky_report):
    OffensiveWord.objects.create(word="groapă", language=Language.ROMANIAN)
    client.force_login(clerk)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    response = client.get(_page(leaky_report))

    page = response.content.decode()
    assert (
        '<mark class="finding finding--phone"><span class="finding__kind">'
        "phone number:</span> 0744 123 456</mark>"
    ) in page
    assert (
        '<mark class="finding finding--offensive"><span class="finding__kind">'
        "offensive word:</span> Groapă</mark>"
    ) in page
    assert page.count('name="kind"') == 3
    assert "Mask all personal data" in page
    assert "flag only" in page


def test_report_page_lists_what_was_hidden_at_submission(
    client, clerk, registered_report
):
    client.force_login(clerk)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    response = client.get(_page(registered_report))

    page = response.content.decode()
    assert "Hidden when the report was sent" in page
    assert "<q>0744555666</q>" in page
    assert 'name="kind"' not in page


def test_report_page_offers_no_mask_to_the_department(client, flow, head):
    report = flow.published(text=LEAKY)
    client.force_login(head)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    response = client.get(_page(report))

    page = response.content.decode()
    assert "finding--phone" in page
    assert 'name="kind"' not in page
