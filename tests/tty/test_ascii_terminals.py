"""TERM=dumb and a C/POSIX locale get ASCII boxes and bars, as piped output does."""

from __future__ import annotations

import shlex
from pathlib import Path

import pexpect
import pytest

from tests.tty.terminal import RCT, _env, _require_rct

pytestmark = pytest.mark.tty

BOX = set("─│╭╮╰╯━┃●◄►•")


def _run(home: Path, **env: str) -> str:
    _require_rct()
    full = {**_env(home), **env}
    for name, value in env.items():
        if value == "":
            full.pop(name, None)
    output, status = pexpect.run(
        shlex.join([str(RCT), "learn", "continuum"]), env=full, withexitstatus=True, timeout=20, dimensions=(40, 80)
    )
    assert status == 0
    return str(output.decode("utf-8"))


@pytest.mark.parametrize(
    "env",
    [
        {"TERM": "dumb"},
        {"LC_ALL": "C"},
        {"LC_ALL": "POSIX"},
        {"LC_ALL": "", "LC_CTYPE": "", "LANG": "C"},
        {"LC_ALL": "", "LC_CTYPE": "", "LANG": ""},
    ],
    ids=["TERM=dumb", "LC_ALL=C", "LC_ALL=POSIX", "LANG=C", "no locale"],
)
def test_ascii_boxes_and_bars(tmp_path: Path, env: dict[str, str]) -> None:
    out = _run(tmp_path, **env)
    assert not BOX & set(out), sorted(BOX & set(out))
    assert "\x1b[" not in out
    assert "The continuum of connection\r\n===" in out


def test_a_utf8_terminal_keeps_its_boxes(tmp_path: Path) -> None:
    out = _run(tmp_path, LC_ALL="", LANG="en_US.UTF-8", LC_CTYPE="")
    assert "─" in out and "\x1b[" in out


def _run_command(home: Path, args: list[str], **env: str) -> str:
    _require_rct()
    full = {**_env(home), **env}
    output, status = pexpect.run(
        shlex.join([str(RCT), *args]), env=full, withexitstatus=True, timeout=30, dimensions=(40, 80)
    )
    assert status == 0, output
    return str(output.decode("utf-8"))


@pytest.mark.parametrize("env", [{"TERM": "dumb"}, {"LC_ALL": "C"}], ids=["TERM=dumb", "LC_ALL=C"])
@pytest.mark.parametrize(
    "args", [["vignette", "paula", "--no-reflect"], ["learn", "continuum"], ["vignette"]], ids=" ".join
)
def test_the_content_itself_is_ascii_there(tmp_path: Path, env: dict[str, str], args: list[str]) -> None:
    out = _run_command(tmp_path, args, **env)
    strange = sorted({ch for ch in out if not ch.isascii()})
    assert not strange, strange  # dashes, curly quotes and middle dots spelled the ASCII way


def test_typographic_characters_are_spelled_not_lost() -> None:
    from rct_workbook.render.ascii import to_ascii

    assert to_ascii("Paula – “the milieu” · 3 of 9 … café") == 'Paula - "the milieu" - 3 of 9 ... cafe'
