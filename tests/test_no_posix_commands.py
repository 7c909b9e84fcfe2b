"""PAGER, VISUAL and EDITOR as a person sets them on Windows: paths with backslashes and spaces."""

from __future__ import annotations

import pytest

from rct_workbook.system import split_command


@pytest.mark.parametrize(
    ("command", "words"),
    [
        (
            r'"C:\Program Files\Notepad++\notepad++.exe" -multiInst',
            [r"C:\Program Files\Notepad++\notepad++.exe", "-multiInst"],
        ),
        (r"C:\Windows\notepad.exe", [r"C:\Windows\notepad.exe"]),
        ("code --wait", ["code", "--wait"]),
        ("less -R", ["less", "-R"]),
    ],
)
def test_windows_commands_keep_their_backslashes(command: str, words: list[str]) -> None:
    assert split_command(command, windows=True) == words


def test_posix_commands_follow_the_shell() -> None:
    assert split_command("less -R 'a b'", windows=False) == ["less", "-R", "a b"]
    assert split_command(r"vi a\ b", windows=False) == ["vi", "a b"]


@pytest.mark.parametrize("windows", [True, False])
def test_an_unclosed_quote_is_a_value_error(windows: bool) -> None:
    with pytest.raises(ValueError):
        split_command('"unclosed', windows=windows)
