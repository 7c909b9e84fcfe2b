"""A one-line message longer than the screen (60 columns) wraps at word edges at a terminal,
its continuation indented, and stays one line when written to a pipe."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.tty.terminal import RCT, Session, _env

pytestmark = pytest.mark.tty

ARGS = ("workshop", "plan", "paula", "--participants", "2", "--minutes", "10")


def test_a_long_error_wraps_between_words_at_60_columns(tmp_path: Path) -> None:
    piped = subprocess.run([str(RCT), *ARGS], env=_env(tmp_path / "home"), capture_output=True, text=True, check=False)
    message = piped.stderr.rstrip("\n")
    assert piped.returncode == 2 and "\n" not in message and len(message) > 60  # one line to a pipe
    with Session(tmp_path / "home", *ARGS, size=(24, 60)) as session:
        session.ends(2)
        rows = [row for row in session.rendered() if row.strip()]
    assert len(rows) > 1 and all(len(row) <= 60 for row in rows)
    assert all(row.startswith("  ") for row in rows[1:])  # continuation rows are indented
    assert " ".join(row.strip() for row in rows) == message  # every word whole, none split
