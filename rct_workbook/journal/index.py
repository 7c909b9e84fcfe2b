"""A derived SQLite index of the journal, for speed. The files stay the only copy.

Every command that reads the journal calls ``open_index()``, which brings the index up
to date from the files by size and modification time: new and changed files are parsed,
removed ones dropped. Files that are not valid entries are remembered with the reason,
so they are reported (never rewritten) without being parsed again. Deleting the index
loses nothing; ``rct journal reindex`` rebuilds it.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from rct_workbook.errors import NotFoundError
from rct_workbook.paths import data_root, ensure_private_dir, journal_dir
from rct_workbook.storage import TEMP_PREFIX

if TYPE_CHECKING:
    from rct_workbook.journal.entry import Entry

SCHEMA_VERSION = 4

log = logging.getLogger("rct")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS entries (
    num INTEGER PRIMARY KEY,
    name TEXT UNIQUE NOT NULL,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    bad TEXT,
    id TEXT,
    created TEXT,
    kind TEXT,
    title TEXT,
    vignette TEXT,
    section TEXT,
    mean REAL,
    answers TEXT,
    steps TEXT,
    digest TEXT,
    reading TEXT,
    updates TEXT
);
CREATE INDEX IF NOT EXISTS entries_created ON entries(created);
-- Full-text search; each row's rowid is its entry's num.
CREATE VIRTUAL TABLE IF NOT EXISTS entries_fts USING fts5(body, tokenize='unicode61');
"""


def index_path() -> Path:
    return data_root() / "index.sqlite3"


@dataclass(frozen=True)
class Row:
    """What the index knows of one entry: enough to list, filter and chart it."""

    name: str
    id: str
    created: str
    kind: str
    title: str
    vignette: str | None
    section: str | None
    mean: float | None
    answers: dict[str, Any]
    reading: dict[str, Any] | None
    updates: list[dict[str, Any]]

    @property
    def path(self) -> Path:
        return journal_dir() / self.name

    @property
    def date(self) -> str:
        return self.created[:10]


@dataclass(frozen=True)
class Refresh:
    """What a refresh found: files skipped (with the reason) and files others can read."""

    skipped: tuple[tuple[str, str], ...]
    exposed: tuple[str, ...] = ()


def _texts(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _texts(item)
    elif isinstance(value, list):
        for item in value:
            yield from _texts(item)


def _mean(entry: Entry) -> float | None:
    mean = (entry.reading or {}).get("mean")
    return float(mean) if isinstance(mean, (int, float)) and not isinstance(mean, bool) else None


def _updates(entry: Entry) -> list[dict[str, Any]]:
    return list(entry.updates) if entry.updates else []


class Index:
    def __init__(self, conn: sqlite3.Connection, folder: Path):
        self.conn = conn
        self.folder = folder

    # --- keeping up to date --------------------------------------------------------------

    def refresh(self) -> Refresh:
        """Bring the index up to date with the files; report the ones that are not entries."""
        on_disk: dict[str, tuple[int, int]] = {}
        links: list[tuple[str, str]] = []
        exposed: list[str] = []
        if self.folder.is_dir():
            with os.scandir(self.folder) as scan:
                for item in scan:
                    name = item.name
                    if name.startswith(TEMP_PREFIX):
                        _remove_if_stale(item)
                        continue
                    if not name.endswith(".md") or name.startswith("."):
                        continue
                    try:
                        if item.is_symlink():
                            links.append((name, "it is a symbolic link; rct does not follow links in the journal"))
                            continue
                        if not item.is_file(follow_symlinks=False):
                            continue
                        st = item.stat(follow_symlinks=False)
                    except OSError:
                        continue
                    on_disk[name] = (st.st_size, st.st_mtime_ns)
                    if st.st_mode & 0o077:
                        exposed.append(name)
        known = {
            name: (size, mtime) for name, size, mtime in self.conn.execute("SELECT name, size, mtime_ns FROM entries")
        }
        gone = [name for name in known if name not in on_disk]
        changed = [name for name, stamp in on_disk.items() if known.get(name) != stamp]
        if gone or changed:
            parsed = _parse_all(self.folder, [(name, *on_disk[name]) for name in changed])
            with self.conn:
                for name in gone:
                    self._drop(name)
                for name, row, text in parsed:
                    if name in known:
                        self._drop(name)
                    self._insert(row, text)
        skipped = [*self.conn.execute("SELECT name, bad FROM entries WHERE bad IS NOT NULL ORDER BY name"), *links]
        log.debug("index: %d files, %d new or changed, %d gone", len(on_disk), len(changed), len(gone))
        return Refresh(tuple(sorted(skipped)), tuple(sorted(exposed)))

    def _drop(self, name: str) -> None:
        found = self.conn.execute("SELECT num FROM entries WHERE name = ?", (name,)).fetchone()
        if found is not None:
            self.conn.execute("DELETE FROM entries_fts WHERE rowid = ?", found)
            self.conn.execute("DELETE FROM entries WHERE num = ?", found)

    def _insert(self, row: tuple[Any, ...], text: str | None) -> None:
        cursor = self.conn.execute(
            "INSERT INTO entries (name, size, mtime_ns, bad, id, created, kind, title, vignette, section, mean,"
            " answers, steps, digest, reading, updates) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            row,
        )
        if text is not None:
            self.conn.execute("INSERT INTO entries_fts (rowid, body) VALUES (?, ?)", (cursor.lastrowid, text))

    def rebuild(self) -> Refresh:
        with self.conn:
            self.conn.execute("DELETE FROM entries")
            self.conn.execute("DELETE FROM entries_fts")
        return self.refresh()

    # --- asking ----------------------------------------------------------------------------

    _COLUMNS = "name, id, created, kind, title, vignette, section, mean, answers, reading, updates"
    #: Narrower selections: what a listing shows, and what progress and steps need.
    _FIELDS: ClassVar[dict[str, str]] = {
        "full": _COLUMNS,
        "listing": "name, id, created, kind, title, vignette, section, mean, NULL, NULL, NULL",
        "steps": "name, id, created, kind, title, vignette, section, mean, steps, reading, updates",
    }

    @staticmethod
    def _row(values: Sequence[Any]) -> Row:
        name, ident, created, kind, title, vignette, section, mean, answers, reading, updates = values
        return Row(
            name=name,
            id=ident,
            created=created,
            kind=kind,
            title=title or "",
            vignette=vignette,
            section=section,
            mean=mean,
            answers=json.loads(answers) if answers else {},
            reading=json.loads(reading) if reading else None,
            updates=json.loads(updates) if updates else [],
        )

    def rows(
        self,
        *,
        kind: str | None = None,
        since: str | None = None,
        until: str | None = None,
        vignette: str | None = None,
        grep: str | None = None,
        limit: int | None = None,
        newest_first: bool = True,
        fields: str = "full",
    ) -> list[Row]:
        """Entries matching the filters. ``fields`` "listing" fills only what a list shows;
        "steps" fills the reading, the updates and, of the answers, only the small steps.
        Both are much faster than "full" on a large journal."""
        where = ["bad IS NULL"]
        params: list[Any] = []
        if kind:
            where.append("kind = ?")
            params.append(kind)
        if since:
            where.append("substr(created, 1, 10) >= ?")
            params.append(since)
        if until:
            where.append("substr(created, 1, 10) <= ?")
            params.append(until)
        if vignette:
            where.append("vignette = ?")
            params.append(vignette)
        if grep:
            where.append("num IN (SELECT rowid FROM entries_fts WHERE entries_fts MATCH ?)")
            params.append(_fts_query(grep))
        order = "DESC" if newest_first else "ASC"
        columns = self._FIELDS[fields]
        sql = f"SELECT {columns} FROM entries WHERE {' AND '.join(where)} ORDER BY created {order}, id {order}"  # noqa: S608 - only fixed fragments are joined; values are parameters
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        return [self._row(v) for v in self.conn.execute(sql, params)]

    def digests(self, *, kind: str) -> list[tuple[str, str, float | None, dict[str, Any]]]:
        """(id, created, mean, digest) of each entry of ``kind``, oldest first."""
        rows = self.conn.execute(
            "SELECT id, created, mean, digest FROM entries WHERE bad IS NULL AND kind = ? ORDER BY created, id", (kind,)
        )
        return [(i, c, m, json.loads(d) if d else {}) for i, c, m, d in rows]

    def latest_ratings(self, kind: str = "assess") -> dict[str, int] | None:
        """The good-thing ratings of the most recent entry of ``kind`` that has any."""
        for _, _, _, digest in reversed(self.digests(kind=kind)):
            if digest.get("ratings"):
                return dict(digest["ratings"])
        return None

    def find(self, prefix: str) -> Row:
        """The one entry whose id starts with ``prefix``; a clear error otherwise."""
        prefix = prefix.strip()
        if not prefix:
            raise NotFoundError("an entry id is needed (see rct journal list)")
        escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        found = [
            self._row(v)
            for v in self.conn.execute(
                f"SELECT {self._COLUMNS} FROM entries "  # noqa: S608 - fixed columns; the value is a parameter
                "WHERE bad IS NULL AND id LIKE ? ESCAPE '\\' ORDER BY created LIMIT 11",
                (escaped + "%",),
            )
        ]
        exact = [r for r in found if r.id == prefix]
        if exact:
            return exact[0]
        if not found:
            raise NotFoundError(f"no journal entry with an id starting {prefix!r}; see rct journal list")
        if len(found) > 1:
            shown = [r.id for r in found[:10]]
            more = ", …" if len(found) > 10 else ""
            raise NotFoundError(
                f"{prefix!r} matches more than one entry: {', '.join(shown)}{more}; give more of the id"
            )
        return found[0]

    def close(self) -> None:
        self.conn.close()


#: A temporary file older than this was left by a save that was killed; it is removed.
STALE_TEMP_SECONDS = 600


def _remove_if_stale(item: os.DirEntry[str]) -> None:
    import time

    with contextlib.suppress(OSError):
        if time.time() - item.stat(follow_symlinks=False).st_mtime > STALE_TEMP_SECONDS:
            os.unlink(item.path)


#: From this many files to read at once (a first run, a reindex), two processes share the parsing.
PARALLEL_FROM = 800


def _parse_one(folder: Path, name: str, size: int, mtime: int) -> tuple[str, tuple[Any, ...], str | None]:
    """An index row (and its search text) for one file, or a row that records why it is no entry."""
    # Only reading files needs the YAML parser: a warm listing never imports it.
    from rct_workbook.journal.entry import digest
    from rct_workbook.journal.store import BadEntry, read_entry

    try:
        entry = read_entry(folder / name)
    except BadEntry as exc:
        return name, (name, size, mtime, str(exc), *([None] * 12)), None
    row = (
        name,
        size,
        mtime,
        None,
        entry.id,
        entry.created,
        entry.kind,
        entry.title,
        entry.vignette,
        entry.section,
        _mean(entry),
        json.dumps(entry.answers, ensure_ascii=False, default=str),
        # The small steps alone, so progress and steps need not decode every answer.
        json.dumps({"small-steps": entry.answers.get("small-steps") or []}, ensure_ascii=False, default=str),
        json.dumps(digest(entry), ensure_ascii=False, separators=(",", ":"), default=str),
        None if entry.reading is None else json.dumps(entry.reading, ensure_ascii=False, default=str),
        json.dumps(_updates(entry), ensure_ascii=False, default=str),
    )
    text = "\n".join([entry.title, *_texts(entry.answers), *_texts(_updates(entry))])
    return name, row, text


def _parse_chunk(folder: Path, items: list[tuple[str, int, int]]) -> list[tuple[str, tuple[Any, ...], str | None]]:
    return [_parse_one(folder, *item) for item in items]


def _parse_all(folder: Path, items: list[tuple[str, int, int]]) -> list[tuple[str, tuple[Any, ...], str | None]]:
    """Parse many files; a large batch is shared between two forked processes."""
    import multiprocessing

    if len(items) < PARALLEL_FROM or (os.cpu_count() or 1) < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return _parse_chunk(folder, items)
    from concurrent.futures import ProcessPoolExecutor

    chunks = [items[i : i + 250] for i in range(0, len(items), 250)]
    try:
        with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("fork")) as pool:
            return [result for part in pool.map(_parse_chunk, [folder] * len(chunks), chunks) for result in part]
    except OSError:  # no processes to be had: do it here
        return _parse_chunk(folder, items)


def _fts_query(text: str) -> str:
    """Each word of ``text`` as a quoted FTS5 term (all must match); no query syntax."""
    words = [w for w in text.replace('"', " ").split() if w]
    return " ".join(f'"{w}"' for w in words) or '""'


def open_index(*, refresh: bool = True) -> tuple[Index, Refresh]:
    """Open (creating if needed) the index and bring it up to date with the journal."""
    root = ensure_private_dir(data_root())
    path = index_path()
    conn: sqlite3.Connection | None = None
    try:
        conn = _connect(path)
        version = conn.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
    except sqlite3.DatabaseError:
        version = None
    if version is None or version[0] != str(SCHEMA_VERSION):
        if conn is not None:
            conn.close()
        # The index is derived data: an old, foreign or damaged one is simply rebuilt.
        for suffix in ("", "-wal", "-shm", "-journal"):
            with contextlib.suppress(FileNotFoundError):
                (root / f"{path.name}{suffix}").unlink()
        conn = _connect(path)
        with conn:
            conn.executescript(_SCHEMA)
            conn.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
    assert conn is not None
    index = Index(conn, journal_dir())
    result = index.refresh() if refresh else Refresh(())
    return index, result


def _connect(path: Path) -> sqlite3.Connection:
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    os.close(fd)
    with contextlib.suppress(OSError):
        os.chmod(path, 0o600)
    conn = sqlite3.connect(path, timeout=10)  # writes are grouped with `with conn:`
    conn.execute("PRAGMA synchronous=NORMAL")
    return conn
