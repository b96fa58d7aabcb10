from datetime import date, timedelta

import pytest
from django.core import mail
from django.utils import timezone

from reports import workflow
from reports.models import EventKind, Report, Status, Visibility

REASON = "Avem nevoie de un aviz de la Compania de Apă."
# 20 November 2030 is a Wednesday; ten days later is Saturday 30 November,
# Saint Andrew's, then Sunday 1 December, the national day.
DUE = date(2030, 11, 20)


def _due_on(report: Report, day: date) -> Report:
    Report.objects.filter(pk=report.pk).update(due_date=day)
    report.refresh_from_db()
    return report


def _extend(report, actor, days=10, reason=REASON) -> Report:
    return workflow.extend_term(report=report, actor=actor, days=days, reason=reason)


@pytest.mark.mainflow
def test_extend_term_moves_the_due_date_to_the_next_working_day(
    registered_report, clerk, citizen
):
    report = _due_on(registered_report, DUE)
    mail.outbox.clear()

    report = _extend(report, clerk, days=10)

    assert report.due_date == date(2030, 12, 2)
    assert report.status == Status.REGISTERED
    event = report.events.last()
    assert event.kind == EventKind.EXTENDED
    assert event.visibility == Visibility.CITIZEN
    assert event.actor == clerk
    assert "2 decembrie 2030" in event.text
    assert REASON in event.text
    [message] = mail.outbox
    assert message.to == [citizen.email]
    assert report.registry_number in message.subject
    assert "2 decembrie 2030" in message.body
    assert REASON in message.body
    assert REASON in message.alternatives[0][0]


def test_extend_term_a_second_time_refused(registered_report, clerk):
    report = _extend(_due_on(registered_report, DUE), clerk, days=3)

    with pytest.raises(workflow.WorkflowError):
        _extend(report, clerk, days=3)

    report.refresh_from_db()
    assert report.due_date == date(2030, 11, 25)
    assert report.events.filter(kind=EventKind.EXTENDED).count() == 1


@pytest.mark.parametrize("days", [0, 16, -3])
def test_extend_term_outside_one_to_fifteen_days_refused(
    registered_report, clerk, days
):
    report = _due_on(registered_report, DUE)

    with pytest.raises(workflow.WorkflowError):
        _extend(report, clerk, days=days)

    report.refresh_from_db()
    assert report.due_date == DUE


def test_extend_term_fifteen_days_allowed(registered_report, clerk):
    report = _extend(_due_on(registered_report, DUE), clerk, days=15)

    assert report.due_date == date(2030, 12, 5)


def test_extend_term_without_a_real_reason_refused(registered_report, clerk):
    report = _due_on(registered_report, DUE)
    mail.outbox.clear()

    with pytest.raises(workflow.WorkflowError):
        _extend(report, clerk, reason="  prea mult\n  ")

    assert not report.events.filter(kind=EventKind.EXTENDED).exists()
    assert mail.outbox == []


def test_extend_term_by_the_head_of_the_department(published_report, head):
    report = _extend(_due_on(published_report, DUE), head)

    assert report.due_date == date(2030, 12, 2)
    assert report.status == Status.PUBLISHED


@pytest.mark.parametrize("who", ["green_head", "staff", "citizen"])
def test_extend_term_refused_to_others(request, assigned_report, who):
    report = _due_on(assigned_report, DUE)

    with pytest.raises(workflow.WorkflowError):
        _extend(report, request.getfixturevalue(who))

    report.refresh_from_db()
    assert report.due_date == DUE


def test_extend_term_of_a_resolved_report_refused(resolved_report, clerk):
    report = _due_on(resolved_report, DUE)

    with pytest.raises(workflow.WorkflowError):
        _extend(report, clerk)

    report.refresh_from_db()
    assert report.due_date == DUE


def test_extend_term_after_the_term_passed_refused(registered_report, clerk):
    yesterday = timezone.localdate() - timedelta(days=1)
    report = _due_on(registered_report, yesterday)

    with pytest.raises(workflow.WorkflowError):
        _extend(report, clerk)

    report.refresh_from_db()
    assert report.due_date == yesterday


def test_may_extend_only_until_extended(registered_report, clerk, citizen):
    report = _due_on(registered_report, DUE)
    offered_before = workflow.may_extend(clerk, report)

    _extend(report, clerk)

    assert offered_before is True
    assert workflow.may_extend(clerk, report) is False
    assert workflow.may_extend(citizen, report) is False
