from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand

from registratura.simulator import RegistrySimulator


class Command(BaseCommand):
    help = "Serve a simulated HTTP registry on 127.0.0.1, for the demo and tests."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--port", type=int, default=8765)
        parser.add_argument("--secret", required=True, help="The shared secret.")
        parser.add_argument(
            "--fail-first", type=int, default=0, help="Answer 503 to N requests."
        )
        parser.add_argument(
            "--stall",
            type=float,
            default=0.0,
            help="Hold the first new entry's answer for SECONDS.",
        )
        parser.add_argument(
            "--slow", type=float, default=0.0, help="Wait SECONDS before answering."
        )
        parser.add_argument(
            "--callback",
            default="",
            help="Answer 202 and send the number to this URL.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        registry = RegistrySimulator(
            secret=options["secret"],
            port=options["port"],
            fail_first=options["fail_first"],
            stall=options["stall"],
            slow=options["slow"],
            callback_url=options["callback"],
        )
        self.stdout.write(f"Registry simulator at {registry.url} (Ctrl-C stops it)")
        try:
            registry.serve_forever()
        except KeyboardInterrupt:
            self.stdout.write(f"Stopped after {registry.requests} requests.")
