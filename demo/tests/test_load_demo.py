import io
import re
from collections import Counter

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone, translation
from django.utils.formats import date_format

from accounts.models import User
from demo.data import CATEGORIES, DEMO_PASSWORD
from institutions.models import (
    Category,
    CategoryQuestion,
    Institution,
    Membership,
    Role,
    Street,
    parse_choices,
)
from notifications.models import OutgoingEmail
from reports import legal_clock
from reports.models import EventKind, Outcome, Photo, Report, Status
from zones.operations import assign_zones

CATEGORY_NAMES = {
    "Parcări neregulamentare",
    "Străzi/Alei/Trotuare/Poduri",
    "Spații verzi/Parcuri",
    "Altele",
    "Salubritate",
    "Semnalizare rutieră",
    "Iluminat public",
    "Parcări/Parking-uri",
    "Depozitări deșeuri",
    "Construcții/lucrări neautorizate; organizare șantier",
    "Transport public (CTP)",
    "Rețele de apă/canalizare (CAS)",
    "Tulburarea liniștii publice",
    "Asistență socială",
    "Taxe și impozite",
    "Persoane fără adăpost sau care apelează la mila publicului",
}


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo, loaded once for the module and rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        output = io.StringIO()
        call_command("load_demo", stdout=output)
        yield output.getvalue()
        transaction.set_rollback(True)


@pytest.fixture
def cluj(demo, db):
    return Institution.objects.get(slug="cluj-napoca")


@pytest.mark.mainflow
def test_load_demo_creates_the_city_hall_of_cluj(cluj):
    assert cluj.name == "Primăria Municipiului Cluj-Napoca"
    assert cluj.answer_term_days == 30
    assert cluj.contains(cluj.map_centre)
    assert cluj.streets.count() >= 40
    assert not Street.objects.exclude(location__within=cluj.boundary).exists()


@pytest.mark.mainflow
def test_load_demo_routes_each_of_the_16_categories(cluj):
    categories = Category.objects.filter(institution=cluj)

    assert set(categories.values_list("name", flat=True)) == CATEGORY_NAMES
    assert categories.filter(routing_rule__isnull=False).count() == 16
    assert categories.get(name="Altele").routing_rule.department.name == (
        "Cabinet Primar – Relații cu publicul"
    )


@pytest.mark.mainflow
def test_load_demo_gives_every_role_a_person(cluj):
    roles = set(Membership.objects.filter(institution=cluj).values_list("role"))
    heads = Membership.objects.filter(institution=cluj, role=Role.HEAD)

    assert roles == {(role,) for role in Role.values}
    assert heads.count() == cluj.departments.count()


@pytest.mark.mainflow
def test_load_demo_makes_200_reports_in_every_status_and_outcome(cluj):
    reports = Report.objects.filter(institution=cluj)
    statuses = set(reports.values_list("status", flat=True))
    outcomes = set(reports.values_list("resolution__outcome", flat=True))

    assert reports.count() >= 200
    assert statuses == set(Status.values) - {Status.SUBMITTED}
    assert outcomes - {None} == set(Outcome.values)
    assert reports.values("category").distinct().count() == 16
    assert sum(report.is_overdue for report in reports) >= 5


@pytest.mark.mainflow
def test_load_demo_places_every_report_inside_the_city(cluj):
    outside = Report.objects.filter(institution=cluj).exclude(
        location__within=cluj.boundary
    )

    assert outside.count() == 0


@pytest.mark.mainflow
def test_load_demo_places_reports_in_six_zones_and_some_outside(cluj):
    zones = Counter(
        Report.objects.filter(institution=cluj).values_list("zone__name", flat=True)
    )

    assert set(zones) == {
        "Centru",
        "Mănăștur",
        "Grigorescu",
        "Zorilor",
        "Gheorgheni",
        "Mărăști",
        None,
    }
    assert zones["Centru"] > zones["Gheorgheni"] > 0
    assert zones[None] > 0
    # Each report is in the zone its place falls in, as an import would say.
    assert assign_zones(cluj) == 0
    for zone in cluj.zones.all():
        assert zone.area.within(cluj.boundary)


def test_load_demo_dates_timelines_in_order_over_half_a_year(cluj):
    reports = Report.objects.filter(institution=cluj).prefetch_related("events")
    oldest = min(report.created_at for report in reports)

    for report in reports:
        moments = [event.created_at for event in report.events.all()]
        assert moments == sorted(moments)
        assert moments[0] == report.created_at
        assert report.due_date == legal_clock.term_end(
            timezone.localdate(report.registered_at), 30
        )
    assert 150 <= (timezone.now() - oldest).days <= 181


@pytest.mark.mainflow
def test_load_demo_numbers_the_register_by_year_in_date_order(cluj):
    reports = Report.objects.filter(institution=cluj).order_by("registered_at")
    expected, counts = [], Counter()
    for report in reports:
        year = timezone.localdate(report.registered_at).year
        counts[year] += 1
        expected.append(f"{counts[year]}/{year}")

    assert [report.registry_number for report in reports] == expected


@pytest.mark.mainflow
def test_load_demo_accounts_log_in_with_the_demo_password(cluj, client):
    assert client.login(email="cetatean@example.ro", password=DEMO_PASSWORD)
    assert client.login(email="registratura@example.ro", password=DEMO_PASSWORD)


@pytest.mark.mainflow
def test_load_demo_prints_the_accounts_and_their_password(demo, db):
    assert "cetatean@example.ro" in demo
    assert "registratura@example.ro" in demo
    assert "demo-sesizari-2026" in demo


@pytest.mark.mainflow
def test_load_demo_a_second_time_changes_nothing(cluj):
    count = Report.objects.count()
    output = io.StringIO()

    with translation.override("en"):
        call_command("load_demo", stdout=output)

    assert Report.objects.count() == count
    assert Institution.objects.filter(slug="cluj-napoca").count() == 1
    assert "loaded already" in output.getvalue()
    assert re.search(r"cetatean@example\.ro", output.getvalue())


@pytest.mark.mainflow
def test_load_demo_writes_romanian_descriptions_with_comma_below(cluj):
    descriptions = list(
        Report.objects.filter(institution=cluj).values_list("description", flat=True)
    )
    text = "\n".join(descriptions)

    assert len(set(descriptions)) >= 150
    assert "{" not in text
    assert not set("şţŞŢ") & set(text)
    assert "ș" in text
    assert "ț" in text


@pytest.mark.mainflow
def test_load_demo_keeps_photos_of_parked_cars_internal(cluj):
    photos = Photo.objects.filter(
        report__institution=cluj,
        report__status__in=[Status.PUBLISHED, Status.ASSIGNED, Status.RESOLVED],
    )
    parked = photos.filter(report__category__name="Parcări neregulamentare")

    assert photos.filter(is_public=True).exists()
    assert parked.exists()
    assert not parked.filter(is_public=True).exists()


@pytest.mark.mainflow
def test_load_demo_queues_the_emails_of_the_history_as_dated(cluj):
    report = Report.objects.filter(institution=cluj, status=Status.RESOLVED).earliest(
        "created_at"
    )
    emails = OutgoingEmail.objects.filter(report=report).order_by("created_at")
    registered = report.events.get(kind=EventKind.REGISTERED)
    with translation.override("ro"):
        due = date_format(report.due_date, "j F Y")

    assert [email.kind for email in emails] == [
        "report_registered",
        "report_published",
        "report_resolved",
    ]
    assert emails[0].created_at == registered.created_at
    assert due in emails[0].body_text
    assert report.registry_number in emails[0].subject


def test_load_demo_gives_every_category_english_and_hungarian_texts(cluj):
    categories = Category.objects.filter(institution=cluj)

    for category in categories:
        for code in ("en", "hu"):
            name = getattr(category, f"name_{code}")
            description = getattr(category, f"description_{code}")
            guidance = getattr(category, f"guidance_{code}")
            assert name not in ("", category.name)
            assert description and description != category.description
            assert bool(guidance) == bool(category.guidance)
    assert {c.name_hu for c in categories} == {spec.hu.name for spec in CATEGORIES}
    assert categories.get(name="Iluminat public").name_hu == "Közvilágítás"


def test_load_demo_gives_every_question_english_and_hungarian_texts(cluj):
    questions = CategoryQuestion.objects.filter(category__institution=cluj)

    assert questions.count() == 5
    for question in questions:
        # The versions' choices use the original's keys, as the admin asks.
        question.full_clean()
        keys = [choice.key for choice in question.choice_list()]
        for code in ("en", "hu"):
            assert getattr(question, f"label_{code}") not in ("", question.label)
            help_text = getattr(question, f"help_text_{code}")
            assert bool(help_text) == bool(question.help_text)
            choices = parse_choices(getattr(question, f"choices_{code}"))
            assert [choice.key for choice in choices] == keys


def test_load_demo_writes_the_introduction_in_three_languages(cluj):
    texts = [cluj.intro_text, cluj.intro_text_en, cluj.intro_text_hu]

    assert "112" in cluj.intro_text
    assert all("112" in text and "\n\n" in text for text in texts)
    assert len(set(texts)) == 3
    assert all(len(text) <= 1500 for text in texts)


@pytest.mark.mainflow
def test_load_demo_home_page_in_hungarian_names_the_categories_in_hungarian(
    cluj, client
):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "hu"

    page = client.get("/").content.decode()

    assert "Szabálytalan parkolás" in page
    assert "Itt jelezheti Kolozsvár közterületeinek problémáit" in page
    assert "Parcări neregulamentare" not in page
    assert "Semnalați aici" not in page


@pytest.mark.mainflow
def test_load_demo_writes_a_hungarian_citizens_emails_in_hungarian(cluj):
    citizen = User.objects.get(email="kovacs.eva@example.ro")
    reports = Report.objects.filter(author=citizen)
    registered = OutgoingEmail.objects.filter(
        report__author=citizen, kind="report_registered"
    ).select_related("report")

    assert citizen.language == "hu"
    assert reports.exists()
    assert set(reports.values_list("petitioner_language", flat=True)) == {"hu"}
    assert registered.count() == reports.count()
    for email in registered:
        number = email.report.registry_number
        assert f"Bejelentését {number} számon iktattuk" in email.subject
        assert f"Bejelentését {number} számon iktattuk." in email.body_text
    romanian = OutgoingEmail.objects.filter(
        report__author__email="cetatean@example.ro", kind="report_registered"
    ).first()
    assert romanian is not None
    assert "Sesizarea dumneavoastră" in romanian.subject


@pytest.mark.mainflow
def test_load_demo_has_an_institution_administrator_who_is_no_superuser(cluj, client):
    administrator = User.objects.get(email="administrator@example.ro")
    superuser = User.objects.get(email="admin@example.ro")

    assert Membership.objects.get(user=administrator).role == Role.ADMIN
    assert not administrator.is_superuser
    assert not administrator.is_staff
    assert superuser.is_superuser
    assert not superuser.memberships.exists()
    assert client.login(email=administrator.email, password=DEMO_PASSWORD)
    index = client.get("/admin/")
    assert index.status_code == 200
    assert "/admin/institutions/category/" in index.content.decode()
    assert "/admin/auth/group/" not in index.content.decode()
