"""Reports per second through the registry outbox, and how many exactly once.

    .venv/bin/python bench/registry_outbox.py [--reports N] [--workers W]

It creates a scratch database (PostgreSQL ``sesizari_bench_<pid>`` on the
server of DATABASE_URL, by default postgis://postgres@127.0.0.1:5432, or
SpatiaLite in a temporary directory with --spatialite), migrates it, gives
one institution an HTTP registry: the registry simulator, in a thread of
this process on a free port of 127.0.0.1. It submits N reports, which wait
as "submitted" with their registry calls, then starts W database workers
(``db_worker``, in processes of their own) and waits until every call is
done or failed. Afterwards it stops the workers and the simulator and drops
the database, whatever happened.

Registered exactly once, for a report: it is registered with a number no
other report has, it has one registry call and one "registered" event, the
simulator made exactly one entry for the call's idempotency key, and the
number is the one the simulator gave that entry.

Failures on demand: --fail-first K (the registry is down for K requests),
--failure-rate P (a request is refused with 503 before the registry records
anything), --lost-answer-rate P (the registry records the entry, then the
answer is lost: the retry must get the same number). The outbox waits at
least 5 s before a retry (outbox.RETRY_BASE, halved by jitter) and keeps
the line waiting meanwhile; --retry-base shortens it in the workers.
"""

import argparse
import contextlib
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any, LiteralString
from urllib.parse import urlsplit, urlunsplit

# Run as a script from anywhere: the project's packages are one level up.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from registratura.simulator import RegistrySimulator

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE_URL = "postgis://postgres@127.0.0.1:5432"
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}
SECRET = "bench-registry-secret"
# Cluj-Napoca's bounding box: the institution's territory and the reports'.
BOX = (23.45, 46.68, 23.72, 46.85)
AUTHORS = 100
POLL_SECONDS = 0.2
WORKER_STOP_SECONDS = 15


def say(line: str = "") -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def parse_arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n", 1)[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--reports", type=int, default=10_000, metavar="N")
    parser.add_argument(
        "--workers",
        type=int,
        default=1,
        metavar="W",
        help="database workers (default 1, as docker-compose.yml runs)",
    )
    parser.add_argument(
        "--create",
        choices=["submit", "bulk"],
        default="submit",
        help="submit_report for each report (default), or bulk inserts of the "
        "rows submit_report leaves",
    )
    parser.add_argument("--spatialite", action="store_true")
    parser.add_argument("--fail-first", type=int, default=0, metavar="K")
    parser.add_argument("--failure-rate", type=float, default=0.0, metavar="P")
    parser.add_argument("--lost-answer-rate", type=float, default=0.0, metavar="P")
    parser.add_argument(
        "--slow", type=float, default=0.0, metavar="S", help="registry answers in S s"
    )
    parser.add_argument(
        "--retry-base",
        type=float,
        default=None,
        metavar="S",
        help="the outbox's first retry delay in the workers (product: 10 s)",
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=900.0,
        metavar="S",
        help="give up when the calls are not finished after S s (default 900)",
    )
    parser.add_argument("--seed", type=int, default=1)
    # The workers are this script again, in this mode.
    parser.add_argument("--as-worker", type=int, default=None, help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.reports < 1 or arguments.workers < 1:
        parser.error("--reports and --workers must be at least 1")
    if not 0 <= arguments.failure_rate + arguments.lost_answer_rate <= 1:
        parser.error("the failure rates are shares, between 0 and 1")
    return arguments


# -- The scratch database ----------------------------------------------------


@dataclass
class ScratchDatabase:
    url: str
    name: str
    server_url: str = ""
    directory: Path | None = None

    @classmethod
    def for_run(cls, *, spatialite: bool) -> "ScratchDatabase":
        name = f"sesizari_bench_{os.getpid()}"
        if spatialite:
            directory = Path(tempfile.mkdtemp(prefix="sesizari-bench-"))
            path = directory / f"{name}.sqlite3"
            return cls(url=f"spatialite:///{path}", name=name, directory=directory)

        base = urlsplit(os.environ.get("DATABASE_URL") or DEFAULT_DATABASE_URL)
        if base.scheme not in ("postgis", "postgres", "postgresql"):
            raise SystemExit(
                "DATABASE_URL is not PostgreSQL: give a postgis:// URL or "
                "use --spatialite."
            )
        if base.hostname not in LOCAL_HOSTS:
            raise SystemExit("The benchmark only uses a database on 127.0.0.1.")
        return cls(
            url=urlunsplit(("postgis", base.netloc, f"/{name}", "", "")),
            name=name,
            server_url=urlunsplit(("postgresql", base.netloc, "/postgres", "", "")),
        )

    def create(self) -> None:
        if self.server_url:
            self._on_server("CREATE DATABASE {}")

    def drop(self) -> None:
        if self.server_url:
            # FORCE: a connection a killed worker left open does not stop it.
            self._on_server("DROP DATABASE IF EXISTS {} WITH (FORCE)")
        if self.directory is not None:
            shutil.rmtree(self.directory, ignore_errors=True)

    def _on_server(self, statement: LiteralString) -> None:
        import psycopg
        from psycopg import sql

        query = sql.SQL(statement).format(sql.Identifier(self.name))
        with psycopg.connect(self.server_url, autocommit=True) as connection:
            connection.execute(query)


def configure_django(database_url: str, media_root: str) -> None:
    """Settings for the run, set before Django reads them; the workers inherit them."""
    os.environ["DJANGO_SETTINGS_MODULE"] = "sesizari.settings"
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("SESIZARI_SECRET_KEY", "bench-only-secret-key")
    # DEBUG would keep every query in memory and reload the workers.
    os.environ["SESIZARI_DEBUG"] = "0"
    os.environ["SESIZARI_TASKS_BACKEND"] = "django_tasks_db.DatabaseBackend"
    # One account sends many reports here; the limits are not measured.
    os.environ["SESIZARI_REPORTS_PER_HOUR"] = "0"
    os.environ["SESIZARI_REPORTS_PER_DAY"] = "0"
    # The "registered" e-mails are rendered, queued and sent to nowhere.
    os.environ["SESIZARI_EMAIL_BACKEND"] = (
        "django.core.mail.backends.dummy.EmailBackend"
    )
    os.environ["SESIZARI_MEDIA_ROOT"] = media_root
    os.environ["SESIZARI_GEOCODER_URL"] = ""
    os.environ["SESIZARI_LOG_LEVEL"] = "WARNING"

    import django

    django.setup()


# -- The registry ----------------------------------------------------------


class FlakyRegistry(RegistrySimulator):
    """The simulator, failing at random: before recording, or losing the answer."""

    def __init__(
        self, *, failure_rate: float, lost_answer_rate: float, seed: int, **options: Any
    ):
        super().__init__(**options)
        self.failure_rate = failure_rate
        self.lost_answer_rate = lost_answer_rate
        self.refused = 0
        self.lost = 0
        self._random = random.Random(seed)
        self._dice = threading.Lock()

    def answer(self, headers: dict[str, str], body: bytes) -> tuple[int, dict]:
        if self._roll(self.failure_rate):
            with self._dice:
                self.refused += 1
            return 503, {"error": "the registry is down"}

        status, answer = super().answer(headers, body)

        if status == 201 and self._roll(self.lost_answer_rate):
            with self._dice:
                self.lost += 1
            return 503, {"error": "the answer was lost"}
        return status, answer

    def _roll(self, rate: float) -> bool:
        with self._dice:
            return rate > 0 and self._random.random() < rate


# -- The reports -----------------------------------------------------------


def make_institution(registry: RegistrySimulator) -> tuple[Any, Any, list[Any]]:
    """The institution with its HTTP registry, a category and the authors."""
    from allauth.account.models import EmailAddress
    from django.contrib.auth.hashers import make_password
    from django.contrib.gis.geos import MultiPolygon, Point, Polygon

    from accounts.models import User
    from institutions.models import Category, Institution
    from registratura.models import Adapter, RegistryConfig

    institution = Institution.objects.create(
        name="Primăria de încercare",
        slug="bench",
        boundary=MultiPolygon(Polygon.from_bbox(BOX), srid=4326),
        map_centre=Point(23.5899, 46.7712, srid=4326),
        tile_url="",
    )
    RegistryConfig.objects.create(
        institution=institution,
        adapter=Adapter.HTTP,
        endpoint_url=registry.url,
        shared_secret=SECRET,
        timeout_seconds=5,
        callback_enabled=False,
    )
    category = Category.objects.create(institution=institution, name="Drumuri")

    password = make_password(None)
    authors = User.objects.bulk_create(
        User(
            email=f"cetatean{n}@example.ro",
            full_name=f"Cetățean {n}",
            phone="+40722000000",
            password=password,
        )
        for n in range(AUTHORS)
    )
    EmailAddress.objects.bulk_create(
        EmailAddress(user=user, email=user.email, verified=True, primary=True)
        for user in authors
    )
    return institution, category, authors


def report_text(n: int) -> str:
    return f"Groapă adâncă în carosabil, lângă stâlpul {n}; mașinile o ocolesc."


def report_place(rng: random.Random) -> Any:
    from django.contrib.gis.geos import Point

    west, south, east, north = BOX
    return Point(rng.uniform(west, east), rng.uniform(south, north), srid=4326)


def submit_reports(
    count: int, institution: Any, category: Any, authors: list[Any], seed: int
) -> None:
    from reports import workflow

    rng = random.Random(seed)
    for n in range(count):
        workflow.submit_report(
            author=authors[n % len(authors)],
            institution=institution,
            category=category,
            location=report_place(rng),
            description=report_text(n),
        )


def bulk_reports(
    count: int, institution: Any, category: Any, authors: list[Any], seed: int
) -> None:
    """The rows submit_report leaves for an HTTP registry, inserted in bulk.

    A report waiting as submitted, its "submitted" event, its registry call
    and one outbox task per report, as queue_registration enqueues.
    """
    from django.db import transaction
    from django.utils import timezone

    from moderation.findings import public_text
    from moderation.text import normalize_text
    from registratura.models import Adapter, Direction, RegistryCall
    from registratura.tasks import process_registry_calls
    from reports.models import Event, EventKind, Report, Status, Visibility

    rng = random.Random(seed)
    start = timezone.now()
    with transaction.atomic():
        reports = Report.objects.bulk_create(
            (
                Report(
                    institution=institution,
                    author=authors[n % len(authors)],
                    category=category,
                    location=report_place(rng),
                    description=normalize_text(report_text(n)),
                    public_description=public_text(normalize_text(report_text(n))),
                    # Distinct moments keep the order of receipt unambiguous.
                    created_at=start + timedelta(microseconds=n),
                )
                for n in range(count)
            ),
            batch_size=1000,
        )
        Event.objects.bulk_create(
            (
                Event(
                    report=report,
                    kind=EventKind.SUBMITTED,
                    actor=report.author,
                    to_status=Status.SUBMITTED,
                    visibility=Visibility.CITIZEN,
                    created_at=report.created_at,
                )
                for report in reports
            ),
            batch_size=1000,
        )
        RegistryCall.objects.bulk_create(
            (
                RegistryCall(
                    report=report,
                    institution=institution,
                    adapter=Adapter.HTTP,
                    direction=Direction.INCOMING,
                    created_at=report.created_at,
                    next_attempt_at=report.created_at,
                )
                for report in reports
            ),
            batch_size=1000,
        )
        for _report in reports:
            process_registry_calls.enqueue(institution.pk)


# -- The workers -----------------------------------------------------------


def run_as_worker(index: int, retry_base: float | None) -> int:
    """One database worker: the outbox's tasks and the e-mails, until stopped."""
    import django

    django.setup()
    from django.core.management import call_command

    from registratura import outbox

    if retry_base is not None:
        outbox.RETRY_BASE = timedelta(seconds=retry_base)
    _exit_with_parent()
    call_command(
        "db_worker",
        "--no-startup-delay",
        "--no-reload",
        "--interval",
        "0.05",
        "--worker-id",
        f"bench-{os.getppid()}-{index}",
        verbosity=0,
    )
    return 0


def _exit_with_parent() -> None:
    """A worker whose benchmark died stops too, instead of polling forever."""
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


@dataclass
class Workers:
    count: int
    retry_base: float | None
    log: Path
    processes: list[subprocess.Popen[bytes]] = field(default_factory=list)

    def start(self) -> None:
        with self.log.open("ab") as log:
            for index in range(self.count):
                command = [sys.executable, __file__, "--as-worker", str(index)]
                if self.retry_base is not None:
                    command += ["--retry-base", str(self.retry_base)]
                self.processes.append(
                    subprocess.Popen(
                        command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT
                    )
                )

    def all_died(self) -> bool:
        return all(process.poll() is not None for process in self.processes)

    def stop(self) -> None:
        """SIGTERM lets a worker finish its task; one that lingers is killed."""
        for process in self.processes:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + WORKER_STOP_SECONDS
        for process in self.processes:
            try:
                process.wait(timeout=max(deadline - time.monotonic(), 0.1))
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()

    def log_problems(self) -> list[str]:
        text = self.log.read_text(encoding="utf-8", errors="replace")
        return [line for line in text.splitlines() if " ERROR " in line]

    def log_tail(self, lines: int = 20) -> str:
        text = self.log.read_text(encoding="utf-8", errors="replace")
        return "\n".join(text.splitlines()[-lines:])


def unfinished_calls() -> int:
    from registratura.models import RegistryCall

    return RegistryCall.objects.exclude(
        state__in=(RegistryCall.State.DONE, RegistryCall.State.FAILED)
    ).count()


def failed_tasks() -> int:
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(status="FAILED").count()


def wait_for_calls(workers: Workers, deadline: float) -> bool:
    """True when every call is done or failed before the deadline."""
    while time.monotonic() < deadline:
        if unfinished_calls() == 0:
            return True
        if workers.all_died():
            say("Every worker stopped before the calls were finished:")
            say(workers.log_tail())
            return False
        time.sleep(POLL_SECONDS)
    return unfinished_calls() == 0


# -- The figures -----------------------------------------------------------


@dataclass
class Outcome:
    reports: int
    registered: int
    exactly_once: int
    numbers_given_twice: int
    unknown_entries: int
    in_order: bool
    attempts: int
    retries: int
    failed_calls: int
    unfinished: int
    first_to_last: float


def outcome(registry: FlakyRegistry) -> Outcome:
    """What the database and the simulator say, report by report."""
    from django.db.models import Max, Min

    from registratura.models import Direction, RegistryCall
    from reports.models import Event, EventKind, Report, Status

    calls = list(
        RegistryCall.objects.filter(direction=Direction.INCOMING)
        .order_by("created_at", "pk")
        .values("report_id", "idempotency_key", "state", "attempts")
    )
    numbers = dict(Report.objects.values_list("pk", "registry_number"))
    registered = set(
        Report.objects.exclude(status=Status.SUBMITTED).values_list("pk", flat=True)
    )
    registered_events = Counter(
        Event.objects.filter(kind=EventKind.REGISTERED).values_list(
            "report_id", flat=True
        )
    )
    given = Counter(number for number in numbers.values() if number)
    calls_of = Counter(call["report_id"] for call in calls)
    keys = [str(call["idempotency_key"]) for call in calls]

    exactly_once = 0
    for call, key in zip(calls, keys, strict=True):
        report_id = call["report_id"]
        number = numbers[report_id]
        exactly_once += (
            report_id in registered
            and bool(number)
            and given[number] == 1
            and calls_of[report_id] == 1
            and registered_events[report_id] == 1
            and registry.entries[key] == 1
            and registry.numbers.get(key) == number
        )

    states = Counter(call["state"] for call in calls)
    attempts = [call["attempts"] for call in calls if call["attempts"]]
    done = RegistryCall.objects.filter(state=RegistryCall.State.DONE).aggregate(
        first=Min("finished_at"), last=Max("finished_at")
    )
    span = (done["last"] - done["first"]).total_seconds() if done["first"] else 0.0
    return Outcome(
        reports=len(numbers),
        registered=len(registered),
        exactly_once=exactly_once,
        numbers_given_twice=sum(1 for times in given.values() if times > 1),
        unknown_entries=len(set(registry.entries) - set(keys)),
        # The simulator keeps its entries in the order it made them.
        in_order=list(registry.numbers) == [k for k in keys if k in registry.numbers],
        attempts=sum(attempts),
        retries=sum(attempts) - len(attempts),
        failed_calls=states[RegistryCall.State.FAILED],
        unfinished=len(calls)
        - states[RegistryCall.State.DONE]
        - states[RegistryCall.State.FAILED],
        first_to_last=span,
    )


def print_figures(
    arguments: argparse.Namespace,
    registry: FlakyRegistry,
    result: Outcome,
    created_in: float,
    elapsed: float,
) -> None:
    share = result.exactly_once / result.reports if result.reports else 0.0
    steady = (
        (result.registered - 1) / result.first_to_last if result.first_to_last else 0
    )
    failing = arguments.fail_first - registry.fail_first
    say()
    say(f"reports                  {result.reports}")
    say(f"workers                  {arguments.workers}")
    say(
        f"created in               {created_in:.1f} s "
        f"({arguments.create}, {result.reports / created_in:.0f} reports/s)"
    )
    say(f"elapsed                  {elapsed:.1f} s (from starting the workers)")
    say(f"registered               {result.registered}")
    say(f"registered per second    {result.registered / elapsed:.1f}")
    say(f"  first to last number   {result.first_to_last:.1f} s, {steady:.1f}/s")
    say(
        f"registered exactly once  {result.exactly_once}/{result.reports} ({share:.2%})"
    )
    say(f"  numbers given twice    {result.numbers_given_twice}")
    say(f"  entries of unknown keys {result.unknown_entries}")
    say(f"  in the order received  {'yes' if result.in_order else 'NO'}")
    say(f"registry requests        {registry.requests + registry.refused}")
    say(
        f"  answered 503           {failing + registry.refused + registry.lost} "
        f"(down first {failing}, at random {registry.refused}, "
        f"answer lost {registry.lost})"
    )
    say(f"retries                  {result.retries} (attempts {result.attempts})")
    say(f"failed calls             {result.failed_calls}")
    say(f"unfinished calls         {result.unfinished}")


# -- The run ---------------------------------------------------------------


def run(arguments: argparse.Namespace, scratch: ScratchDatabase, media: str) -> int:
    from django.core.management import call_command
    from django.db import connections

    started = time.monotonic()
    scratch.create()
    configure_django(scratch.url, media)
    call_command("migrate", verbosity=0, interactive=False)
    say(f"database {scratch.name} ready in {time.monotonic() - started:.1f} s")

    registry = FlakyRegistry(
        secret=SECRET,
        fail_first=arguments.fail_first,
        slow=arguments.slow,
        failure_rate=arguments.failure_rate,
        lost_answer_rate=arguments.lost_answer_rate,
        seed=arguments.seed,
    )
    registry.start()
    workers = Workers(arguments.workers, arguments.retry_base, Path(media) / "w.log")
    try:
        institution, category, authors = make_institution(registry)
        create = submit_reports if arguments.create == "submit" else bulk_reports
        started = time.monotonic()
        create(arguments.reports, institution, category, authors, arguments.seed)
        created_in = time.monotonic() - started
        say(f"{arguments.reports} reports created in {created_in:.1f} s")

        started = time.monotonic()
        workers.start()
        finished = wait_for_calls(workers, started + arguments.timeout)
        elapsed = time.monotonic() - started
        workers.stop()
        if not finished:
            # A stopped worker finishes its task first: count that time too.
            elapsed = time.monotonic() - started
            say(f"Not finished after {arguments.timeout:.0f} s: the figures so far.")
        print_figures(arguments, registry, outcome(registry), created_in, elapsed)
        say(f"tasks failed             {failed_tasks()}")
        problems = workers.log_problems()
        say(f"errors in workers' log   {len(problems)}")
        for line in problems[:10]:
            say(f"  {line}")
    finally:
        workers.stop()
        registry.stop()
        connections.close_all()
    return 0 if finished else 1


def main() -> int:
    arguments = parse_arguments()
    if arguments.as_worker is not None:
        return run_as_worker(arguments.as_worker, arguments.retry_base)

    # A benchmark stopped with SIGTERM still cleans up (finally blocks run).
    signal.signal(signal.SIGTERM, lambda *_signal: sys.exit(1))
    scratch = ScratchDatabase.for_run(spatialite=arguments.spatialite)
    media = tempfile.mkdtemp(prefix="sesizari-bench-media-")
    try:
        return run(arguments, scratch, media)
    except KeyboardInterrupt:
        say("Interrupted: cleaning up.")
        return 130
    finally:
        with contextlib.suppress(Exception):
            from django.db import connections

            connections.close_all()
        scratch.drop()
        shutil.rmtree(media, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
