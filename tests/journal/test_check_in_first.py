"""At export, a person whose reading opened with the care note may ask the group to check in
with them first; only that wish travels, never the note or what raised it."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from prompt_toolkit.input import PipeInput

from rct_workbook.group import CHECK_IN_LINE
from tests.helpers import Run
from tests.journal.helpers import entry_id, make_assess

HOPELESS = "Honestly some days I don't see the point of any of it."


def comments(doc: str) -> list[dict[str, Any]]:
    return [json.loads(m) for m in re.findall(r"<!-- rct-entry (\{.*?\}) -->", doc)]


@pytest.fixture
def struggling(rct_home: Path) -> str:
    """An entry whose reading opened with the care note (a hopeless phrase in a shared answer)."""
    return entry_id(make_assess("2026-03-12", wellbeing=1, risks=HOPELESS, allies=None))


@pytest.fixture
def calm(rct_home: Path) -> str:
    return entry_id(make_assess("2026-03-13", wellbeing=4))


def test_the_entry_records_only_that_the_note_was_shown(struggling: str, rct_home: Path) -> None:
    import frontmatter

    post = frontmatter.load(next((rct_home / "journal").glob(f"{struggling}*.md")))
    assert post["reading"]["care_note"] is True
    assert "signals" not in post["reading"]
    assert post.content.index("## First, you") < post.content.index("## Support first")


def test_without_a_terminal_the_answer_is_no(run: Run, struggling: str) -> None:
    result = run("journal", "export", struggling, "--keep-flagged")
    assert result.exit_code == 0, result.stderr
    assert "check_in_first" not in result.stdout
    assert all("check_in_first" not in c for c in comments(result.stdout))


def test_the_care_note_and_its_trigger_are_never_exported(run: Run, struggling: str) -> None:
    for options in (
        ["--keep-flagged"],
        ["--keep-flagged", "--check-in-first"],
        ["--keep-flagged", "--include-private"],
    ):
        doc = run("journal", "export", struggling, *options).stdout
        assert "First, you" not in doc
        assert "care note" not in doc.lower()
        assert "hard place" not in doc
        assert "You rated how you are doing yourself" not in doc
        assert "crisis line" not in doc
        assert "change plan can wait" not in doc
    # The person's words are exported only as their shared answer, never as a reason.
    assert "don't see the point" in run("journal", "export", struggling, "--keep-flagged").stdout


def test_check_in_first_on_yes(run: Run, struggling: str, calm: str) -> None:
    result = run("journal", "export", struggling, calm, "--keep-flagged", "--check-in-first")
    assert result.exit_code == 0, result.stderr
    assert [c.get("check_in_first") for c in comments(result.stdout)] == [True, True]


@pytest.mark.parametrize(("keys", "flag"), [("y", True), ("n", None), ("\r", None)])
def test_asked_once_in_a_terminal_default_no(
    terminal: PipeInput, run: Run, struggling: str, keys: str, flag: bool | None
) -> None:
    terminal.send_text(keys)
    result = run("journal", "export", struggling, "--keep-flagged")
    assert result.exit_code == 0, result.stderr
    assert [c.get("check_in_first") for c in comments(result.stdout)] == [flag]
    assert " ".join(result.stderr.split()).count("check in with you first") == 1


def test_not_asked_without_a_care_note(terminal: PipeInput, run: Run, calm: str) -> None:
    result = run("journal", "export", calm, "--keep-flagged")
    assert result.exit_code == 0, result.stderr
    assert "check in with you first" not in result.stderr
    assert "check_in_first" not in result.stdout


def test_agenda_puts_the_member_first_with_a_gentle_line(run: Run, struggling: str, calm: str, tmp_path: Path) -> None:
    ana = tmp_path / "ana.md"
    bo = tmp_path / "bo.md"
    ana.write_text(run("journal", "export", calm, "--keep-flagged").stdout)
    bo.write_text(run("journal", "export", struggling, "--keep-flagged", "--check-in-first").stdout)
    result = run("group", "agenda", str(ana), str(bo), "--minutes", "60")
    assert result.exit_code == 0, result.stderr
    agenda = result.stdout
    assert "2. bo: 25 minutes, starting with a check-in\n3. ana: 25 minutes\n" in agenda
    assert agenda.index("## bo (25 minutes)") < agenda.index("## ana (25 minutes)")
    assert f"## bo (25 minutes)\n\n{CHECK_IN_LINE}\n" in agenda
    assert agenda.count(CHECK_IN_LINE) == 1
    assert "hard place" not in agenda


def test_without_the_wish_the_order_is_kept(run: Run, struggling: str, calm: str, tmp_path: Path) -> None:
    ana = tmp_path / "ana.md"
    bo = tmp_path / "bo.md"
    ana.write_text(run("journal", "export", calm, "--keep-flagged").stdout)
    bo.write_text(run("journal", "export", struggling, "--keep-flagged").stdout)
    agenda = run("group", "agenda", str(ana), str(bo)).stdout
    assert agenda.index("## ana") < agenda.index("## bo")
    assert CHECK_IN_LINE not in agenda
