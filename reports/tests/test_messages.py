"""Messages between staff and the citizen, on the pages and by e-mail."""

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse

from notifications import inbound
from notifications.models import InboundMailbox
from registratura.tests.conftest import run_worker
from reports import messages, workflow
from reports.models import EventKind, Report, ResponseTemplate, Status, Visibility
from tests.factories import UserFactory

WRITTEN = "Vă rugăm să ne spuneți dacă groapa este pe carosabil sau pe trotuar."
ANSWER = "Este pe carosabil, lângă trecerea de pietoni."
REPLIES = "raspunsuri@primaria.example.ro"


@pytest.fixture
def replies_mailbox(institution, imap_server):
    purpose = InboundMailbox.Purpose.CITIZEN_REPLIES
    return imap_server.mailbox(institution, purpose, address=REPLIES)


def _message_emails():
    return [m for m in mail.outbox if WRITTEN in m.body]


def test_staff_message_reaches_the_citizen_and_the_timeline(
    published_report, head, citizen
):
    mail.outbox.clear()

    event = messages.send_message(
        report=published_report, actor=head, text=WRITTEN, public=False
    )

    [email] = _message_emails()
    assert (event.kind, event.visibility) == (EventKind.MESSAGE, Visibility.CITIZEN)
    assert email.to == [citizen.email]
    assert "Reply-To" not in email.extra_headers
    assert published_report.registry_number in email.subject


def test_message_asks_for_replies_at_the_replies_mailbox(
    published_report, head, replies_mailbox
):
    mail.outbox.clear()

    messages.send_message(
        report=published_report, actor=head, text=WRITTEN, public=False
    )

    [email] = _message_emails()
    assert email.extra_headers["Reply-To"] == REPLIES
    assert messages.reply_tag(published_report) in email.subject


def test_public_message_is_on_the_public_page_under_the_office_name(
    client, published_report, head
):
    event = messages.send_message(
        report=published_report, actor=head, text=WRITTEN, public=True
    )
    private = "Mesaj doar pentru cetățean, cu numele lui."
    messages.send_message(
        report=published_report, actor=head, text=private, public=False
    )

    page = client.get(reverse("reports:detail", args=[published_report.pk]))

    text = page.content.decode()
    entry = text.split(f'id="event-{event.pk}"')[1].split("</li>")[0]
    assert WRITTEN in entry
    assert published_report.department.name in entry
    assert private not in text
    assert head.full_name not in text


def test_staff_of_another_department_cannot_write(published_report, green_head):
    with pytest.raises(workflow.WorkflowError):
        messages.send_message(
            report=published_report, actor=green_head, text=WRITTEN, public=False
        )

    assert not published_report.events.filter(kind=EventKind.MESSAGE).exists()


def test_back_office_form_sends_and_keeps_the_text_on_error(
    client, published_report, head
):
    client.force_login(head)
    url = reverse("backoffice:report-message", args=[published_report.pk])

    empty = client.post(url, {"message": "   ", "public": "on"})
    sent = client.post(url, {"message": WRITTEN})

    assert empty.status_code == 200
    assert sent.status_code == 302
    assert published_report.events.get(kind=EventKind.MESSAGE).text == WRITTEN


def test_citizen_answers_on_the_report_page(client, published_report, citizen):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    client.force_login(citizen)
    page_url = reverse("reports:mine-detail", args=[published_report.pk])

    page = client.get(page_url)
    response = client.post(
        reverse("reports:mine-reply", args=[published_report.pk]), {"text": ANSWER}
    )

    reply = published_report.events.get(kind=EventKind.REPLY)
    assert "Send the message" in page.content.decode()
    assert response.status_code == 302
    assert (reply.text, reply.actor, reply.visibility) == (
        ANSWER,
        citizen,
        Visibility.CITIZEN,
    )


def test_citizen_cannot_answer_on_another_persons_report(
    client, published_report, other_citizen
):
    client.force_login(other_citizen)

    response = client.post(
        reverse("reports:mine-reply", args=[published_report.pk]), {"text": ANSWER}
    )

    assert response.status_code == 404
    assert not published_report.events.filter(kind=EventKind.REPLY).exists()


def test_forwarded_report_takes_no_more_messages(published_report, head, citizen):
    Report.objects.filter(pk=published_report.pk).update(status=Status.FORWARDED)
    published_report.refresh_from_db()

    assert not messages.may_message(head, published_report)
    assert not messages.may_reply(citizen, published_report)


def _reply_email(report, sender, body, *, message_id="<r1@mail.example.ro>", tag=None):
    from email.message import EmailMessage

    message = EmailMessage()
    message["Subject"] = (
        f"Re: Un mesaj despre sesizarea {tag or messages.reply_tag(report)}"
    )
    message["From"] = f"Ana Ionescu <{sender}>"
    message["To"] = REPLIES
    message["Message-ID"] = message_id
    message.set_content(body)
    return message


GMAIL_BODY = (
    f"{ANSWER}\n\nOn Fri, 4 Dec 2026 at 10:12, Primăria <sesizari@example.ro> "
    f"wrote:\n\n> {WRITTEN}\n"
)


@pytest.mark.django_db(transaction=True)
def test_reply_by_email_reaches_the_timeline_once_without_the_quote(
    flow, head, citizen, replies_mailbox, imap_server
):
    report = flow.published()
    messages.send_message(report=report, actor=head, text=WRITTEN, public=False)
    reply = _reply_email(report, citizen.email.upper(), GMAIL_BODY)
    # The same message delivered twice (a client that sent it again).
    imap_server.deliver(reply)
    imap_server.deliver(reply)

    inbound.read_all()
    inbound.read_all()

    [event] = report.events.filter(kind=EventKind.REPLY)
    assert event.text == ANSWER
    assert event.actor == citizen
    assert imap_server.unseen() == []


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("trick", ["another sender", "forged tag", "no tag"])
def test_reply_by_email_that_cannot_be_trusted_changes_nothing(
    flow, citizen, replies_mailbox, imap_server, trick
):
    report = flow.published()
    sender, tag = citizen.email, None
    if trick == "another sender":
        sender = UserFactory().email
    elif trick == "forged tag":
        tag = f"[#{report.pk}-0123456789abcdef]"
    elif trick == "no tag":
        tag = "(fără etichetă)"
    imap_server.deliver(_reply_email(report, sender, GMAIL_BODY, tag=tag))

    inbound.read_all()

    assert not report.events.filter(kind=EventKind.REPLY).exists()
    assert imap_server.unseen() == []


@pytest.mark.django_db(transaction=True)
def test_message_email_goes_out_through_the_worker_with_its_reply_to(
    flow, head, mail_server, replies_mailbox
):
    report = flow.published()
    messages.send_message(report=report, actor=head, text=WRITTEN, public=False)

    run_worker()

    [sent] = [m for m in mail_server.messages() if "Reply-To" in m]
    assert sent["Reply-To"] == REPLIES
    assert messages.reply_tag(report) in sent["Subject"]


def test_response_templates_of_the_category_are_offered(
    client, published_report, head, institution, parks
):
    ResponseTemplate.objects.create(
        institution=institution, title="Cerem detalii", text=WRITTEN
    )
    ResponseTemplate.objects.create(
        institution=institution,
        title="Altă categorie",
        text="—",
        category=parks,
    )
    ResponseTemplate.objects.create(
        institution=institution,
        title="Reparat",
        text="Am reparat.",
        outcome="fixed",
    )
    client.force_login(head)

    page = client.get(reverse("backoffice:report", args=[published_report.pk]))

    offered = list(page.context["message_templates"].values_list("title", flat=True))
    assert offered == ["Cerem detalii"]
    assert 'data-fills="id_message"' in page.content.decode()
