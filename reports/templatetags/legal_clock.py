from django import template

from reports.models import Event, EventKind, Report

register = template.Library()


@register.inclusion_tag("reports/_extension_note.html")
def extension_note(report: Report, as_paragraph: bool = False) -> dict[str, object]:
    """A mention that the term was extended: a badge, or a sentence."""
    extension: Event | None = report.events.filter(kind=EventKind.EXTENDED).first()
    return {"extension": extension, "as_paragraph": as_paragraph}
