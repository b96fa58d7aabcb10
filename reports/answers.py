"""Answers to a category's extra questions, and the copy a report keeps.

The report form carries the questions of every category, so that it works
without JavaScript; only the chosen category's answers are checked and
kept. A report keeps each answer with the question as it was asked (its
code, words and kind, the choice's key and name), so rewording or removing
a question later changes no report already sent.

Answers are seen by the institution's staff and the report's author only:
a text answer is typed by the citizen and is not checked for personal data
as the public text is, and the clerk publishes the description, not them.
"""

import re
from decimal import Decimal, InvalidOperation
from typing import Any

from django import forms
from django.conf import settings
from django.utils import formats, translation
from django.utils.translation import gettext as _

from institutions.models import CategoryQuestion, QuestionKind
from moderation.text import normalize_text

TEXT_MAX_LENGTH = 300
# Digits with at most one decimal mark: the comma Romanians write, or the
# point of applications and phones set to English.
NUMBER = re.compile(r"^-?\d{1,12}(?:[.,]\d{1,6})?$")

Answer = dict[str, Any]


def field_name(question: CategoryQuestion) -> str:
    return f"question-{question.pk}"


class RawAnswer(forms.Field):
    """An answer as sent, checked later against its question by check_answer.

    The form checks only the chosen category's questions: a field cannot
    know which category that is, so it only reads what was sent.
    """

    def __init__(self, *, multiple: bool, **kwargs: Any) -> None:
        self.multiple = multiple
        widget = forms.CheckboxSelectMultiple if multiple else forms.TextInput
        super().__init__(required=False, widget=widget, **kwargs)

    def to_python(self, value: Any) -> str | list[str]:
        if self.multiple:
            values = value if isinstance(value, list | tuple) else [value or ""]
            return [str(item).strip() for item in values if str(item).strip()]
        return str(value or "").strip()


def answer_field(question: CategoryQuestion) -> RawAnswer:
    return RawAnswer(
        multiple=question.kind == QuestionKind.MULTIPLE, label=question.label
    )


def parse_number(text: str) -> Decimal:
    """A number as a person types it: "2,5", "2.5" or " 30 "."""
    text = text.strip().replace(" ", "")
    if not NUMBER.match(text):
        raise forms.ValidationError(
            _("Write a number, for example 30 or 2,5."), code="invalid"
        )
    try:
        return Decimal(text.replace(",", "."))
    except InvalidOperation:
        raise forms.ValidationError(
            _("Write a number, for example 30 or 2,5."), code="invalid"
        ) from None


def check_answer(question: CategoryQuestion, raw: str | list[str]) -> Answer | None:
    """The answer to keep, None when there is none; ValidationError if wrong."""
    if not raw:
        if question.required:
            raise forms.ValidationError(_("Answer this question."), code="required")
        return None

    if question.kind == QuestionKind.TEXT:
        assert isinstance(raw, str)
        text = normalize_text(raw)
        if len(text) > TEXT_MAX_LENGTH:
            raise forms.ValidationError(
                _("Write at most %(max)s characters.") % {"max": TEXT_MAX_LENGTH},
                code="max_length",
            )
        return _answer(question, text, text)

    if question.kind == QuestionKind.NUMBER:
        assert isinstance(raw, str)
        number = parse_number(raw)
        return _answer(question, str(number), _number_text(number))

    names = {choice.key: choice.name for choice in question.choice_list()}
    keys = raw if isinstance(raw, list) else [raw]
    if any(key not in names for key in keys):
        raise forms.ValidationError(
            _("Choose among the answers offered."), code="invalid_choice"
        )
    if question.kind == QuestionKind.SINGLE:
        if len(keys) > 1:
            raise forms.ValidationError(_("Choose one answer."), code="invalid_choice")
        return _answer(question, keys[0], names[keys[0]])
    # Several choices are kept in the order the question offers them.
    chosen = [key for key in names if key in keys]
    return _answer(question, chosen, ", ".join(names[key] for key in chosen))


def _answer(question: CategoryQuestion, value: str | list[str], text: str) -> Answer:
    return {
        "code": question.code,
        "question": question.label,
        "kind": question.kind,
        "value": value,
        "answer": text,
    }


def _number_text(number: Decimal) -> str:
    # Written in the institution's language, as the timeline's texts are.
    with translation.override(settings.LANGUAGE_CODE):
        return formats.number_format(number, use_l10n=True)
