from datetime import date

from django.conf import settings
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format

from reports import workflow
from reports.models import EventKind, Report

REASON = "Avem nevoie de un aviz de la Compania de Apă."
DUE = date(2030, 11, 20)
EXTENDED = date(2030, 12, 2)


def _client(user) -> Client:
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    client.force_login(user)
    return client


def _due_on(report: Report, day: date) -> Report:
    Report.objects.filter(pk=report.pk).update(due_date=day)
    report.refresh_from_db()
    return report


def _page(report) -> str:
    return reverse("backoffice:report", args=[report.pk])


def _extend_url(report) -> str:
    return reverse("backoffice:report-extend", args=[report.pk])


def _english(day: date) -> str:
    with translation.override("en"):
        return date_format(day)


def test_report_page_offers_the_clerk_the_extension(clerk, registered_report):
    report = _due_on(registered_report, DUE)

    response = _client(clerk).get(_page(report))

    page = response.content.decode()
    assert "extend" in response.context["forms"]
    assert f'action="{_extend_url(report)}"' in page
    assert 'id="extend-heading"' in page


def test_report_page_offers_the_staff_member_no_extension(staff, assigned_report):
    report = _due_on(assigned_report, DUE)

    response = _client(staff).get(_page(report))

    assert "extend" not in response.context["forms"]
    assert _extend_url(report) not in response.content.decode()


def test_report_extend_extends_and_shows_the_new_date(head, published_report):
    report = _due_on(published_report, DUE)
    client = _client(head)

    response = client.post(_extend_url(report), {"days": "10", "reason": REASON})

    assert response.status_code == 302
    assert response.url == _page(report)
    report.refresh_from_db()
    assert report.due_date == EXTENDED
    page = client.get(_page(report))
    content = page.content.decode()
    assert _english(EXTENDED) in content
    assert "term extended on" in content
    assert REASON in content
    assert "extend" not in page.context["forms"]


def test_report_extend_invalid_keeps_what_was_typed(clerk, registered_report):
    report = _due_on(registered_report, DUE)
    mail.outbox.clear()

    response = _client(clerk).post(
        _extend_url(report), {"days": "20", "reason": REASON}
    )

    assert response.status_code == 200
    form = response.context["forms"]["extend"]
    assert list(form.errors) == ["days"]
    assert form["reason"].value() == REASON
    assert form["days"].value() == "20"
    report.refresh_from_db()
    assert report.due_date == DUE
    assert mail.outbox == []


def test_report_extend_a_second_time_says_why_not(clerk, registered_report):
    report = _due_on(registered_report, DUE)
    workflow.extend_term(report=report, actor=clerk, days=3, reason=REASON)

    response = _client(clerk).post(
        _extend_url(report), {"days": "5", "reason": REASON}, follow=False
    )

    assert response.status_code == 200
    assert "extend" not in response.context["forms"]
    messages = [str(m) for m in response.context["messages"]]
    assert messages == [
        "The term of this report was extended already: the law allows it once."
    ]
    assert report.events.filter(kind=EventKind.EXTENDED).count() == 1


def test_report_extend_refused_to_a_staff_member(staff, assigned_report):
    report = _due_on(assigned_report, DUE)

    response = _client(staff).post(_extend_url(report), {"days": "5", "reason": REASON})

    assert response.status_code == 200
    report.refresh_from_db()
    assert report.due_date == DUE
    assert not report.events.filter(kind=EventKind.EXTENDED).exists()


def test_my_report_shows_the_extended_date_and_the_extension(
    citizen, clerk, registered_report
):
    report = _due_on(registered_report, DUE)
    workflow.extend_term(report=report, actor=clerk, days=10, reason=REASON)

    response = _client(citizen).get(reverse("reports:mine-detail", args=[report.pk]))

    content = response.content.decode()
    assert f'<time datetime="{EXTENDED.isoformat()}">' in content
    assert "The term for the answer was extended on" in content
    assert REASON in content
