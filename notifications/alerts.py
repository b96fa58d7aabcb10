"""Alerts of new public reports in an area: a zone, or a circle around a place.

An alert is optional mail: each e-mail has a one-click unsubscribe link and
the List-Unsubscribe headers, as the updates of followed reports have. At
once: one e-mail a report, when it is published. Once a day: one e-mail
with the reports published since the last one (the periodic jobs).
"""

import math
from collections.abc import Iterable
from datetime import datetime

from django.contrib.gis.geos import Point
from django.core import signing
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.languages import supported_language
from accounts.models import User
from institutions.models import Institution
from notifications.models import AreaAlert, OutgoingEmail
from notifications.outbox import queue_optional_message
from reports.models import Report
from zones.models import Zone

RADII_M = (250, 500, 1000, 2000)
EARTH_RADIUS_M = 6_371_000
UNSUBSCRIBE_SALT = "notifications.alerts.unsubscribe"


class AlertError(Exception):
    """The alert cannot be made; the message is meant for the user."""


def create_alert(
    *,
    user: User,
    institution: Institution,
    frequency: str,
    zone: Zone | None = None,
    place: tuple[str, Point] | None = None,
    radius_m: int | None = None,
) -> AreaAlert:
    """An alert for a zone of the institution, or a circle around a place."""
    if zone is not None and zone.institution_id == institution.pk:
        return AreaAlert.objects.create(
            user=user,
            institution=institution,
            zone=zone,
            label=zone.name,
            frequency=frequency,
        )
    if place is not None and radius_m in RADII_M:
        label, centre = place
        return AreaAlert.objects.create(
            user=user,
            institution=institution,
            centre=centre,
            radius_m=radius_m,
            label=label,
            frequency=frequency,
        )
    raise AlertError(_("Choose a zone, or a place and a distance."))


def alerts_for(report: Report, alerts: Iterable[AreaAlert]) -> list[AreaAlert]:
    """The alerts whose area holds the report; never its own author's."""
    return [
        alert
        for alert in alerts
        if alert.user_id != report.author_id and _holds(alert, report)
    ]


def _holds(alert: AreaAlert, report: Report) -> bool:
    if alert.zone_id is not None:
        return alert.zone_id == report.zone_id
    if alert.centre is None or alert.radius_m is None:
        return False
    return _metres(alert.centre, report.location) <= alert.radius_m


def _metres(first: Point, second: Point) -> float:
    # Haversine: at a city's scale its error is far below the radii offered.
    lat1, lat2 = math.radians(first.y), math.radians(second.y)
    d_lat, d_lng = lat2 - lat1, math.radians(second.x - first.x)
    a = (
        math.sin(d_lat / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin(d_lng / 2) ** 2
    )
    return 2 * EARTH_RADIUS_M * math.asin(math.sqrt(a))


def notify_published(report: Report) -> int:
    """Queue the immediate alerts of a report just published; the count."""
    alerts = AreaAlert.objects.filter(
        institution_id=report.institution_id,
        frequency=AreaAlert.Frequency.IMMEDIATE,
    ).select_related("user")
    matching = alerts_for(report, alerts)
    for alert in matching:
        _queue(alert, [report])
    return len(matching)


def send_daily_alerts(now: datetime | None = None) -> int:
    """Queue one e-mail per daily alert with the reports published since the
    last one; an alert with nothing new sends nothing. The count queued."""
    now = now or timezone.now()
    queued = 0
    daily = AreaAlert.objects.filter(frequency=AreaAlert.Frequency.DAILY)
    for alert_id in daily.values_list("pk", flat=True):
        with transaction.atomic():
            # Locked: two schedulers never send the same digest twice.
            alert = (
                AreaAlert.objects.select_for_update()
                .select_related("user", "institution")
                .get(pk=alert_id)
            )
            since = alert.last_sent_at or alert.created_at
            published = (
                Report.objects.public()
                .filter(
                    institution_id=alert.institution_id,
                    published_at__gt=since,
                    published_at__lte=now,
                )
                .select_related("category")
            )
            reports = alerts_for_reports(alert, published)
            if reports:
                _queue(alert, reports)
                queued += 1
            alert.last_sent_at = now
            alert.save(update_fields=["last_sent_at"])
    return queued


def alerts_for_reports(alert: AreaAlert, reports: Iterable[Report]) -> list[Report]:
    return [report for report in reports if alerts_for(report, [alert])]


def unsubscribe_token(alert: AreaAlert) -> str:
    return signing.dumps([alert.pk, alert.user_id], salt=UNSUBSCRIBE_SALT)


def alert_of_token(token: str) -> AreaAlert | None:
    try:
        alert_id, user_id = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    return AreaAlert.objects.filter(pk=alert_id, user_id=user_id).first()


def _report_link(institution: Institution, report: Report) -> str:
    return institution.site_url + reverse("reports:detail", args=[report.pk])


def _queue(alert: AreaAlert, reports: list[Report]) -> OutgoingEmail:
    institution = alert.institution
    unsubscribe = institution.site_url + reverse(
        "notifications:alert-unsubscribe", args=[unsubscribe_token(alert)]
    )
    with translation.override(supported_language(alert.user.language)):
        context = {
            "alert": alert,
            "institution": institution,
            "reports": [
                (report, _report_link(institution, report)) for report in reports
            ],
            "unsubscribe": unsubscribe,
        }
        subject = ngettext(
            "%(count)s new report in %(place)s",
            "%(count)s new reports in %(place)s",
            len(reports),
        ) % {"count": len(reports), "place": alert.label}
        body = render_to_string("notifications/area_alert.txt", context)
        html = render_to_string("notifications/area_alert.html", context)

    return queue_optional_message(
        institution=institution,
        to=alert.user.email,
        subject=subject,
        body=body,
        html=html,
        unsubscribe=unsubscribe,
        kind=OutgoingEmail.Kind.AREA_ALERT,
    )
