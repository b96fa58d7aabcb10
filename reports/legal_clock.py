"""The legal clock of a petition (OG 27/2002): due dates and working days.

Terms run in calendar days from the day of registration in Europe/Bucharest
(art. 8); a term that ends on a non-working day ends on the next working
day. Non-working days are Saturdays, Sundays and the public holidays of the
Labour Code (art. 139), computed for any year, Orthodox Easter included.
"""

from datetime import date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from django.utils import timezone

from institutions.models import Institution

# OG 27/2002 art. 9: the term may be extended once, by at most 15 days.
EXTENSION_MAX_DAYS = 15
EXTENSION_REASON_MIN_LENGTH = 10

# The law's days are Romanian days, whatever time zone a request activated.
LEGAL_TIME_ZONE = ZoneInfo("Europe/Bucharest")

# Fixed-date holidays as (month, day, first year observed).
FIXED_HOLIDAYS = (
    (1, 1, 1900),
    (1, 2, 1900),
    (1, 6, 2024),  # Boboteaza
    (1, 7, 2024),  # Sf. Ioan Botezătorul
    (1, 24, 2017),  # Ziua Unirii Principatelor Române
    (5, 1, 1900),
    (6, 1, 2017),  # Ziua Copilului
    (8, 15, 1900),  # Adormirea Maicii Domnului
    (11, 30, 1900),  # Sf. Andrei
    (12, 1, 1900),
    (12, 25, 1900),
    (12, 26, 1900),
)
# Holidays that move with Orthodox Easter, as (days after Easter, first year).
EASTER_HOLIDAYS = (
    (-2, 2018),  # Vinerea Mare
    (0, 1900),
    (1, 1900),
    (49, 1900),  # Rusalii
    (50, 1900),
)


def orthodox_easter(year: int) -> date:
    """Easter Sunday of the Orthodox Church, as a Gregorian date.

    Meeus' Julian computus; from 1900 to 2099 the Julian calendar is 13
    days behind the Gregorian one.
    """
    if not 1900 <= year <= 2099:
        raise ValueError(f"Orthodox Easter is computed for 1900-2099, not {year}.")
    a, b, c = year % 4, year % 7, year % 19
    d = (19 * c + 15) % 30
    e = (2 * a + 4 * b - d + 34) % 7
    month, day = divmod(d + e + 114, 31)
    return date(year, month, day + 1) + timedelta(days=13)


@lru_cache(maxsize=256)
def public_holidays(year: int) -> frozenset[date]:
    easter = orthodox_easter(year)
    fixed = {date(year, m, d) for m, d, since in FIXED_HOLIDAYS if year >= since}
    moving = {
        easter + timedelta(days=n) for n, since in EASTER_HOLIDAYS if year >= since
    }
    return frozenset(fixed | moving)


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in public_holidays(day.year)


def next_working_day(day: date) -> date:
    """The day itself when it is a working day, else the first one after it."""
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


def term_end(start: date, days: int) -> date:
    """The last day of a term of `days` calendar days counted from `start`."""
    return next_working_day(start + timedelta(days=days))


def due_date_for(
    institution: Institution, registered_at: datetime, extra_days: int = 0
) -> date:
    """The day the answer is due for a report registered at that moment."""
    registered_on = timezone.localdate(registered_at, LEGAL_TIME_ZONE)
    return term_end(registered_on, institution.answer_term_days + extra_days)
