"""The filters of every dashboard, read from the URL and checked.

A dashboard's address says everything it shows: the period, the
granularity and the category, department and zone. The same filters make
the exports, so a saved link or a downloaded file can be reproduced.
"""

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from institutions.models import Category, Department, Institution
from reports.legal_clock import LEGAL_TIME_ZONE
from zones.models import Zone

WEEK = "week"
MONTH = "month"
GRANULARITIES = (
    (MONTH, pgettext_lazy("granularity", "Month")),
    (WEEK, pgettext_lazy("granularity", "Week")),
)
# The zone filter's value for the reports outside every zone.
OUTSIDE_ZONES = "none"
# Longer periods would draw charts nobody can read, and cost more.
MAX_PERIOD_DAYS = 3 * 366


@dataclass(frozen=True)
class Filters:
    institution: Institution
    start: date
    end: date
    granularity: str = MONTH
    category: Category | None = None
    department: Department | None = None
    zone: Zone | None = None
    outside_zones: bool = False

    @property
    def starts_at(self) -> datetime:
        """The first moment of the period, midnight in Romania."""
        return datetime.combine(self.start, time(), LEGAL_TIME_ZONE)

    @property
    def ends_at(self) -> datetime:
        """The moment right after the period: the next day's midnight."""
        return datetime.combine(self.end + timedelta(days=1), time(), LEGAL_TIME_ZONE)

    def year_before(self) -> "Filters":
        return replace(self, start=_year_back(self.start), end=_year_back(self.end))


def _year_back(day: date) -> date:
    # 29 February has no twin a year before: the 28th stands in.
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)


def default_period(today: date) -> tuple[date, date]:
    """The last twelve months: the first of the month eleven months ago to today."""
    month = today.month - 11
    year = today.year
    if month < 1:
        month += 12
        year -= 1
    return date(year, month, 1), today


class FilterForm(forms.Form):
    start = forms.DateField(
        label=pgettext_lazy("start of a period", "From"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    end = forms.DateField(
        label=pgettext_lazy("end of a period", "To"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    granularity = forms.ChoiceField(
        label=_("Per"), choices=GRANULARITIES, required=False
    )
    category = forms.ModelChoiceField(
        label=_("Category"),
        queryset=Category.objects.none(),
        required=False,
        empty_label=_("All categories"),
    )
    department = forms.ModelChoiceField(
        label=_("Department"),
        queryset=Department.objects.none(),
        required=False,
        empty_label=_("All departments"),
    )
    zone = forms.ChoiceField(label=_("Zone"), required=False)

    def __init__(self, *args: Any, institution: Institution, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.institution = institution
        category_field = self.fields["category"]
        department_field = self.fields["department"]
        assert isinstance(category_field, forms.ModelChoiceField)
        assert isinstance(department_field, forms.ModelChoiceField)
        category_field.queryset = Category.objects.filter(institution=institution)
        department_field.queryset = Department.objects.filter(institution=institution)

        zones = Zone.objects.filter(institution=institution).values_list("pk", "name")
        zone_field = self.fields["zone"]
        assert isinstance(zone_field, forms.ChoiceField)
        zone_field.choices = [
            ("", _("All zones")),
            *((str(pk), name) for pk, name in zones),
            (OUTSIDE_ZONES, _("Outside the zones")),
        ]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and start > end:
            raise forms.ValidationError(_("The period ends before it starts."))
        if start and end and (end - start).days > MAX_PERIOD_DAYS:
            raise forms.ValidationError(_("Choose a period of at most three years."))
        return cleaned

    def filters(self, *, default_department: Department | None = None) -> Filters:
        """The filters asked for; the defaults where a field is blank or wrong."""
        cleaned = self.cleaned_data if self.is_valid() else {}
        default_start, default_end = default_period(timezone.localdate())
        zone_value = cleaned.get("zone") or ""
        zone = None
        if zone_value and zone_value != OUTSIDE_ZONES:
            zone = Zone.objects.filter(
                institution=self.institution, pk=zone_value
            ).first()

        # A head comes to the figures of the department; "all" is a choice.
        department = cleaned.get("department")
        if department is None and "department" not in self.data:
            department = default_department
        return Filters(
            institution=self.institution,
            start=cleaned.get("start") or default_start,
            end=cleaned.get("end") or default_end,
            granularity=cleaned.get("granularity") or MONTH,
            category=cleaned.get("category"),
            department=department,
            zone=zone,
            outside_zones=zone_value == OUTSIDE_ZONES,
        )
