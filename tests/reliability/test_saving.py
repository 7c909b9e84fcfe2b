"""Saving under stress: concurrent writers, a kill mid-save, a full disk, an unwritable root."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from rct_workbook.journal.store import entry_files, read_entry
from tests.helpers import FilledAnswers, Run
from tests.journal.helpers import make_assess

WRITER = """
import os, sys
os.environ["RCT_HOME"] = sys.argv[1]
from tests.journal.helpers import make_assess
print("ready", flush=True)
i = 0
while True:
    make_assess("2026-01-01", risks="x" * 20000 + str(i))
    print(i, flush=True)
    i += 1
"""


def _write_many(home: str, n: int) -> None:
    os.environ["RCT_HOME"] = home
    for i in range(n):
        make_assess("2026-01-01", role=f"writer {os.getpid()} entry {i}")


@pytest.mark.posix  # two writers forked from this process; Windows cannot fork
def test_two_concurrent_writers_keep_every_entry(rct_home: Path) -> None:
    ctx = multiprocessing.get_context("fork")
    procs = [ctx.Process(target=_write_many, args=(str(rct_home), 15)) for _ in range(2)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
        assert p.exitcode == 0
    files = entry_files(rct_home / "journal")
    assert len(files) == 30
    assert len({read_entry(f).id for f in files}) == 30


@pytest.mark.posix  # SIGKILL; Windows has none
@pytest.mark.parametrize("delay", [0.05, 0.2, 0.45])
def test_sigkill_mid_save_leaves_only_whole_entries(rct_home: Path, delay: float) -> None:
    root = Path(__file__).resolve().parents[2]
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(rct_home)], cwd=root, stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "ready"
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    reported = proc.stdout.read().split()
    proc.wait(10)
    files = entry_files(rct_home / "journal")
    for f in files:
        entry = read_entry(f)  # raises if any entry is half-written
        assert entry.answers["risks"].startswith("x" * 20000)
    assert len(files) >= len(reported)  # every save reported done is there


@pytest.mark.posix  # flock: on Windows a temporary file's age decides
def test_stale_temp_files_are_ignored_then_cleaned(run: Run, rct_home: Path) -> None:
    """A temporary file whose writer is gone is removed whatever its age; one whose writer
    holds its lock (another rct saving right now) stays."""
    import fcntl

    ident = make_assess("2026-01-01").stem
    stale = rct_home / "journal" / ".rct-tmp-deadbeef"
    fresh = rct_home / "journal" / ".rct-tmp-cafe"
    stale.write_text("half")  # written a moment ago, by a writer since killed
    fresh.write_text("half")
    held = os.open(fresh, os.O_RDWR)
    try:
        fcntl.flock(held, fcntl.LOCK_EX)  # its writer is alive and writing
        result = run("journal", "list")
        assert result.stderr == ""
        assert ident in result.stdout and ".rct-tmp" not in result.stdout
        assert not stale.exists()
        assert fresh.exists()
    finally:
        os.close(held)
    run("journal", "list")
    assert not fresh.exists()  # its writer is gone now


def test_full_disk_keeps_the_answers(
    run: Run, tmp_path: Path, rct_home: Path, monkeypatch: pytest.MonkeyPatch, filled_answers: FilledAnswers
) -> None:
    def full(*args: object, **kwargs: object) -> int:
        raise OSError(28, "No space left on device")

    answers = tmp_path / "a.yaml"
    answers.write_text(filled_answers("vignette", "paula"))
    monkeypatch.setattr(os, "write", full)
    result = run("vignette", "paula", "--answers", str(answers))
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert lines[0].startswith("rct: could not save ") and lines[0].endswith(": No space left on device")
    assert lines[1] == f"  Your answers are unchanged in {answers}."
    assert not list((rct_home / "journal").iterdir())


def test_unwritable_data_root_is_reported_before_any_prompt(
    run: Run, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, filled_answers: FilledAnswers
) -> None:
    monkeypatch.setenv("RCT_HOME", "/proc/rct-home")  # not creatable, even by root
    template = tmp_path / "a.yaml"
    template.write_text(filled_answers("assess"))
    result = run("assess", "--answers", str(template))
    assert result.exit_code == 2
    assert result.stderr.startswith("rct: cannot create the data folder /proc/rct-home")
    result = run("journal", "list")
    assert result.exit_code == 2
    assert "cannot create the data folder" in result.stderr
