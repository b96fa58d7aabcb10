"""The public side: the map, the list, a report's page and its photos."""

import logging
from urllib.parse import urlencode
from uuid import UUID

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from institutions.middleware import InstitutionRequest, require_institution
from notifications import following
from reports import mapdata
from reports.filters import ReportFilterForm, apply_filters, filter_form
from reports.models import Photo, PinState, Report, ReportQuerySet
from reports.photos import can_view_photo
from sesizari.public_cache import query_key

logger = logging.getLogger(__name__)

REPORTS_PER_PAGE = 20
PHOTO_SIZES = {"image", "thumbnail", "share"}


class CountedPaginator(Paginator):
    """A paginator that takes the count when it is known already."""

    known_count: int | None = None

    @cached_property
    def count(self) -> int:
        if self.known_count is not None:
            return self.known_count
        return super().count


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
        {
            "form": form,
            "query": form.query_string(),
            "pin_states": PinState.choices,
            "pin_labels": {value: str(label) for value, label in PinState.choices},
        },
    )


@require_safe
def map_data(request: InstitutionRequest) -> JsonResponse:
    form, reports = _filtered(request)
    viewport = mapdata.Viewport.from_query(request.GET)

    # A link to one report (/#report-12) asks where that report is first.
    report = request.GET.get("report", "")
    if report.isdigit():
        return JsonResponse(mapdata.one_report(reports, int(report)))

    institution = require_institution(request)
    # Per language: the lone reports among clusters carry translated texts.
    language = get_language()
    key = query_key(f"map-data:{institution.pk}:{language}", request.GET)
    data = cache.get(key) if settings.MAP_CACHE_SECONDS else None
    if data is None:
        data = mapdata.map_data(
            reports, viewport, institution=institution, filters=form.valid_values()
        )
        # Only clusters are kept: a report one zooms in to is always fresh.
        if data["mode"] == "clusters" and settings.MAP_CACHE_SECONDS:
            cache.set(key, data, settings.MAP_CACHE_SECONDS)
    return JsonResponse(data)


@require_safe
def report_list(request: InstitutionRequest) -> HttpResponse:
    form, reports = _filtered(request)
    viewport = mapdata.Viewport.from_query(request.GET)
    reports = mapdata.in_viewport(reports, viewport)
    paginator = CountedPaginator(mapdata.listed_reports(reports), REPORTS_PER_PAGE)
    # Counting a million rows takes longer than the page: the map's kept
    # counts answer when no other filter is used.
    if viewport.is_whole:
        institution = require_institution(request)
        paginator.known_count = mapdata.summary_count(institution, form.valid_values())
    page = paginator.get_page(request.GET.get("page"))

    # A list opened from a cluster of the map keeps the cluster's area.
    query = form.query_string()
    if not viewport.is_whole:
        area = urlencode({"bbox": viewport.query_value})
        query = f"{query}&{area}" if query else area
    return render(
        request,
        "reports/report_list.html",
        {
            "form": form,
            "query": query,
            "filters_query": form.query_string(),
            "page": page,
            "in_area": not viewport.is_whole,
        },
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


def _pk(request: InstitutionRequest) -> int | None:
    return request.institution.pk if request.institution else None


@require_safe
def photo(request: InstitutionRequest, token: UUID, size: str) -> FileResponse:
    if size not in PHOTO_SIZES:
        raise Http404
    photo = get_object_or_404(Photo.objects.select_related("report"), token=token)
    # A draft's photo has no report yet: only its uploader sees it.
    elsewhere = photo.report and photo.report.institution_id != _pk(request)
    if elsewhere or not can_view_photo(request.user, photo):
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
