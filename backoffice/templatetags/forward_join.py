from django import template

from reports.forwarding import ForwardWindow, forward_window, was_forwarded_late
from reports.models import Report

register = template.Library()


@register.simple_tag(name="forward_window")
def forward_window_tag(report: Report) -> ForwardWindow | None:
    """The days left to forward the report, while it may still be forwarded."""
    return forward_window(report)


@register.filter
def forwarded_late(report: Report) -> bool:
    return was_forwarded_late(report)
