"""Reading a vignette in a real terminal: part by part, the outcome last.

The installed `rct` runs in a pseudo-terminal; pyte renders what it printed, so the
checks are about the screen a person sees, at 80×24.
"""

from __future__ import annotations

from pathlib import Path

import pexpect
import pyte
import pytest

from tests.tty.terminal import CTRL_C, ENTER, Session

pytestmark = pytest.mark.tty

# From content/vignettes/paula.yaml: the outcome, a fact that tells it, and the parts.
OUTCOME = "accepted the validity of the relational approach"
REVEALING_FACT = "Time to outcome"
PART_1 = "Part 1 of 4: A job that seemed made for her"
PART_2 = "Part 2 of 4: A new Medical Director"
PART_4 = "Part 4 of 4: Subtle steps, made visible"
PAUSE = "q: skip to the questions"


class Screen:
    """A pyte screen fed with everything the child prints."""

    def __init__(self, session: Session, columns: int, lines: int):
        self.session = session
        self.screen = pyte.Screen(columns, lines)
        self.stream = pyte.Stream(self.screen)
        self.fed = 0

    def update(self) -> str:
        output = self.session.output
        self.stream.feed(output[self.fed :])
        self.fed = len(output)
        return "\n".join(line.rstrip() for line in self.screen.display)

    def seen(self) -> str:
        """Everything printed so far, as plain text (the screen plus what scrolled off)."""
        return self.session.screen


def _spawn(home: Path, columns: int, lines: int, *args: str) -> tuple[Session, Screen]:
    session = Session(home, *args, size=(lines, columns))
    return session, Screen(session, columns, lines)


def _through_more(session: Session, pause: str) -> None:
    """Press Enter at each "Enter: more" (a page taller than the screen) until ``pause`` shows."""
    while session.child.expect_exact(["Enter: more", pause]) == 0:
        session.expect(PAUSE)
        session.send(ENTER)


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_the_case_waits_after_its_first_part_with_no_outcome_before(tmp_path: Path) -> None:
    session, screen = _spawn(tmp_path / "home", 80, 24, "vignette", "paula")
    with session:
        session.expect("The setting")
        _through_more(session, "Enter: part 1 of 4")
        assert PART_1 not in session.screen
        session.send(ENTER)
        session.expect(PART_1)
        _through_more(session, "Enter: part 2 of 4")
        shown = screen.update()
        assert "Enter: part 2 of 4" in shown  # the pause is on screen
        # It waits: nothing more arrives until a key is pressed.
        with pytest.raises(pexpect.TIMEOUT):
            session.child.expect_exact(PART_2, timeout=1.5)
        so_far = _flat(session.screen)
        assert OUTCOME not in so_far
        assert REVEALING_FACT not in so_far
        assert "Reading the case step by step" not in so_far
        assert "The setting" in so_far  # the facts that set the scene came first

        for part, pause in ((PART_2, "part 3 of 4"), ("Part 3 of 4", "part 4 of 4"), (PART_4, "how it turned out")):
            session.send(ENTER)
            session.expect(part)
            _through_more(session, pause)
            assert OUTCOME not in _flat(session.screen)

        session.send(ENTER)
        session.expect("Outcome")
        _through_more(session, "Enter: your reflection")
        everything = _flat(session.screen)
        assert everything.index(PART_4) < everything.index(OUTCOME)
        assert everything.index(PART_4) < everything.index(REVEALING_FACT)
        assert "skip to the questions" not in screen.update()  # each pause is wiped once answered

        session.send(ENTER)
        session.expect_prompt("Your reflection")  # the first question is ready for keys
        session.send(CTRL_C)
        session.ends(130)


def test_q_skips_to_the_questions(tmp_path: Path) -> None:
    session, _ = _spawn(tmp_path / "home", 80, 24, "vignette", "susan")
    with session:
        _through_more(session, "Enter: part 1 of 4")
        session.send(ENTER)
        session.expect("Part 1 of 4")
        session.expect(PAUSE)
        session.send("q")
        session.expect_prompt("Your reflection")  # the first question is ready for keys
        session.send(CTRL_C)
        session.ends(130)
    assert "Part 2 of 4" not in session.screen
    assert "Outcome" not in session.screen


def test_ctrl_d_at_a_pause_cancels(tmp_path: Path) -> None:
    session, _ = _spawn(tmp_path / "home", 60, 24, "vignette", "agnes")
    with session:
        session.expect(PAUSE)
        session.send("\x04")
        session.expect("Cancelled")
        session.ends(130)
    assert not list((tmp_path / "home" / "journal").glob("*.md"))
