"""The README cannot drift from the commands."""

from __future__ import annotations

import re
from pathlib import Path

from typer.main import get_command

from rct_workbook.cli.app import app

README = (Path(__file__).resolve().parent.parent / "README.md").read_text()


def command_paths() -> list[str]:
    root = get_command(app)
    ctx = root.make_context("rct", ["--help"], resilient_parsing=True)
    paths = []
    for name in root.list_commands(ctx):  # type: ignore[attr-defined]
        cmd = root.get_command(ctx, name)  # type: ignore[attr-defined]
        sub = getattr(cmd, "commands", None)
        if sub:
            paths.extend(f"rct {name} {s}" for s in sub)
        else:
            paths.append(f"rct {name}")
    return paths


def test_the_root_help_lines_match_each_command() -> None:
    """`rct --help` lists commands without loading them; its lines must say what each one says."""
    from rct_workbook.cli.app import COMMANDS, load_command

    for name, (_, _, _, line) in COMMANDS.items():
        command = load_command(name)
        assert command.help is not None
        assert " ".join(command.help.split("\n\n")[0].split()) == line, name


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


def test_quick_start_serves_windows_with_the_same_two_commands() -> None:
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    blocks = [b.strip() for b in re.findall(r"```powershell\n(.*?)```", section, re.S)]
    assert len(blocks) == 2
    assert all(len(b.splitlines()) == 1 and b.startswith("py -m venv .venv;") for b in blocks)
    assert blocks[0].endswith(r".venv\Scripts\rct assess")
    assert blocks[1].endswith(r".venv\Scripts\python -m pytest")


def test_every_command_and_subcommand_has_help_with_an_example() -> None:
    from rct_workbook.cli.app import COMMANDS, load_command

    for name in COMMANDS:
        command = load_command(name)
        subcommands = getattr(command, "commands", {})
        for sub_name, sub in subcommands.items():
            assert sub.help and "Example: rct " in sub.help, f"rct {name} {sub_name}"
        if not subcommands or name == "steps":  # `rct steps` also runs on its own
            text = command.help or (command.callback.__doc__ if command.callback else "")
            assert "Example: rct " in text, f"rct {name}"
