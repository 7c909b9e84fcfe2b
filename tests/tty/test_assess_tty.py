"""`rct assess` driven with real keystrokes in a pseudo-terminal.

These tests run the installed `rct` console script (the one next to the Python that
runs pytest): a whole assessment with arrow keys, space and Enter; Ctrl-C midway, which
keeps a draft, then `rct assess --resume`, which finishes it; and Ctrl-D at a text
prompt. The keys and the answers they give are the same as in
tests/cli/test_assess_prompts.py, which drives the flow through pipe input.
"""

from __future__ import annotations

import stat
from pathlib import Path
from typing import Any

import frontmatter
import pytest
import yaml

from rct_workbook.model.content import load_content
from tests.tty.terminal import (  # noqa: F401 - re-exported for the reliability suite
    CTRL_C,
    CTRL_D,
    DOWN,
    ENTER,
    ESC_ENTER,
    PASTE_OFF,
    PASTE_ON,
    RCT,
    SPACE,
    Session,
    _env,
    _require_rct,
)

pytestmark = pytest.mark.tty


#: The last prompt of a whole assessment: when to check in next (not a question of the flow).
CHECK_IN = "next-check-in"

# Each question of content/flows/assess.yaml as asked, in order: a distinctive part of
# its text (short enough to sit on the first line at 80 columns), the keys a person
# presses there (sent one after another), and the answer id it fills (None for the
# prompts inside the repeat question and its "Add another?" confirm).
STEPS: list[tuple[str, tuple[str, ...], str | None]] = [
    ("Before the workplace: how are you doing", (DOWN, DOWN, DOWN, ENTER), "wellbeing"),
    ("Who, at work or outside it, understands", ("Ana, my peer group", ESC_ENTER), "support-people"),
    ("Is a system of support in place", ("y",), "support-in-place"),
    ("What is your role there?", ("Staff nurse", ENTER), "role"),
    ("What kind of organisation is it?", (DOWN, DOWN, ENTER), "organisation"),
    ("Zest: how much energy", (DOWN, ENTER), "good-thing-zest"),
    ("Empowerment: how free do you feel", (DOWN, DOWN, ENTER), "good-thing-empowerment"),
    ("Clarity: how clearly do you understand", (ENTER,), "good-thing-clarity"),
    ("Sense of worth: in this setting, how is", (DOWN, DOWN, DOWN, ENTER), "good-thing-worth"),
    ("Desire for more connection: do you want", (DOWN, ENTER), "good-thing-connection"),
    ("Where do you stand in the setting's power", (ESC_ENTER,), "position"),
    ("Do you work in other settings too?", (ESC_ENTER,), "other-settings"),
    ("What recent events or history", (ESC_ENTER,), "history"),
    ("What do you risk by practising", ("Being seen as difficult", ESC_ENTER), "risks"),
    ("Which of these practices do you observe", (SPACE, DOWN, SPACE, ENTER), "practices"),
    ("Which practices there already promote", (ENTER,), "connecting"),
    ("What do you keep out of relationship", (ESC_ENTER,), "kept-out"),
    ("Which unhealthy forms of opposition", (ENTER,), "unhealthy"),
    ("Which of Fletcher's strategies could you use?", (SPACE, ENTER), "strategies"),
    ("Where do you notice disempowerment at work", (ESC_ENTER,), "disempowerment"),
    ("How would you use them, concretely?", ("Name the family meetings", ESC_ENTER), "strategies-how"),
    ("Who could join you", ("Bo", ENTER), "allies"),
    ("Where does working relationally there ask", (ESC_ENTER,), "courage"),
    ("What is one true thing you could say", (ESC_ENTER,), "one-true-thing"),
    ("1. What is the small step?", ("Ask for a case slot", ENTER), None),
    ("1. With whom?", ("Bo", ENTER), None),
    ("1. By when?", ("May", ENTER), None),
    ("1. How risky is it?", (DOWN, DOWN, ENTER), None),
    ("1. What would show that it worked?", ("A slot", ENTER), None),
    ("Add another? (1 of at most 3)", ("n",), "small-steps"),
    ("Your vision: what would growth", ("A unit that can disagree", ESC_ENTER), "vision"),
    ("How will you sustain yourself", ("Peer group monthly", ESC_ENTER), "sustain"),
    ("What would you like from your peer-supervision group?", (ESC_ENTER,), "ask-of-group"),
    # Not among the answers: the date of the next check-in (four weeks), kept beside them.
    ("When would you like to check in next", (ENTER,), CHECK_IN),
]

# Ctrl-C comes at the "risks" prompt, after thirteen answers.
RISKS_AT = next(i for i, (_, _, answer_id) in enumerate(STEPS) if answer_id == "risks")
ROLE_AT = next(i for i, (_, _, answer_id) in enumerate(STEPS) if answer_id == "role")


def expected_answers() -> dict[str, Any]:
    """What the keys in STEPS give, in the order they are asked."""
    content = load_content()
    first_two = [p.id for p in content.cultures["hierarchical"].indicators[:2]]
    return {
        "wellbeing": 4,
        "support-people": "Ana, my peer group",
        "support-in-place": True,
        "role": "Staff nurse",
        "organisation": "community-health",
        "good-thing-zest": 2,
        "good-thing-empowerment": 3,
        "good-thing-clarity": 1,
        "good-thing-worth": 4,
        "good-thing-connection": 2,
        "position": None,
        "other-settings": None,
        "history": None,
        "risks": "Being seen as difficult",
        "practices": first_two,
        "connecting": [],
        "kept-out": None,
        "unhealthy": [],
        "strategies": ["naming"],
        "disempowerment": None,
        "strategies-how": "Name the family meetings",
        "allies": "Bo",
        "courage": None,
        "one-true-thing": None,
        "small-steps": [
            {"what": "Ask for a case slot", "with-whom": "Bo", "by-when": "May", "risk": "high", "evidence": "A slot"}
        ],
        "vision": "A unit that can disagree",
        "sustain": "Peer group monthly",
        "ask-of-group": None,
    }


def answers_before(index: int) -> dict[str, Any]:
    """The expected answers given by STEPS[:index]."""
    done = {answer_id for _, _, answer_id in STEPS[:index] if answer_id}
    return {k: v for k, v in expected_answers().items() if k in done}


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "rct-home"


def _journal_files(home: Path) -> list[Path]:
    return sorted((home / "journal").glob("*.md"))


def _drafts(home: Path) -> list[Path]:
    return sorted((home / "drafts").glob("*.yaml"))


def _check_saved(home: Path) -> None:
    """One assess entry holding exactly the expected answers and a reading; no draft left."""
    files = _journal_files(home)
    assert len(files) == 1, files
    post = frontmatter.load(str(files[0]))
    assert post["kind"] == "assess"
    assert post["answers"] == expected_answers()
    reading = post["reading"]
    assert isinstance(reading, dict)
    assert reading["mean"] == pytest.approx((2 + 3 + 1 + 4 + 2) / 5)
    assert stat.S_IMODE(files[0].stat().st_mode) == 0o600
    assert _drafts(home) == []


def _check_draft(home: Path, answers: dict[str, Any]) -> None:
    path = home / "drafts" / "assess.yaml"
    assert path.is_file(), _drafts(home)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    draft = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert draft["flow"] == "assess"
    assert draft["answers"] == answers


def test_full_assessment_is_saved_as_chosen(home: Path) -> None:
    session = Session(home, "assess")
    try:
        session.expect("A four-step reading of your work setting")
        session.answer(STEPS)
        session.expect("Your reading")
        session.expect("Saved your assessment")
        status = session.finish()
    finally:
        session.kill()

    assert status == 0, session.screen
    assert "Traceback" not in session.output
    _check_saved(home)


def test_ctrl_c_midway_keeps_a_draft_and_resume_finishes_it(home: Path) -> None:
    first = Session(home, "assess")
    try:
        first.answer(STEPS[:RISKS_AT])
        first.expect_prompt(STEPS[RISKS_AT][0])
        first.send("half a thought")
        first.send(CTRL_C)
        first.expect("Cancelled.")
        first.expect("rct assess --resume")
        status = first.finish()
    finally:
        first.kill()

    assert status == 130, first.screen
    assert "Traceback" not in first.output
    assert _journal_files(home) == []
    _check_draft(home, answers_before(RISKS_AT))
    assert len(answers_before(RISKS_AT)) == 13

    second = Session(home, "assess", "--resume")
    try:
        second.expect("Continuing: 13 answers kept from before.")
        second.answer(STEPS[RISKS_AT:])
        second.expect("Your reading")
        second.expect("Saved your assessment")
        status = second.finish()
    finally:
        second.kill()

    assert status == 0, second.screen
    assert "Traceback" not in second.output
    # Nothing answered in the first run is asked again.
    for text, _, _ in STEPS[:RISKS_AT]:
        assert text not in second.output, text
    _check_saved(home)


def test_ctrl_d_at_a_text_prompt_cancels_and_keeps_the_draft(home: Path) -> None:
    session = Session(home, "assess")
    try:
        session.answer(STEPS[:ROLE_AT])
        session.expect_prompt(STEPS[ROLE_AT][0])
        session.send(CTRL_D)
        session.expect("Cancelled.")
        session.expect("rct assess --resume")
        status = session.finish()
    finally:
        session.kill()

    assert status == 130, session.screen
    assert "Traceback" not in session.output
    assert _journal_files(home) == []
    _check_draft(home, answers_before(ROLE_AT))
