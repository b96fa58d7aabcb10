import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse

from reports.models import EventKind, Status
from tests.flow import PUBLIC


def _publish(report) -> str:
    return reverse("backoffice:report-publish", args=[report.pk])


def test_publish_with_edited_text_photos_and_category(
    client, clerk, flow, two_photos, parks
):
    report = flow.submit(
        description="Groapă în parc, sunați-mă la 0744555666.", photos=two_photos
    )
    kept, hidden = two_photos
    mail.outbox.clear()
    client.force_login(clerk)

    response = client.post(
        _publish(report),
        {
            "public_description": "Groapă în parc.",
            "public_photos": [kept.pk],
            "category": parks.pk,
            "department": "",
        },
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("backoffice:report", args=[report.pk])
    report.refresh_from_db()
    assert report.status == Status.PUBLISHED
    assert report.category == parks
    assert report.department == parks.routing_rule.department
    assert report.department.name == "Direcția Ecologie Urbană și Spații Verzi"
    assert report.public_description == "Groapă în parc."
    assert report.description == "Groapă în parc, sunați-mă la 0744555666."
    kept.refresh_from_db()
    hidden.refresh_from_db()
    assert kept.is_public is True
    assert hidden.is_public is False
    [message] = mail.outbox
    assert message.to == ["ana.ionescu@example.ro"]
    assert report.registry_number in message.subject


def test_publish_form_ticks_every_photo_by_default(client, clerk, flow, two_photos):
    report = flow.submit(photos=two_photos)
    client.force_login(clerk)

    response = client.get(reverse("backoffice:report", args=[report.pk]))

    page = response.content.decode()
    form = response.context["forms"]["publish"]
    assert [photo.pk for photo in form["public_photos"].initial] == [
        photo.pk for photo in two_photos
    ]
    assert page.count('name="public_photos"') == 2
    assert page.count('name="public_photos" value=') == 2
    assert page.count(" checked") == 2


def test_publish_with_a_department_chosen_by_the_clerk(
    client, clerk, registered_report, green_spaces, potholes
):
    client.force_login(clerk)

    client.post(
        _publish(registered_report),
        {
            "public_description": registered_report.description,
            "category": potholes.pk,
            "department": green_spaces.pk,
        },
    )

    registered_report.refresh_from_db()
    assert registered_report.status == Status.PUBLISHED
    assert registered_report.category == potholes
    assert registered_report.department == green_spaces


def test_publish_without_text_keeps_what_was_typed(
    client, clerk, registered_report, potholes, green_spaces
):
    client.force_login(clerk)

    response = client.post(
        _publish(registered_report),
        {
            "public_description": "",
            "category": potholes.pk,
            "department": green_spaces.pk,
        },
    )

    assert response.status_code == 200
    form = response.context["forms"]["publish"]
    assert "public_description" in form.errors
    assert form["department"].value() == str(green_spaces.pk)
    registered_report.refresh_from_db()
    assert registered_report.status == Status.REGISTERED


def test_publish_again_is_refused_and_changes_nothing(
    client, clerk, published_report, parks
):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    events = published_report.events.count()
    mail.outbox.clear()
    client.force_login(clerk)

    response = client.post(
        _publish(published_report),
        {"public_description": "Alt text.", "category": parks.pk},
    )

    assert response.status_code == 200
    assert "This report is published: the action is not possible now." in (
        response.content.decode()
    )
    published_report.refresh_from_db()
    assert published_report.public_description == PUBLIC
    assert published_report.category.name == "Străzi/Alei/Trotuare/Poduri"
    assert published_report.events.count() == events
    assert mail.outbox == []


@pytest.mark.parametrize("persona", ["head", "citizen"])
def test_publish_refused_to_all_but_the_clerk(
    client, registered_report, potholes, persona, request
):
    client.force_login(request.getfixturevalue(persona))

    response = client.post(
        _publish(registered_report),
        {"public_description": "Text.", "category": potholes.pk},
    )

    assert response.status_code == 403
    registered_report.refresh_from_db()
    assert registered_report.status == Status.REGISTERED


def test_reject_with_a_reason_mails_it_to_the_citizen(
    client, clerk, citizen, registered_report
):
    mail.outbox.clear()
    client.force_login(clerk)

    response = client.post(
        reverse("backoffice:report-reject", args=[registered_report.pk]),
        {"reason": "Sesizarea nu privește domeniul public."},
    )

    assert response.status_code == 302
    registered_report.refresh_from_db()
    assert registered_report.status == Status.REJECTED
    assert registered_report.events.last().kind == EventKind.REJECTED
    [message] = mail.outbox
    assert message.to == [citizen.email]
    assert "Sesizarea nu privește domeniul public." in message.body


def test_reject_with_a_short_reason_is_refused(client, clerk, registered_report):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    mail.outbox.clear()
    client.force_login(clerk)

    response = client.post(
        reverse("backoffice:report-reject", args=[registered_report.pk]),
        {"reason": "Nu."},
    )

    assert response.status_code == 200
    form = response.context["forms"]["reject"]
    assert form.non_field_errors() == ["Give the citizen the reason for rejecting."]
    assert form["reason"].value() == "Nu."
    registered_report.refresh_from_db()
    assert registered_report.status == Status.REGISTERED
    assert mail.outbox == []
