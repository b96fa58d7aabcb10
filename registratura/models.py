import re
import uuid

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from institutions.models import Institution


class Direction(models.TextChoices):
    INCOMING = "in", pgettext_lazy("registry direction", "Incoming")
    OUTGOING = "out", pgettext_lazy("registry direction", "Outgoing")


class RegisterCounter(models.Model):
    """The last number given by the built-in register, per year and direction."""

    institution = models.ForeignKey(
        Institution,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("institution"),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    direction = models.CharField(
        _("direction"), max_length=3, choices=Direction.choices
    )
    last_number = models.PositiveIntegerField(_("last number"), default=0)

    class Meta:
        verbose_name = _("register counter")
        verbose_name_plural = _("register counters")
        constraints = [
            models.UniqueConstraint(
                fields=["institution", "year", "direction"],
                name="register_counter_unique",
            )
        ]

    def __str__(self) -> str:
        return f"{self.institution} {self.year} {self.direction}: {self.last_number}"


class Adapter(models.TextChoices):
    BUILTIN = "builtin", pgettext_lazy("registry adapter", "Built-in register")
    HTTP = "http", pgettext_lazy("registry adapter", "HTTP registry")
    EMAIL = "email", pgettext_lazy("registry adapter", "Registry by e-mail")


class RegistryConfig(models.Model):
    """Which registry system gives the institution's numbers, and how to reach it.

    An institution without a configuration uses the built-in register.
    """

    institution = models.OneToOneField(
        Institution,
        on_delete=models.CASCADE,
        related_name="registry_config",
        verbose_name=_("institution"),
    )
    adapter = models.CharField(
        _("registry system"),
        max_length=16,
        choices=Adapter.choices,
        default=Adapter.BUILTIN,
    )
    endpoint_url = models.URLField(
        _("HTTP endpoint"),
        blank=True,
        help_text=_("Where reports are sent as signed JSON (HTTP registry)."),
    )
    shared_secret = models.CharField(
        _("shared secret"),
        max_length=200,
        blank=True,
        help_text=_(
            "The key of the HMAC-SHA256 signatures, both ways (HTTP registry)."
        ),
    )
    timeout_seconds = models.FloatField(
        _("timeout (seconds)"),
        default=10.0,
        validators=[MinValueValidator(0.1), MaxValueValidator(120)],
    )
    callback_enabled = models.BooleanField(
        _("accept callbacks"),
        default=True,
        help_text=_("The registry may confirm numbers later, at our callback URL."),
    )
    mailbox = models.EmailField(
        _("registry mailbox"),
        blank=True,
        help_text=_("Where number requests are sent (registry by e-mail)."),
    )
    number_pattern = models.CharField(
        _("number pattern"),
        max_length=200,
        blank=True,
        help_text=_(
            "A regular expression that finds the number in the registry's "
            "reply; its first group, or the whole match, is the number."
        ),
    )

    class Meta:
        verbose_name = _("registry configuration")
        verbose_name_plural = _("registry configurations")

    def __str__(self) -> str:
        return f"{self.institution}: {self.get_adapter_display()}"

    def clean(self) -> None:
        errors: dict[str, object] = {}
        if self.adapter == Adapter.HTTP:
            if not self.endpoint_url:
                errors["endpoint_url"] = _("The HTTP registry needs its endpoint.")
            if not self.shared_secret:
                errors["shared_secret"] = _("The HTTP registry needs a secret.")
        if self.adapter == Adapter.EMAIL and not self.mailbox:
            errors["mailbox"] = _("The registry by e-mail needs its mailbox.")
        if self.number_pattern:
            try:
                re.compile(self.number_pattern)
            except re.error as error:
                errors["number_pattern"] = _(
                    "This is not a valid regular expression: %(error)s"
                ) % {"error": error}
        if errors:
            raise ValidationError(errors)


class RegistryCall(models.Model):
    """One request to an external registry, kept until it has its answer.

    The outbox: a call is created in the transaction that needs it and
    processed by the background workers (registratura.outbox).
    """

    class State(models.TextChoices):
        WAITING = "waiting", pgettext_lazy("registry call state", "Waiting")
        SENDING = "sending", pgettext_lazy("registry call state", "Being sent")
        ACCEPTED = (
            "accepted",
            pgettext_lazy("registry call state", "Waiting for the registry's number"),
        )
        DONE = "done", pgettext_lazy("registry call state", "Done")
        FAILED = "failed", pgettext_lazy("registry call state", "Failed")

    report = models.ForeignKey(
        "reports.Report",
        on_delete=models.CASCADE,
        related_name="registry_calls",
        verbose_name=_("report"),
    )
    institution = models.ForeignKey(
        Institution,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("institution"),
    )
    adapter = models.CharField(
        _("registry system"), max_length=16, choices=Adapter.choices
    )
    direction = models.CharField(
        _("direction"),
        max_length=3,
        choices=Direction.choices,
        default=Direction.INCOMING,
    )
    state = models.CharField(
        _("state"), max_length=16, choices=State.choices, default=State.WAITING
    )
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    idempotency_key = models.UUIDField(
        _("idempotency key"), default=uuid.uuid4, unique=True, editable=False
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    next_attempt_at = models.DateTimeField(_("next attempt at"), default=timezone.now)
    lease_until = models.DateTimeField(_("being sent until"), null=True, blank=True)
    number = models.CharField(_("number received"), max_length=40, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("registry call")
        verbose_name_plural = _("registry calls")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(
                fields=["institution", "state", "created_at"],
                name="registry_call_line",
            )
        ]

    def __str__(self) -> str:
        return f"{self.direction} #{self.pk} ({self.get_state_display()})"


class CallbackSignature(models.Model):
    """A callback signature already accepted: the same one is refused again."""

    signature = models.CharField(_("signature"), max_length=64, unique=True)
    received_at = models.DateTimeField(_("received at"), default=timezone.now)

    class Meta:
        verbose_name = _("callback signature")
        verbose_name_plural = _("callback signatures")

    def __str__(self) -> str:
        return self.signature[:12]
