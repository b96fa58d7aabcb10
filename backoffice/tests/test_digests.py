import io
from datetime import timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from backoffice.digests import digests_for, queue_due_digests
from notifications.models import OutgoingEmail
from reports.models import Report

pytestmark = pytest.mark.usefixtures("no_report_limits")


def _due_in(report: Report, days: int) -> Report:
    Report.objects.filter(pk=report.pk).update(
        due_date=timezone.localdate() + timedelta(days=days)
    )
    report.refresh_from_db()
    return report


def _link(report: Report) -> str:
    return settings.SITE_URL + reverse("backoffice:report", args=[report.pk])


def _digests_to(user) -> list:
    return [message for message in mail.outbox if message.to == [user.email]]


@pytest.fixture
def roads_reports(flow):
    """Reports of roads due at various times, by name."""
    return {
        "overdue": _due_in(flow.assign(flow.published()), -3),
        "due_today": _due_in(flow.published(), 0),
        "due_in_5": _due_in(flow.published(), 5),
        "due_in_6": _due_in(flow.published(), 6),
        "resolved": _due_in(flow.resolve(flow.assign(flow.published())), -1),
    }


def test_queue_due_digests_lists_the_heads_due_and_overdue_reports(
    flow, head, green_head, parks, roads_reports
):
    parks_overdue = _due_in(flow.published(category=parks), -1)
    mail.outbox.clear()

    queued = queue_due_digests()

    assert queued == 2
    [digest] = _digests_to(head)
    listed = {
        name for name, report in roads_reports.items() if _link(report) in digest.body
    }
    assert listed == {"overdue", "due_today", "due_in_5"}
    assert _link(parks_overdue) not in digest.body
    assert roads_reports["overdue"].registry_number in digest.body
    assert roads_reports["overdue"].category.name in digest.body
    assert _link(roads_reports["overdue"]) in digest.alternatives[0][0]
    # Overdue reports come first.
    assert digest.body.index(_link(roads_reports["overdue"])) < digest.body.index(
        _link(roads_reports["due_today"])
    )
    [green_digest] = _digests_to(green_head)
    assert _link(parks_overdue) in green_digest.body
    assert _link(roads_reports["overdue"]) not in green_digest.body
    assert OutgoingEmail.objects.filter(kind=OutgoingEmail.Kind.DIGEST).count() == 2


def test_queue_due_digests_sends_nothing_when_nothing_is_due(flow, head):
    _due_in(flow.published(), 6)
    mail.outbox.clear()

    queued = queue_due_digests()

    assert queued == 0
    assert mail.outbox == []


def test_queue_due_digests_once_a_day(flow, head):
    _due_in(flow.published(), 1)
    mail.outbox.clear()
    queue_due_digests()

    queued_again = queue_due_digests()

    assert queued_again == 0
    assert len(_digests_to(head)) == 1


def test_send_due_digests_command_queues_the_digests(flow, head):
    report = _due_in(flow.published(), 2)
    mail.outbox.clear()
    output = io.StringIO()

    call_command("send_due_digests", stdout=output)

    assert output.getvalue() == "1 digests queued.\n"
    [digest] = _digests_to(head)
    assert _link(report) in digest.body


def test_digests_for_reads_heads_and_reports_in_two_queries(
    flow, head, green_head, parks, roads_reports, django_assert_num_queries
):
    _due_in(flow.published(category=parks), -1)

    with django_assert_num_queries(2):
        digests = digests_for(timezone.localdate())

    assert sorted(d.head.email for d in digests) == [head.email, green_head.email]
