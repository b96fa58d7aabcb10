"""The periodic jobs of the platform, for one long-running scheduler process.

Every minute: queue the registry calls that are due or were left by a dead
worker, read the inbound mailboxes, and delete the photos of report forms
never sent (a day after their upload: their originals may hold GPS).
Every hour: delete the dashboards' exports asked for over a week ago.
Every day, from their hour in Europe/Bucharest: the department heads'
digests, the citizens' daily area alerts and the questions whether an
answer solved the problem (a second run the same day sends nothing again,
so a restarted scheduler repeats nothing).
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.utils import timezone

from backoffice.digests import queue_due_digests
from dashboards.jobs import discard_old_exports
from notifications import inbound
from notifications.alerts import send_daily_alerts
from notifications.satisfaction import ask_due
from registratura import outbox
from reports.drafts import discard_abandoned_photos
from reports.legal_clock import LEGAL_TIME_ZONE

logger = logging.getLogger(__name__)

TICK = timedelta(minutes=1)
DIGEST_TIME = time(7, 0)
ALERTS_TIME = time(7, 30)
# Mid-morning: a question read at work is answered, one read at 7 forgotten.
SATISFACTION_TIME = time(10, 0)


@dataclass
class Job:
    name: str
    run: Callable[[], object]
    daily_at: time | None = None
    every: timedelta = TICK

    def is_due(self, now: datetime, last_run: datetime | None) -> bool:
        if self.daily_at is None:
            # Minute jobs run at every tick, whatever its exact length.
            return (
                self.every <= TICK or last_run is None or now - last_run >= self.every
            )
        local = timezone.localtime(now, LEGAL_TIME_ZONE)
        if local.time() < self.daily_at:
            return False
        return (
            last_run is None
            or timezone.localtime(last_run, LEGAL_TIME_ZONE).date() < local.date()
        )


JOBS = [
    Job("resume registry calls", outbox.resume_stalled),
    Job("read inbound mailboxes", inbound.read_all),
    Job("drop photos of forms never sent", discard_abandoned_photos),
    Job("drop week-old exports", discard_old_exports, every=timedelta(hours=1)),
    Job("due-date digests", queue_due_digests, daily_at=DIGEST_TIME),
    Job("area alerts of the day", send_daily_alerts, daily_at=ALERTS_TIME),
    Job("is the problem solved?", ask_due, daily_at=SATISFACTION_TIME),
]


def run_due_jobs(last_runs: dict[str, datetime], now: datetime) -> list[str]:
    """Run the jobs due at ``now``; a failing job is logged, the others run."""
    ran = []
    for job in JOBS:
        if not job.is_due(now, last_runs.get(job.name)):
            continue
        try:
            job.run()
        except Exception:
            # The scheduler outlives a failed job; it runs again next tick.
            logger.exception("Periodic job %r failed", job.name)
        last_runs[job.name] = now
        ran.append(job.name)
    return ran
