"""Steps that several browser tests take."""

from urllib.parse import urlsplit

# The password of every person the factories make.
PASSWORD = "parola-sigura-1"


def log_in(page, live_server, user, then: str) -> None:
    """Open ``then``, a page behind the login, log in as ``user``, and wait for it."""
    page.goto(f"{live_server.url}{then}")
    page.fill("input[name=login]", user.email)
    page.fill("input[name=password]", PASSWORD)
    page.press("input[name=password]", "Enter")
    page.wait_for_url(f"**{urlsplit(then).path}**")
