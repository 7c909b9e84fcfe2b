"""The shape of an entry's front matter, checked once, when the entry is read.

Everything that reads an entry (the index, show, export, steps, progress, delete) goes
through ``parse_entry`` in ``store.py``, which checks the front matter here. A file that
fails is skipped with one line naming the file and the key; it is never rewritten.
Checks are structural: what rct writes, and what the rest of the code relies on. Keys
rct does not own (Obsidian ``tags:``, ``aliases:``, a person's own keys) are allowed.

The shape is defined once, as pydantic models (``front_models.py``). Reading a journal
checks thousands of entries, though: importing pydantic and building the models took
~60 ms before a first listing could start sharing its work, and the models ~30 µs an
entry (bench/journal.md). So a front matter is first checked here by hand, with
exact types (``type(x) is str``, so no subclass and no bool for a number). What passes
that check passes the models too (the tests hold the two together on generated front
matter); anything else, right or wrong, goes to the models, which decide and name the
first wrong key. The quick check only ever says "certainly fine" or "ask the models".
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import Any

from rct_workbook.model.answers import BY_WHEN, SMALL_STEPS, WITH_WHOM


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
    front = normalised(front)
    if not certainly_fine(front):
        return by_models(front)
    shares = front.get("shares")
    return Checked(
        id=front["id"],
        kind=front["kind"],
        created=front["created"],
        title=front.get("title") or "",
        content_version=front.get("content_version", ""),
        vignette=front.get("vignette"),
        section=front.get("section"),
        has_reading=front.get("reading") is not None,
        shares=None if shares is None else dict(shares),
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


def by_models(front: dict[Any, Any]) -> Checked:
    """``front`` (normalised) checked by the pydantic models, which name the first wrong key."""
    from rct_workbook.journal.front_models import problem_of

    checked = problem_of(front)
    if isinstance(checked, str):
        raise InvalidFront(checked)
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


# --- the quick check: True only when the models would certainly accept ---------------------------
# Exact types, checked in plain loops: this runs for every entry read, thousands of times in a first listing.

Kinds = frozenset[type]

_SCALAR: Kinds = frozenset({str, bool, int, float, type(None)})
_NUMBER_OR_NONE: Kinds = frozenset({int, float, type(None)})
_TEXT_OR_NONE: Kinds = frozenset({str, type(None)})
_DATE_TEXT_OR_NONE: Kinds = frozenset({str, _dt.date, type(None)})
_TEXT: Kinds = frozenset({str})
_WHOLE: Kinds = frozenset({int})
_WHOLE_OR_NONE: Kinds = frozenset({int, type(None)})
_SHARE_MODES = ("group", "private")

#: Keys the models know, and the exact types each may hold (other keys may hold anything).
_FRONT_SCALARS: dict[str, Kinds] = {
    "title": _TEXT_OR_NONE,
    "content_version": _TEXT,
    "vignette": _TEXT_OR_NONE,
    "section": _TEXT_OR_NONE,
    "setting": _TEXT_OR_NONE,
    "next_check_in": _DATE_TEXT_OR_NONE,
}
_READING_SCALARS: dict[str, Kinds] = {
    "mean": _NUMBER_OR_NONE,
    "mean_change": _NUMBER_OR_NONE,
    "band": _TEXT_OR_NONE,
    "profile_summary": _TEXT_OR_NONE,
    "first_step": _TEXT_OR_NONE,
}
_STEP_SCALARS: dict[str, Kinds] = {
    "what": _TEXT,
    WITH_WHOM: _TEXT_OR_NONE,
    BY_WHEN: _TEXT_OR_NONE,
    "risk": _TEXT_OR_NONE,
    "evidence": _TEXT_OR_NONE,
}
_UPDATE_SCALARS = {
    "step": frozenset({int}),
    "status": frozenset({str}),
    "date": frozenset({str}),
    "note": _TEXT_OR_NONE,
}
_REVIEW_SCALARS: dict[str, Kinds] = {"step": _TEXT, "status": _TEXT, "what": _TEXT_OR_NONE, "note": _TEXT_OR_NONE}


def _keys_are_text(mapping: dict[Any, Any]) -> bool:
    return all(type(key) is str for key in mapping)


def _scalars_fit(mapping: dict[Any, Any], kinds: dict[str, Kinds], required: tuple[str, ...] = ()) -> bool:
    """``required`` keys present, and each key of ``kinds`` present holds one of its types."""
    return all(key in mapping for key in required) and all(
        type(mapping[key]) in allowed for key, allowed in kinds.items() if key in mapping
    )


def _records_fit(value: Any, kinds: dict[str, Kinds], required: tuple[str, ...]) -> bool:
    """A list of mappings with text keys, each with ``required`` and ``kinds`` as in :func:`_scalars_fit`."""
    if type(value) is not list:
        return False
    for record in value:
        if type(record) is not dict or not _keys_are_text(record) or not _scalars_fit(record, kinds, required):
            return False
    return True


def _answers_fit(answers: Any) -> bool:
    """Text keys; each answer a scalar, or a list of scalars (no blanks) and mappings of text to scalars."""
    if type(answers) is not dict:
        return False
    for key, value in answers.items():
        if type(key) is not str:
            return False
        kind = type(value)
        if kind in _SCALAR:
            continue
        if kind is not list:
            return False
        for item in value:
            kind = type(item)
            if kind is dict:
                for inner, scalar in item.items():
                    if type(inner) is not str or type(scalar) not in _SCALAR:
                        return False
            elif item is None or kind not in _SCALAR:
                return False
    return True


def _text_map_fits(value: Any, allowed: Kinds) -> bool:
    return type(value) is dict and all(type(key) is str and type(inner) in allowed for key, inner in value.items())


def _text_list_fits(value: Any) -> bool:
    return type(value) is list and all(type(item) is str for item in value)


def _reading_fits(reading: Any) -> bool:
    if reading is None:
        return True
    if type(reading) is not dict or not _keys_are_text(reading) or not _scalars_fit(reading, _READING_SCALARS):
        return False
    if "good_things" in reading and not _text_map_fits(reading["good_things"], _WHOLE_OR_NONE):
        return False
    if "change" in reading and not _text_map_fits(reading["change"], _WHOLE):
        return False
    for key in ("suggestions", "warnings"):
        if key in reading and not _text_list_fits(reading[key]):
            return False
    if "profile" in reading:
        profile = reading["profile"]
        if type(profile) is not dict:
            return False
        for key, counts in profile.items():
            if type(key) is not str or type(counts) is not dict or not _keys_are_text(counts):
                return False
            if type(counts.get("checked")) is not int or type(counts.get("total")) is not int:
                return False
    return True


def _shares_fit(shares: Any) -> bool:
    if shares is None:
        return True
    if type(shares) is not dict:
        return False
    for key, mode in shares.items():
        if type(key) is not str or type(mode) is not str or mode not in _SHARE_MODES:
            return False
    return True


def certainly_fine(front: dict[Any, Any]) -> bool:
    """Whether ``front`` (its ``created`` already text) certainly has an entry's shape; False
    means only that the models must look (``front_models.problem_of``)."""
    if not _keys_are_text(front):
        return False
    if type(front.get("format")) is not int:
        return False
    for key in ("id", "kind", "created"):
        if type(front.get(key)) is not str:
            return False
    if not _scalars_fit(front, _FRONT_SCALARS) or not _answers_fit(front.get("answers")):
        return False
    if not _reading_fits(front.get("reading")) or not _shares_fit(front.get("shares")):
        return False
    if "updates" in front and not _records_fit(front["updates"], _UPDATE_SCALARS, ("step", "status", "date")):
        return False
    if "review" in front and not _records_fit(front["review"], _REVIEW_SCALARS, ("step", "status")):
        return False
    steps = front["answers"].get(SMALL_STEPS)
    return steps is None or _records_fit(steps, _STEP_SCALARS, ("what",))
