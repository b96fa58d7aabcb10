from django import template
from django.db import models

from institutions.translations import translated as translated_text

register = template.Library()


@register.filter
def translated(obj: models.Model | None, field: str) -> str:
    """``{{ category|translated:"name" }}``: the text in the active language."""
    if obj is None:
        return ""
    return translated_text(obj, field)
