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
    terminal.send_text("It echoes my ward." + "\x1b\r" + "\x1b[B\r" + " \r" + "\x1b\r" + "Talk to nursing\r")
    result = run("vignette", "paula")
    assert result.exit_code == 2
    kept = yaml.safe_load(result.stdout[result.stdout.index("# Answers for:") :])
    assert kept["own-setting-echo"] == "It echoes my ward."
    assert kept["first-small-step"] == "Talk to nursing"
    assert result.stderr.splitlines()[-1] == (
        "  Your answers are printed above; save them to a file and run: rct vignette paula --answers FILE"
    )
