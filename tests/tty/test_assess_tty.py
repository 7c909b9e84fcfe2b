"""`rct assess` driven with real keystrokes in a pseudo-terminal.

These tests run the installed `rct` console script (the one next to the Python that
runs pytest): a whole assessment with arrow keys, space and Enter; Ctrl-C midway, which
keeps a draft, then `rct assess --resume`, which finishes it; and Ctrl-D at a text
prompt. The keys and the answers they give are the same as in
tests/cli/test_assess_prompts.py, which drives the flow through pipe input: both
take them from tests/flows.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.flows import (
    RISKS_AT,
    ROLE_AT,
    STEPS,
    answers_before,
    check_draft,
    check_saved,
    drafts,
    journal_files,
    step_at,
)
from tests.tty.terminal import CTRL_C, CTRL_D, Session

pytestmark = pytest.mark.tty


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "rct-home"


def test_full_assessment_is_saved_as_chosen(home: Path) -> None:
    with Session(home, "assess") as session:
        session.expect("A four-step reading of your work setting")
        session.answer(STEPS)
        session.expect("Your reading")
        session.expect("Saved your assessment")
        session.ends(0)

    check_saved(home)


def _cancel_at(home: Path, at: int, *keys: str) -> None:
    """Answer STEPS[:at], then press ``keys`` at the next prompt: the assessment is cancelled,
    nothing is saved, and a draft holds exactly the answers given."""
    with Session(home, "assess") as session:
        session.answer(STEPS[:at])
        session.expect_prompt(STEPS[at][0])
        for key in keys:
            session.send(key)
        session.expect("Cancelled.")
        session.expect("rct assess --resume")
        session.ends(130)
    assert journal_files(home) == []
    check_draft(home, answers_before(at))


def test_ctrl_c_midway_keeps_a_draft_and_resume_finishes_it(home: Path) -> None:
    _cancel_at(home, RISKS_AT, "half a thought", CTRL_C)
    assert len(answers_before(RISKS_AT)) == 13

    with Session(home, "assess", "--resume") as second:
        second.expect("Continuing: 13 answers kept from before.")
        second.answer(STEPS[RISKS_AT:])
        second.expect("Your reading")
        second.expect("Saved your assessment")
        second.ends(0)

    # Nothing answered in the first run is asked again.
    for text, _, _ in STEPS[:RISKS_AT]:
        assert text not in second.output, text
    check_saved(home)


def test_ctrl_d_at_a_text_prompt_cancels_and_keeps_the_draft(home: Path) -> None:
    _cancel_at(home, ROLE_AT, CTRL_D)


@pytest.mark.parametrize("answer_id", ["wellbeing", "support-in-place", "role", "practices"])
def test_an_interrupt_signal_at_any_kind_of_prompt_cancels(home: Path, answer_id: str) -> None:
    """SIGINT itself, not the Ctrl-C key: what the terminal sends when Ctrl-C is pressed in
    the instant before a prompt has taken the keyboard, or what `kill -INT` sends. prompt_toolkit
    turns the signal into a `<sigint>` key that only its text prompts bound; at a menu or a
    checkbox it was dropped, the question drawn again and the person left waiting."""
    import signal

    at = step_at(answer_id)
    _cancel_at_signal(home, at, signal.SIGINT)


def _cancel_at_signal(home: Path, at: int, signum: int) -> None:
    with Session(home, "assess") as session:
        session.answer(STEPS[:at])
        session.expect_prompt(STEPS[at][0])
        session.child.kill(signum)
        session.expect("Cancelled.")
        session.ends(130)
    assert journal_files(home) == []
    if at:
        check_draft(home, answers_before(at))
    else:  # nothing was answered, so there is nothing to keep
        assert drafts(home) == []
