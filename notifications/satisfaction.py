"""The e-mail asking a report's author whether its answer solved the problem.

Sent once per answer by a daily job, on the day reports.satisfaction says,
to authors who have not turned these questions off. It is optional mail:
it carries a one-click unsubscribe link and the List-Unsubscribe headers.
Its two links are signed: the author answers without logging in. Opening a
link changes nothing (mail scanners open links); the page it shows asks
for a click, which sends a POST.
"""

import logging
from datetime import datetime, timedelta

from django.core import signing
from django.db import transaction
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from accounts.languages import supported_language
from accounts.models import User
from notifications.models import OutgoingEmail
from notifications.outbox import queue_optional_message
from reports import satisfaction
from reports.models import Resolution, Status

logger = logging.getLogger(__name__)

QUESTION_SALT = "reports.satisfaction.question"
UNSUBSCRIBE_SALT = "notifications.satisfaction.unsubscribe"
# No answer is asked about later than this after its issue or planned date:
# the institution's settings allow at most 60 days before asking and a
# reopening period of at most 90.
LOOK_BACK = timedelta(days=150)

# Translators: e-mail subject; {number} is the registry number.
SUBJECT = gettext_noop("Is the problem of your report {number} solved?")


def question_token(resolution: Resolution) -> str:
    return signing.dumps(
        [resolution.pk, resolution.report.author_id], salt=QUESTION_SALT
    )


def resolution_of_token(token: str) -> Resolution | None:
    """The answer a question link was made for, or None if it was forged."""
    try:
        resolution_id, author_id = signing.loads(token, salt=QUESTION_SALT)
        resolution_id, author_id = int(resolution_id), int(author_id)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    return (
        Resolution.objects.filter(pk=resolution_id, report__author_id=author_id)
        .select_related(
            "report__institution",
            "report__author",
            "report__category",
            "report__department",
        )
        .first()
    )


def unsubscribe_token(user: User) -> str:
    return signing.dumps(user.pk, salt=UNSUBSCRIBE_SALT)


def user_of_unsubscribe_token(token: str) -> User | None:
    try:
        user_id = int(signing.loads(token, salt=UNSUBSCRIBE_SALT))
    except (signing.BadSignature, ValueError, TypeError):
        return None
    return User.objects.filter(pk=user_id, deleted_at__isnull=True).first()


def question_links(resolution: Resolution) -> tuple[str, str]:
    """The "solved" and "not solved" links of an answer's question."""
    token = question_token(resolution)
    return (
        reverse("reports:satisfaction-solved", args=[token]),
        reverse("reports:satisfaction-not-solved", args=[token]),
    )


def ask_due(now: datetime | None = None) -> int:
    """Queue the question of every answer due to be asked by now; the count.

    Once per answer: the answer is marked as asked in the transaction that
    queues its e-mail, under a row lock, so a second run sends nothing.
    """
    now = now or timezone.now()
    today = satisfaction.legal_today(now)
    candidates = Resolution.objects.filter(
        Q(issued_at__gte=now - LOOK_BACK) | Q(planned_for__gte=today - LOOK_BACK),
        satisfaction_asked_at__isnull=True,
        satisfaction="",
        outcome__in=satisfaction.ASKED_OUTCOMES,
        report__status=Status.RESOLVED,
        report__resolution=F("pk"),
        report__institution__satisfaction_days__gt=0,
        report__author__satisfaction_emails=True,
        report__author__deleted_at__isnull=True,
    ).exclude(outgoing_number="")

    asked = 0
    for resolution_id in candidates.values_list("pk", flat=True):
        with transaction.atomic():
            resolution = (
                Resolution.objects.select_for_update(of=("self",))
                .select_related("report__institution", "report__author")
                .get(pk=resolution_id)
            )
            report = resolution.report
            due_on = satisfaction.asked_on(report, resolution)
            if resolution.satisfaction_asked_at is not None or due_on is None:
                continue
            if due_on > today or not satisfaction.is_open(report, resolution, now):
                continue
            _queue_question(resolution)
            resolution.satisfaction_asked_at = now
            resolution.save(update_fields=["satisfaction_asked_at"])
            asked += 1
    logger.info("Satisfaction questions queued: %s", asked)
    return asked


def _queue_question(resolution: Resolution) -> OutgoingEmail:
    report = resolution.report
    institution = report.institution
    author = report.author
    solved, not_solved = question_links(resolution)
    site = institution.site_url
    unsubscribe = site + reverse(
        "notifications:satisfaction-unsubscribe", args=[unsubscribe_token(author)]
    )
    with translation.override(supported_language(author.language)):
        context = {
            "report": report,
            "resolution": resolution,
            "institution": institution,
            "citizen": author,
            "solved": site + solved,
            "not_solved": site + not_solved,
            "closes_on": satisfaction.closes_on(report, resolution),
            "link": site + reverse("reports:mine-detail", args=[report.pk]),
            "unsubscribe": unsubscribe,
        }
        subject = _(SUBJECT).format(number=report.registry_number or report.pk)
        body = render_to_string("notifications/satisfaction.txt", context)
        html = render_to_string("notifications/satisfaction.html", context)

    return queue_optional_message(
        institution=institution,
        to=author.email,
        subject=subject,
        body=body,
        html=html,
        unsubscribe=unsubscribe,
        kind=OutgoingEmail.Kind.SATISFACTION,
        report=report,
    )
