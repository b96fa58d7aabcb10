"""The clerk hides personal data in a report's public text before publishing.

The citizen's description stays as sent; the timeline keeps, for staff,
what was hidden (by kind, never the data itself).
"""

from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext as _

from accounts.models import User
from institutions import roles
from moderation.findings import KIND_LABELS, mask_text
from moderation.personal_data import PERSONAL_KINDS, Finding, find_personal_data
from reports.models import Event, EventKind, Report, Status, Visibility
from reports.workflow import WorkflowError


def mask_public_text(
    *,
    report: Report,
    actor: User,
    kind: str = "",
    start: int | None = None,
    end: int | None = None,
) -> Report:
    """Replace one finding (kind, start, end as shown) or all by placeholders.

    Raises WorkflowError when the actor is not a clerk, the report is no
    longer waiting for the registry, or the text changed since it was shown.
    """
    if not roles.is_clerk(actor, report.institution):
        raise WorkflowError(_("Only the registry clerks edit the public text."))

    with transaction.atomic():
        report = Report.objects.select_for_update().get(pk=report.pk)
        if report.status != Status.REGISTERED:
            raise WorkflowError(
                _("The public text can only be edited before publishing.")
            )
        chosen = _chosen(report.public_description, kind, start, end)

        with translation.override(settings.LANGUAGE_CODE):
            report.public_description = mask_text(report.public_description, chosen)
            kinds = [str(KIND_LABELS[k]) for k in PERSONAL_KINDS if _has(chosen, k)]
            text = gettext("Public text edited: %(kinds)s masked.") % {
                "kinds": ", ".join(kinds)
            }
        report.save(update_fields=["public_description", "updated_at"])
        Event.objects.create(
            report=report,
            kind=EventKind.NOTE,
            actor=actor,
            from_status=report.status,
            to_status=report.status,
            text=text,
            visibility=Visibility.INTERNAL,
        )
    return report


def _chosen(text: str, kind: str, start: int | None, end: int | None) -> list[Finding]:
    found = find_personal_data(text)
    if start is None:
        if not found:
            raise WorkflowError(_("No personal data is left to mask."))
        return found

    chosen = [f for f in found if (f.kind, f.start, f.end) == (kind, start, end)]
    if not chosen:
        raise WorkflowError(_("The public text has changed: check it again."))
    return chosen


def _has(findings: list[Finding], kind: str) -> bool:
    return any(finding.kind == kind for finding in findings)
