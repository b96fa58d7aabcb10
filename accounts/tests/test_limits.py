from datetime import datetime, timedelta

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format, time_format

from reports import workflow
from reports.models import Event, Photo, Report
from tests.factories import jpeg_upload

NEW = reverse("reports:new")
DESCRIPTION = "Groapă adâncă în asfalt, lângă stația de autobuz."


def _sent_at(moment: datetime, reports: list[Report]) -> None:
    Report.objects.filter(pk__in=[report.pk for report in reports]).update(
        created_at=moment
    )


def _minutes_ago(minutes: int) -> datetime:
    """A moment on a whole minute, so that the time shown is exact."""
    return (timezone.now() - timedelta(minutes=minutes)).replace(
        second=0, microsecond=0
    )


def _shown(moment: datetime) -> str:
    """The moment as the message tells it: the time today, else with the date."""
    moment = timezone.localtime(moment)
    if moment.date() == timezone.localdate():
        return time_format(moment)
    return date_format(moment, "DATETIME_FORMAT")


def _refusal(flow, **submitted) -> str:
    with pytest.raises(workflow.WorkflowError) as refused:
        flow.submit(**submitted)
    return str(refused.value)


@translation.override("en")
def test_submit_report_refuses_the_sixth_report_within_an_hour(flow, citizen):
    oldest = _minutes_ago(50)
    sent = [flow.submit() for _ in range(5)]
    _sent_at(oldest, sent[:1])
    _sent_at(oldest + timedelta(minutes=10), sent[1:])
    photo = flow.photo()
    events = Event.objects.count()

    message = _refusal(flow, photos=[photo])

    assert message == (
        "You have sent 5 reports in the last hour, the most allowed. "
        f"You can send the next one after {_shown(oldest + timedelta(hours=1))}."
    )
    assert Report.objects.count() == 5
    assert Event.objects.count() == events
    photo.refresh_from_db()
    assert photo.report is None


@translation.override("en")
def test_submit_report_tells_the_next_minute_when_the_limit_ends_within_one(
    flow,
):
    oldest = _minutes_ago(50) + timedelta(seconds=20)
    _sent_at(oldest, [flow.submit() for _ in range(5)])

    message = _refusal(flow)

    reopens = oldest + timedelta(hours=1, seconds=40)
    assert message.endswith(f"You can send the next one after {_shown(reopens)}.")


def test_submit_report_does_not_count_reports_older_than_an_hour(flow, citizen):
    _sent_at(_minutes_ago(61), [flow.submit() for _ in range(5)])

    report = flow.submit()

    assert report.author == citizen
    assert Report.objects.count() == 6


@translation.override("en")
def test_submit_report_refuses_beyond_the_daily_limit(flow, settings):
    settings.REPORTS_PER_DAY = 3
    oldest = _minutes_ago(23 * 60)
    sent = [flow.submit() for _ in range(3)]
    _sent_at(oldest, sent[:1])
    _sent_at(_minutes_ago(120), sent[1:])

    message = _refusal(flow)

    assert message == (
        "You have sent 3 reports in the last 24 hours, the most allowed. "
        f"You can send the next one after {_shown(oldest + timedelta(days=1))}."
    )
    assert Report.objects.count() == 3


@translation.override("en")
def test_submit_report_names_the_later_limit_when_both_are_reached(flow, settings):
    settings.REPORTS_PER_DAY = 5
    oldest = _minutes_ago(30)
    _sent_at(oldest, [flow.submit() for _ in range(5)])

    message = _refusal(flow)

    assert message.startswith("You have sent 5 reports in the last 24 hours")
    assert message.endswith(f"{_shown(oldest + timedelta(days=1))}.")


def test_submit_report_does_not_count_reports_older_than_a_day(flow, settings):
    settings.REPORTS_PER_DAY = 3
    _sent_at(_minutes_ago(24 * 60 + 1), [flow.submit() for _ in range(3)])

    flow.submit()

    assert Report.objects.count() == 4


def test_submit_report_counts_each_author_alone(flow, citizen):
    for _ in range(5):
        flow.submit(author="other_citizen")

    report = flow.submit()

    assert report.author == citizen


def test_submit_report_limits_staff_as_well(flow):
    for _ in range(5):
        flow.submit(author="clerk")

    with pytest.raises(workflow.WorkflowError):
        flow.submit(author="clerk")


def test_submit_report_without_limits_when_set_to_zero(flow, settings):
    settings.REPORTS_PER_HOUR = 0
    settings.REPORTS_PER_DAY = 0
    for _ in range(6):
        flow.submit()

    assert Report.objects.count() == 6


# Over HTTP


def test_report_new_refused_by_the_limit_keeps_what_was_typed(flow, citizen, potholes):
    oldest = _minutes_ago(20)
    _sent_at(oldest, [flow.submit() for _ in range(5)])
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    client.force_login(citizen)
    typed = {
        "category": potholes.pk,
        "address": "Strada Memorandumului 2",
        "latitude": "46.769400",
        "longitude": "23.589900",
        "description": DESCRIPTION,
    }
    preview = client.post(NEW, {**typed, "action": "preview", "photos": jpeg_upload()})
    [photo] = preview.context["draft"].photos

    response = client.post(NEW, {**typed, "action": "send", "photo": photo.token})

    content = response.content.decode()
    assert response.status_code == 200
    assert response.templates[0].name == "reports/report_form.html"
    with translation.override("en"):
        shown = _shown(oldest + timedelta(hours=1))
    assert (
        "You have sent 5 reports in the last hour, the most allowed. "
        f"You can send the next one after {shown}."
    ) in content
    assert DESCRIPTION in content
    assert 'value="Strada Memorandumului 2"' in content
    assert f'<input type="hidden" name="photo" value="{photo.token}">' in content
    assert Report.objects.count() == 5
    assert Photo.objects.get(pk=photo.pk).report is None
