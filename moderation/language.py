"""Offensive words in a report's text: flags for the clerk, never a verdict.

Words are matched whole, on folded text: case, diacritics and the cedilla
or comma below of ş/ș and ţ/ț make no difference.
"""

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from django.db.models import Q

from institutions.models import Institution
from moderation.models import OffensiveWord
from moderation.personal_data import Finding
from moderation.text import fold, fold_in_place, normalize_text

OFFENSIVE = "offensive"


def offensive_words_for(institution: Institution | None) -> tuple[str, ...]:
    """The words flagged for the institution: its own list and the common one."""
    scope = Q(institution__isnull=True)
    if institution is not None:
        scope |= Q(institution=institution)
    words = OffensiveWord.objects.filter(scope).values_list("word", flat=True)
    return tuple(sorted(set(words)))


def find_offensive_words(text: str, words: Iterable[str]) -> Iterator[Finding]:
    pattern = _pattern(tuple(words))
    if pattern is None:
        return
    for match in pattern.finditer(fold_in_place(text)):
        yield Finding(
            kind=OFFENSIVE,
            start=match.start(),
            end=match.end(),
            text=text[match.start() : match.end()],
        )


@lru_cache(maxsize=32)
def _pattern(words: tuple[str, ...]) -> re.Pattern[str] | None:
    variants = {_variant(word) for word in words} - {""}
    if not variants:
        return None
    # Longer phrases first, so that "pizda matii" wins over "pizda".
    alternatives = sorted(variants, key=len, reverse=True)
    return re.compile(rf"(?<!\w)(?:{'|'.join(alternatives)})(?!\w)")


def _variant(word: str) -> str:
    """The regular expression of one folded word or phrase."""
    parts = re.split(r"[\s\-]+", fold(word).strip())
    # Words are written apart, joined by a hyphen or glued together.
    return r"[\s\-]*".join(re.escape(part) for part in parts if part)


def parse_word_list(lines: Iterable[str]) -> list[str]:
    """The words of a list file: one entry a line, variants split by "/"."""
    words: list[str] = []
    for line in lines:
        entry = normalize_text(line.split("#", 1)[0])
        for variant in entry.split("/"):
            word = " ".join(variant.split())
            if word and word not in words:
                words.append(word)
    return words
