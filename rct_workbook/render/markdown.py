"""Markdown for journal entries and exports: clean CommonMark, typed text kept inert.

Whatever a person typed (a ``---``, a ``# heading``, HTML, a list, a table row) is
escaped so it stays inside its answer as plain text. The exact text is kept in the
entry's front matter; the body is its readable rendering.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rct_workbook.flow.questions import Ask
from rct_workbook.model.commonmark import escape_line, escape_text

__all__ = [
    "answer_markdown",
    "answers_markdown",
    "bullet_list",
    "escape_line",
    "escape_text",
    "heading",
    "numbered_list",
]


def heading(level: int, text: str) -> str:
    """An ATX heading; trailing sentence punctuation (not a question mark) is dropped,
    as Markdown linters expect (MD026)."""
    words = " ".join(text.split()).rstrip(".,;:!")
    return f"{'#' * level} {escape_line(words)}"


def answer_markdown(ask: Ask, value: Any) -> str:
    """An answer as Markdown (after its question's heading); its question type decides how."""
    return ask.kind.markdown(ask, value)


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
