"""The figures open to everyone: counts and times, never a person.

Every figure is a count or a duration over many reports; nothing names a
citizen or quotes a report. The figures change slowly and the page is
open to every visitor, so they are kept in the cache for a while.
"""

from dataclasses import dataclass
from datetime import date

from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from dashboards import facts
from dashboards.filters import Filters, default_period
from dashboards.sql import fetch
from dashboards.tables import Table
from dashboards.work import outcomes
from institutions.models import Category, Institution
from institutions.translations import translated

CACHE_SECONDS = 15 * 60


@dataclass
class PublicFigures:
    start: date
    end: date
    months: Table
    categories: Table
    zones: Table
    outcomes: Table


def _days(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def _share(part: int, whole: int) -> float | None:
    return round(part * 100 / whole, 1) if whole else None


def per_month(filters: Filters) -> Table:
    """Received, answered, median days to answer and share on time, per month."""
    span = [filters.start, filters.end]
    institution = filters.institution.pk
    rows = fetch(
        """WITH received AS (
            SELECT date_trunc('month', f.received_on::timestamp)::date AS month,
                count(*) AS received
            FROM dashboards_reportfact f
            WHERE f.institution_id = %s AND f.received_on BETWEEN %s AND %s
            GROUP BY 1
        ), answered AS (
            SELECT date_trunc('month', f.resolved_on::timestamp)::date AS month,
                count(*) AS answered,
                percentile_cont(0.5) WITHIN GROUP (ORDER BY f.resolve_days)
                    AS median,
                count(*) FILTER (WHERE f.within_term) AS on_time
            FROM dashboards_reportfact f
            WHERE f.institution_id = %s AND f.resolved_on BETWEEN %s AND %s
            GROUP BY 1
        )
        SELECT month, coalesce(received, 0), coalesce(answered, 0), median,
            coalesce(on_time, 0)
        FROM received FULL JOIN answered USING (month) ORDER BY 1""",
        [institution, *span, institution, *span],
    )
    table = Table(
        slug="months",
        title=_("Per month"),
        columns=[
            _("Month"),
            pgettext_lazy("figures", "Received"),
            pgettext_lazy("figures", "Answered"),
            _("Median days to answer"),
            _("Answered within the legal term (%)"),
        ],
        note=_(
            "Answers are counted in the month they were given; the share "
            "within the term is of those answers."
        ),
    )
    for month, received, answered, median, on_time in rows:
        table.rows.append(
            [
                month.strftime("%Y-%m"),
                received,
                answered,
                _days(median),
                _share(on_time, answered),
            ]
        )
    return table


def per_category(filters: Filters) -> Table:
    rows = fetch(
        """SELECT c.id, count(*),
            count(*) FILTER (WHERE f.resolved_on IS NOT NULL),
            count(*) FILTER (WHERE f.is_open),
            percentile_cont(0.5) WITHIN GROUP (ORDER BY f.resolve_days)
                FILTER (WHERE f.resolved_on IS NOT NULL),
            count(*) FILTER (WHERE f.within_term)
        FROM dashboards_reportfact f
            JOIN institutions_category c ON c.id = f.category_id
        WHERE f.institution_id = %s AND f.received_on BETWEEN %s AND %s
        GROUP BY c.id, c.name ORDER BY 2 DESC, c.name""",
        [filters.institution.pk, filters.start, filters.end],
    )
    table = Table(
        slug="categories",
        title=_("Per category"),
        columns=[
            _("Category"),
            pgettext_lazy("figures", "Received"),
            pgettext_lazy("figures", "Answered"),
            _("Still open"),
            _("Median days to answer"),
            _("Answered within the legal term (%)"),
        ],
        note=_("Reports received in the period, and what became of them."),
    )
    # The public reads the categories in its language.
    names = {
        category.pk: translated(category, "name")
        for category in Category.objects.filter(pk__in=[row[0] for row in rows])
    }
    for category_id, received, answered, still_open, median, on_time in rows:
        table.rows.append(
            [
                names[category_id],
                received,
                answered,
                still_open,
                _days(median),
                _share(on_time, answered),
            ]
        )
    return table


def per_zone(filters: Filters) -> Table:
    rows = fetch(
        """SELECT z.name, count(*),
            count(*) FILTER (WHERE f.resolved_on IS NOT NULL),
            count(*) FILTER (WHERE f.is_open)
        FROM dashboards_reportfact f LEFT JOIN zones_zone z ON z.id = f.zone_id
        WHERE f.institution_id = %s AND f.received_on BETWEEN %s AND %s
        GROUP BY 1 ORDER BY 2 DESC, 1""",
        [filters.institution.pk, filters.start, filters.end],
    )
    table = Table(
        slug="zones",
        title=_("Per zone"),
        columns=[
            _("Zone"),
            pgettext_lazy("figures", "Received"),
            pgettext_lazy("figures", "Answered"),
            _("Still open"),
        ],
    )
    for name, received, answered, still_open in rows:
        label = name if name is not None else str(_("Outside the zones"))
        table.rows.append([label, received, answered, still_open])
    return table


def public_figures(institution: Institution) -> PublicFigures:
    """The last twelve months' figures, from the cache when fresh."""
    today = timezone.localdate()
    key = f"dashboards:public:{institution.pk}:{today}:{get_language()}"
    figures = cache.get(key)
    if figures is None:
        facts.refresh()
        start, end = default_period(today)
        filters = Filters(institution=institution, start=start, end=end)
        figures = PublicFigures(
            start=start,
            end=end,
            months=per_month(filters),
            categories=per_category(filters),
            zones=per_zone(filters),
            outcomes=outcomes(filters),
        )
        cache.set(key, figures, CACHE_SECONDS)
    return figures
