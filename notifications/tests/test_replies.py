"""Replies as common mail clients send them: the new text, no quote, no signature."""

from email.message import EmailMessage

import pytest

from notifications.replies import reply_text

NEW = "Groapa este tot acolo, s-a adâncit după ploaie."


def _plain(body: str) -> EmailMessage:
    message = EmailMessage()
    message["Subject"] = "Re: Un mesaj despre sesizarea dumneavoastră"
    message.set_content(body)
    return message


def _html_only(html: str) -> EmailMessage:
    message = EmailMessage()
    message["Subject"] = "RE: Un mesaj despre sesizarea dumneavoastră"
    message.set_content(html, subtype="html")
    return message


def _with_html(plain: str, html: str) -> EmailMessage:
    message = _plain(plain)
    message.add_alternative(html, subtype="html")
    return message


PLAIN_REPLIES = {
    "gmail, English": (
        f"{NEW}\n\nOn Fri, 4 Dec 2026 at 10:12, Primăria Cluj-Napoca <"
        "sesizari@primaria.example.ro> wrote:\n\n> Bună ziua,\n> Vă rugăm să ..."
    ),
    "gmail, Romanian, the header wrapped": (
        f"{NEW}\n\nÎn vin., 4 dec. 2026 la 10:12, Primăria Cluj-Napoca\n"
        "<sesizari@primaria.example.ro> a scris:\n\n> Bună ziua,\n"
    ),
    "outlook, header block": (
        f"{NEW}\n\n________________________________\nFrom: Primăria Cluj-Napoca "
        "<sesizari@primaria.example.ro>\nSent: Friday, December 4, 2026 10:12 AM\n"
        "To: Ana Ionescu\nSubject: Un mesaj\n\nBună ziua,"
    ),
    "outlook, Romanian header block": (
        f"{NEW}\n\nDe la: Primăria Cluj-Napoca <sesizari@primaria.example.ro>\n"
        "Trimis: vineri, 4 decembrie 2026 10:12\nCătre: Ana Ionescu\n"
        "Subiect: Un mesaj\n\nBună ziua,"
    ),
    "thunderbird": (
        f"{NEW}\n\nOn 12/4/26 10:12 AM, Primăria Cluj-Napoca wrote:\n> Bună ziua,"
    ),
    "original message separator": (
        f"{NEW}\n\n-----Original Message-----\nFrom: sesizari@primaria.example.ro"
    ),
    "iphone signature": f"{NEW}\n\nTrimis de pe iPhone-ul meu",
    "signature dashes": f"{NEW}\n\n-- \nAna Ionescu\nStr. Observatorului 5",
    "outlook mobile": f"{NEW}\n\nGet Outlook for Android",
    "bare quote": f"{NEW}\n> Bună ziua,\n> text citat",
}


@pytest.mark.parametrize("body", PLAIN_REPLIES.values(), ids=PLAIN_REPLIES.keys())
def test_plain_replies_keep_only_the_new_text(body):
    assert reply_text(_plain(body)) == NEW


def test_plain_reply_of_several_paragraphs_is_kept_whole():
    text = f"{NEW}\n\nAm atașat și o fotografie nouă.\nMulțumesc,\nAna"

    assert reply_text(_plain(text + "\n\nOn Fri, 4 Dec 2026, X wrote:\n> a")) == text


HTML_REPLIES = {
    "gmail, HTML only": (
        f'<div dir="ltr">{NEW}</div><br><div class="gmail_quote">'
        '<div dir="ltr" class="gmail_attr">On Fri, 4 Dec 2026 at 10:12 Primăria '
        "wrote:<br></div><blockquote>Bună ziua,</blockquote></div>"
    ),
    "outlook, HTML only": (
        f'<html><body><div>{NEW}</div><hr style="display:inline-block">'
        '<div id="divRplyFwdMsg"><b>From:</b> Primăria<br><b>Sent:</b> Friday'
        "</div><div>Bună ziua, vă rugăm...</div></body></html>"
    ),
    "apple mail": (
        f'<html><body><div>{NEW}</div><div><br><blockquote type="cite">'
        "<div>On 4 Dec 2026, at 10:12, Primăria wrote:</div>Bună ziua,"
        "</blockquote></div></body></html>"
    ),
    "thunderbird": (
        f'<html><body><p>{NEW}</p><div class="moz-cite-prefix">On 12/4/26 '
        "10:12 AM, Primăria wrote:<br></div><blockquote>Bună ziua,</blockquote>"
        "</body></html>"
    ),
}


@pytest.mark.parametrize("html", HTML_REPLIES.values(), ids=HTML_REPLIES.keys())
def test_html_only_replies_keep_only_the_new_text(html):
    assert reply_text(_html_only(html)) == NEW


def test_a_reply_with_both_parts_is_read_from_its_plain_text():
    message = _with_html(
        f"{NEW}\n\nOn Fri, 4 Dec 2026, Primăria wrote:\n> Bună ziua,",
        f"<div>{NEW} (HTML)</div>",
    )

    assert reply_text(message) == NEW


def test_an_empty_reply_is_empty():
    assert reply_text(_plain("\n\nOn Fri, 4 Dec 2026, X wrote:\n> Bună ziua,")) == ""
