"""The README cannot drift from the commands."""

from __future__ import annotations

import re
from pathlib import Path

from typer.main import get_command

from rct_workbook.cli.app import app

README = (Path(__file__).resolve().parent.parent / "README.md").read_text()


def command_paths() -> list[str]:
    root = get_command(app)
    paths = []
    for name, cmd in root.commands.items():  # type: ignore[attr-defined]
        sub = getattr(cmd, "commands", None)
        if sub:
            paths.extend(f"rct {name} {s}" for s in sub)
        else:
            paths.append(f"rct {name}")
    return paths


def test_every_command_is_in_the_readme() -> None:
    for path in command_paths():
        assert f"`{path}" in README, path


def test_quick_start_has_exactly_two_commands() -> None:
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```sh\n(.*?)```", section, re.S)
    assert len(blocks) == 2
    assert all(len(b.strip().splitlines()) == 1 for b in blocks)
    assert blocks[0].strip().endswith("rct assess")
    assert "pytest" in blocks[1]
