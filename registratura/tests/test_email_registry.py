"""The registry by e-mail, through a real SMTP server and the database worker."""

import mailbox
from email.message import EmailMessage

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse

from registratura.by_email import record_registry_reply
from registratura.models import Adapter, RegistryCall, RegistryConfig
from registratura.tests.conftest import run_worker
from reports.models import EventKind, Status


def _reply(call, text="Nr. înregistrare: 4567/2026"):
    return {
        "subject": f"Re: Registry number request [{call.idempotency_key}]",
        "body": f"Bună ziua,\n{text}\nRegistratura",
    }


@pytest.mark.django_db(transaction=True)
def test_email_registry_sends_the_request_with_photos_and_waits(
    flow, email_registry, registry_mailbox, citizen
):
    report = flow.submit(photos=[flow.photo("a.jpg"), flow.photo("b.jpg")])

    run_worker()

    report.refresh_from_db()
    call = report.registry_calls.get()
    [message] = registry_mailbox.messages()
    attachments = [
        (part.get_filename(), part.get_content_type())
        for part in message.iter_attachments()
    ]
    body = message.get_body(preferencelist=("plain",)).get_content()
    assert report.status == Status.SUBMITTED
    assert (call.adapter, call.state, call.attempts) == (
        Adapter.EMAIL,
        RegistryCall.State.ACCEPTED,
        1,
    )
    assert registry_mailbox.received[0].rcpt_tos == [email_registry.mailbox]
    assert f"#{report.pk} [{call.idempotency_key}]" in message["Subject"]
    assert attachments == [("foto-1.jpg", "image/jpeg"), ("foto-2.jpg", "image/jpeg")]
    assert citizen.email in body
    assert report.description in body


@pytest.mark.django_db(transaction=True)
def test_email_registry_sends_one_request_however_often_the_worker_runs(
    flow, email_registry, registry_mailbox
):
    flow.submit()

    run_worker()
    run_worker()

    assert len(registry_mailbox.received) == 1


@pytest.mark.django_db(transaction=True)
def test_email_registry_clerk_types_the_number_and_registers_the_report(
    client, clerk, flow, email_registry, registry_mailbox
):
    report = flow.submit()
    run_worker()
    client.force_login(clerk)
    url = reverse("backoffice:report-registry-number", args=[report.pk])
    page = client.get(reverse("backoffice:report", args=[report.pk]))

    response = client.post(url, {"number": " 4567/2026 "})

    report.refresh_from_db()
    call = report.registry_calls.get()
    assert url in page.content.decode()
    assert response.status_code == 302
    assert (report.status, report.registry_number) == (Status.REGISTERED, "4567/2026")
    assert report.due_date is not None
    assert (call.state, call.number) == (RegistryCall.State.DONE, "4567/2026")
    assert report.events.filter(kind=EventKind.REGISTERED).count() == 1


@pytest.mark.django_db(transaction=True)
def test_email_registry_second_number_is_refused(
    client, clerk, flow, email_registry, registry_mailbox
):
    report = flow.submit()
    run_worker()
    client.force_login(clerk)
    url = reverse("backoffice:report-registry-number", args=[report.pk])
    client.post(url, {"number": "4567/2026"})

    response = client.post(url, {"number": "9999/2026"})

    report.refresh_from_db()
    assert response.status_code == 200
    assert report.registry_number == "4567/2026"
    assert report.events.filter(kind=EventKind.REGISTERED).count() == 1


@pytest.mark.django_db(transaction=True)
def test_email_registry_number_form_keeps_what_was_typed_on_error(
    client, clerk, flow, email_registry, registry_mailbox
):
    report = flow.submit()
    run_worker()
    client.force_login(clerk)
    url = reverse("backoffice:report-registry-number", args=[report.pk])

    response = client.post(url, {"number": "x" * 41})

    report.refresh_from_db()
    assert response.status_code == 200
    assert response.context["forms"]["registry_number"]["number"].value() == "x" * 41
    assert report.status == Status.SUBMITTED


@pytest.mark.django_db(transaction=True)
def test_email_registry_number_form_is_for_clerks_only(
    client, staff, flow, email_registry, registry_mailbox
):
    report = flow.submit()
    run_worker()
    client.force_login(staff)

    client.post(
        reverse("backoffice:report-registry-number", args=[report.pk]),
        {"number": "4567/2026"},
    )

    report.refresh_from_db()
    assert report.status == Status.SUBMITTED


@pytest.mark.django_db(transaction=True)
def test_email_registry_reply_matching_the_pattern_registers_the_report(
    institution, flow, email_registry, registry_mailbox
):
    report = flow.submit()
    run_worker()
    call = report.registry_calls.get()

    done = record_registry_reply(institution=institution, **_reply(call))

    report.refresh_from_db()
    assert done == call
    assert (report.status, report.registry_number) == (Status.REGISTERED, "4567/2026")


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    "reply",
    [
        {
            "subject": "Re: [00000000-0000-4000-8000-000000000000]",
            "body": "Nr. înregistrare: 1/2026",
        },
        {"subject": "Re: cerere", "body": "Nr. înregistrare: 1/2026"},
        "no-number",
    ],
)
def test_email_registry_reply_unknown_or_without_number_changes_nothing(
    institution, flow, email_registry, registry_mailbox, reply
):
    report = flow.submit()
    run_worker()
    call = report.registry_calls.get()
    if reply == "no-number":
        reply = _reply(call, text="Vă vom comunica numărul.")

    done = record_registry_reply(institution=institution, **reply)

    report.refresh_from_db()
    call.refresh_from_db()
    assert done is None
    assert report.status == Status.SUBMITTED
    assert call.state == RegistryCall.State.ACCEPTED


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("kind", [mailbox.mbox, mailbox.Maildir])
def test_read_registry_replies_registers_from_a_mailbox_once(
    tmp_path, institution, flow, email_registry, registry_mailbox, kind
):
    report = flow.submit()
    run_worker()
    call = report.registry_calls.get()
    path = tmp_path / "registratura"
    box = kind(path)
    message = EmailMessage()
    message["Subject"] = _reply(call)["subject"]
    message["From"] = email_registry.mailbox
    message.set_content(_reply(call)["body"])
    box.add(message)
    box.flush()

    call_command("read_registry_replies", institution.slug, str(path))
    call_command("read_registry_replies", institution.slug, str(path))

    report.refresh_from_db()
    assert report.registry_number == "4567/2026"
    assert report.events.filter(kind=EventKind.REGISTERED).count() == 1


def test_email_registry_config_needs_a_mailbox(institution):
    config = RegistryConfig(institution=institution, adapter=Adapter.EMAIL)

    with pytest.raises(ValidationError) as refused:
        config.full_clean()

    assert list(refused.value.message_dict) == ["mailbox"]
