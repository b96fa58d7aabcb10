"""The citizen's side: sending a report and following one's own reports."""

from allauth.account.utils import has_verified_email
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from institutions import roles
from institutions.middleware import (
    AuthenticatedRequest,
    InstitutionRequest,
    require_institution,
)
from institutions.models import Institution
from moderation.findings import preview_for
from notifications.satisfaction import question_links
from reports import (
    answers,
    drafts,
    duplicates,
    geocoding,
    photos,
    satisfaction,
    workflow,
)
from reports import messages as messages_ops
from reports.forms import ReplyForm, ReportForm
from reports.models import Report, Resolution, Visibility

MY_REPORTS_PER_PAGE = 20


@login_required
def report_new(request: AuthenticatedRequest) -> HttpResponse:
    institution = require_institution(request)
    if request.method != "POST":
        form = ReportForm(institution=institution)
        return _render_form(request, form, drafts.DraftPhotos())

    data = photos.with_photo_place(request.POST)
    form = ReportForm(data, institution=institution)
    draft = drafts.update_draft_photos(
        user=request.user,
        kept=request.POST.getlist("photo"),
        removed=request.POST.getlist("remove_photo"),
        uploads=request.FILES.getlist("photos"),
    )
    action = data.get("action")
    if action == "edit" or not form.is_valid() or draft.errors:
        return _render_form(request, form, draft)
    if action != "send":
        return _render_preview(request, form, draft)

    try:
        report = workflow.submit_report(
            author=request.user,
            institution=institution,
            category=form.cleaned_data["category"],
            location=form.cleaned_data["location"],
            description=form.cleaned_data["description"],
            address=form.cleaned_data["address"],
            photos=draft.photos,
            answers=form.cleaned_data["answers"],
        )
    except workflow.WorkflowError as error:
        form.add_error(None, str(error))
        return _render_form(request, form, draft)

    messages.success(request, submitted_message(report))
    return redirect("reports:mine-detail", pk=report.pk)


def submitted_message(report: Report) -> str:
    """What the citizen is told once the report is sent.

    An institution whose own registry numbers the reports gives the number
    later, by e-mail: until then the report has no number or due date.
    """
    if report.due_date is None:
        return _(
            "Your report was received. The registry will give it a number, "
            "and the answer's due date, shortly: you will get them by e-mail."
        )
    return _(
        "Your report was registered with number %(number)s. "
        "The answer is due by %(date)s."
    ) % {"number": report.registry_number, "date": date_format(report.due_date)}


def _render_form(
    request: AuthenticatedRequest, form: ReportForm, draft: drafts.DraftPhotos
) -> HttpResponse:
    return render(
        request,
        "reports/report_form.html",
        {
            "form": form,
            "draft": draft,
            "carried": form.carried_location(),
            "pin": form.pin(),
            "boundary_geojson": _boundary_geojson(form.institution),
            "email_verified": has_verified_email(request.user),
            "max_photos": settings.REPORT_MAX_PHOTOS,
            "photo_place": photos.place_suggestion(photos=draft.photos, form=form),
            "min_length": workflow.DESCRIPTION_MIN_LENGTH,
            "max_length": workflow.DESCRIPTION_MAX_LENGTH,
            "text_max_length": answers.TEXT_MAX_LENGTH,
        },
    )


def _render_preview(
    request: AuthenticatedRequest, form: ReportForm, draft: drafts.DraftPhotos
) -> HttpResponse:
    return render(
        request,
        "reports/report_preview.html",
        {
            "form": form,
            "data": form.cleaned_data,
            "nearby": duplicates.nearby_for_draft(form.institution, form.cleaned_data),
            "draft": draft,
            "carried": form.carried_location(),
            "pin": form.pin(),
            "boundary_geojson": _boundary_geojson(form.institution),
            "preview": preview_for(form.cleaned_data["description"], form.institution),
        },
    )


def _boundary_geojson(institution: Institution) -> str:
    # Drawn on the map as an outline: where tiles do not load, it is the
    # only landmark. About ten metres of detail are plenty for that.
    if institution.boundary is None:
        return ""
    return institution.boundary.simplify(0.0001, preserve_topology=True).geojson


@require_GET
def geocode(request: InstitutionRequest) -> JsonResponse:
    """Places for the typed address, each with the address to write once chosen."""
    query = request.GET.get("q", "")
    places = geocoding.search_places(
        institution=require_institution(request), query=query
    )
    return JsonResponse(
        [
            {
                "label": place.label,
                "lat": place.lat,
                "lon": place.lon,
                "address": geocoding.address_to_keep(place=place, typed=query),
            }
            for place in places
        ],
        safe=False,
    )


@login_required
def my_reports(request: AuthenticatedRequest) -> HttpResponse:
    reports = (
        Report.objects.filter(
            author=request.user, institution=require_institution(request)
        )
        .select_related("category")
        .order_by("-created_at", "-pk")
    )
    page = Paginator(reports, MY_REPORTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "reports/my_reports.html", {"page": page})


@login_required
def my_report(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    report = get_object_or_404(
        Report.objects.select_related(
            "category", "resolution", "joined_into", "forwarded_to_report"
        ),
        pk=pk,
        author=request.user,
        institution=require_institution(request),
    )
    return _render_my_report(request, report, ReplyForm())


@login_required
@require_POST
def my_report_reply(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    report = get_object_or_404(
        Report.objects.select_related("category", "resolution"),
        pk=pk,
        author=request.user,
        institution=require_institution(request),
    )
    form = ReplyForm(request.POST)

    if form.is_valid():
        try:
            messages_ops.record_reply(
                report=report, author=request.user, text=form.cleaned_data["text"]
            )
        except workflow.WorkflowError as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, _("Your message is on the report's timeline."))
            return redirect("reports:mine-detail", pk=report.pk)
    return _render_my_report(request, report, form, status=400)


def _render_my_report(
    request: AuthenticatedRequest, report: Report, form: ReplyForm, status: int = 200
) -> HttpResponse:
    # A joined report's answer is that of the report it was joined into.
    answered = report.joined_into or report
    events = report.events.filter(
        visibility__in=[Visibility.PUBLIC, Visibility.CITIZEN]
    )
    resolution = answered.resolution
    return render(
        request,
        "reports/my_report.html",
        {
            "report": report,
            "photos": report.photos.all(),
            "events": events,
            "resolution": resolution,
            "question": _satisfaction_question(report, resolution),
            "reply_form": form
            if messages_ops.may_reply(request.user, report)
            else None,
        },
        status=status,
    )


def _satisfaction_question(
    report: Report, resolution: Resolution | None
) -> dict[str, object] | None:
    """The links of "Is the problem solved?", while the author may answer."""
    if resolution is None or not satisfaction.is_open(report, resolution):
        return None
    solved, not_solved = question_links(resolution)
    return {
        "solved": solved,
        "not_solved": not_solved,
        "closes_on": satisfaction.closes_on(report, resolution),
    }


@login_required
def resolution_document(request: AuthenticatedRequest, pk: int) -> FileResponse:
    report = get_object_or_404(
        Report.objects.select_related("resolution"),
        pk=pk,
        institution=require_institution(request),
    )
    resolution = (report.joined_into or report).resolution
    allowed = report.author_id == request.user.pk or roles.is_staff_of(
        request.user, report.institution
    )
    if resolution is None or not resolution.document or not allowed:
        raise Http404

    return FileResponse(
        resolution.document.open("rb"),
        as_attachment=True,
        filename=f"raspuns-{report.pk}.pdf",
        content_type="application/pdf",
    )
