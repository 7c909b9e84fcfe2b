"""Locks that keep two rct processes from changing the same thing at once.

``filelock`` (flock on Unix) is used rather than hand-rolled locking: it is well kept,
handles the corner cases of stale and inherited locks, and releases the lock when the
process dies, however it dies. Lock files live in ``<data root>/locks``, never beside the
entries, so a synced or shared journal folder holds only entries.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager

from rct_workbook.errors import StorageError
from rct_workbook.paths import data_root, ensure_private_dir

#: How long a command waits for another rct process before it gives up with a message.
WAIT_SECONDS = 30.0


def _lock_name(name: str) -> str:
    # Entry file names are the tool's own, but a hand-made one may hold anything:
    # a digest keeps the lock file's name short and inside the locks folder.
    return hashlib.sha256(name.encode("utf-8", "surrogateescape")).hexdigest()[:32] + ".lock"


@contextmanager
def held(name: str, *, what: str, timeout: float = WAIT_SECONDS) -> Iterator[None]:
    """Hold the exclusive lock called ``name`` for the ``with`` block.

    ``what`` names what is locked in the message given if it cannot be had in time.
    """
    from filelock import FileLock, Timeout

    folder = ensure_private_dir(data_root() / "locks")
    lock = FileLock(folder / _lock_name(name), timeout=timeout, mode=0o600, thread_local=False)
    try:
        lock.acquire()
    except Timeout:
        raise StorageError(f"{what} is being changed by another rct; try again in a moment") from None
    except OSError as exc:
        raise StorageError(f"cannot lock {what}: {exc.strerror or exc}") from None
    try:
        yield
    finally:
        lock.release()
