"""The validated content, kept between runs so most commands skip YAML and pydantic.

Loading the content means reading every YAML file through the line-tracking reader and
validating it with pydantic: most of the start-up time of a command that shows content.
The result depends only on the content files and the code that reads them, so it is kept,
pickled, in the cache folder (``paths.cache_dir``), under a stamp of every content file's
path, size, modification and change times and inode, the package version, the Python
version and the model code's files. Any difference in the stamp, and any cache that cannot
be read, is ignored: the content is validated again and the cache rewritten.

The file is written atomically, 0600 in a 0700 folder, and read only when the current user
owns it and no one else can write it. It is unpickled by an unpickler that can make only the
content's own classes (and paths), so even a tampered cache cannot run code. This module
keeps and reads; ``content.load_content`` decides when, and checks what it reads back, so
the two do not import each other.
"""

from __future__ import annotations

import binascii
import importlib
import io
import pickle
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from rct_workbook.model.stamps import code_stamp, folders_stamp

#: Bump when the pickled shape changes in a way the code stamp would not notice.
FORMAT = 1
#: A cache larger than this is not ours.
MAX_BYTES = 32 * 1024 * 1024

Stamp = tuple[Any, ...]


def stamp(folders: Sequence[tuple[Path, str]]) -> Stamp | None:
    """What the content depends on; None when a folder cannot be listed (then it is validated, and the error shown)."""
    from rct_workbook import __version__

    files = folders_stamp(folders)
    if files is None:
        return None
    return (FORMAT, __version__, sys.version_info[:2], code_stamp([Path(__file__).parent]), *files)


def cache_file(key: Stamp) -> Path | None:
    """One cache file per set of content folders (the built-in content, and each set of packs)."""
    from rct_workbook.model.stamps import trusted_cache_dir

    folder = trusted_cache_dir()
    if folder is None:
        return None
    folders = repr([part[:3] for part in key[4:]]).encode("utf-8", "surrogateescape")
    # The name only keeps sets of folders apart; the stamp inside decides whether it is used.
    return folder / f"content-{binascii.crc32(folders):08x}.pickle"


#: The modules that define the content's records (``schema`` and its parts).
_RECORD_MODULES = frozenset(
    f"rct_workbook.model.{name}"
    for name in ("schema", "schema_paper", "schema_reading", "schema_trainer", "conditions")
)


class _ContentUnpickler(pickle.Unpickler):
    """Makes the content's classes and paths, and nothing else."""

    def find_class(self, module: str, name: str) -> Any:
        if module in _RECORD_MODULES:
            from rct_workbook.model.records import Record

            found = getattr(importlib.import_module(module), name, None)
            if isinstance(found, type) and issubclass(found, Record):
                return found
        elif module == "rct_workbook.model.content" and name in ("Content", "Origin"):
            return getattr(importlib.import_module(module), name)
        elif module == "pathlib" and name in ("Path", "PosixPath", "WindowsPath"):
            import pathlib

            return getattr(pathlib, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not part of the content")


def read(key: Stamp) -> Any:
    """The content kept for ``key``, or None when there is none that can be trusted and matches
    (the caller checks that it is content)."""
    from rct_workbook.storage import read_private

    path = cache_file(key)
    if path is None:
        return None
    data = read_private(path, MAX_BYTES)
    if data is None:
        return None
    try:
        stored, content = _ContentUnpickler(io.BytesIO(data)).load()
    except Exception:  # a damaged cache can fail in any way at all; it is only rebuilt
        import logging

        logging.getLogger("rct").debug("content cache %s cannot be read; rebuilding it", path)
        return None
    return content if stored == key else None


def write(key: Stamp, content: Any) -> None:
    """Keep ``content`` for the next run. A cache that cannot be written is only a slower next run."""
    from rct_workbook.errors import WorkbookError
    from rct_workbook.storage import make_private_folders, write_atomic

    path = cache_file(key)
    if path is None:
        return
    data = pickle.dumps((key, content), protocol=pickle.HIGHEST_PROTOCOL)
    try:
        make_private_folders(path.parent)
        write_atomic(path, data)
    except (OSError, WorkbookError) as exc:
        import logging

        logging.getLogger("rct").debug("content cache %s not written: %s", path, exc)
