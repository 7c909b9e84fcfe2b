"""One-line messages (errors, "Wrote …") as a terminal shows them: wrapped at word edges.

A terminal breaks a line that is wider than the screen wherever the edge falls ("wo" at the
end of one row, "rried" at the start of the next). At a terminal each message is wrapped to
the screen's width between words, its continuation rows indented two spaces; written to a
file or a pipe it stays one line, so what scripts read is unchanged.
"""

from __future__ import annotations

import os
import textwrap
from typing import IO


def fitted(text: str, stream: IO[str]) -> str:
    """``text`` (lines ending in a newline or not) wrapped for ``stream`` when it is a terminal."""
    try:
        if not os.isatty(stream.fileno()):
            return text
        columns = os.get_terminal_size(stream.fileno()).columns
    except (OSError, ValueError, AttributeError):
        return text
    if columns <= 0:  # a terminal whose size was never set: nothing to fit to
        return text
    width = max(20, columns)
    out = []
    for line in text.split("\n"):
        if len(line) <= width:
            out.append(line)
            continue
        indent = line[: len(line) - len(line.lstrip(" "))]
        out.append(
            textwrap.fill(
                line.strip(" "),
                width,
                initial_indent=indent,
                subsequent_indent=indent + "  ",
                break_long_words=False,
                break_on_hyphens=False,
            )
        )
    return "\n".join(out)


def say(stream: IO[str], text: str) -> None:
    """Write ``text`` to ``stream``, wrapped at word edges if it is a terminal."""
    stream.write(fitted(text, stream))
