"""A full disk (ENOSPC) while saving keeps every answer: in the draft, or printed."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from prompt_toolkit.input import PipeInput

from rct_workbook.errors import StorageError
from tests.flows import full_run_keys
from tests.helpers import Run


@pytest.fixture
def disk_full(monkeypatch: pytest.MonkeyPatch) -> None:
    def full(entry: object) -> object:
        raise StorageError("could not save the entry: No space left on device")

    monkeypatch.setattr("rct_workbook.journal.entry.save", full)


def test_assess_keeps_the_draft(terminal: PipeInput, disk_full: None, run: Run, rct_home: Path) -> None:
    terminal.send_text(full_run_keys())
    result = run("assess")
    assert result.exit_code == 2
    assert result.stderr == (
        "rct: could not save the entry: No space left on device\n"
        "  Your answers are kept in the draft; run rct assess --resume once it can be saved.\n"
    )
    draft = yaml.safe_load((rct_home / "drafts" / "assess.yaml").read_text())
    assert draft["answers"]["role"] == "Staff nurse"
    assert draft["answers"]["sustain"] == "Peer group monthly"


def test_vignette_prints_the_answers(terminal: PipeInput, disk_full: None, run: Run) -> None:
    # The small step's "With whom?" and "By when?" are left empty.
    terminal.send_text("It echoes my ward." + "\x1b\r" + "\x1b[B\r" + " \r" + "\x1b\r" + "Talk to nursing\r\r\r")
    result = run("vignette", "paula")
    assert result.exit_code == 2
    kept = yaml.safe_load(result.stdout[result.stdout.index("# Answers for:") :])
    assert kept["own-setting-echo"] == "It echoes my ward."
    assert kept["small-steps"] == [{"what": "Talk to nursing", "with-whom": None, "by-when": None}]
    assert result.stderr.splitlines()[-1] == (
        "  Your answers are printed above; save them to a file and run: rct vignette paula --answers FILE"
    )


def test_when_neither_draft_nor_entry_can_be_written_the_answers_are_printed(
    terminal: PipeInput, disk_full: None, run: Run, rct_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full disk from the fourth answer on: the draft cannot be written either, so asking
    stops there and every answer given, the last one typed too, is printed to copy."""
    from rct_workbook.flow import drafts

    written: list[int] = []
    real = drafts.save_draft

    def fills_up(draft: drafts.Draft) -> None:
        if len(draft.answers) >= 4:
            raise StorageError("could not save assess.yaml: No space left on device")
        written.append(len(draft.answers))
        real(draft)

    monkeypatch.setattr(drafts, "save_draft", fills_up)
    terminal.send_text(full_run_keys())
    result = run("assess")
    assert result.exit_code == 2
    assert result.stderr == (
        "rct: could not save assess.yaml: No space left on device\n"
        "  Neither the draft nor the entry could be written. Your answers are printed above: copy them into a file"
        " and, once there is room, run: rct assess --answers FILE\n"
    )
    printed = yaml.safe_load(result.stdout[result.stdout.index("# Answers for:") :])
    assert printed["wellbeing"] == 4
    assert printed["support-people"] == "Ana, my peer group"
    assert printed["support-in-place"] is True
    assert printed["role"] == "Staff nurse"  # the answer whose draft could not be written
    assert written and max(written) == 3
    kept = yaml.safe_load((rct_home / "drafts" / "assess.yaml").read_text())
    assert "role" not in kept["answers"]
