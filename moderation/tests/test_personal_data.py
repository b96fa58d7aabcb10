"""Each detector on what it must find, and on the look-alikes it must not."""

import pytest

from moderation.personal_data import (
    find_cnps,
    find_emails,
    find_ibans,
    find_names,
    find_personal_data,
    find_phones,
    is_valid_cnp,
    is_valid_iban,
)

# Look-alikes every report is full of: none of them is personal data.
TRAPS = [
    "Groapă pe strada Horea nr. 12, bl. M4, sc. 2, ap. 31.",
    "S-a întâmplat pe 12.03.2024 la ora 14:30.",
    "Între 22:00 și 06:00, din 02.03.2024 10:30 până azi.",
    "Am plătit 150 lei, apoi încă 1.250,50 lei.",
    "Cod poștal 400001, Cluj-Napoca.",
    "Linia 35 și autobuzul 24B nu opresc; tramvaiul 101 nici el.",
    "Mașina CJ 12 ABC stă pe trotuar lângă B 123 XYZ.",
    "Sesizarea nr. 45678/2024 din 02.03.2024 nu are răspuns.",
    "Km 12+300, intervalul 2023-2024, orele 07.30 - 09.30.",
    "Cluj-Napoca",
]


@pytest.mark.parametrize("text", TRAPS)
def test_find_personal_data_leaves_look_alikes_alone(text):
    assert find_personal_data(text) == []


def texts(found):
    return [finding.text for finding in found]


# CNP


def test_is_valid_cnp_checks_digit_date_and_county():
    assert is_valid_cnp("1840917125802") is True
    assert is_valid_cnp("1840917125803") is False  # check digit
    assert is_valid_cnp("1841317125806") is False  # month 13
    assert is_valid_cnp("1840917995804") is False  # county 99


def test_find_cnps_finds_a_valid_cnp_written_whole_or_grouped():
    text = "CNP 1840917125802; altul: CNP: 184 0917 125802."

    assert texts(find_cnps(text)) == ["1840917125802", "184 0917 125802"]


@pytest.mark.parametrize(
    "text",
    [
        "Nr. contract 1840917125803.",  # wrong check digit
        "Cod 1234567890123 de pe factură.",
        "Cod de bare 18409171258021.",  # fourteen digits
        "184 0917 125802 fără cuvântul CNP.",
    ],
)
def test_find_cnps_leaves_other_thirteen_digits(text):
    assert list(find_cnps(text)) == []


# IBAN


def test_is_valid_iban_checks_mod_97_and_the_length_of_the_country():
    assert is_valid_iban("RO85BTRLRONCRT0298471201") is True
    assert is_valid_iban("RO86BTRLRONCRT0298471201") is False
    assert is_valid_iban("RO85BTRLRONCRT029847120") is False
    assert is_valid_iban("DE89370400440532013000") is True


def test_find_ibans_in_groups_compact_lowercase_and_foreign():
    text = (
        "Contul RO85 BTRL RONC RT02 9847 1201 la BT, sau ro39rncb0106026637120001"
        " ori DE89 3704 0044 0532 0130 00."
    )

    assert texts(find_ibans(text)) == [
        "RO85 BTRL RONC RT02 9847 1201",
        "ro39rncb0106026637120001",
        "DE89 3704 0044 0532 0130 00",
    ]


def test_find_ibans_leaves_a_wrong_check():
    assert list(find_ibans("Contul RO86 BTRL RONC RT02 9847 1201 e greșit.")) == []


# Phones


@pytest.mark.parametrize(
    "written",
    [
        "0744123456",
        "0744 123 456",
        "0744 12 34 56",
        "0744.123.456",
        "0744-123-456",
        "0744/123456",
        "074 412 3456",
        "0 744 123 456",
        "+40744123456",
        "+40 744 123 456",
        "+40-744-123-456",
        "+40 (0) 744 123 456",
        "+4 0744 123 456",
        "0040744123456",
        "0040 744 123 456",
        "(0744) 123 456",
        "0264 596 030",
        "(0264) 596 030",
        "0264/596.030",
        "021 312 34 56",
        "031.674.00.11",
    ],
)
def test_find_phones_in_every_common_way_of_writing(written):
    text = f"Sunați-mă la {written}, după ora 17."

    assert texts(find_phones(text)) == [written]


def test_find_phones_separates_two_numbers_in_a_row():
    text = "Tel 0744123456 0722111222."

    assert texts(find_phones(text)) == ["0744123456", "0722111222"]


@pytest.mark.parametrize(
    "text",
    [
        "Am sunat la 112 și la 0800 800 900, TelVerde.",
        "Pe 02.03.2024 10:30 a fost ultima dată.",
        "Numărul 07441234567 are unsprezece cifre.",
        "Cod poștal 400001, nr. 12, ora 14:30.",
    ],
)
def test_find_phones_leaves_other_numbers(text):
    assert list(find_phones(text)) == []


# E-mail


def test_find_emails_plain_and_written_to_fool_robots():
    text = (
        "Scrieți-mi pe ion.pop88@gmail.com, MARIA.POP@YAHOO.RO, "
        "ana at yahoo.com, dan[at]firma-mea.ro sau eva (at) gmail.com."
    )

    assert texts(find_emails(text)) == [
        "ion.pop88@gmail.com",
        "MARIA.POP@YAHOO.RO",
        "ana at yahoo.com",
        "dan[at]firma-mea.ro",
        "eva (at) gmail.com",
    ]


def test_find_emails_leaves_at_in_a_sentence():
    assert list(find_emails("Look at this: the street is at Cluj-Napoca.")) == []


# Names


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Subsemnatul Pop Ion, domiciliat în Cluj-Napoca, ...", "Pop Ion"),
        ("Subsemnata Ioana-Maria Cozma vă rog să luați măsuri.", "Ioana-Maria Cozma"),
        ("Numele meu este Rus Călin și locuiesc aici.", "Rus Călin"),
        ("Groapă mare.\nCu stimă,\nIon Popescu", "Ion Popescu"),
        ("Groapă mare.\nCu respect, Maria Pop.", "Maria Pop"),
        ("Groapă mare. Mulţumesc, Ştefan Mureşan", "Ştefan Mureşan"),
        ("Groapă mare.\nSemnat: POPESCU ION", "POPESCU ION"),
        ("Groapă mare.\n\nKovács Éva", "Kovács Éva"),
        ("Groapă mare.\n— Horațiu Florin Man", "Horațiu Florin Man"),
        ("Groapă mare.\nIng. Mihai Rus", "Mihai Rus"),
        ("Groapă mare.\nRadu Vlaicu\n0744 123 456", "Radu Vlaicu"),
        ("Groapă mare.\nRadu Vlaicu, tel. 0744 123 456", "Radu Vlaicu"),
        ("Groapă mare. Vă rog. Carmen Borza", "Carmen Borza"),
    ],
)
def test_find_names_in_a_signature(text, name):
    assert texts(find_names(text)) == [name]


@pytest.mark.parametrize(
    "text",
    [
        "Groapă mare.\nCluj-Napoca",
        "Groapă mare.\nStr. Horea nr. 3",
        "Groapă mare.\nPiața Mihai Viteazu",
        "Groapă mare.\nPrimăria Cluj-Napoca",
        "Groapă mare.\nPoliția Locală",
        "Groapă mare.\nGrădina Botanică",
        "Groapă mare.\nAvram Iancu",
        "Groapă mare.\nCu stimă, un cetățean nervos",
        "Groapă mare.\nVă Mulțumesc",
        "Groapă mare lângă Liceul Gheorghe Șincai, nu se mai poate trece.",
        "Ion Popescu",
    ],
)
def test_find_names_leaves_places_institutions_and_unsigned_texts(text):
    assert list(find_names(text)) == []


def test_find_personal_data_sorts_and_never_overlaps():
    text = "CNP 1840917125802, tel 0744 123 456.\nCu stimă,\nIon Popescu"

    found = find_personal_data(text)

    assert [(f.kind, f.text) for f in found] == [
        ("cnp", "1840917125802"),
        ("phone", "0744 123 456"),
        ("name", "Ion Popescu"),
    ]
