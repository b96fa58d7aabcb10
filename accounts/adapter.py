from dataclasses import dataclass

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse

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
