"""The citizen's own data: download it all, or delete the account; and the
language they read the site in."""

import json

from django import forms
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import check_for_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views import i18n
from django.views.decorators.http import (
    require_GET,
    require_http_methods,
    require_POST,
)

from accounts import deletion
from accounts.languages import remember_language
from accounts.models import User
from institutions.middleware import AuthenticatedRequest


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=gettext_lazy("Your password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, data: QueryDict | None, *, user: User) -> None:
        super().__init__(data)
        self.user = user

    def clean_password(self) -> str:
        password: str = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("The password is not right."))
        return password


@login_required
@require_http_methods(["GET", "POST"])
def my_data(request: AuthenticatedRequest) -> HttpResponse:
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        deletion.delete_account(request.user)
        logout(request)
        messages.success(request, _("Your account is deleted."))
        return redirect("home")

    status = 400 if form.errors else 200
    return render(request, "accounts/my_data.html", {"form": form}, status=status)


@login_required
@require_GET
def my_data_download(request: AuthenticatedRequest) -> HttpResponse:
    data = deletion.export_data(request.user)

    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    name = f"datele-mele-{timezone.localdate().isoformat()}.json"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "private, no-store"
    return response


@require_POST
def set_language(request: HttpRequest) -> HttpResponse:
    """Django's language selector, which also keeps the choice on the account."""
    response = i18n.set_language(request)
    language = request.POST.get("language", "")
    if request.user.is_authenticated and check_for_language(language):
        remember_language(request.user, language)
    return response
