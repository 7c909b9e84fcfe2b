"""Text for a terminal that shows only ASCII (TERM=dumb, a C or POSIX locale, a legacy code
page): typographic characters in the content spelled the ASCII way, not shown as "?" or
mojibake. Boxes and bars are already drawn in ASCII there; this does the same for the words.
"""

from __future__ import annotations

import io
import unicodedata
from typing import IO

#: Characters the content and rct's own words use, as ASCII writes them.
SPELLED = str.maketrans(
    {
        "\u2013": "-",  # en dash
        "\u2014": "--",  # em dash
        "\u2012": "-",
        "\u2015": "--",
        "\u2212": "-",  # minus
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u00b7": "-",  # the middle dot between items: "ward - 3 of 9"
        "\u2022": "*",
        "\u2023": "*",
        "\u25e6": "*",
        "\u2026": "...",
        "\u203a": ">",
        "\u2039": "<",
        "\u2192": "->",
        "\u2190": "<-",
        "\u00d7": "x",
        "\u00a0": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u2713": "v",
        "\u2717": "x",
    }
)


def to_ascii(text: str) -> str:
    """``text`` in ASCII: the characters above spelled out, accents dropped (é is e), and any
    other character a "?" (a terminal that shows only ASCII would garble it anyway)."""
    if text.isascii():
        return text
    spelled = text.translate(SPELLED)
    if spelled.isascii():
        return spelled
    decomposed = unicodedata.normalize("NFKD", spelled)
    return "".join(ch if ch.isascii() else ("" if unicodedata.combining(ch) else "?") for ch in decomposed)


class AsciiStream(io.TextIOBase):
    """A text stream that writes to ``stream`` in ASCII (for Rich's ``Console(file=…)``)."""

    def __init__(self, stream: IO[str]):
        self.stream = stream

    def write(self, text: str) -> int:
        self.stream.write(to_ascii(text))
        return len(text)

    def flush(self) -> None:
        self.stream.flush()

    def isatty(self) -> bool:
        return self.stream.isatty()

    def fileno(self) -> int:
        return self.stream.fileno()

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self.stream, "encoding", None) or "ascii"
