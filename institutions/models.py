import re
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.gis.db import models
from django.contrib.gis.geos import Point
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from institutions.colours import contrast_ratio
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
    logo = models.ImageField(_("logo"), upload_to="branding/", blank=True)
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
        return self.name


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
