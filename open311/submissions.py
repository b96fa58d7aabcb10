"""Requests sent by applications: reports for verified accounts, or waiting.

The law allows no anonymous petitions, so every request names the e-mail
address of its author. A verified account's request is submitted at once
through the citizen's workflow. Any other address is invited to confirm
an account; the request waits, known by a token, and becomes a report when
the address is confirmed (open311.receivers).

Requests are checked by the citizen's form (category, place in the
territory or an address the geocoder finds, description length), and the
report goes through the same workflow: limits per account, personal data
masked in the public text.
"""

import logging
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.core.validators import validate_email
from django.db import transaction
from django.http import QueryDict
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.models import User
from accounts.phone import normalize_phone
from institutions.models import (
    Category,
    CategoryQuestion,
    Institution,
    QuestionKind,
)
from notifications.outbox import queue_message
from open311.models import ApiKey, PendingRequest
from open311.params import ApiError
from reports import answers, workflow
from reports.forms import ReportForm
from reports.models import Report

logger = logging.getLogger(__name__)

# An application cannot make an address the target of endless invitations,
# nor pile up requests for a person who never confirms.
MAX_WAITING = 5
INVITATION_INTERVAL = timedelta(days=1)


@dataclass(frozen=True)
class Sent:
    """A request's fate: a report now, or a pending request with its token."""

    report: Report | None = None
    pending: PendingRequest | None = None


@dataclass(frozen=True)
class Author:
    email: str
    full_name: str = ""
    phone: str = ""


def submit_request(
    *,
    api_key: ApiKey,
    category: Category,
    data: dict[str, str],
    author: Author,
    attributes: dict[str, list[str]] | None = None,
) -> Sent:
    """Check a request and send it; raises ApiError when it is refused.

    ``data`` holds the request's address_string, lat, long and description;
    ``attributes`` the answers to the category's questions, by code.
    """
    institution = api_key.institution
    form = _checked_form(institution, category, data, attributes or {})
    email = _checked_email(author.email)

    account = _verified_account(email)
    if account is not None:
        return Sent(report=_submit(account, institution, form))

    waiting = _waiting_for(email)
    if len(waiting) >= MAX_WAITING:
        raise ApiError(
            400,
            _("%(count)s reports already wait for this e-mail address to be confirmed.")
            % {"count": len(waiting)},
        )
    with transaction.atomic():
        pending = PendingRequest.objects.create(
            token=secrets.token_urlsafe(16),
            api_key=api_key,
            institution=institution,
            category=category,
            email=email,
            full_name=author.full_name[:150],
            phone=author.phone[:32],
            location=form.cleaned_data["location"],
            address=form.cleaned_data["address"],
            description=form.cleaned_data["description"],
            answers=form.cleaned_data["answers"],
        )
        # One invitation a day is enough: the same link confirms them all.
        if not any(moment > timezone.now() - INVITATION_INTERVAL for moment in waiting):
            _invite(pending)
    return Sent(pending=pending)


def _waiting_for(email: str) -> list[datetime]:
    """When the requests still waiting for this address were received."""
    return list(
        PendingRequest.objects.filter(
            email__iexact=email, report__isnull=True, refusal=""
        ).values_list("created_at", flat=True)[:MAX_WAITING]
    )


def _checked_form(
    institution: Institution,
    category: Category,
    data: dict[str, str],
    attributes: dict[str, list[str]],
) -> ReportForm:
    form_data = QueryDict(mutable=True)
    form_data.update(
        {
            "category": str(category.pk),
            "address": data.get("address_string", ""),
            "latitude": data.get("lat", ""),
            "longitude": data.get("long", ""),
            "description": data.get("description", ""),
        }
    )
    questions = {question.code: question for question in category.questions.all()}
    for code, values in attributes.items():
        if code not in questions:
            raise ApiError(
                400,
                _("attribute[%(code)s] is not an attribute of this service.")
                % {"code": code},
            )
        question = questions[code]
        if len(values) > 1 and question.kind != QuestionKind.MULTIPLE:
            raise ApiError(
                400,
                _("attribute[%(code)s] takes one value.") % {"code": code},
            )
        form_data.setlist(answers.field_name(question), values)
    form = ReportForm(form_data, institution=institution)

    if not form.is_valid():
        raise ApiError(400, " ".join(_messages(form, questions.values())))
    return form


def _messages(form: ReportForm, questions: Iterable[CategoryQuestion]) -> list[str]:
    """The form's errors, each question's named as its attribute."""
    codes = {answers.field_name(question): question.code for question in questions}
    messages = []
    for name, errors in form.errors.items():
        prefix = f"attribute[{codes[name]}]: " if name in codes else ""
        messages += [prefix + str(message) for message in errors]
    return messages


def _checked_email(email: str) -> str:
    if not email:
        raise ApiError(
            400,
            _("email was not provided: a report cannot be anonymous."),
        )
    try:
        validate_email(email)
    except ValidationError:
        raise ApiError(400, _("email is not a valid e-mail address.")) from None
    return email


def _verified_account(email: str) -> User | None:
    address = (
        EmailAddress.objects.filter(email__iexact=email, verified=True)
        .select_related("user")
        .first()
    )
    return address.user if address else None


def _submit(account: User, institution: Institution, form: ReportForm) -> Report:
    try:
        return workflow.submit_report(
            author=account,
            institution=institution,
            category=form.cleaned_data["category"],
            location=form.cleaned_data["location"],
            description=form.cleaned_data["description"],
            address=form.cleaned_data["address"],
            answers=form.cleaned_data["answers"],
        )
    except workflow.WorkflowError as error:
        raise ApiError(400, str(error)) from None


def _invite(pending: PendingRequest) -> None:
    """Ask the address to confirm an account: the request waits for it."""
    institution = pending.institution
    # In Romanian: an Open311 request says nothing of its author's language,
    # and the address has no account yet to have chosen one.
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "pending": pending,
            "institution": institution,
            "application": pending.api_key.application,
            "signup_link": institution.site_url + reverse("account_signup"),
            "login_link": institution.site_url + reverse("account_login"),
        }
        subject = _("%(institution)s: confirm your report") % {
            "institution": institution.name
        }
        body = render_to_string("open311/invitation_email.txt", context)

    message = EmailMessage(
        subject=subject,
        body=body,
        from_email=institution.email_sender or settings.DEFAULT_FROM_EMAIL,
        to=[pending.email],
    )
    queue_message(message, kind="account")


def send_waiting_requests(address: EmailAddress) -> list[Report]:
    """Submit the requests that waited for this now confirmed address.

    The name and phone they carried fill the account where it has none;
    they are then forgotten. A request the workflow refuses (the account's
    limit, a category closed meanwhile) keeps the reason.
    """
    waiting = PendingRequest.objects.filter(
        email__iexact=address.email, report__isnull=True, refusal=""
    ).select_related("institution", "category")
    account = address.user
    reports = []

    for pending in waiting:
        _fill_account(account, pending)
        try:
            pending.report = workflow.submit_report(
                author=account,
                institution=pending.institution,
                category=pending.category,
                location=pending.location,
                description=pending.description,
                address=pending.address,
                answers=pending.answers,
            )
            reports.append(pending.report)
        except workflow.WorkflowError as error:
            logger.warning("Waiting request %s refused: %s", pending.pk, error)
            pending.refusal = str(error)
        pending.full_name = pending.phone = ""
        pending.save()
    return reports


def _fill_account(account: User, pending: PendingRequest) -> None:
    changed = []
    if not account.full_name and pending.full_name:
        account.full_name = pending.full_name
        changed.append("full_name")
    if not account.phone and pending.phone:
        try:
            account.phone = normalize_phone(pending.phone)
            changed.append("phone")
        except ValidationError:
            # Not a Romanian number: the account asks for one when it matters.
            pass
    if changed:
        account.save(update_fields=changed)
