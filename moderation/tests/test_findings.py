import pytest

from moderation.findings import find_all, mask_text, preview_for, public_text
from moderation.models import Language, OffensiveWord
from moderation.personal_data import find_personal_data


@pytest.fixture(autouse=True)
def english(settings):
    # Placeholders are written in the institution's language.
    settings.LANGUAGE_CODE = "en"


@pytest.fixture
def jigodie(db):
    return OffensiveWord.objects.create(word="jigodie", language=Language.ROMANIAN)


def test_find_all_joins_personal_data_and_offensive_words(institution, jigodie):
    text = "Vecinul e o jigodie. Sunați la 0744 123 456."

    found = find_all(text, institution)

    assert [(f.kind, f.text) for f in found] == [
        ("offensive", "jigodie"),
        ("phone", "0744 123 456"),
    ]


def test_mask_text_replaces_personal_data_and_keeps_offensive_words(
    institution, jigodie
):
    text = "Jigodie! Tel 0744 123 456, mail ana@yahoo.ro, CNP 1840917125802."

    masked = mask_text(text, find_all(text, institution))

    assert masked == (
        "Jigodie! Tel [phone hidden], mail [e-mail hidden], CNP [CNP hidden]."
    )


def test_mask_text_skips_a_finding_the_text_no_longer_has():
    [finding] = find_personal_data("Tel 0744 123 456.")

    assert mask_text("Tel 0722 000 111.", [finding]) == "Tel 0722 000 111."


def test_public_text_normalizes_then_masks():
    text = "Groapă  pe ştrada Horea.\r\nCu stimă,\r\nIon Popescu\r\n"

    assert public_text(text) == "Groapă  pe ștrada Horea.\nCu stimă,\n[name hidden]"


def test_preview_for_says_what_will_not_be_public(institution, jigodie):
    preview = preview_for("Jigodie de vecin. Tel 0744123456, ana@yahoo.ro", institution)

    assert preview.public_text == (
        "Jigodie de vecin. Tel [phone hidden], [e-mail hidden]"
    )
    assert preview.notices == [
        (
            "The e-mail address will not be public: the registry hides it before "
            "publishing."
        ),
        (
            "Your phone number will not be public: the registry hides it before "
            "publishing."
        ),
        (
            "Some words may be offensive: the registry may reject a report, or edit "
            "its public text, because of them."
        ),
    ]


def test_preview_for_a_clean_text_has_no_notices(institution):
    preview = preview_for("Groapă pe strada Horea nr. 12, din 12.03.2024.", institution)

    assert preview.notices == []
    assert preview.public_text == "Groapă pe strada Horea nr. 12, din 12.03.2024."
