"""Tables adapt to the terminal's width: the whole width is used, and no word is split."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pexpect
import pyte
import pytest

from tests.journal.helpers import entry_id, make_assess, make_vignette
from tests.tty.terminal import RCT, _env, _require_rct

pytestmark = pytest.mark.tty


def _screen(home: Path, columns: int, *args: str) -> list[str]:
    """The lines pyte shows after running ``rct ARGS`` in a terminal ``columns`` wide."""
    _require_rct()
    env = {**_env(home), "COLUMNS": str(columns), "LINES": "200"}
    output, status = pexpect.run(
        shlex.join([str(RCT), *args]), env=env, withexitstatus=True, timeout=20, dimensions=(200, columns)
    )
    assert status == 0, output
    screen = pyte.Screen(columns, 200)
    pyte.Stream(screen).feed(output.decode("utf-8").replace("\n", "\r\n").replace("\r\r\n", "\r\n"))
    return [line.rstrip() for line in screen.display if line.strip()]


@pytest.fixture
def journal(rct_home: Path) -> dict[str, str]:
    long_title = make_vignette("2026-03-01", "susan")  # "Reflection on Susan: a pseudo-relational culture"
    return {
        "assess": entry_id(make_assess("2026-03-12")),
        "vignette": entry_id(long_title),
    }


def _title_words_whole(lines: list[str], title: str) -> None:
    words = set(title.split())
    for line in lines:
        shown = line.split("  ")[-1].strip().rstrip("…").split()
        if not shown or not set(shown) & words:
            continue
        # Every word shown is a whole word of the title, in order from its start.
        assert title.startswith(" ".join(shown)), (line, title)


@pytest.mark.parametrize("columns", [100, 80, 60, 40])
def test_journal_list_fits_and_splits_no_word(rct_home: Path, journal: dict[str, str], columns: int) -> None:
    lines = _screen(rct_home, columns, "journal", "list")
    assert max(len(line) for line in lines) <= columns
    text = "\n".join(lines)
    for ident in journal.values():
        assert ident in text  # ids are never cut: they are what you type next
    assert "Protagoni" not in text and "Tit\n" not in text
    if columns >= 60:
        header = lines[0].split()
        assert header[0] == "ID" and header[-1] == "Title"
    _title_words_whole(lines, "Susan: a pseudo-relational culture")  # the case, as the Title column names it


def test_journal_list_uses_a_wide_terminal(rct_home: Path, journal: dict[str, str]) -> None:
    at_80 = _screen(rct_home, 80, "journal", "list")
    at_100 = _screen(rct_home, 100, "journal", "list")
    susan_80 = next(line for line in at_80 if "Susan" in line)
    susan_100 = next(line for line in at_100 if "Susan" in line)
    assert susan_80.endswith("Susan: a…")
    assert susan_100.endswith("Susan: a pseudo-relational culture")  # the width is used, not left empty


@pytest.mark.parametrize("columns", [80, 60, 40])
@pytest.mark.parametrize("args", [("vignette",), ("learn", "strategies")], ids=" ".join)
def test_rich_tables_split_no_word(rct_home: Path, columns: int, args: tuple[str, ...]) -> None:
    lines = _screen(rct_home, columns, "--no-pager", *args)
    assert max(len(line) for line in lines) <= columns
    words = {w for line in lines for w in re.findall(r"[A-Za-z][A-Za-z-]*[A-Za-z]", line)}
    for whole in ("Protagonist", "Pseudo-relational", "Philadelphia", "Hierarchical", "Negotiating", "psychologist"):
        # A split word leaves its start on one line: "Protagoni" / "st".
        starts = {whole[:k] for k in range(3, len(whole)) if whole[k] != "-" and whole[k - 1] != "-"}
        assert not starts & words, (whole, starts & words)
