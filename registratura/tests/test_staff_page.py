from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from registratura.models import Adapter, RegistryCall, RegistryConfig

CALLS = reverse("backoffice:registry-calls")
CLERK_QUEUE = reverse("backoffice:clerk-queue")


@pytest.fixture
def waiting_reports(settings, institution, flow, no_report_limits):
    """Two reports of an HTTP registry whose calls are still waiting."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    RegistryConfig.objects.create(
        institution=institution,
        adapter=Adapter.HTTP,
        endpoint_url="http://127.0.0.1:9/registry",
        shared_secret="s",
    )
    return [flow.submit(), flow.submit()]


def _failed(report, error="RegistryRefusedError: HTTP 400"):
    call = report.registry_calls.get()
    RegistryCall.objects.filter(pk=call.pk).update(
        state=RegistryCall.State.FAILED, attempts=3, last_error=error
    )
    return call


def test_registry_calls_page_lists_calls_with_their_errors(
    client, clerk, waiting_reports, django_assert_max_num_queries
):
    failed = _failed(waiting_reports[0])
    client.force_login(clerk)

    with django_assert_max_num_queries(12):
        response = client.get(CALLS)

    content = response.content.decode()
    assert response.status_code == 200
    assert len(response.context["page"]) == 2
    assert "RegistryRefusedError: HTTP 400" in content
    assert content.count("/reincearca/") == 1
    assert reverse("backoffice:registry-call-retry", args=[failed.pk]) in content


def test_registry_calls_page_is_for_clerks_only(client, staff, waiting_reports):
    client.force_login(staff)

    response = client.get(CALLS)

    assert response.status_code == 403


def test_registry_call_retry_puts_a_failed_call_back_in_line(
    client, clerk, waiting_reports
):
    call = _failed(waiting_reports[0])
    client.force_login(clerk)

    response = client.post(reverse("backoffice:registry-call-retry", args=[call.pk]))

    call.refresh_from_db()
    assert response.status_code == 302
    assert call.state == RegistryCall.State.WAITING


def test_registry_call_retry_refuses_a_call_that_did_not_fail(
    client, clerk, waiting_reports
):
    call = waiting_reports[0].registry_calls.get()
    client.force_login(clerk)

    client.post(reverse("backoffice:registry-call-retry", args=[call.pk]))

    call.refresh_from_db()
    assert (call.state, call.attempts) == (RegistryCall.State.WAITING, 0)


def test_clerk_queue_flags_reports_waiting_too_long_for_a_number(
    client, clerk, waiting_reports
):
    RegistryCall.objects.filter(report=waiting_reports[0]).update(
        created_at=timezone.now() - timedelta(minutes=61)
    )
    client.force_login(clerk)

    response = client.get(CLERK_QUEUE)

    content = response.content.decode()
    assert response.context["registry_waiting"] == 1
    assert 'role="alert"' in content


def test_clerk_queue_is_quiet_while_numbers_are_recent(client, clerk, waiting_reports):
    client.force_login(clerk)

    response = client.get(CLERK_QUEUE)

    assert response.context["registry_waiting"] == 0
    assert 'role="alert"' not in response.content.decode()
