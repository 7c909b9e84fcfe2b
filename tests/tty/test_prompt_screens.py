"""What a person sees at 80×24, 60×24 and 40×30: the installed `rct` in a pseudo-terminal,
its output drawn by a terminal emulator (pyte).

- A long typed sentence starts at the left margin after a short marker: on one line at 80
  and 60 columns, and wrapped at whole words at 40; after Enter twice its echo is the
  sentence itself, wrapped at whole words.
- The practices checklist (26 items, more than fit on 80×24) keeps its question, its place
  in the flow and the current item on screen wherever the pointer goes, at 80×24 and
  40×30 (where its items wrap to the width).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pexpect
import pytest

from rct_workbook.flow.questions import resolve
from rct_workbook.model.content import load_content
from tests.flows import STEPS, step_at
from tests.tty.terminal import DOWN, ENTER, SPACE, UP, Session

pytestmark = pytest.mark.tty

SENTENCE = "A former classmate who works at another clinic nearby"  # 53 characters
SUPPORT_AT = step_at("support-people")
FIRST_QUESTION = STEPS[SUPPORT_AT][0]  # an optional long answer
NEXT_QUESTION = STEPS[SUPPORT_AT + 1][0]
PRACTICES = "Which of these practices do you observe"
PRACTICES_AT = step_at("practices")


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "rct-home"


def wait_for_screen(session: Session, holds: Callable[[list[str]], bool], timeout: float = 60) -> list[str]:
    """Read the terminal until what it shows satisfies ``holds``; fail with the screen if it never does."""
    deadline = time.monotonic() + timeout
    while True:
        rows = session.rendered()
        if holds(rows):
            return rows
        if time.monotonic() > deadline:
            raise AssertionError("the screen never showed what was expected:\n" + "\n".join(rows))
        try:
            session.child.expect([pexpect.TIMEOUT], timeout=0.1)
        except pexpect.EOF:
            rows = session.rendered()
            raise AssertionError("rct ended; the screen shows:\n" + "\n".join(rows)) from None


def rows_from(rows: list[str], start: str) -> list[str]:
    """The rows from the last one starting with ``start`` up to the next blank or question row."""
    first = max(i for i, row in enumerate(rows) if row.startswith(start))
    out = [rows[first]]
    for row in rows[first + 1 :]:
        if not row.strip() or row.startswith(("?", "Support first")):
            break
        out.append(row)
    return out


def whole_words(rows: list[str], marker: str = "› ") -> list[str]:
    """The words of wrapped rows, after the marker; a word split across rows shows as two pieces."""
    text = rows[0].removeprefix(marker) + " " + " ".join(r.strip() for r in rows[1:])
    return text.split()


@pytest.mark.parametrize("size", [(24, 80), (24, 60), (30, 40)], ids=["80x24", "60x24", "40x30"])
def test_a_long_answer_uses_the_whole_width_and_wraps_at_words(home: Path, size: tuple[int, int]) -> None:
    columns = size[1]
    with Session(home, "assess", size=size) as session:
        # At 40 columns a question wraps after its first few words.
        session.answer([(text[:20], keys, answer_id) for text, keys, answer_id in STEPS[:SUPPORT_AT]])
        session.expect_prompt(FIRST_QUESTION[:20])
        session.send(SENTENCE)
        rows = wait_for_screen(session, lambda rows: any(r.endswith("nearby") for r in rows))
        typed = rows_from(rows, "› ")
        if columns >= 60:
            assert typed == [f"› {SENTENCE}"], rows
        else:
            assert len(typed) > 1, rows
            assert all(len(r) <= columns for r in typed)
            assert whole_words(typed) == SENTENCE.split(), rows
            assert not typed[1].startswith(" "), "wrapped rows start at the left margin"

        session.send(ENTER)
        session.send(ENTER)  # Enter on the empty line finishes
        rows = wait_for_screen(session, lambda rows: any(NEXT_QUESTION[:20] in r for r in rows))
        echo = rows_from(rows, "› ")
        assert whole_words(echo) == SENTENCE.split(), rows
        if columns >= 60:
            assert echo == [f"› {SENTENCE}"]
        assert not any("Enter to skip" in r or "optional" in r.lower() for r in echo)
    assert "Traceback" not in session.output


@pytest.mark.parametrize("size", [(24, 80), (30, 40)], ids=["80x24", "40x30"])
def test_the_checklist_question_and_current_item_stay_on_screen(home: Path, size: tuple[int, int]) -> None:
    content = load_content()
    flow = content.flow("assess")
    (practices,) = [a for s in flow.sections for a in resolve(s.questions, content, s.id) if a.id == "practices"]
    labels = [c.label for c in practices.choices]
    assert len(labels) > 24, "the checklist is longer than the screen"

    with Session(home, "assess", size=size) as session:
        session.answer([(text[:20], keys, answer_id) for text, keys, answer_id in STEPS[:PRACTICES_AT]])
        session.expect_prompt(PRACTICES[:20])

        def shows(index: int) -> Callable[[list[str]], bool]:
            def holds(rows: list[str]) -> bool:
                pointed = [r for r in rows if "»" in r]
                return len(pointed) == 1 and labels[index][:20] in pointed[0]

            return holds

        current = 0
        for index in (0, 12, len(labels) - 1, 3):
            moves = index - current
            session.send(DOWN * moves if moves > 0 else UP * -moves)
            current = index
            rows = wait_for_screen(session, shows(index))
            assert any(PRACTICES[:20] in r for r in rows), rows
            assert any(r.startswith("Step 2: Name it · 1 of ") for r in rows), rows
            assert len(rows) == size[0]
            assert all(len(r) <= size[1] for r in rows)

        session.send(SPACE)
        session.send(ENTER)
        rows = wait_for_screen(session, lambda rows: any("Which practices there" in r for r in rows))
        # On a small screen the next list can push the echo's first line into the scrollback.
        kept = session.rendered(scrolled=True)
        assert f"› {labels[3]}"[:30] in "\n".join(kept), kept
    assert "Traceback" not in session.output
