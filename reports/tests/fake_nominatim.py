"""A real HTTP server on 127.0.0.1 that answers like Nominatim's /search."""

import json
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit


def nominatim_result(
    *, lat: float, lon: float, road: str, house_number: str = ""
) -> dict:
    address = {"road": road, "city": "Cluj-Napoca", "country": "România"}
    if house_number:
        address["house_number"] = house_number
    return {
        "place_id": 1,
        "lat": str(lat),
        "lon": str(lon),
        "name": road,
        "display_name": f"{house_number}, {road}, Cluj-Napoca, 400000, România",
        "address": address,
    }


class FakeNominatim:
    """Answers every search with the given results, and records the requests."""

    def __init__(self, results: list[dict], status: int = 200):
        self.results = results
        self.status = status
        self.requests: list[dict] = []

    def __enter__(self) -> "FakeNominatim":
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                parts = urlsplit(self.path)
                fake.requests.append(
                    {
                        "path": parts.path,
                        "params": {k: v[0] for k, v in parse_qs(parts.query).items()},
                        "user_agent": self.headers.get("User-Agent", ""),
                    }
                )
                body = json.dumps(fake.results).encode()
                self.send_response(fake.status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                return

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join()

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}/search"


def closed_port_url() -> str:
    """The URL of a port on 127.0.0.1 where nothing listens."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/search"
