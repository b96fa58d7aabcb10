"""What the API reads: services, public reports as requests, their updates.

Only public reports (published, assigned, resolved) are requests here, and
of them only what the public page shows: the public text, the public
photos, the office responsible. Nothing here reads the author.

The request lists are built from ``values()`` rows, with the coordinates
read in SQL: a page of 1000 requests then costs one query and no model or
geometry objects.
"""

from dataclasses import dataclass
from datetime import tzinfo
from typing import Any

from django.db.models import (
    Exists,
    F,
    FloatField,
    Func,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
)
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from institutions.models import Category, CategoryQuestion, Institution, QuestionKind
from open311.formats import Record, end_of_day, w3c_datetime
from open311.params import Page, Span
from reports.answers import TEXT_MAX_LENGTH
from reports.mapdata import with_first_photo
from reports.models import (
    PUBLIC_STATUSES,
    Event,
    Outcome,
    Report,
    Resolution,
    Status,
    Visibility,
)

SPECIFICATION = "http://wiki.open311.org/GeoReport_v2"
# When this API last changed in a way its clients should know.
CHANGESET = "2026-12-04T00:00:00+02:00"
COORDINATE_DECIMALS = 6

OPEN = (Status.PUBLISHED, Status.ASSIGNED)
CLOSED = (Status.RESOLVED,)

# FixMyStreet's vocabulary of update states, for each outcome of an answer.
UPDATE_STATES: dict[str, str] = {
    Outcome.FIXED: "fixed",
    Outcome.PARTLY_FIXED: "closed",
    Outcome.PLANNED: "action_scheduled",
    Outcome.TRANSFERRED: "internal_referral",
    Outcome.NOT_COMPETENT: "not_councils_responsibility",
    Outcome.REFUSED: "no_further_action",
}


class Coordinate(Func):
    """ST_X or ST_Y of a point, which PostGIS and SpatiaLite both know."""

    output_field = FloatField()


def discovery(request: HttpRequest, institution: Institution) -> Record:
    contact = ", ".join(
        part
        for part in (
            institution.name,
            institution.contact_email,
            institution.contact_phone,
        )
        if part
    )
    return {
        "changeset": CHANGESET,
        "contact": contact,
        "key_service": _(
            "Applications receive an API key from the administrator of "
            "%(institution)s: %(contact)s."
        )
        % {"institution": institution.name, "contact": contact},
        "endpoints": [
            {
                "specification": SPECIFICATION,
                "url": request.build_absolute_uri(reverse("open311:root")),
                "changeset": CHANGESET,
                "type": "production",
                "formats": ["text/xml", "application/json"],
            }
        ],
    }


def services(institution: Institution) -> list[Record]:
    """The active categories, grouped by the office that receives them."""
    categories = (
        institution.categories.filter(is_active=True)
        .select_related("routing_rule__department")
        .annotate(
            has_questions=Exists(
                CategoryQuestion.objects.filter(category=OuterRef("pk"))
            )
        )
    )
    return [_service(category) for category in categories]


def _service(category: Category) -> Record:
    rule = getattr(category, "routing_rule", None)
    return {
        "service_code": str(category.pk),
        "service_name": category.name,
        "description": category.description,
        "metadata": bool(getattr(category, "has_questions", False)),
        "type": "realtime",
        "keywords": category.keywords,
        "group": rule.department.name if rule else "",
    }


DATATYPES = {
    QuestionKind.TEXT: "string",
    QuestionKind.NUMBER: "number",
    QuestionKind.SINGLE: "singlevaluelist",
    QuestionKind.MULTIPLE: "multivaluelist",
}


def service_attributes(category: Category) -> list[Record]:
    """The extra questions of a category, as Open311 attributes."""
    return [
        {
            "variable": True,
            "code": question.code,
            "datatype": DATATYPES[QuestionKind(question.kind)],
            "required": question.required,
            "datatype_description": _datatype_description(question),
            "order": order,
            "description": question.label,
            "values": [
                {"key": choice.key, "name": choice.name}
                for choice in question.choice_list()
            ],
        }
        for order, question in enumerate(category.questions.all(), start=1)
    ]


def _datatype_description(question: CategoryQuestion) -> str | None:
    if question.kind == QuestionKind.NUMBER:
        hint = _("A number; a comma or a point before the decimals.")
    elif question.kind == QuestionKind.MULTIPLE:
        hint = _("One or more keys of the values, as attribute[%(code)s][].") % {
            "code": question.code
        }
    elif question.kind == QuestionKind.SINGLE:
        hint = _("One key of the values.")
    else:
        hint = _("At most %(max)s characters.") % {"max": TEXT_MAX_LENGTH}
    return f"{question.help_text} {hint}".strip()


def service_definition(category: Category) -> Record:
    return {
        "service_code": str(category.pk),
        "attributes": service_attributes(category),
    }


def active_category(institution: Institution, code: str) -> Category | None:
    if not code.isdigit():
        return None
    return institution.categories.filter(pk=int(code), is_active=True).first()


def public_requests(institution: Institution) -> QuerySet[Report]:
    return Report.objects.filter(institution=institution, status__in=PUBLIC_STATUSES)


def filtered_requests(
    queryset: QuerySet[Report],
    *,
    span: Span,
    codes: list[int],
    statuses: list[str],
) -> QuerySet[Report]:
    queryset = queryset.filter(created_at__gte=span.start, created_at__lte=span.end)
    if codes:
        queryset = queryset.filter(category_id__in=codes)
    if set(statuses) == {"open"}:
        queryset = queryset.filter(status__in=OPEN)
    elif set(statuses) == {"closed"}:
        queryset = queryset.filter(status__in=CLOSED)
    return queryset


def request_records(
    request: HttpRequest,
    institution: Institution,
    queryset: QuerySet[Report],
    page: Page | None = None,
) -> list[Record]:
    """The reports as GeoReport requests, newest first, in one query."""
    rows = (
        with_first_photo(queryset)
        .annotate(
            lat=Coordinate(F("location"), function="ST_Y"),
            long=Coordinate(F("location"), function="ST_X"),
        )
        .order_by("-created_at", "-pk")
        .values(
            "pk",
            "status",
            "public_description",
            "category_id",
            "category__name",
            "department__name",
            "created_at",
            "updated_at",
            "resolved_at",
            "due_date",
            "address",
            "resolution__outcome",
            "resolution__summary",
            "lat",
            "long",
            "first_photo",
        )
    )
    if page is not None:
        rows = rows[page.offset : page.offset + page.size]

    page_context = _PageContext(
        agency=institution.name,
        photo_url=_photo_url(request),
        zone=timezone.get_current_timezone(),
        outcomes={outcome.value: str(outcome.label) for outcome in Outcome},
    )
    return [_request(row, page_context) for row in rows]


@dataclass(frozen=True)
class _PageContext:
    """What every request of a page shares, looked up once for the page."""

    agency: str
    photo_url: str
    zone: tzinfo
    outcomes: dict[str, str]


def _photo_url(request: HttpRequest) -> str:
    # One reverse for the page: the photo's token is the only part that varies.
    sample = "00000000-0000-0000-0000-000000000000"
    url = reverse("reports:photo", kwargs={"token": sample, "size": "image"})
    return request.build_absolute_uri(url).replace(sample, "{token}")


def _request(row: dict[str, Any], page: _PageContext) -> Record:
    resolved = row["status"] == Status.RESOLVED
    notes = None
    if resolved and row["resolution__outcome"]:
        outcome = page.outcomes[row["resolution__outcome"]]
        notes = f"{outcome}: {row['resolution__summary']}"
    updated = row["resolved_at"] if resolved and row["resolved_at"] else None
    photo = row["first_photo"]

    return {
        "service_request_id": row["pk"],
        "status": "closed" if resolved else "open",
        "status_notes": notes,
        "service_name": row["category__name"],
        "service_code": str(row["category_id"]),
        "description": row["public_description"],
        "agency_responsible": row["department__name"] or page.agency,
        "service_notice": None,
        "requested_datetime": w3c_datetime(row["created_at"], page.zone),
        "updated_datetime": w3c_datetime(updated or row["updated_at"], page.zone),
        "expected_datetime": end_of_day(row["due_date"], page.zone),
        "address": row["address"],
        "address_id": None,
        "zipcode": None,
        "lat": round(row["lat"], COORDINATE_DECIMALS),
        "long": round(row["long"], COORDINATE_DECIMALS),
        "media_url": page.photo_url.format(token=photo) if photo else None,
    }


def update_records(institution: Institution, span: Span, page: Page) -> list[Record]:
    """The status changes of the public timelines, oldest first.

    An event counts when the public could read it and it moved the report
    into a public state: assignments, whose entry names a person, do not.
    """
    answer_then = (
        Resolution.objects.filter(
            report=OuterRef("report_id"), issued_at__lte=OuterRef("created_at")
        )
        .order_by("-issued_at", "-pk")
        .values("outcome")[:1]
    )
    events = (
        Event.objects.filter(
            report__institution=institution,
            report__status__in=PUBLIC_STATUSES,
            visibility=Visibility.PUBLIC,
            to_status__in=PUBLIC_STATUSES,
            created_at__gte=span.start,
            created_at__lte=span.end,
        )
        .exclude(Q(from_status=F("to_status")))
        .order_by("created_at", "pk")
        .values("pk", "report_id", "to_status", "text", "created_at")
        # The answer the event announced: a reopened report has later ones.
        .annotate(outcome=Subquery(answer_then))
    )[page.offset : page.offset + page.size]

    zone = timezone.get_current_timezone()
    return [
        {
            "update_id": event["pk"],
            "service_request_id": event["report_id"],
            "status": _update_state(event["to_status"], event["outcome"]),
            "updated_datetime": w3c_datetime(event["created_at"], zone),
            "description": event["text"],
            "media_url": None,
        }
        for event in events
    ]


def _update_state(status: str, outcome: str | None) -> str:
    if status == Status.RESOLVED:
        return UPDATE_STATES.get(outcome or "", "closed")
    if status == Status.ASSIGNED:
        return "in_progress"
    return "open"
