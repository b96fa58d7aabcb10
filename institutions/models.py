import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.gis.db import models
from django.contrib.gis.geos import Point
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db.models import Q
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from institutions.colours import contrast_ratio
from institutions.translations import translated, translation_languages
from moderation.text import fold

OSM_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
OSM_ATTRIBUTION = "© OpenStreetMap contributors"
# The public filters of the map and the list (reports.filters), in their
# default order.
PUBLIC_FILTERS = ("category", "status", "outcome", "since", "until", "q", "zone")
WHITE = "#ffffff"
AA_TEXT_CONTRAST = 4.5

COLOUR_PATTERN = r"^#[0-9a-fA-F]{6}$"
COLOUR = re.compile(COLOUR_PATTERN)
colour_validator = RegexValidator(
    COLOUR_PATTERN, _("Enter a colour as #RRGGBB, for example #1d4e89.")
)
# A host name as the browser sends it: no scheme, port or path.
domain_validator = RegexValidator(
    r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$",
    _(
        "Enter a host name only, such as sesizari.primariax.ro: no https://, "
        "no port and no path."
    ),
)


class BrandingStorage(FileSystemStorage):
    """Uploads' storage, with the logos and icons served by a public view.

    Everything else uploaded is served only through views that check who
    may see it; branding is on every page, for everyone.
    """

    def url(self, name: str | None) -> str:
        return reverse("branding-picture", args=[name])


def branding_storage() -> BrandingStorage:
    return BrandingStorage(location=settings.STORAGES["default"]["OPTIONS"]["location"])


class Institution(models.Model):
    """A city hall, a commune or a county council that answers reports."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name"), unique=True)
    # Unique, the empty value included: the one institution without a
    # domain is the deployment's default (institutions.middleware).
    domain = models.CharField(
        _("domain"),
        max_length=200,
        blank=True,
        unique=True,
        validators=[domain_validator],
        error_messages={
            "unique": _(
                "Another institution has this domain. Each domain belongs to "
                "one institution, and only one may have none."
            )
        },
        help_text=_(
            "The host name its site is served on, such as sesizari.primariax.ro. "
            "Empty for the deployment's default institution, served on any "
            "other address; only one institution may be without a domain."
        ),
    )
    logo = models.ImageField(
        _("logo"),
        upload_to="branding/",
        storage=branding_storage,
        blank=True,
        help_text=_(
            "PNG, JPEG or WebP, at most 8 times as wide as high. It is shown "
            "40 pixels high, beside the name, on the main colour."
        ),
    )
    favicon = models.ImageField(
        _("browser icon"),
        upload_to="branding/",
        storage=branding_storage,
        blank=True,
        help_text=_(
            "Square PNG, JPEG or WebP, at least 32×32 pixels; shown in the "
            "browser's tab and on phones' home screens."
        ),
    )
    intro_text = models.TextField(
        _("introductory text"),
        max_length=1500,
        blank=True,
        help_text=_(
            "Shown above the map on the home page: what the platform is for and "
            "what to report elsewhere. Plain text; an empty line starts a new "
            "paragraph."
        ),
    )
    intro_text_en = models.TextField(
        _("introductory text in English"), max_length=1500, blank=True
    )
    intro_text_hu = models.TextField(
        _("introductory text in Hungarian"), max_length=1500, blank=True
    )
    main_colour = models.CharField(
        _("main colour"),
        max_length=7,
        default="#1d4e89",
        validators=[colour_validator],
    )
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    contact_address = models.CharField(_("address"), max_length=300, blank=True)
    email_sender = models.CharField(
        _("e-mail sender"),
        max_length=200,
        blank=True,
        # The admin shows help texts as HTML: the angle brackets are escaped.
        help_text=_(
            "As it appears in messages: Primăria X &lt;sesizari@primariax.ro&gt;."
        ),
    )
    boundary = models.MultiPolygonField(
        _("territory boundary"),
        srid=4326,
        null=True,
        blank=True,
        help_text=_("Reports outside it are refused."),
    )
    map_centre = models.PointField(_("map centre"), srid=4326)
    map_zoom = models.PositiveSmallIntegerField(
        _("map zoom"),
        default=13,
        validators=[MinValueValidator(3), MaxValueValidator(19)],
    )
    tile_url = models.CharField(
        _("map tiles URL"),
        max_length=300,
        blank=True,
        default=OSM_TILES,
        help_text=_("Empty: the map is drawn without a background."),
    )
    tile_attribution = models.CharField(
        _("map tiles attribution"), max_length=300, blank=True, default=OSM_ATTRIBUTION
    )
    public_filters = models.CharField(
        _("filters of the map and list"),
        max_length=200,
        default=",".join(PUBLIC_FILTERS),
        help_text=_(
            "The filters offered to the public, in this order, separated by "
            "commas: category, status, outcome, since, until, q (the search), "
            "zone. A link with another filter still works."
        ),
    )
    answer_term_days = models.PositiveSmallIntegerField(
        _("answer term (days)"),
        default=30,
        validators=[MinValueValidator(1), MaxValueValidator(90)],
        help_text=_("OG 27/2002: 30 days from registration."),
    )
    satisfaction_days = models.PositiveSmallIntegerField(
        _("ask whether solved after (days)"),
        default=7,
        validators=[MaxValueValidator(60)],
        help_text=_(
            "Days after an answer (or after the planned date) when its author "
            "is asked by e-mail whether the problem is solved. 0: no e-mail."
        ),
    )
    reopen_days = models.PositiveSmallIntegerField(
        _("reopening possible for (days)"),
        default=30,
        validators=[MaxValueValidator(90)],
        help_text=_(
            "Days after an answer (or after the planned date) during which its "
            "author may say the problem is not solved, which reopens the "
            "report. 0: reports are not reopened."
        ),
    )

    class Meta:
        verbose_name = _("institution")
        verbose_name_plural = _("institutions")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def offered_filters(self) -> list[str]:
        names = [name.strip() for name in self.public_filters.split(",")]
        return [name for name in dict.fromkeys(names) if name in PUBLIC_FILTERS]

    @property
    def site_url(self) -> str:
        """The address of its site, without a slash at the end, for links.

        SITE_URL with the institution's domain as host name: the deployment
        gives the scheme and the port, the institution its own name.
        """
        if not self.domain:
            return str(settings.SITE_URL)
        deployment = urlsplit(settings.SITE_URL)
        port = f":{deployment.port}" if deployment.port else ""
        return f"{deployment.scheme}://{self.domain}{port}"

    def clean_fields(self, exclude: Any = None) -> None:
        # Host names are case-insensitive; the middleware compares them lower.
        self.domain = self.domain.strip().lower()
        super().clean_fields(exclude)

    def clean(self) -> None:
        self._clean_satisfaction()
        unknown = [
            name.strip()
            for name in self.public_filters.split(",")
            if name.strip() and name.strip() not in PUBLIC_FILTERS
        ]
        if unknown:
            raise ValidationError(
                {
                    "public_filters": _(
                        "There is no filter %(names)s. The filters are: %(known)s."
                    )
                    % {"names": ", ".join(unknown), "known": ", ".join(PUBLIC_FILTERS)}
                }
            )
        # The main colour is the links' colour on white, and the header's
        # background under white text: both need WCAG AA's 4.5:1 for text.
        if not COLOUR.match(self.main_colour or ""):
            return  # the field's validator says what is wrong
        ratio = contrast_ratio(self.main_colour, WHITE)
        if ratio < AA_TEXT_CONTRAST:
            raise ValidationError(
                {
                    "main_colour": _(
                        "On white this colour has a contrast of %(ratio)s:1; "
                        "text needs at least %(needed)s:1 (WCAG AA). Choose a "
                        "darker colour."
                    )
                    % {
                        "ratio": f"{ratio:.1f}".replace(".", ","),
                        "needed": "4,5",
                    }
                }
            )

    def _clean_satisfaction(self) -> None:
        if self.satisfaction_days and self.satisfaction_days >= self.reopen_days:
            raise ValidationError(
                {
                    "satisfaction_days": _(
                        "Ask before the reopening period ends: fewer days than "
                        "the %(days)s of that period."
                    )
                    % {"days": self.reopen_days}
                }
            )

    def contains(self, point: Point) -> bool:
        return self.boundary is None or self.boundary.contains(point)

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.domain = self.domain.strip().lower()
        super().save(*args, **kwargs)


class Department(models.Model):
    class Kind(models.TextChoices):
        DEPARTMENT = "department", pgettext_lazy("department kind", "Department")
        OPERATOR = "operator", pgettext_lazy("department kind", "Operator")

    institution = models.ForeignKey(
        Institution,
        on_delete=models.CASCADE,
        related_name="departments",
        verbose_name=_("institution"),
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(
        _("kind"), max_length=16, choices=Kind.choices, default=Kind.DEPARTMENT
    )
    email = models.EmailField(_("e-mail"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("department or operator")
        verbose_name_plural = _("departments and operators")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["institution", "name"], name="department_unique_name"
            )
        ]

    def __str__(self) -> str:
        return self.name


class Role(models.TextChoices):
    CLERK = "clerk", pgettext_lazy("role", "Registry clerk")
    HEAD = "head", pgettext_lazy("role", "Department head")
    STAFF = "staff", pgettext_lazy("role", "Staff member")
    ADMIN = "admin", pgettext_lazy("role", "Administrator")
    VIEWER = "viewer", pgettext_lazy("role", "Viewer")


DEPARTMENT_ROLES = (Role.HEAD, Role.STAFF)


class Membership(models.Model):
    """A user's role in an institution, and for heads and staff, a department."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("user"),
    )
    institution = models.ForeignKey(
        Institution,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("institution"),
    )
    role = models.CharField(_("role"), max_length=16, choices=Role.choices)
    department = models.ForeignKey(
        Department,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("department"),
    )

    class Meta:
        verbose_name = _("role")
        verbose_name_plural = _("roles")
        constraints = [
            # Two partial constraints rather than NULLS NOT DISTINCT, which
            # SQLite lacks: one role per department, one institution-wide.
            models.UniqueConstraint(
                fields=["user", "role", "department"],
                condition=Q(department__isnull=False),
                name="membership_unique_in_department",
            ),
            models.UniqueConstraint(
                fields=["user", "institution", "role"],
                condition=Q(department__isnull=True),
                name="membership_unique_in_institution",
            ),
            models.CheckConstraint(
                condition=Q(role__in=DEPARTMENT_ROLES, department__isnull=False)
                | (~Q(role__in=DEPARTMENT_ROLES) & Q(department__isnull=True)),
                name="membership_department_matches_role",
                violation_error_message=_(
                    "Heads and staff belong to a department; other roles do not."
                ),
            ),
        ]

    def __str__(self) -> str:
        where = self.department or self.institution
        return f"{self.user} – {self.get_role_display()} ({where})"


class Category(models.Model):
    institution = models.ForeignKey(
        Institution,
        on_delete=models.CASCADE,
        related_name="categories",
        verbose_name=_("institution"),
    )
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_("Shown to citizens when they choose the category."),
    )
    guidance = models.TextField(
        _("guidance"),
        blank=True,
        help_text=_(
            "Shown once the category is chosen: what else to do, for example "
            "to call the operator's dispatch for a leak happening now."
        ),
    )
    # Versions for the visitors who chose another language: see
    # institutions.translations.
    name_en = models.CharField(_("name in English"), max_length=120, blank=True)
    name_hu = models.CharField(_("name in Hungarian"), max_length=120, blank=True)
    description_en = models.TextField(_("description in English"), blank=True)
    description_hu = models.TextField(_("description in Hungarian"), blank=True)
    guidance_en = models.TextField(_("guidance in English"), blank=True)
    guidance_hu = models.TextField(_("guidance in Hungarian"), blank=True)
    keywords = models.CharField(
        _("keywords"),
        max_length=250,
        blank=True,
        help_text=_(
            "Other words people use for these problems, separated by commas. "
            "Applications of the Open311 API search them."
        ),
    )
    colour = models.CharField(
        _("colour"), max_length=7, default="#1d4e89", validators=[colour_validator]
    )
    icon = models.CharField(
        _("icon"),
        max_length=4,
        blank=True,
        help_text=_("One symbol shown beside the name, for example 💡."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    duplicate_radius_m = models.PositiveIntegerField(
        _("duplicate radius (m)"),
        default=50,
        validators=[MaxValueValidator(2000)],
        help_text=_(
            "Open reports of this category within this distance are offered "
            "as possible duplicates."
        ),
    )

    class Meta:
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        ordering = ["position", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["institution", "name"], name="category_unique_name"
            )
        ]

    def __str__(self) -> str:
        # In the visitor's language: choice lists and filters show it so.
        return translated(self, "name")


class QuestionKind(models.TextChoices):
    TEXT = "text", pgettext_lazy("question kind", "Text")
    NUMBER = "number", pgettext_lazy("question kind", "Number")
    SINGLE = "single", pgettext_lazy("question kind", "One choice")
    MULTIPLE = "multiple", pgettext_lazy("question kind", "Several choices")


CHOICE_KINDS = (QuestionKind.SINGLE, QuestionKind.MULTIPLE)
CHOICE_KEY = re.compile(r"^[-a-zA-Z0-9_]+$")


@dataclass(frozen=True)
class Choice:
    key: str
    name: str


def parse_choices(text: str) -> list[Choice]:
    """The choices written one per line, as ``key: name`` or just ``name``.

    A line without a key gets its name made into one: the key is what a
    report keeps and what Open311 clients send, so it should outlive a
    rewording of the name.
    """
    choices = []
    for written in text.splitlines():
        line = written.strip()
        if not line:
            continue
        key, separator, name = line.partition(":")
        if not separator or not CHOICE_KEY.match(key.strip()):
            key, name = slugify(line), line
        choices.append(Choice(key=key.strip(), name=name.strip()))
    return choices


class CategoryQuestion(models.Model):
    """An extra question of a category's report form.

    Its code is the Open311 attribute's code: reports keep it with their
    answer, so it should not change once reports have answered it.
    """

    category = models.ForeignKey(
        Category,
        on_delete=models.CASCADE,
        related_name="questions",
        verbose_name=_("category"),
    )
    code = models.SlugField(
        _("code"),
        max_length=50,
        help_text=_(
            "A short name without spaces, for example size-cm: reports and "
            "applications of the Open311 API know the answer by it."
        ),
    )
    label = models.CharField(_("question"), max_length=200)
    label_en = models.CharField(_("question in English"), max_length=200, blank=True)
    label_hu = models.CharField(_("question in Hungarian"), max_length=200, blank=True)
    help_text = models.CharField(_("help text"), max_length=300, blank=True)
    help_text_en = models.CharField(
        _("help text in English"), max_length=300, blank=True
    )
    help_text_hu = models.CharField(
        _("help text in Hungarian"), max_length=300, blank=True
    )
    kind = models.CharField(
        _("kind of answer"),
        max_length=16,
        choices=QuestionKind.choices,
        default=QuestionKind.TEXT,
    )
    choices = models.TextField(
        _("choices"),
        blank=True,
        help_text=_(
            "For the choice kinds: one choice per line, as key: name, for "
            "example flickering: It flickers. The key stays with the reports; "
            "the name may be reworded later."
        ),
    )
    choices_en = models.TextField(
        _("choices in English"),
        blank=True,
        help_text=_("The same keys, with their names in this language: key: name."),
    )
    choices_hu = models.TextField(
        _("choices in Hungarian"),
        blank=True,
        help_text=_("The same keys, with their names in this language: key: name."),
    )
    required = models.BooleanField(_("required"), default=False)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("extra question")
        verbose_name_plural = _("extra questions")
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["category", "code"],
                name="category_question_unique_code",
                violation_error_message=_(
                    "Another question of this category has this code."
                ),
            )
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def is_choice(self) -> bool:
        return self.kind in CHOICE_KINDS

    def choice_list(self) -> list[Choice]:
        return parse_choices(self.choices) if self.is_choice else []

    def shown_choices(self) -> list[Choice]:
        """The choices with their names in the active language, where given.

        The keys are the original's: a report keeps the key, and its
        answer is written in the institution's words.
        """
        names = {choice.key: choice.name for choice in self._versions()}
        return [
            Choice(key=choice.key, name=names.get(choice.key) or choice.name)
            for choice in self.choice_list()
        ]

    def _versions(self) -> list[Choice]:
        written = translated(self, "choices")
        return parse_choices(written) if written != self.choices else []

    def clean(self) -> None:
        if not self.is_choice:
            if self.choices.strip():
                raise ValidationError(
                    {"choices": _("Only a choice question has choices.")}
                )
            return
        original_keys = {choice.key for choice in parse_choices(self.choices)}
        for code in translation_languages():
            field = f"choices_{code}"
            unknown = [
                choice.key
                for choice in parse_choices(getattr(self, field))
                if choice.key not in original_keys
            ]
            if unknown:
                raise ValidationError(
                    {
                        field: _(
                            "The choices have no key %(keys)s: write each "
                            "translated name after its original's key."
                        )
                        % {"keys": ", ".join(unknown)}
                    }
                )
        choices = parse_choices(self.choices)
        if len(choices) < 2:
            raise ValidationError(
                {"choices": _("A choice question needs at least two choices.")}
            )
        keys = [choice.key for choice in choices]
        if not all(keys) or not all(choice.name for choice in choices):
            raise ValidationError(
                {"choices": _("Every choice needs a key and a name.")}
            )
        repeated = sorted({key for key in keys if keys.count(key) > 1})
        if repeated:
            raise ValidationError(
                {
                    "choices": _("Two choices have the key %(keys)s.")
                    % {"keys": ", ".join(repeated)}
                }
            )


class RoutingRule(models.Model):
    """Which department or operator receives the reports of a category."""

    institution = models.ForeignKey(
        Institution,
        on_delete=models.CASCADE,
        related_name="routing_rules",
        verbose_name=_("institution"),
    )
    category = models.OneToOneField(
        Category,
        on_delete=models.CASCADE,
        related_name="routing_rule",
        verbose_name=_("category"),
    )
    department = models.ForeignKey(
        Department,
        on_delete=models.CASCADE,
        related_name="routing_rules",
        verbose_name=_("department or operator"),
    )

    class Meta:
        verbose_name = _("routing rule")
        verbose_name_plural = _("routing table")

    def __str__(self) -> str:
        return f"{self.category} → {self.department}"


class Street(models.Model):
    """A street of the territory: the geocoder of last resort."""

    institution = models.ForeignKey(
        Institution,
        on_delete=models.CASCADE,
        related_name="streets",
        verbose_name=_("institution"),
    )
    name = models.CharField(_("name"), max_length=200)
    folded_name = models.CharField(
        _("name without diacritics"), max_length=200, editable=False, db_index=True
    )
    location = models.PointField(_("location"), srid=4326)

    class Meta:
        verbose_name = _("street")
        verbose_name_plural = _("streets")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.folded_name = fold(self.name)
        super().save(*args, **kwargs)
