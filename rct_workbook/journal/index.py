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

The parts live beside this module: ``index_schema`` (the tables), ``index_records`` (what
the index answers with), ``index_parse`` (rows from the files), ``index_search`` (the
full-text search) and ``index_heal`` (a damaged or busy index).
"""

from __future__ import annotations

import contextlib
import itertools
import json
import logging
import os
import sqlite3
from collections.abc import Callable, Generator, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Literal, TypeVar, overload

from rct_workbook.errors import NotFoundError, StorageError
from rct_workbook.journal.index_heal import (
    _INDEXED_COLUMNS,  # noqa: F401 - tests read it from here
    _check,
    _connect,
    _damaged_rows,
    _decodes_to,
    _describe,
    _is_busy,
    _memory,
    _open_file,
    _quick_check,
    _replace_index,
    _sound_digest_row,
    _sound_row,
)
from rct_workbook.journal.index_parse import _parse_chunk, _remove_if_stale, _sealed_entry, _sealed_steps
from rct_workbook.journal.index_records import Digested as Digested
from rct_workbook.journal.index_records import Listing as Listing
from rct_workbook.journal.index_records import Refresh as Refresh
from rct_workbook.journal.index_records import Row as Row
from rct_workbook.journal.index_records import _digests_of, _numbers, _updates
from rct_workbook.journal.index_records import parse_digest as parse_digest
from rct_workbook.journal.index_schema import _UPSERT, _DamagedRow
from rct_workbook.journal.index_schema import SCHEMA_VERSION as SCHEMA_VERSION
from rct_workbook.journal.index_schema import index_path as index_path
from rct_workbook.journal.index_search import _ALL_FOR_SEARCH, _fts_query, _loads, _sealed_holds
from rct_workbook.paths import data_root, ensure_private_dir, journal_dir
from rct_workbook.storage import TEMP_PREFIX
from rct_workbook.system import posix_permissions

if TYPE_CHECKING:
    from rct_workbook.journal.settings import SettingSummary

_T = TypeVar("_T")

log = logging.getLogger("rct")


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


#: From this many files to read at once (a first run, a reindex), two processes share the parsing.
PARALLEL_FROM = 800


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
