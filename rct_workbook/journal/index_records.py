"""The records the journal index answers with (rows, listings, digests) and the small
conversions between their stored JSON and Python values.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rct_workbook.paths import journal_dir

if TYPE_CHECKING:
    from rct_workbook.journal.entry import Digest, Entry


class _InJournal:
    """Where an indexed entry's file is and the day it was made, for the records below."""

    name: str
    created: str

    @property
    def path(self) -> Path:
        return journal_dir() / self.name

    @property
    def date(self) -> str:
        return self.created[:10]


@dataclass(frozen=True)
class Row(_InJournal):
    """What the index knows of one entry: enough to list, filter and chart it."""

    name: str
    id: str
    created: str
    kind: str
    title: str
    vignette: str | None
    section: str | None
    mean: float | None
    answers: dict[str, Any]
    reading: dict[str, Any] | None
    updates: list[dict[str, Any]]
    #: Each answer's share mode ("group" or "private") as stored when it was saved; empty
    #: for entries saved before rct stored it.
    shares: dict[str, str] = field(default_factory=dict)
    #: The assessment's setting ("main" for entries saved before settings existed); None for other kinds.
    setting: str | None = None
    review: list[dict[str, Any]] = field(default_factory=list)
    next_check_in: str | None = None


@dataclass(frozen=True)
class Refresh:
    """What a refresh found: files skipped (with the reason) and files others can read."""

    skipped: tuple[tuple[str, str], ...]
    exposed: tuple[str, ...] = ()
    #: Entry ids found in more than one file (e.g. a sync tool's "conflicted copy"), with the files.
    duplicates: tuple[tuple[str, tuple[str, ...]], ...] = ()
    #: One line each about the index itself: healed from damage, or answered from the files.
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Listing(_InJournal):
    """What a list of entries shows of one entry (``Index.rows(fields="listing")``)."""

    name: str
    id: str
    created: str
    kind: str
    title: str
    vignette: str | None
    section: str | None
    mean: float | None
    setting: str | None = None


@dataclass(frozen=True)
class Digested:
    """One entry as progress reads it (``Index.digests``): its digest, parsed, and where and when."""

    id: str
    created: str
    mean: float | None
    ratings: dict[str, int]
    profile: dict[str, float]
    #: How many small steps it planned, and which of them (numbered from 1) are done.
    steps: int
    done: tuple[int, ...]
    #: The assessment's setting (None for entries of other kinds), and its chosen next check-in.
    setting: str | None
    next_check_in: str | None
    #: The numbers of its small steps (a hand-edited answer that is no step has no number), and
    #: the updates and review it records: what the tally of the small steps needs (journal/steps.py).
    numbers: tuple[int, ...] = ()
    updates: list[dict[str, Any]] = field(default_factory=list)
    review: list[dict[str, Any]] = field(default_factory=list)


def parse_digest(text: str | None) -> Digest:
    """The ``digest`` column (JSON written from ``entry.digest``); parts of the wrong shape read as empty."""
    try:
        data = json.loads(text) if text else {}
    except (ValueError, RecursionError):
        data = {}
    return _digest_of(data)


def _digest_of(data: object) -> Digest:
    """A decoded digest with parts of the wrong shape read as empty. (What JSON decodes is of
    exact types, so ``type(v) is int`` is "an int and no bool" here, and quicker to ask.)"""
    if not isinstance(data, dict):
        data = {}
    ratings, profile, steps, done = data.get("ratings"), data.get("profile"), data.get("steps"), data.get("done")
    return {
        "ratings": {k: v for k, v in ratings.items() if type(v) is int} if isinstance(ratings, dict) else {},
        "profile": (
            {k: float(v) for k, v in profile.items() if type(v) is float or type(v) is int}
            if isinstance(profile, dict)
            else {}
        ),
        "steps": steps if type(steps) is int else 0,
        "done": [d for d in done if type(d) is int] if isinstance(done, list) else [],
    }


def _digests_of(texts: Sequence[str | None]) -> list[Digest]:
    """Many ``digest`` columns at once: decoded as one JSON array (one call instead of thousands),
    or one by one when any of them is missing or no JSON."""
    if all(texts):
        try:
            decoded = json.loads("[" + ",".join(texts) + "]")  # type: ignore[arg-type]
        except (ValueError, RecursionError):
            decoded = None
        if isinstance(decoded, list) and len(decoded) == len(texts):
            return [_digest_of(data) for data in decoded]
    return [parse_digest(text) for text in texts]


def _numbers(text: str | None) -> tuple[int, ...]:
    """The ``step_numbers`` column ("1,2") as numbers; none if it is empty or damaged."""
    if not text:
        return ()
    try:
        return tuple(map(int, text.split(",")))
    except ValueError:
        return ()


def _updates(entry: Entry) -> list[dict[str, Any]]:
    return list(entry.updates) if entry.updates else []


def utc_instant(created: str) -> str:
    """``created`` (ISO 8601 with an offset) as a sortable UTC time; "" if it is no time.

    A time without an offset (hand-written) is taken as UTC, so it still has one place.
    """
    import datetime as _dt

    text = created.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    try:
        when = _dt.datetime.fromisoformat(text)
    except ValueError:
        try:
            when = _dt.datetime.combine(_dt.date.fromisoformat(text[:10]), _dt.time())
        except ValueError:
            return ""
    if when.tzinfo is None:
        when = when.replace(tzinfo=_dt.UTC)
    return when.astimezone(_dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
