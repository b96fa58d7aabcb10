"""Reading the institution's incoming mail from IMAP mailboxes.

Each mailbox has a purpose, and each purpose a reader that takes one
message. A message is marked as seen only after its reader returned, so a
worker that dies, or a reader that fails, leaves it for the next round;
readers are idempotent, so reading a message twice changes nothing.
"""

import hashlib
import imaplib
import logging
import ssl
from collections.abc import Callable
from email import message_from_bytes, policy
from email.message import EmailMessage
from html.parser import HTMLParser

from django.db import transaction
from django.utils import timezone

from notifications.models import InboundMailbox, ReceivedMessage

logger = logging.getLogger(__name__)

TIMEOUT_SECONDS = 30
# One round reads at most this many messages of a mailbox; the rest wait.
BATCH = 200

Reader = Callable[[InboundMailbox, EmailMessage], object]


class MailboxError(Exception):
    """The mailbox could not be read now: it is tried again next round."""


def readers() -> dict[str, Reader]:
    from registratura.by_email import read_registry_reply
    from reports.messages import read_citizen_reply

    return {
        InboundMailbox.Purpose.REGISTRY_REPLIES: read_registry_reply,
        InboundMailbox.Purpose.CITIZEN_REPLIES: read_citizen_reply,
    }


def read_all() -> int:
    """Read every active mailbox once; return how many messages were read."""
    read = 0
    for mailbox in InboundMailbox.objects.filter(is_active=True).select_related(
        "institution"
    ):
        try:
            read += read_mailbox(mailbox)
        except MailboxError as error:
            _record_failure(mailbox, error)
    return read


def read_mailbox(mailbox: InboundMailbox) -> int:
    """Hand the mailbox's unseen messages to its reader; raises MailboxError."""
    reader = readers()[mailbox.purpose]
    read = 0
    try:
        with _connect(mailbox) as connection:
            for uid, message in _unseen(connection, mailbox.folder):
                try:
                    _read_once(mailbox, message, reader)
                except Exception:
                    # One bad message stops nothing; it stays unseen.
                    logger.exception(
                        "Mailbox %s: message %s could not be read", mailbox.pk, uid
                    )
                    continue
                _check(connection.uid("STORE", uid, "+FLAGS", r"(\Seen)"))
                read += 1
    except (OSError, imaplib.IMAP4.error, UnicodeError) as error:
        # UnicodeError: imaplib sends the user name and password as ASCII.
        raise MailboxError(f"{type(error).__name__}: {error}") from error

    InboundMailbox.objects.filter(pk=mailbox.pk).update(
        last_read_at=timezone.now(), last_error="", failures=0
    )
    return read


def _read_once(mailbox: InboundMailbox, message: EmailMessage, reader: Reader) -> None:
    """Hand the message to the reader unless it was read before.

    The reader's work and the record that the message was read are kept
    together: a worker that dies between them leaves neither.
    """
    message_id = str(message.get("Message-ID", "")).strip()[:255] or _digest(message)
    with transaction.atomic():
        _received, new = ReceivedMessage.objects.get_or_create(
            mailbox=mailbox, message_id=message_id
        )
        if new:
            reader(mailbox, message)


def _digest(message: EmailMessage) -> str:
    # A message without an ID is known by its content.
    return "sha256:" + hashlib.sha256(message.as_bytes()).hexdigest()


def message_text(message: EmailMessage) -> str:
    """The plain text of a message, or the text of its HTML if it has no plain part."""
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    content = part.get_content()
    if not isinstance(content, str):
        return ""
    if part.get_content_type() == "text/html":
        return html_text(content)
    return content


class _TextOfHtml(HTMLParser):
    BLOCKS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "blockquote"}
    HIDDEN = {"script", "style", "head", "title"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in self.HIDDEN:
            self.hidden += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.HIDDEN:
            self.hidden = max(self.hidden - 1, 0)
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def html_text(html: str) -> str:
    """The text of an HTML message, one line per paragraph."""
    parser = _TextOfHtml()
    parser.feed(html)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    return "\n".join(line for line in lines if line)


def _connect(mailbox: InboundMailbox) -> imaplib.IMAP4:
    host, port = mailbox.host, mailbox.port
    if mailbox.security == InboundMailbox.Security.TLS:
        context = ssl.create_default_context()
        connection: imaplib.IMAP4 = imaplib.IMAP4_SSL(
            host, port, ssl_context=context, timeout=TIMEOUT_SECONDS
        )
    else:
        connection = imaplib.IMAP4(host, port, timeout=TIMEOUT_SECONDS)
        if mailbox.security == InboundMailbox.Security.STARTTLS:
            connection.starttls(ssl.create_default_context())
    connection.login(mailbox.username, mailbox.password)
    return connection


def _unseen(connection: imaplib.IMAP4, folder: str) -> list[tuple[str, EmailMessage]]:
    _check(connection.select(_quoted(folder)))
    found = _check(connection.uid("SEARCH", "UNSEEN"))
    uids = [uid.decode() for uid in found[0].split()[:BATCH]] if found[0] else []

    messages = []
    for uid in uids:
        # PEEK: fetching does not mark the message as seen; the reader's
        # success does.
        data = _check(connection.uid("FETCH", uid, "(BODY.PEEK[])"))
        raw = next((item[1] for item in data if isinstance(item, tuple)), None)
        if raw is None:
            continue
        message = message_from_bytes(raw, policy=policy.default)
        assert isinstance(message, EmailMessage)  # the default policy's class
        messages.append((uid, message))
    return messages


def _check(answer: tuple[str, list]) -> list:
    status, data = answer
    if status != "OK":
        raise imaplib.IMAP4.error(f"{status}: {data!r}"[:300])
    return data


def _quoted(folder: str) -> str:
    return '"' + folder.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _record_failure(mailbox: InboundMailbox, error: Exception) -> None:
    logger.warning("Mailbox %s could not be read: %s", mailbox.pk, error)
    InboundMailbox.objects.filter(pk=mailbox.pk).update(
        last_error=str(error)[:2000], failures=mailbox.failures + 1
    )
