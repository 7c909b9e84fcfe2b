"""A case that is taller than the screen is shown a screenful at a time (80×24): the setting
and "how it turned out" never scroll their start away before a key is pressed, and every
line of them is shown. The installed `rct` in a pseudo-terminal; the screen drawn by pyte."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from rct_workbook.model.content import load_content
from tests.tty.terminal import CTRL_C, ENTER, Session

pytestmark = pytest.mark.tty

SIZE = (24, 80)
#: Every pause but the last ends so; the last leads to the questions.
PAUSE = "skip to the questions "
LAST_PAUSE = "Enter: your reflection "
MORE = re.compile(r"Enter: more \((\d+) of (\d+)\)")
_ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|[@-Z\\-_])")


def rows_printed(raw: str) -> int:
    """How many rows a stretch of output moved down the screen (each line feed is one)."""
    return _ANSI.sub("", raw).count("\n")


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("case", sorted(load_content().vignettes))
def test_each_pause_follows_at_most_a_screenful(tmp_path: Path, case: str) -> None:
    content = load_content()
    vignette = content.vignettes[case]
    with Session(tmp_path / "home", "vignette", case, size=SIZE) as session:
        session.expect("Enter: ")
        # The first screen starts with the case's title, still in view at the first pause.
        shown = session.rendered()
        assert any(vignette.title[:30] in row for row in shown[:3]), "\n".join(shown)
        pauses = 0
        while True:
            session.child.expect_exact([PAUSE, LAST_PAUSE])
            before = session.output[session.mark :]
            # Between two keys rct printed no more than the screen holds above the pause.
            assert rows_printed(before) <= SIZE[0] - 1, session.screen[-2000:]
            pauses += 1
            session.send(ENTER)
            if session.child.after == LAST_PAUSE:
                break
        session.expect_prompt("Your reflection")
        session.send(CTRL_C)
        session.ends(130)
    seen = flat("\n".join(session.rendered(scrolled=True)))  # as the terminal kept it, pauses wiped
    assert flat(vignette.outcome) in seen  # how it turned out, all of it
    assert pauses >= len(vignette.parts) + 2  # the setting, each part, how it turned out


def test_a_long_setting_waits_with_its_title_in_view(tmp_path: Path) -> None:
    with Session(tmp_path / "home", "vignette", "paula", size=SIZE) as session:
        session.child.expect(MORE)
        first, total = (int(n) for n in session.child.match.groups())
        assert (first, total) == (1, total) and total > 1  # the setting takes more than one screen
        shown = session.rendered()
        assert any("Paula" in row for row in shown[:2])  # the title box is still the top of the screen
        assert shown[-1].startswith("Enter: more (1 of")
        session.send(CTRL_C)
        session.ends(130)
