"""Atom feeds of public reports: the new ones, the resolved ones, and the
public updates of one report.

They show what the map and the report's page show, and nothing more: the
public text, the category, the zone and the place, the outcome, the office
that acted. No person is ever named, and nothing about the author is read.
The lists take the map's filters from the query string.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from django.contrib.gis.feeds import Feed, GeoAtom1Feed
from django.contrib.gis.geos import Point
from django.urls import reverse
from django.utils.translation import gettext as _

from institutions.middleware import InstitutionRequest, require_institution
from institutions.models import Institution
from institutions.translations import translated, with_translations
from reports import mapdata
from reports.filters import ReportFilterForm, apply_filters, filter_form
from reports.models import Event, Report, ReportQuerySet, Status

FEED_ITEMS = 50
LISTED_FIELDS = (
    "pk",
    "location",
    "address",
    "public_description",
    "status",
    "registry_number",
    "published_at",
    "resolved_at",
    *with_translations("category__name"),
    "zone__name",
    "resolution__outcome",
    "resolution__summary",
)


@dataclass(frozen=True)
class Listing:
    """The reports a list feed is about: an institution and the filters."""

    institution: Institution
    form: ReportFilterForm
    # The scheme and host the feed was asked on, for its absolute id.
    origin: str = ""

    def with_query(self, url: str) -> str:
        query = self.form.query_string()
        return f"{url}?{query}" if query else url


class ReportListFeed(Feed):
    feed_type = GeoAtom1Feed
    description_template = "reports/feeds/report.html"
    url_name = ""

    # Feed.get_object takes the URL's arguments too; these feeds have none.
    def get_object(self, request: InstitutionRequest) -> Listing:  # type: ignore[override]
        origin = request.build_absolute_uri("/").rstrip("/")
        return Listing(require_institution(request), filter_form(request), origin)

    def heading(self) -> str:
        raise NotImplementedError

    def title(self, listing: Listing) -> str:
        chosen = listing.form.labels()
        heading = f"{self.heading()}: {', '.join(chosen)}" if chosen else self.heading()
        return f"{heading} · {listing.institution.name}"

    def link(self, listing: Listing) -> str:
        return listing.with_query(reverse("reports:list"))

    def feed_url(self, listing: Listing) -> str:
        return listing.with_query(reverse(self.url_name))

    def feed_guid(self, listing: Listing) -> str:
        # Atom wants an id of its own for each feed: the list is the link of
        # both, so each is known by its own address.
        return listing.origin + self.feed_url(listing)

    def author_name(self, listing: Listing) -> str:
        return listing.institution.name

    def reports(self, listing: Listing) -> ReportQuerySet:
        reports = apply_filters(
            mapdata.public_reports(listing.institution), listing.form
        )
        return reports.select_related("category", "zone", "resolution").only(
            *LISTED_FIELDS
        )

    def item_title(self, report: Report) -> str:
        if report.address:
            return f"{translated(report.category, 'name')} · {report.address}"
        return f"{translated(report.category, 'name')} · {report.registry_number}"

    def item_link(self, report: Report) -> str:
        return reverse("reports:detail", args=[report.pk])

    def item_categories(self, report: Report) -> list[str]:
        names = [translated(report.category, "name"), str(report.pin_label)]
        return [*names, report.zone.name] if report.zone else names

    def item_geometry(self, report: Report) -> Point:
        return report.location


class NewReportsFeed(ReportListFeed):
    """The reports most recently made public."""

    url_name = "reports:feed-new"

    def heading(self) -> str:
        return _("New reports")

    def subtitle(self, listing: Listing) -> str:
        return _("The latest reports made public, newest first.")

    def items(self, listing: Listing) -> ReportQuerySet:
        return self.reports(listing).order_by("-published_at", "-pk")[:FEED_ITEMS]

    def item_pubdate(self, report: Report) -> datetime | None:
        return report.published_at

    def item_updateddate(self, report: Report) -> datetime | None:
        # Atom asks every entry for the time it last changed for its readers.
        return report.published_at


class ResolvedReportsFeed(ReportListFeed):
    """The reports most recently answered, with their outcome."""

    url_name = "reports:feed-resolved"

    def heading(self) -> str:
        return _("Resolved reports")

    def subtitle(self, listing: Listing) -> str:
        return _("The latest reports answered, with their outcome.")

    def items(self, listing: Listing) -> ReportQuerySet:
        resolved = self.reports(listing).filter(status=Status.RESOLVED)
        return resolved.order_by("-resolved_at", "-pk")[:FEED_ITEMS]

    def item_title(self, report: Report) -> str:
        outcome = report.answer().get_outcome_display()
        return f"{outcome}: {super().item_title(report)}"

    def item_pubdate(self, report: Report) -> datetime | None:
        return report.resolved_at

    def item_updateddate(self, report: Report) -> datetime | None:
        return report.resolved_at


@dataclass(frozen=True)
class Timeline:
    """The report a timeline feed is about, and where the feed was asked."""

    report: "mapdata.PublicReport"
    origin: str


class ReportUpdatesFeed(Feed):
    """The public timeline of one report, newest first."""

    feed_type = GeoAtom1Feed
    description_template = "reports/feeds/event.html"

    # Feed.get_object takes *args and **kwargs; this feed takes the id.
    def get_object(  # type: ignore[override]
        self, request: InstitutionRequest, pk: int
    ) -> Timeline:
        institution = require_institution(request)
        report = mapdata.public_report(institution, pk)
        report.institution = institution
        return Timeline(report, request.build_absolute_uri("/").rstrip("/"))

    def title(self, timeline: Timeline) -> str:
        report = timeline.report
        return _("Report %(number)s: %(category)s · %(institution)s") % {
            "number": report.registry_number,
            "category": translated(report.category, "name"),
            "institution": report.institution.name,
        }

    def subtitle(self, timeline: Timeline) -> str:
        return _("What was done about the report, as its public page shows it.")

    def link(self, timeline: Timeline) -> str:
        return reverse("reports:detail", args=[timeline.report.pk])

    def feed_url(self, timeline: Timeline) -> str:
        return reverse("reports:feed-report", args=[timeline.report.pk])

    def feed_guid(self, timeline: Timeline) -> str:
        # Not the report page's address, which is its entry's id elsewhere.
        return timeline.origin + self.feed_url(timeline)

    def author_name(self, timeline: Timeline) -> str:
        return timeline.report.institution.name

    def geometry(self, timeline: Timeline) -> Point:
        return timeline.report.location

    def items(self, timeline: Timeline) -> Sequence[Event]:
        return list(reversed(timeline.report.public_events))[:FEED_ITEMS]

    def item_title(self, event: Event) -> str:
        return event.get_kind_display()

    def item_link(self, event: Event) -> str:
        # The report's page has each event of its timeline at this anchor.
        return f"{reverse('reports:detail', args=[event.report_id])}#event-{event.pk}"

    def item_pubdate(self, event: Event) -> datetime:
        return event.created_at

    def item_updateddate(self, event: Event) -> datetime:
        return event.created_at


new_reports = NewReportsFeed()
resolved_reports = ResolvedReportsFeed()
report_updates = ReportUpdatesFeed()
