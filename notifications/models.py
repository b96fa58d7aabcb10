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

    kind = models.CharField(_("kind"), max_length=32)
    report = models.ForeignKey(
        "reports.Report",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="emails",
        verbose_name=_("report"),
    )
    from_email = models.CharField(max_length=250)
    to = models.JSONField(_("recipients"))
    subject = models.CharField(_("subject"), max_length=250)
    body_text = models.TextField()
    body_html = models.TextField(blank=True)
    headers = models.JSONField(default=dict, blank=True)
    attachment = models.CharField(
        max_length=250,
        blank=True,
        help_text="A file in the default storage, attached when sent.",
    )
    attachment_name = models.CharField(max_length=120, blank=True)
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
