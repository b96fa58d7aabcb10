"""The public filters of the map, the map data and the list.

Filters are GET parameters, so a filtered map or list is a link that can be
shared. A value that is not valid is left out of the filtering and shown as
an error on its field; it never breaks the page.
"""

from typing import Any, cast
from urllib.parse import urlencode

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from institutions.middleware import InstitutionRequest, require_institution
from institutions.models import Category, Institution
from reports.models import PinState, ReportQuerySet


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
        return urlencode(values)


def filter_form(request: InstitutionRequest) -> ReportFilterForm:
    return ReportFilterForm(request.GET, institution=require_institution(request))


def apply_filters(queryset: ReportQuerySet, form: ReportFilterForm) -> ReportQuerySet:
    values = form.valid_values()

    if "category" in values:
        queryset = queryset.filter(category=values["category"])
    if "status" in values:
        queryset = queryset.with_pin_state(values["status"])
    return queryset
