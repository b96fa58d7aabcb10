"""An answer's author says whether it solved the problem; a no reopens the report."""

from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.utils import timezone

from notifications.following import follow_report
from reports import satisfaction, workflow
from reports.joining import join_reports
from reports.legal_clock import due_date_for
from reports.models import (
    EventKind,
    MapCell,
    Outcome,
    PinState,
    Report,
    Resolution,
    Satisfaction,
    Status,
    Visibility,
)
from tests.flow import SUMMARY

pytestmark = pytest.mark.django_db

WORDS = "Groapa a fost doar acoperită cu pietriș, apa băltește din nou."


def _reopen(report, author=None, text=WORDS) -> Report:
    return workflow.reopen_report(
        report=report,
        resolution=report.resolution,
        author=author or report.author,
        text=text,
    )


def _age(report, days):
    """Move the report's answer ``days`` into the past."""
    Resolution.objects.filter(pk=report.resolution_id).update(
        issued_at=timezone.now() - timedelta(days=days)
    )
    return Report.objects.get(pk=report.pk)


def test_reopened_report_goes_back_to_whoever_answered_it_with_a_new_term(
    resolved_report, staff
):
    first = resolved_report.resolution

    report = _reopen(resolved_report)

    assert report.status == Status.ASSIGNED
    assert (report.department, report.assignee) == (
        resolved_report.department,
        staff,
    )
    assert report.is_reopened
    assert report.resolved_at is None
    assert report.due_date == due_date_for(report.institution, report.reopened_at)
    assert report.resolution == first
    first.refresh_from_db()
    assert first.satisfaction == Satisfaction.NOT_SOLVED


def test_reopening_shows_the_public_no_words_and_staff_the_words(resolved_report):
    report = _reopen(resolved_report)

    reopened, words = report.events.order_by("pk").reverse()[:2][::-1]
    assert (reopened.kind, reopened.visibility) == (
        EventKind.REOPENED,
        Visibility.PUBLIC,
    )
    assert WORDS not in reopened.text
    assert report.department.name in reopened.text
    assert (words.kind, words.visibility, words.text) == (
        EventKind.REPLY,
        Visibility.CITIZEN,
        WORDS,
    )
    page = Client().get(f"/sesizari/{report.pk}/")
    assert page.status_code == 200
    assert "Redeschisă" in page.text
    assert WORDS not in page.text


def test_second_answer_is_the_current_one_and_the_first_is_kept(flow, resolved_report):
    first = resolved_report.resolution
    report = _reopen(resolved_report)

    report = flow.resolve(report, Outcome.PARTLY_FIXED)

    assert report.status == Status.RESOLVED
    assert list(report.resolutions.values_list("outcome", flat=True)) == [
        Outcome.FIXED,
        Outcome.PARTLY_FIXED,
    ]
    assert report.resolution != first
    assert report.resolution.outcome == Outcome.PARTLY_FIXED
    assert report.resolution.outgoing_number
    assert report.resolved_at == report.resolution.issued_at
    assert not report.is_reopened


def test_reopened_term_may_be_extended_once_more(flow, assigned_report, head):
    workflow.extend_term(
        report=assigned_report,
        actor=head,
        days=5,
        reason="Lucrarea cere o autorizație.",
    )
    report = _reopen(flow.resolve(assigned_report))

    assert workflow.may_extend(head, report)
    workflow.extend_term(
        report=report, actor=head, days=10, reason="Lucrarea cere o autorizație."
    )
    report.refresh_from_db()

    assert not workflow.may_extend(head, report)


def test_yes_closes_the_question_and_stays_resolved(resolved_report, citizen):
    report = workflow.confirm_solved(
        report=resolved_report, resolution=resolved_report.resolution, author=citizen
    )

    answer = Resolution.objects.get(pk=report.resolution_id)
    assert answer.satisfaction == Satisfaction.SOLVED
    assert answer.satisfaction_answered_at is not None
    assert report.status == Status.RESOLVED
    assert report.events.last().kind == EventKind.SATISFIED
    with pytest.raises(workflow.WorkflowError, match="deja"):
        _reopen(report)


def test_report_is_reopened_once_per_answer(resolved_report):
    _reopen(resolved_report)
    again = Report.objects.get(pk=resolved_report.pk)

    # It is assigned again: nothing to reopen until the next answer.
    with pytest.raises(workflow.WorkflowError):
        _reopen(again)


def test_only_the_author_answers(resolved_report, other_citizen):
    with pytest.raises(workflow.WorkflowError, match="Doar autorul"):
        _reopen(resolved_report, author=other_citizen)


def test_words_are_required(resolved_report):
    with pytest.raises(workflow.WorkflowError, match="cel puțin"):
        _reopen(resolved_report, text="nu")

    assert Report.objects.get(pk=resolved_report.pk).status == Status.RESOLVED


def test_reopening_window_closes_after_the_institutions_days(resolved_report):
    days = resolved_report.institution.reopen_days

    still_open = _age(resolved_report, days)
    assert satisfaction.is_open(still_open, still_open.resolution)
    closed = _age(resolved_report, days + 1)

    assert not satisfaction.is_open(closed, closed.resolution)
    with pytest.raises(workflow.WorkflowError, match="a trecut"):
        _reopen(closed)


def test_institution_without_reopening_never_asks(resolved_report, institution):
    institution.reopen_days = 0
    institution.save()

    report = Report.objects.get(pk=resolved_report.pk)

    assert not satisfaction.is_open(report, report.resolution)


@pytest.mark.parametrize(
    "outcome", [Outcome.REFUSED, Outcome.NOT_COMPETENT, Outcome.TRANSFERRED]
)
def test_answers_that_change_nothing_on_the_ground_are_not_asked(
    flow, assigned_report, outcome
):
    report = flow.resolve(assigned_report, outcome)

    assert not satisfaction.is_open(report, report.resolution)
    with pytest.raises(workflow.WorkflowError):
        _reopen(report)


def test_planned_work_is_asked_about_from_its_date(flow, assigned_report):
    planned = timezone.localdate() + timedelta(days=20)
    report = flow.resolve(assigned_report, Outcome.PLANNED, planned_for=planned)

    assert satisfaction.opens_on(report.resolution) == planned
    assert not satisfaction.is_open(report, report.resolution)
    assert satisfaction.closes_on(report, report.resolution) == planned + timedelta(
        days=30
    )


def test_author_and_followers_are_told_of_the_reopening(
    resolved_report, other_citizen, citizen
):
    follow_report(user=other_citizen, report=resolved_report)
    mail.outbox.clear()

    report = _reopen(resolved_report)

    to_author, to_follower = mail.outbox
    assert to_author.to == [citizen.email]
    assert report.registry_number in to_author.subject
    assert "redeschisă" in to_author.subject
    assert WORDS in to_author.body
    assert WORDS in to_author.alternatives[0][0]
    assert to_follower.to == [other_citizen.email]
    assert "List-Unsubscribe" in to_follower.extra_headers
    assert report.department.name in to_follower.body
    # The author's words and identity stay between the author and the staff.
    for part in (to_follower.body, to_follower.alternatives[0][0]):
        assert WORDS not in part
        assert citizen.full_name not in part


def test_authors_of_joined_reports_are_told_without_the_author_s_words(
    flow, clerk, citizen, other_citizen
):
    main = flow.published()
    joined = flow.published(author=other_citizen)
    join_reports(main=main, others=[joined], actor=clerk)
    main = flow.resolve(flow.assign(main))
    mail.outbox.clear()

    _reopen(main)

    to_author, to_joined = mail.outbox
    assert to_author.to == [citizen.email]
    assert to_joined.to == [other_citizen.email]
    assert joined.registry_number in to_joined.subject
    assert main.registry_number in to_joined.body
    assert main.department.name in to_joined.body
    assert to_joined.attachments == []
    for part in (to_joined.body, to_joined.alternatives[0][0]):
        assert WORDS not in part
        assert citizen.full_name not in part


def test_reopened_report_is_open_in_open311_and_in_progress_on_the_map(
    resolved_report,
):
    report = _reopen(resolved_report)

    data = Client().get(f"/open311/v2/requests/{report.pk}.json").json()

    assert data[0]["status"] == "open"
    assert report.pin_state == PinState.IN_PROGRESS
    assert Report.objects.with_pin_state(PinState.RESOLVED).count() == 0


def test_map_cells_follow_the_reopening_and_the_new_answer(flow, resolved_report):
    if connection.vendor != "postgresql":
        pytest.skip("the map's cells are kept on PostgreSQL only")

    def states():
        cells = MapCell.objects.filter(level=17, count__gt=0)
        return sorted(cells.values_list("state", "count"))

    assert states() == [(PinState.RESOLVED, 1)]
    report = _reopen(resolved_report)
    assert states() == [(PinState.IN_PROGRESS, 1)]
    flow.resolve(report, Outcome.REFUSED)
    assert states() == [(PinState.CLOSED, 1)]
    with connection.cursor() as cursor:
        cursor.execute("SELECT reports_mapcell_rebuild()")
    assert states() == [(PinState.CLOSED, 1)]


def test_public_outcome_filter_leaves_out_a_reopened_report(resolved_report):
    _reopen(resolved_report)

    page = Client().get("/sesizari/", {"outcome": Outcome.FIXED})

    assert page.status_code == 200
    assert SUMMARY not in page.text
    assert list(page.context["page"].object_list) == []
