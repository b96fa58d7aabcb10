"""The work queues of the back office, as querysets.

Every queue puts overdue reports first, then the earliest due: ordering by
the due date does both, since an overdue report's date is in the past.
"""

from datetime import date

from django.db.models import F, QuerySet
from django.utils import timezone

from accounts.models import User
from institutions import roles
from institutions.models import Institution
from reports.models import Report, Status

# From this many days before the legal deadline a report is flagged.
DUE_SOON_DAYS = 5


def _queue(queryset: QuerySet[Report]) -> QuerySet[Report]:
    # The author for the "author suspended" mark of each row.
    queryset = queryset.select_related("category", "department", "assignee", "author")
    return queryset.order_by(F("due_date").asc(nulls_last=True), "registered_at", "pk")


def to_check(institution: Institution) -> QuerySet[Report]:
    """The registered reports the registry clerks must publish or reject."""
    return _queue(
        Report.objects.filter(institution=institution, status=Status.REGISTERED)
    )


def _headed(user: User, institution: Institution, status: str) -> QuerySet[Report]:
    departments = roles.headed_departments(user, institution)
    return _queue(
        Report.objects.filter(
            institution=institution, department__in=departments, status=status
        )
    )


def to_assign(user: User, institution: Institution) -> QuerySet[Report]:
    """Published reports of the departments the user heads."""
    return _headed(user, institution, Status.PUBLISHED)


def in_progress(user: User, institution: Institution) -> QuerySet[Report]:
    """Assigned reports of the departments the user heads."""
    return _headed(user, institution, Status.ASSIGNED)


def my_work(user: User, institution: Institution) -> QuerySet[Report]:
    return _queue(
        Report.objects.filter(
            institution=institution, assignee=user, status=Status.ASSIGNED
        )
    )


def days_left(report: Report, today: date | None = None) -> int | None:
    """Days until the answer is due; negative when overdue, None when closed."""
    if not report.is_open or report.due_date is None:
        return None
    return (report.due_date - (today or timezone.localdate())).days
