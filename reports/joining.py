"""Joining reports about the same problem into one (OG 27/2002 art. 10).

The joined reports are closed and follow the main one: the main report is
worked and answered, and its answer reaches the author of every report
joined into it (reports.workflow.issue_resolution).
"""

from collections.abc import Sequence

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from accounts.models import User
from institutions import roles
from moderation.text import normalize_text
from notifications.citizens import notify_citizen
from reports import duplicates, workflow
from reports.models import EventKind, Report, Status, Visibility
from reports.workflow import WorkflowError

# The main report is still to be answered; the joined ones are not answered
# yet either, or their own answer would be lost.
MAIN_STATUSES = (Status.REGISTERED, Status.PUBLISHED, Status.ASSIGNED)
JOINABLE_STATUSES = (Status.REGISTERED, Status.PUBLISHED, Status.ASSIGNED)


def may_join(user: roles.AnyUser, report: Report) -> bool:
    return report.status in MAIN_STATUSES and roles.is_clerk(user, report.institution)


def join_candidates(report: Report) -> list[Report]:
    """The possible duplicates of the report that may be joined into it."""
    return [
        candidate.report
        for candidate in duplicates.candidates_for(report)
        if candidate.report.status in JOINABLE_STATUSES
    ]


def join_reports(
    *, main: Report, others: Sequence[Report], actor: User, reason: str = ""
) -> Report:
    """Join the other reports into the main one; their authors are told.

    Reports already joined into one of the others move to the main report,
    so that every author is reached by the one answer.
    """
    _require(
        roles.is_clerk(actor, main.institution),
        _("Only the registry clerks join reports."),
    )
    reason = normalize_text(reason)
    _require(bool(others), _("Choose the reports to join into this one."))
    _require(
        all(other.pk != main.pk for other in others),
        _("A report cannot be joined into itself."),
    )
    _require(
        all(other.institution_id == main.institution_id for other in others),
        _("Only reports of the same institution can be joined."),
    )

    with transaction.atomic():
        # Locked in the order of their keys, so two clerks joining the same
        # reports wait for each other instead of deadlocking.
        locked = _lock_all([main.pk, *(other.pk for other in others)])
        main = locked[main.pk]
        _require(
            main.status in MAIN_STATUSES,
            _("Report %(number)s is closed: it cannot receive other reports.")
            % {"number": _number(main)},
        )
        for other in others:
            _join(locked[other.pk], main, actor, reason)

        workflow.record_event(
            main,
            EventKind.JOINED,
            actor=actor,
            from_status=main.status,
            text=workflow.timeline_text(
                gettext_noop("Joined into this report: %(numbers)s."),
                numbers=", ".join(_number(locked[other.pk]) for other in others),
            ),
            visibility=Visibility.INTERNAL,
        )
    return main


def _lock_all(pks: list[int]) -> dict[int, Report]:
    reports = Report.objects.select_for_update().filter(pk__in=pks).order_by("pk")
    return {report.pk: report for report in reports}


def _join(other: Report, main: Report, actor: User, reason: str) -> None:
    _require(
        other.status in JOINABLE_STATUSES,
        _("Report %(number)s is %(status)s: it cannot be joined.")
        % {"number": _number(other), "status": other.get_status_display().lower()},
    )
    previous = other.status
    other.status = Status.JOINED
    other.joined_into = main
    other.save()
    Report.objects.filter(joined_into=other).update(joined_into=main)

    text = workflow.timeline_text(
        gettext_noop(
            "Joined into report %(number)s, about the same problem: "
            "its answer is the answer to this report too."
        ),
        number=_number(main),
    )
    if reason:
        text = f"{text}\n{reason}"
    workflow.record_event(
        other,
        EventKind.JOINED,
        actor=actor,
        from_status=previous,
        text=text,
        visibility=Visibility.CITIZEN,
    )
    notify_citizen(other, "joined", text=reason)


def _number(report: Report) -> str:
    return report.registry_number or f"#{report.pk}"


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise WorkflowError(message)
