"""Where the content lives and what the content cache depends on, without loading it.

The validated content is kept between runs (``model.cache``) and used only while a stamp
of what it was made from still matches: every content file's path, size, modification and
change times and inode, and the code that made it. Computing a stamp reads no YAML and
imports none of the content code, so a run served from the cache pays for a few ``stat``
calls only.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

#: A content folder holding more YAML files than this is not read (it is reported instead).
MAX_FILES = 500

FileStamp = tuple[str, int, int, int, int]


def trusted_cache_dir() -> Path | None:
    """The cache folder (``paths.cache_dir``), or None when there is none or it cannot be
    trusted: a folder another user owns or others can write to (``RCT_CACHE`` in a 1777
    folder) could be given a planted file or a FIFO in place of a cache. Such a folder is
    not used at all, and the person is told once per run."""
    from rct_workbook.paths import cache_dir, folder_problem
    from rct_workbook.storage import shown, warn_once

    folder = cache_dir()
    if folder is None:
        return None
    problem = folder_problem(folder)
    if problem is not None:
        warn_once(
            f"the cache folder {shown(folder)} is not used: {problem};"
            " set RCT_CACHE to a folder of your own (rct still works, only more slowly)"
        )
        return None
    return folder


def builtin_content_dir() -> Path:
    """Where the shipped content lives: inside the wheel, or at the top of a checkout."""
    package = Path(__file__).resolve().parent.parent
    shipped = package / "_content"
    if shipped.is_dir():
        return shipped
    return package.parent / "content"


def shown(path: Path) -> str:
    """A path as a person would recognise it: relative to the current folder if under it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def content_folders(packs: Iterable[Path]) -> list[tuple[Path, str]]:
    """The built-in content, then each pack in order, each with the name it is shown under."""
    return [(builtin_content_dir(), "built-in"), *((p, shown(p)) for p in packs)]


def yaml_files(folder: Path) -> list[Path] | None:
    """The content files in ``folder``, in load order; None when it holds too many to read."""
    found: list[Path] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.endswith((".yaml", ".yml")) and not name.startswith("."):
                found.append(Path(root) / name)
        if len(found) > MAX_FILES:
            return None
    return found


def file_stamp(path: Path) -> FileStamp | None:
    """A file's path, size, modification and change times and inode; None when it cannot be read."""
    try:
        st = path.stat()
    except OSError:
        return None
    return (str(path), st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)


def code_stamp(folders: Sequence[Path]) -> tuple[FileStamp | None, ...]:
    """The stamps of the Python files in ``folders`` (not their subfolders)."""
    found: list[FileStamp | None] = []
    for folder in folders:
        try:
            with os.scandir(folder) as entries:
                names = sorted(e.name for e in entries if e.name.endswith(".py"))
        except OSError:
            found.append(None)
            continue
        found.extend(file_stamp(folder / name) for name in names)
    return tuple(found)


def folders_stamp(folders: Sequence[tuple[Path, str]]) -> tuple[Any, ...] | None:
    """The stamps of every content file in ``folders``; None when a folder cannot be listed
    or a file read (then the content is validated, and the problem shown)."""
    parts: list[Any] = []
    for folder, name in folders:
        if not folder.is_dir():
            return None
        files = yaml_files(folder)
        if files is None:
            return None
        stamps = tuple(file_stamp(p) for p in files)
        if None in stamps:
            return None
        parts.append((str(folder), name, str(folder.resolve()), stamps))
    return tuple(parts)
