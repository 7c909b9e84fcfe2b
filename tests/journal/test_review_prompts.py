"""The interactive de-identification review, driven through prompt_toolkit pipe input."""

from __future__ import annotations

from pathlib import Path

import pytest
from prompt_toolkit.input import PipeInput

from tests.helpers import Run
from tests.journal.helpers import entry_id, make_assess
from tests.keys import DOWN, ENTER


@pytest.fixture
def flagged(rct_home: Path) -> str:
    from rct_workbook import preferences

    preferences.set_value("display-name", "")  # chosen before, so not asked here (see test_decisions)
    # Findings in reading order: Ramirez (name), the phone number, the record number, then the allies.
    return entry_id(
        make_assess(
            "2026-03-12",
            risks="Dr. Ramirez may call me at (617) 555-0142; see record 48213377.",
            allies="Bo Chen",
        )
    )


def test_redact_keep_and_redact_all_of_a_kind(terminal: PipeInput, run: Run, flagged: str) -> None:
    # Ramirez: redact. Phone: keep. Record number: redact all of its kind. Bo Chen: keep. Stranger test: yes.
    terminal.send_text(ENTER + DOWN + ENTER + DOWN + DOWN + ENTER + DOWN + ENTER + "y")
    result = run("journal", "export", flagged)
    assert result.exit_code == 0, result.stderr
    doc = result.stdout
    assert "Ramirez" not in doc and "48213377" not in doc
    assert "555-0142" in doc and "Bo Chen" in doc
    assert ": 4 found, 2 redacted, 2 kept." in doc


def test_failing_the_stranger_test_writes_nothing(terminal: PipeInput, run: Run, flagged: str, tmp_path: Path) -> None:
    out = tmp_path / "meeting.md"
    terminal.send_text(ENTER * 4 + "n")
    result = run("journal", "export", flagged, "--out", str(out))
    assert result.exit_code == 130
    assert "nothing was written" in result.stderr
    assert not out.exists()


def test_a_detail_decided_for_one_entry_is_applied_to_the_others_with_one_key(
    terminal: PipeInput, run: Run, rct_home: Path
) -> None:
    from rct_workbook import preferences

    preferences.set_value("display-name", "")
    first = entry_id(make_assess("2026-03-12", allies="Bo Chen"))
    second = entry_id(make_assess("2026-03-19", allies="Bo Chen and the night team"))
    assert run("journal", "export", first, "--redact-flagged").exit_code == 0
    # Bo Chen was decided for the first entry only: one key (the first choice) does it for both.
    terminal.send_text(ENTER + "y")
    result = run("journal", "export", first, second)
    assert result.exit_code == 0, result.stderr
    assert "The same for all: redacted" in " ".join(result.stderr.split())
    assert "Bo Chen" not in result.stdout
    # Both entries now remember it: nothing is asked again.
    again = run("journal", "export", first, second, "--check")
    assert again.exit_code == 0 and again.stdout.endswith("all redacted at earlier exports.\n")
