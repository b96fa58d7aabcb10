"""The public side: the map, the list, a report's page and its photos."""

import logging
from uuid import UUID

from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from institutions.middleware import InstitutionRequest, require_institution
from notifications import following
from reports import mapdata
from reports.filters import ReportFilterForm, apply_filters, filter_form
from reports.models import Photo, PinState, Report, ReportQuerySet
from reports.photos import can_view_photo

logger = logging.getLogger(__name__)

REPORTS_PER_PAGE = 20
PHOTO_SIZES = {"image", "thumbnail", "share"}


def _filtered(request: InstitutionRequest) -> tuple[ReportFilterForm, ReportQuerySet]:
    form = filter_form(request)
    institution = require_institution(request)
    reports = apply_filters(mapdata.public_reports(institution), form)
    return form, reports


@require_safe
def home(request: InstitutionRequest) -> HttpResponse:
    form = filter_form(request)

    return render(
        request,
        "reports/home.html",
        {"form": form, "query": form.query_string(), "pin_states": PinState.choices},
    )


@require_safe
def map_data(request: InstitutionRequest) -> JsonResponse:
    _form, reports = _filtered(request)

    return JsonResponse(mapdata.map_collection(reports))


@require_safe
def report_list(request: InstitutionRequest) -> HttpResponse:
    form, reports = _filtered(request)
    paginator = Paginator(mapdata.listed_reports(reports), REPORTS_PER_PAGE)
    page = paginator.get_page(request.GET.get("page"))

    return render(
        request,
        "reports/report_list.html",
        {"form": form, "query": form.query_string(), "page": page},
    )


@require_safe
def report_detail(request: InstitutionRequest, pk: int) -> HttpResponse:
    try:
        report = mapdata.public_report(require_institution(request), pk)
    except Report.DoesNotExist:
        raise Http404 from None

    user = request.user
    context = {
        "report": report,
        "is_author": user.is_authenticated
        and Report.objects.filter(pk=report.pk, author=user.pk).exists(),
        "is_following": user.is_authenticated
        and following.is_following(user=user, report=report),
    }
    return render(request, "reports/report_detail.html", context)


@require_safe
def photo(request: HttpRequest, token: UUID, size: str) -> FileResponse:
    if size not in PHOTO_SIZES:
        raise Http404
    photo = get_object_or_404(Photo.objects.select_related("report"), token=token)
    if not can_view_photo(request.user, photo):
        raise Http404

    # ValueError: a photo stored before its size existed has no such file.
    try:
        file = getattr(photo, size).open("rb")
    except (OSError, ValueError):
        logger.warning("Photo %s has no %s file", photo.pk, size)
        raise Http404 from None

    response = FileResponse(file, content_type="image/jpeg")
    response["X-Content-Type-Options"] = "nosniff"
    is_public = photo.is_public and photo.report and photo.report.is_public
    response["Cache-Control"] = (
        "public, max-age=86400" if is_public else "private, no-store"
    )
    return response
