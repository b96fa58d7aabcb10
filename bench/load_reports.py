"""Create a PostGIS database and load the Cluj data set into it.

    .venv/bin/python bench/load_reports.py [--reports 1000000]
        [--database sesizari_bench_1m] [--reuse]

The database is created on the server of DATABASE_URL (by default
postgis://postgres@127.0.0.1:5432), migrated and filled by
bench.dataset.load_dataset. With --reuse, a database that already holds
reports is left as it is; without it, an existing database of that name is
refused rather than dropped (drop it yourself: dropdb NAME).
"""

import argparse
import os
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_SERVER = "postgis://postgres@127.0.0.1:5432"
DEFAULT_DATABASE = "sesizari_bench_1m"
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}


def say(text: str = "") -> None:
    sys.stdout.write(f"{text}\n")
    sys.stdout.flush()


def database_url(name: str) -> str:
    server = urlsplit(os.environ.get("DATABASE_URL", DEFAULT_SERVER))
    if server.hostname not in LOCAL_HOSTS:
        raise SystemExit(
            f"The benchmark runs on this machine only, not {server.hostname}"
        )
    return urlunsplit(server._replace(path=f"/{name}"))


def ensure_database(name: str) -> bool:
    """Create the database with PostGIS; False when it already existed."""
    import psycopg

    server = urlsplit(database_url("postgres"))
    admin = f"host={server.hostname} port={server.port or 5432} user={server.username}"
    with psycopg.connect(f"{admin} dbname=postgres", autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if exists:
            return False
        connection.execute(f'CREATE DATABASE "{name}"')
    with psycopg.connect(f"{admin} dbname={name}", autocommit=True) as connection:
        connection.execute("CREATE EXTENSION IF NOT EXISTS postgis")
    return True


def setup_django(name: str) -> None:
    os.environ["DATABASE_URL"] = database_url(name)
    os.environ.setdefault("SESIZARI_SECRET_KEY", "bench-secret-key")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sesizari.settings")
    import django

    django.setup()


def report_count() -> int:
    from reports.models import Report

    return Report.objects.count()


def load(name: str, reports: int, *, reuse: bool) -> None:
    created = ensure_database(name)
    setup_django(name)
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    if not created:
        existing = report_count()
        if reuse and existing:
            say(f"{name}: reusing {existing:,} reports")
            return
        if existing:
            raise SystemExit(
                f"{name} already holds {existing:,} reports: pass --reuse, "
                f"or drop it (dropdb {name})"
            )

    from django.db import connection

    from bench.dataset import load_dataset

    started = time.monotonic()

    def progress(done: int) -> None:
        elapsed = time.monotonic() - started
        say(f"  {done:,} reports in {elapsed:.0f} s")

    load_dataset(reports, progress=progress)
    loaded = time.monotonic() - started
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    say(
        f"{name}: {reports:,} reports loaded in {loaded:.0f} s, "
        f"analysed in {time.monotonic() - started - loaded:.0f} s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--reports", type=int, default=1_000_000)
    parser.add_argument("--database", default=DEFAULT_DATABASE)
    parser.add_argument("--reuse", action="store_true")
    arguments = parser.parse_args()
    load(arguments.database, arguments.reports, reuse=arguments.reuse)


if __name__ == "__main__":
    main()
