import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING, Self

from django.conf import settings
from django.contrib.gis.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from institutions.models import Category, Department, Institution

if TYPE_CHECKING:
    from django_stubs_ext import StrPromise


class Status(models.TextChoices):
    SUBMITTED = "submitted", pgettext_lazy("report status", "Submitted")
    REGISTERED = "registered", pgettext_lazy("report status", "Registered")
    PUBLISHED = "published", pgettext_lazy("report status", "Published")
    ASSIGNED = "assigned", pgettext_lazy("report status", "Assigned")
    RESOLVED = "resolved", pgettext_lazy("report status", "Resolved")
    REJECTED = "rejected", pgettext_lazy("report status", "Rejected")
    FORWARDED = "forwarded", pgettext_lazy("report status", "Forwarded")
    JOINED = "joined", pgettext_lazy("report status", "Joined")


PUBLIC_STATUSES = (Status.PUBLISHED, Status.ASSIGNED, Status.RESOLVED)
OPEN_STATUSES = (
    Status.SUBMITTED,
    Status.REGISTERED,
    Status.PUBLISHED,
    Status.ASSIGNED,
)


class Outcome(models.TextChoices):
    FIXED = "fixed", pgettext_lazy("outcome", "Fixed")
    PARTLY_FIXED = "partly_fixed", pgettext_lazy("outcome", "Partly fixed")
    PLANNED = "planned", pgettext_lazy("outcome", "Planned")
    TRANSFERRED = "transferred", pgettext_lazy("outcome", "Transferred to an operator")
    NOT_COMPETENT = (
        "not_competent",
        pgettext_lazy("outcome", "Not the institution's competence"),
    )
    REFUSED = "refused", pgettext_lazy("outcome", "Refused")


# Outcomes after which nothing changed on the ground: their pins are grey.
OUTCOMES_WITHOUT_FIX = (Outcome.NOT_COMPETENT, Outcome.REFUSED)


class PinState(models.TextChoices):
    """What the public map shows: a colour, always with this text label."""

    NEW = "new", pgettext_lazy("pin", "New")
    IN_PROGRESS = "in_progress", pgettext_lazy("pin", "In progress")
    RESOLVED = "resolved", pgettext_lazy("pin", "Resolved")
    CLOSED = "closed", pgettext_lazy("pin", "Closed without a fix")


@dataclass(frozen=True)
class Petitioner:
    full_name: str
    email: str
    phone: str
    language: str = settings.LANGUAGE_CODE


class ReportQuerySet(models.QuerySet["Report"]):
    def public(self) -> Self:
        return self.filter(status__in=PUBLIC_STATUSES)

    def with_pin_state(self, state: str) -> Self:
        if state == PinState.NEW:
            return self.filter(status=Status.PUBLISHED)
        if state == PinState.IN_PROGRESS:
            return self.filter(status=Status.ASSIGNED)
        if state == PinState.RESOLVED:
            return self.filter(status=Status.RESOLVED).exclude(
                resolution__outcome__in=OUTCOMES_WITHOUT_FIX
            )
        if state == PinState.CLOSED:
            return self.filter(
                status=Status.RESOLVED, resolution__outcome__in=OUTCOMES_WITHOUT_FIX
            )
        return self.none()


class Report(models.Model):
    """A citizen's petition about a public problem, and what became of it.

    ``description`` keeps the citizen's words as sent; the public reads
    ``public_description``, which the clerk may edit before publishing.
    """

    institution = models.ForeignKey(
        Institution,
        on_delete=models.PROTECT,
        related_name="reports",
        verbose_name=_("institution"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="reports",
        verbose_name=_("author"),
    )
    category = models.ForeignKey(
        Category,
        on_delete=models.PROTECT,
        related_name="reports",
        verbose_name=_("category"),
    )
    location = models.PointField(_("location"), srid=4326)
    # The zone holding the location, kept by zones.operations; none when
    # the place is outside every zone.
    zone = models.ForeignKey(
        "zones.Zone",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reports",
        verbose_name=_("zone"),
    )
    address = models.CharField(_("address"), max_length=250, blank=True)
    description = models.TextField(_("description as sent"))
    # The petitioner as the petition was filed: the institution keeps it
    # when the author deletes the account (OG 27/2002 archives petitions).
    petitioner_name = models.CharField(
        _("petitioner's name"), max_length=150, blank=True, db_default=""
    )
    petitioner_email = models.EmailField(
        _("petitioner's e-mail"), blank=True, db_default=""
    )
    petitioner_phone = models.CharField(
        _("petitioner's phone"), max_length=16, blank=True, db_default=""
    )
    # The language the petitioner's e-mails are written in once the account
    # is gone; while it lives, the account's current choice wins.
    petitioner_language = models.CharField(
        _("petitioner's language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        db_default=settings.LANGUAGE_CODE,
    )
    public_description = models.TextField(_("public description"), blank=True)
    # The answers to the category's extra questions as asked when the report
    # was sent (reports.answers): a later edit of a question changes none.
    answers = models.JSONField(_("answers"), default=list, blank=True)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=Status.choices,
        default=Status.SUBMITTED,
        db_index=True,
    )
    department = models.ForeignKey(
        Department,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reports",
        verbose_name=_("department"),
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="assigned_reports",
        verbose_name=_("assigned to"),
    )
    registry_number = models.CharField(_("registry number"), max_length=40, blank=True)
    registered_at = models.DateTimeField(_("registered at"), null=True, blank=True)
    due_date = models.DateField(_("answer due"), null=True, blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)
    created_at = models.DateTimeField(_("received at"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    # Forwarding to the competent institution (reports.forwarding): a report
    # of another institution on the platform, or an address outside it.
    forwarded_at = models.DateTimeField(_("forwarded at"), null=True, blank=True)
    forwarded_to_report = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="forwarded_from",
        verbose_name=_("forwarded as report"),
    )
    forwarded_to_name = models.CharField(
        _("forwarded to institution"), max_length=200, blank=True
    )
    forwarded_to_email = models.EmailField(_("forwarded to e-mail"), blank=True)
    # Joining (reports.joining): the main report this one follows.
    joined_into = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="joined_reports",
        verbose_name=_("joined into"),
    )
    # The current answer: the latest issued (reports.workflow.issue_resolution
    # keeps it). Every answer, the earlier ones of a reopened report too, is
    # in ``resolutions``; a pointer rather than a lookup keeps the map, the
    # feeds and Open311 reading the answer with a join.
    resolution = models.OneToOneField(
        "Resolution",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("current answer"),
    )
    # When the author last said the problem is not solved (reports.satisfaction).
    reopened_at = models.DateTimeField(_("reopened at"), null=True, blank=True)

    objects = ReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["institution", "status", "due_date"]),
            models.Index(fields=["department", "status"]),
            models.Index(fields=["assignee", "status"]),
            # The public list and the Open311 requests, newest first.
            models.Index(
                fields=["institution", "-created_at", "-id"],
                name="reports_public_newest_idx",
                condition=Q(status__in=PUBLIC_STATUSES),
            ),
            # The feeds of new and of resolved reports, newest first.
            models.Index(
                fields=["institution", "-published_at"],
                condition=Q(status__in=PUBLIC_STATUSES),
                name="report_public_by_published",
            ),
            models.Index(
                fields=["institution", "-resolved_at"],
                condition=Q(status=Status.RESOLVED),
                name="report_resolved_by_date",
            ),
        ]

    def __str__(self) -> str:
        return f"#{self.pk} {self.category}"

    @property
    def is_public(self) -> bool:
        return self.status in PUBLIC_STATUSES

    @property
    def petitioner(self) -> "Petitioner":
        """Who to answer: the account, or the petition as filed once it is gone."""
        author = self.author
        if author.deleted_at is None:
            return Petitioner(
                author.full_name, author.email, author.phone, author.language
            )
        return Petitioner(
            self.petitioner_name,
            self.petitioner_email,
            self.petitioner_phone,
            self.petitioner_language,
        )

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def is_overdue(self) -> bool:
        return (
            self.is_open
            and self.due_date is not None
            and self.due_date < timezone.localdate()
        )

    @property
    def pin_state(self) -> str:
        if self.status == Status.ASSIGNED:
            return PinState.IN_PROGRESS
        if self.status == Status.RESOLVED:
            resolution = self.resolution
            if resolution and resolution.outcome in OUTCOMES_WITHOUT_FIX:
                return PinState.CLOSED
            return PinState.RESOLVED
        return PinState.NEW

    def answer(self) -> "Resolution":
        """The current answer of a report known to have one (a resolved one).

        Raises Resolution.DoesNotExist otherwise.
        """
        if self.resolution is None:
            raise Resolution.DoesNotExist(f"Report {self.pk} has no answer.")
        return self.resolution

    @property
    def is_reopened(self) -> bool:
        """Open again because its author said the answer did not solve it."""
        return self.reopened_at is not None and self.is_open

    @property
    def pin_label(self) -> "StrPromise":
        return PinState(self.pin_state).label

    @property
    def public_text(self) -> str:
        return self.public_description or ""


@deconstructible
class PrivatePath:
    """A random file name under private/: upload names say nothing."""

    def __init__(self, prefix: str):
        self.prefix = prefix

    def __call__(self, instance: models.Model, filename: str) -> str:
        extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
        return f"private/{self.prefix}/{uuid.uuid4().hex}.{extension[:5]}"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PrivatePath) and other.prefix == self.prefix

    def __hash__(self) -> int:
        return hash(self.prefix)


class Photo(models.Model):
    """A photo sent with a report.

    ``original`` is the file as received and is shown only to staff. The
    ``image`` and ``thumbnail`` are re-encoded copies, upright and without
    metadata; the public sees them only when the clerk marked them public.
    A photo without a report is an upload whose form is not sent yet.

    ``hidden`` is the registry's choice to keep the photo from the public:
    before publication it unticks the photo in the publish form, after it
    ``is_public`` is its opposite. ``covers`` are the opaque rectangles
    burned into every copy, in fractions of the upright photo's size.
    ``exif_location`` is the GPS position the camera wrote in the original,
    for staff and for suggesting the report's place; no copy carries it.
    """

    token = models.UUIDField(
        _("token"), default=uuid.uuid4, unique=True, editable=False
    )
    report = models.ForeignKey(
        Report,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="photos",
        verbose_name=_("report"),
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    original = models.FileField(_("original file"), upload_to=PrivatePath("originals"))
    original_name = models.CharField(_("file name"), max_length=200, blank=True)
    image = models.ImageField(_("cleaned photo"), upload_to=PrivatePath("photos"))
    thumbnail = models.ImageField(_("thumbnail"), upload_to=PrivatePath("thumbnails"))
    share = models.ImageField(
        _("copy for sharing"), upload_to=PrivatePath("share"), blank=True
    )
    width = models.PositiveIntegerField(_("width"), default=0)
    height = models.PositiveIntegerField(_("height"), default=0)
    is_public = models.BooleanField(_("public"), default=False)
    hidden = models.BooleanField(_("hidden by the registry"), default=False)
    covers = models.JSONField(_("covered areas"), default=list, blank=True)
    exif_location = models.PointField(
        _("place in the photo's metadata"), srid=4326, null=True, blank=True
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    created_at = models.DateTimeField(_("uploaded at"), default=timezone.now)

    class Meta:
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.original_name or f"#{self.pk}"

    @property
    def covers_in_percent(self) -> list[dict[str, str]]:
        """The covered areas as the staff page's fields show them."""
        return [
            {key: f"{value * 100:.2f}" for key, value in cover.items()}
            for cover in self.covers
        ]


class Visibility(models.TextChoices):
    PUBLIC = "public", pgettext_lazy("visibility", "Public")
    CITIZEN = "citizen", pgettext_lazy("visibility", "Citizen and staff")
    INTERNAL = "internal", pgettext_lazy("visibility", "Internal")


class EventKind(models.TextChoices):
    SUBMITTED = "submitted", pgettext_lazy("event", "Submitted")
    REGISTERED = "registered", pgettext_lazy("event", "Registered")
    PUBLISHED = "published", pgettext_lazy("event", "Published")
    REJECTED = "rejected", pgettext_lazy("event", "Rejected")
    ASSIGNED = "assigned", pgettext_lazy("event", "Assigned")
    RESOLVED = "resolved", pgettext_lazy("event", "Resolved")
    NOTE = "note", pgettext_lazy("event", "Internal note")
    FORWARDED = "forwarded", pgettext_lazy("event", "Forwarded")
    JOINED = "joined", pgettext_lazy("event", "Joined")
    EXTENDED = "extended", pgettext_lazy("event", "Term extended")
    MESSAGE = "message", pgettext_lazy("event", "Message from the institution")
    REPLY = "reply", pgettext_lazy("event", "The citizen's answer")
    SATISFIED = "satisfied", pgettext_lazy("event", "Confirmed as solved")
    REOPENED = "reopened", pgettext_lazy("event", "Reopened")


class Event(models.Model):
    """One entry of a report's timeline. Events are never changed or deleted."""

    report = models.ForeignKey(
        Report,
        on_delete=models.CASCADE,
        related_name="events",
        verbose_name=_("report"),
    )
    kind = models.CharField(_("kind"), max_length=16, choices=EventKind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    from_status = models.CharField(
        _("from status"), max_length=16, choices=Status.choices, blank=True
    )
    to_status = models.CharField(
        _("to status"), max_length=16, choices=Status.choices, blank=True
    )
    text = models.TextField(_("text"), blank=True)
    visibility = models.CharField(
        _("visible to"),
        max_length=16,
        choices=Visibility.choices,
        default=Visibility.PUBLIC,
    )
    created_at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.created_at:%Y-%m-%d %H:%M})"


class Satisfaction(models.TextChoices):
    """The author's answer to "Is the problem solved?" (reports.satisfaction)."""

    SOLVED = "solved", pgettext_lazy("satisfaction", "Solved")
    NOT_SOLVED = "not_solved", pgettext_lazy("satisfaction", "Not solved")


class Resolution(models.Model):
    """An answer to a report: a document, a public summary and an outcome.

    A report has one answer, or several when its author said an answer did
    not solve the problem; ``Report.resolution`` is the latest. The author
    is asked once per answer whether it solved the problem.
    """

    report = models.ForeignKey(
        Report,
        on_delete=models.CASCADE,
        related_name="resolutions",
        verbose_name=_("report"),
    )
    outcome = models.CharField(_("outcome"), max_length=16, choices=Outcome.choices)
    planned_for = models.DateField(_("planned for"), null=True, blank=True)
    summary = models.TextField(_("public summary"))
    document = models.FileField(_("document"), upload_to=PrivatePath("resolutions"))
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("issued by"),
    )
    issued_at = models.DateTimeField(_("issued at"), default=timezone.now)
    outgoing_number = models.CharField(
        _("outgoing registry number"), max_length=40, blank=True
    )
    satisfaction_asked_at = models.DateTimeField(
        _("asked whether solved at"), null=True, blank=True
    )
    satisfaction = models.CharField(
        _("solved, says the author"),
        max_length=16,
        choices=Satisfaction.choices,
        blank=True,
    )
    satisfaction_answered_at = models.DateTimeField(
        _("author answered at"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("resolution")
        verbose_name_plural = _("resolutions")
        ordering = ["issued_at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_outcome_display()} – #{self.report_id}"


class MapCell(models.Model):
    """How many public reports lie in one cell of the map's grid.

    Kept by PostgreSQL triggers (migration 0003) for every grid level, so
    that a zoomed-out map adds up a few hundred cells instead of a million
    reports; ``sum_x`` and ``sum_y`` place the cluster at its reports' mean.
    A cell is keyed by level, column and row (mapdata.grid_cell), category and
    pin state. Empty on SpatiaLite, where the map counts the reports.
    """

    institution_id = models.BigIntegerField()
    level = models.SmallIntegerField()
    grid_x = models.IntegerField()
    grid_y = models.IntegerField()
    category_id = models.BigIntegerField()
    state = models.CharField(max_length=16, choices=PinState.choices)
    count = models.IntegerField(default=0)
    sum_x = models.FloatField(default=0)
    sum_y = models.FloatField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=[
                    "institution_id",
                    "level",
                    "grid_x",
                    "grid_y",
                    "category_id",
                    "state",
                ],
                name="reports_mapcell_key",
            )
        ]


class ResponseTemplate(models.Model):
    """A text staff start from when they write to a citizen or answer.

    A template may be for one category, one outcome, both or all reports;
    staff pick it, then edit the text before sending.
    """

    institution = models.ForeignKey(
        Institution,
        on_delete=models.CASCADE,
        related_name="response_templates",
        verbose_name=_("institution"),
    )
    title = models.CharField(_("title"), max_length=120)
    text = models.TextField(_("text"))
    category = models.ForeignKey(
        Category,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="response_templates",
        verbose_name=_("category"),
        help_text=_("Empty: for every category."),
    )
    outcome = models.CharField(
        _("outcome"),
        max_length=16,
        choices=Outcome.choices,
        blank=True,
        help_text=_("Empty: for messages and every outcome."),
    )
    is_active = models.BooleanField(_("offered"), default=True)

    class Meta:
        verbose_name = _("response template")
        verbose_name_plural = _("response templates")
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title
