"""Alerts of new reports in a zone or near a place: at once, or once a day."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from notifications import alerts
from notifications.models import AreaAlert
from reports.models import Report
from zones.tests.geojson import MANASTUR_POINT

SETTINGS = reverse("notifications:settings")


def _alert_emails(user):
    return [
        message
        for message in mail.outbox
        if message.to == [user.email] and "List-Unsubscribe" in message.extra_headers
    ]


def _publish_at(flow, point=None):
    report = flow.submit()
    if point is not None:
        Report.objects.filter(pk=report.pk).update(location=point, zone=None)
        report.refresh_from_db()
    return flow.publish(report)


def test_citizen_adds_a_zone_alert_from_the_settings_page(client, other_citizen, zones):
    client.force_login(other_citizen)

    response = client.post(
        SETTINGS,
        {"zone": zones["Centru"].pk, "radius_m": 500, "frequency": "immediate"},
    )

    alert = AreaAlert.objects.get(user=other_citizen)
    assert response.status_code == 302
    assert (alert.zone, alert.label) == (zones["Centru"], "Centru")


def test_an_address_not_found_keeps_the_form_and_says_so(
    client, institution, other_citizen
):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    client.force_login(other_citizen)

    response = client.post(
        SETTINGS,
        {"address": "Strada Inexistentă 99", "radius_m": 500, "frequency": "daily"},
    )

    assert response.status_code == 400
    assert "This address was not found" in response.content.decode()
    assert 'value="Strada Inexistentă 99"' in response.content.decode()
    assert not AreaAlert.objects.exists()


def test_a_report_published_in_the_zone_alerts_at_once(
    flow, other_citizen, institution, zones, no_report_limits
):
    alerts.create_alert(
        user=other_citizen,
        institution=institution,
        frequency=AreaAlert.Frequency.IMMEDIATE,
        zone=zones["Centru"],
    )
    mail.outbox.clear()

    inside = _publish_at(flow)
    _publish_at(flow, MANASTUR_POINT)

    [email] = _alert_emails(other_citizen)
    assert inside.registry_number in email.body
    assert email.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_a_circle_holds_what_is_near_its_centre_only(
    flow, other_citizen, institution, place, no_report_limits
):
    alerts.create_alert(
        user=other_citizen,
        institution=institution,
        frequency=AreaAlert.Frequency.IMMEDIATE,
        place=("Piața Unirii", place),
        radius_m=250,
    )
    mail.outbox.clear()

    near = _publish_at(flow)
    _publish_at(flow, MANASTUR_POINT)

    [email] = _alert_emails(other_citizen)
    assert near.registry_number in email.body


def test_the_author_is_not_alerted_of_their_own_report(
    flow, citizen, institution, place
):
    alerts.create_alert(
        user=citizen,
        institution=institution,
        frequency=AreaAlert.Frequency.IMMEDIATE,
        place=("Piața Unirii", place),
        radius_m=250,
    )
    mail.outbox.clear()

    _publish_at(flow)

    assert _alert_emails(citizen) == []


def test_daily_alert_sends_the_day_s_reports_together_once(
    flow, other_citizen, institution, place, no_report_limits
):
    alert = alerts.create_alert(
        user=other_citizen,
        institution=institution,
        frequency=AreaAlert.Frequency.DAILY,
        place=("Piața Unirii", place),
        radius_m=250,
    )
    AreaAlert.objects.filter(pk=alert.pk).update(
        created_at=timezone.now() - timedelta(days=1)
    )
    first, second = _publish_at(flow), _publish_at(flow)
    mail.outbox.clear()

    alerts.send_daily_alerts()
    alerts.send_daily_alerts()

    [email] = _alert_emails(other_citizen)
    assert first.registry_number in email.body
    assert second.registry_number in email.body


def test_one_click_unsubscribe_stops_the_alert(other_citizen, institution, zones):
    alert = alerts.create_alert(
        user=other_citizen,
        institution=institution,
        frequency=AreaAlert.Frequency.IMMEDIATE,
        zone=zones["Centru"],
    )
    url = reverse(
        "notifications:alert-unsubscribe", args=[alerts.unsubscribe_token(alert)]
    )

    response = Client(enforce_csrf_checks=True).post(
        url,
        data="List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )

    assert response.status_code == 200
    assert not AreaAlert.objects.exists()


def test_a_zone_of_another_institution_is_refused(other_citizen, institution, zones):
    from tests.factories import InstitutionFactory

    with pytest.raises(alerts.AlertError):
        alerts.create_alert(
            user=other_citizen,
            institution=InstitutionFactory(),
            frequency=AreaAlert.Frequency.IMMEDIATE,
            zone=zones["Centru"],
        )
