"""Callbacks of the HTTP registry: signed, fresh, used once, about our reports."""

import json
import time

import pytest
from django.urls import reverse
from django.utils import timezone

from registratura.models import CallbackSignature, RegistryCall
from registratura.signing import sign
from registratura.tests.conftest import SECRET, run_worker
from reports.models import Status


def _post(client, institution, payload, *, secret=SECRET, timestamp=None):
    body = json.dumps(payload).encode()
    timestamp = str(int(time.time()) if timestamp is None else timestamp)
    return client.post(
        reverse("registratura:callback", args=[institution.slug]),
        data=body,
        content_type="application/json",
        headers={
            "X-Sesizari-Timestamp": timestamp,
            "X-Sesizari-Signature": sign(secret, timestamp, body),
        },
    )


@pytest.fixture
def accepted_call(flow, http_registry, simulator):
    """A report the registry took, promising its number by callback."""
    simulator.callback_url = "http://127.0.0.1:9/nowhere"
    simulator.callback_delay = 3600
    report = flow.submit()
    run_worker()
    return report.registry_calls.get()


def _confirmation(call, number="R7/2026"):
    return {
        "idempotency_key": str(call.idempotency_key),
        "number": number,
        "status": "registered",
    }


@pytest.mark.django_db(transaction=True)
def test_callback_confirming_the_number_registers_the_report(
    client, institution, accepted_call
):
    state = accepted_call.state

    response = _post(client, institution, _confirmation(accepted_call))

    accepted_call.refresh_from_db()
    report = accepted_call.report
    report.refresh_from_db()
    assert state == RegistryCall.State.ACCEPTED
    assert response.status_code == 200
    assert accepted_call.state == RegistryCall.State.DONE
    assert (report.status, report.registry_number) == (Status.REGISTERED, "R7/2026")


@pytest.mark.django_db(transaction=True)
def test_callback_by_report_id_registers_the_report(client, institution, accepted_call):
    payload = {"report_id": accepted_call.report_id, "number": "R8/2026"}

    response = _post(client, institution, payload)

    accepted_call.report.refresh_from_db()
    assert response.status_code == 200
    assert accepted_call.report.registry_number == "R8/2026"


@pytest.mark.django_db(transaction=True)
def test_callback_with_a_forged_signature_is_refused_and_changes_nothing(
    client, institution, accepted_call
):
    response = _post(
        client, institution, _confirmation(accepted_call), secret="not-the-secret"
    )

    accepted_call.refresh_from_db()
    accepted_call.report.refresh_from_db()
    assert response.status_code == 403
    assert accepted_call.state == RegistryCall.State.ACCEPTED
    assert accepted_call.report.status == Status.SUBMITTED
    assert CallbackSignature.objects.count() == 0


@pytest.mark.django_db(transaction=True)
def test_callback_with_an_old_timestamp_is_refused(client, institution, accepted_call):
    six_minutes_ago = int(time.time()) - 6 * 60

    response = _post(
        client, institution, _confirmation(accepted_call), timestamp=six_minutes_ago
    )

    accepted_call.report.refresh_from_db()
    assert response.status_code == 403
    assert accepted_call.report.status == Status.SUBMITTED


@pytest.mark.django_db(transaction=True)
def test_callback_replayed_is_refused(client, institution, accepted_call):
    body = json.dumps({**_confirmation(accepted_call), "status": "delayed"}).encode()
    timestamp = str(int(time.time()))
    headers = {
        "X-Sesizari-Timestamp": timestamp,
        "X-Sesizari-Signature": sign(SECRET, timestamp, body),
    }
    url = reverse("registratura:callback", args=[institution.slug])
    first = client.post(url, body, content_type="application/json", headers=headers)
    RegistryCall.objects.filter(pk=accepted_call.pk).update(last_error="")

    replay = client.post(url, body, content_type="application/json", headers=headers)

    accepted_call.refresh_from_db()
    assert (first.status_code, replay.status_code) == (200, 403)
    assert (accepted_call.state, accepted_call.last_error) == ("accepted", "")


@pytest.mark.django_db(transaction=True)
def test_callback_for_an_unknown_report_is_refused(client, institution, accepted_call):
    payload = {"report_id": accepted_call.report_id + 1000, "number": "R9/2026"}

    response = _post(client, institution, payload)

    assert response.status_code == 404
    assert CallbackSignature.objects.count() == 0


@pytest.mark.django_db(transaction=True)
def test_callback_with_a_status_fails_the_call_with_it(
    client, institution, accepted_call
):
    payload = {**_confirmation(accepted_call), "status": "rejected"}

    response = _post(client, institution, payload)

    accepted_call.refresh_from_db()
    assert response.status_code == 200
    assert accepted_call.state == RegistryCall.State.FAILED
    assert accepted_call.last_error == "The registry answered: rejected"


@pytest.mark.django_db(transaction=True)
def test_callback_with_another_status_keeps_it_and_waits(
    client, institution, accepted_call
):
    payload = {**_confirmation(accepted_call), "status": "in review"}

    response = _post(client, institution, payload)

    accepted_call.refresh_from_db()
    assert response.status_code == 200
    assert accepted_call.state == RegistryCall.State.ACCEPTED
    assert accepted_call.last_error == "The registry answered: in review"


@pytest.mark.django_db(transaction=True)
def test_simulator_calls_back_over_http_and_the_report_is_registered(
    live_server, flow, http_registry, simulator, institution
):
    simulator.callback_url = live_server.url + reverse(
        "registratura:callback", args=[institution.slug]
    )
    report = flow.submit()

    run_worker()
    deadline = time.monotonic() + 10
    while not simulator.callbacks_sent and time.monotonic() < deadline:
        time.sleep(0.05)

    report.refresh_from_db()
    assert simulator.callbacks_sent == [200]
    assert report.registry_number == f"R1/{timezone.localdate().year}"
    assert report.registry_calls.get().state == RegistryCall.State.DONE
