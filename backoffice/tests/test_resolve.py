from django.conf import settings
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from reports.models import Outcome, Resolution, Status
from tests.factories import jpeg_upload, pdf_upload


def _resolve(report) -> str:
    return reverse("backoffice:report-resolve", args=[report.pk])


def _answer(**fields) -> dict:
    return {
        "outcome": Outcome.FIXED,
        "planned_for": "",
        "summary": "Groapa a fost astupată.",
        "document": pdf_upload(),
        **fields,
    }


def test_resolve_with_a_pdf_mails_it_to_the_citizen(
    client, staff, citizen, assigned_report
):
    mail.outbox.clear()
    client.force_login(staff)

    response = client.post(_resolve(assigned_report), _answer())

    assert response.status_code == 302
    assigned_report.refresh_from_db()
    assert assigned_report.status == Status.RESOLVED
    assert assigned_report.pin_state == "resolved"
    assert assigned_report.resolution.outcome == Outcome.FIXED
    assert assigned_report.resolution.issued_by == staff
    [message] = mail.outbox
    assert message.to == [citizen.email]
    [(name, content, mimetype)] = message.attachments
    assert name == f"raspuns-{assigned_report.pk}.pdf"
    assert content.startswith(b"%PDF-")
    assert mimetype == "application/pdf"
    assert reverse("reports:mine-detail", args=[assigned_report.pk]) in message.body


def test_resolve_planned_with_a_date(client, staff, assigned_report):
    client.force_login(staff)

    client.post(
        _resolve(assigned_report),
        _answer(outcome=Outcome.PLANNED, planned_for="2030-05-01"),
    )

    assigned_report.refresh_from_db()
    assert assigned_report.status == Status.RESOLVED
    assert str(assigned_report.resolution.planned_for) == "2030-05-01"


def test_resolve_refuses_a_jpeg_named_pdf(client, staff, assigned_report):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    disguised = SimpleUploadedFile(
        "raspuns.pdf", jpeg_upload().read(), content_type="application/pdf"
    )
    mail.outbox.clear()
    client.force_login(staff)

    response = client.post(
        _resolve(assigned_report),
        _answer(document=disguised),
    )

    assert response.status_code == 200
    form = response.context["forms"]["resolve"]
    assert form.errors["document"] == ["The document is not a PDF file."]
    assert form["summary"].value() == "Groapa a fost astupată."
    assigned_report.refresh_from_db()
    assert assigned_report.status == Status.ASSIGNED
    assert not Resolution.objects.exists()
    assert mail.outbox == []


def test_resolve_refuses_a_document_too_large(client, staff, assigned_report, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    settings.DOCUMENT_MAX_BYTES = 100
    client.force_login(staff)

    response = client.post(_resolve(assigned_report), _answer())

    assert response.status_code == 200
    assert response.context["forms"]["resolve"].errors["document"] == [
        "The document is larger than 100\xa0bytes."
    ]
    assigned_report.refresh_from_db()
    assert assigned_report.status == Status.ASSIGNED


def test_resolve_planned_without_a_date_is_refused(client, staff, assigned_report):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    client.force_login(staff)

    response = client.post(
        _resolve(assigned_report),
        _answer(outcome=Outcome.PLANNED),
    )

    assert response.status_code == 200
    form = response.context["forms"]["resolve"]
    assert form.errors["planned_for"] == ["Give the date by which the work is planned."]
    assert form["outcome"].value() == Outcome.PLANNED
    assigned_report.refresh_from_db()
    assert assigned_report.status == Status.ASSIGNED


def test_resolve_error_is_tied_to_its_field(client, staff, assigned_report):
    client.force_login(staff)

    response = client.post(_resolve(assigned_report), _answer(outcome=Outcome.PLANNED))

    page = response.content.decode()
    assert 'aria-describedby="id_planned_for_helptext id_planned_for_error"' in page
    assert 'id="id_planned_for_error"' in page


def test_resolve_by_the_head(client, head, assigned_report):
    client.force_login(head)

    client.post(_resolve(assigned_report), _answer(outcome=Outcome.REFUSED))

    assigned_report.refresh_from_db()
    assert assigned_report.status == Status.RESOLVED
    assert assigned_report.pin_state == "closed"


def test_resolve_refused_to_a_colleague_who_is_not_the_assignee(
    client, institution, roads, assigned_report
):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    from institutions.models import Role
    from tests.factories import MembershipFactory, UserFactory

    colleague = UserFactory(full_name="Alin Coleg")
    MembershipFactory(
        user=colleague, institution=institution, role=Role.STAFF, department=roads
    )
    client.force_login(colleague)

    response = client.post(_resolve(assigned_report), _answer())

    assert response.status_code == 200
    assert (
        "Only the person the report is assigned to, or the head, answers it."
        in response.content.decode()
    )
    assigned_report.refresh_from_db()
    assert assigned_report.status == Status.ASSIGNED


def test_resolve_refused_before_assignment(client, head, published_report):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    client.force_login(head)

    response = client.post(_resolve(published_report), _answer())

    assert response.status_code == 200
    assert "This report is published: the action is not possible now." in (
        response.content.decode()
    )
    published_report.refresh_from_db()
    assert published_report.status == Status.PUBLISHED


def test_resolve_refused_to_staff_of_another_department(
    client, green_head, assigned_report
):
    client.force_login(green_head)

    response = client.post(_resolve(assigned_report), _answer())

    assert response.status_code == 403
    assigned_report.refresh_from_db()
    assert assigned_report.status == Status.ASSIGNED


def test_report_document_served_to_staff_as_attachment(client, staff, assigned_report):
    client.force_login(staff)
    client.post(_resolve(assigned_report), _answer())

    response = client.get(
        reverse("backoffice:report-document", args=[assigned_report.pk])
    )

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        f'attachment; filename="raspuns-{assigned_report.pk}.pdf"'
    )
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
