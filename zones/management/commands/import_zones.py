"""Import an institution's zones from a GeoJSON file, as the admin does."""

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from institutions.models import Institution
from zones.geojson import ZoneFileError
from zones.models import ZoneKind
from zones.operations import import_zones


class Command(BaseCommand):
    help = (
        "Import zones from a GeoJSON FeatureCollection, one polygon a zone, "
        "and re-assign the institution's reports to them."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--institution", metavar="SLUG", required=True)
        parser.add_argument(
            "--name-property",
            default="name",
            help="The feature property holding the zone's name (default: name).",
        )
        parser.add_argument(
            "--kind",
            default=ZoneKind.NEIGHBOURHOOD,
            choices=[kind.value for kind in ZoneKind],
        )
        parser.add_argument(
            "--add",
            action="store_true",
            help="Keep the current zones; by default the file replaces them.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        institution = Institution.objects.filter(slug=options["institution"]).first()
        if institution is None:
            raise CommandError(f"No institution {options['institution']!r}.")
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error}") from error

        try:
            result = import_zones(
                institution=institution,
                data=data,
                name_property=options["name_property"],
                kind=options["kind"],
                replace=not options["add"],
                source=path.name[:200],
            )
        except ZoneFileError as error:
            raise CommandError("\n".join(error.problems)) from error

        self.stdout.write(
            f"{result.created} zones created, {result.updated} updated, "
            f"{result.deleted} deleted; {result.moved} reports changed zone."
        )
