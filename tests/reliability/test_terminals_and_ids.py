"""Round two of trying to break rct: step numbers and terminals of odd sizes."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pexpect
import pytest

from tests.helpers import Run
from tests.journal.helpers import entry_id, make_assess
from tests.tty.terminal import RCT

_ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])")


@pytest.mark.parametrize("number", ["²", "①", "٣", "１", "0x1", "-1", "1" * 40])
def test_a_step_number_that_is_not_ascii_digits_is_one_line(run: Run, number: str) -> None:
    """``isdigit()`` accepts superscripts and circled numbers that ``int()`` refuses: step
    numbers are ASCII digits only, and anything else is a one-line error, exit 2."""
    ident = entry_id(make_assess("2026-01-01"))
    for verb in ("done", "tried", "carry", "drop"):
        result = run("steps", verb, f"{ident}.{number}")
        assert result.exit_code == 2, result.output
        assert result.stderr.count("\n") == 1 and "is not a small step id" in result.stderr
    assert run("steps", "tried", f"{ident}.1").exit_code == 0


def _drawn_in_a_terminal_of_no_size(home: Path, args: list[str], columns: str | None) -> str:
    """What ``rct ARGS`` printed in a pseudo-terminal whose size was never set (0 x 0)."""
    if not RCT.exists():
        pytest.skip("the rct console script is not installed")
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "NO_COLOR", "RCT_CONTENT")}
    env.update({"RCT_HOME": str(home), "TERM": "xterm-256color", "LC_ALL": "C.UTF-8", "PAGER": ""})
    if columns is not None:
        env["COLUMNS"] = columns
    child = pexpect.spawn(str(RCT), args, env=env, encoding="utf-8", dimensions=(0, 0), timeout=60)
    try:
        child.expect(pexpect.EOF)
        out = child.before or ""
    finally:
        child.close(force=True)
    assert child.exitstatus == 0, out
    return out


@pytest.mark.tty
@pytest.mark.parametrize(
    ("args", "columns", "widest"),
    [
        (["learn", "cultures"], None, 80),
        (["learn", "cultures"], "60", 60),
        (["vignette", "paula", "--no-reflect"], "0", 80),
        (["journal", "show", "ID"], "junk", 80),
        (["progress"], None, 80),
        (["steps"], "50", 50),
    ],
)
def test_a_terminal_whose_size_was_never_set_is_drawn_at_columns_or_80(
    rct_home: Path, tmp_path: Path, args: list[str], columns: str | None, widest: int
) -> None:
    """A width of 0 means unknown: COLUMNS if it holds a width, else 80; never 0 bytes."""
    ident = entry_id(make_assess("2026-01-01"))
    args = [ident if a == "ID" else a for a in args]
    out = _drawn_in_a_terminal_of_no_size(rct_home, args, columns)
    lines = [line for line in _ANSI.sub("", out).replace("\r", "").split("\n") if line.strip()]
    assert len(lines) >= 3, out
    assert max(len(line.rstrip()) for line in lines) <= widest
    assert max(len(line.rstrip()) for line in lines) > widest - 25  # drawn to that width, not narrower


@pytest.mark.tty
def test_a_terminal_really_closed_during_assess_exits_130_and_keeps_the_draft(rct_home: Path) -> None:
    """The window closes: the terminal's master side goes away (SIGHUP, then every read and
    write fails with EIO). The exit is 130, as for any cancel, and the draft holds the answer;
    it was 1, because telling the person on the dead terminal failed."""
    import signal
    import time

    import yaml

    if not RCT.exists():
        pytest.skip("the rct console script is not installed")
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "RCT_CONTENT")}
    env.update({"RCT_HOME": str(rct_home), "TERM": "xterm-256color", "LC_ALL": "C.UTF-8", "PAGER": ""})
    env["PROMPT_TOOLKIT_NO_CPR"] = "1"
    child = pexpect.spawn(str(RCT), ["assess"], env=env, encoding="utf-8", dimensions=(40, 80), timeout=60)
    status = None
    try:
        child.expect_exact("\x1b[?2004h")  # the first prompt reads keys
        child.send("3\r")
        child.expect_exact("\x1b[?2004h")  # the next prompt: the first answer is in the draft
        os.close(child.child_fd)  # the window closes
        child.closed = True
        deadline = time.monotonic() + 120
        while status is None and time.monotonic() < deadline:
            pid, found = os.waitpid(child.pid, os.WNOHANG)
            if pid:
                status = found
            else:
                time.sleep(0.05)  # polling for the child's end, with a deadline far beyond its need
    finally:
        if status is None:
            os.kill(child.pid, signal.SIGKILL)
            os.waitpid(child.pid, 0)
    assert status is not None, "rct did not end after its terminal was closed"
    assert os.waitstatus_to_exitcode(status) == 130
    draft = yaml.safe_load((rct_home / "drafts" / "assess.yaml").read_text(encoding="utf-8"))
    assert draft["answers"]["wellbeing"] == 3
