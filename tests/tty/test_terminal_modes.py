"""In a real terminal: colour and boxes by default, plain with --plain or NO_COLOR; a lost
terminal (hang-up) keeps the draft."""

from __future__ import annotations

import shlex
import signal
from pathlib import Path

import pexpect
import pytest
import yaml

from tests.tty.terminal import RCT, Session, _env, _require_rct
from tests.tty.test_assess_tty import STEPS, answers_before

pytestmark = pytest.mark.tty


def run_in_pty(home: Path, *args: str, **env: str) -> str:
    _require_rct()
    command = shlex.join([str(RCT), *args])
    output, status = pexpect.run(
        command, env={**_env(home), **env}, withexitstatus=True, timeout=20, dimensions=(40, 80)
    )
    assert status == 0
    return output.decode("utf-8")


def test_rich_in_a_terminal_plain_when_asked(tmp_path: Path) -> None:
    rich = run_in_pty(tmp_path, "learn", "cultures")
    assert "\x1b[" in rich and "─" in rich
    for plain in (
        run_in_pty(tmp_path, "--plain", "learn", "cultures"),
        run_in_pty(tmp_path, "learn", "cultures", NO_COLOR="1"),
    ):
        assert "\x1b" not in plain
        assert "─" not in plain and "│" not in plain
        assert "Hierarchical culture" in plain
        assert max(len(line) for line in plain.splitlines()) <= 80


def test_lost_terminal_keeps_the_draft(tmp_path: Path) -> None:
    home = tmp_path / "home"
    session = Session(home, "assess")
    try:
        session.answer(STEPS[:5])
        session.expect_prompt(STEPS[5][0])
        session.child.kill(signal.SIGHUP)  # what the terminal sends when its window closes
        status = session.finish()
    finally:
        session.kill()
    assert status == 130, session.screen
    assert "Traceback" not in session.output
    draft = yaml.safe_load((home / "drafts" / "assess.yaml").read_text())
    assert draft["answers"] == answers_before(5)
