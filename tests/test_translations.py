"""The Romanian and Hungarian catalogues: complete, faithful to their
placeholders, compiled; and the pages that read them."""

import ast
import datetime
import gettext
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import formats, translation

LOCALE = Path(settings.BASE_DIR) / "locale"
# Each translated language, with its number of plural forms.
PLURAL_FORMS = {"ro": 3, "hu": 2}
PLACEHOLDER = re.compile(
    r"%\(\w+\)[sdr]"  # %(name)s
    r"|%[sd]"  # %s, %d
    r"|\{\w*\}"  # {number}, {}
    r"|</?[A-Za-z][^<>]*>"  # HTML tags
)
CEDILLA_LETTERS = "şţŞŢ"


@dataclass
class Entry:
    msgid: str = ""
    msgid_plural: str | None = None
    msgctxt: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    flags: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return f"[{self.msgctxt}] {self.msgid!r}" if self.msgctxt else repr(self.msgid)


def _parse_po(text: str) -> list[Entry]:
    """The live entries of a PO file, header and obsolete ones left out."""
    entries = []
    for block in text.split("\n\n"):
        entry, target = Entry(), None
        for line in block.strip().splitlines():
            if line.startswith("#,"):
                entry.flags += [flag.strip() for flag in line[2:].split(",")]
            elif line.startswith("#"):
                continue
            elif line.startswith('"'):
                target(ast.literal_eval(line))
            else:
                keyword, _, literal = line.partition(" ")
                target = _setter(entry, keyword)
                target(ast.literal_eval(literal), first=True)
        if entry.msgid:
            entries.append(entry)
    return entries


def _setter(entry: Entry, keyword: str):
    def set_value(value: str, first: bool = False) -> None:
        if keyword.startswith("msgstr"):
            index = int(keyword[7:-1]) if "[" in keyword else 0
            entry.msgstr[index] = ("" if first else entry.msgstr[index]) + value
        else:
            old = "" if first else getattr(entry, keyword)
            setattr(entry, keyword, old + value)

    return set_value


def _po(language: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / "django.po"


@pytest.fixture(scope="module", params=sorted(PLURAL_FORMS))
def language(request) -> str:
    return request.param


@pytest.fixture(scope="module")
def entries(language) -> list[Entry]:
    return _parse_po(_po(language).read_text(encoding="utf-8"))


def test_every_offered_language_but_english_has_a_catalogue():
    offered = {code for code, _name in settings.LANGUAGES}

    assert offered - {"en"} == set(PLURAL_FORMS)


def test_catalogue_parser_reads_contexts_plurals_and_continuations():
    text = (
        'msgid ""\nmsgstr ""\n"Language: ro\\n"\n\n'
        '#, fuzzy, python-format\nmsgctxt "pin"\nmsgid "New"\nmsgstr "Nouă"\n\n'
        'msgid "%d day"\nmsgid_plural ""\n"%d days"\n'
        'msgstr[0] "%d zi"\nmsgstr[1] "%d zile"\nmsgstr[2] ""\n"%d de zile"\n'
    )

    [pin, days] = _parse_po(text)

    assert (pin.msgctxt, pin.msgid, pin.msgstr, pin.flags) == (
        "pin",
        "New",
        {0: "Nouă"},
        ["fuzzy", "python-format"],
    )
    assert (days.msgid_plural, days.msgstr) == (
        "%d days",
        {0: "%d zi", 1: "%d zile", 2: "%d de zile"},
    )


def test_catalogue_has_entries(entries):
    assert len(entries) > 400


def test_catalogue_has_no_fuzzy_entry(entries):
    fuzzy = [entry.name for entry in entries if "fuzzy" in entry.flags]

    assert fuzzy == []


def test_catalogue_has_no_untranslated_entry(entries):
    untranslated = [
        entry.name
        for entry in entries
        if not entry.msgstr or not all(entry.msgstr.values())
    ]

    assert untranslated == []


def test_catalogue_gives_plurals_all_their_forms(entries, language):
    plurals = [entry for entry in entries if entry.msgid_plural is not None]
    forms = list(range(PLURAL_FORMS[language]))

    incomplete = [entry.name for entry in plurals if sorted(entry.msgstr) != forms]

    assert plurals
    assert incomplete == []


def test_catalogue_keeps_every_placeholder(entries):
    lost = []
    for entry in entries:
        wanted = set(PLACEHOLDER.findall(entry.msgid + (entry.msgid_plural or "")))
        for index, msgstr in entry.msgstr.items():
            missing = wanted - set(PLACEHOLDER.findall(msgstr))
            if missing:
                lost.append((entry.name, index, sorted(missing)))

    assert lost == []


# A date placeholder followed by a full stop or a suffix.
DATE_THEN_MARK = re.compile(r"(?:%\((?:due|date|day)\)s|\{(?:due|date|day)\})[.-]")


def test_hungarian_dates_take_no_suffix_and_no_second_full_stop():
    # A Hungarian date ends with its own full stop ("2027. január 4."): a
    # sentence ending on it adds none, and "-ig" would follow the stop.
    marked = [
        entry.name
        for entry in _parse_po(_po("hu").read_text(encoding="utf-8"))
        if any(DATE_THEN_MARK.search(msgstr) for msgstr in entry.msgstr.values())
    ]

    assert marked == []


def test_catalogue_writes_comma_below_never_cedilla(entries):
    with_cedilla = [
        entry.name
        for entry in entries
        if set(CEDILLA_LETTERS) & set("".join(entry.msgstr.values()))
    ]

    assert with_cedilla == []


def test_catalogue_declares_its_language_and_plural_forms(language):
    header = _po(language).read_text(encoding="utf-8").split("\n\n")[0]

    assert f'"Language: {language}\\n"' in header
    assert f"nplurals={PLURAL_FORMS[language]};" in header


def test_compiled_catalogue_matches_the_po(entries, language):
    with _po(language).with_suffix(".mo").open("rb") as compiled:
        translations = gettext.GNUTranslations(compiled)
    # A count that picks each plural form: 1, then 2 (and 20 in Romanian).
    counts = [1, 2, 20][: PLURAL_FORMS[language]]

    stale = []
    for entry in entries:
        if entry.msgid_plural is not None:
            got = {
                index: translations.ngettext(entry.msgid, entry.msgid_plural, count)
                for index, count in enumerate(counts)
            }
        elif entry.msgctxt is not None:
            got = {0: translations.pgettext(entry.msgctxt, entry.msgid)}
        else:
            got = {0: translations.gettext(entry.msgid)}
        if got != entry.msgstr:
            stale.append(entry.name)

    assert stale == []


def test_dates_write_month_names_in_lowercase():
    with translation.override("ro"):
        text = formats.date_format(datetime.date(2027, 1, 3), "DATE_FORMAT")

    assert text == "3 ianuarie 2027"


def test_home_page_speaks_romanian_by_default(client, institution):
    response = client.get(reverse("home"))

    assert response.status_code == 200
    assert '<html lang="ro">' in response.content.decode()
    assert "Sesizările pe hartă" in response.content.decode()
    assert "Trimiteți o sesizare" in response.content.decode()


def test_list_page_counts_reports_in_romanian(client, institution):
    response = client.get(reverse("reports:list"))

    assert response.status_code == 200
    assert "0 sesizări" in response.content.decode()


def test_signup_page_speaks_romanian_by_default(client, institution):
    response = client.get(reverse("account_signup"))

    page = response.content.decode()
    assert "Nume complet" in page
    assert "Creați contul" in page
    assert "Parola nu poate fi formată doar din cifre." in page


def test_login_page_addresses_citizens_formally(client, institution):
    response = client.get(reverse("account_login"))

    page = response.content.decode()
    assert "Ați uitat parola?" in page
    assert "Țineți-mă minte" in page
    assert "Ai uitat parola?" not in page


def test_signup_error_for_a_short_password_is_romanian(client, institution):
    form = {
        "full_name": "Ioana Mureșan",
        "phone": "0745 111 222",
        "email": "ioana.muresan@example.ro",
        "password1": "scurt",
        "password2": "scurt",
    }

    response = client.post(reverse("account_signup"), form)

    assert response.status_code == 200
    assert (
        "Parola este prea scurtă. Trebuie să aibă cel puțin 8 caractere."
        in response.content.decode()
    )
