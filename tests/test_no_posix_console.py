"""A legacy Windows console (cp437, cp1252) gets the ASCII forms TERM=dumb gets, and nothing
rct prints there can fail with UnicodeEncodeError."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from rct_workbook.model.content import load_content
from rct_workbook.render import modes
from tests.helpers import FilledAnswers

LEGACY = ["cp437", "cp1252"]


class Console(io.TextIOWrapper):
    """A terminal's output stream in ``encoding`` (strict, as Python opens a legacy console)."""

    def __init__(self, encoding: str) -> None:
        super().__init__(io.BytesIO(), encoding=encoding)

    def isatty(self) -> bool:
        return True


@pytest.fixture
def colour_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """A terminal that, by its name and locale, could show colour and UTF-8 lines."""
    for name in ("NO_COLOR", "LC_ALL", "LC_CTYPE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.setenv("LANG", "en_GB.UTF-8")


@pytest.mark.parametrize("encoding", LEGACY)
def test_a_legacy_console_is_ascii_only_like_term_dumb(colour_terminal: None, encoding: str) -> None:
    console = Console(encoding)
    assert modes.ascii_only_terminal(console)
    assert modes.wants_plain(False, console)


def test_a_utf8_terminal_is_not(colour_terminal: None) -> None:
    console = Console("utf-8")
    assert not modes.ascii_only_terminal(console)
    assert not modes.wants_plain(False, console)


@pytest.mark.parametrize(("encoding", "ascii_only"), [("utf-8", False), *((e, True) for e in LEGACY)])
def test_on_windows_the_console_encoding_decides_not_the_locale(
    monkeypatch: pytest.MonkeyPatch, encoding: str, ascii_only: bool
) -> None:
    """A Windows console has no LANG or LC_*; unset, they must not read as a C locale."""
    for name in ("NO_COLOR", "TERM", "LC_ALL", "LC_CTYPE", "LANG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(modes, "LOCALE_DESCRIBES_TERMINAL", False)
    assert modes.ascii_only_terminal(Console(encoding)) is ascii_only


def _rct(home: Path, *args: str, **env: str) -> subprocess.CompletedProcess[bytes]:
    rct = shutil.which("rct", path=str(Path(sys.executable).parent))
    assert rct is not None, f"the rct console script is not installed next to {sys.executable}"
    base = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "RCT_CONTENT", "PAGER", "PYTHONIOENCODING")}
    done = subprocess.run(
        [rct, *args],
        env={**base, "RCT_HOME": str(home), "COLUMNS": "60", **env},
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert b"Traceback" not in done.stderr, done.stderr.decode("utf-8", "replace")
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    return done


def test_rct_on_a_legacy_console_prints_what_term_dumb_gets(tmp_path: Path, filled_answers: FilledAnswers) -> None:
    """Each command's output is TERM=dumb's, with what the code page cannot hold replaced
    (the listing's shortened title ends in "..." as with TERM=dumb, not in a replaced "…")."""
    home = tmp_path / "rct-home"
    answers = tmp_path / "answers.yaml"
    answers.write_text(filled_answers("assess"), encoding="utf-8")
    _rct(home, "assess", "--answers", str(answers), "--setting", "Station ✓ – “Café” at night")
    case = sorted(load_content().vignettes)[0]
    for command in (["learn"], ["vignette", case, "--no-reflect"], ["journal", "list"], ["settings"], ["steps"]):
        dumb = _rct(home, *command, TERM="dumb", PYTHONIOENCODING="utf-8").stdout.decode("utf-8")
        for encoding in LEGACY:
            legacy = _rct(home, *command, TERM="xterm", LANG="en_GB.UTF-8", PYTHONIOENCODING=encoding)
            assert legacy.stdout == dumb.encode(encoding, "replace"), (command, encoding)
