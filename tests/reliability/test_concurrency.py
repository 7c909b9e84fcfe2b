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


@pytest.mark.parametrize("entries", [1, 200])
def test_two_listings_build_a_missing_index_together(rct_home: Path, entries: int) -> None:
    """Delete the index, start `rct journal list` twice at once: both list every entry."""
    for i in range(entries):
        make_assess(f"2026-{1 + i % 12:02d}-{1 + i % 28:02d}")
    for _ in range(ROUNDS):
        forget_index(rct_home)
        procs = [start(rct_home, "journal", "list", "--json"), start(rct_home, "journal", "list", "--json")]
        for proc in procs:
            code, out, err = finish(proc)
            assert (code, err) == (0, ""), err
            assert out.count('"id":') == entries


def test_two_assessments_saved_at_once_with_no_index(rct_home: Path, tmp_path: Path, filled_answers) -> None:  # type: ignore[no-untyped-def]
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
