"""The HTTP registry, over real HTTP to the simulator, through the outbox."""

from datetime import timedelta

import pytest
from django.utils import timezone

from registratura import outbox
from registratura.models import RegistryCall
from registratura.registers import HttpRegister
from registratura.tests.conftest import let_retry_delays_pass, run_worker
from reports.models import EventKind, Status


def _year():
    return timezone.localdate().year


@pytest.mark.django_db(transaction=True)
def test_http_registry_numbers_a_report_through_the_outbox(
    flow, http_registry, simulator
):
    report = flow.submit()
    waiting = report.status

    run_worker()

    report.refresh_from_db()
    call = report.registry_calls.get()
    assert waiting == Status.SUBMITTED
    assert report.status == Status.REGISTERED
    assert report.registry_number == f"R1/{_year()}"
    assert report.due_date is not None
    assert report.events.filter(kind=EventKind.REGISTERED).count() == 1
    assert (call.state, call.attempts, call.number) == ("done", 1, f"R1/{_year()}")
    assert simulator.entries == {str(call.idempotency_key): 1}


@pytest.mark.django_db(transaction=True)
def test_http_registry_sends_the_signed_report_with_its_key(
    flow, http_registry, simulator, citizen
):
    report = flow.submit()

    run_worker()

    call = report.registry_calls.get()
    assert simulator.report_ids == {str(call.idempotency_key): report.pk}


@pytest.mark.django_db(transaction=True)
def test_http_registry_down_then_up_registers_each_report_once_in_order(
    flow, http_registry, simulator, no_report_limits
):
    simulator.fail_first = 3
    reports = [flow.submit() for _ in range(3)]

    for _round in range(6):
        run_worker()
        let_retry_delays_pass()

    numbers = []
    for report in reports:
        report.refresh_from_db()
        numbers.append(report.registry_number)
    first_call = reports[0].registry_calls.get()
    assert numbers == [f"R{n}/{_year()}" for n in (1, 2, 3)]
    assert list(simulator.entries.values()) == [1, 1, 1]
    assert simulator.requests == 3 + 3
    assert first_call.attempts == 4
    assert (first_call.state, first_call.last_error) == (RegistryCall.State.DONE, "")


@pytest.mark.django_db(transaction=True)
def test_http_registry_failure_is_kept_and_retried_later(
    flow, http_registry, simulator
):
    simulator.fail_first = 1
    report = flow.submit()

    run_worker()

    call = report.registry_calls.get()
    report.refresh_from_db()
    assert report.status == Status.SUBMITTED
    assert call.state == RegistryCall.State.WAITING
    assert call.last_error == "RegistryUnavailableError: HTTP 503"
    assert call.next_attempt_at > timezone.now() + timedelta(seconds=4)


@pytest.mark.django_db(transaction=True)
def test_http_registry_worker_killed_during_a_call_makes_no_second_entry(
    flow, http_registry, simulator
):
    report = flow.submit()
    # A worker claims the call and its request reaches the registry; it
    # dies before recording the answer.
    call = outbox.claim_next(report.institution_id)
    HttpRegister(http_registry).send(call)
    RegistryCall.objects.filter(pk=call.pk).update(
        lease_until=timezone.now() - timedelta(seconds=1)
    )

    outbox.resume_stalled()
    run_worker()

    report.refresh_from_db()
    call.refresh_from_db()
    assert report.registry_number == f"R1/{_year()}"
    assert (call.state, call.attempts) == (RegistryCall.State.DONE, 2)
    assert simulator.requests == 2
    assert simulator.entries == {str(call.idempotency_key): 1}


@pytest.mark.django_db(transaction=True)
def test_http_registry_call_being_sent_is_not_taken_by_a_second_worker(
    flow, http_registry, simulator
):
    report = flow.submit()
    outbox.claim_next(report.institution_id)

    run_worker()

    report.refresh_from_db()
    assert report.status == Status.SUBMITTED
    assert simulator.requests == 0


@pytest.mark.django_db(transaction=True)
def test_http_registry_lost_answer_is_asked_again_and_gives_the_same_number(
    flow, http_registry, simulator
):
    http_registry.timeout_seconds = 0.3
    http_registry.save()
    simulator.stall = 1.0
    report = flow.submit()

    run_worker()
    let_retry_delays_pass()
    run_worker()

    report.refresh_from_db()
    call = report.registry_calls.get()
    assert report.registry_number == f"R1/{_year()}"
    assert call.attempts == 2
    assert simulator.entries == {str(call.idempotency_key): 1}


@pytest.mark.django_db(transaction=True)
def test_http_registry_refusal_fails_the_call_until_staff_retry_it(
    flow, http_registry, simulator
):
    simulator.secret = "another-secret"
    report = flow.submit()
    run_worker()
    call = report.registry_calls.get()
    failed = (call.state, call.last_error)
    simulator.secret = http_registry.shared_secret

    retried = outbox.retry_call(call)
    run_worker()

    report.refresh_from_db()
    assert failed == (
        RegistryCall.State.FAILED,
        'RegistryRefusedError: HTTP 401: b\'{"error": "bad signature"}\'',
    )
    assert retried is True
    assert report.status == Status.REGISTERED


@pytest.mark.django_db
def test_builtin_register_still_numbers_at_once(flow):
    report = flow.submit()

    assert report.status == Status.REGISTERED
    assert report.registry_calls.count() == 0
