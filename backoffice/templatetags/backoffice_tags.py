from django import template

from backoffice.queues import DUE_SOON_DAYS, days_left
from reports.models import Report

register = template.Library()


@register.inclusion_tag("backoffice/_due_badge.html")
def due_badge(report: Report) -> dict[str, object]:
    """A badge for an overdue report or one due within a few days."""
    left = days_left(report)
    return {
        "overdue": left is not None and left < 0,
        "due_soon": left is not None and 0 <= left <= DUE_SOON_DAYS,
        "days": left,
    }
