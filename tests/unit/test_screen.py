"""The pager choice: PAGER respected, less -R by default, none when empty or cat."""

from __future__ import annotations

import signal
import sys
from pathlib import Path

import pytest

from rct_workbook.cli.screen import pager_command, run_pager


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, ["less", "-R"]),
        ("", None),
        ("cat", None),
        ("/bin/cat", None),
        ("more -s", ["more", "-s"]),
        ("less -FRX", ["less", "-FRX"]),
        ("'unbalanced", None),
    ],
)
def test_pager_command(monkeypatch: pytest.MonkeyPatch, value: str | None, expected: list[str] | None) -> None:
    if value is None:
        monkeypatch.delenv("PAGER", raising=False)
    else:
        monkeypatch.setenv("PAGER", value)
    assert pager_command() == expected


def test_run_pager_hands_the_whole_text_to_the_pager_and_gives_ctrl_c_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("LESS", raising=False)
    kept = tmp_path / "kept.txt"
    # A stand-in pager: it keeps what it is given, and the LESS it was run with.
    script = (
        "import os, sys; open(sys.argv[1], 'w', encoding='utf-8').write(os.environ['LESS'] + '|' + sys.stdin.read())"
    )
    before = signal.getsignal(signal.SIGINT)
    run_pager([sys.executable, "-c", script, str(kept)], "one line\nand — another\n")
    assert kept.read_text(encoding="utf-8") == "R|one line\nand — another\n"
    assert signal.getsignal(signal.SIGINT) is before


def test_run_pager_does_not_mind_a_pager_left_before_the_end() -> None:
    run_pager([sys.executable, "-c", "pass"], "x\n" * 200_000)


@pytest.mark.parametrize(
    ("env", "ascii_only"),
    [
        ({"TERM": "dumb", "LANG": "en_GB.UTF-8"}, True),
        ({"TERM": "xterm", "LC_ALL": "C"}, True),
        ({"TERM": "xterm", "LC_ALL": "POSIX"}, True),
        ({"TERM": "xterm", "LANG": "C"}, True),
        ({"TERM": "xterm", "LC_CTYPE": "C.UTF-8"}, True),  # what Python makes of an unset (C) locale
        ({"TERM": "xterm"}, True),
        ({"TERM": "xterm", "LANG": "C.UTF-8"}, False),
        ({"TERM": "xterm", "LANG": "en_GB.UTF-8"}, False),
        ({"TERM": "xterm", "LC_ALL": "de_DE.utf8"}, False),
        ({"TERM": "xterm", "LC_ALL": "en_US.UTF-8", "LANG": "C"}, False),
    ],
)
def test_ascii_only_terminal(monkeypatch: pytest.MonkeyPatch, env: dict[str, str], ascii_only: bool) -> None:
    from rct_workbook.render.terminal import ascii_only_terminal

    for name in ("TERM", "LC_ALL", "LC_CTYPE", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert ascii_only_terminal() is ascii_only


def test_progress_names_cultures_and_changes_as_the_reading_does() -> None:
    from rct_workbook.model.content import load_content
    from rct_workbook.render.progress_view import change_words, culture_label

    for culture in load_content().cultures.values():
        assert culture_label(culture.id) == culture.name
    assert [change_words(c) for c in (-2, 0, 1)] == ["-2", "same", "+1"]
