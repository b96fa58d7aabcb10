from django.urls import reverse

from reports.models import EventKind, Status, Visibility


def _assign(report) -> str:
    return reverse("backoffice:report-assign", args=[report.pk])


def test_assign_gives_the_report_to_a_staff_member(client, head, staff, published):
    client.force_login(head)

    response = client.post(_assign(published), {"assignee": staff.pk})

    assert response.status_code == 302
    published.refresh_from_db()
    assert published.status == Status.ASSIGNED
    assert published.assignee == staff
    event = published.events.last()
    assert event.kind == EventKind.ASSIGNED
    assert event.visibility == Visibility.INTERNAL


def test_assign_to_self(client, head, published):
    client.force_login(head)

    client.post(_assign(published), {"assignee": head.pk})

    published.refresh_from_db()
    assert published.assignee == head


def test_assign_offers_the_members_of_the_department(
    client, head, staff, green_head, published
):
    client.force_login(head)

    response = client.get(reverse("backoffice:report", args=[published.pk]))

    field = response.context["forms"]["assign"].fields["assignee"]
    assert list(field.queryset) == [staff, head]


def test_assign_to_someone_outside_the_department_is_refused(
    client, head, green_head, published
):
    client.force_login(head)

    response = client.post(_assign(published), {"assignee": green_head.pk})

    assert response.status_code == 200
    assert "assignee" in response.context["forms"]["assign"].errors
    published.refresh_from_db()
    assert published.status == Status.PUBLISHED
    assert published.assignee is None


def test_assign_refused_to_the_head_of_another_department(
    client, green_head, staff, published
):
    client.force_login(green_head)

    response = client.post(_assign(published), {"assignee": staff.pk})

    assert response.status_code == 403
    published.refresh_from_db()
    assert published.status == Status.PUBLISHED
    assert published.assignee is None


def test_assign_refused_to_staff(client, staff, published):
    client.force_login(staff)

    response = client.post(
        _assign(published), {"assignee": staff.pk}, HTTP_ACCEPT_LANGUAGE="en"
    )

    assert response.status_code == 200
    assert "Only the head of the department assigns its reports." in (
        response.content.decode()
    )
    assert "assign" not in response.context["forms"]
    published.refresh_from_db()
    assert published.status == Status.PUBLISHED
    assert published.assignee is None


def test_assign_refused_before_publication(client, head, registered, clerk):
    client.force_login(head)

    response = client.post(_assign(registered), {"assignee": head.pk})

    assert response.status_code == 403
    registered.refresh_from_db()
    assert registered.status == Status.REGISTERED
