"""What the public reads about reports: the map data, the list, a report.

Only published, assigned and resolved reports are public, and of them only
what the clerk made public: the public text, the public photos, the public
events. Nothing here loads or returns anything about the author.
"""

from typing import TYPE_CHECKING, Any, TypedDict, cast
from uuid import UUID

from django.db.models import OuterRef, Prefetch, QuerySet, Subquery
from django.urls import reverse
from django.utils.text import Truncator

from institutions.models import Institution
from reports.models import Event, EventKind, Photo, Report, ReportQuerySet, Visibility

EXCERPT_LENGTH = 140
COORDINATE_DECIMALS = 6
DEPARTMENT_EVENTS = (EventKind.ASSIGNED, EventKind.RESOLVED)

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations

    # The attributes the queries below add to the models.
    class FirstPhoto(TypedDict):
        first_photo: UUID | None

    class Office(TypedDict):
        office: str

    class PublicParts(TypedDict):
        public_photos: list[Photo]
        public_events: list[WithAnnotations[Event, Office]]

    ListedReport = WithAnnotations[Report, FirstPhoto]
    PublicReport = WithAnnotations[Report, PublicParts]


def public_reports(institution: Institution) -> ReportQuerySet:
    return Report.objects.public().filter(institution=institution)


def with_first_photo(queryset: QuerySet[Report]) -> "QuerySet[ListedReport]":
    """Annotate ``first_photo``, the token of the first public photo, or None."""
    first = (
        Photo.objects.filter(report=OuterRef("pk"), is_public=True)
        .order_by("position", "pk")
        .values("token")[:1]
    )
    return queryset.annotate(first_photo=Subquery(first))


def thumbnail_url(token: UUID | None) -> str | None:
    if token is None:
        return None
    return reverse("reports:photo", kwargs={"token": token, "size": "thumbnail"})


def listed_reports(queryset: QuerySet[Report]) -> "QuerySet[ListedReport]":
    """The reports as the list and the map show them, newest first."""
    queryset = queryset.select_related("category", "resolution").only(
        "pk",
        "location",
        "address",
        "public_description",
        "status",
        "due_date",
        "registry_number",
        "registered_at",
        "created_at",
        "category__name",
        "category__icon",
        "resolution__outcome",
    )
    return with_first_photo(queryset).order_by("-created_at", "-pk")


def map_feature(report: "ListedReport") -> dict[str, Any]:
    return {
        "type": "Feature",
        "geometry": {
            "type": "Point",
            "coordinates": [
                round(report.location.x, COORDINATE_DECIMALS),
                round(report.location.y, COORDINATE_DECIMALS),
            ],
        },
        "properties": {
            "id": report.pk,
            "number": report.registry_number,
            "state": str(report.pin_state),
            "label": str(report.pin_label),
            "overdue": report.is_overdue,
            "category": report.category_id,
            "title": report.category.name,
            "text": Truncator(report.public_text).chars(EXCERPT_LENGTH),
            "url": reverse("reports:detail", args=[report.pk]),
            "address": report.address,
            "thumbnail": thumbnail_url(report.first_photo),
        },
    }


def map_collection(queryset: QuerySet[Report]) -> dict[str, Any]:
    """A GeoJSON FeatureCollection of every report of the queryset."""
    features = [map_feature(report) for report in listed_reports(queryset)]
    return {"type": "FeatureCollection", "count": len(features), "features": features}


def public_report(institution: Institution, pk: int) -> "PublicReport":
    """A public report with its public photos and events; raises DoesNotExist."""
    photos = Photo.objects.filter(is_public=True).only(
        "token", "report_id", "width", "height", "position"
    )
    events = Event.objects.filter(visibility=Visibility.PUBLIC).only(
        "report_id", "kind", "text", "created_at"
    )
    # The stubs lose the prefetched attributes in ReportQuerySet.get().
    report = cast(
        "PublicReport",
        public_reports(institution)
        .select_related("category", "department", "resolution", "zone")
        .defer("description", "author", "assignee")
        .prefetch_related(
            Prefetch("photos", queryset=photos, to_attr="public_photos"),
            Prefetch("events", queryset=events, to_attr="public_events"),
        )
        .get(pk=pk),
    )

    # The public learns which office acted, never which person.
    for event in report.public_events:
        department = report.department if event.kind in DEPARTMENT_EVENTS else None
        event.office = (department or institution).name
    return report
