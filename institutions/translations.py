"""Texts an institution writes, in the visitor's language.

An institution writes its texts (a category's name, description and
guidance...) in Romanian, its working language, and may add their English
and Hungarian versions. Each version is a field of its own beside the
original, named after it and the language code: ``name`` is the Romanian
original, ``name_en`` and ``name_hu`` its versions. A version left empty
falls back to the original, so a text is never missing.

To make a text of another model translatable:

1. add one blank field per language of ``translation_languages()`` beside
   the original, of the same type, named ``<field>_<code>``, for example::

       label = models.CharField(_("label"), max_length=200)
       label_en = models.CharField(_("label in English"), max_length=200,
                                   blank=True)
       label_hu = models.CharField(_("label in Hungarian"), max_length=200,
                                   blank=True)

   then ``makemigrations``; a ModelAdmin without ``fields`` or
   ``fieldsets`` shows them beside the original by itself;
2. read the text with ``translated(obj, "label")`` in Python, and with
   ``{{ obj|translated:"label" }}`` in templates (``{% load translated %}``).

What the institution sends to other systems (its registry, the legal
answer, e-mails to staff) stays in Romanian: read the original field there.
"""

from django.conf import settings
from django.db import models
from django.utils import translation


def translation_languages() -> list[str]:
    """The languages a text can have beside the Romanian original."""
    return [
        code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE
    ]


def translated(obj: models.Model, field: str, language: str | None = None) -> str:
    """The text of ``field`` in ``language`` (the active one by default).

    The original when the language is the default one, when the model has
    no version in that language, or when the version is empty.
    """
    original = getattr(obj, field)
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    code = language.split("-")[0]
    if code == settings.LANGUAGE_CODE:
        return original
    version = getattr(obj, f"{field}_{code}", "")
    return version or original


def with_translations(*paths: str) -> list[str]:
    """The field paths with their versions, for ``only()`` on a query.

    ``with_translations("category__name")`` reads ``category__name_en`` and
    ``category__name_hu`` too, so that ``translated`` asks nothing more.
    """
    return [
        version
        for path in paths
        for version in [path, *(f"{path}_{code}" for code in translation_languages())]
    ]
