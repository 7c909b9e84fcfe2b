"""The shape of an entry's front matter, checked once, when the entry is read.

Everything that reads an entry (the index, show, export, steps, progress, delete) goes
through ``parse_entry`` in ``store.py``, which checks the front matter here. A file that
fails is skipped with one line naming the file and the key; it is never rewritten.
Checks are structural: what rct writes, and what the rest of the code relies on. Keys
rct does not own (Obsidian ``tags:``, ``aliases:``, a person's own keys) are allowed.

The shape is defined once, as pydantic models (``front_models.py``). Reading a journal
checks thousands of entries, though, and importing pydantic and running the models is a
fifth of a first listing's time; so a front matter is first checked here by hand, with
exact types (``type(x) is str``, so no subclass and no bool for a number). What passes
that check passes the models too (the tests hold the two together on generated front
matter); anything else, right or wrong, goes to the models, which decide and name the
first wrong key. The quick check only ever says "certainly fine" or "ask the models".
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
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

_SCALAR = frozenset({str, bool, int, float})
_NUMBER = frozenset({int, float})
_DATE_OR_TEXT = frozenset({str, _dt.date})

Check = Callable[[Any], bool]


def _text(value: Any) -> bool:
    return type(value) is str


def _text_or_none(value: Any) -> bool:
    return value is None or type(value) is str


def _whole(value: Any) -> bool:
    return type(value) is int


def _number_or_none(value: Any) -> bool:
    return value is None or type(value) in _NUMBER


def _scalar(value: Any) -> bool:
    return value is None or type(value) in _SCALAR


def _item(value: Any) -> bool:
    """One item of a list answer: a scalar (not None), or a mapping of text to scalars."""
    kind = type(value)
    if kind in _SCALAR:
        return True
    return kind is dict and all(type(k) is str and _scalar(v) for k, v in value.items())


def _answer(value: Any) -> bool:
    return _scalar(value) or (type(value) is list and all(_item(i) for i in value))


def _mapping_of(check: Check) -> Check:
    return lambda value: type(value) is dict and all(type(k) is str and check(v) for k, v in value.items())


def _list_of(check: Check) -> Check:
    return lambda value: type(value) is list and all(check(v) for v in value)


def _record(required: dict[str, Check], optional: dict[str, Check]) -> Check:
    """A mapping with text keys, ``required`` present, and every known key of the right kind
    (other keys are allowed, whatever they hold)."""

    def check(value: Any) -> bool:
        if type(value) is not dict or not all(type(k) is str for k in value):
            return False
        if not all(key in value and ok(value[key]) for key, ok in required.items()):
            return False
        return all(ok(value[key]) for key, ok in optional.items() if key in value)

    return check


_small_step = _record(
    {"what": _text},
    {WITH_WHOM: _text_or_none, BY_WHEN: _text_or_none, "risk": _text_or_none, "evidence": _text_or_none},
)
_reading = _record(
    {},
    {
        "good_things": _mapping_of(lambda v: v is None or type(v) is int),
        "change": _mapping_of(_whole),
        "mean": _number_or_none,
        "mean_change": _number_or_none,
        "band": _text_or_none,
        "profile": _mapping_of(_record({"checked": _whole, "total": _whole}, {})),
        "profile_summary": _text_or_none,
        "suggestions": _list_of(_text),
        "warnings": _list_of(_text),
        "first_step": _text_or_none,
    },
)
_front = _record(
    {"format": _whole, "id": _text, "kind": _text, "created": _text, "answers": _mapping_of(_answer)},
    {
        "title": _text_or_none,
        "content_version": _text,
        "vignette": _text_or_none,
        "section": _text_or_none,
        "reading": lambda v: v is None or _reading(v),
        "updates": _list_of(_record({"step": _whole, "status": _text, "date": _text}, {"note": _text_or_none})),
        "shares": lambda v: v is None or _mapping_of(lambda s: type(s) is str and s in ("group", "private"))(v),
        "setting": _text_or_none,
        "review": _list_of(_record({"step": _text, "status": _text}, {"what": _text_or_none, "note": _text_or_none})),
        "next_check_in": lambda v: v is None or type(v) in _DATE_OR_TEXT,
    },
)


def certainly_fine(front: dict[Any, Any]) -> bool:
    """Whether ``front`` (its ``created`` already text) certainly has an entry's shape; False
    means only that the models must look (``front_models.problem_of``)."""
    if not _front(front):
        return False
    steps = front["answers"].get(SMALL_STEPS)
    return steps is None or (type(steps) is list and all(_small_step(s) for s in steps))
