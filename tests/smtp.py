"""A real SMTP server on 127.0.0.1 (aiosmtpd), for the tests of e-mail."""

from email import message_from_bytes, policy
from email.message import EmailMessage


class LocalMailServer:
    """Keeps what it receives; refuses the first `refusals` messages."""

    def __init__(self, refusals: int = 0):
        self.refusals = refusals
        self.received: list = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's name
        if self.refusals > 0:
            self.refusals -= 1
            return "451 Try again later"
        self.received.append(envelope)
        return "250 OK"

    def messages(self) -> list[EmailMessage]:
        return [
            message_from_bytes(envelope.content, policy=policy.default)
            for envelope in self.received
        ]
