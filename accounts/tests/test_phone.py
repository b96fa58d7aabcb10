import pytest
from django.core.exceptions import ValidationError

from accounts.phone import normalize_phone


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("0722 123 456", "+40722123456"),
        ("0722-123-456", "+40722123456"),
        ("0722.123.456", "+40722123456"),
        ("+40 722 123 456", "+40722123456"),
        ("+40722123456", "+40722123456"),
        ("0040 722 123 456", "+40722123456"),
        ("40722123456", "+40722123456"),
        ("(0264) 596 030", "+40264596030"),
        ("0264/596.030", "+40264596030"),
        ("0364 123 456", "+40364123456"),
    ],
)
def test_normalize_phone_accepts_romanian_formats(typed, stored):
    assert normalize_phone(typed) == stored


@pytest.mark.parametrize(
    "typed",
    ["", "0722 123 45", "0722 123 4567", "0122 123 456", "+44 20 7946 0958", "abc"],
)
def test_normalize_phone_refuses_other_numbers(typed):
    with pytest.raises(ValidationError):
        normalize_phone(typed)
