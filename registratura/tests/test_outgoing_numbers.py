"""Answers leave with an outgoing registry number of their own."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from reports.models import Resolution


def _year():
    return timezone.localdate().year


def _answered(flow, count):
    reports = [flow.submit() for _ in range(count)]
    for report in reports[:2]:
        flow.resolve(flow.assign(flow.publish(report)))
    return reports


def test_answers_get_outgoing_numbers_apart_from_incoming_ones(flow, no_report_limits):
    reports = _answered(flow, 3)

    numbers = [
        (report.registry_number, Resolution.objects.get(report=report).outgoing_number)
        for report in reports[:2]
    ]
    assert numbers == [
        (f"1/{_year()}", f"1/{_year()}"),
        (f"2/{_year()}", f"2/{_year()}"),
    ]
    assert reports[2].registry_number == f"3/{_year()}"


def test_outgoing_numbers_follow_each_other_whatever_the_incoming_ones(
    flow, no_report_limits
):
    first, _second, third = [flow.submit() for _ in range(3)]

    flow.resolve(flow.assign(flow.publish(third)))
    flow.resolve(flow.assign(flow.publish(first)))

    assert Resolution.objects.get(report=third).outgoing_number == f"1/{_year()}"
    assert Resolution.objects.get(report=first).outgoing_number == f"2/{_year()}"


@pytest.mark.django_db
def test_citizen_email_names_the_answer_number(resolved_report):
    with translation.override("ro"):
        expected = gettext("Answer no. %(number)s") % {"number": f"1/{_year()}"}

    [email] = [message for message in mail.outbox if message.attachments]

    assert expected in email.body


def test_staff_and_citizen_pages_show_the_answer_number(
    client, clerk, citizen, flow, no_report_limits
):
    flow.submit()
    report = flow.resolve(flow.assign(flow.publish(flow.submit())))
    client.force_login(clerk)
    staff_page = client.get(reverse("backoffice:report", args=[report.pk]))
    client.force_login(citizen)
    citizen_page = client.get(reverse("reports:mine-detail", args=[report.pk]))

    assert report.registry_number == f"2/{_year()}"
    for page in (staff_page, citizen_page):
        assert f"<dd>1/{_year()}</dd>" in page.content.decode()
