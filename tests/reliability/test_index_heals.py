"""The derived index heals itself: whatever is wrong with it, commands answer from the
files, a damaged index is moved aside with one line saying so, and saving never depends
on it."""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.helpers import FilledAnswers, Run
from tests.journal.helpers import entry_id, make_assess

HEALED = re.compile(
    r"rct: the journal index was damaged \(.+\); it was moved aside as "
    r"index\.sqlite3\.damaged-\d{8}-\d{6}-[0-9a-f]{4} and rebuilt from your entries\n"
)


def corrupt_a_page(index: Path) -> None:
    data = bytearray(index.read_bytes())
    assert len(data) > 8192
    data[4096:8192] = b"\xa5" * 4096  # the second page, whatever it holds, becomes junk
    index.write_bytes(bytes(data))


def drop_column(index: Path) -> None:
    with sqlite3.connect(index) as conn:
        conn.execute("ALTER TABLE entries DROP COLUMN digest")


def drop_table(index: Path) -> None:
    with sqlite3.connect(index) as conn:
        conn.execute("DROP TABLE entries_fts")


def drop_meta(index: Path) -> None:
    with sqlite3.connect(index) as conn:
        conn.execute("DROP TABLE meta")


def make_a_folder(index: Path) -> None:
    index.unlink()
    index.mkdir()
    (index / "something").write_text("x")


def make_unreadable(index: Path) -> None:
    if not hasattr(os, "geteuid"):
        pytest.skip("a file's mode does not make it unreadable on Windows")
    if os.geteuid() == 0:
        pytest.skip("root can read any file")
    index.chmod(0)


def write_junk(index: Path) -> None:
    index.write_bytes(b"this is not a database at all\n" * 200)


DAMAGE: dict[str, Callable[[Path], None]] = {
    "corrupt page": corrupt_a_page,
    "dropped column": drop_column,
    "dropped table": drop_table,
    "dropped meta": drop_meta,
    "a folder": make_a_folder,
    "unreadable": make_unreadable,
    "junk": write_junk,
}


@pytest.fixture
def journal(run: Run, rct_home: Path) -> list[Path]:
    paths = [make_assess(f"2026-01-{d:02d}", history=f"day {d} " + "words " * 300) for d in range(1, 13)]
    assert run("journal", "list").exit_code == 0
    return paths


def listed(stdout: str) -> list[str]:
    """The ids a listing shows: the first word of each entry's line (the words --grep found
    stand indented under it)."""
    return sorted(line.split()[0] for line in stdout.splitlines()[1:] if line and not line.startswith(" "))


@pytest.mark.parametrize("damage", DAMAGE)
def test_list_heals_a_damaged_index(run: Run, rct_home: Path, journal: list[Path], damage: str) -> None:
    index = rct_home / "index.sqlite3"
    DAMAGE[damage](index)
    result = run("journal", "list", "--json")
    assert result.exit_code == 0
    assert HEALED.fullmatch(result.stderr), result.stderr
    assert result.stdout.count('"id":') == len(journal)
    aside = [p for p in rct_home.iterdir() if p.name.startswith("index.sqlite3.damaged-")]
    assert len(aside) == 1
    again = run("journal", "list", "--grep", "day")
    assert (again.exit_code, again.stderr) == (0, "")
    assert listed(again.stdout) == sorted(entry_id(p) for p in journal)


@pytest.mark.parametrize("damage", DAMAGE)
def test_assess_saves_whatever_the_index(
    run: Run, rct_home: Path, journal: list[Path], tmp_path: Path, damage: str, filled_answers: FilledAnswers
) -> None:
    DAMAGE[damage](rct_home / "index.sqlite3")
    answers = tmp_path / "answers.yaml"
    answers.write_text(filled_answers("assess"), encoding="utf-8")
    result = run("assess", "--answers", str(answers))
    assert result.exit_code == 0, result.output
    assert "Saved your assessment" in result.stdout
    assert HEALED.fullmatch(result.stderr), result.stderr  # one line says so, as list does
    assert len(list((rct_home / "journal").glob("*.md"))) == len(journal) + 1


@pytest.mark.parametrize("damage", DAMAGE)
def test_reindex_always_recovers(run: Run, rct_home: Path, journal: list[Path], damage: str) -> None:
    DAMAGE[damage](rct_home / "index.sqlite3")
    result = run("journal", "reindex")
    assert result.exit_code == 0
    assert result.stdout == f"Indexed {len(journal)} entries.\n"
    assert HEALED.fullmatch(result.stderr), result.stderr
    assert run("journal", "reindex").stderr == ""


def test_damage_found_only_by_a_later_query_heals_too(run: Run, rct_home: Path, journal: list[Path]) -> None:
    """Damage in the search table is met only when searching: that search heals it."""
    with sqlite3.connect(rct_home / "index.sqlite3") as conn:
        conn.execute("DROP TABLE entries_fts")
        conn.execute("CREATE TABLE entries_fts (x)")  # the name is there; the search columns are not
    result = run("journal", "list", "--grep", "day")
    assert result.exit_code == 0
    assert HEALED.fullmatch(result.stderr), result.stderr
    assert listed(result.stdout) == sorted(entry_id(p) for p in journal)


@pytest.mark.posix  # a folder's mode does not make it read-only on Windows
def test_an_index_that_cannot_be_replaced_still_answers_from_files(
    run: Run, rct_home: Path, journal: list[Path]
) -> None:
    if os.geteuid() == 0:
        pytest.skip("root can write any folder")
    write_junk(rct_home / "index.sqlite3")
    rct_home.chmod(0o500)
    try:
        result = run("journal", "list", "--json")
    finally:
        rct_home.chmod(0o700)
    assert result.exit_code == 0
    assert result.stdout.count('"id":') == len(journal)
    assert result.stderr.count("\n") == 1
