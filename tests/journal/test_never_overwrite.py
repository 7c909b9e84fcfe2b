"""Files are never overwritten without asking: a terminal asks, otherwise --force or exit 2.

`--out -` is standard output, as in most command-line tools.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from prompt_toolkit.input import PipeInput
from typer.testing import Result

from tests.helpers import Run, has_mode
from tests.journal.helpers import entry_id, make_assess

OLD = "what was there before\n"


@pytest.fixture
def entry(rct_home: Path) -> str:
    return entry_id(make_assess("2026-03-12"))


@pytest.fixture
def existing(tmp_path: Path) -> Path:
    path = tmp_path / "meeting.md"
    path.write_text(OLD)
    return path


@pytest.fixture
def export(run: Run, tmp_path: Path, entry: str) -> Path:
    path = tmp_path / "ana.md"
    assert run("journal", "export", entry, "--keep-flagged", "--out", str(path)).exit_code == 0
    return path


COMMANDS = {
    "journal export": ["journal", "export", "{entry}", "--keep-flagged", "--out"],
    "group agenda": ["group", "agenda", "{export}", "--out"],
    "group rota --out": ["group", "rota", "--members", "Ana,Bo", "--meetings", "2", "--out"],
    "group rota --ics": ["group", "rota", "--members", "Ana,Bo", "--meetings", "2", "--ics"],
}


@pytest.fixture(params=COMMANDS)
def command(request: pytest.FixtureRequest) -> str:
    """Each command that writes a file, by name."""
    return str(request.param)


@pytest.fixture
def write_to(run: Run, command: str, entry: str, export: Path) -> Callable[..., Result]:
    """Run ``command`` with its file option set to the file given, then any more options."""

    def write(target: Path, *more: str) -> Result:
        args = [a.format(entry=entry, export=export) for a in COMMANDS[command]]
        return run(*args, str(target), *more)

    return write


def test_without_a_terminal_an_existing_file_is_refused(
    write_to: Callable[..., Result], command: str, existing: Path
) -> None:
    result = write_to(existing)
    assert result.exit_code == 2
    option = COMMANDS[command][-1]
    assert result.stderr == (
        f"rct: {existing} already exists; add --force to replace it, or choose another {option} file\n"
    )
    assert existing.read_text() == OLD
    assert result.stdout == ""


def test_force_replaces_it(write_to: Callable[..., Result], existing: Path) -> None:
    result = write_to(existing, "--force")
    assert result.exit_code == 0, result.stderr
    assert existing.read_text() != OLD
    assert has_mode(existing, 0o600)


def test_a_new_file_needs_no_force(write_to: Callable[..., Result], tmp_path: Path) -> None:
    target = tmp_path / "new-file"
    result = write_to(target)
    assert result.exit_code == 0, result.stderr
    assert target.exists()


def test_at_a_terminal_yes_replaces(terminal: PipeInput, write_to: Callable[..., Result], existing: Path) -> None:
    terminal.send_text("y")
    result = write_to(existing)
    assert result.exit_code == 0, result.stderr
    assert existing.read_text() != OLD


def test_at_a_terminal_no_leaves_it(terminal: PipeInput, write_to: Callable[..., Result], existing: Path) -> None:
    terminal.send_text("n")
    result = write_to(existing)
    assert result.exit_code == 130
    assert result.stderr.endswith(f"Cancelled: {existing} was left as it was; nothing was written\n")
    assert existing.read_text() == OLD


def test_out_dash_is_stdout(run: Run, entry: str, export: Path, tmp_path: Path) -> None:
    result = run("journal", "export", entry, "--keep-flagged", "--out", "-")
    assert result.exit_code == 0
    assert result.stdout.startswith("<!-- rct-workbook export, format 1 -->\n")
    result = run("group", "agenda", str(export), "--out", "-")
    assert result.exit_code == 0
    assert "# " in result.stdout
    result = run("group", "rota", "--members", "Ana,Bo", "--meetings", "2", "--out", "-")
    assert result.exit_code == 0
    assert "Ana" in result.stdout and "Bo" in result.stdout
    assert not (tmp_path / "-").exists()
    assert not Path("-").exists()


def test_rota_and_calendar_cannot_both_go_to_stdout(run: Run) -> None:
    result = run("group", "rota", "--members", "Ana,Bo", "--meetings", "2", "--ics", "-")
    assert result.exit_code == 2
    assert result.stderr == "rct: --ics - and the rota cannot both go to stdout; give --out FILE too\n"


def test_the_journal_folder_is_refused_before_any_question(run: Run, entry: str, rct_home: Path) -> None:
    target = rct_home / "journal" / f"{entry}.md"
    before = target.read_bytes()
    result = run("journal", "export", entry, "--keep-flagged", "--out", str(target), "--force")
    assert result.exit_code == 2
    assert "cannot be written into the journal folder" in result.stderr
    assert target.read_bytes() == before
