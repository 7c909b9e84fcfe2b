"""Several rct processes at once: one builder per index, one writer per entry.

Each promise is checked with real processes started together, over and over (at least
20 rounds), because a race shows only some of the time. Nothing here sleeps for a
guessed time: each round waits for the processes to finish.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import FilledAnswers
from tests.journal.helpers import make_assess

ROUNDS = 20


def start(home: Path, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "RCT_HOME": str(home), "NO_COLOR": "1"}
    return subprocess.Popen(
        [sys.executable, "-m", "rct_workbook", *args],
        env=env,
        cwd=home.parent,  # the installed rct, not whatever the current folder holds
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish(proc: subprocess.Popen[str]) -> tuple[int, str, str]:
    out, err = proc.communicate(timeout=120)
    return proc.returncode, out, err


def forget_index(home: Path) -> None:
    for path in home.iterdir():
        if path.name.startswith("index.sqlite3"):
            path.unlink()


def test_two_listings_build_a_missing_index_together(rct_home: Path) -> None:
    """Delete the index, start `rct journal list` twice at once: both list every entry.

    With 200 entries the race was lost every time before the fix (with one entry, 12 of
    20 times): parsing 200 files keeps both processes in the window together."""
    entries = 200
    for i in range(entries):
        make_assess(f"2026-{1 + i % 12:02d}-{1 + i % 28:02d}")
    for _ in range(ROUNDS):
        forget_index(rct_home)
        procs = [start(rct_home, "journal", "list", "--json"), start(rct_home, "journal", "list", "--json")]
        for proc in procs:
            code, out, err = finish(proc)
            assert (code, err) == (0, ""), err
            assert out.count('"id":') == entries


# Forty whole assessments, each loading care's sentence encoder for its reading: the hang
# guard allows for a loaded 2-core machine (the test waits on the processes, never on time).
@pytest.mark.timeout(600)
def test_two_assessments_saved_at_once_with_no_index(
    rct_home: Path, tmp_path: Path, filled_answers: FilledAnswers
) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text(filled_answers("assess"), encoding="utf-8")
    make_assess("2026-01-01")
    for i in range(ROUNDS):
        forget_index(rct_home)
        procs = [start(rct_home, "assess", "--answers", str(answers)) for _ in range(2)]
        for proc in procs:
            code, out, err = finish(proc)
            assert code == 0, err
            assert "Saved your assessment" in out
        assert len(list((rct_home / "journal").glob("*.md"))) == 1 + 2 * (i + 1)


THREE_STEPS = [
    {"what": what, "with-whom": "A nursing colleague", "by-when": "Next month", "risk": "low", "evidence": "We see it"}
    for what in (
        "Ask for the grand rounds slot",
        "Tell Ana what worked in the family meeting",
        "Keep Tuesday lunch for the peer group",
    )
]


def test_three_small_wins_marked_at_once_are_all_kept(rct_home: Path) -> None:
    """`rct steps done ID.1 & ID.2 & ID.3`: each command holds the entry's lock from its
    read until its rename, so no win is lost to the last writer."""
    from rct_workbook.journal.store import read_entry

    for i in range(ROUNDS):
        path = make_assess(f"2026-02-{1 + i:02d}", small_steps=THREE_STEPS)
        ident = path.stem
        procs = [start(rct_home, "steps", "done", f"{ident}.{n}", "--note", f"win {n}") for n in (1, 2, 3)]
        for proc in procs:
            code, out, err = finish(proc)
            assert (code, err) == (0, ""), err
            assert out.startswith("Marked done: ")
        entry = read_entry(path)
        assert sorted(u["step"] for u in entry.updates) == [1, 2, 3], f"round {i}"
        assert sorted(u["note"] for u in entry.updates) == ["win 1", "win 2", "win 3"]
        assert sum(": small step " in line and " done (" in line for line in entry.body.splitlines()) == 3


def test_a_deleted_entry_is_never_brought_back(rct_home: Path) -> None:
    """`steps done ID.1 &` then at once `journal delete ID --yes`: once delete says Deleted,
    the file stays gone; the writer either finished first or stops and writes nothing."""
    for i in range(ROUNDS):
        path = make_assess(f"2026-03-{1 + i:02d}", small_steps=THREE_STEPS)
        marking = start(rct_home, "steps", "done", f"{path.stem}.1")
        deleting = start(rct_home, "journal", "delete", path.stem, "--yes")
        code, out, err = finish(deleting)
        assert (code, out, err) == (0, f"Deleted {path.stem}.\n", ""), err
        code, out, err = finish(marking)
        assert not path.exists(), f"round {i}: the deleted entry came back"
        if code != 0:  # it lost the race: one line, nothing written
            assert code == 2
            assert err.count("\n") == 1, err
            assert "deleted meanwhile; nothing was written" in err or "no journal entry" in err, err
        assert not [p for p in path.parent.iterdir() if p.name.startswith(".rct-tmp-")]
