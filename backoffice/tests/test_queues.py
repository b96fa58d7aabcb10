from datetime import timedelta

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from reports.models import Report

CLERK_QUEUE = reverse("backoffice:clerk-queue")
DEPARTMENT_QUEUE = reverse("backoffice:department-queue")
MY_WORK = reverse("backoffice:my-work")


def _due_in(report: Report, days: int) -> Report:
    Report.objects.filter(pk=report.pk).update(
        due_date=timezone.localdate() + timedelta(days=days)
    )
    report.refresh_from_db()
    return report


def _numbers(response) -> list[str]:
    return [report.registry_number for report in response.context["page"]]


def test_clerk_queue_lists_registered_reports_earliest_due_first(
    client, clerk, flow, published_report
):
    later = _due_in(flow.submit(), 20)
    overdue = _due_in(flow.submit(), -2)
    sooner = _due_in(flow.submit(), 3)
    client.force_login(clerk)

    response = client.get(CLERK_QUEUE)

    assert response.status_code == 200
    assert _numbers(response) == [
        overdue.registry_number,
        sooner.registry_number,
        later.registry_number,
    ]
    assert published_report.registry_number not in response.content.decode()


def test_clerk_queue_marks_overdue_and_due_soon_with_text(client, clerk, flow):
    _due_in(flow.submit(), -1)
    _due_in(flow.submit(), 3)
    _due_in(flow.submit(), 20)
    client.force_login(clerk)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    response = client.get(CLERK_QUEUE)

    page = response.content.decode()
    assert page.count('<span class="badge badge--overdue">overdue</span>') == 1
    assert page.count('<span class="badge badge--due-soon">due in 3 days</span>') == 1
    assert page.count("badge--due-soon") == 1


def test_clerk_queue_refused_to_a_citizen(client, citizen, registered_report):
    client.force_login(citizen)

    response = client.get(CLERK_QUEUE)

    assert response.status_code == 403


def test_clerk_queue_refused_to_staff_of_a_department(client, staff, registered_report):
    client.force_login(staff)

    response = client.get(CLERK_QUEUE)

    assert response.status_code == 403


def test_clerk_queue_sends_anonymous_visitors_to_log_in(client, registered_report):
    response = client.get(CLERK_QUEUE)

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next={CLERK_QUEUE}"


def test_clerk_queue_is_never_cached(client, clerk, registered_report):
    client.force_login(clerk)

    response = client.get(CLERK_QUEUE)

    assert "private" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]


@pytest.mark.usefixtures("no_report_limits")
def test_clerk_queue_queries_do_not_grow_with_reports(
    client, clerk, flow, django_assert_max_num_queries
):
    for _ in range(12):
        flow.submit()
    client.force_login(clerk)

    with django_assert_max_num_queries(10):
        response = client.get(CLERK_QUEUE)

    assert len(response.context["page"]) == 12


def test_department_queue_shows_reports_to_assign_and_in_progress(
    client, head, assigned_report, flow
):
    waiting = flow.published()
    client.force_login(head)

    response = client.get(DEPARTMENT_QUEUE)

    assert [r.pk for r in response.context["to_assign"]] == [waiting.pk]
    assert [r.pk for r in response.context["in_progress"]] == [assigned_report.pk]
    assert "Dan Tehnic" in response.content.decode()


def test_department_queue_leaves_out_other_departments(
    client, green_head, assigned_report, published_report
):
    client.force_login(green_head)

    response = client.get(DEPARTMENT_QUEUE)

    assert list(response.context["to_assign"]) == []
    assert list(response.context["in_progress"]) == []


def test_department_queue_refused_to_staff(client, staff, published_report):
    client.force_login(staff)

    response = client.get(DEPARTMENT_QUEUE)

    assert response.status_code == 403


@pytest.mark.usefixtures("no_report_limits")
def test_department_queue_queries_do_not_grow_with_reports(
    client, head, flow, django_assert_max_num_queries
):
    for number in range(10):
        report = flow.published()
        if number % 2:
            flow.assign(report)
    client.force_login(head)

    with django_assert_max_num_queries(12):
        response = client.get(DEPARTMENT_QUEUE)

    assert len(response.context["to_assign"]) == 5
    assert len(response.context["in_progress"]) == 5


def test_my_work_lists_the_reports_assigned_to_me(client, staff, assigned_report, flow):
    flow.published()
    client.force_login(staff)

    response = client.get(MY_WORK)

    assert [r.pk for r in response.context["page"]] == [assigned_report.pk]


def test_my_work_leaves_out_reports_of_colleagues(client, head, assigned_report):
    client.force_login(head)

    response = client.get(MY_WORK)

    assert list(response.context["page"]) == []


@pytest.mark.usefixtures("no_report_limits")
def test_my_work_queries_do_not_grow_with_reports(
    client, staff, flow, django_assert_max_num_queries
):
    for _ in range(8):
        flow.assign(flow.published())
    client.force_login(staff)

    with django_assert_max_num_queries(9):
        response = client.get(MY_WORK)

    assert len(response.context["page"]) == 8


@pytest.mark.parametrize(
    ("persona", "queue"),
    [
        ("clerk", "backoffice:clerk-queue"),
        ("head", "backoffice:department-queue"),
        ("staff", "backoffice:my-work"),
    ],
)
def test_home_sends_each_role_to_its_queue(client, request, persona, queue):
    client.force_login(request.getfixturevalue(persona))

    response = client.get(reverse("backoffice:home"))

    assert response.status_code == 302
    assert response["Location"] == reverse(queue)


def test_home_shows_an_administrator_the_link_to_the_admin(client, institution):
    from institutions.models import Role
    from tests.factories import MembershipFactory, UserFactory

    admin = UserFactory(is_staff=True, full_name="Ion Admin")
    MembershipFactory(user=admin, institution=institution, role=Role.ADMIN)
    client.force_login(admin)

    response = client.get(reverse("backoffice:home"))

    assert response.status_code == 200
    assert 'href="/admin/"' in response.content.decode()


def test_home_refused_to_a_citizen(client, citizen, institution):
    client.force_login(citizen)

    response = client.get(reverse("backoffice:home"))

    assert response.status_code == 403
