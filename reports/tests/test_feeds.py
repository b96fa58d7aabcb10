from datetime import timedelta
from xml.etree import ElementTree

import pytest
from django.urls import reverse
from django.utils import timezone

from reports import feeds
from reports.models import Outcome, Report
from tests.flow import ORIGINAL, PUBLIC, SUMMARY
from zones.operations import assign_zones, import_zones
from zones.tests.geojson import MANASTUR_POINT, OUTSIDE_POINT, two_zones

ATOM = "{http://www.w3.org/2005/Atom}"
GEORSS = "{http://www.georss.org/georss}"


def get_feed(client, name, query="", args=()):
    response = client.get(reverse(name, args=args) + query)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    return response


def parse(response):
    return ElementTree.fromstring(response.content)


def entries(feed):
    return feed.findall(f"{ATOM}entry")


def entry_ids(feed) -> list[int]:
    """The report ids the entries link to, in the feed's order."""
    links = [entry.find(f"{ATOM}link").get("href") for entry in entries(feed)]
    return [int(link.split("/sesizari/")[1].split("/")[0]) for link in links]


def published_at(report, days_ago):
    moment = timezone.now() - timedelta(days=days_ago)
    Report.objects.filter(pk=report.pk).update(published_at=moment)


def with_zones(institution):
    import_zones(
        institution=institution,
        data=two_zones(),
        name_property="name",
        kind="neighbourhood",
        replace=True,
    )


def move(report, point):
    Report.objects.filter(pk=report.pk).update(location=point)
    assign_zones(report.institution)


# New reports


@pytest.mark.usefixtures("no_report_limits")
def test_new_reports_feed_lists_public_reports_newest_first(client, flow):
    older = flow.published()
    newer = flow.assign(flow.published())
    resolved = flow.resolve(flow.assign(flow.published()))
    flow.submit()
    published_at(older, 3)
    published_at(newer, 1)
    published_at(resolved, 2)

    feed = parse(get_feed(client, "reports:feed-new"))

    assert entry_ids(feed) == [newer.pk, resolved.pk, older.pk]


def test_new_reports_feed_describes_itself_in_romanian(client, flow, institution):
    flow.published()

    feed = parse(get_feed(client, "reports:feed-new"))

    assert feed.findtext(f"{ATOM}title") == f"Sesizări noi · {institution.name}"
    assert feed.findtext(f"{ATOM}author/{ATOM}name") == institution.name
    links = {link.get("rel"): link.get("href") for link in feed.findall(f"{ATOM}link")}
    assert links == {
        "alternate": "http://testserver/sesizari/",
        "self": "http://testserver/sesizari/noi.atom",
    }
    assert feed.findtext(f"{ATOM}id") == "http://testserver/sesizari/noi.atom"


def test_new_reports_feed_entry_has_the_public_facts(client, flow, potholes):
    report = flow.published()

    entry = entries(parse(get_feed(client, "reports:feed-new")))[0]

    assert entry.findtext(f"{ATOM}title") == f"{potholes.name} · Piața Unirii 1"
    assert entry.find(f"{ATOM}link").get("href") == (
        f"http://testserver/sesizari/{report.pk}/"
    )
    assert entry.findtext(f"{GEORSS}point") == "46.769400 23.589900"
    assert [c.get("term") for c in entry.findall(f"{ATOM}category")] == [
        potholes.name,
        "Nouă",
    ]
    summary = entry.findtext(f"{ATOM}summary")
    assert PUBLIC in summary
    assert report.registry_number in summary
    assert "În afara zonelor" in summary


def test_feed_escapes_the_public_text_as_html(client, flow):
    flow.published(text="Groapă <script>alert(1)</script> pe trotuar.")

    summary = entries(parse(get_feed(client, "reports:feed-new")))[0].findtext(
        f"{ATOM}summary"
    )

    assert "<script>" not in summary
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in summary


@pytest.mark.usefixtures("no_report_limits")
def test_feed_holds_at_most_its_number_of_items(client, flow, monkeypatch):
    monkeypatch.setattr(feeds, "FEED_ITEMS", 2)
    reports = [flow.published() for _ in range(3)]
    for days_ago, report in enumerate(reports):
        published_at(report, days_ago)

    feed = parse(get_feed(client, "reports:feed-new"))

    assert entry_ids(feed) == [reports[0].pk, reports[1].pk]


def test_the_real_feed_size_is_fifty():
    assert feeds.FEED_ITEMS == 50


# Resolved reports


@pytest.mark.usefixtures("no_report_limits")
def test_resolved_feed_lists_only_resolved_reports(client, flow):
    flow.published()
    flow.assign(flow.published())
    fixed = flow.resolve(flow.assign(flow.published()))
    refused = flow.resolve(flow.assign(flow.published()), Outcome.REFUSED)
    Report.objects.filter(pk=fixed.pk).update(
        resolved_at=timezone.now() - timedelta(days=1)
    )

    feed = parse(get_feed(client, "reports:feed-resolved"))

    assert entry_ids(feed) == [refused.pk, fixed.pk]
    titles = [entry.findtext(f"{ATOM}title") for entry in entries(feed)]
    assert titles[0].startswith("Refuzată: ")
    assert titles[1].startswith("Rezolvată: ")


def test_resolved_feed_entry_has_the_answer(client, resolved_report, institution):
    feed = parse(get_feed(client, "reports:feed-resolved"))

    assert feed.findtext(f"{ATOM}title") == (f"Sesizări rezolvate · {institution.name}")
    entry = entries(feed)[0]
    summary = entry.findtext(f"{ATOM}summary")
    assert SUMMARY in summary
    assert "Rezultat: Rezolvată" in summary
    resolved_at = resolved_report.resolved_at.isoformat()
    assert entry.findtext(f"{ATOM}published") == resolved_at
    assert entry.findtext(f"{ATOM}updated") == resolved_at


# Filters, as on the map


@pytest.mark.usefixtures("no_report_limits")
def test_feeds_filter_by_category(client, flow, parks):
    flow.published()
    park_report = flow.published(category=parks)

    feed = parse(get_feed(client, "reports:feed-new", f"?category={parks.pk}"))

    assert entry_ids(feed) == [park_report.pk]
    assert feed.findtext(f"{ATOM}title").startswith(f"Sesizări noi: {parks.name} · ")
    self_link = feed.find(f"{ATOM}link[@rel='self']").get("href")
    assert self_link == f"http://testserver/sesizari/noi.atom?category={parks.pk}"
    assert feed.findtext(f"{ATOM}id") == self_link


@pytest.mark.usefixtures("no_report_limits")
def test_feeds_filter_by_zone(client, flow, institution):
    with_zones(institution)
    centre = flow.published()
    manastur = flow.published()
    move(manastur, MANASTUR_POINT)
    zone = Report.objects.get(pk=manastur.pk).zone

    feed = parse(get_feed(client, "reports:feed-new", f"?zone={zone.pk}"))

    assert entry_ids(feed) == [manastur.pk]
    assert feed.findtext(f"{ATOM}title").startswith("Sesizări noi: Mănăștur · ")
    assert centre.pk not in entry_ids(feed)


@pytest.mark.usefixtures("no_report_limits")
def test_feeds_filter_the_reports_outside_the_zones(client, flow, institution):
    with_zones(institution)
    flow.published()
    outside = flow.resolve(flow.assign(flow.published()))
    move(outside, OUTSIDE_POINT)

    feed = parse(get_feed(client, "reports:feed-resolved", "?zone=outside"))

    assert entry_ids(feed) == [outside.pk]
    assert feed.findtext(f"{ATOM}title").startswith(
        "Sesizări rezolvate: În afara zonelor · "
    )


@pytest.mark.usefixtures("no_report_limits")
def test_feeds_filter_by_status(client, flow):
    flow.published()
    in_progress = flow.assign(flow.published())

    feed = parse(get_feed(client, "reports:feed-new", "?status=in_progress"))

    assert entry_ids(feed) == [in_progress.pk]


def test_feeds_ignore_invalid_filters(client, flow):
    report = flow.published()

    feed = parse(
        get_feed(client, "reports:feed-new", "?category=gropi&zone=999&status=x")
    )

    assert entry_ids(feed) == [report.pk]
    assert feed.findtext(f"{ATOM}title").startswith("Sesizări noi · ")


# One report's updates


def test_report_feed_lists_its_public_updates_newest_first(client, resolved_report):
    feed = parse(get_feed(client, "reports:feed-report", args=[resolved_report.pk]))

    titles = [entry.findtext(f"{ATOM}title") for entry in entries(feed)]
    assert titles == ["Rezolvată", "Publicată"]
    summaries = [entry.findtext(f"{ATOM}summary") for entry in entries(feed)]
    assert "Direcția Tehnică" in summaries[0]
    assert SUMMARY in summaries[0]
    events = resolved_report.events.filter(kind__in=["resolved", "published"])
    links = [entry.find(f"{ATOM}link").get("href") for entry in entries(feed)]
    detail = f"http://testserver/sesizari/{resolved_report.pk}/"
    assert links == [
        f"{detail}#event-{event.pk}" for event in events.order_by("-created_at")
    ]
    assert feed.findtext(f"{ATOM}title").startswith(
        f"Sesizarea {resolved_report.registry_number}: "
    )
    assert feed.findtext(f"{ATOM}id") == (
        f"http://testserver/sesizari/{resolved_report.pk}/actualizari.atom"
    )


def test_report_page_has_the_anchors_the_feed_links_to(client, published_report):
    event = published_report.events.get(kind="published")

    response = client.get(reverse("reports:detail", args=[published_report.pk]))

    assert f'id="event-{event.pk}"' in response.content.decode()


@pytest.mark.parametrize("fixture", ["registered_report"])
def test_report_feed_of_a_report_not_public_is_not_found(client, request, fixture):
    report = request.getfixturevalue(fixture)

    response = client.get(reverse("reports:feed-report", args=[report.pk]))

    assert response.status_code == 404


def test_report_feed_of_an_unknown_report_is_not_found(client, institution):
    response = client.get(reverse("reports:feed-report", args=[999999]))

    assert response.status_code == 404


# Privacy: the bytes themselves


PERSONAL = [
    "Ana Ionescu",
    "ana.ionescu@example.ro",
    "0744555666",
    "+40744555666",
    "Elena Clerk",
    "registratura@example.ro",
    "Radu Șef",
    "Dan Tehnic",
    "responsabil@example.ro",
    ORIGINAL,
]


@pytest.mark.usefixtures("no_report_limits")
def test_no_feed_holds_a_persons_name_or_contact(client, flow, resolved_report):
    flow.assign(flow.published())
    responses = [
        get_feed(client, "reports:feed-new"),
        get_feed(client, "reports:feed-resolved"),
        get_feed(client, "reports:feed-report", args=[resolved_report.pk]),
    ]

    for response in responses:
        text = response.content.decode()
        assert entries(parse(response))
        for personal in PERSONAL:
            assert personal not in text
            assert personal.encode() not in response.content


# Queries


@pytest.mark.usefixtures("no_report_limits")
@pytest.mark.parametrize("name", ["reports:feed-new", "reports:feed-resolved"])
def test_list_feeds_query_count_does_not_grow_with_reports(
    client, flow, name, django_assert_num_queries
):
    for outcome in (Outcome.FIXED, Outcome.REFUSED, Outcome.PLANNED):
        flow.resolve(
            flow.assign(flow.published()), outcome, planned_for=timezone.localdate()
        )
    flow.published()

    # The institution, then the reports with their category, zone and
    # resolution.
    with django_assert_num_queries(2):
        feed = parse(get_feed(client, name))

    assert len(entries(feed)) >= 3


@pytest.mark.usefixtures("no_report_limits")
def test_zone_filtered_feed_reads_the_zones_once(
    client, flow, institution, django_assert_num_queries
):
    with_zones(institution)
    for _ in range(3):
        flow.published()
    zone = Report.objects.first().zone

    with django_assert_num_queries(3):
        feed = parse(get_feed(client, "reports:feed-new", f"?zone={zone.pk}"))

    assert len(entries(feed)) == 3


def test_report_feed_query_count(client, resolved_report, django_assert_num_queries):
    # The institution, the report, its public photos and events.
    with django_assert_num_queries(4):
        get_feed(client, "reports:feed-report", args=[resolved_report.pk])


# Where the feeds are announced


def test_home_and_list_announce_the_feeds_with_the_filters(client, flow, parks):
    for name in ("home", "reports:list"):
        response = client.get(reverse(name), {"category": parks.pk})

        page = response.content.decode()
        assert (
            '<link rel="alternate" type="application/atom+xml" title="Sesizări noi" '
            f'href="/sesizari/noi.atom?category={parks.pk}">'
        ) in page
        assert (
            '<link rel="alternate" type="application/atom+xml" '
            'title="Sesizări rezolvate" '
            f'href="/sesizari/rezolvate.atom?category={parks.pk}">'
        ) in page


def test_report_page_announces_its_feed(client, published_report):
    response = client.get(reverse("reports:detail", args=[published_report.pk]))

    feed_url = reverse("reports:feed-report", args=[published_report.pk])
    assert (
        f'<link rel="alternate" type="application/atom+xml" '
        f'title="Actualizările acestei sesizări" href="{feed_url}">'
    ) in response.content.decode()
