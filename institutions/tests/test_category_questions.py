"""A category's extra questions, as the institution's admin writes them."""

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import translation

from institutions.models import CategoryQuestion, Choice, QuestionKind, parse_choices


@pytest.fixture(autouse=True)
def _english():
    # The models' messages in their source language, whatever ran before.
    with translation.override("en"):
        yield


def question(category, **fields) -> CategoryQuestion:
    values = {
        "category": category,
        "code": "waste",
        "label": "Ce fel de deșeuri sunt?",
        "kind": QuestionKind.MULTIPLE,
        "choices": "rubble: Moloz\nfurniture: Mobilier vechi",
    }
    values.update(fields)
    return CategoryQuestion(**values)


def test_parse_choices_reads_keys_and_makes_the_missing_ones():
    choices = parse_choices(
        "off: Stinsă toată noaptea\n\n  Pâlpâie  \nOră: 22:00 sau mai târziu"
    )

    assert choices == [
        Choice("off", "Stinsă toată noaptea"),
        Choice("palpaie", "Pâlpâie"),
        # A key with a diacritic is no key: the whole line is the name.
        Choice("ora-2200-sau-mai-tarziu", "Oră: 22:00 sau mai târziu"),
    ]


def test_a_choice_question_with_two_choices_is_valid(potholes):
    question(potholes).full_clean()


@pytest.mark.parametrize(
    ("choices", "message"),
    [
        ("rubble: Moloz", "A choice question needs at least two choices."),
        ("", "A choice question needs at least two choices."),
        ("a: Moloz\na: Mobilier", "Two choices have the key a."),
    ],
)
def test_a_choice_question_needs_two_distinct_choices(potholes, choices, message):
    with pytest.raises(ValidationError) as refused:
        question(potholes, choices=choices).full_clean()

    assert refused.value.message_dict == {"choices": [message]}


def test_a_number_question_has_no_choices(potholes):
    with pytest.raises(ValidationError) as refused:
        question(potholes, kind=QuestionKind.NUMBER).full_clean()

    assert refused.value.message_dict == {
        "choices": ["Only a choice question has choices."]
    }


def test_two_questions_of_a_category_cannot_share_a_code(potholes, parks):
    question(potholes).save()
    question(parks).full_clean()

    with pytest.raises(ValidationError) as refused:
        question(potholes, label="Altă întrebare").full_clean()

    assert refused.value.messages == [
        "Another question of this category has this code."
    ]


# The category's admin page


def inline_data(potholes, *questions) -> dict:
    data = {
        "institution": potholes.institution_id,
        "name": potholes.name,
        "colour": potholes.colour,
        "position": 1,
        "is_active": "on",
        "duplicate_radius_m": 50,
        "routing_rule-TOTAL_FORMS": 0,
        "routing_rule-INITIAL_FORMS": 0,
        "questions-TOTAL_FORMS": len(questions),
        "questions-INITIAL_FORMS": 0,
    }
    for number, fields in enumerate(questions):
        data.update({f"questions-{number}-{k}": v for k, v in fields.items()})
    return data


SIZE = {
    "label": "Cât de mare este groapa (cm)?",
    "code": "size-cm",
    "kind": "number",
    "position": 1,
}
WHERE = {
    "label": "Unde este?",
    "code": "where",
    "kind": "single",
    "choices": "road: Pe carosabil\nsidewalk: Pe trotuar",
    "required": "on",
    "position": 2,
}


def test_an_admin_adds_questions_inline_on_the_category_page(admin_client, potholes):
    url = f"/admin/institutions/category/{potholes.pk}/change/"

    response = admin_client.post(url, inline_data(potholes, SIZE, WHERE))

    assert response.status_code == 302
    assert [(q.code, q.kind, q.required) for q in potholes.questions.all()] == [
        ("size-cm", "number", False),
        ("where", "single", True),
    ]


@pytest.mark.parametrize(
    ("second", "message"),
    [
        (
            {**WHERE, "choices": "road: Pe carosabil"},
            "A choice question needs at least two choices.",
        ),
        ({**WHERE, "code": "size-cm"}, "Please correct the duplicate data for code"),
    ],
)
def test_the_admin_page_refuses_a_lone_choice_or_a_repeated_code(
    admin_client, potholes, second, message
):
    url = f"/admin/institutions/category/{potholes.pk}/change/"

    admin_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = admin_client.post(url, inline_data(potholes, SIZE, second))

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not potholes.questions.exists()
