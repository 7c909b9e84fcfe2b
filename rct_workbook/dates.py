"""Dates people type: "By when?" answers and check-in dates (pure functions, no I/O).

A "By when?" answer is either a calendar date, written in any common way (2026-03-31,
31 March 2026, March 31 2026, 31.03.2026), or free text ("after the budget meeting").
A date is stored as an ISO date (``2026-03-31``) so it sorts, reaches the calendar and
reads the same everywhere; anything else is kept exactly as typed.

python-dateutil reads the common forms. It is chosen over dateparser because it only
reads what is there: dateparser guesses (it turns "next month" or a bare weekday into a
date relative to today, detects languages, and pulls in regex, pytz and tzlocal), and a
wrong guess here would put a small step on the wrong day of someone's calendar.
"""

from __future__ import annotations

import datetime as _dt
import re

#: Dates outside these years are taken as typing slips, and kept as text.
FIRST_YEAR, LAST_YEAR = 1990, 2200

_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ALL_NUMERIC = re.compile(r"^\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{2,4})\s*$")
_MONTH_WORD = re.compile(r"[a-z]{3,}", re.IGNORECASE)


def parse_date(text: str) -> _dt.date | None:
    """The calendar date ``text`` names in full (day, month and year), or None.

    Nothing is guessed: "May", "Friday", "3pm" or "next month" are not dates here, and
    neither is an all-numeric date that could be read two ways (03/04/2026 is 3 April in
    most of the world and March 4 in the United States). Write 2026-04-03 or 3 April 2026.
    """
    from dateutil import parser

    text = " ".join(text.split())
    if not text or len(text) > 40 or not any(ch.isdigit() for ch in text):
        return None
    if _ISO.match(text):
        try:
            found = _dt.date.fromisoformat(text)
        except ValueError:
            return None
        return found if FIRST_YEAR <= found.year <= LAST_YEAR else None
    numeric = _ALL_NUMERIC.match(text)
    if numeric:
        first, second = int(numeric.group(1)), int(numeric.group(2))
        if first <= 12 and second <= 12 and first != second:
            return None  # ambiguous: day-month or month-day
    elif not _MONTH_WORD.search(text):
        return None  # digits alone, in no form we can be sure of
    # Parsed twice against two different defaults: a part the text does not give (a year,
    # a day) comes from the default, so the two readings differ and it is not a full date.
    readings = []
    for default in (_dt.datetime(2001, 1, 1), _dt.datetime(2002, 2, 2)):
        try:
            readings.append(parser.parse(text, default=default, dayfirst=True, fuzzy=False))
        except (ValueError, OverflowError):
            return None
    first_reading, second_reading = readings
    if first_reading.date() != second_reading.date():
        return None
    if (first_reading.hour, first_reading.minute, first_reading.second) != (0, 0, 0):
        return None  # a time of day was given: that is an appointment, not a date for a step
    found = first_reading.date()
    return found if FIRST_YEAR <= found.year <= LAST_YEAR else None


def by_when_value(text: str | None) -> str | None:
    """A "By when?" answer as stored: the ISO date when it names one, else the text as typed."""
    if text is None:
        return None
    found = parse_date(text)
    return found.isoformat() if found is not None else text


def as_date(value: object) -> _dt.date | None:
    """A stored "By when?" value as a date, when it is one (an ISO date or a YAML date)."""
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str) and _ISO.match(value.strip()):
        try:
            return _dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def human(day: _dt.date) -> str:
    """26 November 2026."""
    return f"{day.day} {day.strftime('%B %Y')}"


#: First words of a "By when?" answer that already say when ("within a month", "after the
#: budget meeting"), so "by" is not put before them ("by within a month").
_SAYS_WHEN = frozenset(
    [
        "by",
        "within",
        "in",
        "before",
        "after",
        "until",
        "till",
        "on",
        "at",
        "during",
        "next",
        "this",
        "end",
        "around",
        "about",
        "when",
        "once",
        "soon",
        "asap",
        "today",
        "tonight",
        "tomorrow",
        "whenever",
        "sometime",
        "early",
        "late",
        "mid",
        "over",
        "every",
        "each",
        "weekly",
        "monthly",
        "ongoing",
        "first",
        "last",
    ]
)


def when_phrase(by_when: str) -> str:
    """A "By when?" answer as it reads after a step: "by 2027-02-10", "by Friday", or the words
    as typed when they already say when ("within a month", "after the budget meeting")."""
    text = " ".join(by_when.split())
    first = text.split(" ", 1)[0].casefold().strip(",.;:")
    return text if first in _SAYS_WHEN else f"by {text}"
