"""A real pseudo-terminal for the installed `rct`: the environment, the keys, a session.

Shared by the tty tests and the reliability suite's cancel-at-every-prompt tests.
"""

from __future__ import annotations

import io
import os
import re
import sys
from pathlib import Path

import pexpect
import pytest

from tests.keys import (  # re-exported: the keys are defined once, in tests/keys.py
    CTRL_C as CTRL_C,
)
from tests.keys import (
    CTRL_D as CTRL_D,
)
from tests.keys import (
    DOWN as DOWN,
)
from tests.keys import (
    ENTER as ENTER,
)
from tests.keys import (
    ESC_ENTER as ESC_ENTER,
)
from tests.keys import (
    SPACE as SPACE,
)
from tests.keys import (
    UP as UP,
)

RCT = Path(sys.executable).parent / "rct"

PASTE_ON = "\x1b[?2004h"
PASTE_OFF = "\x1b[?2004l"

_ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|[@-Z\\-_])")


def _screen_text(raw: str) -> str:
    """What the terminal printed, without escape sequences or runs of blank lines (for failure messages)."""
    text = _ANSI.sub("", raw).replace("\r", "")
    return re.sub(r"\n\s*\n(\s*\n)+", "\n\n", text)


def _require_rct() -> None:
    if not RCT.exists():
        pytest.skip(f"the rct console script is not installed next to {sys.executable} (pip install -e . first)")


def _env(home: Path, size: tuple[int, int] = (40, 80)) -> dict[str, str]:
    """The environment for `rct` in a terminal of ``size`` (rows, columns), with no pager."""
    env = dict(os.environ)
    env.pop("NO_COLOR", None)
    env.pop("RCT_CONTENT", None)
    env.update(
        {
            "RCT_HOME": str(home),
            "PROMPT_TOOLKIT_NO_CPR": "1",
            "TERM": "xterm-256color",
            "COLUMNS": str(size[1]),
            "LINES": str(size[0]),
            "LC_ALL": "C.UTF-8",  # a UTF-8 locale, whatever the machine running the tests has
            "PAGER": "",  # output is read here, not paged; tests/tty/test_pager.py sets a pager
        }
    )
    return env


# A stand-in pager: it keeps what it was given and says so, then exits like `less` after q.
_FAKE_PAGER = """\
import sys
data = sys.stdin.read()
with open(sys.argv[1], "w", encoding="utf-8") as kept:
    kept.write(data)
print("FAKE PAGER GOT", len(data.splitlines()), "LINES")
"""


def fake_pager(folder: Path) -> tuple[str, Path]:
    """A PAGER command for a stand-in pager written into ``folder``, and the file where it
    keeps what it was given (absent until something is paged)."""
    script, kept = folder / "pager.py", folder / "paged.txt"
    script.write_text(_FAKE_PAGER, encoding="utf-8")
    return f"{sys.executable} {script} {kept}", kept


class Session:
    """One `rct` child in a pty, with everything it printed kept for later checks; ``env``
    adds to (or overrides) the environment of ``_env``."""

    def __init__(
        self, home: Path, *args: str, size: tuple[int, int] = (40, 80), env: dict[str, str] | None = None
    ) -> None:
        _require_rct()
        self.log = io.StringIO()
        self.size = size
        self.child = pexpect.spawn(
            str(RCT),
            list(args),
            env={**_env(home, size), **(env or {})},
            encoding="utf-8",
            dimensions=size,
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

        The question is printed before the prompt starts; keys sent before raw mode
        would go through the terminal's line discipline (Enter turned into a line feed,
        Ctrl-C into a signal). prompt_toolkit turns bracketed paste on only after
        entering raw mode, so that sequence marks the prompt as ready.
        """
        self.expect(text)
        since = self.output[self.mark :]
        if since.rfind(PASTE_ON) <= since.rfind(PASTE_OFF):
            self.expect(PASTE_ON)

    def skip_reading(self) -> None:
        """At a vignette's first pause (after the setting), press q to go to the questions."""
        self.expect("q: skip to the questions")
        self.send("q")

    def send(self, keys: str) -> None:
        self.mark = len(self.output)
        self.child.send(keys)

    def answer(self, steps: list[tuple[str, tuple[str, ...], str | None]]) -> None:
        """Wait for each question in turn and press its keys."""
        for text, keys, _ in steps:
            self.expect_prompt(text)
            for key in keys:
                self.send(key)

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

    def rendered(self, *, scrolled: bool = False) -> list[str]:
        """The screen as the person sees it now: everything printed so far, drawn by a
        terminal emulator (pyte) of the session's size; one string per row. With
        ``scrolled``, the rows that scrolled off the top come first, as a terminal's
        scrollback would keep them."""
        import pyte

        rows, columns = self.size
        screen = pyte.HistoryScreen(columns, rows, history=10_000)
        pyte.Stream(screen).feed(self.output)
        shown = [line.rstrip() for line in screen.display]
        if not scrolled:
            return shown
        gone = ["".join(line[x].data for x in range(columns)).rstrip() for line in screen.history.top]
        return gone + shown

    def ends(self, status: int) -> None:
        """Wait for the program to end; check that it ended with ``status`` and no traceback."""
        ended = self.finish()
        assert ended == status, self.screen
        assert "Traceback" not in self.output, self.screen

    def kill(self) -> None:
        if self.child.isalive():
            self.child.close(force=True)

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc: object) -> None:
        """Whatever happened, the child does not outlive the test."""
        self.kill()
