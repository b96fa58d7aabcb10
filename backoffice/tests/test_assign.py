from django.conf import settings
from django.urls import reverse

from reports.models import EventKind, Status, Visibility


def _assign(report) -> str:
    return reverse("backoffice:report-assign", args=[report.pk])


def test_assign_gives_the_report_to_a_staff_member(
    client, head, staff, published_report
):
    client.force_login(head)

    response = client.post(_assign(published_report), {"assignee": staff.pk})

    assert response.status_code == 302
    published_report.refresh_from_db()
    assert published_report.status == Status.ASSIGNED
    assert published_report.assignee == staff
    event = published_report.events.last()
    assert event.kind == EventKind.ASSIGNED
    assert event.visibility == Visibility.INTERNAL


def test_assign_to_self(client, head, published_report):
    client.force_login(head)

    client.post(_assign(published_report), {"assignee": head.pk})

    published_report.refresh_from_db()
    assert published_report.assignee == head


def test_assign_offers_the_members_of_the_department(
    client, head, staff, green_head, published_report
):
    client.force_login(head)

    response = client.get(reverse("backoffice:report", args=[published_report.pk]))

    field = response.context["forms"]["assign"].fields["assignee"]
    assert list(field.queryset) == [staff, head]


def test_assign_to_someone_outside_the_department_is_refused(
    client, head, green_head, published_report
):
    client.force_login(head)

    response = client.post(_assign(published_report), {"assignee": green_head.pk})

    assert response.status_code == 200
    assert "assignee" in response.context["forms"]["assign"].errors
    published_report.refresh_from_db()
    assert published_report.status == Status.PUBLISHED
    assert published_report.assignee is None


def test_assign_refused_to_the_head_of_another_department(
    client, green_head, staff, published_report
):
    client.force_login(green_head)

    response = client.post(_assign(published_report), {"assignee": staff.pk})

    assert response.status_code == 403
    published_report.refresh_from_db()
    assert published_report.status == Status.PUBLISHED
    assert published_report.assignee is None


def test_assign_refused_to_staff(client, staff, published_report):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    client.force_login(staff)

    response = client.post(_assign(published_report), {"assignee": staff.pk})

    assert response.status_code == 200
    assert "Only the head of the department assigns its reports." in (
        response.content.decode()
    )
    assert "assign" not in response.context["forms"]
    published_report.refresh_from_db()
    assert published_report.status == Status.PUBLISHED
    assert published_report.assignee is None


def test_assign_refused_before_publication(client, head, registered_report, clerk):
    client.force_login(head)

    response = client.post(_assign(registered_report), {"assignee": head.pk})

    assert response.status_code == 403
    registered_report.refresh_from_db()
    assert registered_report.status == Status.REGISTERED
