"""Small hand-written GeoJSON files for the zone tests."""

import json
from typing import Any

from django.contrib.gis.geos import Point

# Piața Unirii (the `place` fixture) is in CENTRE_BOX; MANASTUR_POINT in
# MANASTUR_BOX; OUTSIDE_POINT, in the territory, is in neither.
CENTRE_BOX = (23.58, 46.76, 23.60, 46.78)
MANASTUR_BOX = (23.54, 46.75, 23.57, 46.77)
MANASTUR_POINT = Point(23.55, 46.76, srid=4326)
OUTSIDE_POINT = Point(23.65, 46.80, srid=4326)


def ring(box: tuple[float, float, float, float]) -> list[list[float]]:
    west, south, east, north = box
    return [[west, south], [east, south], [east, north], [west, north], [west, south]]


def feature(
    name: str | None, box: tuple[float, float, float, float], **properties: Any
) -> dict[str, Any]:
    if name is not None:
        properties["name"] = name
    return {
        "type": "Feature",
        "properties": properties,
        "geometry": {"type": "Polygon", "coordinates": [ring(box)]},
    }


def collection(*features: dict[str, Any], **members: Any) -> bytes:
    return json.dumps(
        {"type": "FeatureCollection", "features": list(features), **members}
    ).encode()


def two_zones() -> bytes:
    return collection(feature("Centru", CENTRE_BOX), feature("Mănăștur", MANASTUR_BOX))
