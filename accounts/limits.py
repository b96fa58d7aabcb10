"""How much one account may send: the guard against flooding the register.

Every report is a petition the city hall must register and answer within
the legal term, so one person sending hundreds would bury everyone else's.
The limits are rolling windows (the last hour, the last 24 hours) counted on
the reports' ``created_at``, and they apply to every author: staff sending
a report through the citizen's form are citizens for that report, and no
other path creates reports.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.formats import date_format, time_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.models import User
from reports.models import Report

HOUR = timedelta(hours=1)
DAY = timedelta(days=1)


@dataclass(frozen=True)
class _Window:
    length: timedelta
    limit: int

    def reopens_at(self, recent: list[datetime], now: datetime) -> datetime | None:
        """When the next report fits, if the window is full now.

        ``recent`` are the author's latest submissions, newest first. The
        window has room again once the limit-th newest has left it.
        """
        if self.limit <= 0:
            return None
        inside = [moment for moment in recent if moment > now - self.length]
        if len(inside) < self.limit:
            return None
        return inside[self.limit - 1] + self.length


def report_refusal(author: User) -> str | None:
    """Why the author may not send a report now; None when they may.

    Call it inside the submission's transaction: it locks the author's row,
    so that a burst of simultaneous submissions cannot all pass the count.
    """
    author = User.objects.select_for_update().get(pk=author.pk)
    if author.is_suspended:
        return _(
            "Your account is suspended: you cannot send reports. Contact the "
            "city hall if you think this is a mistake."
        )

    hour = _Window(HOUR, settings.REPORTS_PER_HOUR)
    day = _Window(DAY, settings.REPORTS_PER_DAY)
    now = timezone.now()
    recent = _recent_submissions(author, now, max(hour.limit, day.limit))
    hour_reopens = hour.reopens_at(recent, now)
    day_reopens = day.reopens_at(recent, now)

    # When both windows are full, the later reopening is the true one.
    if day_reopens and (hour_reopens is None or day_reopens > hour_reopens):
        return ngettext(
            "You have sent %(count)s report in the last 24 hours, the most "
            "allowed. You can send the next one after %(moment)s.",
            "You have sent %(count)s reports in the last 24 hours, the most "
            "allowed. You can send the next one after %(moment)s.",
            day.limit,
        ) % {"count": day.limit, "moment": _moment(day_reopens, now)}
    if hour_reopens:
        return ngettext(
            "You have sent %(count)s report in the last hour, the most "
            "allowed. You can send the next one after %(moment)s.",
            "You have sent %(count)s reports in the last hour, the most "
            "allowed. You can send the next one after %(moment)s.",
            hour.limit,
        ) % {"count": hour.limit, "moment": _moment(hour_reopens, now)}
    return None


def _recent_submissions(author: User, now: datetime, count: int) -> list[datetime]:
    """The author's latest `count` submissions of the last day, newest first."""
    if count <= 0:
        return []
    return list(
        Report.objects.filter(author=author, created_at__gt=now - DAY)
        .order_by("-created_at")
        .values_list("created_at", flat=True)[:count]
    )


def _moment(when: datetime, now: datetime) -> str:
    """The time to tell the citizen, rounded up to the minute shown.

    Only the time when it is today; with the date when it is another day.
    """
    when = timezone.localtime(when)
    if when.second or when.microsecond:
        when = when.replace(second=0, microsecond=0) + timedelta(minutes=1)
    if when.date() == timezone.localdate(now):
        return time_format(when)
    return date_format(when, "DATETIME_FORMAT")
