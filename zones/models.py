from django.contrib.gis.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from institutions.models import Institution


class ZoneKind(models.TextChoices):
    NEIGHBOURHOOD = "neighbourhood", pgettext_lazy("zone kind", "Neighbourhood")
    DISTRICT = "district", pgettext_lazy("zone kind", "District")
    LOCALITY = "locality", pgettext_lazy("zone kind", "Locality")
    OTHER = "other", pgettext_lazy("zone kind", "Other")


class Zone(models.Model):
    """A part of an institution's territory: a neighbourhood, a district.

    Each report belongs to the zone its place falls in, or to none: the
    reports outside every zone are shown as a group of their own.
    """

    institution = models.ForeignKey(
        Institution,
        on_delete=models.CASCADE,
        related_name="zones",
        verbose_name=_("institution"),
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(
        _("kind"),
        max_length=16,
        choices=ZoneKind.choices,
        default=ZoneKind.NEIGHBOURHOOD,
    )
    area = models.MultiPolygonField(_("area"), srid=4326, spatial_index=True)
    source = models.CharField(
        _("source"),
        max_length=200,
        blank=True,
        help_text=_("The file the zone was imported from."),
    )
    imported_at = models.DateTimeField(_("imported at"), default=timezone.now)

    class Meta:
        verbose_name = _("zone")
        verbose_name_plural = _("zones")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["institution", "name"], name="zone_unique_name"
            )
        ]

    def __str__(self) -> str:
        return self.name
