from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from dashboards import facts


class Command(BaseCommand):
    help = (
        "Bring the dashboards' copy of the reports up to date. The dashboards "
        "do it themselves for every change that left an event; --all writes "
        "every report again, after changes made without one (a zone import "
        "that re-assigned reports, a bulk update)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--all", action="store_true", help="Write the facts of every report."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        written = facts.rebuild() if options["all"] else facts.refresh()
        self.stdout.write(f"Facts written: {written}.")
