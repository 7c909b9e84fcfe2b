"""Markdown for journal entries and exports: clean CommonMark, typed text kept inert.

Whatever a person typed (a ``---``, a ``# heading``, HTML, a list, a table row) is
escaped so it stays inside its answer as plain text. The exact text is kept in the
entry's front matter; the body is its readable rendering.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from rct_workbook.flow.questions import Ask

#: Characters that can start or shape Markdown inline syntax, escaped wherever they are.
_INLINE = re.compile(r"([\\`*_\[\]<>&|~!#{}])")
#: What can open a block at the start of a line once inline characters are escaped.
_BLOCK_START = re.compile(r"^(\d{1,9})([.)])|^([-+=:])")
#: Characters that would be invisible or reorder text: shown as visible code points.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff\u2028\u2029\ufeff]"
)


def escape_line(line: str) -> str:
    """One line of typed text as inline CommonMark that renders exactly as typed."""
    line = _INVISIBLE.sub(lambda m: f"U+{ord(m.group()):04X}", line)
    line = line.strip()
    line = _INLINE.sub(r"\\\1", line)
    return _BLOCK_START.sub(lambda m: f"{m.group(1)}\\{m.group(2)}" if m.group(1) else f"\\{m.group(3)}", line)


def escape_text(text: str) -> str:
    """Typed text, possibly many lines, as CommonMark paragraphs.

    Blank lines separate paragraphs; other line breaks are kept as hard breaks
    (a backslash at the end of the line).
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    paragraphs: list[list[str]] = [[]]
    for raw in text.split("\n"):
        line = escape_line(raw)
        if line:
            paragraphs[-1].append(line)
        elif paragraphs[-1]:
            paragraphs.append([])
    return "\n\n".join("\\\n".join(p) for p in paragraphs if p)


def heading(level: int, text: str) -> str:
    """An ATX heading; trailing sentence punctuation (not a question mark) is dropped,
    as Markdown linters expect (MD026)."""
    words = " ".join(text.split()).rstrip(".,;:!")
    return f"{'#' * level} {escape_line(words)}"


def answer_markdown(ask: Ask, value: Any) -> str:
    """An answer as Markdown (after its question's heading)."""
    q = ask.question
    if value is None or value == []:
        return "*No answer.*"
    if q.type in ("text", "long_text"):
        return escape_text(value)
    if q.type == "choice":
        return escape_text(ask.label_of(value))
    if q.type == "multi":
        return "\n".join(f"- {escape_line(ask.label_of(v))}" for v in value)
    if q.type == "rating":
        ends = f" (1 = {q.low_label}; 5 = {q.high_label})"
        return f"**{value}** of 5{escape_line(ends)}"
    if q.type == "yes_no":
        return "Yes" if value else "No"
    if q.type == "repeat":
        blocks = []
        for i, row in enumerate(value, 1):
            parts = [f"{i}. {escape_line(ask.question.prompt.rstrip('?:. '))} {i}"]
            for field in ask.fields:
                parts.append("")
                parts.append(f"   *{escape_line(field.question.prompt)}*")
                parts.append("")
                body = answer_markdown(field, row.get(field.id))
                parts.extend(f"   {line}" if line else "" for line in body.split("\n"))
            blocks.append("\n".join(parts))
        return "\n\n".join(blocks)
    return escape_text(str(value))  # pragma: no cover


def answers_markdown(asks: Sequence[Ask], answers: dict[str, Any], level: int = 3) -> str:
    """Each answered question as a heading followed by its answer."""
    out = []
    for ask in asks:
        if ask.id not in answers:
            continue
        out.append(heading(level, ask.question.prompt))
        out.append("")
        out.append(answer_markdown(ask, answers[ask.id]))
        out.append("")
    return "\n".join(out).rstrip("\n")


def bullet_list(items: Sequence[str]) -> str:
    return "\n".join(f"- {escape_line(' '.join(item.split()))}" for item in items)


def numbered_list(items: Sequence[str]) -> str:
    return "\n".join(f"{i}. {escape_line(' '.join(item.split()))}" for i, item in enumerate(items, 1))
