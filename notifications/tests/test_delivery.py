"""Delivery through a real SMTP server (aiosmtpd) and the database worker."""

from email import message_from_bytes

import pytest
from django.core.mail import EmailMultiAlternatives
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from notifications.models import OutgoingEmail
from notifications.outbox import queue_message


def _queue(subject="Sesizarea 12/2026 a fost înregistrată"):
    message = EmailMultiAlternatives(
        subject=subject,
        body="Bună ziua,\nSesizarea dumneavoastră a fost înregistrată.",
        from_email="Primăria <sesizari@example.ro>",
        to=["ana.ionescu@example.ro"],
    )
    message.attach_alternative("<p>Sesizarea a fost înregistrată.</p>", "text/html")
    return queue_message(message, kind="test")


def _run_worker():
    call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0")


def _let_retry_delays_pass():
    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())


@pytest.mark.django_db(transaction=True)
def test_worker_delivers_a_queued_message_once(mail_server):
    email = _queue()

    _run_worker()
    _run_worker()

    email.refresh_from_db()
    assert email.state == OutgoingEmail.State.SENT
    assert len(mail_server.received) == 1
    content = mail_server.received[0].content.decode()
    assert "ana.ionescu@example.ro" in mail_server.received[0].rcpt_tos
    assert "text/html" in content


@pytest.mark.django_db(transaction=True)
def test_worker_retries_while_the_server_refuses_then_delivers_once(mail_server):
    mail_server.refusals = 3
    emails = [_queue(f"Mesajul {n}") for n in range(2)]

    for _round in range(5):
        _run_worker()
        _let_retry_delays_pass()

    for email in emails:
        email.refresh_from_db()
        assert email.state == OutgoingEmail.State.SENT
    subjects = sorted(
        message_from_bytes(envelope.content)["Subject"]
        for envelope in mail_server.received
    )
    assert subjects == ["Mesajul 0", "Mesajul 1"]
    assert sum(email.attempts for email in emails) == 2 + 3


@pytest.mark.django_db(transaction=True)
def test_worker_gives_up_after_the_last_attempt_and_keeps_the_error(mail_server):
    mail_server.refusals = 100
    email = _queue()

    for _round in range(10):
        _run_worker()
        _let_retry_delays_pass()

    email.refresh_from_db()
    assert email.state == OutgoingEmail.State.FAILED
    assert email.attempts == 8
    assert "451" in email.last_error
    assert mail_server.received == []
