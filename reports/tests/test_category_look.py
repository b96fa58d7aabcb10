"""A category's icon and colour beside its name, both decorative."""

import pytest
from django.urls import reverse

from institutions.models import Category

SWATCH = (
    '<svg class="category-swatch" width="12" height="12" viewBox="0 0 12 12" '
    'aria-hidden="true" focusable="false"><rect x=".5" y=".5" width="11" '
    'height="11" rx="2" fill="#8d6e63" stroke="#57606a"/></svg>'
    '<span class="category-icon" aria-hidden="true">🚧</span> '
    "Străzi/Alei/Trotuare/Poduri"
)


@pytest.fixture
def dressed(potholes):
    Category.objects.filter(pk=potholes.pk).update(icon="🚧", colour="#8d6e63")


def test_the_list_and_the_report_page_show_the_icon_and_colour(
    client, flow, dressed, django_assert_num_queries
):
    report = flow.published()
    flow.published()
    flow.published()

    # The colour is read with the page's reports, not once per report.
    with django_assert_num_queries(5):
        listed = client.get(reverse("reports:list")).content.decode()
    page = client.get(reverse("reports:detail", args=[report.pk])).content.decode()

    assert SWATCH in listed
    assert SWATCH in page


def test_the_clerk_s_queue_shows_the_icon_and_colour(client, flow, dressed, clerk):
    flow.submit()
    client.force_login(clerk)

    queue = client.get(reverse("backoffice:clerk-queue")).content.decode()

    assert SWATCH in queue
