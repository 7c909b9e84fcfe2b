"""In a real terminal, the export shows the redacted document through the pager before the stranger test."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import tests.tty.terminal as terminal
from tests.journal.helpers import entry_id, make_assess
from tests.tty.terminal import ENTER, Session

pytestmark = pytest.mark.tty

FAKE_PAGER = """\
import sys
data = sys.stdin.read()
with open(sys.argv[1], "w", encoding="utf-8") as kept:
    kept.write(data)
print("FAKE PAGER GOT", len(data.splitlines()), "LINES")
"""


def test_the_document_is_paged_before_the_stranger_test(rct_home: Path, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    ident = entry_id(make_assess("2026-03-12", risks="Dr. Ramirez may call me at (617) 555-0142.", allies="Bo Chen"))
    script, kept, out = tmp_path / "pager.py", tmp_path / "paged.txt", tmp_path / "meeting.md"
    script.write_text(FAKE_PAGER)
    # The pager comes from PAGER, as for every long output (the shared session sets none).
    env = terminal._env(rct_home)
    env["PAGER"] = f"{sys.executable} {script} {kept}"
    monkeypatch.setattr(terminal, "_env", lambda home, size=(40, 80): env)
    session = Session(rct_home, "journal", "export", ident, "--out", str(out))
    try:
        session.expect_prompt("Your name as your group knows you")
        session.send("Sam" + ENTER)
        for n in (1, 2, 3):
            session.expect_prompt(f"({n} of 3)")
            session.send(ENTER)  # redact
        session.expect("FAKE PAGER GOT")
        session.expect_prompt("The stranger test")
        session.send("y")
        assert session.finish() == 0
    finally:
        session.kill()
    paged = kept.read_text(encoding="utf-8")
    assert paged.startswith("This is what will be exported:")
    assert "Ramirez" not in paged and "555-0142" not in paged and "Bo Chen" not in paged
    assert "Sam: 1 reflection" in paged
    screen = session.screen
    assert screen.index("FAKE PAGER GOT") < screen.index("The stranger test")
    assert out.read_text(encoding="utf-8").count("Ramirez") == 0
