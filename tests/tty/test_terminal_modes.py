"""In a real terminal: colour and boxes by default, plain with --plain or NO_COLOR; a lost
terminal (hang-up) keeps the draft."""

from __future__ import annotations

import shlex
import signal
from pathlib import Path

import pexpect
import pytest
import yaml

from tests.flows import STEPS, answers_before
from tests.tty.terminal import RCT, Session, _env, _require_rct

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
    with Session(home, "assess") as session:
        session.answer(STEPS[:5])
        session.expect_prompt(STEPS[5][0])
        session.child.kill(signal.SIGHUP)  # what the terminal sends when its window closes
        session.ends(130)
    draft = yaml.safe_load((home / "drafts" / "assess.yaml").read_text())
    assert draft["answers"] == answers_before(5)


HANG_UP_ROUNDS = 20


def test_a_hang_up_at_a_prompt_never_hangs_twenty_times_in_a_row(tmp_path: Path) -> None:
    """SIGHUP while prompt_toolkit waits for a key once raised inside its event loop, which
    printed "Unhandled exception in event loop … Press ENTER to continue" and hung. The
    handler now ends the prompt from inside the loop. Twenty rounds in a row, each at a
    different kind of prompt (a menu, a long text, yes/no), each waited on as an event."""
    for round_ in range(HANG_UP_ROUNDS):
        home = tmp_path / f"home-{round_}"
        answered = round_ % 3  # 0: a menu, 1: a long text, 2: a yes/no question is on screen
        with Session(home, "assess") as session:
            session.answer(STEPS[:answered])
            session.expect_prompt(STEPS[answered][0])
            session.child.kill(signal.SIGHUP)
            status = session.finish()
        assert status == 130, f"round {round_}: {session.screen[-2000:]}"
        assert "Unhandled exception" not in session.output, f"round {round_}"
        assert "Traceback" not in session.output, f"round {round_}"
        draft = home / "drafts" / "assess.yaml"
        if answered:
            assert yaml.safe_load(draft.read_text())["answers"] == answers_before(answered), f"round {round_}"
