"""The assessment and the paula vignette as a person answers them: the keys pressed at each
prompt and the answers they give, with what a finished or cancelled run leaves on disk.

One definition for the pipe-input tests (tests/cli), the real-terminal tests (tests/tty) and
the reliability suite. Nothing here needs pexpect or a terminal.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import frontmatter
import pytest
import yaml

from rct_workbook.model.content import load_content
from tests.helpers import has_mode
from tests.keys import DOWN, ENTER, ESC_ENTER, SPACE

# --- rct assess ----------------------------------------------------------------------------------

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
    ("And which do you notice in yourself", (ENTER,), "unhealthy-in-me"),
    ("Which of Fletcher's strategies could you use?", (SPACE, ENTER), "strategies"),
    ("Where do you notice disempowerment at work", (ESC_ENTER,), "disempowerment"),
    ("How would you use the Fletcher strategies", ("Name the family meetings", ESC_ENTER), "strategies-how"),
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


def step_at(answer_id: str) -> int:
    """The index in STEPS of the prompt that fills ``answer_id``."""
    return next(i for i, (_, _, filled) in enumerate(STEPS) if filled == answer_id)


# Ctrl-C comes at the "risks" prompt, after thirteen answers.
RISKS_AT = step_at("risks")
ROLE_AT = step_at("role")


def full_run_keys() -> str:
    """The keys of a whole `rct assess`, prompt after prompt, as pipe input sends them."""
    return "".join(key for _, keys, _ in STEPS for key in keys)


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
        "unhealthy-in-me": [],
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


# --- rct vignette paula --------------------------------------------------------------------------

# A distinctive part of each reflection prompt in content/vignettes/paula.yaml, short
# enough to sit on the prompt's first line at 80 columns.
PROMPT_ECHO = "does Paula's situation echo"
PROMPT_RISK = "How risky would it feel"
PROMPT_FLETCHER = "Which of Fletcher's strategies"
PROMPT_HELD_BACK = "Is there a concern you keep out"
PROMPT_SMALL_STEP = "Name one small, low-risk step"

SMALL_STEP = "Ask to present one case at the next team meeting with a nursing colleague."


# --- what is left on disk ------------------------------------------------------------------------


def journal_files(home: Path) -> list[Path]:
    return sorted((home / "journal").glob("*.md"))


def drafts(home: Path) -> list[Path]:
    return sorted((home / "drafts").glob("*.yaml"))


def check_saved(home: Path) -> None:
    """One assess entry holding exactly the expected answers and a reading; no draft left."""
    files = journal_files(home)
    assert len(files) == 1, files
    post = frontmatter.load(str(files[0]))
    assert post["kind"] == "assess"
    assert post["answers"] == expected_answers()
    reading = post["reading"]
    assert isinstance(reading, dict)
    assert reading["mean"] == pytest.approx((2 + 3 + 1 + 4 + 2) / 5)
    assert has_mode(files[0], 0o600)
    assert drafts(home) == []


def check_draft(home: Path, answers: dict[str, Any]) -> None:
    """A private draft of `rct assess` holding exactly ``answers``."""
    path = home / "drafts" / "assess.yaml"
    assert path.is_file(), drafts(home)
    assert has_mode(path, 0o600)
    draft = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert draft["flow"] == "assess"
    assert draft["answers"] == answers
