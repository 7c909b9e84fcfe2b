"""A derived SQLite index of the journal, for speed. The files stay the only copy.

Every command that reads the journal calls ``open_index()``, which brings the index up
to date from the files by size and modification time: new and changed files are parsed,
removed ones dropped. Files that are not valid entries are remembered with the reason,
so they are reported (never rewritten) without being parsed again. Deleting the index
loses nothing; ``rct journal reindex`` rebuilds it.

Several rct processes may refresh at once: each refresh is one ``BEGIN IMMEDIATE``
transaction of upserts, under a busy timeout, so the same new file seen by two of them
is indexed once. A damaged index (a corrupt page, a dropped table or column, a folder or
an unreadable file in its place) is moved aside as ``index.sqlite3.damaged-<time>`` and
rebuilt from the files, with one note saying so. When the index cannot be used at all
(its folder is read-only, another process holds it too long), the answer comes from
the files through an index kept in memory for this one command.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import logging
import os
import sqlite3
from collections.abc import Callable, Generator, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Literal, TypeVar, overload

from rct_workbook.errors import NotFoundError, StorageError
from rct_workbook.paths import data_root, ensure_private_dir, journal_dir
from rct_workbook.storage import TEMP_PREFIX
from rct_workbook.system import posix_permissions

if TYPE_CHECKING:
    from rct_workbook.journal.entry import Digest, Entry
    from rct_workbook.journal.settings import SettingSummary

_T = TypeVar("_T")

SCHEMA_VERSION = 11

#: How long a refresh waits for another process's refresh before answering from the files.
BUSY_SECONDS = 10.0

log = logging.getLogger("rct")


class _DamagedRow(Exception):
    """A row of the index holds values a refresh never writes (a byte changed in its JSON, a
    NULL or junk in a column): the file is the truth, so the row is read again from it."""


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
    instant TEXT,
    kind TEXT,
    title TEXT,
    vignette TEXT,
    section TEXT,
    mean REAL,
    setting TEXT,
    next_check_in TEXT,
    steps TEXT,
    -- The numbers of the small steps (1,3: the second was no step), so progress need not decode them.
    step_numbers TEXT,
    digest TEXT,
    updates TEXT,
    shares TEXT,
    review TEXT,
    -- The large columns last: a row longer than a page goes on in overflow pages, which are
    -- read in a chain, so a column after them costs reading them (listings and progress
    -- read only the columns above).
    answers TEXT,
    reading TEXT,
    -- 1 until the entry's text is added to entries_fts (by the first search that needs it).
    unsearched INTEGER
);
-- `instant` is `created` as a UTC time, so entries made in different time zones sort by when they were made.
CREATE INDEX IF NOT EXISTS entries_instant ON entries(instant);
CREATE INDEX IF NOT EXISTS entries_id ON entries(id);
CREATE INDEX IF NOT EXISTS entries_unsearched ON entries(num) WHERE unsearched IS NOT NULL;
-- Full-text search; each row's rowid is its entry's num.
CREATE VIRTUAL TABLE IF NOT EXISTS entries_fts USING fts5(body, tokenize='unicode61');
"""


_ROW_COLUMNS = (
    "name", "size", "mtime_ns", "bad", "id", "created", "instant", "kind", "title", "vignette", "section", "mean",
    "answers", "steps", "step_numbers", "digest", "reading", "updates", "shares", "setting", "review",
    "next_check_in", "unsearched",
)  # fmt: skip
#: One file's row in, whether or not the index has one for it already; gives the row's num.
_UPSERT = (
    f"INSERT INTO entries ({', '.join(_ROW_COLUMNS)}) VALUES ({', '.join('?' * len(_ROW_COLUMNS))})"  # noqa: S608 - fixed column names
    f" ON CONFLICT(name) DO UPDATE SET {', '.join(f'{c} = excluded.{c}' for c in _ROW_COLUMNS[1:])} RETURNING num"
)


def index_path() -> Path:
    return data_root() / "index.sqlite3"


class _InJournal:
    """Where an indexed entry's file is and the day it was made, for the records below."""

    name: str
    created: str

    @property
    def path(self) -> Path:
        return journal_dir() / self.name

    @property
    def date(self) -> str:
        return self.created[:10]


@dataclass(frozen=True)
class Row(_InJournal):
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
    #: Each answer's share mode ("group" or "private") as stored when it was saved; empty
    #: for entries saved before rct stored it.
    shares: dict[str, str] = field(default_factory=dict)
    #: The assessment's setting ("main" for entries saved before settings existed); None for other kinds.
    setting: str | None = None
    review: list[dict[str, Any]] = field(default_factory=list)
    next_check_in: str | None = None


@dataclass(frozen=True)
class Refresh:
    """What a refresh found: files skipped (with the reason) and files others can read."""

    skipped: tuple[tuple[str, str], ...]
    exposed: tuple[str, ...] = ()
    #: Entry ids found in more than one file (e.g. a sync tool's "conflicted copy"), with the files.
    duplicates: tuple[tuple[str, tuple[str, ...]], ...] = ()
    #: One line each about the index itself: healed from damage, or answered from the files.
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Listing(_InJournal):
    """What a list of entries shows of one entry (``Index.rows(fields="listing")``)."""

    name: str
    id: str
    created: str
    kind: str
    title: str
    vignette: str | None
    section: str | None
    mean: float | None
    setting: str | None = None


@dataclass(frozen=True)
class Digested:
    """One entry as progress reads it (``Index.digests``): its digest, parsed, and where and when."""

    id: str
    created: str
    mean: float | None
    ratings: dict[str, int]
    profile: dict[str, float]
    #: How many small steps it planned, and which of them (numbered from 1) are done.
    steps: int
    done: tuple[int, ...]
    #: The assessment's setting (None for entries of other kinds), and its chosen next check-in.
    setting: str | None
    next_check_in: str | None
    #: The numbers of its small steps (a hand-edited answer that is no step has no number), and
    #: the updates and review it records: what the tally of the small steps needs (journal/steps.py).
    numbers: tuple[int, ...] = ()
    updates: list[dict[str, Any]] = field(default_factory=list)
    review: list[dict[str, Any]] = field(default_factory=list)


def parse_digest(text: str | None) -> Digest:
    """The ``digest`` column (JSON written from ``entry.digest``); parts of the wrong shape read as empty."""
    try:
        data = json.loads(text) if text else {}
    except (ValueError, RecursionError):
        data = {}
    return _digest_of(data)


def _digest_of(data: object) -> Digest:
    """A decoded digest with parts of the wrong shape read as empty. (What JSON decodes is of
    exact types, so ``type(v) is int`` is "an int and no bool" here, and quicker to ask.)"""
    if not isinstance(data, dict):
        data = {}
    ratings, profile, steps, done = data.get("ratings"), data.get("profile"), data.get("steps"), data.get("done")
    return {
        "ratings": {k: v for k, v in ratings.items() if type(v) is int} if isinstance(ratings, dict) else {},
        "profile": (
            {k: float(v) for k, v in profile.items() if type(v) is float or type(v) is int}
            if isinstance(profile, dict)
            else {}
        ),
        "steps": steps if type(steps) is int else 0,
        "done": [d for d in done if type(d) is int] if isinstance(done, list) else [],
    }


def _digests_of(texts: Sequence[str | None]) -> list[Digest]:
    """Many ``digest`` columns at once: decoded as one JSON array (one call instead of thousands),
    or one by one when any of them is missing or no JSON."""
    if all(texts):
        try:
            decoded = json.loads("[" + ",".join(texts) + "]")  # type: ignore[arg-type]
        except (ValueError, RecursionError):
            decoded = None
        if isinstance(decoded, list) and len(decoded) == len(texts):
            return [_digest_of(data) for data in decoded]
    return [parse_digest(text) for text in texts]


def _numbers(text: str | None) -> tuple[int, ...]:
    """The ``step_numbers`` column ("1,2") as numbers; none if it is empty or damaged."""
    if not text:
        return ()
    try:
        return tuple(map(int, text.split(",")))
    except ValueError:
        return ()


def _updates(entry: Entry) -> list[dict[str, Any]]:
    return list(entry.updates) if entry.updates else []


def utc_instant(created: str) -> str:
    """``created`` (ISO 8601 with an offset) as a sortable UTC time; "" if it is no time.

    A time without an offset (hand-written) is taken as UTC, so it still has one place.
    """
    import datetime as _dt

    text = created.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    try:
        when = _dt.datetime.fromisoformat(text)
    except ValueError:
        try:
            when = _dt.datetime.combine(_dt.date.fromisoformat(text[:10]), _dt.time())
        except ValueError:
            return ""
    if when.tzinfo is None:
        when = when.replace(tzinfo=_dt.timezone.utc)
    return when.astimezone(_dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


class Index:
    """The index of one journal folder. ``path`` None: an index in memory, for one command."""

    def __init__(self, conn: sqlite3.Connection, folder: Path, path: Path | None = None):
        self.conn = conn
        self.folder = folder
        self.path = path
        self.notes: list[str] = []
        #: The rows of the second and later files holding an id another file holds too (a sync
        #: tool's "conflicted copy"): every count and list leaves them out, so each entry counts once.
        self.copies: tuple[int, ...] = ()

    # --- keeping up to date --------------------------------------------------------------

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        """One write transaction that takes the write lock at its start (``BEGIN IMMEDIATE``),
        so two processes refreshing at once take turns instead of failing at commit."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def refresh(self) -> Refresh:
        """Bring the index up to date with the files; report the ones that are not entries."""
        return self._guarded(self._refresh, fills=True)

    def _scan(self) -> tuple[dict[str, tuple[int, int]], list[tuple[str, str]], list[str]]:
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
                    if not name.endswith((".md", ".md.age")) or name.startswith("."):  # .age: encrypted (vault)
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
                    if posix_permissions() and st.st_mode & 0o077:  # Windows: every file shows 0666
                        exposed.append(name)
        for name in [n for n in on_disk if n.endswith(".age") and n[:-4] in on_disk]:
            del on_disk[name]  # both forms, left by an interrupted encrypt or decrypt: the plain one is read
        return on_disk, links, exposed

    def _known(self) -> dict[str, tuple[int, int]]:
        return {
            name: (size, mtime) for name, size, mtime in self.conn.execute("SELECT name, size, mtime_ns FROM entries")
        }

    def _refresh(self) -> Refresh:
        on_disk, links, exposed = self._scan()
        known = self._known()
        gone = [name for name in known if name not in on_disk]
        changed = [name for name, stamp in on_disk.items() if known.get(name) != stamp]
        if gone or changed:
            # Parsing is the slow part. This process parses a first share of the files while a
            # forked one parses the rest (for many files); the transaction begins once the first
            # share is parsed, so its rows are written while the rest is still being parsed.
            # Inside it, what another process indexed meanwhile is left alone, and the rest is
            # upserted.
            with contextlib.closing(_parse_shares(self.folder, [(name, *on_disk[name]) for name in changed])) as shares:
                first = next(shares, [])
                with self._transaction():
                    now_known = self._known()
                    for name in gone:
                        if name in now_known:
                            self._drop(name)
                    replaced: list[tuple[int]] = []
                    for parsed in itertools.chain([first], shares):
                        for name, row in parsed:
                            if row is None:  # deleted since the folder was listed
                                if name in now_known:
                                    self._drop(name)
                                continue
                            if now_known.get(name) != (row[1], row[2]):
                                # Its text goes into the search index when a search first needs it.
                                (num,) = self.conn.execute(_UPSERT, row).fetchone()
                                if name in now_known:
                                    replaced.append((num,))
                    self.conn.executemany("DELETE FROM entries_fts WHERE rowid = ?", replaced)
        skipped = [*self.conn.execute("SELECT name, bad FROM entries WHERE bad IS NOT NULL ORDER BY name"), *links]
        duplicates = tuple(
            (ident, tuple(sorted(names.split("\x1f"))))
            for ident, names in self.conn.execute(
                "SELECT id, group_concat(name, char(31)) FROM entries WHERE bad IS NULL"
                " GROUP BY id HAVING count(*) > 1 ORDER BY id"
            )
        )
        self.copies = tuple(
            num
            for ident, _ in duplicates
            for (num,) in self.conn.execute(
                "SELECT num FROM entries WHERE bad IS NULL AND id = ? ORDER BY length(name), name", (ident,)
            ).fetchall()[1:]
        )
        log.debug("index: %d files, %d new or changed, %d gone", len(on_disk), len(changed), len(gone))
        return Refresh(tuple(sorted(skipped)), tuple(sorted(exposed)), duplicates, tuple(self.notes))

    def _once(self) -> tuple[str, list[Any]]:
        """An SQL condition (and its values) leaving out the second copies of an id."""
        if not self.copies:
            return "", []
        return f" AND num NOT IN ({', '.join('?' * len(self.copies))})", list(self.copies)

    def _drop(self, name: str) -> None:
        found = self.conn.execute("SELECT num FROM entries WHERE name = ?", (name,)).fetchone()
        if found is not None:
            self.conn.execute("DELETE FROM entries_fts WHERE rowid = ?", found)
            self.conn.execute("DELETE FROM entries WHERE num = ?", found)

    def _searchable(self) -> None:
        """Add to the full-text index the entries not in it yet.

        A refresh leaves them out: building the full-text index, and even keeping each entry's
        search text in its row, is a third of the time a first listing of a large journal would
        take otherwise, and only a search needs it. An entry's search text is its title and
        every piece of text in its answers, updates and review (``texts_in``, as the reading
        rules and the export find them), gathered from the row's JSON."""
        if self.conn.execute("SELECT 1 FROM entries WHERE unsearched IS NOT NULL LIMIT 1").fetchone() is None:
            return
        with self._transaction():  # another process may have added them meanwhile: then nothing is waiting
            waiting = self.conn.execute(_ALL_FOR_SEARCH).fetchall()
            if waiting:
                from rct_workbook.model.answers import texts_in

                self.conn.executemany(
                    "INSERT INTO entries_fts (rowid, body) VALUES (?, ?)",
                    [
                        (num, "\n".join([title or "", *(t for c in columns for t in texts_in(_loads(c)))]))
                        for num, title, *columns in waiting
                    ],
                )
            self.conn.execute("UPDATE entries SET unsearched = NULL WHERE unsearched IS NOT NULL")

    def rebuild(self) -> Refresh:
        """Index every file again from scratch."""

        def again() -> Refresh:
            with self._transaction():
                self.conn.execute("DELETE FROM entries")
                self.conn.execute("DELETE FROM entries_fts")
            return self._refresh()

        return self._guarded(again, fills=True)

    # --- when the index itself fails -------------------------------------------------------

    def _guarded(self, action: Callable[[], _T], *, fills: bool = False) -> _T:
        """Run ``action``; if the index fails under it, heal it (or answer from the files) and
        run it again. ``fills``: the action fills the index itself (a refresh or rebuild)."""
        attempt = healed = 0
        while True:
            try:
                if attempt and not fills:
                    self._refresh()
                return action()
            except (_DamagedRow, ValueError, TypeError, KeyError, AttributeError, RecursionError):
                # A value that does not decode or has the wrong type anywhere in the answer: if
                # the index holds rows a refresh never writes, they are read again from their files.
                names = _damaged_rows(self.conn)
                if self.path is None or not names or healed >= 2:
                    raise  # rows made from the files just now, or damage not found: a bug, keep its traceback
                healed += 1
                self._read_again(names)
            except sqlite3.DatabaseError as exc:
                if self.path is None:
                    raise  # the index in memory failed: that is a bug, keep its traceback
                attempt += 1
                if _is_busy(exc):
                    self._use_memory("another rct is updating the journal index; this answer comes from the files")
                elif attempt > 1:
                    self._use_memory("the journal index cannot be used; this answer comes from the files")
                else:
                    self._heal(exc)

    def _read_again(self, names: Sequence[Any]) -> None:
        """Drop the damaged rows ``names`` and read their files again (the index heals)."""
        with self._transaction():
            for name in names:
                found = self.conn.execute("SELECT num FROM entries WHERE name IS ?", (name,)).fetchone()
                if found is not None:
                    self.conn.execute("DELETE FROM entries_fts WHERE rowid = ?", found)
                    self.conn.execute("DELETE FROM entries WHERE num = ?", found)
        log.debug("index: %d damaged rows read again from their files", len(names))
        self._refresh()

    def _heal(self, problem: BaseException) -> None:
        """Move the damaged index aside, make a new one and fill it from the files."""
        from rct_workbook.journal.locks import held

        assert self.path is not None
        with contextlib.suppress(sqlite3.Error):
            self.conn.close()
        moved: Path | None = None
        reason = _describe(problem)
        try:
            with held("index", what="the journal index"):
                conn, state, found = _check(self.path)
                if conn is not None:
                    found = _quick_check(conn) or ""
                    conn.close()
                if state != "ok" or found:  # still damaged: another process has not healed it meanwhile
                    reason = found or reason
                    moved = _replace_index(self.path, damaged=reason)
            self.conn = _connect(self.path)
        except (OSError, sqlite3.DatabaseError, StorageError):
            self._use_memory("the journal index is damaged and cannot be replaced; this answer comes from the files")
            return
        if moved is not None:
            self.notes.append(
                f"the journal index was damaged ({reason}); it was moved aside as {moved.name}"
                " and rebuilt from your entries"
            )

    def _use_memory(self, note: str) -> None:
        with contextlib.suppress(sqlite3.Error):
            self.conn.close()
        self.conn = _memory()
        self.path = None
        self.notes.append(note)

    # --- asking ----------------------------------------------------------------------------

    _COLUMNS = (
        "name, id, created, kind, title, vignette, section, mean, answers, reading, updates, shares, setting,"
        " review, next_check_in"
    )
    #: What a listing shows (see ``Listing``).
    _LISTING = "name, id, created, kind, title, vignette, section, mean, setting"
    #: Narrower selections: what progress and steps need.
    _FIELDS: ClassVar[dict[str, str]] = {
        "full": _COLUMNS,
        "listing": _LISTING,
        "steps": "name, id, created, kind, title, vignette, section, mean, steps, reading, updates, NULL, setting,"
        " review, next_check_in",
        # What the life of the small steps needs, and nothing else (see journal/steps.py): the
        # vignette names the case a step from a case's reflection came from.
        "life": "name, id, created, kind, '', vignette, NULL, NULL, steps, NULL, updates, NULL, setting, review, NULL",
    }

    @staticmethod
    def _row(values: Sequence[Any]) -> Row:
        try:
            row = Index._made_row(values)
        except (ValueError, TypeError, AttributeError, RecursionError) as exc:
            raise _DamagedRow(values[0]) from exc
        if not _sound_row(row):
            raise _DamagedRow(values[0])
        return row

    @staticmethod
    def _made_row(values: Sequence[Any]) -> Row:
        name, ident, created, kind, title, vignette, section, mean, answers, reading, updates, shares = values[:12]
        setting, review, next_check_in = values[12:]
        if name.endswith(".age"):  # encrypted: its text is in its file only
            entry = _sealed_entry(name)
            answers, reading = json.dumps(entry.answers, default=str), json.dumps(entry.reading, default=str)
            updates, review = json.dumps(_updates(entry), default=str), json.dumps(list(entry.review), default=str)
            shares = json.dumps(entry.shares) if entry.shares is not None else None
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
            # Most entries have no updates: "[]" needs no decoder.
            updates=json.loads(updates) if updates and updates != "[]" else [],
            shares=json.loads(shares) if shares else {},
            setting=setting,
            review=json.loads(review) if review and review != "[]" else [],
            next_check_in=next_check_in,
        )

    @staticmethod
    def _listing(values: Sequence[Any]) -> Listing:
        name, ident, created, kind, title, vignette, section, mean, setting = values
        listing = Listing(name, ident, created, kind, title or "", vignette, section, mean, setting)
        if not (
            type(name) is str
            and type(ident) is str
            and type(created) is str
            and type(kind) is str
            and type(listing.title) is str
            and (vignette is None or type(vignette) is str)
            and (section is None or type(section) is str)
            and (setting is None or type(setting) is str)
            and (mean is None or type(mean) is float or type(mean) is int)
        ):  # SQLite gives exact types: checked by identity, a fraction of a microsecond a row
            raise _DamagedRow(name)
        return listing

    @overload
    def rows(
        self,
        *,
        kind: str | None = None,
        since: str | None = None,
        until: str | None = None,
        vignette: str | None = None,
        setting: str | None = None,
        grep: str | None = None,
        limit: int | None = None,
        newest_first: bool = True,
        fields: Literal["listing"],
    ) -> list[Listing]: ...

    @overload
    def rows(
        self,
        *,
        kind: str | None = None,
        since: str | None = None,
        until: str | None = None,
        vignette: str | None = None,
        setting: str | None = None,
        grep: str | None = None,
        limit: int | None = None,
        newest_first: bool = True,
        fields: Literal["full", "steps", "life"] = "full",
    ) -> list[Row]: ...

    def rows(
        self,
        *,
        kind: str | None = None,
        since: str | None = None,
        until: str | None = None,
        vignette: str | None = None,
        setting: str | None = None,
        grep: str | None = None,
        limit: int | None = None,
        newest_first: bool = True,
        fields: Literal["full", "listing", "steps", "life"] = "full",
    ) -> list[Row] | list[Listing]:
        """Entries matching the filters. ``fields`` "listing" gives ``Listing``s, only what a list shows;
        "steps" fills the reading, the updates and, of the answers, only the small steps;
        "life" only the small steps, their updates, the review and the setting.
        All are much faster than "full" on a large journal."""
        once, params = self._once()
        where = ["bad IS NULL" + once]
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
        if setting:
            where.append("setting = ?")
            params.append(setting)
        if grep:
            # An encrypted entry's text is in no index: its file is searched instead (below).
            where.append("(name GLOB '*.age' OR num IN (SELECT rowid FROM entries_fts WHERE entries_fts MATCH ?))")
            params.append(_fts_query(grep))
        order = "DESC" if newest_first else "ASC"
        columns = self._FIELDS[fields]
        sql = f"SELECT {columns} FROM entries WHERE {' AND '.join(where)} ORDER BY instant {order}, id {order}"  # noqa: S608 - only fixed fragments are joined; values are parameters
        if limit is not None and not grep:
            sql += " LIMIT ?"
            params.append(limit)

        def ask() -> list[Any]:
            if grep:
                self._searchable()
            make = self._listing if fields == "listing" else self._row
            found = self.conn.execute(sql, params).fetchall()
            if grep:
                found = [v for v in found if not v[0].endswith(".age") or _sealed_holds(v[0], grep)][:limit]
            return [make(v) for v in found]

        return self._guarded(ask)

    def digests(self, *, kind: str, setting: str | None = None) -> list[Digested]:
        """Each entry of ``kind`` (in ``setting``, if given) with its digest, oldest first."""
        sql = (
            "SELECT id, created, mean, digest, setting, next_check_in, step_numbers, updates, review, name FROM entries"
            " WHERE bad IS NULL AND kind = ?"
        )
        once, copies = self._once()
        sql += once
        params: list[Any] = [kind, *copies]
        if setting is not None:
            sql += " AND setting = ?"
            params.append(setting)

        def ask() -> list[Digested]:
            rows = [_sealed_steps(r) for r in self.conn.execute(sql + " ORDER BY instant, id", params).fetchall()]
            if not all(_sound_digest_row(row) for row in rows):
                raise _DamagedRow(None)
            digests = _digests_of([row[3] for row in rows])
            # rct writes every digest as a JSON object; one that read as empty is looked at again.
            if any(
                not (d["ratings"] or d["profile"] or d["steps"]) and not _decodes_to(row[3], dict)
                for row, d in zip(rows, digests, strict=True)
            ):
                raise _DamagedRow(None)
            return [
                Digested(
                    id=ident,
                    created=created,
                    mean=mean,
                    ratings=digest["ratings"],
                    profile=digest["profile"],
                    steps=digest["steps"],
                    done=tuple(digest["done"]),
                    setting=where,
                    next_check_in=check_in,
                    numbers=_numbers(numbers),
                    # Most entries have no updates and no review: "[]" needs no decoder.
                    updates=json.loads(updates) if updates and updates != "[]" else [],
                    review=json.loads(review) if review and review != "[]" else [],
                )
                for (ident, created, mean, _, where, check_in, numbers, updates, review, _), digest in zip(
                    rows, digests, strict=True
                )
            ]

        return self._guarded(ask)

    def settings(self) -> list[SettingSummary]:
        """Each setting with its number of assessments and when the last was made, by name."""
        from rct_workbook.journal.settings import SettingSummary

        def ask() -> list[SettingSummary]:
            once, copies = self._once()
            rows = self.conn.execute(
                "SELECT setting, count(*), max(instant) FROM entries WHERE bad IS NULL AND kind = 'assess'"  # noqa: S608 - fixed fragments; values are parameters
                f"{once} GROUP BY setting ORDER BY setting",
                copies,
            )
            found = []
            for name, count, last in rows.fetchall():
                made = self.conn.execute(
                    "SELECT created FROM entries WHERE bad IS NULL AND kind = 'assess' AND setting = ? AND instant = ?"
                    " LIMIT 1",
                    (name, last),
                ).fetchone()
                if not isinstance(name, str) or made is None or not isinstance(made[0], str):
                    raise _DamagedRow(None)
                found.append(SettingSummary(name, int(count), made[0]))
            return found

        return self._guarded(ask)

    def latest_ratings(self, kind: str = "assess", setting: str | None = None) -> dict[str, int] | None:
        """The good-thing ratings of the most recent entry of ``kind`` (in ``setting``) that has any."""
        for digested in reversed(self.digests(kind=kind, setting=setting)):
            if digested.ratings:
                return dict(digested.ratings)
        return None

    def find(self, prefix: str, *, one_file: bool = False) -> Row:
        """The one entry whose id starts with ``prefix``; a clear error otherwise.

        An id held by more than one file (a sync tool's "conflicted copy") is refused, naming
        the files, since rct cannot know which one is meant: for showing and exporting as for a
        change (``one_file`` is kept for the callers that change an entry, and means the same).
        """
        prefix = prefix.strip()
        if not prefix:
            raise NotFoundError("an entry id is needed (see rct journal list)")
        escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")

        def ask() -> list[Row]:
            found = [
                self._row(v)
                for v in self.conn.execute(
                    f"SELECT {self._COLUMNS} FROM entries "  # noqa: S608 - fixed columns; the value is a parameter
                    "WHERE bad IS NULL AND id LIKE ? ESCAPE '\\' ORDER BY instant, name LIMIT 50",
                    (escaped + "%",),
                )
            ]
            if not found and _damaged_rows(self.conn):  # its id may be what was damaged
                raise _DamagedRow(None)
            return found

        found = self._guarded(ask)
        exact = [r for r in found if r.id == prefix]
        ids = list(dict.fromkeys(r.id for r in found))
        if exact:
            chosen = exact
        elif not found:
            self._explain_skipped(prefix)
            raise NotFoundError(f"no journal entry with an id starting {prefix!r}; see rct journal list")
        elif len(ids) > 1:
            shown = ids[:10]
            more = ", …" if len(ids) > 10 else ""
            raise NotFoundError(
                f"{prefix!r} matches more than one entry: {', '.join(shown)}{more}; give more of the id"
            )
        else:
            chosen = found
        if len(chosen) > 1:
            raise NotFoundError(
                f"the id {chosen[0].id} is in more than one file ({', '.join(r.name for r in chosen)}); "
                "rct cannot tell which one you mean: move or rename the copy you do not want, then try again"
            )
        return chosen[0]

    def _explain_skipped(self, prefix: str) -> None:
        """If ``prefix`` names a file that is skipped as no valid entry, say why, in one line."""
        bad = self.conn.execute(
            "SELECT name, bad FROM entries WHERE bad IS NOT NULL AND substr(name, 1, ?) = ? ORDER BY name LIMIT 2",
            (len(prefix), prefix),
        ).fetchall()
        if len(bad) == 1:
            name, reason = bad[0]
            raise StorageError(f"cannot read journal/{name}: {reason}; correct it in the file, or move the file away")

    def close(self) -> None:
        self.conn.close()


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


#: Where a temporary file cannot be locked (Windows), one older than this was left by a killed save.
STALE_TEMP_SECONDS = 600


def _remove_if_stale(item: os.DirEntry[str]) -> None:
    """A temporary file left by a save that was killed is removed: its writer's lock is gone
    (``storage.remove_if_abandoned``); one being written now stays."""
    from rct_workbook.storage import remove_if_abandoned

    remove_if_abandoned(item.path, STALE_TEMP_SECONDS)


#: From this many files to read at once (a first run, a reindex), two processes share the parsing.
PARALLEL_FROM = 800


def _parse_one(folder: Path, name: str, size: int, mtime: int) -> tuple[str, tuple[Any, ...] | None]:
    """An index row for one file, or a row that records why it is no entry;
    no row at all for a file deleted since the folder was listed (that is no problem to report)."""
    # Only reading files needs the YAML parser and the entry checks: a warm listing never imports them.
    from rct_workbook.journal.entry import digest, parse_reading
    from rct_workbook.journal.store import BadEntry, EntryGone, read_entry
    from rct_workbook.model.answers import SMALL_STEPS

    try:
        entry = read_entry(folder / name)
    except EntryGone:
        return name, None
    except BadEntry as exc:
        return name, (name, size, mtime, str(exc), *([None] * 19))
    reading = parse_reading(entry.reading)
    updates = _updates(entry)
    row = (
        name,
        size,
        mtime,
        None,
        entry.id,
        entry.created,
        utc_instant(entry.created),
        entry.kind,
        entry.title,
        entry.vignette,
        entry.section,
        reading.mean,
        json.dumps(entry.answers, ensure_ascii=False, default=str),
        # The small steps alone, so progress and steps need not decode every answer.
        json.dumps({SMALL_STEPS: entry.answers.get(SMALL_STEPS) or []}, ensure_ascii=False, default=str),
        ",".join(str(n) for n, step in enumerate(entry.answers.get(SMALL_STEPS) or (), 1) if isinstance(step, dict)),
        json.dumps(digest(entry, reading), ensure_ascii=False, separators=(",", ":"), default=str),
        None if entry.reading is None else json.dumps(entry.reading, ensure_ascii=False, default=str),
        json.dumps(updates, ensure_ascii=False, default=str),
        None if entry.shares is None else json.dumps(entry.shares, ensure_ascii=False),
        entry.setting_name if entry.kind == "assess" else entry.setting,
        json.dumps(list(entry.review), ensure_ascii=False, default=str) if entry.review else None,
        entry.next_check_in,
        1,  # not yet in the search index
    )
    if name.endswith(".age"):  # encrypted: the index keeps none of its text (see _sealed_row)
        row = _without_text(row)
    return name, row


def _without_text(row: tuple[Any, ...]) -> tuple[Any, ...]:
    """An encrypted entry's row as kept: what a listing and progress need, and no answer's text.

    Its answers, small steps and reading are read from its file when asked for; so are its
    updates and review, which are "[]" when it has none (so progress needs no file then).
    It is never added to the full-text index: a search opens its file instead."""
    values = list(row)
    values[12] = values[13] = values[16] = None
    values[17] = "[]" if values[17] == "[]" else None
    values[20] = "[]" if values[20] is None else None
    values[22] = None
    return tuple(values)


def _sealed_steps(row: tuple[Any, ...]) -> tuple[Any, ...]:
    """A row of ``digests``, with the updates and review of an encrypted entry that has any read from its file."""
    *head, updates, review, name = row
    if not name.endswith(".age") or (updates is not None and review is not None):
        return row
    entry = _sealed_entry(name)
    return (*head, json.dumps(_updates(entry), default=str), json.dumps(list(entry.review), default=str), name)


def _sealed_entry(name: str) -> Entry:
    """The encrypted entry ``name``, read (and opened) from its file for what its row leaves out."""
    from rct_workbook.journal.store import BadEntry, read_entry

    try:
        return read_entry(journal_dir() / name)
    except BadEntry as exc:
        raise StorageError(f"cannot read journal/{name}: {exc}") from None


def _parse_chunk(folder: Path, items: list[tuple[str, int, int]]) -> list[tuple[str, tuple[Any, ...] | None]]:
    import gc

    # Parsing makes no reference cycles, and the cyclic collector would walk every object it
    # keeps over and over (a tenth of the time): leave freeing to reference counts meanwhile.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return [_parse_one(folder, *item) for item in items]
    finally:
        if collecting:
            gc.enable()


def _parse_shares(
    folder: Path, items: list[tuple[str, int, int]]
) -> Generator[list[tuple[str, tuple[Any, ...] | None]], None, None]:
    """Parse many files, in shares: for a large batch, this process parses the first half while
    a forked process parses the second, which comes next (the caller writes the first meanwhile)."""
    import multiprocessing

    if any(name.endswith(".age") for name, _, _ in items):
        from rct_workbook.journal import vault

        vault.unlock()  # here, once: a forked process cannot ask for the passphrase
    if len(items) < PARALLEL_FROM or (os.cpu_count() or 1) < 2 or "fork" not in multiprocessing.get_all_start_methods():
        yield _parse_chunk(folder, items)
        return
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    # What parsing needs is imported once, here, before the fork, instead of in each process.
    import rct_workbook.dates
    import rct_workbook.journal.entry
    import rct_workbook.journal.store
    import rct_workbook.journal.validate
    import rct_workbook.model.answers  # noqa: F401

    half = len(items) // 2
    try:
        pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"))
        theirs = pool.submit(_parse_chunk, folder, items[half:])
    except OSError:  # no processes to be had: do it all here
        yield _parse_chunk(folder, items)
        return
    with pool:
        yield _parse_chunk(folder, items[:half])
        try:
            rest = theirs.result()
        except BrokenProcessPool:  # the other process died (killed, out of memory): parse its share here
            rest = _parse_chunk(folder, items[half:])
        yield rest


_ALL_FOR_SEARCH = "SELECT num, title, answers, updates, review FROM entries WHERE unsearched IS NOT NULL"


def _loads(text: str | None) -> Any:
    try:
        return json.loads(text) if text else None
    except ValueError:
        return None


def _sealed_holds(name: str, query: str) -> bool:
    """Whether the encrypted entry ``name`` holds every word of ``query``, as the full-text
    search would find them: its title and the texts of its answers, updates and review.

    Parsing an entry costs ten times opening it, so its front matter's text is looked at first:
    words missing there are missing from its answers. (A YAML escape can hide a word boundary,
    so a front matter with a backslash is always parsed.)"""
    from rct_workbook.journal import vault
    from rct_workbook.journal.store import BadEntry, split_front_matter
    from rct_workbook.model.answers import texts_in
    from rct_workbook.storage import NotReadable, read_bounded

    words = [" ".join(_tokens(word)) for word in query.replace('"', " ").split()]
    path = journal_dir() / name
    try:
        raw = vault.decoded(path, read_bounded(path, 4 * 1024 * 1024, follow_links=False)).decode("utf-8")
        text, _ = split_front_matter(raw)  # the answers, updates and review are all in the front matter
    except (OSError, ValueError, NotReadable, BadEntry, vault.Undecryptable):  # the ordinary way says why
        text = "\\"
    if "\\" not in text:
        found = f" {' '.join(_tokens(text))} "
        if not all(f" {word} " in found for word in words):
            return False
    entry = _sealed_entry(name)
    columns = (entry.answers, _updates(entry), list(entry.review))
    text = "\n".join([entry.title, *(t for c in columns for t in texts_in(json.loads(json.dumps(c, default=str))))])
    found = f" {' '.join(_tokens(text))} "
    return all(f" {word} " in found for word in words)


def _tokens(text: str) -> list[str]:
    """The words of ``text`` as SQLite's unicode61 tokenizer makes them: letters and digits,
    case and diacritics set aside."""
    import re

    if not text.isascii():
        import unicodedata

        text = unicodedata.normalize("NFKD", text)
        marks = {ord(c): None for c in set(text) if unicodedata.combining(c)}  # a few distinct characters
        text = text.translate(marks) if marks else text
    return re.findall(r"[^\W_]+", text.casefold())


def _fts_query(text: str) -> str:
    """Each word of ``text`` as a quoted FTS5 term (all must match); no query syntax."""
    words = [w for w in text.replace('"', " ").split() if w]
    return " ".join(f'"{w}"' for w in words) or '""'


def open_index(*, refresh: bool = True, rebuild: bool = False) -> tuple[Index, Refresh]:
    """Open (creating or healing if needed) the index and bring it up to date with the journal.

    ``rebuild``: index every file again (``rct journal reindex``), which always recovers.
    """
    path = index_path()
    root = data_root()
    if not root.is_dir():
        ensure_private_dir(root)  # made now, or a clear error: there is nothing to read anyway
    index = Index(_memory(), journal_dir())  # replaced by the file's connection just below
    index.conn.close()
    try:
        ensure_private_dir(root)  # a read-only root still answers, from the files
        index.conn, note = _open_file(path)
        index.path = path
        if note:
            index.notes.append(note)
    except (OSError, sqlite3.DatabaseError, StorageError):
        index.conn = _memory()
        index.notes.append("the journal index cannot be opened or replaced here; this answer comes from the files")
    from rct_workbook.journal.vault import unfinished_note

    if (unfinished := unfinished_note()) is not None:
        index.notes.append(unfinished)
    if rebuild:
        result = index.rebuild()
    elif refresh:
        result = index.refresh()
    else:
        result = Refresh((), notes=tuple(index.notes))
    return index, result


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
