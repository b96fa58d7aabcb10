"""Romanian phone numbers, as people write them, to the +40 form."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_SEPARATORS = re.compile(r"[\s.\-/()]")

# After the leading 0 of the national form: 2x and 3x are fixed lines,
# 7x mobile networks, 8x and 9x special services.
_NATIONAL = re.compile(r"^0([237]\d{8})$")


def normalize_phone(value: str) -> str:
    """Return the number as +40 followed by nine digits.

    Accepts the national form (0722 123 456, 0264-123.456, (0264) 123456)
    and the international one (+40 722 123 456, 0040722123456, 40722123456).
    Raises ValidationError for anything else.
    """
    digits = _SEPARATORS.sub("", value.strip())
    if digits.startswith("+40"):
        digits = "0" + digits[3:]
    elif digits.startswith("0040"):
        digits = "0" + digits[4:]
    elif digits.startswith("40") and len(digits) == 11:
        digits = "0" + digits[2:]

    match = _NATIONAL.match(digits)
    if not match:
        raise ValidationError(
            _(
                "Enter a Romanian phone number, for example 0722 123 456 "
                "or +40 264 123 456."
            ),
            code="invalid_phone",
        )
    return "+40" + match.group(1)
