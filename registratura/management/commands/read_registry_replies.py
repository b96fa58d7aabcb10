import email
import mailbox
from email import policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from institutions.models import Institution
from notifications.inbound import message_text
from registratura.by_email import record_registry_reply


class Command(BaseCommand):
    help = (
        "Read a registry's replies from a mailbox file (an mbox file or a "
        "Maildir folder) and register the reports and answers whose numbers "
        "they give. Messages are only read, never removed: reading the same "
        "mailbox again changes nothing. An IMAP mailbox is read by the "
        "workers instead (inbound mailboxes, in the admin)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("institution", help="The institution's slug.")
        parser.add_argument("mailbox", help="An mbox file or a Maildir folder.")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            institution = Institution.objects.get(slug=options["institution"])
        except Institution.DoesNotExist as error:
            raise CommandError("No institution has this slug.") from error
        path = Path(options["mailbox"])
        if not path.exists():
            raise CommandError("The mailbox does not exist.")

        box: mailbox.Maildir | mailbox.mbox = (
            mailbox.Maildir(path, create=False) if path.is_dir() else mailbox.mbox(path)
        )
        read = registered = 0
        for key in box.iterkeys():
            message = email.message_from_bytes(
                box.get_bytes(key), policy=policy.default
            )
            assert isinstance(message, EmailMessage)  # the default policy's class
            read += 1
            call = record_registry_reply(
                institution=institution,
                subject=str(message.get("Subject", "")),
                body=message_text(message),
            )
            registered += call is not None

        self.stdout.write(f"Read {read} message(s); registered {registered} report(s).")
