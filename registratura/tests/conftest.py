import pytest
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


@pytest.fixture
def registry_mailbox(mail_server):
    """The registry's mailbox, on the suite's local SMTP server."""
    return mail_server


@pytest.fixture
def email_registry(institution, registry_mailbox):
    return RegistryConfig.objects.create(
        institution=institution,
        adapter=Adapter.EMAIL,
        mailbox="registratura@primarie.example.ro",
        number_pattern=r"Nr\. înregistrare:\s*(\S+)",
    )
