"""Suspending an account that abuses the service, and giving it back.

A suspended account keeps ``is_active`` and everything it sent: a petition
once registered stays in the register (OG 27/2002), and its reports go on
through their life, marked for staff. Only new actions are refused: logging
in (accounts.adapter), any request of a session already open
(accounts.middleware) and sending a report (accounts.limits, called by
reports.workflow.submit_report).

``is_active`` is left alone on purpose. Django refuses an inactive account
as if the password were wrong and drops its sessions without a word, where
a suspended person should be told; and reinstating must not wake an account
that was deactivated for another reason.
"""

import logging

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import User
from moderation.text import normalize_text

logger = logging.getLogger(__name__)

MANAGE_ACCOUNTS = "accounts.change_user"

# What the person behind a suspended account reads when logging in, or when
# their open session ends. The reason stays with the administrators.
ACCOUNT_SUSPENDED = gettext_lazy(
    "This account is suspended. Contact the city hall if you think this is a mistake."
)


class SuspensionError(Exception):
    """A suspension or reinstatement refused; the message is for the actor."""


def _require_manager(actor: User) -> None:
    if not (actor.is_active and actor.has_perm(MANAGE_ACCOUNTS)):
        raise SuspensionError(_("Only an administrator manages accounts."))


def suspend_account(*, user: User, actor: User, reason: str) -> User:
    """Suspend the account from now on, for the reason given.

    Its open sessions end on their next request; its reports stay.
    """
    _require_manager(actor)
    reason = normalize_text(reason)
    if not reason:
        raise SuspensionError(_("Give the reason for the suspension."))
    if user.pk == actor.pk:
        raise SuspensionError(_("You cannot suspend your own account."))
    if user.is_suspended:
        raise SuspensionError(
            _("The account %(email)s is already suspended.") % {"email": user.email}
        )

    user.suspended_at = timezone.now()
    user.suspension_reason = reason
    user.save(update_fields=["suspended_at", "suspension_reason"])

    logger.info("Account %s suspended by %s", user.pk, actor.pk)
    return user


def reinstate_account(*, user: User, actor: User) -> User:
    """Lift the suspension: the account may log in and report again."""
    _require_manager(actor)
    if not user.is_suspended:
        raise SuspensionError(
            _("The account %(email)s is not suspended.") % {"email": user.email}
        )

    user.suspended_at = None
    user.suspension_reason = ""
    user.save(update_fields=["suspended_at", "suspension_reason"])

    logger.info("Account %s reinstated by %s", user.pk, actor.pk)
    return user
