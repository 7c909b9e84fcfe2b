"""Which mode output is in (plain or rich) and how wide it is, without importing Rich.

Kept apart from ``render.terminal`` so that what only needs the mode (a prompt's colour
depth, the pager) does not import Rich.
"""

from __future__ import annotations

import os
import sys
from typing import IO

MAX_WIDTH = 80


#: Whether LANG and LC_* describe the terminal. Not on Windows, where a console has no
#: locale variables (they are unset, which elsewhere means C) and its encoding says it all.
LOCALE_DESCRIBES_TERMINAL = os.name != "nt"


def ascii_only_terminal(stream: IO[str] | None = None) -> bool:
    """Whether the terminal cannot be trusted with colour or box drawing: ``TERM=dumb``; an
    output ``stream`` (standard output by default) whose encoding is not Unicode, such as a
    legacy Windows console's cp437 or cp1252, or ``PYTHONIOENCODING=ascii``; or, outside
    Windows, a C/POSIX locale (where the terminal may not show UTF-8 lines and bullets)."""
    if os.environ.get("TERM", "") == "dumb":
        return True
    if not _holds_unicode(stream or sys.stdout):
        return True
    if not LOCALE_DESCRIBES_TERMINAL:
        return False
    lc_all, lc_ctype, lang = (os.environ.get(name, "") for name in ("LC_ALL", "LC_CTYPE", "LANG"))
    if not lc_all and lc_ctype in ("C.UTF-8", "C.utf8", "UTF-8") and lang in ("", "C", "POSIX"):
        # Python itself turned a C locale into C.UTF-8 (PEP 538); the terminal's is still C.
        return True
    value = lc_all or lc_ctype or lang or "C"
    return value.split(".")[0] in ("C", "POSIX") and "UTF" not in value.upper().replace("-", "")


def _holds_unicode(stream: object) -> bool:
    encoding = getattr(stream, "encoding", None)
    if not encoding:
        return True  # a text buffer, not a device: it holds any character
    import codecs

    try:
        return codecs.lookup(encoding).name.startswith("utf")
    except LookupError:
        return False


def wants_plain(flag: bool, stream: IO[str] | None = None) -> bool:
    """Plain output when asked, when NO_COLOR is set, on an ASCII-only terminal (TERM=dumb,
    a C/POSIX locale, a legacy Windows console), or when not writing to a terminal."""
    stream = stream or sys.stdout
    if flag or os.environ.get("NO_COLOR") or ascii_only_terminal(stream):
        return True
    try:
        return not stream.isatty()
    except (AttributeError, ValueError):
        return True


def console_width(plain: bool, stream: IO[str]) -> int:
    """The width output is drawn to: 80 columns in plain mode, else the terminal's up to 80.

    A terminal whose size was never set (a new pseudo-terminal, ``script`` with no
    controlling terminal) reports 0 columns: that means unknown, not zero, so ``COLUMNS``
    is used if it holds a width, else 80. Drawing to width 0 would print nothing at all.
    """
    if plain:
        return MAX_WIDTH
    try:
        columns = os.get_terminal_size(stream.fileno()).columns
    except (OSError, ValueError, AttributeError):
        return MAX_WIDTH
    if columns <= 0:
        columns = _columns_from_environment()
    return min(MAX_WIDTH, columns)


def _columns_from_environment() -> int:
    text = os.environ.get("COLUMNS", "").strip()
    if text.isascii() and text.isdigit() and 0 < len(text) <= 4 and int(text) > 0:
        return int(text)
    return MAX_WIDTH
