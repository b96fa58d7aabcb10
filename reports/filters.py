"""The public filters of the map, the map data and the list.

Filters are GET parameters, so a filtered map or list is a link that can be
shared. A value that is not valid is left out of the filtering and shown as
an error on its field; it never breaks the page.
"""

import re
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any, cast
from urllib.parse import urlencode

from django import forms
from django.db.models import CharField, F, Func, Q, Value
from django.db.models.functions import Replace, Upper
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from institutions.middleware import InstitutionRequest, require_institution
from institutions.models import Category, Institution
from reports.models import Outcome, PinState, ReportQuerySet, Status

SEARCH_MAX_LENGTH = 100
# A registry number as the registry writes it (123/2026), or its first part.
REGISTRY_NUMBER = re.compile(r"^\d+(/\d{4})?$")

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

# The zone filter's value for the reports outside every zone.
OUTSIDE_ZONES = "outside"


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
    zone = forms.ChoiceField(
        label=pgettext_lazy("report filter", "Zone"),
        required=False,
        error_messages={"invalid_choice": _("There is no such zone: all are shown.")},
    )

    def __init__(self, *args: Any, institution: Institution, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        # Inactive categories stay: their published reports are still public.
        category = cast("forms.ModelChoiceField[Category]", self.fields["category"])
        category.queryset = institution.categories.all()
        # Read when the field is shown or a zone is asked for, not before:
        # the map data without a zone filter needs no query for them.
        self._institution = institution
        zone = cast("forms.ChoiceField", self.fields["zone"])
        zone.choices = self._zone_choices

    @cached_property
    def zones(self) -> list[tuple[int, str]]:
        """The institution's zones, (id, name) by name."""
        return list(self._institution.zones.order_by("name").values_list("pk", "name"))

    def _zone_choices(self) -> list[tuple[str, "StrOrPromise"]]:
        return [
            ("", _("All zones")),
            *((str(pk), name) for pk, name in self.zones),
            (OUTSIDE_ZONES, _("Outside the zones")),
        ]

    def shown_fields(self) -> list[forms.BoundField]:
        """The filters the institution offers, in its order; the zone only
        when it has zones. The others still filter a link that names them."""
        return [
            self[name]
            for name in self._institution.offered_filters
            if name != "zone" or self.zones
        ]

    def valid_values(self) -> dict[str, Any]:
        """The filters that passed validation, the others being ignored."""
        self.is_valid()
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if value not in (None, "")
        }

    def labels(self) -> list[str]:
        """What the valid filters choose, in words, as a feed's title says."""
        values = self.valid_values()
        labels = []
        if "category" in values:
            labels.append(str(values["category"]))
        if "zone" in values:
            labels.append(str(dict(self._zone_choices())[values["zone"]]))
        if "status" in values:
            labels.append(str(PinState(values["status"]).label))
        return labels

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
        # A reopened report keeps its last answer, but no outcome stands.
        queryset = queryset.filter(
            status=Status.RESOLVED, resolution__outcome=values["outcome"]
        )
    if "since" in values:
        queryset = queryset.filter(created_at__gte=_start_of(values["since"]))
    if "until" in values:
        next_day = values["until"] + timedelta(days=1)
        queryset = queryset.filter(created_at__lt=_start_of(next_day))
    if "q" in values:
        queryset = search(queryset, values["q"])
    if values.get("zone") == OUTSIDE_ZONES:
        queryset = queryset.filter(zone__isnull=True)
    elif "zone" in values:
        queryset = queryset.filter(zone_id=int(values["zone"]))
    return queryset


def _start_of(day: date) -> datetime:
    # Days are the institution's days (Europe/Bucharest), not UTC's.
    return timezone.make_aware(datetime.combine(day, time.min))


def search(queryset: ReportQuerySet, text: str) -> ReportQuerySet:
    """Reports whose address holds the text, or with that registry number.

    The address is compared without case and without the diacritics of
    Romanian and Hungarian: "Dorobantilor" finds "Dorobanților". On
    PostgreSQL, trigram indexes on the same expressions serve these lookups
    (migrations reports 0003 and 0007).
    """
    text = " ".join(text.split())
    matches = Q(address_plain__contains=plain_upper(text))
    if REGISTRY_NUMBER.match(text):
        matches |= Q(registry_number__iexact=text)
        if "/" not in text:
            matches |= Q(registry_number__istartswith=f"{text}/")
    return queryset.alias(address_plain=plain_upper_sql("address")).filter(matches)


# The letters with diacritics of Romanian and Hungarian, and what a search
# typed on a keyboard without them has instead.
PLAIN_LETTERS = {
    "ă": "a", "â": "a", "î": "i", "ș": "s", "ş": "s", "ț": "t", "ţ": "t",
    "á": "a", "é": "e", "í": "i", "ó": "o", "ö": "o", "ő": "o", "ú": "u",
    "ü": "u", "ű": "u",
}  # fmt: skip


def plain_upper(text: str) -> str:
    for letter, plain in PLAIN_LETTERS.items():
        text = text.replace(letter, plain).replace(letter.upper(), plain)
    return text.upper()


def plain_upper_sql(field: str) -> "PlainUpper":
    """plain_upper() of a column, in SQL."""
    return PlainUpper(F(field))


class PlainUpper(Func):
    """plain_upper() in SQL: REPLACE calls on PostgreSQL, whose trigram index
    is on this very expression; on SQLite, whose parser cannot nest that
    many calls, plain_upper() itself (registered in reports.apps)."""

    output_field = CharField()

    def as_postgresql(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        expression: Any = self.source_expressions[0]
        for letter, plain in PLAIN_LETTERS.items():
            expression = Replace(expression, Value(letter), Value(plain))
            expression = Replace(expression, Value(letter.upper()), Value(plain))
        return compiler.compile(Upper(expression))

    def as_sqlite(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        return super().as_sql(
            compiler, connection, function=SQLITE_PLAIN_UPPER, **extra
        )


SQLITE_PLAIN_UPPER = "sesizari_plain_upper"
