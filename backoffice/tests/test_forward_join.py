from datetime import timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from reports.joining import join_reports
from reports.models import Report, Status
from tests.factories import CategoryFactory, InstitutionFactory

REASON = "Rețeaua de apă este a Companiei de Apă Someș."


def _page(report) -> str:
    return reverse("backoffice:report", args=[report.pk])


def _forward(report) -> str:
    return reverse("backoffice:report-forward", args=[report.pk])


def _join(report) -> str:
    return reverse("backoffice:report-join", args=[report.pk])


def _registered_days_ago(report, days):
    registered_at = timezone.now() - timedelta(days=days)
    Report.objects.filter(pk=report.pk).update(registered_at=registered_at)
    return report


@pytest.mark.parametrize(
    ("days_ago", "badge"),
    [(1, None), (4, "window closing"), (6, "window closed: forwarding is late")],
)
def test_report_page_warns_the_clerk_as_the_forward_window_closes(
    client, clerk, flow, days_ago, badge
):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    report = _registered_days_ago(flow.submit(), days_ago)
    client.force_login(clerk)

    response = client.get(_page(report))

    page = response.content.decode()
    assert "forward" in response.context["forms"]
    assert "Forward by " in page
    for text in ("window closing", "window closed: forwarding is late"):
        assert (text in page) is (text == badge)


def test_report_page_offers_the_head_no_forwarding_or_joining(
    client, head, published_report
):
    client.force_login(head)

    response = client.get(_page(published_report))

    assert "forward" not in response.context["forms"]
    assert "join" not in response.context["forms"]


def test_forward_by_email_from_the_report_page(client, clerk, citizen, flow):
    report = flow.submit()
    mail.outbox.clear()
    client.force_login(clerk)

    response = client.post(
        _forward(report),
        {
            "reason": REASON,
            "category": "",
            "to_name": "Compania de Apă Someș",
            "to_email": "registratura@casomes.ro",
        },
    )

    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == Status.FORWARDED
    assert [message.to for message in mail.outbox] == [
        ["registratura@casomes.ro"],
        [citizen.email],
    ]


def test_forward_to_an_institution_on_the_platform_from_the_report_page(
    client, clerk, flow
):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    county = InstitutionFactory(slug="cj-cluj", name="Consiliul Județean Cluj")
    county_roads = CategoryFactory(institution=county, name="Drumuri județene")
    report = flow.submit()
    client.force_login(clerk)

    response = client.post(
        _forward(report),
        {"reason": REASON, "category": county_roads.pk, "to_name": "", "to_email": ""},
    )

    assert response.status_code == 302
    report.refresh_from_db()
    assert report.forwarded_to_report.institution == county
    page = client.get(_page(report)).content.decode()
    assert "Consiliul Județean Cluj" in page
    assert report.forwarded_to_report.registry_number in page


def test_forward_without_a_destination_keeps_what_was_typed(client, clerk, flow):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    report = flow.submit()
    client.force_login(clerk)

    response = client.post(
        _forward(report),
        {"reason": REASON, "category": "", "to_name": "Compania", "to_email": ""},
    )

    assert response.status_code == 200
    form = response.context["forms"]["forward"]
    assert form["reason"].value() == REASON
    assert form["to_name"].value() == "Compania"
    assert "one of the two" in form.non_field_errors()[0]
    report.refresh_from_db()
    assert report.status == Status.REGISTERED


def test_forward_is_refused_to_the_head(client, head, citizen, published_report):
    client.force_login(head)

    response = client.post(
        _forward(published_report),
        {
            "reason": REASON,
            "category": "",
            "to_name": "Compania de Apă Someș",
            "to_email": "registratura@casomes.ro",
        },
    )

    assert response.status_code == 200
    published_report.refresh_from_db()
    assert published_report.status == Status.PUBLISHED


def test_join_from_the_report_page_by_candidate_and_by_number(
    client, clerk, flow, other_citizen
):
    main = flow.submit()
    nearby = flow.submit(author=other_citizen)
    by_number = flow.submit(author=other_citizen)
    client.force_login(clerk)
    candidates = client.get(_page(main)).context["forms"]["join"]

    response = client.post(
        _join(main),
        {"others": [nearby.pk], "numbers": by_number.registry_number, "reason": ""},
    )

    offered = {choice.data["value"].value for choice in candidates["others"]}
    assert offered == {nearby.pk, by_number.pk}
    assert response.status_code == 302
    assert set(main.joined_reports.all()) == {nearby, by_number}


def test_join_with_an_unknown_number_is_refused(client, clerk, flow):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    main = flow.submit()
    client.force_login(clerk)

    response = client.post(
        _join(main),
        {"numbers": "999/2001", "reason": ""},
    )

    assert response.status_code == 200
    form = response.context["forms"]["join"]
    assert form.errors["numbers"] == [
        "No report of the institution has the number 999/2001."
    ]


def test_joined_report_shows_the_main_answer_to_its_citizen(
    client, clerk, flow, other_citizen
):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    main = flow.published()
    other = flow.submit(author=other_citizen)
    join_reports(main=main, others=[other], actor=clerk)
    main = flow.resolve(flow.assign(main))
    client.force_login(other_citizen)

    page = client.get(reverse("reports:mine-detail", args=[other.pk]))
    document = client.get(reverse("reports:resolution-document", args=[other.pk]))

    assert main.registry_number in page.content.decode()
    assert page.context["resolution"] == main.resolution
    assert document.status_code == 200
    assert b"".join(document.streaming_content).startswith(b"%PDF")
