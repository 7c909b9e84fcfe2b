"""The journal index's tables, their schema version, and where the index file is."""

from __future__ import annotations

from pathlib import Path

from rct_workbook.paths import data_root

SCHEMA_VERSION = 11

#: How long a refresh waits for another process's refresh before answering from the files.
BUSY_SECONDS = 10.0


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
