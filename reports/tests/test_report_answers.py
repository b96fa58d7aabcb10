"""The extra questions of a category on the report form, and their answers."""

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import translation

from institutions.models import CategoryQuestion, QuestionKind
from reports.answers import field_name
from reports.forms import ReportForm
from reports.models import Report

DESCRIPTION = "Groapă adâncă în asfalt, lângă stația de autobuz."
NEW = reverse("reports:new")


def client_for(user) -> Client:
    # English pages: the assertions read the source strings.
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    client.force_login(user)
    return client


@pytest.fixture(autouse=True)
def _english():
    # The form's messages in their source language; pages ask for theirs.
    with translation.override("en"):
        yield


@pytest.fixture
def citizen_client(citizen):
    return client_for(citizen)


@pytest.fixture
def size(potholes):
    return CategoryQuestion.objects.create(
        category=potholes,
        code="size-cm",
        label="Cât de mare este groapa (cm)?",
        kind=QuestionKind.NUMBER,
        position=1,
    )


@pytest.fixture
def where(potholes):
    return CategoryQuestion.objects.create(
        category=potholes,
        code="where",
        label="Unde este?",
        kind=QuestionKind.SINGLE,
        choices="road: Pe carosabil\nsidewalk: Pe trotuar",
        required=True,
        position=2,
    )


@pytest.fixture
def trees(parks):
    return CategoryQuestion.objects.create(
        category=parks,
        code="trees",
        label="Ce s-a întâmplat cu arborii?",
        kind=QuestionKind.MULTIPLE,
        choices="dry: Uscați\nfallen: Căzuți\nbranches: Crengi rupte",
        required=True,
    )


def report_data(category, **answers) -> dict:
    data = {
        "category": category.pk,
        "address": "Piața Unirii 1",
        "latitude": "46.769400",
        "longitude": "23.589900",
        "description": DESCRIPTION,
        "action": "preview",
    }
    data.update(answers)
    return data


def form_for(institution, data) -> ReportForm:
    form = ReportForm(data, institution=institution)
    form.is_valid()
    return form


# The form


def test_form_keeps_the_chosen_category_s_answers_as_asked(
    institution, potholes, size, where, trees
):
    form = form_for(
        institution,
        report_data(
            potholes,
            **{field_name(size): "2,5", field_name(where): "road"},
            # Typed for parks before the citizen chose potholes: not kept.
            **{field_name(trees): ["dry", "nothing"]},
        ),
    )

    assert form.errors == {}
    assert form.cleaned_data["answers"] == [
        {
            "code": "size-cm",
            "question": "Cât de mare este groapa (cm)?",
            "kind": "number",
            "value": "2.5",
            "answer": "2,5",
        },
        {
            "code": "where",
            "question": "Unde este?",
            "kind": "single",
            "value": "road",
            "answer": "Pe carosabil",
        },
    ]


def test_form_asks_only_the_chosen_category_s_required_questions(
    institution, potholes, parks, where, trees
):
    potholes_form = form_for(institution, report_data(potholes))
    parks_form = form_for(institution, report_data(parks))

    assert potholes_form.errors == {field_name(where): ["Answer this question."]}
    assert parks_form.errors == {field_name(trees): ["Answer this question."]}


@pytest.mark.parametrize(
    ("typed", "value", "answer"),
    [("30", "30", "30"), ("2.5", "2.5", "2,5"), (" 2,5 ", "2.5", "2,5")],
)
def test_form_reads_numbers_with_a_decimal_comma_or_point(
    institution, potholes, size, typed, value, answer
):
    form = form_for(institution, report_data(potholes, **{field_name(size): typed}))

    assert [(a["value"], a["answer"]) for a in form.cleaned_data["answers"]] == [
        (value, answer)
    ]


@pytest.mark.parametrize("typed", ["doi metri", "2,5,1", "1e3", "2,"])
def test_form_refuses_what_is_not_a_number(institution, potholes, size, typed):
    form = form_for(institution, report_data(potholes, **{field_name(size): typed}))

    assert form.errors == {field_name(size): ["Write a number, for example 30 or 2,5."]}


def test_form_keeps_several_choices_in_the_question_s_order(institution, parks, trees):
    form = form_for(
        institution, report_data(parks, **{field_name(trees): ["branches", "dry"]})
    )

    [answer] = form.cleaned_data["answers"]
    assert (answer["value"], answer["answer"]) == (
        ["dry", "branches"],
        "Uscați, Crengi rupte",
    )


@pytest.mark.parametrize(
    ("question", "sent"), [("where", "nowhere"), ("trees", ["dry", "burnt"])]
)
def test_form_refuses_a_choice_it_does_not_offer(
    request, institution, potholes, question, sent
):
    asked = request.getfixturevalue(question)
    form = form_for(
        institution, report_data(asked.category, **{field_name(asked): sent})
    )

    assert form.errors == {field_name(asked): ["Choose among the answers offered."]}


# The pages


def test_report_new_shows_each_category_s_questions_under_its_name(
    citizen_client, potholes, size, where, trees
):
    content = citizen_client.get(NEW).content.decode()

    assert f'data-questions-for="{potholes.pk}"' in content
    assert "About “Străzi/Alei/Trotuare/Poduri”" in content
    assert (
        f'<input type="text" name="{field_name(size)}" id="id_{field_name(size)}"'
    ) in content
    assert 'inputmode="decimal"' in content
    assert f'<fieldset class="question" id="id_{field_name(where)}"' in content
    assert content.count(f'name="{field_name(trees)}"') == 3


def test_report_new_keeps_the_answers_and_shows_the_error_next_to_the_field(
    citizen_client, potholes, size, where
):
    response = citizen_client.post(
        NEW, report_data(potholes, **{field_name(size): "doi metri"})
    )

    content = response.content.decode()
    size_id, where_id = f"id_{field_name(size)}", f"id_{field_name(where)}"
    assert 'value="doi metri"' in content
    assert f'<ul class="errorlist" id="{size_id}-errors">' in content
    assert f'aria-describedby=" {size_id}-errors"' in content
    assert f'<a href="#{where_id}">Unde este?: Answer this question.</a>' in content
    assert not Report.objects.exists()


def test_report_new_in_romanian_says_what_is_wrong_in_romanian(citizen, potholes, size):
    client = Client()  # a visitor without a choice reads Romanian
    client.force_login(citizen)

    response = client.post(
        NEW, report_data(potholes, **{field_name(size): "doi metri"})
    )

    assert "Scrieți un număr, de exemplu 30 sau 2,5." in response.content.decode()


def test_preview_edit_and_send_keep_the_answers(citizen_client, potholes, size, where):
    answers = {field_name(size): "2,5", field_name(where): "sidewalk"}

    preview = citizen_client.post(NEW, report_data(potholes, **answers))
    edited = citizen_client.post(NEW, report_data(potholes, action="edit", **answers))
    sent = citizen_client.post(NEW, report_data(potholes, action="send", **answers))

    preview_content = preview.content.decode()
    assert f'<input type="hidden" name="{field_name(size)}" value="2,5">' in (
        preview_content
    )
    assert "<dt>Unde este?</dt>\n    <dd>Pe trotuar</dd>" in preview_content
    assert 'value="2,5"' in edited.content.decode()
    assert 'value="sidewalk" id="id_question-' in edited.content.decode()
    report = Report.objects.get()
    assert sent.url == reverse("reports:mine-detail", args=[report.pk])
    assert [(a["code"], a["value"]) for a in report.answers] == [
        ("size-cm", "2.5"),
        ("where", "sidewalk"),
    ]


def test_answers_stay_as_asked_when_the_question_changes(
    citizen_client, potholes, where
):
    citizen_client.post(
        NEW, report_data(potholes, action="send", **{field_name(where): "road"})
    )
    where.label = "Pe ce parte a străzii?"
    where.choices = "road: Carosabil\nsidewalk: Trotuar"
    where.save()

    report = Report.objects.get()
    assert report.answers[0]["question"] == "Unde este?"
    assert report.answers[0]["answer"] == "Pe carosabil"


def test_answers_are_on_the_author_s_page_and_the_staff_s_not_the_public_s(
    citizen_client, potholes, where, flow, clerk
):
    citizen_client.post(
        NEW, report_data(potholes, action="send", **{field_name(where): "sidewalk"})
    )
    report = flow.publish(Report.objects.get())
    staff_client = client_for(clerk)

    mine = citizen_client.get(reverse("reports:mine-detail", args=[report.pk]))
    staff = staff_client.get(reverse("backoffice:report", args=[report.pk]))
    public = Client().get(reverse("reports:detail", args=[report.pk]))

    assert "Pe trotuar" in mine.content.decode()
    assert 'id="answers"' in staff.content.decode()
    assert "<dt>Unde este?</dt>\n    <dd>Pe trotuar</dd>" in staff.content.decode()
    assert public.status_code == 200
    assert "Pe trotuar" not in public.content.decode()
    assert "Unde este?" not in public.content.decode()


def test_a_report_of_a_category_without_questions_keeps_no_answers(flow):
    report = flow.submit()

    assert report.answers == []


# In the visitor's language


@pytest.fixture
def where_in_hungarian(where):
    where.label_hu = "Hol van?"
    where.help_text = "Alegeți locul."
    where.choices_hu = "sidewalk: A járdán"
    where.save()
    return where


def test_report_new_asks_in_hungarian_and_falls_back_to_romanian(
    citizen, potholes, where_in_hungarian
):
    client = client_for(citizen)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "hu"

    page = client.get(reverse("reports:new")).content.decode()

    assert "Hol van?" in page and "Unde este?" not in page
    assert "A járdán" in page and "Pe trotuar" not in page
    # No Hungarian for these: the Romanian original stands in.
    assert "Alegeți locul." in page and "Pe carosabil" in page


def test_answers_given_in_hungarian_are_kept_in_the_institution_s_words(
    institution, potholes, where_in_hungarian
):
    with translation.override("hu"):
        form = form_for(
            institution,
            report_data(potholes, **{field_name(where_in_hungarian): "sidewalk"}),
        )

    assert form.cleaned_data["answers"] == [
        {
            "code": "where",
            "question": "Unde este?",
            "kind": "single",
            "value": "sidewalk",
            "answer": "Pe trotuar",
        }
    ]


def test_translated_choices_must_use_the_original_keys(where):
    where.choices_en = "road: On the road\npavement: On the pavement"

    with pytest.raises(ValidationError) as refused:
        where.full_clean()

    assert "pavement" in refused.value.message_dict["choices_en"][0]
