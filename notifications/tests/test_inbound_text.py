"""The text of received messages: plain text as sent, HTML turned into lines."""

from email.message import EmailMessage

from notifications.inbound import html_text, message_text


def test_html_text_keeps_paragraphs_and_drops_markup_and_styles():
    html = (
        "<html><head><style>p {color: red}</style></head><body>"
        "<p>Bună ziua,</p><div>Nr. înregistrare: <b>4567/2026</b></div>"
        "<p>Registratura&nbsp;Primăriei</p></body></html>"
    )

    assert html_text(html) == (
        "Bună ziua,\nNr. înregistrare: 4567/2026\nRegistratura Primăriei"
    )


def test_message_text_prefers_the_plain_part():
    message = EmailMessage()
    message.set_content("Textul simplu")
    message.add_alternative("<p>Textul HTML</p>", subtype="html")

    assert message_text(message) == "Textul simplu\n"


def test_message_text_of_an_html_only_message():
    message = EmailMessage()
    message.set_content("<p>Doar HTML</p>", subtype="html")

    assert message_text(message) == "Doar HTML"
