from typing import Any

from django import template

from institutions import roles
from moderation.findings import KIND_LABELS, find_all, segments
from moderation.language import OFFENSIVE
from reports.models import Report, Status

register = template.Library()


@register.inclusion_tag("moderation/_report_findings.html", takes_context=True)
def report_findings(context: dict[str, Any], report: Report) -> dict[str, object]:
    """The public text with its findings highlighted, and the clerk's actions."""
    user = context["request"].user
    public = find_all(report.public_description, report.institution)
    original = find_all(report.description, report.institution)

    return {
        "report": report,
        "csrf_token": context.get("csrf_token"),
        "findings": public,
        "segments": segments(report.public_description, public),
        "personal_count": sum(f.kind != OFFENSIVE for f in public),
        "hidden": [f for f in original if f.kind != OFFENSIVE],
        "can_mask": report.status == Status.REGISTERED
        and roles.is_clerk(user, report.institution),
    }


@register.filter
def kind_label(kind: str) -> str:
    return str(KIND_LABELS.get(kind, kind))
