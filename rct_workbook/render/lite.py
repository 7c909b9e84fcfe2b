"""A few of Rich's shapes drawn without importing Rich, byte for byte as Rich draws them.

The first question of ``rct assess`` is on screen sooner when nothing before it imports
Rich (its import and first drawing are ~15 ms of a ~150 ms start; see bench/startup.md).
What is shown before that question is simple: the flow's title in a box, short paragraphs,
a section's rule and the question's own lines. Each is drawn here exactly as Rich would
draw it in the same mode; ``tests/unit/test_lite_render.py`` compares the two on many texts
and widths. Anything outside these simple shapes (characters whose width Rich measures
specially, a word longer than a line, several spaces in a row, a terminal or environment
Rich treats specially) gives None, and the caller draws it with Rich as before.

A line is a list of ``(text, sgr)`` pieces: ``sgr`` is the SGR code Rich writes for that
style (``"1;36"`` for bold cyan), or ``""`` for no style.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable
from typing import IO

Piece = tuple[str, str]

#: The styles drawn before the first question, as the SGR codes Rich writes for them.
CYAN = "36"
BOLD = "1"
BOLD_CYAN = "1;36"
DIM = "2"

# Characters one cell wide to Rich as to every terminal: printable ASCII, Latin-1 letters and
# signs (not the no-break space or the soft hyphen), and the usual typographic punctuation.
_ONE_CELL = frozenset(
    [chr(c) for c in range(0x21, 0x7F)]
    + [chr(c) for c in range(0xA1, 0x100) if c != 0xAD]
    + list("‐‑–—‘’‚“”„†‡•…‰′″‹›€™")
)


def can_draw(stream: IO[str], plain: bool) -> bool:
    """Whether Rich would draw to ``stream`` as this module does: UTF-8, and in colour mode a
    terminal Rich sees as one (no TERM=dumb/unknown, FORCE_COLOR, TTY_COMPATIBLE, Jupyter)."""
    encoding = (getattr(stream, "encoding", None) or "utf-8").lower()
    if not encoding.startswith("utf"):
        return False
    if plain:
        return True
    env = os.environ
    if "FORCE_COLOR" in env or "TTY_COMPATIBLE" in env or "TTY_INTERACTIVE" in env:
        return False
    if env.get("TERM", "").lower() in ("dumb", "unknown"):
        return False
    import builtins

    if hasattr(builtins, "get_ipython"):
        return False
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def _simple(value: str) -> bool:
    """Words of one-cell characters, single spaces between them, none at either end."""
    return bool(value) and all(word and all(c in _ONE_CELL for c in word) for word in value.split(" "))


def wrap(pieces: list[Piece], width: int) -> list[list[Piece]] | None:
    """The pieces wrapped to ``width`` as Rich wraps a Text (a space stays at the end of the
    line it follows), or None if the text is not simple or a word is longer than a line."""
    value = "".join(text for text, _ in pieces)
    if width < 1 or not _simple(value):
        return None
    words = value.split(" ")
    if max(len(word) for word in words) > width:
        return None
    starts, offset, position = [0], 0, 0
    for i, word in enumerate(words):
        length = len(word) + (1 if i < len(words) - 1 else 0)
        if offset and offset + len(word) > width:
            starts.append(position)
            offset = 0
        offset += length
        position += length
    bounds = [*starts, len(value)]
    lines: list[list[Piece]] = []
    for begin, end in itertools.pairwise(bounds):
        line: list[Piece] = []
        at = 0
        for text, sgr in pieces:
            lo, hi = max(begin, at), min(end, at + len(text))
            if lo < hi:
                line.append((text[lo - at : hi - at], sgr))
            at += len(text)
        if end - begin > width:  # Rich drops the space after a word that ends the line exactly
            text, sgr = line[-1]
            line[-1] = (text[:-1], sgr)
            if not line[-1][0]:
                line.pop()
        lines.append(line)
    return lines


def _length(line: list[Piece]) -> int:
    return sum(len(text) for text, _ in line)


def draw(line: list[Piece], color: bool) -> str:
    """One line as Rich writes it: each styled piece opened and reset on its own."""
    if not color:
        return "".join(text for text, _ in line)
    return "".join(f"\x1b[{sgr}m{text}\x1b[0m" if sgr else text for text, sgr in line)


def text_lines(pieces: list[Piece], width: int, color: bool) -> list[str] | None:
    """A Text printed on its own (not padded to the width)."""
    lines = wrap(pieces, width)
    return None if lines is None else [draw(line, color) for line in lines]


def padded_lines(pieces: list[Piece], width: int, color: bool, *, left: int = 0, bottom: int = 0) -> list[str] | None:
    """``Padding(Text, (0, 0, bottom, left))``: each line indented and filled with spaces to the width."""
    lines = wrap(pieces, width - left)
    if lines is None:
        return None
    out = [" " * left + draw(line, color) + " " * (width - left - _length(line)) for line in lines]
    return out + [" " * width] * bottom


def panel(title: str, body: str, width: int) -> list[str] | None:
    """Rich's rounded ``Panel`` in cyan with a bold title on the left, in colour."""
    if not _simple(title) or len(title) + 2 > width - 6:
        return None
    lines = wrap([(body, "")], width - 4)
    if lines is None:
        return None
    border = f"\x1b[{CYAN}m"
    rest = width - 4 - len(title) - 2
    top = f"{border}╭─\x1b[0m\x1b[{BOLD_CYAN}m {title} \x1b[0m{border}{'─' * rest}\x1b[0m{border}─╮\x1b[0m"
    middle = [
        f"{border}│\x1b[0m {draw(line, False)}{' ' * (width - 4 - _length(line))} {border}│\x1b[0m" for line in lines
    ]
    bottom = f"{border}╰{'─' * (width - 2)}╯\x1b[0m"
    return [top, *middle, bottom]


def rule(title: str, width: int) -> str | None:
    """Rich's ``Rule`` with a bold cyan title on the left and a cyan line, in colour."""
    if not _simple(title) or len(title) > width - 3:
        return None
    return f"\x1b[{BOLD_CYAN}m{title}\x1b[0m \x1b[{CYAN}m{'─' * (width - len(title) - 1)}\x1b[0m"


# --- what rct assess shows before its first question, as parts drawn for (width, plain) ----

Part = Callable[[int, bool], "list[str] | None"]


def title_part(title: str, subtitle: str | None) -> Part:
    """``print_all(console, [Ui.title(title, subtitle)])``."""

    def lines(width: int, plain: bool) -> list[str] | None:
        if not subtitle:
            return None
        if not plain:
            return panel(title, subtitle, width)
        if len(title) > width:
            return None
        body = text_lines([(subtitle, "")], width, False)
        return (
            None if body is None or not _simple(title) else [title, "=" * len(title), *(x.rstrip() for x in body), ""]
        )

    return lines


def para_part(value: str) -> Part:
    """``console.print(Ui.para(value))``."""
    return lambda width, plain: padded_lines([(" ".join(value.split()), "")], width, not plain, bottom=1)


def heading_part(title: str, intro: str | None) -> Part:
    """``print_all(console, [Ui.heading(title), Ui.para(intro)])``, the intro only if there is one."""

    def lines(width: int, plain: bool) -> list[str] | None:
        body = para_part(intro)(width, plain) if intro else []
        if body is None or not _simple(title) or len(title) > width:
            return None
        if plain:
            return ["", title, "-" * len(title), *(x.rstrip() for x in body)]
        top = rule(title, width)
        return None if top is None else ["", top, *body]

    return lines
