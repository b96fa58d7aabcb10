"""The clerk's mask actions, served under the back office's URLs."""

from django.contrib import messages
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from backoffice import access
from backoffice.access import StaffRequest
from moderation.forms import MaskForm
from moderation.masking import mask_public_text
from reports.workflow import WorkflowError


@access.staff_page
@require_POST
def report_mask(request: StaffRequest, pk: int) -> HttpResponse:
    report = access.report_for_staff(request, pk)
    form = MaskForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest()

    try:
        mask_public_text(report=report, actor=request.user, **form.cleaned_data)
    except WorkflowError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Hidden in the public text."))
    return redirect("backoffice:report", pk=report.pk)
