"""Make text from files or people safe to show in a terminal.

Escape sequences, control characters and bidirectional overrides could clear the
screen, retitle the window, write to the clipboard (OSC 52), hide text or reorder it.
``clean`` turns each into a visible, harmless stand-in. Rich markup is never
interpreted in such text because renderers wrap it in ``rich.text.Text`` (see
``text()``), never pass it as a markup string.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.text import Text

_BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_UNSAFE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}\ud800-\udfff]")


def _visible(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)  # control pictures: ESC shows as U+241B
    if code == 0x7F:
        return "\u2421"
    return f"<U+{code:04X}>"


def clean(value: object) -> str:
    """``value`` as text with every terminal-controlling character made visible.

    Newlines and tabs are kept; a CRLF becomes a plain newline.
    """
    text = value if isinstance(value, str) else str(value)
    text = text.replace("\r\n", "\n")
    return _UNSAFE.sub(_visible, text)


def text(value: object, style: str = "") -> Text:
    """A Rich ``Text`` of cleaned ``value``: markup in it shows literally."""
    from rich.text import Text

    return Text(clean(value), style=style)
