import pytest
from django.core import mail
from django.utils import timezone, translation
from django.utils.translation import gettext

from reports import workflow
from reports.models import EventKind, Outcome, Status, Visibility
from tests.factories import pdf_upload


@pytest.fixture
def registered(citizen, institution, potholes, place):
    return workflow.submit_report(
        author=citizen,
        institution=institution,
        category=potholes,
        location=place,
        description="Groapă mare în asfalt în fața blocului nr. 5.",
    )


@pytest.fixture
def published(registered, clerk):
    return workflow.publish_report(
        report=registered,
        actor=clerk,
        public_description=registered.description,
        public_photos=[],
    )


@pytest.fixture
def assigned(published, head, staff):
    return workflow.assign_report(report=published, actor=head, assignee=staff)


@pytest.mark.mainflow
def test_submit_report_registers_it_at_once(registered, citizen):
    year = timezone.localdate().year

    assert registered.status == Status.REGISTERED
    assert registered.registry_number == f"1/{year}"
    assert (registered.due_date - timezone.localdate()).days == 30
    assert [e.kind for e in registered.events.all()] == [
        EventKind.SUBMITTED,
        EventKind.REGISTERED,
    ]
    assert mail.outbox[-1].to == [citizen.email]
    assert f"1/{year}" in mail.outbox[-1].subject


@pytest.mark.mainflow
def test_publish_report_routes_to_the_department_of_the_category(published, roads):
    assert published.status == Status.PUBLISHED
    assert published.department == roads
    assert published.events.last().visibility == Visibility.PUBLIC


def test_publish_report_refused_to_a_citizen(registered, citizen):
    with pytest.raises(workflow.WorkflowError):
        workflow.publish_report(
            report=registered,
            actor=citizen,
            public_description="x",
            public_photos=[],
        )

    registered.refresh_from_db()
    assert registered.status == Status.REGISTERED
    assert registered.events.count() == 2


def test_assign_report_refused_to_head_of_another_department(
    published, green_head, staff
):
    with pytest.raises(workflow.WorkflowError):
        workflow.assign_report(report=published, actor=green_head, assignee=staff)

    published.refresh_from_db()
    assert published.status == Status.PUBLISHED
    assert published.assignee is None


def test_issue_resolution_refused_before_assignment(published, head):
    with pytest.raises(workflow.WorkflowError):
        workflow.issue_resolution(
            report=published,
            actor=head,
            outcome=Outcome.FIXED,
            summary="Reparat.",
            document=pdf_upload(),
        )

    published.refresh_from_db()
    assert published.status == Status.PUBLISHED


@pytest.mark.mainflow
def test_issue_resolution_resolves_and_mails_the_document(assigned, staff, citizen):
    mail.outbox.clear()

    workflow.issue_resolution(
        report=assigned,
        actor=staff,
        outcome=Outcome.FIXED,
        summary="Groapa a fost astupată.",
        document=pdf_upload(),
    )

    assigned.refresh_from_db()
    assert assigned.status == Status.RESOLVED
    assert assigned.pin_state == "resolved"
    [message] = mail.outbox
    assert message.to == [citizen.email]
    assert message.attachments[0][0] == f"raspuns-{assigned.pk}.pdf"
    assert message.attachments[0][1].startswith(b"%PDF")


def test_timeline_texts_are_kept_in_the_institution_language(registered, clerk):
    with translation.override("en"):
        report = workflow.publish_report(
            report=registered,
            actor=clerk,
            public_description=registered.description,
            public_photos=[],
        )

    english = f"Sent to {report.department.name}."
    with translation.override("ro"):
        romanian = gettext("Sent to %(department)s.") % {
            "department": report.department.name
        }
    assert romanian != english
    assert report.events.last().text == romanian
