"""Whether an answer solved the problem, and when its author may say so.

An answer that promises a change on the ground (fixed, partly fixed,
planned) opens a question for the report's author: "Is the problem
solved?". It opens on the day the change is due (the answer's day, or the
planned date when later) and stays open for the institution's reopening
period. "Yes" closes it (workflow.confirm_solved); "no", with the author's
words, reopens the report (workflow.reopen_report). The author is asked by
e-mail some days in (notifications.satisfaction), and on their report's page.

Not asked: an answer transferred to an operator (the operator works on it),
not the institution's competence or refused (nothing was to change on the
ground: contesting those is an appeal under Law 554/2004, not a reopening),
the answer of a joined report (its main report's author is asked), and an
answer still waiting for its outgoing number (it has not reached the author).
"""

from datetime import date, datetime, timedelta

from django.utils import timezone

from reports.legal_clock import LEGAL_TIME_ZONE
from reports.models import Outcome, Report, Resolution, Status

ASKED_OUTCOMES = (Outcome.FIXED, Outcome.PARTLY_FIXED, Outcome.PLANNED)
REASON_MIN_LENGTH = 10


def legal_today(now: datetime | None = None) -> date:
    return timezone.localdate(now or timezone.now(), LEGAL_TIME_ZONE)


def opens_on(resolution: Resolution) -> date:
    """The day the change on the ground is due."""
    issued = legal_today(resolution.issued_at)
    planned = resolution.planned_for
    return max(issued, planned) if planned else issued


def closes_on(report: Report, resolution: Resolution) -> date:
    """The last day the author may answer."""
    return opens_on(resolution) + timedelta(days=report.institution.reopen_days)


def asked_on(report: Report, resolution: Resolution) -> date | None:
    """The day the question is sent by e-mail; None if it is not sent."""
    days = report.institution.satisfaction_days
    return opens_on(resolution) + timedelta(days=days) if days else None


def is_asked(report: Report, resolution: Resolution) -> bool:
    """Whether the question concerns this answer at all, whatever the day."""
    return (
        report.institution.reopen_days > 0
        and resolution.outcome in ASKED_OUTCOMES
        and resolution.report_id == report.pk
        and bool(resolution.outgoing_number)
    )


def is_open(
    report: Report, resolution: Resolution, now: datetime | None = None
) -> bool:
    """Whether the author may answer about this answer now."""
    today = legal_today(now)
    return (
        is_asked(report, resolution)
        and report.status == Status.RESOLVED
        and report.resolution_id == resolution.pk
        and not resolution.satisfaction
        and report.author.deleted_at is None
        and opens_on(resolution) <= today <= closes_on(report, resolution)
    )
