"""Atomic, private file writes: nothing half-written, nothing overwritten by accident."""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

from rct_workbook.errors import StorageError

#: Temporary files start with this; every reader skips them.
TEMP_PREFIX = ".rct-tmp-"


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - some platforms cannot open folders
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover - e.g. filesystems without directory fsync
        pass
    finally:
        os.close(fd)


def write_atomic(path: Path, data: bytes, *, overwrite: bool = True) -> Path:
    """Write ``data`` to ``path`` as a whole or not at all, with mode 0600.

    A temporary file in the same folder is written, flushed and fsynced, then moved into
    place (``os.replace``) — or, with ``overwrite=False``, hard-linked into place, which
    fails if the name exists, so no other file is ever replaced. The folder is fsynced
    after. On any failure the temporary file is removed and the original left untouched.
    """
    folder = path.parent
    if path.is_symlink():
        raise StorageError(f"{path} is a symbolic link; rct will not replace it")
    temp = folder / f"{TEMP_PREFIX}{secrets.token_hex(6)}"
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
        try:
            os.fchmod(fd, 0o600)
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        if overwrite:
            os.replace(temp, path)
        else:
            os.link(temp, path)
            os.unlink(temp)
        _fsync_dir(folder)
    except FileExistsError:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise StorageError(f"could not save {path.name}: {exc.strerror or exc}") from exc
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    return path
