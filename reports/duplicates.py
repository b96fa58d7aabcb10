"""Finding reports that may be about the same problem.

The citizen, while reporting, is offered the open public reports near the
pin (``nearby_open_reports``), to follow one instead of sending another.
The clerk sees, for each report, the candidates of its institution
(``candidates_for``), with how far, how old and how alike they are.

Distances are computed by the database on the geographic points, in
metres, on PostGIS and on SpatiaLite alike.
"""

import math
import re
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING, Any, TypedDict, cast
from uuid import UUID

from django.contrib.gis.db.models.functions import Distance
from django.contrib.gis.geos import Point, Polygon
from django.contrib.gis.measure import D
from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from institutions import roles
from institutions.models import Category, Institution
from moderation.text import fold
from reports.models import Photo, Report, Status

if TYPE_CHECKING:
    from django.contrib.gis.measure import Distance as Measure
    from django_stubs_ext import WithAnnotations

    # The attributes the queries below add to the reports.
    class Found(TypedDict):
        distance: Measure | None
        first_photo: UUID | None

    FoundReport = WithAnnotations[Report, Found]

# Very close and recent reports are offered whatever their category: the
# citizen may see the same problem under another name.
ANY_CATEGORY_RADIUS_M = 25
ANY_CATEGORY_DAYS = 30
NEARBY_LIMIT = 5
CANDIDATES_LIMIT = 10
# The clerk looks further than the citizen: a pin may be placed roughly.
CANDIDATE_RADIUS_FACTOR = 2
# How the clerk's candidates are ranked: closeness counts more than
# wording, since two citizens rarely describe a problem alike.
CLOSENESS_WEIGHT = 0.6
SIMILARITY_WEIGHT = 0.4

OPEN_PUBLIC_STATUSES = (Status.PUBLISHED, Status.ASSIGNED)
METRES_PER_DEGREE = 111_320
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class NearbyReport:
    report: Report
    distance_m: int
    first_photo: UUID | None


@dataclass(frozen=True)
class Candidate:
    report: Report
    distance_m: int
    age_days: int
    similarity: float
    score: float
    first_photo: UUID | None

    @property
    def similarity_percent(self) -> int:
        return round(self.similarity * 100)


def text_similarity(first: str, second: str) -> float:
    """How alike two texts are, from 0 to 1.

    The Jaccard index of the sets of character trigrams of their words,
    after folding (lower case, no diacritics, cedilla or comma below alike).
    Each word is padded with spaces, so short words and word edges count,
    and trigrams survive Romanian inflections (groapă, gropi, gropile).
    """
    first_grams, second_grams = _trigrams(first), _trigrams(second)
    if not first_grams or not second_grams:
        return 0.0

    shared = first_grams & second_grams
    return len(shared) / len(first_grams | second_grams)


def _trigrams(text: str) -> set[str]:
    grams: set[str] = set()
    for word in _WORD.findall(fold(text)):
        padded = f"  {word} "
        grams.update(padded[i : i + 3] for i in range(len(padded) - 2))
    return grams


def nearby_open_reports(
    *,
    institution: Institution,
    category: Category,
    location: Point,
    exclude: Report | None = None,
) -> list[NearbyReport]:
    """The open public reports a citizen may be about to report again.

    Those of the same category within the category's duplicate radius, and
    recent ones of any category very close; nearest first.
    """
    radius = max(category.duplicate_radius_m, ANY_CATEGORY_RADIUS_M)
    recent = timezone.now() - timedelta(days=ANY_CATEGORY_DAYS)
    same_category = Q(
        category=category,
        location__distance_lte=(location, D(m=category.duplicate_radius_m)),
    )
    very_close = Q(
        created_at__gte=recent,
        location__distance_lte=(location, D(m=ANY_CATEGORY_RADIUS_M)),
    )

    reports = cast(
        "QuerySet[FoundReport]",
        Report.objects.filter(institution=institution)
        .filter(location__intersects=_box(location, radius))
        .filter(status__in=OPEN_PUBLIC_STATUSES)
        .filter(same_category | very_close)
        .select_related("category")
        .defer("description", "author", "assignee")
        .annotate(
            distance=Distance("location", location),
            first_photo=_first_photo(public_only=True),
        )
        .order_by("distance", "-created_at", "pk"),
    )
    if exclude is not None:
        reports = reports.exclude(pk=exclude.pk)

    return [
        NearbyReport(
            report=report,
            distance_m=_metres(report.distance),
            first_photo=report.first_photo,
        )
        for report in reports[:NEARBY_LIMIT]
    ]


def nearby_for_draft(
    institution: Institution, data: dict[str, Any]
) -> list[NearbyReport]:
    """The nearby reports for a valid report form's ``cleaned_data``."""
    return nearby_open_reports(
        institution=institution, category=data["category"], location=data["location"]
    )


def candidates_for(report: Report) -> list[Candidate]:
    """Reports of the institution that may be the same as this one.

    Any state but rejected, the registered ones not yet published included:
    the same category within twice its duplicate radius, and any category
    within the very close radius. Ranked by a score that weighs closeness
    and the similarity of the citizens' texts, best first.
    """
    category = report.category
    radius = category.duplicate_radius_m * CANDIDATE_RADIUS_FACTOR
    widest = max(radius, ANY_CATEGORY_RADIUS_M)
    same_category = Q(
        category=category,
        location__distance_lte=(report.location, D(m=radius)),
    )
    very_close = Q(location__distance_lte=(report.location, D(m=ANY_CATEGORY_RADIUS_M)))

    others = cast(
        "QuerySet[FoundReport]",
        Report.objects.filter(institution_id=report.institution_id)
        .filter(location__intersects=_box(report.location, widest))
        .exclude(pk=report.pk)
        .exclude(status=Status.REJECTED)
        .filter(same_category | very_close)
        .select_related("category")
        .annotate(
            distance=Distance("location", report.location),
            first_photo=_first_photo(public_only=False),
        ),
    )

    now = timezone.now()
    candidates = []
    for other in others:
        distance = _metres(other.distance)
        similarity = text_similarity(report.description, other.description)
        closeness = 1 - min(distance / widest, 1)
        candidates.append(
            Candidate(
                report=other,
                distance_m=distance,
                age_days=(now - other.created_at).days,
                similarity=similarity,
                score=CLOSENESS_WEIGHT * closeness + SIMILARITY_WEIGHT * similarity,
                first_photo=other.first_photo,
            )
        )
    candidates.sort(key=lambda c: (-c.score, c.distance_m, c.report.pk))
    return candidates[:CANDIDATES_LIMIT]


def candidates_seen_by(user: roles.AnyUser, report: Report) -> list[Candidate]:
    """The candidates for the staff page: only clerks see the whole registry."""
    if not roles.is_clerk(user, report.institution):
        return []
    return candidates_for(report)


def _box(location: Point, radius_m: float) -> Polygon:
    """A box around the point, a little wider than the radius.

    It lets the spatial index narrow the search before the exact distances
    are computed; the lengths of a degree are approximate, hence the margin.
    """
    margin = radius_m * 1.1 + 1
    lat_delta = margin / METRES_PER_DEGREE
    cos_lat = max(math.cos(math.radians(location.y)), 0.01)
    lng_delta = margin / (METRES_PER_DEGREE * cos_lat)
    box = Polygon.from_bbox(
        (
            location.x - lng_delta,
            location.y - lat_delta,
            location.x + lng_delta,
            location.y + lat_delta,
        )
    )
    box.srid = 4326
    return box


def _first_photo(*, public_only: bool) -> Subquery:
    photos = Photo.objects.filter(report=OuterRef("pk"))
    if public_only:
        photos = photos.filter(is_public=True)
    return Subquery(photos.order_by("position", "pk").values("token")[:1])


def _metres(distance: "Measure | None") -> int:
    return round(distance.m) if distance is not None else 0
