import pytest
from django.core import mail
from django.utils import timezone, translation
from django.utils.translation import gettext

from reports import legal_clock, workflow
from reports.models import EventKind, Status, Visibility


@pytest.mark.mainflow
def test_submit_report_registers_it_at_once(registered_report, citizen):
    year = timezone.localdate().year

    assert registered_report.status == Status.REGISTERED
    assert registered_report.registry_number == f"1/{year}"
    # 30 calendar days, moved off a weekend or holiday (legal_clock).
    assert registered_report.due_date == legal_clock.term_end(timezone.localdate(), 30)
    assert [e.kind for e in registered_report.events.all()] == [
        EventKind.SUBMITTED,
        EventKind.REGISTERED,
    ]
    assert mail.outbox[-1].to == [citizen.email]
    assert f"1/{year}" in mail.outbox[-1].subject


@pytest.mark.mainflow
def test_publish_report_routes_to_the_department_of_the_category(
    published_report, roads
):
    assert published_report.status == Status.PUBLISHED
    assert published_report.department == roads
    assert published_report.events.last().visibility == Visibility.PUBLIC


def test_publish_report_refused_to_a_citizen(flow, registered_report):
    with pytest.raises(workflow.WorkflowError):
        flow.publish(registered_report, actor="citizen")

    registered_report.refresh_from_db()
    assert registered_report.status == Status.REGISTERED
    assert registered_report.events.count() == 2


def test_assign_report_refused_to_head_of_another_department(flow, published_report):
    with pytest.raises(workflow.WorkflowError):
        flow.assign(published_report, actor="green_head")

    published_report.refresh_from_db()
    assert published_report.status == Status.PUBLISHED
    assert published_report.assignee is None


def test_issue_resolution_refused_before_assignment(flow, published_report):
    with pytest.raises(workflow.WorkflowError):
        flow.resolve(published_report, actor="head")

    published_report.refresh_from_db()
    assert published_report.status == Status.PUBLISHED


@pytest.mark.mainflow
def test_issue_resolution_resolves_and_mails_the_document(
    flow, assigned_report, citizen
):
    mail.outbox.clear()

    report = flow.resolve(assigned_report)

    assert report.status == Status.RESOLVED
    assert report.pin_state == "resolved"
    [message] = mail.outbox
    assert message.to == [citizen.email]
    assert message.attachments[0][0] == f"raspuns-{report.pk}.pdf"
    assert message.attachments[0][1].startswith(b"%PDF")


def test_timeline_texts_are_kept_in_the_institution_language(flow, registered_report):
    with translation.override("en"):
        report = flow.publish(registered_report)

    english = f"Sent to {report.department.name}."
    with translation.override("ro"):
        romanian = gettext("Sent to %(department)s.") % {
            "department": report.department.name
        }
    assert romanian != english
    assert report.events.last().text == romanian
