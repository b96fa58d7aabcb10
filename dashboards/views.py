"""The dashboards of the back office, their exports, and the public figures.

Each dashboard reads its filters from the URL, brings the facts up to
date, computes its figures and renders them: charts with their tables,
and links to the same tables as CSV and Excel.
"""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBase,
    JsonResponse,
    QueryDict,
)
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.decorators.http import (
    require_GET,
    require_http_methods,
    require_safe,
)

from backoffice import access
from backoffice.access import StaffRequest
from dashboards import busy, charts, exports, facts, jobs, places, public, work
from dashboards.evolution import BREAKDOWNS, bucket_label, evolution
from dashboards.filters import FilterForm, Filters
from dashboards.models import ExportJob
from dashboards.sql import is_supported
from dashboards.tables import Table
from institutions import roles
from institutions.middleware import InstitutionRequest, require_institution
from institutions.models import Role

READERS = {Role.VIEWER, Role.HEAD, Role.ADMIN}
SECTIONS = ("evolution", "where", "when", "work")


def dashboard_page(view: Callable[..., HttpResponseBase]) -> Callable[..., Any]:
    """Open the view to the institution's viewers, heads and administrators."""

    @wraps(view)
    def checked(request: StaffRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not roles.roles_of(request.user, request.institution) & READERS:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return access.staff_page(checked)


def _filters(request: StaffRequest) -> tuple[FilterForm, Filters]:
    """The filters asked for, and the form showing them, defaults included."""
    form = FilterForm(request.GET, institution=request.institution)
    headed = roles.headed_departments(request.user, request.institution).first()
    filters = form.filters(default_department=headed)
    if form.errors:
        return form, filters

    shown = request.GET.copy()
    shown.setdefault("start", filters.start.isoformat())
    shown.setdefault("end", filters.end.isoformat())
    shown.setdefault("granularity", filters.granularity)
    if filters.department is not None:
        shown.setdefault("department", str(filters.department.pk))
    return FilterForm(shown, institution=request.institution), filters


def _context(
    request: StaffRequest, section: str, form: FilterForm, **extra: object
) -> dict[str, object]:
    # The links and the long export carry the filters as shown, defaults
    # included: a head's export holds the department the page showed.
    query = form.data.urlencode() if isinstance(form.data, QueryDict) else ""
    return {
        "section": section,
        "form": form,
        "query": query,
        "queues": access.visible_queues(
            roles.roles_of(request.user, request.institution)
        ),
        "current_queue": "dashboards:evolution",
        "supported": True,
        **extra,
    }


def _unsupported(request: StaffRequest, section: str) -> HttpResponse:
    form = FilterForm(request.GET, institution=request.institution)
    context = _context(request, section, form, supported=False)
    return render(request, "dashboards/unsupported.html", context)


def _evolution_tables(filters: Filters, by: str) -> tuple[Any, list[Table]]:
    figures = evolution(filters, by)
    return figures, [figures.table, figures.breakdown]


def _where_tables(filters: Filters, size: int) -> tuple[Any, list[Table]]:
    figures = places.places(filters, size)
    return figures, [figures.zone_table, figures.hexagon_table, figures.recurring]


def _when_tables(filters: Filters) -> tuple[Any, list[Table]]:
    figures = busy.busy(filters)
    return figures, [figures.week_hours.table, figures.busiest_weeks]


def _work_tables(filters: Filters) -> tuple[Any, list[Table]]:
    figures = work.work(filters)
    return figures, [
        figures.backlog,
        figures.outcomes,
        figures.satisfaction,
        figures.within_term,
        figures.within_term_by_department,
        figures.durations_by_department,
        figures.durations_by_category,
    ]


def _by(request: HttpRequest) -> str:
    by = request.GET.get("by", "category")
    return by if by in BREAKDOWNS else "category"


def _hexagon_size(request: HttpRequest) -> int:
    try:
        size = int(request.GET.get("hex", places.DEFAULT_HEXAGON_SIZE))
    except ValueError:
        return places.DEFAULT_HEXAGON_SIZE
    return size if size in places.HEXAGON_SIZES else places.DEFAULT_HEXAGON_SIZE


def section_tables(
    request: StaffRequest, section: str, filters: Filters
) -> tuple[Any, list[Table]]:
    """The figures of a section and their tables, after refreshing the facts."""
    facts.refresh()
    if section == "evolution":
        return _evolution_tables(filters, _by(request))
    if section == "where":
        return _where_tables(filters, _hexagon_size(request))
    if section == "when":
        return _when_tables(filters)
    return _work_tables(filters)


@dashboard_page
@require_GET
def evolution_view(request: StaffRequest) -> HttpResponse:
    if not is_supported():
        return _unsupported(request, "evolution")

    form, filters = _filters(request)
    figures, _tables = section_tables(request, "evolution", filters)
    labels = [
        bucket_label(bucket, filters.granularity) for bucket in figures.current.buckets
    ]
    chart = charts.line_chart(
        labels,
        [
            (
                pgettext("figures", "Received"),
                "line--received",
                figures.current.received,
                False,
            ),
            (
                pgettext("figures", "Resolved"),
                "line--resolved",
                figures.current.resolved,
                False,
            ),
            (pgettext("figures", "Open"), "line--open", figures.current.open, False),
            (
                _("Received a year before"),
                "line--received",
                figures.year_before.received,
                True,
            ),
        ],
    )
    context = _context(
        request,
        "evolution",
        form,
        filters=filters,
        figures=figures,
        chart=chart,
        by=_by(request),
        breakdowns=[(key, label) for key, (label, _j, _m) in BREAKDOWNS.items()],
    )
    return render(request, "dashboards/evolution.html", context)


@dashboard_page
@require_GET
def where_view(request: StaffRequest) -> HttpResponse:
    if not is_supported():
        return _unsupported(request, "where")

    form, filters = _filters(request)
    figures, _tables = section_tables(request, "where", filters)
    context = _context(
        request,
        "where",
        form,
        filters=filters,
        figures=figures,
        sizes=places.HEXAGON_SIZES,
    )
    return render(request, "dashboards/where.html", context)


@dashboard_page
@require_GET
def hexagon_data(request: StaffRequest) -> JsonResponse:
    """The hexagons of the filtered reports as GeoJSON, sized by the map's zoom."""
    if not is_supported():
        raise Http404

    _form, filters = _filters(request)
    try:
        zoom = int(request.GET.get("zoom", ""))
    except ValueError:
        zoom = 13
    facts.refresh()
    return JsonResponse(places.hexagon_features(filters, places.zoom_size(zoom)))


@dashboard_page
@require_GET
def when_view(request: StaffRequest) -> HttpResponse:
    if not is_supported():
        return _unsupported(request, "when")

    form, filters = _filters(request)
    figures, _tables = section_tables(request, "when", filters)
    context = _context(
        request,
        "when",
        form,
        filters=filters,
        figures=figures,
        hours=[f"{hour:02d}" for hour in range(24)],
    )
    return render(request, "dashboards/when.html", context)


@dashboard_page
@require_GET
def work_view(request: StaffRequest) -> HttpResponse:
    if not is_supported():
        return _unsupported(request, "work")

    form, filters = _filters(request)
    figures, _tables = section_tables(request, "work", filters)
    outcome_chart = charts.bar_chart(
        [(str(row[0]), row[1]) for row in figures.outcomes.rows[:-1]]
    )
    term_chart = charts.bar_chart(
        [(str(row[0]), row[3]) for row in figures.within_term.rows[:-1]],
        suffix="%",
    )
    context = _context(
        request,
        "work",
        form,
        filters=filters,
        figures=figures,
        outcome_chart=outcome_chart,
        term_chart=term_chart,
    )
    return render(request, "dashboards/work.html", context)


@dashboard_page
@require_GET
def section_export(
    request: StaffRequest, section: str, file_format: str
) -> HttpResponse:
    """The tables of a dashboard as a CSV or Excel file."""
    if section not in SECTIONS or file_format not in ("csv", "xlsx"):
        raise Http404
    if not is_supported():
        raise Http404

    _form, filters = _filters(request)
    _figures, tables = section_tables(request, section, filters)
    name = f"sesizari-{section}-{filters.start}-{filters.end}.{file_format}"
    if file_format == "csv":
        response = HttpResponse(
            exports.tables_to_csv(tables), content_type=exports.CSV_CONTENT_TYPE
        )
    else:
        response = HttpResponse(
            exports.tables_to_xlsx(tables), content_type=exports.XLSX_CONTENT_TYPE
        )
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@dashboard_page
@require_http_methods(["GET", "POST"])
def export_jobs(request: StaffRequest) -> HttpResponse:
    """The long exports: ask for one (POST), or see them and their progress."""
    if request.method == "POST":
        file_format = request.POST.get("file_format", ExportJob.Format.XLSX)
        if file_format not in ExportJob.Format.values:
            file_format = ExportJob.Format.XLSX
        job = jobs.request_export(
            institution=request.institution,
            user=request.user,
            query=request.POST.get("query", ""),
            file_format=file_format,
        )
        return redirect(reverse("dashboards:exports") + f"#job-{job.token}")

    form = FilterForm(request.GET, institution=request.institution)
    recent = ExportJob.objects.filter(
        institution=request.institution, requested_by=request.user
    )[:20]
    context = _context(request, "exports", form, jobs=recent)
    return render(request, "dashboards/exports.html", context)


def _own_job(request: StaffRequest, token: str) -> ExportJob:
    return get_object_or_404(
        ExportJob,
        token=token,
        institution=request.institution,
        requested_by=request.user,
    )


@dashboard_page
@require_GET
def export_job_status(request: StaffRequest, token: str) -> JsonResponse:
    job = _own_job(request, token)
    return JsonResponse(
        {
            "state": job.state,
            "state_label": job.get_state_display(),
            "percent": job.percent,
            "written": job.written,
            "total": job.total,
            "download": reverse("dashboards:export-download", args=[job.token])
            if job.state == ExportJob.State.DONE
            else "",
        }
    )


@dashboard_page
@require_GET
def export_download(request: StaffRequest, token: str) -> FileResponse:
    job = _own_job(request, token)
    if job.state != ExportJob.State.DONE or not job.file:
        raise Http404
    return FileResponse(job.file.open("rb"), as_attachment=True, filename=job.file_name)


@require_safe
def public_statistics(request: InstitutionRequest) -> HttpResponse:
    """The essential figures for everyone, without a login."""
    institution = require_institution(request)
    if not is_supported():
        return render(request, "dashboards/public_unsupported.html")

    figures = public.public_figures(institution)
    months = figures.months.rows
    month_chart = charts.line_chart(
        [str(row[0]) for row in months],
        [
            (
                pgettext("figures", "Received"),
                "line--received",
                [int(row[1] or 0) for row in months],
                False,
            ),
            (
                pgettext("figures", "Answered"),
                "line--resolved",
                [int(row[2] or 0) for row in months],
                False,
            ),
        ],
    )
    context = {"figures": figures, "month_chart": month_chart}
    return render(request, "dashboards/public.html", context)
