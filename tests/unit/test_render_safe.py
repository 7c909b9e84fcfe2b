from __future__ import annotations

import pytest
from rich.console import Console

from rct_workbook.render.safe import clean, text

HOSTILE = [
    "\x1b[2J\x1b[H",  # clear screen
    "\x1b]0;owned\x07",  # window title + BEL
    "\x1b]8;;file:///etc/passwd\x1b\\click\x1b]8;;\x1b\\",  # OSC 8 hyperlink
    "\x1b]52;c;cm0gLXJmIH4=\x07",  # OSC 52 clipboard
    "\x9b31m",  # single-byte C1 CSI
    "\u202egnp.exe",  # right-to-left override
    "\x7f\x00\x08",
]


@pytest.mark.parametrize("hostile", HOSTILE)
def test_clean_leaves_no_control_characters(hostile: str) -> None:
    out = clean(hostile)
    assert not any(ch in out for ch in "\x1b\x9b\x07\x00\x08\x7f\u202e")
    assert out  # something visible stands in for each


def test_clean_keeps_newlines_tabs_and_unicode() -> None:
    assert clean("line one\n\tline two — café 🌱") == "line one\n\tline two — café 🌱"
    assert clean("a\r\nb") == "a\nb"
    assert clean("\x1b") == "\u241b"


@pytest.mark.parametrize("markup", ["[bold]x[/bold]", "[/]", "[link=file:///etc/passwd]x[/link]", "[red]"])
def test_markup_shows_literally(markup: str) -> None:
    console = Console(record=True, width=80, force_terminal=True, color_system="truecolor")
    console.print(text(markup))
    out = console.export_text()
    assert markup in out
    assert "file:///etc/passwd" not in console.export_html() or markup in out
