from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone, translation
from django.utils.formats import date_format

from institutions.models import Role
from reports.forwarding import forward_by, forward_report, forward_window
from reports.models import EventKind, Report, Status, Visibility
from reports.workflow import WorkflowError
from tests.factories import (
    CategoryFactory,
    InstitutionFactory,
    MembershipFactory,
    RoutingRuleFactory,
)

REASON = "Drumul județean este în administrarea Consiliului Județean."


@pytest.fixture
def county(db):
    return InstitutionFactory(slug="cj-cluj", name="Consiliul Județean Cluj")


@pytest.fixture
def county_roads(county):
    category = CategoryFactory(institution=county, name="Drumuri județene")
    RoutingRuleFactory(category=category, institution=county)
    return category


def _registered_days_ago(report, days):
    registered_at = timezone.now() - timedelta(days=days)
    Report.objects.filter(pk=report.pk).update(registered_at=registered_at)
    report.refresh_from_db()
    return report


def test_forward_within_the_window_registers_the_report_anew_there(
    flow, clerk, citizen, county_roads, two_photos
):
    report = flow.submit(photos=two_photos)
    mail.outbox.clear()
    year = timezone.localdate().year

    copy = forward_report(
        report=report, actor=clerk, reason=REASON, category=county_roads
    )

    report.refresh_from_db()
    assert report.status == Status.FORWARDED
    assert report.forwarded_to_report == copy
    assert report.forwarded_to_name == "Consiliul Județean Cluj"
    assert copy.institution == county_roads.institution
    assert copy.category == county_roads
    assert copy.author == citizen
    assert copy.status == Status.REGISTERED
    assert copy.registry_number == f"1/{year}"
    assert copy.due_date is not None
    assert copy.description == report.description
    assert copy.photos.count() == 2
    assert set(copy.photos.values_list("image", flat=True)).isdisjoint(
        report.photos.values_list("image", flat=True)
    )
    assert list(copy.events.values_list("kind", flat=True)) == [
        EventKind.FORWARDED,
        EventKind.REGISTERED,
    ]
    assert list(report.events.values_list("kind", flat=True)) == [
        EventKind.SUBMITTED,
        EventKind.REGISTERED,
        EventKind.FORWARDED,
    ]
    registered, forwarded = mail.outbox
    assert registered.to == forwarded.to == [citizen.email]
    assert f"1/{year}" in registered.subject
    assert "Consiliul Județean Cluj" in forwarded.body
    assert REASON in forwarded.body
    assert f"1/{year}" in forwarded.body


def test_forward_after_the_window_is_done_and_recorded_as_late(
    flow, clerk, county_roads
):
    report = _registered_days_ago(flow.submit(), 6)

    forward_report(report=report, actor=clerk, reason=REASON, category=county_roads)

    report.refresh_from_db()
    assert report.status == Status.FORWARDED
    late = report.events.get(kind=EventKind.NOTE)
    assert late.visibility == Visibility.INTERNAL
    with translation.override("ro"):
        last_day = date_format(forward_by(report))
    assert late.text == (
        f"Redirecționată după termenul legal de 5 zile, încheiat la {last_day}."
    )


def test_forward_on_the_last_day_of_the_window_is_not_late(flow, clerk, county_roads):
    report = _registered_days_ago(flow.submit(), 5)

    forward_report(report=report, actor=clerk, reason=REASON, category=county_roads)

    assert not report.events.filter(kind=EventKind.NOTE).exists()


@pytest.mark.parametrize(
    ("days_ago", "days_left", "closing", "late"),
    [
        (0, 5, False, False),
        (4, 1, True, False),
        (5, 0, True, False),
        (6, -1, False, True),
    ],
)
def test_forward_window_warns_as_it_closes(flow, days_ago, days_left, closing, late):
    report = _registered_days_ago(flow.submit(), days_ago)

    window = forward_window(report)

    assert window.days_left == days_left
    assert window.is_closing is closing
    assert window.is_late is late


def test_forward_by_email_sends_the_report_with_its_photos(
    flow, clerk, citizen, two_photos
):
    report = flow.submit(photos=two_photos)
    mail.outbox.clear()

    forward_report(
        report=report,
        actor=clerk,
        reason=REASON,
        to_name="Compania de Apă Someș",
        to_email="registratura@casomes.ro",
    )

    report.refresh_from_db()
    assert report.status == Status.FORWARDED
    assert report.forwarded_to_email == "registratura@casomes.ro"
    to_institution, to_citizen = mail.outbox
    assert to_institution.to == ["registratura@casomes.ro"]
    assert report.registry_number in to_institution.subject
    assert report.description in to_institution.body
    assert citizen.email in to_institution.body
    assert [name for name, _content, _type in to_institution.attachments] == [
        "foto-1.jpg",
        "foto-2.jpg",
    ]
    assert all(
        content.startswith(b"\xff\xd8") and mimetype == "image/jpeg"
        for _name, content, mimetype in to_institution.attachments
    )
    assert to_citizen.to == [citizen.email]
    assert "Compania de Apă Someș" in to_citizen.body


def test_forward_a_published_report_takes_it_off_the_map(
    flow, clerk, published_report, county_roads
):
    forward_report(
        report=published_report, actor=clerk, reason=REASON, category=county_roads
    )

    assert not Report.objects.public().filter(pk=published_report.pk).exists()


def test_forward_is_refused_to_a_department_head(flow, head, county_roads):
    report = flow.submit()

    with pytest.raises(WorkflowError):
        forward_report(report=report, actor=head, reason=REASON, category=county_roads)

    report.refresh_from_db()
    assert report.status == Status.REGISTERED


def test_forward_is_refused_once_assigned(clerk, assigned_report, county_roads):
    with pytest.raises(WorkflowError):
        forward_report(
            report=assigned_report, actor=clerk, reason=REASON, category=county_roads
        )

    assert Report.objects.filter(institution=county_roads.institution).count() == 0


def test_forward_needs_exactly_one_destination(flow, clerk, county_roads):
    report = flow.submit()

    with pytest.raises(WorkflowError):
        forward_report(report=report, actor=clerk, reason=REASON)
    with pytest.raises(WorkflowError):
        forward_report(
            report=report,
            actor=clerk,
            reason=REASON,
            category=county_roads,
            to_name="Altă instituție",
            to_email="alta@example.ro",
        )

    report.refresh_from_db()
    assert report.status == Status.REGISTERED


def test_forward_refuses_a_category_of_the_same_institution(flow, clerk, parks):
    report = flow.submit()

    with pytest.raises(WorkflowError):
        forward_report(report=report, actor=clerk, reason=REASON, category=parks)


def test_forwarded_copy_is_worked_by_the_clerks_there(
    flow, clerk, county, county_roads
):
    county_clerk = MembershipFactory(institution=county, role=Role.CLERK).user
    copy = forward_report(
        report=flow.submit(), actor=clerk, reason=REASON, category=county_roads
    )

    published = flow.publish(copy, actor=county_clerk)

    assert published.status == Status.PUBLISHED
    assert published.department.institution == county
