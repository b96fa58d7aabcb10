from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from institutions.models import Institution
from notifications.alerts import RADII_M
from notifications.models import AreaAlert
from zones.models import Zone


class AreaAlertForm(forms.Form):
    zone = forms.ModelChoiceField(
        label=_("A zone"),
        queryset=Zone.objects.none(),
        required=False,
        empty_label=_("— or a place, below —"),
    )
    address = forms.CharField(
        label=_("Or an address"),
        required=False,
        max_length=200,
        help_text=_("A street and number, as on the report form."),
    )
    radius_m = forms.TypedChoiceField(
        label=_("Within"),
        choices=[(radius, f"{radius} m") for radius in RADII_M],
        coerce=int,
        initial=500,
    )
    frequency = forms.ChoiceField(
        label=_("How often"),
        choices=AreaAlert.Frequency.choices,
        initial=AreaAlert.Frequency.IMMEDIATE,
    )

    def __init__(self, *args: Any, institution: Institution, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        zone = self.fields["zone"]
        assert isinstance(zone, forms.ModelChoiceField)
        zone.queryset = Zone.objects.filter(institution=institution).order_by("name")
