"""E-mail each department head the department's reports overdue or due soon.

Meant to run once a day, from cron (see the README).
"""

from typing import Any

from django.core.management.base import BaseCommand

from backoffice.digests import queue_due_digests
from backoffice.queues import DUE_SOON_DAYS


class Command(BaseCommand):
    help = (
        "Queue the daily e-mail to each department head listing the department's "
        f"reports overdue or due within {DUE_SOON_DAYS} days."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        queued = queue_due_digests()
        self.stdout.write(f"{queued} digests queued.")
