"""The two formats of GeoReport v2: JSON, and XML mapped from the same data.

An answer is built once as Python data: a list of records (or one record)
whose values are strings, numbers, booleans, None or nested lists. JSON
writes it as it is; XML follows the specification's Spark convention in
reverse: the list becomes a root element holding one element per record,
and a nested list holds one element per item, named in LIST_ITEMS.
"""

import json
from datetime import date, datetime, time, tzinfo
from typing import Any
from xml.etree import ElementTree

from django.http import HttpResponse
from django.utils import timezone

JSON = "json"
XML = "xml"
CONTENT_TYPES = {
    JSON: "application/json; charset=utf-8",
    XML: "text/xml; charset=utf-8",
}
XML_DECLARATION = b'<?xml version="1.0" encoding="utf-8"?>\n'

# The element of each item of a nested list, by the list's name.
LIST_ITEMS = {
    "attributes": "attribute",
    "values": "value",
    "endpoints": "endpoint",
    "formats": "format",
}

Record = dict[str, Any]


def w3c_datetime(moment: datetime | None, zone: tzinfo | None = None) -> str | None:
    """ISO 8601 with the offset, in the site's time zone, to the second.

    A long list passes ``zone``, the site's time zone read once: reading it
    is a context-local lookup that would otherwise cost more than the rest.
    """
    if moment is None:
        return None
    zone = zone or timezone.get_current_timezone()
    return moment.astimezone(zone).isoformat(timespec="seconds")


def end_of_day(day: date | None, zone: tzinfo | None = None) -> str | None:
    """The last second of a day of the site's time zone: a legal due date."""
    if day is None:
        return None
    zone = zone or timezone.get_current_timezone()
    moment = datetime.combine(day, time(23, 59, 59), tzinfo=zone)
    return moment.isoformat(timespec="seconds")


def render(
    data: list[Record] | Record,
    fmt: str,
    *,
    root: str,
    item: str = "",
    status: int = 200,
) -> HttpResponse:
    """The answer in the format asked for.

    ``root`` names the XML root element; ``item`` the element of each record
    when ``data`` is a list. A single record is the root element itself.
    """
    if fmt == JSON:
        body = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
    else:
        body = XML_DECLARATION + _xml(data, root, item)
    return HttpResponse(body, status=status, content_type=CONTENT_TYPES[fmt])


def error(fmt: str, status: int, description: str) -> HttpResponse:
    """The specification's error answer: a list of one code and description."""
    errors = [{"code": status, "description": description}]
    return render(errors, fmt, root="errors", item="error", status=status)


def _xml(data: list[Record] | Record, root: str, item: str) -> bytes:
    if isinstance(data, dict):
        element = _record(root, data)
    else:
        element = ElementTree.Element(root)
        element.extend(_record(item, record) for record in data)
    return ElementTree.tostring(element, encoding="utf-8", xml_declaration=False)


def _record(tag: str, record: Record) -> ElementTree.Element:
    element = ElementTree.Element(tag)
    for name, value in record.items():
        child = ElementTree.SubElement(element, name)
        if isinstance(value, list):
            child.extend(_value(LIST_ITEMS[name], each) for each in value)
        elif value is not None:
            child.text = _text(value)
    return element


def _value(tag: str, value: Any) -> ElementTree.Element:
    if isinstance(value, dict):
        return _record(tag, value)
    element = ElementTree.Element(tag)
    element.text = _text(value)
    return element


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
