"""The list without the map: search by address, street and registry number."""

import gzip
import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

from reports.models import Report

PAGE_WEIGHT_LIMIT = 150 * 1024


def listed(client, **query) -> list[int]:
    response = client.get(reverse("reports:list"), query)
    assert response.status_code == 200
    return [report.pk for report in response.context["page"]]


@pytest.fixture
def on_two_streets(flow):
    memorandumului = flow.published()
    Report.objects.filter(pk=memorandumului.pk).update(
        address="Strada Memorandumului 28"
    )
    horea = flow.published()
    Report.objects.filter(pk=horea.pk).update(address="Strada Horea 5")
    return Report.objects.get(pk=memorandumului.pk), Report.objects.get(pk=horea.pk)


def test_list_search_finds_a_street_whatever_the_case(client, on_two_streets):
    memorandumului, _horea = on_two_streets

    assert listed(client, q="memorandumului") == [memorandumului.pk]


def test_list_search_finds_a_registry_number(client, on_two_streets):
    _memorandumului, horea = on_two_streets

    assert listed(client, q=horea.registry_number) == [horea.pk]


def test_list_search_by_the_first_part_of_a_number_finds_it(client, on_two_streets):
    memorandumului, _horea = on_two_streets
    first_part = memorandumului.registry_number.split("/")[0]

    assert memorandumului.pk in listed(client, q=first_part)


def test_list_search_without_a_match_says_so(client, on_two_streets):
    response = client.get(reverse("reports:list"), {"q": "Strada Inexistentă"})

    assert list(response.context["page"]) == []
    assert response.context["page"].paginator.count == 0


def test_list_search_is_a_labelled_field_of_the_filters(client, on_two_streets):
    response = client.get(reverse("reports:list"), {"q": "Horea"})

    content = response.content.decode()
    assert re.search(r'<label for="id_q"[^>]*>', content)
    assert 'type="search" name="q" value="Horea"' in content


def test_list_count_is_the_count_of_public_reports(client, flow):
    flow.published()
    flow.assign(flow.published())
    flow.submit()

    response = client.get(reverse("reports:list"))

    assert response.context["page"].paginator.count == 2


def test_list_keeps_the_search_in_the_map_link(client, on_two_streets):
    response = client.get(reverse("reports:list"), {"q": "Horea"})

    assert 'href="/?q=Horea"' in response.content.decode()


def _loaded_assets(html: str) -> list[str]:
    stylesheets = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
    scripts = re.findall(r'<script src="([^"]+)"', html)
    return stylesheets + scripts


def test_home_page_weighs_less_than_150_kb_compressed(client, flow):
    flow.published()

    response = client.get(reverse("home"))
    html = response.content.decode()
    sizes = {"page": len(gzip.compress(response.content))}
    for url in _loaded_assets(html):
        if url.startswith("/static/"):
            path = finders.find(url.removeprefix("/static/"))
            assert path, url
            content = Path(path).read_bytes()
        else:
            content = client.get(url).content
        sizes[url] = len(gzip.compress(content))

    assert any(url.endswith("map.js") for url in sizes)
    assert any(url.endswith("leaflet.js") for url in sizes)
    assert sum(sizes.values()) <= PAGE_WEIGHT_LIMIT, sizes


@pytest.mark.parametrize(
    "typed",
    ["Dorobantilor", "dorobanţilor", "DOROBANȚILOR", "Kovacs", "kovács"],
)
def test_search_ignores_case_and_diacritics(client, flow, no_report_limits, typed):
    report = flow.published()
    Report.objects.filter(pk=report.pk).update(
        address="Strada Dorobanților 14, lângă Kovács Bt."
    )
    flow.published()

    page = client.get(reverse("reports:list"), {"q": typed})

    assert [found.pk for found in page.context["page"]] == [report.pk]
