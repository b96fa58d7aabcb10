from dataclasses import dataclass
from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.internal.stagekit import clear_login
from allauth.core import context as allauth_context
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.base_user import AbstractBaseUser
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils import translation

from accounts.languages import supported_language
from accounts.models import User
from accounts.suspension import ACCOUNT_SUSPENDED
from institutions import roles
from notifications.outbox import queue_message


@dataclass(frozen=True)
class InstitutionSite:
    """What allauth's messages call the site: the institution, by name."""

    name: str
    domain: str


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """Queue allauth's messages in the outbox instead of sending inline.

        Sign-up and password reset then survive a mail server that is down.
        """
        request = allauth_context.request
        institution = getattr(request, "institution", None)
        site = InstitutionSite(
            name=institution.name if institution else "Sesizări",
            domain=request.get_host(),
        )
        # In the language of the account the address belongs to, if any: a
        # password reset asked from another browser still reads as chosen.
        account = User.objects.filter(email__iexact=email).first()
        language = account.language if account else translation.get_language()
        with translation.override(supported_language(language)):
            message = self.render_mail(
                template_prefix,
                email,
                {"request": request, "email": email, "current_site": site, **context},
            )
        queue_message(message, kind="account")

    def get_from_email(self) -> str:
        institution = getattr(allauth_context.request, "institution", None)
        if institution and institution.email_sender:
            return institution.email_sender
        return settings.DEFAULT_FROM_EMAIL

    def get_login_redirect_url(self, request: HttpRequest) -> str:
        # Staff come to work: their queue, not the public map.
        institution = getattr(request, "institution", None)
        if institution and roles.is_staff_of(request.user, institution):
            return reverse("backoffice:home")
        return super().get_login_redirect_url(request)

    def authenticate(
        self, request: HttpRequest, **credentials: Any
    ) -> AbstractBaseUser | None:
        """Refuse a suspended account in the login form, saying why.

        Only once the password is right: a stranger does not learn that
        the account exists, nor that it is suspended.
        """
        user = super().authenticate(request, **credentials)
        if user is not None and getattr(user, "is_suspended", False):
            raise forms.ValidationError(ACCOUNT_SUSPENDED, code="suspended")
        return user

    def pre_login(
        self, request: HttpRequest, user: AbstractBaseUser, **kwargs: Any
    ) -> HttpResponse | None:
        # The logins allauth makes without a password (after a password
        # reset or an address confirmation, when those are turned on) pass
        # here and not through authenticate().
        if getattr(user, "is_suspended", False):
            # As allauth does for an inactive account: forget the login
            # under way, so that no later step resumes it.
            clear_login(request)
            messages.error(request, ACCOUNT_SUSPENDED)
            return HttpResponseRedirect(reverse("account_login"))
        return super().pre_login(request, user, **kwargs)
