import pytest
from django.conf import settings
from django.urls import reverse

from reports import workflow
from reports.models import EventKind, Visibility
from tests.factories import CategoryFactory, InstitutionFactory


def _page(report) -> str:
    return reverse("backoffice:report", args=[report.pk])


def test_report_page_shows_the_citizen_to_the_clerk(client, clerk, registered_report):
    client.force_login(clerk)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    response = client.get(_page(registered_report))

    page = response.content.decode()
    assert response.status_code == 200
    assert "Citizen (confidential)" in page
    assert "<dd>Ana Ionescu</dd>" in page
    assert "+40744555666" in page
    assert "ana.ionescu@example.ro" in page
    assert registered_report.registry_number in page


def test_report_page_offers_the_clerk_publish_and_reject(
    client, clerk, registered_report
):
    client.force_login(clerk)

    response = client.get(_page(registered_report))

    assert sorted(response.context["forms"]) == [
        "extend",
        "forward",
        "join",
        "message",
        "note",
        "publish",
        "reject",
    ]
    publish = response.context["forms"]["publish"]
    assert publish["public_description"].value() == registered_report.public_description
    assert publish["category"].value() == registered_report.category.pk


def test_report_page_names_the_routed_department_in_the_override(
    client, clerk, registered_report, roads
):
    client.force_login(clerk)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    response = client.get(_page(registered_report))

    department = response.context["forms"]["publish"].fields["department"]
    assert department.empty_label == f"As the routing table says ({roads.name})"


def test_report_page_offers_the_head_the_assignment(client, head, published_report):
    client.force_login(head)

    response = client.get(_page(published_report))

    assert sorted(response.context["forms"]) == ["assign", "extend", "message", "note"]


def test_report_page_offers_the_assignee_the_resolution(client, staff, assigned_report):
    client.force_login(staff)

    response = client.get(_page(assigned_report))

    assert sorted(response.context["forms"]) == ["message", "note", "resolve"]


def test_report_page_marks_internal_events(client, head, assigned_report):
    workflow.add_note(report=assigned_report, actor=head, text="Echipa merge joi.")
    client.force_login(head)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    response = client.get(_page(assigned_report))

    page = response.content.decode()
    assert "Echipa merge joi." in page
    assert page.count('<span class="badge badge--internal">internal</span>') == 2
    assert "Radu Șef" in page


def test_report_page_carries_the_map_data_without_inline_script(
    client, clerk, registered_report
):
    client.force_login(clerk)

    response = client.get(_page(registered_report))

    page = response.content.decode()
    assert 'data-lat="46.7694"' in page
    assert 'data-lng="23.5899"' in page
    assert "<script>" not in page
    assert 'src="/static/leaflet/leaflet.js" defer' in page
    assert "style=" not in page


def test_report_page_is_never_cached(client, clerk, registered_report):
    client.force_login(clerk)

    response = client.get(_page(registered_report))

    assert "private" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize(
    "persona", ["green_head", "viewer", "citizen", "other_citizen"]
)
def test_report_page_refused_to_all_but_the_clerk_and_the_department(
    client, published_report, persona, request
):
    client.force_login(request.getfixturevalue(persona))

    response = client.get(_page(published_report))

    assert response.status_code == 403
    page = response.content.decode()
    assert "+40744555666" not in page
    assert "ana.ionescu@example.ro" not in page


def test_report_page_sends_anonymous_visitors_to_log_in(client, published_report):
    response = client.get(_page(published_report))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_report_page_not_found_for_a_report_of_another_institution(client, clerk, flow):
    other = InstitutionFactory(slug="floresti", name="Primăria Florești")
    elsewhere = flow.submit(category=CategoryFactory(institution=other))
    client.force_login(clerk)

    response = client.get(_page(elsewhere))

    assert response.status_code == 404


def test_report_page_refused_to_staff_before_routing(client, staff, registered_report):
    client.force_login(staff)

    response = client.get(_page(registered_report))

    assert response.status_code == 403


def test_note_is_internal_and_shown_on_the_staff_page(client, staff, assigned_report):
    client.force_login(staff)

    response = client.post(
        reverse("backoffice:report-note", args=[assigned_report.pk]),
        {"text": "Am sunat la constructor."},
        follow=True,
    )

    event = assigned_report.events.get(kind=EventKind.NOTE)
    assert event.visibility == Visibility.INTERNAL
    assert event.actor == staff
    assert event.text == "Am sunat la constructor."
    assert "Am sunat la constructor." in response.content.decode()
    assert not assigned_report.events.filter(
        kind=EventKind.NOTE, visibility__in=[Visibility.PUBLIC, Visibility.CITIZEN]
    ).exists()


def test_note_without_text_shows_the_error(client, clerk, registered_report):
    client.force_login(clerk)

    response = client.post(
        reverse("backoffice:report-note", args=[registered_report.pk]), {"text": ""}
    )

    assert response.status_code == 200
    assert response.context["forms"]["note"].errors["text"]
    assert not registered_report.events.filter(kind=EventKind.NOTE).exists()


def test_note_refused_to_staff_of_another_department(
    client, green_head, published_report
):
    client.force_login(green_head)

    response = client.post(
        reverse("backoffice:report-note", args=[published_report.pk]),
        {"text": "Nu e treaba noastră."},
    )

    assert response.status_code == 403
    assert not published_report.events.filter(kind=EventKind.NOTE).exists()
