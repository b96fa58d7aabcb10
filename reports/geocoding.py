"""Finding a place from what a citizen types.

The configured Nominatim-compatible geocoder answers first; when it is not
configured, unreachable, failing or finds nothing, the institution's own
street list answers. Only places inside the institution's territory are
offered.
"""

import hashlib
import json
import logging
import math
import re
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import asdict, dataclass
from http.client import HTTPException

from django.conf import settings
from django.contrib.gis.geos import Point
from django.core.cache import cache

from institutions.models import Institution, Street
from moderation.text import fold

logger = logging.getLogger(__name__)

MAX_RESULTS = 5
MIN_QUERY_LENGTH = 3
CACHE_SECONDS = 24 * 60 * 60

# Folded words that name the kind of street rather than the street:
# "Strada Memorandumului" and "str. Memorandumului" are the same street.
STREET_TYPES = {
    word: kind
    for kind, words in {
        "strada": ("strada", "str", "ulita"),
        "bulevardul": ("bulevardul", "bulevard", "blvd", "b-dul", "bdul", "bd"),
        "calea": ("calea", "cal"),
        "piata": ("piata", "p-ta", "pta", "piateta"),
        "aleea": ("aleea", "alee", "al"),
        "splaiul": ("splaiul", "spl"),
        "soseaua": ("soseaua", "sos"),
        "intrarea": ("intrarea", "intr"),
        "drumul": ("drumul",),
        "pasajul": ("pasajul",),
        "fundatura": ("fundatura", "fundacul"),
    }.items()
    for word in words
}
# Words of a postal address that are not part of the street's name.
ADDRESS_WORDS = frozenset(
    {"nr", "numarul", "numar", "bl", "bloc", "sc", "scara", "ap", "et"}
)
_WORD = re.compile(r"[\w-]+")
# A house number ends what names a building: "Horea 5", "Horea nr. 5A".
_HOUSE_NUMBER = re.compile(r"\b(?P<number>\d+[^\W\d_]?)\s*$")


@dataclass(frozen=True)
class Place:
    label: str
    lat: float
    lon: float
    # False for a whole street (of the institution's street list, or a road
    # the geocoder knows no number on) and for a place without one.
    has_house_number: bool = True

    @property
    def point(self) -> Point:
        return Point(self.lon, self.lat, srid=4326)

    def as_json(self) -> dict:
        return asdict(self)


def search_places(
    *, institution: Institution, query: str, limit: int = MAX_RESULTS
) -> list[Place]:
    """Places inside the territory matching the query, best first."""
    query = " ".join(query.split())
    if len(query) < MIN_QUERY_LENGTH:
        return []

    places = _search_geocoder_cached(institution, query, limit)
    if places:
        return places
    return search_streets(institution=institution, query=query, limit=limit)


def address_to_keep(*, place: Place, typed: str) -> str:
    """What the address field says once the citizen chooses the place.

    A street's name has no house number, and the clerk needs the one the
    citizen typed: the typed words are kept when they name that street,
    with the block or landmark they may hold; when they name it otherwise
    ("str. Unirii 3" for Piața Unirii), the street's name takes the number.
    Without a number typed, the place's label is the better address.
    """
    typed = " ".join(typed.split())
    if place.has_house_number:
        return place.label

    numbered = [
        (part, number)
        for part in typed.split(",")
        if (number := _HOUSE_NUMBER.search(part.strip()))
    ]
    for part, _number in numbered:
        same_street = street_key(part) == street_key(place.label)
        if same_street and street_type(part) in ("", street_type(place.label)):
            return typed
    if numbered:
        return f"{place.label} {numbered[0][1]['number']}"
    return place.label


def locate_address(*, institution: Institution, address: str) -> Place | None:
    places = search_places(institution=institution, query=address, limit=1)
    return places[0] if places else None


def institution_at(point: Point, *, other_than: Institution) -> Institution | None:
    """The institution whose territory holds the point, to suggest it.

    The smallest such territory: a commune rather than the county council
    whose territory holds it too. Compared here, not in SQL, where an area
    in degrees is not what every spatial database agrees to compute; few
    territories hold one point.
    """
    holding = Institution.objects.filter(boundary__contains=point).exclude(
        pk=other_than.pk
    )
    return min(
        holding.order_by("pk"),
        key=lambda institution: (
            institution.boundary.area if institution.boundary else math.inf
        ),
        default=None,
    )


def street_key(text: str) -> str:
    """The words that name the street, folded, without types and numbers."""
    return " ".join(
        word
        for word in _words(text)
        if word not in STREET_TYPES
        and word not in ADDRESS_WORDS
        and not any(char.isdigit() for char in word)
    )


def street_type(text: str) -> str:
    """The kind of street the text names, "strada" for "str.", or ""."""
    return next((STREET_TYPES[w] for w in _words(text) if w in STREET_TYPES), "")


def _words(text: str) -> list[str]:
    words = (word.strip("-.") for word in _WORD.findall(fold(text)))
    return [word for word in words if word]


def search_streets(
    *, institution: Institution, query: str, limit: int = MAX_RESULTS
) -> list[Place]:
    # The street usually comes first: "Memorandumului 28, Cluj-Napoca",
    # but a label copied from a geocoder starts with the house number.
    for part in query.split(","):
        key = street_key(part)
        if not key:
            continue
        streets = _streets_matching(institution, key, street_type(part), limit)
        if streets:
            return [
                Place(
                    label=street.name,
                    lat=street.location.y,
                    lon=street.location.x,
                    has_house_number=False,
                )
                for street in streets
            ]
    return []


def _streets_matching(
    institution: Institution, key: str, kind: str, limit: int
) -> list[Street]:
    candidates = list(
        Street.objects.filter(institution=institution, folded_name__contains=key)[:200]
    )

    def rank(street: Street) -> tuple:
        own_key = street_key(street.name)
        return (
            own_key != key,
            bool(kind) and street_type(street.name) != kind,
            not own_key.startswith(key),
            len(street.name),
        )

    return sorted(candidates, key=rank)[:limit]


def _search_geocoder_cached(
    institution: Institution, query: str, limit: int
) -> list[Place]:
    # Public geocoders ask their users to cache answers: the same street is
    # searched for many times a day.
    if not settings.GEOCODER_URL:
        return []
    digest = hashlib.sha256(fold(query).encode()).hexdigest()
    key = f"geocoder:{institution.pk}:{limit}:{digest}"
    cached = cache.get(key)
    if cached is not None:
        return [Place(**place) for place in cached]

    places = _search_geocoder(institution, query, limit)
    if places:
        cache.set(key, [place.as_json() for place in places], CACHE_SECONDS)
    return places


def _search_geocoder(institution: Institution, query: str, limit: int) -> list[Place]:
    url = (
        settings.GEOCODER_URL
        + "?"
        + urllib.parse.urlencode(_geocoder_params(institution, query, limit))
    )
    request = urllib.request.Request(
        url, headers={"User-Agent": _user_agent(), "Accept": "application/json"}
    )
    try:
        with urllib.request.urlopen(
            request, timeout=settings.GEOCODER_TIMEOUT
        ) as response:
            answer = json.load(response)
        places = [_place_from(result) for result in answer]
    except urllib.error.HTTPError as error:
        logger.warning("The geocoder answered with status %s", error.code)
        return []
    except (OSError, HTTPException, ValueError, KeyError, TypeError) as error:
        # The query is not logged: it may be the citizen's own address.
        logger.warning("The geocoder failed: %s", error.__class__.__name__)
        return []

    return [place for place in places if institution.contains(place.point)][:limit]


def _user_agent() -> str:
    # Public geocoders require a name and a way to reach whoever runs it.
    return f"Sesizari/1.0 (citizens' reports; +{settings.SITE_URL})"


def _geocoder_params(institution: Institution, query: str, limit: int) -> dict:
    params = {
        "format": "jsonv2",
        "q": query,
        "limit": limit,
        "countrycodes": "ro",
        "addressdetails": 1,
        "accept-language": "ro",
    }
    if institution.boundary is not None:
        west, south, east, north = institution.boundary.extent
        params["viewbox"] = f"{west},{north},{east},{south}"
        params["bounded"] = 1
    return params


def _place_from(result: dict) -> Place:
    address = result.get("address") or {}
    return Place(
        label=_label_for(result),
        lat=float(result["lat"]),
        lon=float(result["lon"]),
        has_house_number=bool(address.get("house_number")),
    )


def _label_for(result: dict) -> str:
    """A short label: "Strada Memorandumului 28, Cluj-Napoca" rather than
    the full display name with county, postcode and country."""
    address = result.get("address") or {}
    street = address.get("road") or address.get("pedestrian") or ""
    if street and address.get("house_number"):
        street = f"{street} {address['house_number']}"
    name = result.get("name") or ""
    if street.startswith(name):
        name = ""
    city = address.get("city") or address.get("town") or address.get("village") or ""
    if not (street or name):
        return result["display_name"][:250]
    return ", ".join(part for part in (name, street, city) if part)[:250]
