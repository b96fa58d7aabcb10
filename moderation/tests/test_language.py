"""Offensive words: whole words, whatever the case, diacritics and cedillas."""

import pytest
from django.core.management import call_command

from moderation.language import (
    find_offensive_words,
    offensive_words_for,
    parse_word_list,
)
from moderation.models import Language, OffensiveWord
from tests.factories import InstitutionFactory

WORDS = ["jigodie", "pișat", "sa te fut", "futu-ti"]


def flagged(text, words=WORDS):
    return [finding.text for finding in find_offensive_words(text, words)]


@pytest.mark.parametrize(
    "text",
    [
        "Ești o jigodie.",
        "Ești o JIGODIE!",
        "Miroase a pișat.",
        "Miroase a pişat.",  # cedilla
        "Miroase a pisat.",  # no diacritics
        "Miroase a PIȘAT.",
    ],
)
def test_find_offensive_words_ignores_case_diacritics_and_cedilla(text):
    assert len(flagged(text)) == 1


def test_find_offensive_words_matches_phrases_hyphenated_or_not():
    text = "Să te fut! futu-ti, futu ti, sa  te  fut"

    assert flagged(text) == ["Să te fut", "futu-ti", "futu ti", "sa  te  fut"]


def test_find_offensive_words_matches_whole_words_only():
    text = "Jigodiele? Nu. Pisatoarea, refuturile și neFUTu-tile nu contează."

    assert flagged(text) == []


def test_find_offensive_words_keeps_positions_of_the_original_text():
    text = "Şoferul e o jigodie."

    [finding] = find_offensive_words(text, WORDS)

    assert (finding.start, finding.end, finding.text) == (12, 19, "jigodie")


def test_parse_word_list_splits_variants_and_skips_blanks():
    lines = ["muist / muista", "", "floc/floci", "  pizda matii  ", "muist"]

    assert parse_word_list(lines) == ["muist", "muista", "floc", "floci", "pizda matii"]


def test_offensive_words_for_joins_the_common_and_the_institution_list(
    institution,
):
    other = InstitutionFactory(slug="alta")
    OffensiveWord.objects.create(word="jigodie", language=Language.ROMANIAN)
    OffensiveWord.objects.create(
        word="papagal", language=Language.ROMANIAN, institution=institution
    )
    OffensiveWord.objects.create(
        word="bou", language=Language.ROMANIAN, institution=other
    )

    assert offensive_words_for(institution) == ("jigodie", "papagal")
    assert offensive_words_for(None) == ("jigodie",)


def test_import_offensive_words_loads_the_shared_lists(shared_data, institution):
    folder = shared_data / "moderation"

    call_command("import_offensive_words", folder / "ldnoobw-ro.txt", language="ro")
    call_command("import_offensive_words", folder / "ldnoobw-hu.txt", language="hu")
    call_command(
        "import_offensive_words", folder / "ldnoobw-ro.txt", language="ro"
    )  # again: nothing twice

    words = offensive_words_for(institution)
    assert OffensiveWord.objects.filter(language="ro", institution=None).count() == 42
    assert {"muist", "muista", "jigodie", "bazmeg"} <= set(words)
    assert flagged("Ce JIGODIE! Bazmeg. Jigodiile nu.", words) == [
        "JIGODIE",
        "Bazmeg",
    ]


def test_import_offensive_words_for_one_institution(tmp_path, institution):
    path = tmp_path / "lista.txt"
    path.write_text("papagal\nbou\n", encoding="utf-8")

    call_command(
        "import_offensive_words", path, language="ro", institution="cluj-napoca"
    )

    assert offensive_words_for(institution) == ("bou", "papagal")
    assert offensive_words_for(None) == ()
