"""The back-office page of registry calls: what the outbox is doing."""

from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from backoffice import access
from backoffice.access import StaffRequest
from backoffice.views import _act, _queue_context, _require_role
from institutions.models import Role
from notifications.models import InboundMailbox
from registratura import by_email, outbox
from registratura.forms import RegistryNumberForm
from registratura.models import RegistryCall

PAGE_SIZE = 50


@access.staff_page
@require_GET
def registry_calls(request: StaffRequest) -> HttpResponse:
    held = _require_role(request, Role.CLERK)

    calls = RegistryCall.objects.filter(institution=request.institution).select_related(
        "report"
    )
    page = Paginator(calls, PAGE_SIZE).get_page(request.GET.get("page"))
    mailbox = InboundMailbox.objects.filter(
        institution=request.institution,
        purpose=InboundMailbox.Purpose.REGISTRY_REPLIES,
    ).first()
    context = _queue_context(
        "backoffice:registry-calls", held, page=page, replies_mailbox=mailbox
    )
    return render(request, "registratura/registry_calls.html", context)


@access.staff_page
@require_POST
def registry_call_retry(request: StaffRequest, pk: int) -> HttpResponse:
    _require_role(request, Role.CLERK)
    call = get_object_or_404(RegistryCall, pk=pk, institution=request.institution)

    if outbox.retry_call(call):
        messages.success(request, _("The call will be sent again."))
    else:
        messages.error(request, _("Only a failed call can be retried."))
    return redirect("backoffice:registry-calls")


@access.staff_page
@require_POST
def report_registry_number(request: StaffRequest, pk: int) -> HttpResponse:
    """The clerk types the number a registry by e-mail gave the report."""
    report = access.report_for_staff(request, pk)
    form = RegistryNumberForm(request.POST)

    def record(data: dict[str, Any]) -> None:
        by_email.record_clerk_number(
            report=report, actor=request.user, number=data["number"]
        )

    done = _("The report is registered with this number.")
    return _act(
        request,
        report,
        name=access.REGISTRY_NUMBER,
        form=form,
        operation=record,
        done=done,
    )
