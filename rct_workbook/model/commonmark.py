"""Typed text as inert CommonMark: the escaping shared by every Markdown writer.

A leaf with no imports from the package, so the question types (model), the entry
writer (journal) and the renderers can all use it without an import cycle.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

#: Characters that can start or shape Markdown inline syntax, escaped wherever they are.
_INLINE = re.compile(r"([\\`*_\[\]<>&|~!#{}])")
#: What can open a block at the start of a line once inline characters are escaped.
_BLOCK_START = re.compile(r"^(\d{1,9})([.)])|^([-+=:])")
#: Characters that would be invisible or reorder text: shown as visible code points.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff\u2028\u2029\ufeff]"
)


#: Control characters (C0, DEL, C1), line and paragraph separators and bidi controls: never
#: written into a file where one line of text belongs (a calendar's SUMMARY, a name, a topic).
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff]")


def one_line(text: str) -> str:
    """``text`` as one plain line for a file: control characters (ESC, BEL, a newline) and
    invisible direction marks become spaces, and runs of spaces one space."""
    return " ".join(_CONTROL.sub(" ", text).split())


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


# --- the entry body's writer: one leaf that the journal, the exports and the renderers share ---


def heading(level: int, text: str) -> str:
    """An ATX heading; trailing sentence punctuation (not a question mark) is dropped,
    as Markdown linters expect (MD026)."""
    words = " ".join(text.split()).rstrip(".,;:!")
    return f"{'#' * level} {escape_line(words)}"


def bullet_list(items: Sequence[str]) -> str:
    return "\n".join(f"- {escape_line(' '.join(item.split()))}" for item in items)


def numbered_list(items: Sequence[str]) -> str:
    return "\n".join(f"{i}. {escape_line(' '.join(item.split()))}" for i, item in enumerate(items, 1))
