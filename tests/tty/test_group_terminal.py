"""rct group agenda and rota: rendered with Rich on a terminal, Markdown for pipes and files."""

from __future__ import annotations

import shlex
import subprocess
from pathlib import Path

import pexpect
import pyte
import pytest

from tests.helpers import Run
from tests.journal.helpers import entry_id, make_assess
from tests.tty.terminal import RCT, _env, _require_rct

pytestmark = pytest.mark.tty


def _terminal(home: Path, *args: str) -> str:
    _require_rct()
    output, status = pexpect.run(
        shlex.join([str(RCT), *args]), env=_env(home), withexitstatus=True, timeout=20, dimensions=(200, 80)
    )
    assert status == 0, output
    screen = pyte.Screen(80, 200)
    pyte.Stream(screen).feed(output.decode("utf-8").replace("\r\n", "\n").replace("\n", "\r\n"))
    return "\n".join(line.rstrip() for line in screen.display if line.strip())


def _piped(home: Path, *args: str) -> str:
    _require_rct()
    done = subprocess.run([str(RCT), *args], env=_env(home), capture_output=True, timeout=20, check=True)
    return done.stdout.decode("utf-8")


@pytest.fixture
def exports(run: Run, rct_home: Path, tmp_path: Path) -> list[Path]:
    paths = []
    for member, day in (("ana", "2026-03-01"), ("bo", "2026-03-02")):
        out = tmp_path / f"{member}.md"
        path = make_assess(day, ask_of_group="Help me plan the staff meeting & the rota")
        assert run("journal", "export", entry_id(path), "--keep-flagged", "--out", str(out)).exit_code == 0
        paths.append(out)
    return paths


def test_agenda_is_rendered_on_a_terminal(rct_home: Path, exports: list[Path]) -> None:
    shown = _terminal(rct_home, "group", "agenda", *map(str, exports))
    assert "\\&" not in shown and "\\[" not in shown
    assert not any(line.lstrip().startswith("#") for line in shown.splitlines())
    assert "staff meeting & the rota" in " ".join(shown.split())
    piped = _piped(rct_home, "group", "agenda", *map(str, exports))
    assert piped.startswith("# ")
    assert "\\&" in piped  # Markdown, escaped, for files and pipes


def test_rota_is_rendered_on_a_terminal(rct_home: Path) -> None:
    args = ("group", "rota", "--members", "Ana,Bo", "--meetings", "2", "--topic", "Breaks & cover")
    shown = _terminal(rct_home, *args)
    assert "|" not in shown and "---" not in shown and "#" not in shown
    assert "Breaks & cover" in shown
    piped = _piped(rct_home, *args)
    assert piped.startswith("# Collaborative complaining rota\n")
    assert "| Meeting | Date | Raises it |" in piped


def test_plain_on_a_terminal_keeps_the_markdown(rct_home: Path) -> None:
    shown = _terminal(rct_home, "--plain", "group", "rota", "--members", "Ana,Bo", "--meetings", "2")
    assert "| Meeting | Date | Raises it |" in shown
