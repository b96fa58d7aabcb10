"""The daily e-mail to each department head: the department's reports that
are overdue or due within a few days.

Run once a day by the `send_due_digests` command (from cron) or the task of
the same name. A head gets at most one digest a day, and none when nothing
is due.
"""

import logging
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django_tasks import task

from accounts.models import User
from backoffice.queues import DUE_SOON_DAYS
from institutions.models import Department, Institution, Membership, Role
from notifications.models import OutgoingEmail
from notifications.outbox import queue_message
from reports.legal_clock import LEGAL_TIME_ZONE
from reports.models import OPEN_STATUSES, Report

logger = logging.getLogger(__name__)


@dataclass
class DepartmentDigest:
    department: Department
    overdue: list[Report] = field(default_factory=list)
    due_soon: list[Report] = field(default_factory=list)


@dataclass
class Digest:
    """What one head of one institution is told today."""

    institution: Institution
    head: User
    departments: list[DepartmentDigest]


def due_reports(departments: list[Department], today: date) -> list[Report]:
    """Open reports of the departments, overdue or due within DUE_SOON_DAYS."""
    return list(
        Report.objects.filter(
            department__in=departments,
            status__in=OPEN_STATUSES,
            due_date__lte=today + timedelta(days=DUE_SOON_DAYS),
        )
        .select_related("category")
        .order_by("due_date", "registered_at", "pk")
    )


def digests_for(today: date) -> list[Digest]:
    """Every head's digest for the day; heads with nothing due are left out."""
    heads = Membership.objects.filter(
        role=Role.HEAD, user__is_active=True, department__is_active=True
    ).select_related("user", "institution", "department")
    departments_of: dict[tuple[Institution, User], list[Department]] = defaultdict(list)
    for membership in heads.order_by("institution_id", "user_id", "department__name"):
        assert membership.department is not None  # heads belong to a department
        departments_of[membership.institution, membership.user].append(
            membership.department
        )

    all_departments = {d for ds in departments_of.values() for d in ds}
    reports_of: dict[int, DepartmentDigest] = {
        department.pk: DepartmentDigest(department) for department in all_departments
    }
    for report in due_reports(list(all_departments), today):
        assert report.department_id is not None and report.due_date is not None
        part = reports_of[report.department_id]
        (part.overdue if report.due_date < today else part.due_soon).append(report)

    digests = []
    for (institution, head), departments in departments_of.items():
        parts = [reports_of[d.pk] for d in departments]
        parts = [part for part in parts if part.overdue or part.due_soon]
        if parts:
            digests.append(Digest(institution, head, parts))
    return digests


def _message(digest: Digest, today: date) -> EmailMultiAlternatives:
    institution = digest.institution
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "institution": institution,
            "head": digest.head,
            "departments": digest.departments,
            "due_soon_days": DUE_SOON_DAYS,
            "site_url": institution.site_url,
            "queue_link": institution.site_url + reverse("backoffice:department-queue"),
        }
        subject = _("Reports overdue or due soon, %(date)s") % {
            "date": date_format(today, "j F Y")
        }
        body = render_to_string("backoffice/email/due_digest.txt", context)
        html = render_to_string("backoffice/email/due_digest.html", context)

    message = EmailMultiAlternatives(
        subject=f"{institution.name}: {subject}",
        body=body,
        from_email=institution.email_sender or settings.DEFAULT_FROM_EMAIL,
        to=[digest.head.email],
    )
    message.attach_alternative(html, "text/html")
    return message


def _queued_today(message: EmailMultiAlternatives, today: date) -> bool:
    # The subject names the institution and the day: a second run the same
    # day (cron retried, the task enqueued twice) sends nothing again.
    start = timezone.make_aware(datetime.combine(today, time.min), LEGAL_TIME_ZONE)
    return OutgoingEmail.objects.filter(
        kind=OutgoingEmail.Kind.DIGEST,
        to=list(message.to),
        subject=message.subject,
        created_at__gte=start,
    ).exists()


def queue_due_digests(*, today: date | None = None) -> int:
    """Queue today's digest for every head who has something due; the count."""
    today = today or timezone.localdate(timezone=LEGAL_TIME_ZONE)

    queued = 0
    for digest in digests_for(today):
        message = _message(digest, today)
        if _queued_today(message, today):
            continue
        queue_message(message, kind=OutgoingEmail.Kind.DIGEST)
        queued += 1
    logger.info("Queued %s due-date digests for %s", queued, today.isoformat())
    return queued


@task()
def send_due_digests() -> int:
    return queue_due_digests()
