"""What a person wrote in a reply, without the quoted message or signature.

Mail clients quote the message they answer below a line of their own
("On … wrote:", "În … a scris:", "-----Original Message-----", an
Outlook header block) or with "> " before each line, and add signatures
("-- ", "Sent from my iPhone"). The reply is what comes before them.
"""

import re
from email.message import EmailMessage
from html.parser import HTMLParser

from notifications.inbound import html_text

# A line that starts the quoted message; everything from it on is dropped.
QUOTE_HEADERS = [
    re.compile(r"^On .{5,300}wrote:\s*$", re.I | re.S),
    re.compile(r"^În .{5,300}a scris:\s*$", re.I | re.S),
    re.compile(r"^Am .{5,300}schrieb .{0,200}:\s*$", re.I | re.S),
    re.compile(r"^-+\s*(Original Message|Mesaj original|Mesajul original)\s*-+$", re.I),
    re.compile(r"^-+\s*Forwarded message\s*-+$", re.I),
    re.compile(r"^_{10,}$"),
]
# Outlook's header block: "From:" (or "De la:") followed by "Sent:"/"Date:".
HEADER_BLOCK_START = re.compile(r"^\*?(From|De la|De):\*?\s", re.I)
HEADER_BLOCK_NEXT = re.compile(
    r"^\*?(Sent|Date|Trimis|Data|To|Către|Subject|Subiect):", re.I
)
SIGNATURES = [
    re.compile(r"^-- ?$"),
    re.compile(r"^(Sent|Trimis) (from|de pe|din) .{0,80}$", re.I),
    re.compile(r"^Get Outlook for .{0,40}$", re.I),
    re.compile(r"^Obține(ți)? Outlook pentru .{0,40}$", re.I),
]


def reply_text(message: EmailMessage) -> str:
    """The new text of a reply: its plain part, or the text of its HTML."""
    plain = message.get_body(preferencelist=("plain",))
    if plain is not None:
        content = plain.get_content()
        return trim_reply(content if isinstance(content, str) else "")
    html = message.get_body(preferencelist=("html",))
    if html is None:
        return ""
    content = html.get_content()
    return trim_reply(
        html_text(_without_quotes(content)) if isinstance(content, str) else ""
    )


def trim_reply(text: str) -> str:
    lines = text.replace("\r\n", "\n").split("\n")
    kept: list[str] = []
    for index, line in enumerate(lines):
        stripped = line.strip()
        following = [next_line.strip() for next_line in lines[index + 1 : index + 3]]
        if stripped.startswith(">") or _starts_quote(stripped, following):
            break
        if any(pattern.match(stripped) for pattern in SIGNATURES):
            break
        kept.append(line.rstrip())
    return "\n".join(kept).strip()


def _starts_quote(line: str, following: list[str]) -> bool:
    # A client may wrap its header line: "On Mon, 4 Dec 2026 at 10:00, Ana"
    # then "<ana@example.ro> wrote:".
    wrapped = f"{line} {following[0]}" if line and following else line
    if any(pattern.match(line) or pattern.match(wrapped) for pattern in QUOTE_HEADERS):
        return True
    return bool(HEADER_BLOCK_START.match(line)) and any(
        HEADER_BLOCK_NEXT.match(next_line) for next_line in following
    )


class _BeforeQuote(HTMLParser):
    """Copies HTML up to the first block a mail client puts the quote in.

    Clients quote below the reply: Gmail in a "gmail_quote" block, Outlook
    after its "divRplyFwdMsg" header, Apple Mail and Thunderbird in a
    blockquote. What follows the first of them is all quote.
    """

    QUOTE_CLASSES = {"gmail_quote", "gmail_attr", "moz-cite-prefix", "yahoo_quoted"}
    QUOTE_IDS = {"divRplyFwdMsg", "appendonsend"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.parts: list[str] = []
        self.quoted = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        classes = set((values.get("class") or "").split())
        if (
            tag == "blockquote"
            or classes & self.QUOTE_CLASSES
            or values.get("id") in self.QUOTE_IDS
        ):
            self.quoted = True
        self._keep(self.get_starttag_text() or "")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._keep(self.get_starttag_text() or "")

    def handle_endtag(self, tag: str) -> None:
        self._keep(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        self._keep(data)

    def handle_entityref(self, name: str) -> None:
        self._keep(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self._keep(f"&#{name};")

    def _keep(self, text: str) -> None:
        if not self.quoted:
            self.parts.append(text)


def _without_quotes(html: str) -> str:
    parser = _BeforeQuote()
    parser.feed(html)
    parser.close()
    return "".join(parser.parts)
