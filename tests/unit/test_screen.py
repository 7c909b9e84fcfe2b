"""The pager choice: PAGER respected, less -R by default, none when empty or cat."""

from __future__ import annotations

import pytest

from rct_workbook.cli.screen import pager_command


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
