"""What authors said of the answers, against the small city of conftest.py.

On top of the city: F's answer (fixed, 2026-01-05) was asked about and
its author said solved; A's first answer (fixed, 2026-01-20) was asked
about and its author said not solved on 2026-02-01, which reopened A; A
was answered again (partly fixed) on 2026-02-10 09:00, not yet asked. B's
answer is a refusal: no author is asked about one. E's is of 2025.

Answers of the quarter that ask: F, A1, A2, all of Direcția Tehnică. Asked
2, solved 1, not solved 1: shares 66.7, 33.3 and 33.3 per cent.
A's time to resolve runs to its latest answer: 2026-01-10 09:00 to
2026-02-10 09:00, 31 days.
"""

from urllib.parse import urlencode

import pytest
from django.urls import reverse

from dashboards import facts, work
from dashboards.models import ReportFact
from dashboards.tests.conftest import local
from reports.models import Event, Outcome, Resolution, Satisfaction, Status

pytestmark = pytest.mark.django_db


@pytest.fixture
def answered_city(city, clerk):
    reports = city.reports
    Resolution.objects.filter(pk=reports["F"].resolution_id).update(
        satisfaction_asked_at=local("2026-01-12 10:00"),
        satisfaction=Satisfaction.SOLVED,
        satisfaction_answered_at=local("2026-01-12 18:00"),
    )
    reopened = reports["A"]
    Resolution.objects.filter(pk=reopened.resolution_id).update(
        satisfaction_asked_at=local("2026-01-27 10:00"),
        satisfaction=Satisfaction.NOT_SOLVED,
        satisfaction_answered_at=local("2026-02-01 12:00"),
    )
    Event.objects.create(
        report=reopened, kind="reopened", created_at=local("2026-02-01 12:00")
    )
    Event.objects.create(
        report=reopened, kind="resolved", created_at=local("2026-02-10 09:00")
    )
    reopened.resolution = Resolution.objects.create(
        report=reopened,
        outcome=Outcome.PARTLY_FIXED,
        summary="Refăcut.",
        document="private/resolutions/raspuns.pdf",
        issued_by=clerk,
        issued_at=local("2026-02-10 09:00"),
    )
    reopened.status = Status.RESOLVED
    reopened.resolved_at = local("2026-02-10 09:00")
    reopened.save()
    facts.refresh()
    return city


def test_satisfaction_of_the_answers_of_the_quarter(answered_city):
    table = work.satisfaction(answered_city.filters())

    assert table.rows == [
        ["Direcția Tehnică", 3, 2, 1, 1, 66.7, 33.3, 33.3],
        ["Total", 3, 2, 1, 1, 66.7, 33.3, 33.3],
    ]


def test_satisfaction_follows_the_department_filter(answered_city, green_spaces):
    table = work.satisfaction(answered_city.filters(department=green_spaces))

    # B's refusal is the department's only answer: nobody is asked about it.
    assert table.rows == [["Total", 0, 0, 0, 0, None, None, None]]


def test_time_to_resolve_a_reopened_report_runs_to_its_latest_answer(
    answered_city,
):
    fact = ReportFact.objects.get(report=answered_city.reports["A"])

    assert fact.resolve_days == 31.0
    assert fact.state == f"outcome:{Outcome.PARTLY_FIXED}"


def test_reopened_report_is_open_in_the_facts_until_answered_again(city):
    reopened = city.reports["A"]
    reopened.status = Status.ASSIGNED
    reopened.resolved_at = None
    reopened.save()
    Event.objects.create(
        report=reopened, kind="reopened", created_at=local("2026-02-01 12:00")
    )

    facts.refresh()

    fact = ReportFact.objects.get(report=reopened)
    assert (fact.is_open, fact.resolved_on, fact.resolve_days) == (True, None, None)


def test_satisfaction_table_in_the_work_csv(client, viewer, answered_city):
    client.force_login(viewer)

    response = client.get(
        reverse("dashboards:export", args=["work", "csv"])
        + "?"
        + urlencode({"start": "2026-01-01", "end": "2026-03-31"})
    )

    text = response.content.decode("utf-8-sig")
    assert "Direcția Tehnică;3;2;1;1;66,7;33,3;33,3\r\n" in text
