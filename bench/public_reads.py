"""Public reads at a million reports: the map, the list and Open311.

    .venv/bin/python bench/public_reads.py [--reports 1000000]
        [--database sesizari_bench_1m] [--reuse] [--workers 4]
        [--requests 200] [--concurrency 1,8,32] [--cache 10]

It loads the Cluj data set into its own PostGIS database (bench/
load_reports.py; with --reuse an already loaded one is kept, which saves
the minutes of loading), collects the static files, starts gunicorn on a
free port of 127.0.0.1 with production settings (DEBUG off, persistent
database connections) and asks each URL --requests times at each
concurrency, from threads of this process. It prints requests per second
and the 50th, 95th and 99th percentiles of latency per URL. A URL that
answers 404 (Open311 before its app is installed) is skipped and said so.
--cache S keeps zoomed-out clusters and Open311 lists S seconds (the product's
default, 10; 0 computes every answer).
The database is kept: drop it with dropdb when done.
"""

import argparse
import http.client
import os
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.load_reports import DEFAULT_DATABASE, database_url, load  # noqa: E402

HOST = "127.0.0.1"
START_SECONDS = 60
WARM_UP = 5


@dataclass(frozen=True)
class Target:
    name: str
    path: str


def say(text: str = "") -> None:
    sys.stdout.write(f"{text}\n")
    sys.stdout.flush()


def targets(report_id: int) -> list[Target]:
    return [
        Target(
            "map: whole city (zoom 12)",
            "/harta.json?bbox=23.45,46.68,23.72,46.85&zoom=12",
        ),
        Target(
            "map: a neighbourhood (zoom 15)",
            "/harta.json?bbox=23.615,46.762,23.645,46.776&zoom=15",
        ),
        Target(
            "map: a street (zoom 18)",
            "/harta.json?bbox=23.6300,46.7680,23.6340,46.7700&zoom=18",
        ),
        Target(
            "map: a category, whole city",
            "/harta.json?bbox=23.45,46.68,23.72,46.85&zoom=12&category=2",
        ),
        Target("list: first page", "/sesizari/"),
        Target("list: search a street", "/sesizari/?q=Observatorului"),
        Target("open311: requests.json", "/open311/v2/requests.json"),
        Target(
            "open311: requests.json page_size=1000",
            "/open311/v2/requests.json?page_size=1000",
        ),
        Target("open311: one request", f"/open311/v2/requests/{report_id}.json"),
    ]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def server_environment(name: str, cache: int) -> dict[str, str]:
    return {
        **os.environ,
        "SESIZARI_MAP_CACHE_SECONDS": str(cache),
        "SESIZARI_OPEN311_CACHE_SECONDS": str(cache),
        "DATABASE_URL": database_url(name) + "?conn_max_age=600",
        "SESIZARI_DEBUG": "0",
        "SESIZARI_SECRET_KEY": "bench-secret-key-not-for-production",
        "SESIZARI_ALLOWED_HOSTS": HOST,
        "DJANGO_SETTINGS_MODULE": "sesizari.settings",
    }


def start_server(
    name: str, port: int, workers: int, cache: int
) -> subprocess.Popen[bytes]:
    environment = server_environment(name, cache)
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=environment,
        check=True,
    )
    server = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "sesizari.wsgi:application",
            f"--bind={HOST}:{port}",
            f"--workers={workers}",
            "--worker-class=gthread",
            "--threads=2",
            "--log-level=warning",
        ],
        cwd=ROOT,
        env=environment,
        start_new_session=True,
    )
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        try:
            status, _body = get(
                http.client.HTTPConnection(HOST, port), "/harta.json?report=1"
            )
            if status < 500:
                return server
        except OSError:
            time.sleep(0.3)
    stop_server(server)
    raise SystemExit("gunicorn did not answer in time")


def stop_server(server: subprocess.Popen[bytes]) -> None:
    os.killpg(server.pid, signal.SIGTERM)
    try:
        server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)


def get(connection: http.client.HTTPConnection, path: str) -> tuple[int, bytes]:
    connection.request("GET", path, headers={"Host": HOST})
    response = connection.getresponse()
    return response.status, response.read()


def measure(
    port: int, path: str, concurrency: int, requests: int
) -> tuple[float, list[float], int]:
    """Requests per second, latencies in ms and the count of errors."""
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    remaining = [requests]

    def client() -> None:
        nonlocal errors
        connection = http.client.HTTPConnection(HOST, port, timeout=60)
        while True:
            with lock:
                if remaining[0] == 0:
                    break
                remaining[0] -= 1
            started = time.perf_counter()
            try:
                status, _body = get(connection, path)
            except (OSError, http.client.HTTPException):
                connection.close()
                connection = http.client.HTTPConnection(HOST, port, timeout=60)
                status = 0
            elapsed = (time.perf_counter() - started) * 1000
            with lock:
                latencies.append(elapsed)
                if status != 200:
                    errors += 1
        connection.close()

    threads = [threading.Thread(target=client) for _ in range(concurrency)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return requests / (time.perf_counter() - started), latencies, errors


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def latest_public_report(name: str) -> int:
    import psycopg

    with psycopg.connect(f"host={HOST} user=postgres dbname={name}") as connection:
        row = connection.execute(
            "SELECT max(id) FROM reports_report WHERE status = 'resolved'"
        ).fetchone()
    return int(row[0]) if row and row[0] else 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--reports", type=int, default=1_000_000)
    parser.add_argument("--database", default=DEFAULT_DATABASE)
    parser.add_argument("--reuse", action="store_true")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--concurrency", default="1,8,32")
    parser.add_argument("--only", default="", help="run the targets containing this")
    parser.add_argument(
        "--cache",
        type=int,
        default=10,
        help="seconds public answers are kept (SESIZARI_MAP_CACHE_SECONDS, "
        "SESIZARI_OPEN311_CACHE_SECONDS)",
    )
    arguments = parser.parse_args()
    levels = [int(value) for value in arguments.concurrency.split(",")]

    load(arguments.database, arguments.reports, reuse=arguments.reuse)
    port = free_port()
    server = start_server(arguments.database, port, arguments.workers, arguments.cache)
    try:
        run(arguments, port, levels)
    finally:
        stop_server(server)


def run(arguments: argparse.Namespace, port: int, levels: list[int]) -> None:
    say(
        f"\n{arguments.workers} gunicorn workers (gthread, 2 threads), "
        f"{arguments.requests} requests per URL and concurrency, "
        f"cache {arguments.cache} s\n"
    )
    say("| URL | c | req/s | p50 ms | p95 ms | p99 ms | errors |")
    say("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for target in targets(latest_public_report(arguments.database)):
        if arguments.only and arguments.only not in target.name:
            continue
        connection = http.client.HTTPConnection(HOST, port, timeout=60)
        status, _body = get(connection, target.path)
        connection.close()
        if status == 404:
            say(f"| {target.name} | skipped: {target.path} answers 404 |||||")
            continue
        for _ in range(WARM_UP):
            measure(port, target.path, 1, 1)
        for concurrency in levels:
            rate, latencies, errors = measure(
                port, target.path, concurrency, arguments.requests
            )
            say(
                f"| {target.name} | {concurrency} | {rate:.0f} | "
                f"{statistics.median(latencies):.1f} | "
                f"{percentile(latencies, 0.95):.1f} | "
                f"{percentile(latencies, 0.99):.1f} | {errors} |",
            )


if __name__ == "__main__":
    main()
