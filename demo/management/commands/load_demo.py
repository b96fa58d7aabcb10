from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from demo.data import DEMO_PASSWORD
from demo.loading import REPORT_COUNT, demo_accounts, load_demo


class Command(BaseCommand):
    help = (
        "Load the demo: Cluj-Napoca's city hall, its services, people for "
        "every role and about 200 reports. Does nothing if it is loaded."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--reports",
            type=int,
            default=REPORT_COUNT,
            help="How many reports to make (default %(default)s).",
        )

    def handle(self, *args: Any, reports: int, **options: Any) -> None:
        institution = load_demo(report_count=reports)

        if institution is None:
            self.stdout.write(_("The demo is loaded already: nothing changed."))
        else:
            self.stdout.write(
                self.style.SUCCESS(
                    _("Loaded the demo: %(name)s, with %(count)s reports.")
                    % {"name": institution.name, "count": institution.reports.count()}
                )
            )
        self.stdout.write(
            "\n"
            + _("Demo accounts, all with the password %(password)s:")
            % {"password": DEMO_PASSWORD}
        )
        for role, email, name in demo_accounts():
            self.stdout.write(f"  {email:<34} {name:<22} {role}")
