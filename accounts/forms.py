from django import forms
from django.http import HttpRequest
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from accounts.languages import supported_language
from accounts.models import User
from accounts.phone import normalize_phone


class SignupForm(forms.Form):
    """The fields allauth's signup form lacks: a petition needs them."""

    full_name = forms.CharField(
        label=_("Full name"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        help_text=_("As in your identity document: a petition cannot be anonymous."),
    )
    phone = forms.CharField(
        label=_("Phone"),
        max_length=32,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
        help_text=_("For example 0722 123 456. Never shown publicly."),
    )

    field_order = ["full_name", "phone", "email", "password1", "password2"]

    def clean_full_name(self) -> str:
        name = " ".join(self.cleaned_data["full_name"].split())
        if len(name) < 3 or " " not in name:
            raise forms.ValidationError(_("Enter your first and last name."))
        return name

    def clean_phone(self) -> str:
        return normalize_phone(self.cleaned_data["phone"])

    def signup(self, request: HttpRequest, user: User) -> None:
        user.full_name = self.cleaned_data["full_name"]
        user.phone = self.cleaned_data["phone"]
        # The e-mails to come are written in the language of the signup.
        user.language = supported_language(translation.get_language())
        user.save(update_fields=["full_name", "phone", "language"])
