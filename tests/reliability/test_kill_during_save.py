"""SIGKILL at random moments during saves, 200 times: only whole, valid entries remain.

Promise: nothing is ever half-written, and nothing reported saved is missing.
A forked child saves entries in a loop and reports each finished save; the parent
kills it after a random delay and then reads every file in the journal.
"""

from __future__ import annotations

import os
import random
import signal
from pathlib import Path

import pytest

from rct_workbook.journal.entry import Entry, save
from rct_workbook.journal.store import entry_files, read_entry
from rct_workbook.storage import TEMP_PREFIX

RUNS = 200
BIG = "x" * 60_000  # large enough that a kill often lands mid-write


def _child(home: Path, report_fd: int) -> None:  # pragma: no cover - runs in the forked child
    os.environ["RCT_HOME"] = str(home)
    i = 0
    while True:
        entry = save(
            Entry(
                id=f"20260101-000000-kill-{os.getpid()}-{i}",
                kind="assess",
                created="2026-01-01T00:00:00+00:00",
                title="kill test",
                content_version="1.0.0",
                answers={"risks": BIG, "n": i},
            )
        )
        assert entry.path is not None
        os.write(report_fd, f"{entry.path.name}\n".encode())
        i += 1


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_sigkill_at_random_moments(rct_home: Path) -> None:
    rng = random.Random(20260101)
    reported: set[str] = set()
    leftovers = 0
    for _ in range(RUNS):
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - child
            os.close(read_fd)
            try:
                _child(rct_home, write_fd)
            finally:
                os._exit(0)
        os.close(write_fd)
        with os.fdopen(read_fd, "rb") as pipe:
            # Wait for the child's first finished save and then a random number of further
            # ones (events, not guessed times, so a loaded machine cannot make the kills all
            # land before anything is saved); the kill then lands wherever the child is in
            # the save after that, which the scheduler decides.
            seen = [pipe.readline() for _ in range(1 + rng.randrange(3))]
            assert all(line.endswith(b".md\n") for line in seen), "the child stopped saving"
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            reported.update(
                line.decode().strip() for line in [*seen, *pipe.read().splitlines()] if line.strip().endswith(b".md")
            )
    journal = rct_home / "journal"
    files = entry_files(journal)
    names = {f.name for f in files}
    assert reported <= names, "an entry reported saved is missing"
    for path in files:
        entry = read_entry(path)  # raises on anything half-written
        assert entry.answers["risks"] == BIG
    leftovers = len([p for p in journal.iterdir() if p.name.startswith(TEMP_PREFIX)])
    assert len(names) + leftovers == len(list(journal.iterdir()))
    assert len(files) >= RUNS  # each run saved at least once before its kill
