"""Who may open the back office, and which of its pages and forms they get.

The workflow operations decide what a person may do; these helpers only
decide what to show, so that nobody is offered a form bound to fail.
"""

from collections.abc import Callable
from functools import wraps
from typing import TYPE_CHECKING, Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseBase
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from accounts.models import User
from institutions import roles
from institutions.middleware import AuthenticatedRequest, InstitutionRequest
from institutions.models import Institution, Role
from registratura.by_email import may_type_number
from reports.forwarding import may_forward
from reports.joining import may_join
from reports.messages import may_message
from reports.models import Report, Status
from reports.workflow import can_see_staff_view, may_extend

if TYPE_CHECKING:
    from django_stubs_ext import StrPromise

PUBLISH = "publish"
REJECT = "reject"
ASSIGN = "assign"
RESOLVE = "resolve"
NOTE = "note"
FORWARD = "forward"
JOIN = "join"
EXTEND = "extend"
REGISTRY_NUMBER = "registry_number"
MESSAGE = "message"

View = Callable[..., HttpResponseBase]


class StaffRequest(AuthenticatedRequest):
    """A request to a view behind staff_page: a member of the institution."""

    institution: Institution


def staff_page(view: View) -> View:
    """Open the view to members of the current institution only.

    Anonymous visitors are sent to log in; anyone else gets 403. No response
    of the back office may be kept by a shared cache.
    """

    @wraps(view)
    def checked(
        request: InstitutionRequest, *args: Any, **kwargs: Any
    ) -> HttpResponseBase:
        institution = request.institution
        if not institution or not roles.is_staff_of(request.user, institution):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return never_cache(login_required(checked))


def report_for_staff(request: StaffRequest, pk: int) -> Report:
    """The report, if the user may see its staff page: 404 or 403 otherwise."""
    queryset = Report.objects.select_related(
        "institution", "author", "category", "department", "assignee"
    )
    report = get_object_or_404(queryset, pk=pk, institution=request.institution)
    if not can_see_staff_view(request.user, report):
        raise PermissionDenied
    return report


def available_actions(user: User, report: Report) -> set[str]:
    """The forms to offer this user on this report in its current state."""
    actions = {NOTE}
    if report.status == Status.REGISTERED and roles.is_clerk(user, report.institution):
        actions |= {PUBLISH, REJECT}

    is_head = roles.is_head_of(user, report.department)
    if report.status in (Status.PUBLISHED, Status.ASSIGNED) and is_head:
        actions.add(ASSIGN)
    if report.status == Status.ASSIGNED and (is_head or report.assignee_id == user.pk):
        actions.add(RESOLVE)
    if may_forward(user, report):
        actions.add(FORWARD)
    if may_join(user, report):
        actions.add(JOIN)
    if may_extend(user, report):
        actions.add(EXTEND)
    if may_type_number(user, report):
        actions.add(REGISTRY_NUMBER)
    if may_message(user, report):
        actions.add(MESSAGE)
    return actions


QUEUES = (
    ("backoffice:clerk-queue", _("Registry: to check"), {Role.CLERK}),
    ("backoffice:registry-calls", _("Registry calls"), {Role.CLERK}),
    ("backoffice:department-queue", _("Department: to assign"), {Role.HEAD}),
    ("backoffice:my-work", _("My work"), {Role.HEAD, Role.STAFF}),
    ("dashboards:evolution", _("Statistics"), {Role.VIEWER, Role.HEAD, Role.ADMIN}),
)


def visible_queues(held: set[str]) -> list[tuple[str, "StrPromise"]]:
    """The work queues open to the holder of these roles, as (URL name, label)."""
    return [(name, label) for name, label, needed in QUEUES if held & needed]
