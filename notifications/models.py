from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class OutgoingEmail(models.Model):
    """A message waiting to be sent, sent, or given up on.

    Messages are rendered when queued, so what is sent is what the event
    said at the time; the worker only delivers.
    """

    class State(models.TextChoices):
        PENDING = "pending", pgettext_lazy("e-mail state", "Waiting")
        SENDING = "sending", pgettext_lazy("e-mail state", "Being sent")
        SENT = "sent", pgettext_lazy("e-mail state", "Sent")
        FAILED = "failed", pgettext_lazy("e-mail state", "Failed")

    class Kind(models.TextChoices):
        ACCOUNT = "account", pgettext_lazy("e-mail kind", "Account")
        REGISTERED = "report_registered", pgettext_lazy("e-mail kind", "Registered")
        PUBLISHED = "report_published", pgettext_lazy("e-mail kind", "Published")
        REJECTED = "report_rejected", pgettext_lazy("e-mail kind", "Rejected")
        RESOLVED = "report_resolved", pgettext_lazy("e-mail kind", "Answered")
        FORWARDED = "report_forwarded", pgettext_lazy("e-mail kind", "Forwarded")
        JOINED = "report_joined", pgettext_lazy("e-mail kind", "Joined")
        FORWARDED_REPORT = (
            "forwarded_report",
            pgettext_lazy("e-mail kind", "Report to the competent institution"),
        )
        EXTENDED = "report_extended", pgettext_lazy("e-mail kind", "Term extended")
        REGISTRY_REQUEST = (
            "registry_request",
            pgettext_lazy("e-mail kind", "Registry number request"),
        )
        DIGEST = "digest", pgettext_lazy("e-mail kind", "Due dates digest")

    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices)
    report = models.ForeignKey(
        "reports.Report",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="emails",
        verbose_name=_("report"),
    )
    from_email = models.CharField(_("sender"), max_length=250)
    to = models.JSONField(_("recipients"))
    subject = models.CharField(_("subject"), max_length=250)
    body_text = models.TextField(_("text"))
    body_html = models.TextField(_("HTML text"), blank=True)
    headers = models.JSONField(_("headers"), default=dict, blank=True)
    attachment = models.CharField(
        _("attachment"),
        max_length=250,
        blank=True,
        help_text=_("A file in the default storage, attached when sent."),
    )
    attachment_name = models.CharField(_("attachment name"), max_length=120, blank=True)
    state = models.CharField(
        _("state"), max_length=16, choices=State.choices, default=State.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("queued at"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.kind} #{self.pk} ({self.get_state_display()})"


class Follow(models.Model):
    """A citizen who asked to be told of a report's updates."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="follows",
        verbose_name=_("user"),
    )
    report = models.ForeignKey(
        "reports.Report",
        on_delete=models.CASCADE,
        related_name="follows",
        verbose_name=_("report"),
    )
    created_at = models.DateTimeField(_("since"), default=timezone.now)

    class Meta:
        verbose_name = _("follower")
        verbose_name_plural = _("followers")
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "report"], name="follow_unique_user_report"
            )
        ]

    def __str__(self) -> str:
        return f"#{self.report_id} ← {self.user_id}"
