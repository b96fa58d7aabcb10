import time
from datetime import datetime
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from backoffice import schedule


class Command(BaseCommand):
    help = (
        "Run the periodic jobs (backoffice.schedule): every minute, the registry "
        "calls due, the inbound mailboxes and the photos of forms never sent; "
        "every hour, old exports; every morning, the digests, the area alerts "
        "and the satisfaction questions. Runs until stopped, next to the worker "
        "(db_worker); --once runs the jobs due now and stops, for cron; --job "
        "runs one job now, whatever the hour."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--once", action="store_true", help="Run the jobs due now, then stop."
        )
        parser.add_argument(
            "--job",
            action="append",
            choices=[job.name for job in schedule.JOBS],
            help="Run this job now, then stop; may be given several times.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["job"]:
            for job in schedule.JOBS:
                if job.name in options["job"]:
                    job.run()
            self.stdout.write(f"Ran: {', '.join(options['job'])}.")
            return
        last_runs: dict[str, datetime] = {}
        while True:
            ran = schedule.run_due_jobs(last_runs, timezone.now())
            if options["once"]:
                self.stdout.write(f"Ran: {', '.join(ran) or 'nothing'}.")
                return
            time.sleep(schedule.TICK.total_seconds())
