"""The registry's replies, read by the workers from a real IMAP mailbox (pymap)."""

from email.message import EmailMessage

import pytest
from django.conf import settings
from django.urls import reverse

from notifications import inbound
from notifications.models import InboundMailbox
from registratura.models import Direction, RegistryCall
from registratura.tests.conftest import run_worker
from reports.models import EventKind, Resolution, Status

REPLIES = InboundMailbox.Purpose.REGISTRY_REPLIES


@pytest.fixture
def replies_mailbox(institution, imap_server):
    return imap_server.mailbox(institution, REPLIES)


def _reply(call, text="Nr. înregistrare: 4567/2026", *, html=False):
    message = EmailMessage()
    message["Subject"] = f"RE: Registry number request [{call.idempotency_key}]"
    message["From"] = "registratura@primarie.example.ro"
    message["To"] = "sesizari@primarie.example.ro"
    if html:
        message.set_content(f"<p>Bună ziua,</p><p>{text}</p>", subtype="html")
    else:
        message.set_content(f"Bună ziua,\n{text}\n\nRegistratura")
    return message


@pytest.mark.django_db(transaction=True)
def test_replies_mailbox_registers_the_report_and_marks_the_reply_seen(
    flow, email_registry, registry_mailbox, replies_mailbox, imap_server
):
    report = flow.submit()
    run_worker()
    imap_server.deliver(_reply(report.registry_calls.get()))

    read = inbound.read_all()

    report.refresh_from_db()
    replies_mailbox.refresh_from_db()
    assert read == 1
    assert (report.status, report.registry_number) == (Status.REGISTERED, "4567/2026")
    assert imap_server.unseen() == []
    assert (replies_mailbox.last_error, replies_mailbox.failures) == ("", 0)
    assert replies_mailbox.last_read_at is not None


@pytest.mark.django_db(transaction=True)
def test_replies_mailbox_read_twice_registers_once(
    flow, email_registry, registry_mailbox, replies_mailbox, imap_server
):
    report = flow.submit()
    run_worker()
    reply = _reply(report.registry_calls.get())
    # The registry sent its reply twice; the mailbox is read twice.
    imap_server.deliver(reply)
    imap_server.deliver(reply)

    inbound.read_all()
    inbound.read_all()

    report.refresh_from_db()
    assert report.registry_number == "4567/2026"
    assert report.events.filter(kind=EventKind.REGISTERED).count() == 1
    assert imap_server.unseen() == []


@pytest.mark.django_db(transaction=True)
def test_replies_mailbox_html_only_reply_gives_the_answer_its_number(
    flow, clerk, email_registry, registry_mailbox, replies_mailbox, imap_server
):
    from registratura.by_email import record_clerk_number

    report = flow.submit()
    run_worker()
    record_clerk_number(report=report, actor=clerk, number="100/2026")
    flow.resolve(flow.assign(flow.publish(report)))
    run_worker()
    call = report.registry_calls.get(direction=Direction.OUTGOING)
    imap_server.deliver(_reply(call, "Nr. înregistrare: 777/2026", html=True))

    inbound.read_all()

    assert Resolution.objects.get(report=report).outgoing_number == "777/2026"


@pytest.mark.django_db(transaction=True)
def test_replies_mailbox_unrelated_messages_change_nothing(
    flow, email_registry, registry_mailbox, replies_mailbox, imap_server
):
    report = flow.submit()
    run_worker()
    unrelated = EmailMessage()
    unrelated["Subject"] = "Ședință luni"
    unrelated.set_content("Nr. înregistrare: 1/2026, fără referință.")
    imap_server.deliver(unrelated)

    read = inbound.read_all()

    report.refresh_from_db()
    assert read == 1
    assert report.status == Status.SUBMITTED
    assert report.registry_calls.get().state == RegistryCall.State.ACCEPTED


@pytest.mark.django_db
def test_replies_mailbox_unreachable_is_kept_for_staff_and_tried_again(
    institution, imap_server
):
    mailbox = imap_server.mailbox(institution, REPLIES, password="parola-gresita")

    inbound.read_all()
    inbound.read_all()

    mailbox.refresh_from_db()
    assert mailbox.failures == 2
    assert mailbox.last_error.startswith("error: ")
    assert mailbox.last_read_at is None


@pytest.mark.django_db
def test_clerks_see_that_the_replies_mailbox_cannot_be_read(
    client, clerk, institution, imap_server
):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    imap_server.mailbox(institution, REPLIES, password="parola-gresita")
    inbound.read_all()
    client.force_login(clerk)

    page = client.get(reverse("backoffice:registry-calls"))

    text = page.content.decode()
    assert "The mailbox could not be read." in text
    assert "Failed attempts in a row: 1." in text
    assert "AUTHENTICATIONFAILED" in text
    assert imap_server.user in text
