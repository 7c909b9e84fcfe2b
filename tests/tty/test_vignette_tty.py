"""`rct vignette paula` driven with real keystrokes in a pseudo-terminal.

These tests run the installed `rct` console script (the one next to the Python that
runs pytest), so they check what a person would actually meet: questionary prompts,
Esc-Enter to finish long text, arrow keys, Ctrl-C and Ctrl-D.
"""

from __future__ import annotations

import stat
from pathlib import Path

import frontmatter
import pytest

from tests.flows import (
    PROMPT_ECHO,
    PROMPT_FLETCHER,
    PROMPT_HELD_BACK,
    PROMPT_RISK,
    PROMPT_SMALL_STEP,
    SMALL_STEP,
    journal_files,
)
from tests.tty.terminal import CTRL_C, CTRL_D, DOWN, ENTER, ESC_ENTER, Session

pytestmark = pytest.mark.tty


LONG_TEXT = (
    "Our team meetings were cut to twenty minutes last spring, and since then decisions about "
    "the groups program arrive by email from management with no discussion at all. When I raise "
    "it, people nod and change the subject."
)
SECOND_LINE = "Nobody says no; nobody says yes either."


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "rct-home"


def _answer_first_three(session: Session) -> None:
    """Answer own-setting-echo, visibility-risk and fletcher-fit as a person would."""
    session.skip_reading()
    session.expect("Your reflection")
    session.expect_prompt(PROMPT_ECHO)
    session.send(LONG_TEXT)
    session.send(ENTER)  # a new line inside the long text
    session.send(SECOND_LINE)
    session.send(ESC_ENTER)

    session.expect_prompt(PROMPT_RISK)
    session.send(DOWN)
    session.send(ENTER)

    session.expect_prompt(PROMPT_FLETCHER)
    session.send(" ")  # tick the first strategy (naming)
    session.send(DOWN)
    session.send(" ")  # tick the second (norming)
    session.send(ENTER)


def test_full_reflection_is_saved_as_typed(home: Path) -> None:
    with Session(home, "vignette", "paula") as session:
        _answer_first_three(session)

        session.expect_prompt(PROMPT_HELD_BACK)
        session.send(ESC_ENTER)  # optional: skip it

        session.expect_prompt(PROMPT_SMALL_STEP)
        session.send(SMALL_STEP)
        session.send(ENTER)
        session.expect_prompt("1. With whom")
        session.send("A nursing colleague")
        session.send(ENTER)
        session.expect_prompt("1. By when")
        session.send(ENTER)  # optional: left empty

        session.expect("Saved your reflection")
        session.ends(0)

    files = journal_files(home)
    assert len(files) == 1, files
    post = frontmatter.load(str(files[0]))
    assert post["kind"] == "vignette"
    assert post["vignette"] == "paula"
    assert post["answers"] == {
        "own-setting-echo": f"{LONG_TEXT}\n{SECOND_LINE}",
        "visibility-risk": 2,
        "fletcher-fit": ["naming", "norming"],
        "held-back": None,
        "small-steps": [{"what": SMALL_STEP, "with-whom": "A nursing colleague", "by-when": None}],
    }

    assert stat.S_IMODE(files[0].stat().st_mode) == 0o600
    assert stat.S_IMODE((home / "journal").stat().st_mode) == 0o700


def test_ctrl_c_at_the_first_prompt_cancels_without_saving(home: Path) -> None:
    with Session(home, "vignette", "paula") as session:
        session.skip_reading()
        session.expect_prompt(PROMPT_ECHO)
        session.send("half a thought")
        session.send(CTRL_C)
        session.expect("Cancelled")
        session.ends(130)

    assert journal_files(home) == []


def test_ctrl_d_at_a_text_prompt_midway_cancels_without_saving(home: Path) -> None:
    with Session(home, "vignette", "paula") as session:
        _answer_first_three(session)
        session.expect_prompt(PROMPT_HELD_BACK)
        session.send(CTRL_D)
        session.expect("Cancelled")
        session.ends(130)

    assert journal_files(home) == []
