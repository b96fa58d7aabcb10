"""Every page's title is plain text: a template that leaks markup into it shows."""

import re

import pytest
from django.urls import reverse

TITLE = re.compile(r"<title>(.*?)</title>", re.S)


@pytest.mark.parametrize(
    "name",
    [
        "home",
        "reports:list",
        "reports:new",
        "reports:mine",
        "notifications:settings",
        "accounts:my-data",
        "public-statistics",
    ],
)
def test_title_holds_no_markup(client, citizen, published_report, name):
    client.force_login(citizen)

    page = client.get(reverse(name))

    [title] = TITLE.findall(page.content.decode())
    assert page.status_code == 200
    assert "<" not in title and title.strip()


def test_report_page_title_holds_no_markup(client, published_report):
    page = client.get(reverse("reports:detail", args=[published_report.pk]))

    [title] = TITLE.findall(page.content.decode())
    assert "<" not in title
