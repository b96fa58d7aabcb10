"""Citizens who follow a report, and the updates they are sent.

Following is optional mail: every update carries a one-click unsubscribe
link and the List-Unsubscribe headers (RFC 2369, RFC 8058). The author of
a report is not told here: the mandatory e-mails (notifications.citizens)
tell them every step already.
"""

from django.core import signing
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from accounts.languages import supported_language
from accounts.models import User
from notifications.models import Follow, OutgoingEmail
from notifications.outbox import queue_optional_message
from reports.models import Report

UNSUBSCRIBE_SALT = "notifications.unsubscribe"

# Translators: e-mail subjects; {number} is the registry number.
UPDATE_SUBJECTS = {
    "in_progress": gettext_noop("Report {number} you follow is being worked on"),
    "resolved": gettext_noop("Report {number} you follow has an answer"),
    "reopened": gettext_noop("Report {number} you follow is reopened"),
}


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


def unfollow_report(*, user: User, report: Report) -> bool:
    """Stop the user's updates of the report; False if there were none."""
    deleted, _per_model = Follow.objects.filter(user=user, report=report).delete()
    return bool(deleted)


def unsubscribe_token(follow: Follow) -> str:
    return signing.dumps([follow.user_id, follow.report_id], salt=UNSUBSCRIBE_SALT)


def follow_of_token(token: str) -> tuple[int, int] | None:
    """The (user id, report id) a link was made for, or None if it was forged."""
    try:
        user_id, report_id = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    return int(user_id), int(report_id)


def notify_followers(report: Report, kind: str) -> int:
    """Queue the update of a public step to the report's followers; the count."""
    follows = (
        Follow.objects.filter(report=report)
        .exclude(user=report.author_id)
        .select_related("user")
    )
    for follow in follows:
        _queue_update(report, follow, kind)
    return len(follows)


def _queue_update(report: Report, follow: Follow, kind: str) -> OutgoingEmail:
    institution = report.institution
    unsubscribe = institution.site_url + reverse(
        "notifications:unsubscribe", args=[unsubscribe_token(follow)]
    )
    with translation.override(supported_language(follow.user.language)):
        context = {
            "kind": kind,
            "report": report,
            "institution": institution,
            "follower": follow.user,
            "resolution": report.resolution,
            "link": institution.site_url + reverse("reports:detail", args=[report.pk]),
            "unsubscribe": unsubscribe,
        }
        subject = _(UPDATE_SUBJECTS[kind]).format(number=report.registry_number)
        body = render_to_string("notifications/followed_update.txt", context)
        html = render_to_string("notifications/followed_update.html", context)

    return queue_optional_message(
        institution=institution,
        to=follow.user.email,
        subject=subject,
        body=body,
        html=html,
        unsubscribe=unsubscribe,
        kind=OutgoingEmail.Kind.FOLLOWED_UPDATE,
        report=report,
    )
