"""Personal data written into a report's text, found before it is published.

Each detector returns the spans it is sure enough of to show a clerk:
numbers are checked (CNP and IBAN check digits, Romanian numbering plan),
and the look-alikes a report is full of (house numbers, dates, times,
prices, postal codes, bus lines, number plates) are left alone.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from moderation.text import fold_in_place

CNP = "cnp"
PHONE = "phone"
EMAIL = "email"
IBAN = "iban"
NAME = "name"
PERSONAL_KINDS = (CNP, IBAN, EMAIL, PHONE, NAME)


@dataclass(frozen=True)
class Finding:
    kind: str
    start: int
    end: int
    text: str


def find_personal_data(text: str) -> list[Finding]:
    """Every personal datum of the text, sorted, none overlapping another."""
    found = [
        *find_cnps(text),
        *find_ibans(text),
        *find_emails(text),
        *find_phones(text),
        *find_names(text),
    ]
    return without_overlaps(found, PERSONAL_KINDS)


def without_overlaps(
    findings: list[Finding], priority: tuple[str, ...]
) -> list[Finding]:
    """Keep, where two findings overlap, the one of the kind listed first."""
    ranked = sorted(findings, key=lambda f: (priority.index(f.kind), f.start))
    kept: list[Finding] = []
    for finding in ranked:
        if all(finding.end <= k.start or finding.start >= k.end for k in kept):
            kept.append(finding)
    return sorted(kept, key=lambda f: f.start)


def _finding(kind: str, text: str, start: int, end: int) -> Finding:
    return Finding(kind=kind, start=start, end=end, text=text[start:end])


# CNP: S YY MM DD JJ NNN C. The check digit weighs the first twelve digits
# with this key, modulo 11, where 10 becomes 1.

_CNP_KEY = "279146358279"
_CNP = re.compile(r"(?<!\d)[1-9]\d{12}(?!\d)")
# Written in groups only after the word CNP, where the groups cannot be
# anything else.
_CNP_GROUPED = re.compile(
    r"\bC\.?N\.?P\.?\s*(?:nr\.?|:|-)?\s*([1-9](?:[ .\-]?\d){12})(?!\d)",
    re.IGNORECASE,
)
_CNP_CENTURY = {"1": 1900, "2": 1900, "3": 1800, "4": 1800, "5": 2000, "6": 2000}
_CNP_COUNTIES = {*range(1, 47), 47, 48, 51, 52}


def is_valid_cnp(digits: str) -> bool:
    if not re.fullmatch(r"[1-9]\d{12}", digits):
        return False

    weighted = sum(int(d) * int(k) for d, k in zip(digits, _CNP_KEY, strict=False))
    check = weighted % 11
    if (1 if check == 10 else check) != int(digits[12]):
        return False

    # Residents (7, 8) and foreigners (9) carry no century: any year will do.
    century = _CNP_CENTURY.get(digits[0], 2000 if digits[1] < "3" else 1900)
    try:
        date(century + int(digits[1:3]), int(digits[3:5]), int(digits[5:7]))
    except ValueError:
        return False
    return int(digits[7:9]) in _CNP_COUNTIES


def find_cnps(text: str) -> Iterator[Finding]:
    for match in _CNP.finditer(text):
        if is_valid_cnp(match.group()):
            yield _finding(CNP, text, match.start(), match.end())
    for match in _CNP_GROUPED.finditer(text):
        digits = re.sub(r"\D", "", match.group(1))
        if is_valid_cnp(digits) and not _CNP.fullmatch(match.group(1)):
            yield _finding(CNP, text, match.start(1), match.end(1))


# IBAN: a country code, two check digits and the account, in groups of four
# or not; valid when the whole, rotated, is 1 modulo 97.

_IBAN_LENGTHS = {
    "AT": 20, "BE": 16, "BG": 22, "CH": 21, "CZ": 24, "DE": 22, "DK": 18,
    "ES": 24, "FI": 18, "FR": 27, "GB": 22, "GR": 27, "HU": 28, "IE": 22,
    "IT": 27, "LU": 20, "MD": 24, "NL": 18, "NO": 15, "PL": 28, "PT": 25,
    "RO": 24, "SE": 24, "SK": 24, "UA": 29,
}  # fmt: skip
_IBAN = re.compile(
    r"(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}(?:[ \-]?[A-Za-z0-9]){11,30}",
)


def is_valid_iban(compact: str) -> bool:
    compact = compact.upper()
    expected = _IBAN_LENGTHS.get(compact[:2])
    if expected is not None and len(compact) != expected:
        return False
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{11,30}", compact):
        return False

    rotated = compact[4:] + compact[:4]
    number = "".join(str(int(char, 36)) for char in rotated)
    return int(number) % 97 == 1


def find_ibans(text: str) -> Iterator[Finding]:
    position = 0
    while match := _IBAN.search(text, position):
        end = _iban_end(text, match)
        if end is None:
            position = match.start() + 1
            continue
        yield _finding(IBAN, text, match.start(), end)
        position = end


def _iban_end(text: str, match: re.Match[str]) -> int | None:
    """Where the IBAN starting the match ends, if it is one.

    The pattern runs on into the next words; the country says how long the
    IBAN is, or else the longest valid prefix does.
    """
    positions = [
        match.start() + i for i, char in enumerate(match.group()) if char.isalnum()
    ]
    compact = "".join(text[i] for i in positions).upper()
    expected = _IBAN_LENGTHS.get(compact[:2])
    lengths = [expected] if expected else range(len(compact), 14, -1)
    for length in lengths:
        if length <= len(compact) and is_valid_iban(compact[:length]):
            end = positions[length - 1] + 1
            if end == len(text) or not text[end].isalnum():
                return end
            return None
    return None


# E-mail: the usual form, and the one people write to fool robots
# ("ion.pop at gmail.com", "ion.pop[at]yahoo.com").

_EMAIL = re.compile(
    r"(?<![\w.+-])[\w.+-]*\w"
    r"(?:@|\s?[\[(]\s?(?:at|@)\s?[\])]\s?|\s(?:at|arond)\s)"
    r"\w[\w-]*(?:\.\w[\w-]*)*\.[a-z]{2,6}\b",
    re.IGNORECASE,
)


def find_emails(text: str) -> Iterator[Finding]:
    for match in _EMAIL.finditer(text):
        yield _finding(EMAIL, text, match.start(), match.end())


# Phones: ten digits in the national form, 02x and 03x for landlines and
# 07x for mobiles, after +40, 0040 or nothing, in any grouping people use.

_PHONE_RUN = re.compile(r"(?<!\d)(?:\+|\(\+?)?\d(?:[ .\-/()]{1,3}\d|\d)*")
_DIGIT_GROUP = re.compile(r"\d+")
_SUBSCRIBER = re.compile(r"[23][1-9]\d{7}|7\d{8}")
# A date followed by an hour ("02.03.2024 10") has ten digits too.
_STARTS_AS_DATE = re.compile(
    r"\(?(?:0?[1-9]|[12]\d|3[01])[./\-](?:0?[1-9]|1[0-2])[./\-]"
)
_MAX_PHONE_CHARS = 14


def is_phone_number(digits: str) -> bool:
    """Digits of a number with its country code as written (+40, 0040, none)."""
    for country in ("+40", "0040"):
        if digits.startswith(country):
            national = digits[len(country) :]
            national = national[1:] if national.startswith("0") else national
            return bool(_SUBSCRIBER.fullmatch(national))
    return digits.startswith("0") and bool(_SUBSCRIBER.fullmatch(digits[1:]))


def find_phones(text: str) -> Iterator[Finding]:
    for run in _PHONE_RUN.finditer(text):
        groups = [
            (run.start() + g.start(), run.start() + g.end(), g.group())
            for g in _DIGIT_GROUP.finditer(run.group())
        ]
        plus = "+" in run.group()[:2]
        first = 0
        while first < len(groups):
            last = _phone_end(groups, first, plus=plus and first == 0)
            if last is None:
                first += 1
                continue
            start, stop = groups[first][0], groups[last][1]
            if first == 0 and plus:
                start = text.index("+", run.start())
            if start > 0 and text[start - 1] == "(":
                start -= 1
            if text[stop : stop + 1] == ")" and "(" in text[start:stop]:
                stop += 1
            if not _STARTS_AS_DATE.match(text[start:stop]) and not _is_time(text, stop):
                yield _finding(PHONE, text, start, stop)
            first = last + 1


def _phone_end(
    groups: list[tuple[int, int, str]], first: int, *, plus: bool
) -> int | None:
    """The last digit group of a number that starts at group ``first``."""
    digits = "+" if plus else ""
    for index in range(first, len(groups)):
        digits += groups[index][2]
        if is_phone_number(digits):
            return index
        if len(digits) >= _MAX_PHONE_CHARS:
            return None
    return None


def _is_time(text: str, stop: int) -> bool:
    return bool(re.match(r"[:.]\d\d\b", text[stop : stop + 3]))


# Names: in a signature, after "Subsemnatul" or a closing formula, or alone
# on the last line. Two to four capitalised words, none of which names a
# street, a place or an institution.

_UPPER = "A-ZĂÂÎȘȚŞŢÁÉÍÓÖŐÚÜŰ"
_LOWER = "a-zăâîșțşţáéíóöőúüűß"
_WORD = rf"[{_UPPER}](?:[{_LOWER}]+|[{_UPPER}]+)(?:-[{_UPPER}][{_LOWER}{_UPPER}]+)?"
_TITLE = r"(?:(?i:ing|dr|prof|av|ec|arh|jr|col)\.\s?)?"
_NAME = rf"{_WORD}(?:[ ]{_WORD}){{1,3}}"
# After these the name runs on into the sentence: "Subsemnatul Pop Ion va rog".
_INTRODUCTIONS = r"subsemnat(?:ul|a|ii|ele)|numele\s+meu\s+(?:este|e)|ma\s+numesc"
# After these the name ends its line or sentence: "Cu stimă, Pop Ion."
_CLOSINGS = (
    r"semnat|semnatura|cu\s+(?:stima|respect|drag)"
    r"|(?:va\s+|iti\s+)?multumesc(?:\s+(?:frumos|mult|anticipat))?"
    r"|multumiri|mersi|merci|toate\s+cele\s+bune|o\s+zi\s+buna|salutari"
)
_AFTER_INTRODUCTION = re.compile(rf"\b(?:{_INTRODUCTIONS})\b[\s,:]*")
_AFTER_CLOSING = re.compile(rf"\b(?:{_CLOSINGS})\b[\s,:.!;\-]*")
_NAME_IN_SENTENCE = re.compile(rf"{_TITLE}({_NAME})(?![\w-])")
_NAME_ENDING = re.compile(rf"{_TITLE}({_NAME})(?=[ \t]*(?:[,.;!()]|\n|$))")
# A signature: the name alone, or followed by the citizen's phone or e-mail.
_SIGNATURE = re.compile(
    rf"[\s\-–—~*]*{_TITLE}({_NAME})[ \t]*(?:[,;\-–/|]\s*(.*))?[ .,!]*$"
)
_CONTACT_WORDS = re.compile(r"(?i)\b(?:tel|telefon|mobil|e-?mail|mail)\b")
_SENTENCE_END = re.compile(r"[.!?]\s+")

# Words a capitalised line or phrase may hold that are not people's names.
_NOT_NAME_WORDS = frozenset(
    """
    strada str strazii bulevardul bulevardului bd b-dul calea caii piata pietei
    aleea aleii soseaua splaiul intrarea cartierul cartier cluj napoca
    cluj-napoca romania manastur gheorgheni marasti zorilor grigorescu
    bunaverde iris someseni dambul rotund floresti baciu apahida centru centrul
    primaria primariei politia politiei locala locale directia directiei
    compania apa somes ctp ratuc cas serviciul serviciului consiliul local
    judetean prefectura spitalul scoala liceul gradinita universitatea
    parcul parcului lidl kaufland profi mega image carrefour auchan dedeman
    iulius vivo mall sala polivalenta cluj arena biserica catedrala
    multumesc multumiri cu stima respect salutari toate bune buna zi
    va rog urgent sesizare sesizarea reclamatie problema domnule doamna
    doamnelor domnilor primar primarul primarului viteazu viteazul
    unirii pta bloc blocul scara apartamentul
    gradina botanica parc stadion stadionul gara aeroport aeroportul sens
    giratoriu pod podul cimitir cimitirul muzeu muzeul teatru teatrul opera
    complex complexul zona asociatia proprietari administrator sector statia
    statie intersectia magazin pietii colegiu colegiul facultatea spital
    clinica policlinica hotel restaurant cafenea bar piata bl sc ap nr et
    luni marti miercuri joi vineri sambata duminica ianuarie februarie martie
    aprilie mai iunie iulie august septembrie octombrie noiembrie decembrie
    nu da si sau la in pe de cu din iar este sunt am au avem ati
    ajutor help stop atentie anexez atasez poze foto
    """.split()  # noqa: SIM905 - a list of words reads best as text
)


def find_names(text: str) -> Iterator[Finding]:
    folded = fold_in_place(text)
    seen: set[int] = set()

    for openers, name in (
        (_AFTER_INTRODUCTION, _NAME_IN_SENTENCE),
        (_AFTER_CLOSING, _NAME_ENDING),
    ):
        for opener in openers.finditer(folded):
            match = name.match(text, opener.end())
            if match and _looks_like_a_name(match.group(1)):
                seen.add(match.start(1))
                yield _finding(NAME, text, match.start(1), match.end(1))

    for offset, ending in _endings(text):
        match = _SIGNATURE.fullmatch(ending)
        if (
            match
            and _looks_like_a_name(match.group(1))
            and (match.group(2) is None or _is_contact_only(match.group(2)))
            and offset + match.start(1) not in seen
        ):
            seen.add(offset + match.start(1))
            yield _finding(NAME, text, offset + match.start(1), offset + match.end(1))


# People whose names are streets, squares and schools of every city.
_NAMES_OF_PLACES = frozenset(
    {
        "avram iancu", "mihai viteazu", "lucian blaga", "mihai eminescu",
        "ion creanga", "george cosbuc", "iuliu maniu", "emil isac",
        "nicolae titulescu", "alexandru vaida voevod", "octavian goga",
        "andrei saguna", "gheorghe sincai", "ion agarbiceanu", "tudor vladimirescu",
        "ion ratiu", "emil racovita", "george baritiu", "constantin brancusi",
    }
)  # fmt: skip


def _looks_like_a_name(candidate: str) -> bool:
    folded = fold_in_place(candidate)
    words = [word.rstrip(".") for word in re.split(r"[\s\-]+", folded)]
    if " ".join(words) in _NAMES_OF_PLACES:
        return False
    return not any(word in _NOT_NAME_WORDS for word in words)


def _endings(text: str) -> Iterator[tuple[int, str]]:
    """Where a signature stands: the last line, unless it holds only contact
    data (then the line before), and the last sentence of that line."""
    lines = [
        (m.start(), m.group())
        for m in re.finditer(r"[^\n]+", text)
        if m.group().strip()
    ]
    if lines and len(lines) > 1 and _is_contact_only(lines[-1][1]):
        lines.pop()
    if not lines:
        return
    offset, line = lines[-1]
    if len(lines) > 1:
        yield offset, line
    sentences = list(_SENTENCE_END.finditer(line))
    if sentences:
        yield offset + sentences[-1].end(), line[sentences[-1].end() :]


def _is_contact_only(text: str) -> bool:
    """True for what is left of a line by a phone number or an e-mail address."""
    found = [*find_phones(text), *find_emails(text)]
    if not found:
        return False
    for finding in found:
        text = text.replace(finding.text, " ")
    return not _CONTACT_WORDS.sub(" ", text).strip(" \t,;:.-/|")
