"""Chromium, driven by Playwright, against a live server of the product."""

import os
from pathlib import Path

import pytest
from django.db import connection

CHROMIUM = os.environ.get("PLAYWRIGHT_CHROMIUM_EXECUTABLE", "/usr/bin/chromium")
PHONE = {"width": 390, "height": 844}

# Playwright's sync API runs an event loop in the test's thread; the ORM
# calls the tests make between browser steps are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM}: install Debian's chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield chromium
        chromium.close()


@pytest.fixture
def phone(browser):
    """A page the size of a phone, allowed to read its (Cluj) position."""
    context = browser.new_context(
        viewport=PHONE,
        is_mobile=True,
        has_touch=True,
        locale="ro-RO",
        geolocation={"latitude": 46.7700, "longitude": 23.5910},
        permissions=["geolocation"],
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session", autouse=True)
def _close_stray_connections(django_db_setup, django_db_blocker):
    """Close the connections the ORM opened under Playwright before the drop.

    Playwright's sync API runs in greenlets, each with its own context, so
    ORM calls made between browser steps may open connections that no
    thread closes; PostgreSQL refuses to drop a database still in use.
    """
    yield
    with django_db_blocker.unblock(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
