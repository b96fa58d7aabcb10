import time
from datetime import datetime
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from backoffice import schedule


class Command(BaseCommand):
    help = (
        "Run the periodic jobs: every minute, the registry calls due and the "
        "inbound mailboxes; every morning, the heads' due-date digests. Runs "
        "until stopped, next to the worker (db_worker); --once runs the jobs "
        "due now and stops, for cron."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--once", action="store_true", help="Run the jobs due now, then stop."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        last_runs: dict[str, datetime] = {}
        while True:
            ran = schedule.run_due_jobs(last_runs, timezone.now())
            if options["once"]:
                self.stdout.write(f"Ran: {', '.join(ran) or 'nothing'}.")
                return
            time.sleep(schedule.TICK.total_seconds())
