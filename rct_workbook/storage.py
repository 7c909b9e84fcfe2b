"""Atomic, private file writes: nothing half-written, nothing overwritten by accident."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from rct_workbook.errors import StorageError
from rct_workbook.system import posix_permissions

#: Temporary files start with this; every reader skips them.
TEMP_PREFIX = ".rct-tmp-"


def fsync_dir(folder: Path) -> None:
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
    import stat

    # Anything but a regular file (or a link, which is replaced, not followed) is refused,
    # named where POSIX names it; on Windows NUL and CON are character devices, pipes FIFOs.
    if stat.S_ISREG(st.st_mode) or stat.S_ISLNK(st.st_mode):
        return
    kind = _kind_of(st.st_mode) or "not a regular file"
    raise StorageError(f"{path} is {kind}; rct writes only regular files (--out - writes to standard output)")


class NotReadable(Exception):
    """A file that is not a regular file, or larger than the limit (the reason is the message)."""


def _owner_checks_mean_something() -> bool:
    """Whether files have an owner and group/other permission bits worth checking (POSIX).

    On Windows ``os.geteuid`` does not exist and ``st_uid`` and the mode bits say nothing
    of who else may change a file; there the checks are skipped rather than failing.
    The one test for this is ``system.posix_permissions``."""
    return posix_permissions()


def read_bounded(path: Path, limit: int, *, follow_links: bool = True, private: bool = False) -> bytes:
    """The bytes of the regular file at ``path``, refusing anything else and anything over
    ``limit`` bytes, checked before reading. Every file rct reads goes through here.

    The file is opened non-blocking (a FIFO must not wait for a writer) and checked with
    ``fstat`` on the open descriptor, so what is checked is what is read: a link to
    ``/dev/zero``, a device or a FIFO is refused, never read without end. With
    ``follow_links=False`` (rct's own files) a symbolic link is refused, not followed.
    With ``private`` (a file only rct writes) the file must also belong to the current user
    and be writable by no one else. Raises NotReadable (the reason is the message) or OSError.
    """
    import errno
    import stat

    # O_BINARY (Windows only): without it os.read turns CR LF into LF and stops at Ctrl-Z.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    if not follow_links:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if not follow_links and exc.errno == errno.ELOOP:
            raise NotReadable("it is a symbolic link; rct does not follow links to its own files") from None
        raise
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            kind = _kind_of(st.st_mode) or "not a regular file"
            raise NotReadable(f"it is {kind}, not a regular file")
        if private and _owner_checks_mean_something():
            if st.st_uid != os.geteuid():
                raise NotReadable("it belongs to another user")
            if st.st_mode & 0o022:
                raise NotReadable("other users can change it")
        if st.st_size > limit:
            raise NotReadable(f"it is larger than {_size(limit)} ({st.st_size:,} bytes)")
        chunks: list[bytes] = []
        left = limit + 1
        while left > 0:
            try:
                chunk = os.read(fd, min(left, 1 << 20))
            except BlockingIOError:  # pragma: no cover - a regular file never blocks
                break
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
    current user, writable by no one else, and at most ``limit`` bytes (``read_bounded``
    with ``private``). Anything else, and any error reading it, is None: the caller rebuilds
    what the file held.
    """
    try:
        return read_bounded(path, limit, follow_links=False, private=True)
    except (NotReadable, OSError):
        return None


_warned: set[str] = set()


def warn_once(message: str) -> None:
    """Say ``message`` on stderr, once per run, through rct's logger (the core never prints):
    for a problem the person should fix that does not stop the command."""
    if message in _warned:
        return
    _warned.add(message)
    import logging

    logging.getLogger("rct").warning("rct: warning: %s", message)


def shown(path: Path) -> str:
    """``path`` for a message from below the renderers: control characters (an escape
    sequence in ``RCT_CACHE``) shown as ``?``, so the line cannot drive the terminal."""
    return "".join(ch if ch.isprintable() else "?" for ch in str(path))


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


#: Where a temporary file cannot be locked (Windows), one this old was left by a killed writer.
STALE_EXPORT_TEMP_SECONDS = 60


def _hold_lock(fd: int) -> None:
    """Lock the open temporary file for as long as it is being written: a file whose lock can
    be taken was left by a writer that is no more (killed), whatever its age. (No flock on
    Windows: there a temporary file's age decides.)"""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        return
    fcntl.flock(fd, fcntl.LOCK_EX)


def remove_if_abandoned(path: Path | str, older_than: float = STALE_EXPORT_TEMP_SECONDS) -> bool:
    """Remove rct's temporary file at ``path`` if its writer is gone; whether it was removed.

    Its writer holds a lock on it from the moment it is made until it is renamed (see
    ``write_atomic``), so a lock taken here means the writer was killed: the file is removed
    while the lock is held. One being written now, by another rct, is left alone.
    """
    import stat

    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: no flock, so its age decides
        import time

        try:
            st = os.lstat(path)
            if stat.S_ISREG(st.st_mode) and time.time() - st.st_mtime > older_than:
                os.unlink(path)
                return True
        except OSError:
            pass
        return False
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return False
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return False
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:  # held: its writer is alive and writing
            return False
        os.unlink(path)
        return True
    except OSError:
        return False
    finally:
        os.close(fd)


def clean_stale_temps(folder: Path, older_than: float = STALE_EXPORT_TEMP_SECONDS) -> int:
    """Remove rct's temporary files in ``folder`` left by a killed write; how many.

    A killed export may leave one holding private answers, possibly in a synced folder;
    the next export to that folder removes it. One another rct is writing now stays: its
    writer holds its lock (``remove_if_abandoned``).
    """
    removed = 0
    try:
        with os.scandir(folder) as scan:
            for item in scan:
                if item.name.startswith(TEMP_PREFIX) and remove_if_abandoned(item.path, older_than):
                    removed += 1
    except OSError:
        pass
    return removed


def _unnamed_temp(folder: Path) -> int | None:
    """An open file in ``folder`` that has no name (``O_TMPFILE``, Linux), or None where the
    system or the filesystem has none: a writer killed while writing it leaves nothing."""
    flag = getattr(os, "O_TMPFILE", None)
    if flag is None or not os.path.isdir("/proc/self/fd"):
        return None
    try:
        return os.open(folder, flag | os.O_WRONLY | getattr(os, "O_CLOEXEC", 0), 0o600)
    except OSError:  # e.g. a filesystem without it
        return None


def _named_temp(folder: Path) -> tuple[int, Path]:
    """A new temporary file in ``folder``, open and locked (see ``remove_if_abandoned``)."""
    # O_BINARY (Windows only): without it os.write turns every LF into CR LF.
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    while True:
        temp = folder / f"{TEMP_PREFIX}{os.urandom(6).hex()}"
        fd = os.open(temp, flags, 0o600)
        _hold_lock(fd)
        if os.fstat(fd).st_nlink:
            return fd, temp
        os.close(fd)  # taken for a leftover by another rct between its making and its lock


def _name_unnamed(fd: int, folder: Path, path: Path | None) -> Path:
    """Give the complete unnamed file ``fd`` a name: ``path`` itself (FileExistsError if that
    is taken), or with None a new temporary name, still locked, to be renamed into place."""
    source = f"/proc/self/fd/{fd}"
    # linkat with AT_SYMLINK_FOLLOW, which os.link uses only when given a folder's descriptor
    # (plain link() would not follow /proc's link to the open file: EXDEV).
    where = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        if path is not None:
            os.link(source, path.name, src_dir_fd=where, dst_dir_fd=where, follow_symlinks=True)
            return path
        while True:
            temp = folder / f"{TEMP_PREFIX}{os.urandom(6).hex()}"
            try:
                os.link(source, temp.name, src_dir_fd=where, dst_dir_fd=where, follow_symlinks=True)
                return temp
            except FileExistsError:
                continue
    finally:
        os.close(where)


def write_atomic(path: Path, data: bytes, *, overwrite: bool = True, durable: bool = True) -> Path:
    """Write ``data`` to ``path`` as a whole or not at all, with mode 0600.

    The data is written to a temporary file in the same folder, flushed and fsynced, then
    moved into place (``os.replace``) — or, with ``overwrite=False``, linked into place (renamed
    on Windows, where rename refuses an existing name), which fails if the name exists, so no
    other file is ever replaced. The folder is fsynced after. On any failure the temporary
    file is removed and the original left untouched. With ``durable=False`` (for a cache that
    checks what it reads) nothing is fsynced: the file still appears whole or not at all to
    other processes, but a power cut may lose it.

    Where the system has it (Linux), the temporary file has no name until it is complete
    (``O_TMPFILE``, then ``linkat``), so a writer killed half-way (SIGKILL) leaves nothing
    behind; elsewhere, and in the instant between its naming and its rename, it is locked
    while written, and the next write to that folder removes one whose writer is gone.
    """
    if path.is_symlink():
        raise StorageError(f"{path} is a symbolic link; rct will not replace it")
    check_target(path)
    try:
        return _write(path, data, overwrite=overwrite, durable=durable, unnamed=True)
    except _CannotName:
        return _write(path, data, overwrite=overwrite, durable=durable, unnamed=False)


class _CannotName(Exception):
    """An unnamed file could not be given a name (no /proc, a filesystem that refuses): write again with one."""


def _write(path: Path, data: bytes, *, overwrite: bool, durable: bool, unnamed: bool) -> Path:
    folder = path.parent
    fd = _unnamed_temp(folder) if unnamed else None
    temp: Path | None = None
    try:
        if fd is None:
            fd, temp = _named_temp(folder)
        else:
            _hold_lock(fd)
        if posix_permissions():  # on Windows the file inherits the data folder's access list
            os.fchmod(fd, 0o600)
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            view = view[written:]
        if durable:
            os.fsync(fd)
        if temp is None:
            try:
                temp = _name_unnamed(fd, folder, None if overwrite else path)
            except FileExistsError:
                raise
            except OSError:
                raise _CannotName() from None
            if temp == path:  # linked into place already: nothing to move
                temp = None
                if durable:
                    fsync_dir(folder)
                return path
        if overwrite:
            os.replace(temp, path)
        elif os.name == "nt":
            # Windows' rename never replaces (FileExistsError), and it works on FAT and exFAT
            # drives, which have no hard links; POSIX rename would replace, so a link is used.
            os.rename(temp, path)
        else:
            os.link(temp, path)
            os.unlink(temp)
        temp = None
        if durable:
            fsync_dir(folder)
    except FileExistsError:
        _remove(temp)
        raise
    except _CannotName:
        raise
    except OSError as exc:
        _remove(temp)
        raise StorageError(f"could not save {path.name}: {exc.strerror or exc}") from exc
    except BaseException:
        _remove(temp)
        raise
    finally:
        if fd is not None:
            os.close(fd)
    return path


def _remove(temp: Path | None) -> None:
    if temp is not None:
        with contextlib.suppress(OSError):
            os.unlink(temp)
