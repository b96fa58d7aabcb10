from django.conf import settings
from django.contrib.gis.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from institutions.models import Category, Institution


class ApiKey(models.Model):
    """An application's right to send requests to an institution.

    Only a hash of the key is kept, with its first characters to find it:
    the key is shown once, to the administrator who issues it.
    """

    institution = models.ForeignKey(
        Institution,
        on_delete=models.CASCADE,
        related_name="api_keys",
        verbose_name=_("institution"),
    )
    application = models.CharField(_("application"), max_length=120)
    prefix = models.CharField(_("key prefix"), max_length=12, unique=True)
    key_hash = models.CharField(_("key hash"), max_length=64)
    is_active = models.BooleanField(_("active"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("issued by"),
    )
    created_at = models.DateTimeField(_("issued at"), default=timezone.now)
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True)

    class Meta:
        verbose_name = _("API key")
        verbose_name_plural = _("API keys")
        ordering = ["institution", "application"]

    def __str__(self) -> str:
        return f"{self.application} ({self.prefix}…)"


class PendingRequest(models.Model):
    """A request sent for an e-mail address without a confirmed account.

    The law allows no anonymous petitions: it waits until that address is
    confirmed, then becomes a report of that account (open311.submissions).
    The person's name and phone wait here only to fill the new account.
    """

    token = models.CharField(_("token"), max_length=40, unique=True)
    api_key = models.ForeignKey(
        ApiKey,
        on_delete=models.PROTECT,
        related_name="pending_requests",
        verbose_name=_("API key"),
    )
    institution = models.ForeignKey(
        Institution,
        on_delete=models.CASCADE,
        related_name="pending_requests",
        verbose_name=_("institution"),
    )
    category = models.ForeignKey(
        Category,
        on_delete=models.CASCADE,
        related_name="pending_requests",
        verbose_name=_("category"),
    )
    email = models.EmailField(_("e-mail address"), db_index=True)
    full_name = models.CharField(_("full name"), max_length=150, blank=True)
    phone = models.CharField(_("phone"), max_length=32, blank=True)
    location = models.PointField(_("location"), srid=4326)
    address = models.CharField(_("address"), max_length=250, blank=True)
    description = models.TextField(_("description as sent"))
    # The answers to the category's questions, as reports.answers keeps them.
    answers = models.JSONField(_("answers"), default=list, blank=True)
    created_at = models.DateTimeField(_("received at"), default=timezone.now)
    report = models.OneToOneField(
        "reports.Report",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="open311_request",
        verbose_name=_("report"),
    )
    refusal = models.TextField(_("why it could not be sent"), blank=True)

    class Meta:
        verbose_name = _("waiting request")
        verbose_name_plural = _("waiting requests")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.token[:8]}… ({self.category})"
