"""Answers as text: the most one answer holds, typed text as stored, what a value from a
file is in words, "not answered", and questions and names as a sentence shows them.

Every question type checks and shows answers with these, and so do the flows and the
journal (a note's length, a value in an answers file)."""

from __future__ import annotations

import datetime as _dt
from typing import Any

#: The most one answer (or note) holds, in bytes as stored (UTF-8): an emoji takes four, an
#: accented letter two, so the limit is on what is written, and an entry stays readable.
MAX_TEXT = 20_000


def too_long(text: str) -> str | None:
    """Why ``text`` is too long for one answer, or None when it fits."""
    size = len(text.encode("utf-8", "surrogatepass"))
    if size <= MAX_TEXT:
        return None
    return (
        f"the text is too long: it takes {size:,} bytes as saved, and an answer holds at most {MAX_TEXT:,}"
        " (a plain letter takes one byte, an accented letter two, an emoji four)"
    )


def joined(names: list[str]) -> str:
    """Names in a sentence: "A", "A and B", "A, B and C"."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


# --- checking ------------------------------------------------------------------------------


def clean_text(value: str) -> str:
    """Typed text as stored: CRLF and CR become newlines, broken surrogates U+FFFD."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return value.encode("utf-8", "replace").decode("utf-8") if _has_surrogate(value) else value


def _has_surrogate(value: str) -> bool:
    return any("\ud800" <= ch <= "\udfff" for ch in value)


def kind_of_value(value: Any) -> str:
    """What a value from a file is, in words ("a number", "a list")."""
    if isinstance(value, bool):
        return "a yes/no value"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, (_dt.date, _dt.datetime)):
        return "a date"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def is_empty(value: Any) -> bool:
    """None, an empty list or blank text: "not answered"."""
    return value is None or value == [] or (isinstance(value, str) and not value.strip())


def one_line(text: str) -> str:
    return " ".join(text.split())


def short_label(prompt: str) -> str:
    """A question as a label before its answer: "With whom? (an ally, or leave empty)" is "With whom"."""
    head = one_line(prompt).split(" (", 1)[0]
    return head.rstrip("?:. ") or one_line(prompt)
