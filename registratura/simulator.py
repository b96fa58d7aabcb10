"""A registry system to talk to: the demo's and the tests'.

It speaks the HTTP registry protocol of registratura.registers: checks the
signature, gives numbers per year (incoming reports and outgoing answers
apart), remembers idempotency keys (the same key gets 409 and the number
given the first time) and, told so, fails, stalls, answers slowly, or
answers 202 and calls back with the number.
It keeps no personal data: only report ids and numbers.
"""

import base64
import binascii
import hashlib
import json
import logging
import threading
import time
import urllib.request
from collections import Counter
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from registratura import signing

logger = logging.getLogger(__name__)


class RegistrySimulator:
    """A threaded HTTP registry on 127.0.0.1.

    ``fail_first``: the first N requests get 503. ``stall``: the first new
    entry is recorded, then its answer held for that many seconds (a caller
    that gives up sooner loses the answer, not the entry). ``slow``: every
    answer waits that many seconds. ``callback_url``: answer 202 and send
    the number there, signed, ``callback_delay`` seconds later.
    """

    def __init__(
        self,
        *,
        secret: str,
        port: int = 0,
        fail_first: int = 0,
        stall: float = 0.0,
        slow: float = 0.0,
        callback_url: str = "",
        callback_delay: float = 0.1,
    ):
        self.secret = secret
        self.fail_first = fail_first
        self.stall = stall
        self.slow = slow
        self.callback_url = callback_url
        self.callback_delay = callback_delay

        self.numbers: dict[str, str] = {}
        self.report_ids: dict[str, object] = {}
        # Of an answer's entry: the SHA-256 of the document it came with.
        self.documents: dict[str, str] = {}
        # Entries made per idempotency key: exactly one each, if all is well.
        self.entries: Counter[str] = Counter()
        self.requests = 0
        self.callbacks_sent: list[int] = []
        self._last_number: dict[tuple[str, int], int] = {}
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", port), _handler_for(self))
        self._server.daemon_threads = True
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        return self._server.server_address[1]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/registry"

    def start(self) -> "RegistrySimulator":
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        return self

    def serve_forever(self) -> None:
        self._server.serve_forever()

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def answer(self, headers: dict[str, str], body: bytes) -> tuple[int, dict]:
        """The status and JSON answer to one request; sleeps if told to."""
        with self._lock:
            self.requests += 1
            failing = self.fail_first > 0
            self.fail_first -= 1 if failing else 0
        if failing:
            return 503, {"error": "the registry is down"}

        timestamp = headers.get(signing.TIMESTAMP_HEADER, "")
        signature = headers.get(signing.SIGNATURE_HEADER, "")
        if not signing.is_valid(self.secret, timestamp, signature, body):
            return 401, {"error": "bad signature"}
        key = headers.get(signing.IDEMPOTENCY_HEADER, "")
        try:
            data = json.loads(body)
            report_id = data["report_id"]
            outgoing = data.get("direction") == "outgoing"
        except (ValueError, KeyError, TypeError, AttributeError):
            return 400, {"error": "not a report"}
        if not key:
            return 400, {"error": "no idempotency key"}

        status, number, stall = self._record(key, report_id, outgoing)
        if outgoing and status == 201:
            self.documents[key] = _digest(data.get("document"))
        time.sleep(self.slow + stall)
        if status == 201 and self.callback_url:
            self._call_back_later(key, report_id, number)
            return 202, {"status": "accepted"}
        return status, {"number": number}

    def _record(
        self, key: str, report_id: object, outgoing: bool
    ) -> tuple[int, str, float]:
        with self._lock:
            if key in self.numbers:
                return 409, self.numbers[key], 0.0
            # Incoming entries are numbered R1, R2..., outgoing ones E1, E2...
            prefix = "E" if outgoing else "R"
            counter = (prefix, date.today().year)
            self._last_number[counter] = self._last_number.get(counter, 0) + 1
            number = f"{prefix}{self._last_number[counter]}/{counter[1]}"
            self.numbers[key] = number
            self.report_ids[key] = report_id
            self.entries[key] += 1
            stall, self.stall = self.stall, 0.0
        return 201, number, stall

    def _call_back_later(self, key: str, report_id: object, number: str) -> None:
        def call_back() -> None:
            time.sleep(self.callback_delay)
            body = json.dumps(
                {"idempotency_key": key, "number": number, "status": "registered"}
            ).encode()
            request = urllib.request.Request(
                self.callback_url,
                data=body,
                headers={
                    "Content-Type": "application/json",
                    **signing.signed_headers(self.secret, body),
                },
                method="POST",
            )
            try:
                with urllib.request.urlopen(request, timeout=10) as response:
                    self.callbacks_sent.append(response.status)
            except OSError as error:
                status = getattr(error, "code", 0)
                self.callbacks_sent.append(status)
                logger.warning("Callback for report %s failed: %s", report_id, error)

        threading.Thread(target=call_back, daemon=True).start()


def _digest(document: object) -> str:
    try:
        content = base64.b64decode(document["base64"], validate=True)  # type: ignore[index]
    except (KeyError, TypeError, ValueError, binascii.Error):
        return ""
    return hashlib.sha256(content).hexdigest()


def _handler_for(registry: RegistrySimulator) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length)
            status, answer = registry.answer(dict(self.headers.items()), body)
            content = json.dumps(answer).encode()
            try:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(content)))
                self.end_headers()
                self.wfile.write(content)
            except OSError:
                # The caller gave up waiting (a stall): the answer is lost.
                pass

        def log_message(self, format: str, *args: object) -> None:
            # Request lines say nothing personal, but the tests need quiet.
            logger.debug(format, *args)

    return Handler
