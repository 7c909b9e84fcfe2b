"""In a real terminal, the export shows the redacted document through the pager before the stranger test."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.journal.helpers import entry_id, make_assess
from tests.tty.terminal import ENTER, Session, fake_pager

pytestmark = pytest.mark.tty


def test_the_document_is_paged_before_the_stranger_test(rct_home: Path, tmp_path: Path) -> None:
    ident = entry_id(make_assess("2026-03-12", risks="Dr. Ramirez may call me at (617) 555-0142.", allies="Bo Chen"))
    out = tmp_path / "meeting.md"
    # The pager comes from PAGER, as for every long output (the shared session sets none).
    pager, kept = fake_pager(tmp_path)
    with Session(rct_home, "journal", "export", ident, "--out", str(out), env={"PAGER": pager}) as session:
        session.expect_prompt("Your name as your group knows you")
        session.send("Sam" + ENTER)
        for n in (1, 2, 3):
            session.expect_prompt(f"({n} of 3)")
            session.send(ENTER)  # redact
        session.expect("FAKE PAGER GOT")
        session.expect_prompt("The stranger test")
        session.send("y")
        session.ends(0)
    paged = kept.read_text(encoding="utf-8")
    assert paged.startswith("This is what will be exported:")
    assert "Ramirez" not in paged and "555-0142" not in paged and "Bo Chen" not in paged
    assert "Sam: 1 reflection" in paged
    screen = session.screen
    assert screen.index("FAKE PAGER GOT") < screen.index("The stranger test")
    assert out.read_text(encoding="utf-8").count("Ramirez") == 0
