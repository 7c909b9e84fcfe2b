"""The whole of `rct assess` driven through prompt_toolkit pipe input (no real terminal)."""

from __future__ import annotations

from pathlib import Path

import frontmatter
import yaml
from prompt_toolkit.input import PipeInput

from tests.flows import RISKS_AT, answers_before, expected_answers, full_run_keys
from tests.helpers import Run
from tests.keys import CTRL_C, DOWN, ENTER, FINISH


def test_whole_assessment_through_pipe_input(terminal: PipeInput, run: Run, rct_home: Path) -> None:
    terminal.send_text(full_run_keys())
    result = run("assess")
    assert result.exit_code == 0, result.stderr
    saved = list((rct_home / "journal").glob("*.md"))
    assert len(saved) == 1
    answers = frontmatter.load(saved[0])["answers"]
    # The same keys (tests/flows.py), prompt by prompt, drive tests/tty/test_assess_tty.py: one expected result.
    assert answers == expected_answers()
    assert not list((rct_home / "drafts").glob("*.yaml"))


def test_cancel_keeps_the_draft_and_resume_finishes(terminal: PipeInput, run: Run, rct_home: Path) -> None:
    keys = full_run_keys()
    cut = keys.index("Being seen")
    terminal.send_text(keys[:cut] + CTRL_C)
    result = run("assess")
    assert result.exit_code == 130
    assert result.stderr == "Cancelled.\n  Your answers so far are kept. Continue with: rct assess --resume\n"
    draft = yaml.safe_load((rct_home / "drafts" / "assess.yaml").read_text())
    assert draft["answers"]["role"] == "Staff nurse"
    assert draft["answers"]["good-thing-worth"] == 4
    assert "risks" not in draft["answers"]
    assert not (rct_home / "journal").exists() or not list((rct_home / "journal").glob("*.md"))

    terminal.send_text(keys[cut:])
    result = run("assess", "--resume")
    assert result.exit_code == 0, result.stderr
    kept = len(answers_before(RISKS_AT))  # "Being seen…" is the answer to risks
    assert f"Continuing: {kept} answers kept from before." in result.stdout
    answers = frontmatter.load(next((rct_home / "journal").glob("*.md")))["answers"]
    assert answers["role"] == "Staff nurse" and answers["risks"] == "Being seen as difficult"
    assert answers["sustain"] == "Peer group monthly"
    assert not (rct_home / "drafts" / "assess.yaml").exists()


def test_new_assessment_with_a_draft_asks_first(terminal: PipeInput, run: Run, rct_home: Path) -> None:
    keys = full_run_keys()
    terminal.send_text(keys[: keys.index("Staff nurse")] + CTRL_C)
    assert run("assess").exit_code == 130
    # Discard (second choice) and start again: the whole flow is asked.
    terminal.send_text(DOWN + ENTER + keys)
    result = run("assess")
    assert result.exit_code == 0, result.stderr
    assert (
        frontmatter.load(next((rct_home / "journal").glob("*.md")))["answers"]["support-people"] == "Ana, my peer group"
    )


def test_cancel_at_the_draft_question_keeps_the_draft(terminal: PipeInput, run: Run, rct_home: Path) -> None:
    terminal.send_text("Ana" + FINISH + CTRL_C)
    assert run("assess").exit_code == 130
    terminal.send_text(DOWN + DOWN + ENTER)
    result = run("assess")
    assert result.exit_code == 130
    assert result.stderr == "Cancelled: the unfinished assessment is kept\n"
    assert (rct_home / "drafts" / "assess.yaml").exists()


def test_resume_with_nothing_to_resume(terminal: PipeInput, run: Run) -> None:
    result = run("assess", "--resume")
    assert result.exit_code == 2
    assert result.stderr == "rct: there is no unfinished assessment to resume; start one with: rct assess\n"
