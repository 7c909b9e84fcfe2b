"""How the index is built from many files: shared with a forked process, search text added when a
search needs it. Every way gives the same index as parsing file by file in one process."""

from __future__ import annotations

import json
import os
import sqlite3
import sys
from pathlib import Path
from typing import Any

import pytest

from rct_workbook.journal import index as ix
from tests.helpers import Run
from tests.journal.helpers import entry_id, make_assess, make_vignette

TWELVE_DAYS = [f"2025-{month:02d}-{day:02d}" for month in (1, 4, 7) for day in (3, 9, 15, 21)]


@pytest.fixture
def journal(rct_home: Path) -> list[Path]:
    """Twelve entries (the eighth with a word to search for) and one file that is no entry."""
    made = []
    for n, day in enumerate(TWELVE_DAYS):
        if n % 3 == 2:
            made.append(make_vignette(day, "susan", one_true_thing=f"Grading talk number {n}"))
        else:
            extra = {"vision": "A ward with an ombudsman"} if n == 7 else {}
            made.append(make_assess(day, good_thing_zest=1 + n % 5, **extra))
    bad = rct_home / "journal" / "zz-broken.md"
    bad.write_text("---\nformat: 1\nid: [unclosed\n---\n")
    bad.chmod(0o600)
    return made


def _built(rct_home: Path) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """The index's rows (all columns but the file's number) and, after a first search, its
    search texts, by file name."""
    index = ix.open_index()[0]
    conn = sqlite3.connect(rct_home / "index.sqlite3")
    try:
        rows = conn.execute(f"SELECT {ix._INDEXED_COLUMNS.replace('num, ', '')} FROM entries ORDER BY name").fetchall()  # noqa: S608 - fixed columns
        index.rows(grep="anything")
        index.close()
        texts = conn.execute(
            "SELECT name, body FROM entries LEFT JOIN entries_fts ON entries_fts.rowid = entries.num ORDER BY name"
        ).fetchall()
    finally:
        conn.close()
    (rct_home / "index.sqlite3").unlink()
    return rows, texts


def _serial_and_shared(rct_home: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Any, Any]:
    monkeypatch.setattr(ix, "PARALLEL_FROM", 10**9)
    serial = _built(rct_home)
    monkeypatch.setattr(ix, "PARALLEL_FROM", 4)
    return serial, _built(rct_home)


@pytest.mark.posix  # Windows cannot fork (rct parses in one process there)
def test_sharing_the_parsing_with_a_forked_process_builds_the_same_index(
    journal: list[Path], rct_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    serial, shared = _serial_and_shared(rct_home, monkeypatch)
    assert shared == serial
    rows, texts = serial
    assert len(rows) == 13
    assert [r[0] for r in rows if r[3] is not None] == ["zz-broken.md"]
    assert sum("ombudsman" in (t or "") for _, t in texts) == 1


def _die_in_the_forked_process(folder: Path, items: list[tuple[str, int, int]]) -> Any:
    if os.getpid() != PARENT:
        os._exit(1)  # as if killed: the pool breaks
    return PARSE_CHUNK(folder, items)


PARENT = os.getpid()
PARSE_CHUNK = ix._parse_chunk


@pytest.mark.posix  # Windows cannot fork (rct parses in one process there)
def test_a_forked_process_that_dies_leaves_its_share_to_this_one(
    journal: list[Path], rct_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ix, "PARALLEL_FROM", 10**9)
    serial = _built(rct_home)
    monkeypatch.setattr(ix, "PARALLEL_FROM", 4)
    monkeypatch.setattr(ix, "_parse_chunk", _die_in_the_forked_process)
    monkeypatch.setattr(sys.modules[__name__], "PARENT", os.getpid())
    assert _built(rct_home) == serial


def test_search_text_is_indexed_by_the_first_search(run: Run, journal: list[Path], rct_home: Path) -> None:
    assert run("journal", "list").exit_code == 0
    conn = sqlite3.connect(rct_home / "index.sqlite3")
    try:
        waiting = conn.execute("SELECT count(*) FROM entries WHERE unsearched IS NOT NULL").fetchone()[0]
        assert (waiting, conn.execute("SELECT count(*) FROM entries_fts").fetchone()[0]) == (12, 0)
        result = run("journal", "list", "--grep", "ombudsman", "--json")
        assert [e["id"] for e in json.loads(result.stdout)] == [entry_id(journal[7])]
        waiting = conn.execute("SELECT count(*) FROM entries WHERE unsearched IS NOT NULL").fetchone()[0]
        assert (waiting, conn.execute("SELECT count(*) FROM entries_fts").fetchone()[0]) == (0, 12)
    finally:
        conn.close()
    # An entry edited afterwards waits again, and its old words are gone from the search.
    path = journal[7]
    path.write_text(path.read_text().replace("ombudsman", "mediator"))
    assert run("journal", "list", "--grep", "ombudsman").stdout == "No entries match.\n"
    assert entry_id(path) in run("journal", "list", "--grep", "mediator").stdout


def _python_search_text(path: Path) -> str:
    """An entry's search text as Python gathers it: title, then the texts of answers, updates, review."""
    from rct_workbook.journal.store import read_entry
    from rct_workbook.model.answers import texts_in

    entry = read_entry(path)
    return "\n".join(
        [entry.title, *texts_in(entry.answers), *texts_in(ix._updates(entry)), *texts_in(list(entry.review))]
    )


def test_the_first_search_gathers_the_text_of_answers_updates_and_review(journal: list[Path], rct_home: Path) -> None:
    """The first search gathers each entry's text from its row: the words are those Python's
    ``texts_in`` finds in the entry read from its file, a step's update included."""
    from rct_workbook.journal.progress import set_status

    index = ix.open_index()[0]
    step = f"{entry_id(journal[0])}.1"
    set_status(index, step, "done", "Talked it through with Dana at the ombudsman's office")
    index.refresh()
    index.rows(grep="anything")
    bodies = dict(
        index.conn.execute("SELECT name, body FROM entries JOIN entries_fts ON entries_fts.rowid = entries.num")
    )
    index.close()
    assert len(bodies) == 12
    for path in journal:
        assert sorted(bodies[path.name].split()) == sorted(_python_search_text(path).split()), path.name
    assert "Dana" in bodies[journal[0].name].split()


def test_an_entry_with_a_hand_made_nan_is_searchable(run: Run, journal: list[Path]) -> None:
    """A hand-made ``.nan`` answer is stored as ``NaN`` in the row's JSON: its entry is found
    like any other."""
    path = journal[7]
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\nanswers:\n", "\nanswers:\n  hand-made: .nan\n", 1), encoding="utf-8")
    result = run("journal", "list", "--grep", "ombudsman", "--json")
    assert [e["id"] for e in json.loads(result.stdout)] == [entry_id(path)]
