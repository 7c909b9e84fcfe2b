"""Damaged values inside an index that is otherwise healthy are not trusted: a row that does
not parse or has the wrong types is read again from its file, and the index heals. And an id
in two files is treated the same by every command: refused where one entry is meant, counted
once where entries are counted."""

from __future__ import annotations

import os
import re
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import Run
from tests.journal.helpers import entry_id, make_assess

STEPS = [
    {
        "what": "Ask for the grand rounds slot",
        "with-whom": "A colleague",
        "by-when": "Next month",
        "risk": "low",
        "evidence": "We see it",
    }
]

# (column, value) written into one row of a healthy index. (A number written into a text
# column becomes text there, SQLite's column affinity, so it is not among them: it reads as
# text of the right type and is shown as it is, like a title edited by hand.)
DAMAGE: dict[str, tuple[str, Any]] = {
    "answers: one byte changed": ("answers", None),  # filled in below: the row's JSON with one byte changed
    "created NULL": ("created", None),
    "created a blob": ("created", b"\x00\xff"),
    "id NULL": ("id", None),
    "title a blob": ("title", b"\x01"),
    "mean junk": ("mean", "junk"),
    "digest NULL": ("digest", None),
    "digest junk": ("digest", "{not json"),
    "updates junk": ("updates", "[{"),
    "review a mapping": ("review", '{"a": 1}'),
    "reading a list": ("reading", "[1, 2]"),
    "shares junk": ("shares", "\x00\x01"),
    "steps junk": ("steps", "nope"),
    "setting a blob": ("setting", b"\x00"),
    "next_check_in a blob": ("next_check_in", b"\x00\xff"),
}


def _damage(index: Path, column: str, value: Any, name: str) -> None:
    with sqlite3.connect(index) as conn:
        if value is None and column == "answers":
            (text,) = conn.execute("SELECT answers FROM entries WHERE name = ?", (name,)).fetchone()
            value = text[:10] + chr(ord(text[10]) ^ 0x5B) + text[11:]  # one byte of the JSON changed
        conn.execute(f"UPDATE entries SET {column} = ? WHERE name = ?", (value, name))  # noqa: S608 - test's own column


@pytest.mark.parametrize("case", DAMAGE)
def test_a_damaged_row_is_read_again_from_its_file(run: Run, rct_home: Path, case: str) -> None:
    damaged = make_assess("2026-01-01", small_steps=STEPS)
    other = make_assess("2026-02-01", small_steps=STEPS)
    commands = [
        ["journal", "list"],
        ["journal", "list", "--grep", "colleague"],
        ["journal", "show", entry_id(damaged)],
        ["journal", "export", entry_id(damaged), "--keep-flagged", "--out", "-"],
        ["steps"],
        ["progress"],
        ["settings"],
    ]
    expected = {" ".join(c): run(*c).stdout for c in commands}
    column, value = DAMAGE[case]
    for command in commands:
        _damage(rct_home / "index.sqlite3", column, value, damaged.name)
        result = run(*command)
        assert result.exit_code == 0, (command, result.output)
        assert result.stdout == expected[" ".join(command)], command
        assert "Traceback" not in result.output
    # healed: once a listing has met the damage, the row is what the file says again
    _damage(rct_home / "index.sqlite3", column, value, damaged.name)
    assert run("journal", "list").stdout == expected["journal list"]
    with sqlite3.connect(rct_home / "index.sqlite3") as conn:
        (created,) = conn.execute("SELECT created FROM entries WHERE name = ?", (damaged.name,)).fetchone()
    assert isinstance(created, str) and created.startswith("2026-01-01")
    assert run("journal", "delete", entry_id(other), "--yes").exit_code == 0


def _conflicted_copy(path: Path) -> Path:
    copy = path.with_name(f"{path.stem} (conflicted copy).md")
    copy.write_bytes(path.read_bytes())
    os.chmod(copy, 0o600)
    return copy


def test_an_id_in_two_files_is_refused_by_show_and_export_and_counted_once(run: Run, rct_home: Path) -> None:
    first = make_assess("2026-01-01", small_steps=STEPS)
    second = make_assess("2026-02-01", small_steps=STEPS)
    copy = _conflicted_copy(first)
    ident = entry_id(first)
    refusal = (
        f"rct: the id {ident} is in more than one file ({copy.name}, {first.name}); rct cannot tell which one "
        "you mean: move or rename the copy you do not want, then try again"
    )
    for command in (
        ["journal", "show", ident],
        ["journal", "export", ident, "--keep-flagged", "--out", "-"],
        ["journal", "delete", ident, "--yes"],
        ["steps", "done", f"{ident}.1"],
    ):
        result = run(*command)
        assert result.exit_code == 2, (command, result.output)
        assert result.stdout == ""
        assert result.stderr.splitlines()[-1] == refusal, command

    settings = run("settings")
    assert settings.exit_code == 0
    assert re.search(r"^main +2 ", settings.stdout, re.MULTILINE), settings.stdout  # not 3
    listed = run("journal", "list", "--json")
    import json

    ids = [item["id"] for item in json.loads(listed.stdout)]
    assert sorted(ids) == sorted([ident, entry_id(second)])
    steps = run("steps")
    assert steps.stdout.count(f"{ident}.1") == 1
    assert run("journal", "show", entry_id(second)).exit_code == 0
    copy.unlink()
    assert run("journal", "show", ident).exit_code == 0
