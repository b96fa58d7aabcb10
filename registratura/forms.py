from django import forms
from django.utils.translation import gettext_lazy as _

from registratura.by_email import NUMBER_MAX_LENGTH


class RegistryNumberForm(forms.Form):
    number = forms.CharField(
        label=_("Registry number"),
        max_length=NUMBER_MAX_LENGTH,
        help_text=_("The number the registry gave in its answer, as it wrote it."),
    )
