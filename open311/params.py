"""Reading the query: every optional argument empty or absent means the same.

GeoReport v2 says an empty optional argument is treated as not declared.
A value that is there but wrong is refused with a 400 error naming it.
"""

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.http import QueryDict
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from institutions.middleware import InstitutionRequest
from institutions.models import Institution

# The specification's default span and largest span of one query.
MAX_SPAN = timedelta(days=90)
DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 1000
MAX_IDS = MAX_PAGE_SIZE
# Beyond it an offset would only scan the table: no client pages so far.
MAX_PAGE = 100_000
STATUSES = ("open", "closed")
# attribute[code] for one value, attribute[code][] for each of several.
ATTRIBUTE = re.compile(r"^attribute\[([^\[\]]+)\](\[\])?$")


class ApiError(Exception):
    """A request the API refuses; status is 400, 403 or 404."""

    def __init__(self, status: int, description: str):
        super().__init__(description)
        self.status = status
        self.description = description


def value(query: QueryDict, name: str) -> str:
    return query.get(name, "").strip()


def jurisdiction(request: InstitutionRequest, query: QueryDict) -> Institution:
    """The institution of the host, which jurisdiction_id may name (its slug).

    Each institution's API is on its own site: jurisdiction_id names that
    institution or none, and the slug of another one is not found here,
    as on its own site ours would not be.
    """
    institution = request.institution
    slug = value(query, "jurisdiction_id")
    if not institution or slug not in ("", institution.slug):
        raise ApiError(404, _("jurisdiction_id was not found."))
    return institution


def attributes(query: QueryDict) -> dict[str, list[str]]:
    """The request's attribute[code] and attribute[code][] values, by code."""
    found: dict[str, list[str]] = {}
    for name in query:
        match = ATTRIBUTE.match(name)
        if match is None:
            continue
        values = [item.strip() for item in query.getlist(name) if item.strip()]
        found.setdefault(match.group(1), []).extend(values)
    return found


def comma_list(query: QueryDict, name: str) -> list[str]:
    """A comma-delimited argument, which may also be declared several times."""
    items = []
    for declared in query.getlist(name):
        items += [item.strip() for item in declared.split(",") if item.strip()]
    return items


def ids(query: QueryDict, name: str) -> list[int]:
    items = comma_list(query, name)
    if len(items) > MAX_IDS:
        raise ApiError(
            400,
            _("%(name)s lists more than %(max)s values.")
            % {"name": name, "max": MAX_IDS},
        )
    try:
        return [int(item) for item in items]
    except ValueError:
        raise ApiError(400, _("%(name)s must hold numbers.") % {"name": name}) from None


def statuses(query: QueryDict) -> list[str]:
    wanted = [item.lower() for item in comma_list(query, "status")]
    if any(item not in STATUSES for item in wanted):
        raise ApiError(400, _("status must be open or closed."))
    return wanted


def moment(query: QueryDict, name: str) -> datetime | None:
    raw = value(query, name)
    if not raw:
        return None
    try:
        parsed = parse_datetime(raw)
    except ValueError:
        parsed = None
    if parsed is None:
        raise ApiError(
            400,
            _("%(name)s must be a date and time such as 2026-01-31T08:00:00Z.")
            % {"name": name},
        )
    if timezone.is_naive(parsed):
        parsed = timezone.make_aware(parsed)
    return parsed


@dataclass(frozen=True)
class Span:
    start: datetime
    end: datetime


def span(query: QueryDict) -> Span:
    """start_date and end_date, completed to at most 90 days.

    Without either, the last 90 days; with one, the 90 days from or to it.
    """
    start, end = moment(query, "start_date"), moment(query, "end_date")
    if start is None and end is None:
        end = timezone.now()
    if start is None:
        assert end is not None
        start = end - MAX_SPAN
    if end is None:
        end = start + MAX_SPAN

    if end < start:
        raise ApiError(400, _("end_date is before start_date."))
    if end - start > MAX_SPAN:
        raise ApiError(
            400, _("start_date and end_date may not span more than 90 days.")
        )
    return Span(start, end)


@dataclass(frozen=True)
class Page:
    number: int
    size: int

    @property
    def offset(self) -> int:
        return (self.number - 1) * self.size


def page(query: QueryDict) -> Page:
    """The page and page_size extension; pages are numbered from 1."""
    number = _whole(query, "page", default=1, most=MAX_PAGE)
    size = _whole(query, "page_size", default=DEFAULT_PAGE_SIZE, most=MAX_PAGE_SIZE)
    return Page(number, size)


def _whole(query: QueryDict, name: str, *, default: int, most: int) -> int:
    raw = value(query, name)
    if not raw:
        return default
    if not raw.isdigit() or not 1 <= int(raw) <= most:
        raise ApiError(
            400,
            _("%(name)s must be a whole number from 1 to %(most)s.")
            % {"name": name, "most": most},
        )
    return int(raw)
