"""A real IMAP server on 127.0.0.1 (pymap, in memory), for the tests of inbound mail."""

import imaplib
import socket
import subprocess
import sys
import time
from email.message import EmailMessage
from pathlib import Path


class LocalImapServer:
    """pymap's in-memory backend in a process of its own, with one user."""

    user = "registratura"
    password = "parola-de-test"

    def __init__(self, port: int):
        self.host = "127.0.0.1"
        self.port = port
        pymap = Path(sys.executable).with_name("pymap")
        self._process = subprocess.Popen(
            [
                str(pymap),
                "--host",
                self.host,
                "--port",
                str(port),
                "--no-tls",
                "dict",
                "--demo-user",
                self.user,
                "--demo-password",
                self.password,
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self._wait_until_listening()

    def _wait_until_listening(self) -> None:
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            try:
                socket.create_connection((self.host, self.port), timeout=1).close()
                return
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError("pymap did not start")

    def connect(self) -> imaplib.IMAP4:
        connection = imaplib.IMAP4(self.host, self.port, timeout=10)
        connection.login(self.user, self.password)
        return connection

    def deliver(self, message: EmailMessage, folder: str = "INBOX") -> None:
        """Put a message in the mailbox, as the mail server would."""
        with self.connect() as connection:
            status, _data = connection.append(
                folder, None, imaplib.Time2Internaldate(time.time()), message.as_bytes()
            )
            assert status == "OK"

    def mailbox(self, institution, purpose, *, password=None, address=""):
        """The institution's inbound mailbox on this server."""
        from notifications.models import InboundMailbox

        return InboundMailbox.objects.create(
            institution=institution,
            purpose=purpose,
            address=address,
            host=self.host,
            port=self.port,
            security=InboundMailbox.Security.NONE,
            username=self.user,
            password=self.password if password is None else password,
        )

    def unseen(self, folder: str = "INBOX") -> list[bytes]:
        with self.connect() as connection:
            connection.select(folder)
            _status, data = connection.uid("SEARCH", "UNSEEN")
        return data[0].split() if data and data[0] else []

    def stop(self) -> None:
        self._process.terminate()
        self._process.wait(timeout=10)
