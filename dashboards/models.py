import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from institutions.models import Institution
from reports.models import PrivatePath


class ExportJob(models.Model):
    """A long export made by the worker: the reports matching some filters.

    The query string is the dashboard's, so the file holds what the page
    showed. The file is private: it is served only to the institution's
    people who may read the dashboards.
    """

    class State(models.TextChoices):
        PENDING = "pending", pgettext_lazy("export state", "Waiting")
        RUNNING = "running", pgettext_lazy("export state", "Being made")
        DONE = "done", pgettext_lazy("export state", "Ready")
        FAILED = "failed", pgettext_lazy("export state", "Failed")

    class Format(models.TextChoices):
        CSV = "csv", "CSV"
        XLSX = "xlsx", "Excel (.xlsx)"

    token = models.UUIDField(
        _("token"), default=uuid.uuid4, unique=True, editable=False
    )
    institution = models.ForeignKey(
        Institution,
        on_delete=models.CASCADE,
        related_name="export_jobs",
        verbose_name=_("institution"),
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("requested by"),
    )
    query = models.CharField(_("filters"), max_length=500, blank=True)
    file_format = models.CharField(
        _("format"), max_length=8, choices=Format.choices, default=Format.XLSX
    )
    state = models.CharField(
        _("state"), max_length=16, choices=State.choices, default=State.PENDING
    )
    total = models.PositiveIntegerField(_("reports to write"), default=0)
    written = models.PositiveIntegerField(_("reports written"), default=0)
    file = models.FileField(_("file"), upload_to=PrivatePath("exports"), blank=True)
    error = models.TextField(_("error"), blank=True)
    created_at = models.DateTimeField(_("requested at"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("export")
        verbose_name_plural = _("exports")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.get_file_format_display()} #{self.pk}"

    @property
    def percent(self) -> int:
        if self.state == self.State.DONE:
            return 100
        if not self.total:
            return 0
        return min(99, self.written * 100 // self.total)

    @property
    def file_name(self) -> str:
        day = timezone.localtime(self.created_at).strftime("%Y-%m-%d")
        return f"sesizari-{day}-{self.pk}.{self.file_format}"


class ReportFact(models.Model):
    """One report as the dashboards count it, in Romanian days.

    A copy of what the figures need, kept by dashboards.facts: the local
    day and hour it was received, the day it was closed, its final state,
    the durations of its steps from the timeline. Counting these narrow
    rows is several times faster than reading reports and events; the
    copy is brought up to date before every dashboard is drawn.
    """

    report = models.OneToOneField(
        "reports.Report",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="+",
        verbose_name=_("report"),
    )
    institution_id = models.BigIntegerField(_("institution"))
    category_id = models.BigIntegerField(_("category"))
    department_id = models.BigIntegerField(_("department"), null=True)
    zone_id = models.BigIntegerField(_("zone"), null=True)
    received_on = models.DateField(_("received on"))
    received_hour = models.SmallIntegerField(_("hour received"))
    closed_on = models.DateField(_("closed on"), null=True)
    resolved_on = models.DateField(_("resolved on"), null=True)
    state = models.CharField(_("final state"), max_length=32)
    is_open = models.BooleanField(_("open"))
    due_date = models.DateField(_("answer due"), null=True)
    within_term = models.BooleanField(_("answered within the term"), null=True)
    publish_days = models.FloatField(_("days to publish"), null=True)
    assign_days = models.FloatField(_("days to assign"), null=True)
    resolve_days = models.FloatField(_("days to resolve"), null=True)
    longitude = models.FloatField(_("longitude"))
    latitude = models.FloatField(_("latitude"))

    class Meta:
        verbose_name = _("report fact")
        verbose_name_plural = _("report facts")
        indexes = [
            models.Index(
                fields=["institution_id", "received_on"],
                name="fact_received",
            ),
            models.Index(
                fields=["institution_id", "closed_on"],
                name="fact_closed",
            ),
            # A zone holds a twentieth of the reports: reading only its own
            # rows makes a zone's dashboards as fast as the whole city's.
            models.Index(
                fields=["institution_id", "zone_id", "received_on"],
                name="fact_zone_received",
            ),
            models.Index(
                fields=["institution_id", "zone_id", "closed_on"],
                name="fact_zone_closed",
            ),
            models.Index(
                fields=["institution_id", "resolved_on"],
                name="fact_resolved",
                condition=models.Q(resolved_on__isnull=False),
            ),
            models.Index(
                fields=["institution_id", "received_on"],
                name="fact_open",
                condition=models.Q(is_open=True),
            ),
        ]

    def __str__(self) -> str:
        return f"#{self.report_id} {self.state}"


class DayCount(models.Model):
    """Reports per Romanian day, category and department, from the facts.

    A year is a few thousand of these rows instead of a hundred thousand
    facts: the evolution dashboard counts them unless it is filtered by
    zone. ``received_now_resolved`` and ``received_now_open`` describe the
    reports received that day as they are now.
    """

    institution_id = models.BigIntegerField(_("institution"))
    day = models.DateField(_("day"))
    category_id = models.BigIntegerField(_("category"))
    department_id = models.BigIntegerField(_("department"), null=True)
    received = models.IntegerField(_("received"))
    closed = models.IntegerField(_("closed"))
    resolved = models.IntegerField(_("resolved"))
    received_now_resolved = models.IntegerField(_("received, resolved since"))
    received_now_open = models.IntegerField(_("received, still open"))

    class Meta:
        verbose_name = _("day count")
        verbose_name_plural = _("day counts")
        indexes = [
            models.Index(fields=["institution_id", "day"], name="daycount_day"),
        ]

    def __str__(self) -> str:
        return f"{self.day} {self.category_id}: {self.received}"


class FactsMark(models.Model):
    """How far the facts were brought up to date: the last report and event."""

    last_report_id = models.BigIntegerField(default=0)
    last_event_id = models.BigIntegerField(default=0)
    refreshed_at = models.DateTimeField(null=True)

    def __str__(self) -> str:
        return f"{self.last_report_id}/{self.last_event_id}"
