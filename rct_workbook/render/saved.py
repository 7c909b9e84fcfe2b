"""Screens of the model and of the vignettes, kept between runs (as ``man`` keeps formatted pages).

``rct learn TOPIC`` and ``rct vignette NAME --no-reflect`` draw the same screen every time
for the same content, width and mode, and drawing it is most of their time: importing Rich
and the content's classes, loading the content and laying out its tables. So the drawn
screen is kept in the cache folder (``paths.cache_dir``), one file per screen and mode, under
a stamp of everything the drawing depends on:

- every content file (path, size, modification and change times, inode), as for the
  content cache (``model.cache``);
- rct's own code (every module of the package) and its version, the Python version, and
  the Rich that drew it (its modules' stamps);
- the screen asked for (the command's words, as typed), plain or colour, the width, whether
  output is a terminal and its encoding, and every environment variable Rich or rct reads to
  choose colours, width and characters.

Any difference, and any kept file that is not the person's own, is writable by others, is
not whole (its length and checksum are kept beside it) or holds anything but text, line
ends and colour codes, is ignored: the screen is drawn again and the file rewritten
(atomically, 0600 in a 0700 folder). This module imports no Rich.
"""

from __future__ import annotations

import binascii
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any, NamedTuple

from rct_workbook.model.stamps import FileStamp, code_stamp, content_folders, file_stamp, folders_stamp

#: Bump when the file's layout changes.
FORMAT = 1
#: A kept screen larger than this is not ours (the longest, a vignette in colour, is ~40 KB).
MAX_BYTES = 2 * 1024 * 1024

#: What Rich and rct read from the environment to choose colours, width and characters.
ENVIRONMENT = (
    "COLORTERM",
    "COLUMNS",
    "DATABRICKS_RUNTIME_VERSION",
    "FORCE_COLOR",
    "JUPYTER_COLUMNS",
    "JUPYTER_LINES",
    "LANG",
    "LC_ALL",
    "LC_CTYPE",
    "LINES",
    "NO_COLOR",
    "TERM",
    "TTY_COMPATIBLE",
    "TTY_INTERACTIVE",
)

#: A kept screen holds text, line ends and colour codes (SGR), nothing that could drive the terminal.
_SAFE = re.compile(r"(?:[^\x00-\x1f\x7f-\x9f]|\n|\x1b\[[0-9;]*m)*")

Stamp = tuple[Any, ...]


def _code() -> tuple[FileStamp | None, ...]:
    """rct's modules: the package's own and each subpackage's (not the shipped content)."""
    package = Path(__file__).resolve().parent.parent
    with os.scandir(package) as entries:
        folders = sorted(Path(e.path) for e in entries if e.is_dir() and not e.name.startswith(("_", ".")))
    return code_stamp([package, *folders])


def _rich() -> tuple[Any, ...] | None:
    """The installed Rich, found without importing it: its folder and modules."""
    from importlib.util import find_spec

    try:
        spec = find_spec("rich")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations)))
    return (file_stamp(folder), code_stamp([folder]))


def _is_terminal(stream: IO[str]) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


class Key(NamedTuple):
    """Where a kept screen lives (one file per screen, mode and set of content folders) and
    the stamp it must match to be used."""

    name: str
    stamp: Stamp


def key(screen: Sequence[str], *, plain: bool, width: int, packs: Sequence[Path], stream: IO[str]) -> Key | None:
    """The key of a kept ``screen``; None when the content folders cannot be read (then the
    screen is drawn, and any problem reported, as without a cache)."""
    from rct_workbook import __version__

    folders = content_folders(packs)
    content = folders_stamp(folders)
    rich = _rich()
    if content is None or rich is None:
        return None
    which = repr((tuple(screen), plain, [(str(path), shown) for path, shown in folders]))
    stamp = (
        FORMAT,
        __version__,
        tuple(sys.version_info[:3]),
        sys.platform,
        tuple(screen),
        plain,
        width,
        _is_terminal(stream),
        str(getattr(stream, "encoding", None)),
        tuple(os.environ.get(name) for name in ENVIRONMENT),
        rich,
        _code(),
        content,
    )
    return Key(f"{binascii.crc32(which.encode('utf-8', 'surrogateescape')):08x}.txt", stamp)


def _file(key: Key) -> Path | None:
    from rct_workbook.paths import cache_dir

    folder = cache_dir()
    return None if folder is None else folder / "screens" / key.name


def read(key: Key) -> str | None:
    """The kept screen for ``key``, or None when there is none that matches and can be trusted."""
    from rct_workbook.storage import read_private

    path = _file(key)
    if path is None:
        return None
    data = read_private(path, MAX_BYTES)
    if data is None:
        return None
    stored, _, rest = data.partition(b"\n")
    check, _, body = rest.partition(b"\n")
    if stored != _header(key) or check != _check(body):
        return None
    try:
        screen = body.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return screen if screen and _SAFE.fullmatch(screen) else None


def write(key: Key, screen: str) -> None:
    """Keep ``screen`` for the next run. One that cannot be kept is only a slower next run."""
    from rct_workbook.errors import WorkbookError
    from rct_workbook.storage import make_private_folders, write_atomic

    path = _file(key)
    if path is None or not screen or not _SAFE.fullmatch(screen):
        return
    try:
        make_private_folders(path.parent)
        body = screen.encode("utf-8")
        # Not fsynced: the length and checksum line shows a screen a power cut cut short.
        write_atomic(path, b"\n".join([_header(key), _check(body), body]), durable=False)
    except (OSError, WorkbookError) as exc:
        import logging

        logging.getLogger("rct").debug("screen %s not kept: %s", path, exc)


def _check(body: bytes) -> bytes:
    return f"{len(body)} {binascii.crc32(body):08x}".encode("ascii")


def _header(key: Key) -> bytes:
    # repr of nested tuples of str, int, bool and None is exact and one line (newlines are escaped).
    return repr(key.stamp).encode("utf-8", "surrogateescape")
