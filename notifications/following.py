"""Citizens who follow a report: they will be told of its updates."""

from django.utils.translation import gettext as _

from accounts.models import User
from notifications.models import Follow
from reports.models import Report


class FollowError(Exception):
    """The report cannot be followed; the message is meant for the user."""


def follow_report(*, user: User, report: Report) -> Follow:
    """Record that the user follows the report; following twice changes nothing.

    Only public reports can be followed: the others say nothing yet that
    a follower could be told.
    """
    if not report.is_public:
        raise FollowError(_("Only published reports can be followed."))

    follow, _created = Follow.objects.get_or_create(user=user, report=report)
    return follow


def is_following(*, user: User, report: Report) -> bool:
    return Follow.objects.filter(user=user, report=report).exists()
