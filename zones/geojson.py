"""Reading zones from a GeoJSON file, with errors an administrator can act on.

A file is read whole or refused whole: every problem found is reported at
once, so that the administrator fixes the file in one go, and nothing is
imported from a file with any problem.
"""

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from django.contrib.gis.gdal import GDALException, SpatialReference, SRSException
from django.contrib.gis.geos import (
    GeometryCollection,
    GEOSException,
    GEOSGeometry,
    MultiPolygon,
    Polygon,
)
from django.utils.translation import gettext as _

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_NAME_LENGTH = 200
# Enough problems to see what is wrong with a file, not a wall of them.
MAX_REPORTED_PROBLEMS = 10
POLYGONAL = {"Polygon", "MultiPolygon"}
WGS84 = 4326
# "EPSG:3844", "urn:ogc:def:crs:EPSG::3844", and CRS84, which is WGS 84 in
# GeoJSON's longitude-latitude order.
EPSG_NAME = re.compile(r"EPSG:(?:[\d.]*:)?(\d+)$", re.IGNORECASE)
CRS84_NAME = re.compile(r"CRS:?84$", re.IGNORECASE)


class ZoneFileError(Exception):
    """A file that cannot be imported; ``problems`` say why, for the admin."""

    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class ZoneShape:
    name: str
    area: MultiPolygon


def read_zones(data: bytes, *, name_property: str) -> list[ZoneShape]:
    """The zones of a GeoJSON FeatureCollection, in WGS 84.

    Each feature is a zone named by its ``name_property``. Raises
    ZoneFileError naming every problem found.
    """
    collection = _parse(data)
    srid = _srid(collection)

    problems: list[str] = []
    shapes: list[ZoneShape] = []
    for number, feature in enumerate(collection["features"], start=1):
        try:
            shapes.append(_shape(feature, number, name_property, srid))
        except ZoneFileError as error:
            problems.extend(error.problems)
    problems.extend(_duplicate_names(shapes))

    if problems:
        raise ZoneFileError(_summarised(problems))
    return shapes


def _parse(data: bytes) -> dict[str, Any]:
    if len(data) > MAX_FILE_BYTES:
        raise ZoneFileError(
            [
                _("The file is larger than %(size)s MB.")
                % {"size": MAX_FILE_BYTES // (1024 * 1024)}
            ]
        )
    try:
        collection = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ZoneFileError(
            [_("The file is not text in UTF-8: is it a GeoJSON file?")]
        ) from None
    except json.JSONDecodeError as error:
        raise ZoneFileError(
            [
                _(
                    "The file is not valid JSON: the error is on line %(line)s, "
                    "column %(column)s."
                )
                % {"line": error.lineno, "column": error.colno}
            ]
        ) from None

    if (
        not isinstance(collection, dict)
        or collection.get("type") != "FeatureCollection"
    ):
        raise ZoneFileError(
            [_("The file must hold a GeoJSON FeatureCollection, one feature a zone.")]
        )
    if not isinstance(collection.get("features"), list) or not collection["features"]:
        raise ZoneFileError([_("The file holds no zones.")])
    return collection


def _srid(collection: dict[str, Any]) -> int:
    """The coordinate system of an older GeoJSON file; WGS 84 by default."""
    crs = collection.get("crs")
    if crs is None:
        return WGS84
    properties = crs.get("properties") if isinstance(crs, dict) else None
    name = str(properties.get("name", "")) if isinstance(properties, dict) else ""
    if CRS84_NAME.search(name):
        return WGS84
    match = EPSG_NAME.search(name)
    if match and _known(int(match.group(1))):
        return int(match.group(1))
    raise ZoneFileError(
        [
            _(
                "The file's coordinate system “%(crs)s” is not known: save it "
                "in WGS 84 (EPSG:4326)."
            )
            % {"crs": name or json.dumps(crs)[:100]}
        ]
    )


def _known(srid: int) -> bool:
    try:
        SpatialReference(srid)
    except (GDALException, SRSException):
        return False
    return True


def _shape(feature: Any, number: int, name_property: str, srid: int) -> ZoneShape:
    if not isinstance(feature, dict) or feature.get("type") != "Feature":
        raise ZoneFileError(
            [_("Item %(number)s is not a GeoJSON feature.") % {"number": number}]
        )
    name = _name(feature, number, name_property)
    area = _area(feature.get("geometry"), srid, name)
    return ZoneShape(name=name, area=area)


def _name(feature: dict[str, Any], number: int, name_property: str) -> str:
    properties = feature.get("properties") or {}
    value = properties.get(name_property) if isinstance(properties, dict) else None
    name = str(value).strip() if isinstance(value, str | int) else ""

    if not name:
        found = ", ".join(sorted(str(key) for key in properties)) or _("none")
        raise ZoneFileError(
            [
                _(
                    "Feature %(number)s has no “%(property)s” property to name "
                    "the zone. Its properties are: %(found)s."
                )
                % {"number": number, "property": name_property, "found": found}
            ]
        )
    if len(name) > MAX_NAME_LENGTH:
        raise ZoneFileError(
            [
                _("The name of feature %(number)s is longer than %(max)s characters.")
                % {"number": number, "max": MAX_NAME_LENGTH}
            ]
        )
    return name


def _area(geometry: Any, srid: int, name: str) -> MultiPolygon:
    kind = geometry.get("type") if isinstance(geometry, dict) else None
    if kind not in POLYGONAL:
        raise ZoneFileError(
            [
                _("Zone “%(name)s” is not a polygon (its geometry is %(kind)s).")
                % {"name": name, "kind": kind or _("missing")}
            ]
        )
    try:
        # GDAL reads GeoJSON as WGS 84: the file's own system is set after.
        shape = GEOSGeometry(json.dumps(geometry))
        shape.srid = srid
        if srid != WGS84:
            shape.transform(WGS84)
    except (GEOSException, GDALException, ValueError):
        raise ZoneFileError(
            [_("The geometry of zone “%(name)s” cannot be read.") % {"name": name}]
        ) from None

    west, south, east, north = shape.extent
    if west < -180 or east > 180 or south < -90 or north > 90:
        raise ZoneFileError(
            [
                _(
                    "Zone “%(name)s” has coordinates that are not longitudes and "
                    "latitudes: save the file in WGS 84 (EPSG:4326)."
                )
                % {"name": name}
            ]
        )
    # GEOSGeometry.make_valid came with Django 4.1; the stubs lack it.
    repaired = shape if shape.valid else shape.make_valid()  # type: ignore[attr-defined]
    area = _multipolygon(repaired)
    if area is None:
        raise ZoneFileError(
            [_("The polygon of zone “%(name)s” is empty.") % {"name": name}]
        )
    return area


def _multipolygon(shape: GEOSGeometry) -> MultiPolygon | None:
    """The polygons of a shape, as one MultiPolygon; None when it has none.

    Repairing an invalid polygon (a ring that crosses itself) can yield a
    collection with lines or points beside the polygons: they are dropped.
    """
    polygons = list(_polygons(shape))
    if not polygons:
        return None
    return MultiPolygon(*polygons, srid=WGS84)


def _polygons(shape: GEOSGeometry) -> Iterator[Polygon]:
    if isinstance(shape, Polygon):
        if not shape.empty:
            yield shape.clone()
    elif isinstance(shape, GeometryCollection):
        # MultiPolygon is a GeometryCollection too.
        for part in shape:
            yield from _polygons(part)


def _duplicate_names(shapes: Iterable[ZoneShape]) -> list[str]:
    seen: set[str] = set()
    problems = []
    for shape in shapes:
        key = shape.name.casefold()
        if key in seen:
            problems.append(_("Two zones are named “%(name)s”.") % {"name": shape.name})
        seen.add(key)
    return problems


def _summarised(problems: list[str]) -> list[str]:
    if len(problems) <= MAX_REPORTED_PROBLEMS:
        return problems
    more = len(problems) - MAX_REPORTED_PROBLEMS
    return [
        *problems[:MAX_REPORTED_PROBLEMS],
        _("…and %(count)s more problems.") % {"count": more},
    ]
