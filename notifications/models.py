from django.conf import settings
from django.contrib.gis.db import models as gis_models
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
        MESSAGE = (
            "report_message",
            pgettext_lazy("e-mail kind", "Message to the citizen"),
        )
        REGISTRY_REQUEST = (
            "registry_request",
            pgettext_lazy("e-mail kind", "Registry number request"),
        )
        REGISTRY_ANSWER_REQUEST = (
            "registry_answer_request",
            pgettext_lazy("e-mail kind", "Outgoing number request"),
        )
        DIGEST = "digest", pgettext_lazy("e-mail kind", "Due dates digest")
        FOLLOWED_UPDATE = (
            "followed_update",
            pgettext_lazy("e-mail kind", "Update of a followed report"),
        )
        AREA_ALERT = "area_alert", pgettext_lazy("e-mail kind", "Area alert")
        REOPENED = "report_reopened", pgettext_lazy("e-mail kind", "Reopened")
        SATISFACTION = (
            "satisfaction",
            pgettext_lazy("e-mail kind", "Is the problem solved?"),
        )

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


class InboundMailbox(models.Model):
    """An IMAP mailbox the workers read, for the institution's incoming mail.

    New (unseen) messages are handed to the reader of the mailbox's purpose
    (notifications.inbound), then marked as seen; nothing is deleted.
    """

    class Purpose(models.TextChoices):
        REGISTRY_REPLIES = (
            "registry_replies",
            pgettext_lazy("mailbox purpose", "Replies of the registry by e-mail"),
        )
        CITIZEN_REPLIES = (
            "citizen_replies",
            pgettext_lazy("mailbox purpose", "Citizens' replies to messages"),
        )

    class Security(models.TextChoices):
        TLS = "tls", pgettext_lazy("mailbox security", "TLS (IMAPS, port 993)")
        STARTTLS = "starttls", pgettext_lazy("mailbox security", "STARTTLS (port 143)")
        NONE = (
            "none",
            pgettext_lazy("mailbox security", "None (only on this machine or network)"),
        )

    institution = models.ForeignKey(
        "institutions.Institution",
        on_delete=models.CASCADE,
        related_name="inbound_mailboxes",
        verbose_name=_("institution"),
    )
    purpose = models.CharField(_("purpose"), max_length=32, choices=Purpose.choices)
    address = models.EmailField(
        _("address"),
        blank=True,
        help_text=_(
            "The address that delivers to this mailbox: messages to citizens "
            "ask for replies there."
        ),
    )
    host = models.CharField(_("IMAP server"), max_length=200)
    port = models.PositiveIntegerField(_("port"), default=993)
    security = models.CharField(
        _("connection security"),
        max_length=16,
        choices=Security.choices,
        default=Security.TLS,
    )
    username = models.CharField(_("user name"), max_length=200)
    password = models.CharField(_("password"), max_length=200)
    folder = models.CharField(_("folder"), max_length=200, default="INBOX")
    is_active = models.BooleanField(_("read it"), default=True)
    last_read_at = models.DateTimeField(_("last read"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    failures = models.PositiveIntegerField(_("failures in a row"), default=0)

    class Meta:
        verbose_name = _("inbound mailbox")
        verbose_name_plural = _("inbound mailboxes")
        constraints = [
            models.UniqueConstraint(
                fields=["institution", "purpose"], name="inbound_mailbox_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.username}@{self.host} ({self.get_purpose_display()})"


class ReceivedMessage(models.Model):
    """A message read from a mailbox: the same one is never read twice."""

    mailbox = models.ForeignKey(
        InboundMailbox,
        on_delete=models.CASCADE,
        related_name="received",
        verbose_name=_("mailbox"),
    )
    message_id = models.CharField(_("message ID"), max_length=255)
    received_at = models.DateTimeField(_("read at"), default=timezone.now)

    class Meta:
        verbose_name = _("message read")
        verbose_name_plural = _("messages read")
        constraints = [
            models.UniqueConstraint(
                fields=["mailbox", "message_id"], name="received_message_unique"
            )
        ]

    def __str__(self) -> str:
        return self.message_id


class AreaAlert(models.Model):
    """A citizen's wish to hear of new public reports in a zone or near a place."""

    class Frequency(models.TextChoices):
        IMMEDIATE = "immediate", pgettext_lazy("alert frequency", "At once")
        DAILY = "daily", pgettext_lazy("alert frequency", "Once a day, together")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="area_alerts",
        verbose_name=_("user"),
    )
    institution = models.ForeignKey(
        "institutions.Institution",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("institution"),
    )
    # Either a zone, or a circle around a place.
    zone = models.ForeignKey(
        "zones.Zone",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("zone"),
    )
    centre = gis_models.PointField(_("centre"), srid=4326, null=True, blank=True)
    radius_m = models.PositiveIntegerField(_("radius (metres)"), null=True, blank=True)
    label = models.CharField(_("place"), max_length=250)
    frequency = models.CharField(
        _("how often"),
        max_length=16,
        choices=Frequency.choices,
        default=Frequency.IMMEDIATE,
    )
    created_at = models.DateTimeField(_("since"), default=timezone.now)
    last_sent_at = models.DateTimeField(_("last digest"), null=True, blank=True)

    class Meta:
        verbose_name = _("area alert")
        verbose_name_plural = _("area alerts")
        ordering = ["created_at"]

    def __str__(self) -> str:
        return self.label
