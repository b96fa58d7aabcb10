import socket
from email import message_from_bytes, policy

import pytest
from aiosmtpd.controller import Controller
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from registratura.models import Adapter, RegistryCall, RegistryConfig
from registratura.simulator import RegistrySimulator

SECRET = "secretul-registraturii"


@pytest.fixture
def simulator():
    """A simulated registry on a free port of 127.0.0.1; tests tune it."""
    registry = RegistrySimulator(secret=SECRET).start()
    yield registry
    registry.stop()


@pytest.fixture
def http_registry(settings, institution, simulator):
    """The institution uses the simulator; tasks wait for the database worker."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    return RegistryConfig.objects.create(
        institution=institution,
        adapter=Adapter.HTTP,
        endpoint_url=simulator.url,
        shared_secret=SECRET,
        timeout_seconds=2,
    )


def run_worker():
    call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0")


def let_retry_delays_pass():
    now = timezone.now()
    DBTaskResult.objects.filter(status="READY").update(run_after=now)
    RegistryCall.objects.filter(state=RegistryCall.State.WAITING).update(
        next_attempt_at=now
    )


class RegistryMailbox:
    """An SMTP server that keeps what it receives: the registry's mailbox."""

    def __init__(self):
        self.received: list = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's name
        self.received.append(envelope)
        return "250 OK"

    def messages(self):
        return [
            message_from_bytes(envelope.content, policy=policy.default)
            for envelope in self.received
        ]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def registry_mailbox(settings):
    """A real SMTP server on 127.0.0.1; tasks wait for the database worker."""
    handler = RegistryMailbox()
    controller = Controller(handler, hostname="127.0.0.1", port=_free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = controller.port
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    yield handler
    controller.stop()


@pytest.fixture
def email_registry(institution, registry_mailbox):
    return RegistryConfig.objects.create(
        institution=institution,
        adapter=Adapter.EMAIL,
        mailbox="registratura@primarie.example.ro",
        number_pattern=r"Nr\. înregistrare:\s*(\S+)",
    )
