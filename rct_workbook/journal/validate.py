"""The shape of an entry's front matter, checked once, when the entry is read.

Everything that reads an entry (the index, show, export, steps, progress, delete) goes
through ``parse_entry`` in ``store.py``, which checks the front matter here. A file that
fails is skipped with one line naming the file and the key; it is never rewritten.
Checks are structural: what rct writes, and what the rest of the code relies on. Keys
rct does not own (Obsidian ``tags:``, ``aliases:``, a person's own keys) are allowed.

The shape is defined once, as pydantic models (``front_models.py``), which decide and
name the first wrong key. This module is imported when the first entry is read (and by
the index before it forks to parse), so commands that read no entry never load pydantic.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import Any

from rct_workbook.journal.front_models import problem_of


class InvalidFront(Exception):
    """The front matter does not have the shape of an entry; the message names the key."""


@dataclass(frozen=True)
class Checked:
    """What the reader takes from a checked front matter (the rest it reads as written)."""

    id: str
    kind: str
    created: str
    title: str
    content_version: str
    vignette: str | None
    section: str | None
    has_reading: bool
    shares: dict[str, str] | None


def check_front(front: dict[Any, Any]) -> Checked:
    """The front matter checked, or InvalidFront naming the first key that is wrong."""
    checked = problem_of(normalised(front))
    if isinstance(checked, str):
        raise InvalidFront(checked)
    _check_instant(checked.created)
    return Checked(
        id=checked.id,
        kind=checked.kind,
        created=checked.created,
        title=checked.title or "",
        content_version=checked.content_version,
        vignette=checked.vignette,
        section=checked.section,
        has_reading=checked.reading is not None,
        shares=None if checked.shares is None else dict(checked.shares),
    )


#: Instants an entry may have been made at, in UTC: a time zone cannot push one past the
#: calendar's ends (9999-12-31T23:59:59-12:00 is in the year 10000), and what rct counts
#: from it (days since, "by the end of next month") stays inside the calendar too.
EARLIEST, LATEST = (
    _dt.datetime(1900, 1, 1, tzinfo=_dt.UTC),
    _dt.datetime(9000, 12, 31, tzinfo=_dt.UTC),
)


def _check_instant(created: str) -> None:
    """InvalidFront if ``created`` is a time rct cannot place on the calendar (out of range)."""
    text = created.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    try:
        when = _dt.datetime.fromisoformat(text)
    except ValueError:
        try:  # as the index reads it: the day alone
            when = _dt.datetime.combine(_dt.date.fromisoformat(text[:10]), _dt.time())
        except ValueError:
            return  # no time at all: such an entry sorts first, as it always has
    if when.tzinfo is None:  # as the index reads it: a time without an offset is UTC
        when = when.replace(tzinfo=_dt.UTC)
    try:
        instant: _dt.datetime | None = when.astimezone(_dt.UTC)
    except (OverflowError, ValueError, OSError):  # past the calendar's end, or the platform's
        instant = None
    if instant is None or not EARLIEST <= instant <= LATEST:
        raise InvalidFront(
            f"created: {created[:40]!r} is outside the years rct can place (1900 to 9000, in any time zone)"
        )


def normalised(front: dict[Any, Any]) -> dict[Any, Any]:
    """A copy of ``front`` with ``created`` as text; InvalidFront for an answer whose key is not text."""
    front = dict(front)
    created = front.get("created")
    if isinstance(created, _dt.datetime):  # a hand-edited, unquoted time: YAML made it a datetime
        front["created"] = created.isoformat()
    elif isinstance(created, _dt.date):
        front["created"] = _dt.datetime.combine(created, _dt.time()).isoformat()
    answers = front.get("answers")
    if isinstance(answers, dict):
        for key in answers:
            if not isinstance(key, str):
                raise InvalidFront(f"answers: the key {key} is not text (a date or number as a key: put it in quotes)")
    return front
