"""The public filters of the map, the map data and the list.

Filters are GET parameters, so a filtered map or list is a link that can be
shared. A value that is not valid is left out of the filtering and shown as
an error on its field; it never breaks the page.
"""

import re
from datetime import date, datetime, time, timedelta
from typing import Any, cast
from urllib.parse import urlencode

from django import forms
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from institutions.middleware import InstitutionRequest, require_institution
from institutions.models import Category, Institution
from reports.models import Outcome, PinState, Report, ReportQuerySet

SEARCH_MAX_LENGTH = 100
# Named here, not written as a lookup, while Report has no zone yet.
ZONE_FIELD = "zone"
# A registry number as the registry writes it (123/2026), or its first part.
REGISTRY_NUMBER = re.compile(r"^\d+(/\d{4})?$")


class ReportFilterForm(forms.Form):
    category: "forms.ModelChoiceField[Category]" = forms.ModelChoiceField(
        label=_("Category"),
        queryset=None,
        required=False,
        empty_label=_("All categories"),
        error_messages={
            "invalid_choice": _("There is no such category: all are shown.")
        },
    )
    status = forms.ChoiceField(
        label=pgettext_lazy("report filter", "Status"),
        choices=[("", _("All statuses")), *PinState.choices],
        required=False,
        error_messages={"invalid_choice": _("There is no such status: all are shown.")},
    )
    outcome = forms.ChoiceField(
        label=_("Outcome"),
        choices=[("", _("All outcomes")), *Outcome.choices],
        required=False,
        error_messages={
            "invalid_choice": _("There is no such outcome: all are shown.")
        },
    )
    since = forms.DateField(
        label=_("Received from"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Write a date such as 2026-03-31.")},
    )
    until = forms.DateField(
        label=_("Received until"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Write a date such as 2026-03-31.")},
    )
    q = forms.CharField(
        label=_("Address, street or registry number"),
        required=False,
        max_length=SEARCH_MAX_LENGTH,
        widget=forms.TextInput(attrs={"type": "search"}),
        error_messages={"max_length": _("The search is too long: it is left out.")},
    )
    # The zones helper adds Report.zone; until then the zone is read from
    # the link and left out of the filtering (see filter_by_zone).
    zone = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput())

    def __init__(self, *args: Any, institution: Institution, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        # Inactive categories stay: their published reports are still public.
        category = cast("forms.ModelChoiceField[Category]", self.fields["category"])
        category.queryset = institution.categories.all()

    def valid_values(self) -> dict[str, Any]:
        """The filters that passed validation, the others being ignored."""
        self.is_valid()
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if value not in (None, "")
        }

    def query_string(self) -> str:
        """The valid filters as a query string, for links and the map data."""
        values = self.valid_values()
        if "category" in values:
            values["category"] = values["category"].pk
        for name in ("since", "until"):
            if name in values:
                values[name] = values[name].isoformat()
        return urlencode(values)


def filter_form(request: InstitutionRequest) -> ReportFilterForm:
    return ReportFilterForm(request.GET, institution=require_institution(request))


def apply_filters(queryset: ReportQuerySet, form: ReportFilterForm) -> ReportQuerySet:
    values = form.valid_values()

    if "category" in values:
        queryset = queryset.filter(category=values["category"])
    if "status" in values:
        queryset = queryset.with_pin_state(values["status"])
    if "outcome" in values:
        queryset = queryset.filter(resolution__outcome=values["outcome"])
    if "since" in values:
        queryset = queryset.filter(created_at__gte=_start_of(values["since"]))
    if "until" in values:
        next_day = values["until"] + timedelta(days=1)
        queryset = queryset.filter(created_at__lt=_start_of(next_day))
    if "q" in values:
        queryset = search(queryset, values["q"])
    if "zone" in values:
        queryset = filter_by_zone(queryset, values["zone"])
    return queryset


def _start_of(day: date) -> datetime:
    # Days are the institution's days (Europe/Bucharest), not UTC's.
    return timezone.make_aware(datetime.combine(day, time.min))


def search(queryset: ReportQuerySet, text: str) -> ReportQuerySet:
    """Reports whose address holds the text, or with that registry number.

    On PostgreSQL, trigram indexes on the upper-cased address and number
    serve these lookups (migration reports 0003).
    """
    text = " ".join(text.split())
    matches = Q(address__icontains=text)
    if REGISTRY_NUMBER.match(text):
        matches |= Q(registry_number__iexact=text)
        if "/" not in text:
            matches |= Q(registry_number__istartswith=f"{text}/")
    return queryset.filter(matches)


def filter_by_zone(queryset: ReportQuerySet, zone_id: int) -> ReportQuerySet:
    """The hook for the zones app: filter on Report.zone once it exists."""
    try:
        Report._meta.get_field(ZONE_FIELD)
    except FieldDoesNotExist:
        return queryset
    return queryset.filter(**{f"{ZONE_FIELD}_id": zone_id})
