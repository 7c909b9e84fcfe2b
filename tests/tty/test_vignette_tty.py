"""`rct vignette paula` driven with real keystrokes in a pseudo-terminal.

These tests run the installed `rct` console script (the one next to the Python that
runs pytest), so they check what a person would actually meet: questionary prompts,
Esc-Enter to finish long text, arrow keys, Ctrl-C and Ctrl-D.
"""

from __future__ import annotations

import io
import os
import re
import stat
import sys
from pathlib import Path

import frontmatter
import pexpect
import pytest

pytestmark = pytest.mark.tty

RCT = Path(sys.executable).parent / "rct"

ESC_ENTER = "\x1b\r"
DOWN = "\x1b[B"
ENTER = "\r"
CTRL_C = "\x03"
CTRL_D = "\x04"
PASTE_ON = "\x1b[?2004h"
PASTE_OFF = "\x1b[?2004l"

# A distinctive part of each reflection prompt in content/vignettes/paula.yaml, short
# enough to sit on the prompt's first line at 80 columns.
PROMPT_ECHO = "does Paula's situation echo"
PROMPT_RISK = "How risky would it feel"
PROMPT_FLETCHER = "Which of Fletcher's strategies"
PROMPT_HELD_BACK = "Is there a concern you keep out"
PROMPT_SMALL_STEP = "Name one small, low-risk step"

LONG_TEXT = (
    "Our team meetings were cut to twenty minutes last spring, and since then decisions about "
    "the groups program arrive by email from management with no discussion at all. When I raise "
    "it, people nod and change the subject."
)
SECOND_LINE = "Nobody says no; nobody says yes either."
SMALL_STEP = "Ask to present one case at the next team meeting with a nursing colleague."


_ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|[@-Z\\-_])")


def _screen_text(raw: str) -> str:
    """What the terminal printed, without escape sequences or runs of blank lines (for failure messages)."""
    text = _ANSI.sub("", raw).replace("\r", "")
    return re.sub(r"\n\s*\n(\s*\n)+", "\n\n", text)


def _require_rct() -> None:
    if not RCT.exists():
        pytest.skip(f"the rct console script is not installed next to {sys.executable} (pip install -e . first)")


def _env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("NO_COLOR", None)
    env.pop("RCT_CONTENT", None)
    env.update(
        {
            "RCT_HOME": str(home),
            "PROMPT_TOOLKIT_NO_CPR": "1",
            "TERM": "xterm-256color",
            "COLUMNS": "80",
            "LINES": "40",
        }
    )
    return env


class Session:
    """One `rct` child in a pty, with everything it printed kept for later checks."""

    def __init__(self, home: Path, *args: str):
        _require_rct()
        self.log = io.StringIO()
        self.child = pexpect.spawn(
            str(RCT),
            list(args),
            env=_env(home),
            encoding="utf-8",
            dimensions=(40, 80),
            timeout=20,
        )
        self.child.logfile_read = self.log
        self.mark = 0

    def expect(self, text: str) -> None:
        try:
            self.child.expect_exact(text)
        except (pexpect.TIMEOUT, pexpect.EOF) as exc:
            raise AssertionError(f"never saw {text!r}; the terminal showed:\n{self.screen[-3000:]}") from exc

    def expect_prompt(self, text: str) -> None:
        """Wait for a question, and for prompt_toolkit to be reading keys in raw mode.

        The question may be printed before the prompt starts; keys sent before raw
        mode would go through the terminal's line discipline (Enter turned into a
        line feed, Ctrl-C into a signal). prompt_toolkit turns bracketed paste on
        only after entering raw mode, so that sequence marks the prompt as ready.
        """
        self.expect(text)
        since = self.output[self.mark :]
        if since.rfind(PASTE_ON) <= since.rfind(PASTE_OFF):
            self.expect(PASTE_ON)

    def send(self, keys: str) -> None:
        self.mark = len(self.output)
        self.child.send(keys)

    def finish(self) -> int | None:
        """Wait for the program to end; return its exit status (None if killed by a signal)."""
        try:
            self.child.expect(pexpect.EOF)
        except pexpect.TIMEOUT as exc:
            self.child.close(force=True)
            raise AssertionError(f"rct did not exit; the terminal showed:\n{self.screen[-3000:]}") from exc
        self.child.close()
        return self.child.exitstatus

    @property
    def output(self) -> str:
        return self.log.getvalue()

    @property
    def screen(self) -> str:
        return _screen_text(self.output)

    def kill(self) -> None:
        if self.child.isalive():
            self.child.close(force=True)


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "rct-home"


def _journal_files(home: Path) -> list[Path]:
    return sorted((home / "journal").glob("*.md"))


def _answer_first_three(session: Session) -> None:
    """Answer own-setting-echo, visibility-risk and fletcher-fit as a person would."""
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
    session = Session(home, "vignette", "paula")
    try:
        _answer_first_three(session)

        session.expect_prompt(PROMPT_HELD_BACK)
        session.send(ESC_ENTER)  # optional: skip it

        session.expect_prompt(PROMPT_SMALL_STEP)
        session.send(SMALL_STEP)
        session.send(ENTER)

        session.expect("Saved your reflection")
        status = session.finish()
    finally:
        session.kill()

    assert status == 0, session.screen
    assert "Traceback" not in session.output

    files = _journal_files(home)
    assert len(files) == 1, files
    post = frontmatter.load(str(files[0]))
    assert post["kind"] == "vignette"
    assert post["vignette"] == "paula"
    assert post["answers"] == {
        "own-setting-echo": f"{LONG_TEXT}\n{SECOND_LINE}",
        "visibility-risk": 2,
        "fletcher-fit": ["naming", "norming"],
        "held-back": None,
        "first-small-step": SMALL_STEP,
    }

    assert stat.S_IMODE(files[0].stat().st_mode) == 0o600
    assert stat.S_IMODE((home / "journal").stat().st_mode) == 0o700


def test_ctrl_c_at_the_first_prompt_cancels_without_saving(home: Path) -> None:
    session = Session(home, "vignette", "paula")
    try:
        session.expect_prompt(PROMPT_ECHO)
        session.send("half a thought")
        session.send(CTRL_C)
        session.expect("Cancelled")
        status = session.finish()
    finally:
        session.kill()

    assert status == 130, session.screen
    assert "Traceback" not in session.output
    assert _journal_files(home) == []


def test_ctrl_d_at_a_text_prompt_midway_cancels_without_saving(home: Path) -> None:
    session = Session(home, "vignette", "paula")
    try:
        _answer_first_three(session)
        session.expect_prompt(PROMPT_HELD_BACK)
        session.send(CTRL_D)
        session.expect("Cancelled")
        status = session.finish()
    finally:
        session.kill()

    assert status == 130, session.screen
    assert "Traceback" not in session.output
    assert _journal_files(home) == []
