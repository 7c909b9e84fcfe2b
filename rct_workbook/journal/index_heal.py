"""Finding a damaged journal index and replacing it: rows of the wrong shape, a corrupt
or missing file, a busy one; the connection settings every index opens with.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from rct_workbook.errors import StorageError
from rct_workbook.journal.index_records import Row
from rct_workbook.journal.index_schema import _SCHEMA, BUSY_SECONDS, SCHEMA_VERSION
from rct_workbook.storage import TEMP_PREFIX
from rct_workbook.system import posix_permissions

log = logging.getLogger("rct")


# --- rows of the wrong shape ---------------------------------------------------------------


def _text_or_none(value: Any) -> bool:
    return value is None or type(value) is str


def _number_or_none(value: Any) -> bool:
    return value is None or (isinstance(value, (int, float)) and not isinstance(value, bool))


def _sound_row(row: Row) -> bool:
    """Whether what was read of a row has the types a refresh writes (SQLite and JSON give
    exact types, so they are checked by identity)."""
    return (
        type(row.name) is str
        and type(row.id) is str
        and type(row.created) is str
        and type(row.kind) is str
        and type(row.title) is str
        and _text_or_none(row.vignette)
        and _text_or_none(row.section)
        and _text_or_none(row.setting)
        and _text_or_none(row.next_check_in)
        and _number_or_none(row.mean)
        and type(row.answers) is dict
        and (row.reading is None or type(row.reading) is dict)
        and type(row.shares) is dict
        and type(row.updates) is list
        and all(type(u) is dict for u in row.updates)
        and type(row.review) is list
        and all(type(r) is dict for r in row.review)
    )


def _sound_digest_row(row: Sequence[Any]) -> bool:
    """A row as ``Index.digests`` reads it (id, created, mean, digest, setting, next check-in, step
    numbers, updates, review): the texts are texts, the JSON is JSON of the right kind."""
    ident, created, mean, digest, setting, check_in, numbers, updates, review = row[:9]
    return (
        type(ident) is str
        and type(created) is str
        and _number_or_none(mean)
        and type(digest) is str
        and _text_or_none(setting)
        and _text_or_none(check_in)
        and _text_or_none(numbers)
        # Most entries have no updates and no review; only those that do are decoded here.
        and (updates is None or updates == "[]" or _decodes_to(updates, list))
        and (review is None or review == "[]" or _decodes_to(review, list))
    )


def _decodes_to(text: Any, kind: type) -> bool:
    try:
        return isinstance(text, str) and isinstance(json.loads(text), kind)
    except (ValueError, RecursionError):
        return False


def _damaged_rows(conn: sqlite3.Connection) -> list[Any]:
    """The names of the rows whose values a refresh would never have written. Read only when a
    query met such a value, so a healthy index pays nothing for it."""
    damaged = []
    for values in conn.execute(
        "SELECT name, id, created, instant, kind, title, vignette, section, mean, setting, next_check_in,"
        " step_numbers, digest, answers, steps, reading, updates, shares, review FROM entries WHERE bad IS NULL"
    ):
        name, ident, created, instant, kind, title, vignette, section, mean, setting, check_in, numbers = values[:12]
        digest, answers, steps, reading, updates, shares, review = values[12:]
        sound = (
            all(isinstance(v, str) for v in (name, ident, created, instant, kind, digest))
            and all(_text_or_none(v) for v in (title, vignette, section, setting, check_in, numbers))
            and _number_or_none(mean)
            and _decodes_to(digest, dict)
            and all(v is None or _decodes_to(v, dict) for v in (answers, steps, reading, shares))
            and all(v is None or _decodes_to(v, list) for v in (updates, review))
        )
        if not sound:
            damaged.append(name)
    return damaged


_INDEXED_COLUMNS = (
    "num, name, size, mtime_ns, bad, id, created, instant, kind, title, vignette, section, mean,"
    " answers, steps, step_numbers, digest, reading, updates, shares, setting, review, next_check_in, unsearched"
)


def _state(conn: sqlite3.Connection) -> str:
    """ "ok", "empty" (a new file), "old" (another schema version) or "damaged"."""
    tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not tables:
        return "empty"
    if "meta" not in tables:
        return "damaged"
    version = conn.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
    if version is None:
        return "damaged"
    if version[0] != str(SCHEMA_VERSION):
        return "old"
    # A dropped column or table shows here, before any command relies on it.
    conn.execute(f"SELECT {_INDEXED_COLUMNS} FROM entries LIMIT 0").fetchall()  # noqa: S608 - fixed columns
    conn.execute("SELECT rowid, body FROM entries_fts LIMIT 0").fetchall()
    return "ok"


def _describe(problem: BaseException | str) -> str:
    if isinstance(problem, str):
        return problem
    if isinstance(problem, OSError):
        return str(problem.strerror or problem).lower()
    return str(problem).splitlines()[0] if str(problem) else type(problem).__name__


def _is_busy(exc: BaseException) -> bool:
    text = str(exc).lower()
    return isinstance(exc, sqlite3.OperationalError) and ("locked" in text or "busy" in text)


def _check(path: Path) -> tuple[sqlite3.Connection | None, str, str]:
    """Connect and look: (connection if "ok", state, what is wrong)."""
    conn: sqlite3.Connection | None = None
    try:
        conn = _connect(path)
        state = _state(conn)
    except (OSError, sqlite3.DatabaseError) as exc:
        if conn is not None and _is_busy(exc):
            conn.close()
            raise
        problem = _describe(exc)
        if conn is not None:
            problem = _quick_check(conn) or problem
            conn.close()
        return None, "damaged", problem
    if state == "ok":
        return conn, state, ""
    conn.close()
    return None, state, "its tables are missing or changed" if state == "damaged" else ""


def _quick_check(conn: sqlite3.Connection) -> str | None:
    """What SQLite's own quick check says is wrong, or None."""
    try:
        found = [str(r[0]) for r in conn.execute("PRAGMA quick_check(3)")]
    except sqlite3.DatabaseError as exc:
        return _describe(exc)
    return None if found == ["ok"] else "; ".join(found)


def _open_file(path: Path) -> tuple[sqlite3.Connection, str | None]:
    """The index file's connection, made or healed first if needed, and a note if it was healed."""
    conn, state, problem = _check(path)
    if conn is not None:
        return conn, None
    from rct_workbook.journal.locks import held

    # One process at a time makes or heals the index; the others then find it ready.
    with held("index", what="the journal index"):
        conn, state, problem = _check(path)
        if conn is not None:
            return conn, None
        moved = _replace_index(path, damaged=problem if state == "damaged" else None)
        conn, _, trouble = _check(path)
        if conn is None:
            raise StorageError(f"the new journal index cannot be used ({trouble})")
    if moved is None:
        return conn, None
    return conn, (
        f"the journal index was damaged ({problem}); it was moved aside as {moved.name} and rebuilt from your entries"
    )


def _replace_index(path: Path, *, damaged: str | None) -> Path | None:
    """Put a new, empty index at ``path``. A damaged one is moved aside (and its name
    returned); an old or empty one is simply removed. Call with the index lock held."""
    import secrets
    import time

    folder = path.parent
    fresh = folder / f"{TEMP_PREFIX}index-{secrets.token_hex(6)}"
    try:
        conn = _connect(fresh)
        try:
            conn.executescript(_SCHEMA)
            conn.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
        finally:
            conn.close()
        moved: Path | None = None
        if damaged is not None and os.path.lexists(path):
            moved = folder / f"{path.name}.damaged-{time.strftime('%Y%m%d-%H%M%S')}-{secrets.token_hex(2)}"
            os.rename(path, moved)
        # SQLite's side files belong to the old file: left, they could be applied to the new one.
        for suffix in ("-journal", "-wal", "-shm"):
            side = folder / f"{path.name}{suffix}"
            if os.path.lexists(side):
                if moved is not None:
                    with contextlib.suppress(OSError):
                        os.rename(side, folder / f"{moved.name}{suffix}")
                if os.path.lexists(side):
                    os.unlink(side)
        os.replace(fresh, path)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(fresh)
    if damaged is not None:
        log.debug("index: damaged (%s); moved aside as %s", damaged, moved.name if moved else "-")
    return moved


def _memory() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:", isolation_level=None)
    conn.executescript(_SCHEMA)
    return conn


def _connect(path: Path) -> sqlite3.Connection:
    fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o600)
    try:
        if posix_permissions():  # on Windows the file inherits the data folder's access list
            os.fchmod(fd, 0o600)
    except OSError:
        pass
    finally:
        os.close(fd)
    # isolation_level=None: transactions are begun explicitly, with BEGIN IMMEDIATE.
    conn = sqlite3.connect(path, timeout=BUSY_SECONDS, isolation_level=None)
    conn.execute("PRAGMA synchronous=NORMAL")
    return conn
