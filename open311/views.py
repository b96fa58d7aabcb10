"""The GeoReport v2 endpoints: read the query, call reading or submissions.

Every answer is JSON or XML as the URL's extension says, errors included.
"""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.http import HttpResponse, QueryDict
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from institutions.middleware import InstitutionRequest
from institutions.models import Category, Institution
from open311 import formats, keys, params, reading, submissions
from open311.models import PendingRequest
from open311.params import ApiError
from reports.models import Report
from sesizari.public_cache import cached_answer

View = Callable[..., HttpResponse]


def api_view(view: View) -> View:
    """Answer an ApiError in the specification's error format."""

    @wraps(view)
    def wrapper(
        request: InstitutionRequest, *args: Any, fmt: str, **kwargs: Any
    ) -> HttpResponse:
        try:
            return view(request, *args, fmt=fmt, **kwargs)
        except ApiError as refusal:
            return formats.error(fmt, refusal.status, refusal.description)

    return wrapper


@require_GET
@api_view
def discovery(request: InstitutionRequest, fmt: str) -> HttpResponse:
    institution = params.jurisdiction(request, request.GET)

    data = reading.discovery(request, institution)
    return formats.render(data, fmt, root="discovery")


@require_GET
def root(request: InstitutionRequest) -> HttpResponse:
    return discovery(request, fmt=formats.JSON)


@require_GET
@api_view
def services(request: InstitutionRequest, fmt: str) -> HttpResponse:
    institution = params.jurisdiction(request, request.GET)

    data = reading.services(institution)
    return formats.render(data, fmt, root="services", item="service")


@require_GET
@api_view
def service_definition(
    request: InstitutionRequest, code: str, fmt: str
) -> HttpResponse:
    institution = params.jurisdiction(request, request.GET)
    category = reading.active_category(institution, code)
    if category is None:
        raise ApiError(404, _("service_code was not found."))

    data = reading.service_definition(category)
    return formats.render(data, fmt, root="service_definition")


@csrf_exempt
@require_http_methods(["GET", "POST"])
@api_view
def requests(request: InstitutionRequest, fmt: str) -> HttpResponse:
    if request.method == "POST":
        return _create_request(request, fmt)

    institution = params.jurisdiction(request, request.GET)
    return cached_answer(
        f"open311-requests:{institution.pk}:{fmt}",
        request.GET,
        seconds=settings.OPEN311_CACHE_SECONDS,
        build=lambda: _requests(request, institution, fmt),
    )


def _requests(
    request: InstitutionRequest, institution: Institution, fmt: str
) -> HttpResponse:
    query = request.GET
    queryset = reading.public_requests(institution)
    wanted = params.ids(query, "service_request_id")
    if wanted:
        # The specification: the ids override every other argument.
        records = reading.request_records(
            request, institution, queryset.filter(pk__in=wanted)
        )
    else:
        queryset = reading.filtered_requests(
            queryset,
            span=params.span(query),
            codes=params.ids(query, "service_code"),
            statuses=params.statuses(query),
        )
        records = reading.request_records(
            request, institution, queryset, params.page(query)
        )

    return formats.render(records, fmt, root="service_requests", item="request")


def _create_request(request: InstitutionRequest, fmt: str) -> HttpResponse:
    query = request.POST
    institution = params.jurisdiction(request, query)
    api_key = keys.valid_api_key(params.value(query, "api_key"), institution)
    if api_key is None:
        raise ApiError(403, _("api_key is missing or not valid."))
    category = _category(institution, query)

    sent = submissions.submit_request(
        api_key=api_key,
        category=category,
        data={
            name: params.value(query, name)
            for name in ("address_string", "lat", "long", "description")
        },
        attributes=params.attributes(query),
        author=submissions.Author(
            email=params.value(query, "email"),
            full_name=" ".join(
                part
                for part in (
                    params.value(query, "first_name"),
                    params.value(query, "last_name"),
                )
                if part
            ),
            phone=params.value(query, "phone"),
        ),
    )

    if sent.report is not None:
        record = {
            "service_request_id": sent.report.pk,
            "service_notice": _notice(sent.report),
            "account_id": None,
        }
    else:
        assert sent.pending is not None
        record = {
            "token": sent.pending.token,
            "service_notice": _(
                "The report waits until its author confirms the e-mail address: "
                "we have sent an invitation to it."
            ),
            "account_id": None,
        }
    return formats.render([record], fmt, root="service_requests", item="request")


def _category(institution: Institution, query: QueryDict) -> Category:
    code = params.value(query, "service_code")
    if not code:
        raise ApiError(400, _("service_code was not provided."))
    category = reading.active_category(institution, code)
    if category is None:
        raise ApiError(404, _("service_code was not found."))
    return category


def _notice(report: Report) -> str:
    if not report.registry_number or report.due_date is None:
        return _("The report was received; its registry number follows.")
    return _(
        "The report was registered with number %(number)s. The answer is due "
        "by %(date)s. It is public once the registry has checked it."
    ) % {"number": report.registry_number, "date": date_format(report.due_date)}


@require_GET
@api_view
def request_detail(
    request: InstitutionRequest, request_id: str, fmt: str
) -> HttpResponse:
    institution = params.jurisdiction(request, request.GET)
    queryset = reading.public_requests(institution)
    records = []
    if request_id.isdigit():
        records = reading.request_records(
            request, institution, queryset.filter(pk=int(request_id))
        )
    if not records:
        raise ApiError(404, _("service_request_id was not found."))

    return formats.render(records, fmt, root="service_requests", item="request")


@require_GET
@api_view
def token(request: InstitutionRequest, token: str, fmt: str) -> HttpResponse:
    institution = params.jurisdiction(request, request.GET)
    pending = PendingRequest.objects.filter(
        token=token, institution=institution
    ).first()
    if pending is None:
        raise ApiError(404, _("token was not found."))

    record = {"service_request_id": pending.report_id, "token": pending.token}
    return formats.render([record], fmt, root="service_requests", item="request")


@require_GET
@api_view
def request_updates(request: InstitutionRequest, fmt: str) -> HttpResponse:
    query = request.GET
    institution = params.jurisdiction(request, query)

    records = reading.update_records(
        institution, params.span(query), params.page(query)
    )
    return formats.render(
        records, fmt, root="service_requests_updates", item="request_update"
    )
