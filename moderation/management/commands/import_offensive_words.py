"""Load a list of offensive words, one a line, for every or one institution."""

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from institutions.models import Institution
from moderation.language import parse_word_list
from moderation.models import Language, OffensiveWord


class Command(BaseCommand):
    help = "Import offensive words from a text file, one word or phrase a line."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--language", required=True, choices=[code for code, _ in Language.choices]
        )
        parser.add_argument(
            "--institution",
            metavar="SLUG",
            help="Only for this institution; without it, for every institution.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error}") from error
        institution = None
        if options["institution"]:
            institution = Institution.objects.filter(
                slug=options["institution"]
            ).first()
            if institution is None:
                raise CommandError(f"No institution {options['institution']!r}.")

        added = 0
        for word in parse_word_list(lines):
            _, created = OffensiveWord.objects.get_or_create(
                institution=institution, word=word, language=options["language"]
            )
            added += created

        self.stdout.write(f"{added} words added, {path.name}.")
