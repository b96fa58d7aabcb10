"""Answers numbered by the institution's own registry: over HTTP or by e-mail.

The answer is resolved at once, but reaches the citizen only with its
outgoing number, which the registry gives through the outbox.
"""

import hashlib
import time

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from registratura.by_email import record_clerk_number, record_registry_reply
from registratura.models import Direction, RegistryCall
from registratura.tests.conftest import let_retry_delays_pass, run_worker
from reports.models import Resolution, Status
from tests.factories import PDF_BYTES


def _year():
    return timezone.localdate().year


def _answer_emails(outbox):
    return [message for message in outbox if message.attachments]


def _registered_and_assigned(flow):
    report = flow.submit()
    run_worker()
    return flow.assign(flow.publish(report))


def _typed_and_assigned(flow, clerk):
    """A report registered with the number the clerk typed, then assigned."""
    report = flow.submit()
    run_worker()
    record_clerk_number(report=report, actor=clerk, number="100/2026")
    return flow.assign(flow.publish(report))


@pytest.mark.django_db(transaction=True)
def test_http_registry_numbers_the_answer_before_it_reaches_the_citizen(
    flow, http_registry, simulator, citizen
):
    report = flow.resolve(_registered_and_assigned(flow))
    waiting = Resolution.objects.get(report=report).outgoing_number
    sent_before = _answer_emails(mail.outbox)

    run_worker()

    resolution = Resolution.objects.get(report=report)
    call = report.registry_calls.get(direction=Direction.OUTGOING)
    [answer] = _answer_emails(mail.outbox)
    assert (report.status, waiting, sent_before) == (Status.RESOLVED, "", [])
    assert resolution.outgoing_number == f"E1/{_year()}"
    assert (call.state, call.number) == (RegistryCall.State.DONE, f"E1/{_year()}")
    assert f"E1/{_year()}" in answer.body
    assert answer.to == [citizen.email]
    assert simulator.entries[str(call.idempotency_key)] == 1
    sent = simulator.documents[str(call.idempotency_key)]
    assert sent == hashlib.sha256(PDF_BYTES).hexdigest()


@pytest.mark.django_db(transaction=True)
def test_http_registry_down_numbers_the_answer_once_when_back(
    flow, http_registry, simulator
):
    report = flow.resolve(_registered_and_assigned(flow))
    simulator.fail_first = 2

    for _round in range(4):
        run_worker()
        let_retry_delays_pass()

    call = report.registry_calls.get(direction=Direction.OUTGOING)
    assert Resolution.objects.get(report=report).outgoing_number == f"E1/{_year()}"
    assert (call.state, call.attempts) == (RegistryCall.State.DONE, 3)
    assert simulator.entries[str(call.idempotency_key)] == 1
    assert len(_answer_emails(mail.outbox)) == 1


@pytest.mark.django_db(transaction=True)
def test_http_registry_lost_answer_number_is_asked_again_with_the_same_key(
    flow, http_registry, simulator
):
    report = flow.resolve(_registered_and_assigned(flow))
    # The registry records the entry, then its answer comes too late.
    http_registry.timeout_seconds = 0.3
    http_registry.save()
    simulator.stall = 1.0

    run_worker()
    let_retry_delays_pass()
    run_worker()

    call = report.registry_calls.get(direction=Direction.OUTGOING)
    assert call.attempts == 2
    assert simulator.entries[str(call.idempotency_key)] == 1
    assert Resolution.objects.get(report=report).outgoing_number == f"E1/{_year()}"
    assert len(_answer_emails(mail.outbox)) == 1


@pytest.mark.django_db(transaction=True)
def test_http_registry_numbers_answers_and_reports_in_one_line(
    flow, http_registry, simulator, no_report_limits
):
    answered = flow.resolve(_registered_and_assigned(flow))
    later = flow.submit()

    run_worker()

    later.refresh_from_db()
    calls = RegistryCall.objects.order_by("created_at", "pk")
    assert [(call.direction, call.number) for call in calls] == [
        (Direction.INCOMING, f"R1/{_year()}"),
        (Direction.OUTGOING, f"E1/{_year()}"),
        (Direction.INCOMING, f"R2/{_year()}"),
    ]
    assert later.registry_number == f"R2/{_year()}"
    assert Resolution.objects.get(report=answered).outgoing_number == f"E1/{_year()}"


@pytest.mark.django_db(transaction=True)
def test_http_registry_callback_gives_the_answer_its_number(
    client, flow, http_registry, simulator, live_server, institution
):
    report = _registered_and_assigned(flow)
    callback = reverse("registratura:callback", args=[institution.slug])
    simulator.callback_url = live_server.url + callback
    simulator.callback_delay = 0
    flow.resolve(report)

    run_worker()
    deadline = time.monotonic() + 10
    while not simulator.callbacks_sent and time.monotonic() < deadline:
        time.sleep(0.05)
    run_worker()

    call = report.registry_calls.get(direction=Direction.OUTGOING)
    assert simulator.callbacks_sent == [200]
    assert Resolution.objects.get(report=report).outgoing_number == call.number
    assert call.number == f"E1/{_year()}"
    assert len(_answer_emails(mail.outbox)) == 1


@pytest.mark.django_db(transaction=True)
def test_email_registry_asks_for_the_answer_number_with_the_document(
    flow, clerk, email_registry, registry_mailbox, citizen
):
    report = _typed_and_assigned(flow, clerk)
    flow.resolve(report)

    run_worker()

    call = report.registry_calls.get(direction=Direction.OUTGOING)
    message = registry_mailbox.messages()[-1]
    [document] = list(message.iter_attachments())
    body = message.get_body(preferencelist=("plain",)).get_content()
    assert call.state == RegistryCall.State.ACCEPTED
    assert f"[{call.idempotency_key}]" in message["Subject"]
    assert report.registry_number in message["Subject"]
    assert document.get_content_type() == "application/pdf"
    assert document.get_content() == PDF_BYTES
    assert citizen.email in body
    assert _answer_emails(mail.outbox) == []


@pytest.mark.django_db(transaction=True)
def test_email_registry_clerk_types_the_answer_number_and_the_answer_leaves(
    client, clerk, flow, email_registry, registry_mailbox, citizen
):
    report = _typed_and_assigned(flow, clerk)
    flow.resolve(report)
    run_worker()
    client.force_login(clerk)
    page = client.get(reverse("backoffice:report", args=[report.pk]))
    url = reverse("backoffice:report-registry-number", args=[report.pk])

    client.post(url, {"number": "9876/2026"})
    second = client.post(url, {"number": "9877/2026"})
    page_after = client.get(reverse("backoffice:report", args=[report.pk]))
    run_worker()

    [answer] = [
        message
        for message in registry_mailbox.messages()
        if message["To"] == citizen.email and any(message.iter_attachments())
    ]
    assert url in page.content.decode()
    assert Resolution.objects.get(report=report).outgoing_number == "9876/2026"
    assert "9876/2026" in answer.get_body(preferencelist=("plain",)).get_content()
    assert second.status_code == 200
    assert url not in page_after.content.decode()


@pytest.mark.django_db(transaction=True)
def test_email_registry_reply_gives_the_answer_its_number(
    institution, clerk, flow, email_registry, registry_mailbox
):
    report = _typed_and_assigned(flow, clerk)
    flow.resolve(report)
    run_worker()
    call = report.registry_calls.get(direction=Direction.OUTGOING)

    done = record_registry_reply(
        institution=institution,
        subject=f"RE: Outgoing number request [{call.idempotency_key}]",
        body="Nr. înregistrare: 555/2026\n\nRegistratura",
    )

    assert done == call
    assert Resolution.objects.get(report=report).outgoing_number == "555/2026"
