from typing import Any

from django.core.management.base import BaseCommand

from registratura import outbox


class Command(BaseCommand):
    help = (
        "Queue the registry calls that are due or were left by a worker that "
        "died. Run it every few minutes (cron, systemd timer)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        count = outbox.resume_stalled()
        self.stdout.write(f"Queued the registry calls of {count} institution(s).")
