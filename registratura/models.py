from django.db import models
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
