from django import forms

from moderation.personal_data import PERSONAL_KINDS


class MaskForm(forms.Form):
    """One finding as the clerk saw it, or none to mask them all."""

    kind = forms.ChoiceField(
        choices=[(kind, kind) for kind in PERSONAL_KINDS], required=False
    )
    start = forms.IntegerField(min_value=0, required=False)
    end = forms.IntegerField(min_value=0, required=False)
