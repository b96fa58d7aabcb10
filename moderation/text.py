"""Romanian text as stored, and as compared."""

import unicodedata

# Legacy encodings gave Romanian the cedilla letters; the correct ones have
# a comma below. Both circulate, so text is stored with the comma and
# compared with neither.
_CEDILLA_TO_COMMA = str.maketrans("şŞţŢ", "șȘțȚ")


def normalize_text(text: str) -> str:
    """NFC with comma-below ș and ț, trimmed, line ends unified."""
    text = unicodedata.normalize("NFC", text).translate(_CEDILLA_TO_COMMA)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(line.rstrip() for line in lines).strip()


def fold(text: str) -> str:
    """Lower case without diacritics, for search and matching."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def fold_in_place(text: str) -> str:
    """fold(), one character for one, so positions in it are positions in text.

    The few characters that fold to several (ß, ligatures) are only lowered.
    """
    return "".join(_fold_char(char) for char in text)


def _fold_char(char: str) -> str:
    folded = fold(char)
    if len(folded) == 1:
        return folded
    lowered = char.lower()
    return lowered if len(lowered) == 1 else char
