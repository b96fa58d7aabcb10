"""What the clerk and the citizen are shown about a report's text.

A finding is personal data (masked in the public text) or an offensive
word (a flag: the clerk decides).
"""

from collections.abc import Sequence
from dataclasses import dataclass

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext, gettext_lazy, pgettext_lazy

from institutions.models import Institution
from moderation.language import OFFENSIVE, find_offensive_words, offensive_words_for
from moderation.personal_data import (
    CNP,
    EMAIL,
    IBAN,
    NAME,
    PERSONAL_KINDS,
    PHONE,
    Finding,
    find_personal_data,
    without_overlaps,
)
from moderation.text import normalize_text

KIND_LABELS = {
    CNP: pgettext_lazy("personal data", "CNP"),
    PHONE: pgettext_lazy("personal data", "phone number"),
    EMAIL: pgettext_lazy("personal data", "e-mail address"),
    IBAN: pgettext_lazy("personal data", "IBAN"),
    NAME: pgettext_lazy("personal data", "name"),
    OFFENSIVE: pgettext_lazy("finding", "offensive word"),
}

PLACEHOLDERS = {
    CNP: gettext_lazy("[CNP hidden]"),
    PHONE: gettext_lazy("[phone hidden]"),
    EMAIL: gettext_lazy("[e-mail hidden]"),
    IBAN: gettext_lazy("[IBAN hidden]"),
    NAME: gettext_lazy("[name hidden]"),
}

# What the citizen reads in the preview, one sentence a kind.
CITIZEN_NOTICES = {
    CNP: gettext_lazy(
        "Your CNP will not be public: the registry hides it before publishing."
    ),
    PHONE: gettext_lazy(
        "Your phone number will not be public: the registry hides it before publishing."
    ),
    EMAIL: gettext_lazy(
        "The e-mail address will not be public: the registry hides it before "
        "publishing."
    ),
    IBAN: gettext_lazy(
        "The bank account (IBAN) will not be public: the registry hides it "
        "before publishing."
    ),
    NAME: gettext_lazy(
        "Your name will not be public: the registry hides it before publishing."
    ),
    OFFENSIVE: gettext_lazy(
        "Some words may be offensive: the registry may reject a report, or "
        "edit its public text, because of them."
    ),
}

FINDING_PRIORITY = (*PERSONAL_KINDS, OFFENSIVE)


def find_all(text: str, institution: Institution | None) -> list[Finding]:
    """Personal data and offensive words, sorted, none overlapping another."""
    found = find_personal_data(text)
    found += find_offensive_words(text, offensive_words_for(institution))
    return without_overlaps(found, FINDING_PRIORITY)


def mask_text(text: str, findings: Sequence[Finding]) -> str:
    """The text with each personal datum replaced by its placeholder.

    Offensive words stay: they are for the clerk to judge.
    """
    masked = text
    for finding in sorted(findings, key=lambda f: f.start, reverse=True):
        if finding.kind in PLACEHOLDERS and masked[finding.start : finding.end] == (
            finding.text
        ):
            placeholder = str(PLACEHOLDERS[finding.kind])
            masked = masked[: finding.start] + placeholder + masked[finding.end :]
    return masked


def public_text(description: str) -> str:
    """The citizen's text as it starts out public: personal data masked.

    Placeholders are in the institution's language, as the public reads it,
    whatever language the citizen writes in.
    """
    description = normalize_text(description)
    with translation.override(settings.LANGUAGE_CODE):
        return mask_text(description, find_personal_data(description))


@dataclass(frozen=True)
class Segment:
    """A piece of text, with the finding it is, if any."""

    text: str
    finding: Finding | None = None

    @property
    def label(self) -> str:
        return str(KIND_LABELS[self.finding.kind]) if self.finding else ""


def segments(text: str, findings: Sequence[Finding]) -> list[Segment]:
    """The text cut at its findings, to highlight them in a template."""
    pieces: list[Segment] = []
    position = 0
    for finding in findings:
        if finding.start > position:
            pieces.append(Segment(text[position : finding.start]))
        pieces.append(Segment(finding.text, finding))
        position = finding.end
    if position < len(text):
        pieces.append(Segment(text[position:]))
    return pieces


@dataclass(frozen=True)
class Preview:
    """What the citizen sees before sending: the public text and why."""

    public_text: str
    notices: list[str]


def preview_for(description: str, institution: Institution | None) -> Preview:
    text = normalize_text(description)
    kinds = {finding.kind for finding in find_all(text, institution)}
    notices = [str(CITIZEN_NOTICES[k]) for k in FINDING_PRIORITY if k in kinds]
    return Preview(public_text=public_text(text), notices=notices)


def mask_label(kind: str) -> str:
    return gettext("%(kind)s masked") % {"kind": KIND_LABELS[kind]}
