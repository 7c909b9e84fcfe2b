"""Atomic, private file writes: nothing half-written, nothing overwritten by accident."""

from __future__ import annotations

import contextlib
import os
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


def _kind_of(mode: int) -> str | None:
    import stat

    for test, name in (
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISFIFO, "a FIFO (named pipe)"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISDIR, "a folder"),
    ):
        if test(mode):
            return name
    return None


def check_target(path: Path) -> None:
    """Refuse, with a one-line StorageError, to write over anything but a regular file.

    Renaming over a device node (``/dev/null``, ``/dev/full``), a FIFO or a socket would
    replace it with a file; writing into one could block or vanish. rct writes regular files
    only (``--out -`` writes to standard output).
    """
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise StorageError(f"cannot write {path}: {exc.strerror or exc}") from None
    kind = _kind_of(st.st_mode)
    if kind is not None:
        raise StorageError(f"{path} is {kind}; rct writes only regular files (--out - writes to standard output)")


class NotReadable(Exception):
    """A file that is not a regular file, or larger than the limit (the reason is the message)."""


def read_bounded(path: Path, limit: int) -> bytes:
    """The bytes of the regular file at ``path``, refusing anything else and anything over
    ``limit`` bytes, checked before reading: a link to ``/dev/zero`` or a FIFO would
    otherwise be read without end (or block). Raises NotReadable or OSError."""
    import stat

    # O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused just below.
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            kind = _kind_of(st.st_mode) or "not a regular file"
            raise NotReadable(f"it is {kind}, not a regular file")
        if st.st_size > limit:
            raise NotReadable(f"it is larger than {_size(limit)} ({st.st_size:,} bytes)")
        chunks: list[bytes] = []
        left = limit + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > limit:  # it grew while being read
        raise NotReadable(f"it is larger than {_size(limit)}")
    return data


def read_private(path: Path, limit: int) -> bytes | None:
    """The bytes of a file rct keeps for itself (a cache), or None unless it can be trusted.

    Trusted means: a regular file (not followed through a symbolic link), owned by the
    current user, writable by no one else, and at most ``limit`` bytes. Anything else, and
    any error reading it, is None: the caller rebuilds what the file held.
    """
    import stat

    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    try:
        st = os.fstat(fd)
        if (
            not stat.S_ISREG(st.st_mode)
            or st.st_mode & 0o022
            or (hasattr(os, "geteuid") and st.st_uid != os.geteuid())
            or st.st_size > limit
        ):
            return None
        with os.fdopen(fd, "rb", closefd=False) as stream:
            data = stream.read(limit + 1)
    except OSError:
        return None
    finally:
        os.close(fd)
    return data if len(data) <= limit else None


def make_private_folders(folder: Path) -> None:
    """Create ``folder`` and any missing parents, each 0700 (mkdir's parents would follow the umask).

    For folders of things rct can rebuild: a folder someone else made first is left as it is.
    """
    missing: list[Path] = []
    while not folder.is_dir():
        missing.append(folder)
        if folder.parent == folder:
            break
        folder = folder.parent
    for each in reversed(missing):
        with contextlib.suppress(FileExistsError):
            os.mkdir(each, 0o700)


def _size(limit: int) -> str:
    return f"{limit // (1024 * 1024)} MiB" if limit >= 1024 * 1024 else f"{limit // 1024} KiB"


#: A temporary file this old in an export's folder was left by an export that was killed.
STALE_EXPORT_TEMP_SECONDS = 60


def clean_stale_temps(folder: Path, older_than: float = STALE_EXPORT_TEMP_SECONDS) -> int:
    """Remove rct's temporary files in ``folder`` left by a killed write; how many.

    A killed export may leave one holding private answers, possibly in a synced folder;
    the next export to that folder removes it. Fresh ones (another rct writing now) stay.
    """
    import time

    removed = 0
    try:
        with os.scandir(folder) as scan:
            for item in scan:
                if not item.name.startswith(TEMP_PREFIX):
                    continue
                with contextlib.suppress(OSError):
                    if (
                        item.is_file(follow_symlinks=False)
                        and time.time() - item.stat(follow_symlinks=False).st_mtime > older_than
                    ):
                        os.unlink(item.path)
                        removed += 1
    except OSError:
        pass
    return removed


def write_atomic(path: Path, data: bytes, *, overwrite: bool = True, durable: bool = True) -> Path:
    """Write ``data`` to ``path`` as a whole or not at all, with mode 0600.

    A temporary file in the same folder is written, flushed and fsynced, then moved into
    place (``os.replace``) — or, with ``overwrite=False``, hard-linked into place, which
    fails if the name exists, so no other file is ever replaced. The folder is fsynced
    after. On any failure the temporary file is removed and the original left untouched.
    With ``durable=False`` (for a cache that checks what it reads) nothing is fsynced: the
    file still appears whole or not at all to other processes, but a power cut may lose it.
    """
    folder = path.parent
    if path.is_symlink():
        raise StorageError(f"{path} is a symbolic link; rct will not replace it")
    check_target(path)
    temp = folder / f"{TEMP_PREFIX}{os.urandom(6).hex()}"
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
        try:
            os.fchmod(fd, 0o600)
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            if durable:
                os.fsync(fd)
        finally:
            os.close(fd)
        if overwrite:
            os.replace(temp, path)
        else:
            os.link(temp, path)
            os.unlink(temp)
        if durable:
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
