"""A citizen about to report a known problem follows the report instead."""

import re

import pytest
from django.contrib.gis.geos import Point
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from institutions.models import Street
from notifications.models import Follow
from reports.models import Report
from tests.browser.pages import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MEMORANDUMULUI = Point(23.5855, 46.7693, srid=4326)
# About 20 m north of the street's point.
BESIDE_IT = Point(23.5855, 46.76948, srid=4326)


def test_citizen_follows_a_nearby_report_instead_of_sending_one(
    phone, live_server, flow, citizen, other_citizen, institution, potholes
):
    Street.objects.create(
        institution=institution, name="Strada Memorandumului", location=MEMORANDUMULUI
    )
    known = flow.submit(author=other_citizen)
    Report.objects.filter(pk=known.pk).update(location=BESIDE_IT)
    known = flow.publish(known)
    log_in(phone, live_server, citizen, then="/sesizare-noua/")

    phone.get_by_label(potholes.name).check()
    phone.fill("#id_address", "str. Memorandumului 14")
    # The one street found is chosen at once.
    phone.click("#address-search-button")
    card = phone.locator(f"#nearby-{known.pk}")
    expect(card).to_be_visible()
    expect(card).to_contain_text(potholes.name)
    expect(card).to_contain_text("20 m")
    card.get_by_role("button").click()

    phone.wait_for_url(re.compile(rf"/sesizari/{known.pk}/$"))
    with translation.override("ro"):
        followed = gettext("You follow this report; you will be told of its updates.")
    expect(phone.locator(".message--success")).to_have_text(followed)
    assert list(Follow.objects.values_list("user", "report")) == [
        (citizen.pk, known.pk)
    ]
    assert list(Report.objects.values_list("pk", flat=True)) == [known.pk]
