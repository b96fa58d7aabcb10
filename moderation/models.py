from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from institutions.models import Institution


class Language(models.TextChoices):
    ROMANIAN = "ro", pgettext_lazy("language", "Romanian")
    HUNGARIAN = "hu", pgettext_lazy("language", "Hungarian")


class OffensiveWord(models.Model):
    """A word or phrase the clerk is shown as a flag in a report's text.

    Without an institution it is flagged for every institution.
    """

    institution = models.ForeignKey(
        Institution,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="offensive_words",
        verbose_name=_("institution"),
        help_text=_("Leave empty to flag the word for every institution."),
    )
    word = models.CharField(
        _("word or phrase"),
        max_length=100,
        help_text=_("Matched as whole words, whatever the case and the diacritics."),
    )
    language = models.CharField(_("language"), max_length=2, choices=Language.choices)

    class Meta:
        verbose_name = _("offensive word")
        verbose_name_plural = _("offensive words")
        ordering = ["language", "word"]
        constraints = [
            models.UniqueConstraint(
                fields=["word", "language"],
                condition=Q(institution__isnull=True),
                name="offensive_word_unique_everywhere",
            ),
            models.UniqueConstraint(
                fields=["institution", "word", "language"],
                condition=Q(institution__isnull=False),
                name="offensive_word_unique_per_institution",
            ),
        ]

    def __str__(self) -> str:
        return self.word
