"""Small crashes found by trying hard to break the tool: each is now a clear answer."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from rct_workbook.journal.export import EXPORT_MARK
from tests.helpers import FilledAnswers, Run
from tests.journal.helpers import entry_id, make_assess


def test_a_huge_count_is_bounded(run: Run, rct_home: Path) -> None:
    make_assess("2026-01-01")
    result = run("journal", "list", "-n", "99999999999999999999999")
    assert result.exit_code == 2
    assert result.stderr.startswith("rct: invalid value for '-n'")
    assert "less than or equal to 1000000" in result.stderr
    assert "Traceback" not in result.output
    assert run("journal", "list", "-n", "1000000").exit_code == 0


def test_a_rota_at_the_end_of_the_calendar_is_refused(run: Run) -> None:
    result = run("group", "rota", "--members", "Ana,Bo", "--meetings", "3", "--start", "9999-12-31")
    assert result.exit_code == 2
    assert result.stderr == "rct: --start must be on or before 9000-12-31, not 9999-12-31\n"
    last = run("group", "rota", "--members", "Ana,Bo", "--meetings", "520", "--every", "4w", "--start", "9000-12-31")
    assert last.exit_code == 0, last.output


def _rct(home: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "rct_workbook", *args],
        env={**os.environ, "RCT_HOME": str(home), **env},
        cwd=home.parent,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=120,
        check=False,
    )


def test_an_ascii_only_output_shows_replacements_not_a_crash(rct_home: Path) -> None:
    path = make_assess("2026-01-01", history="Café culture – “hierarchy” ✓")
    result = _rct(rct_home, "--plain", "journal", "show", entry_id(path), PYTHONIOENCODING="ascii")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    # An output that takes only ASCII gets the ASCII forms TERM=dumb gets (#24, #26).
    assert 'Cafe culture - "hierarchy"' in result.stdout


def test_escape_sequences_in_paths_are_made_harmless(
    rct_home: Path, tmp_path: Path, filled_answers: FilledAnswers
) -> None:
    home = tmp_path / "home\x1b]0;owned\x07\x1b[31m"
    answers = tmp_path / "answers.yaml"
    answers.write_text(filled_answers("assess"), encoding="utf-8")
    saved = _rct(home, "assess", "--answers", str(answers))
    assert saved.returncode == 0, saved.stderr
    assert "Saved your assessment: " in saved.stdout
    assert "\x1b" not in saved.stdout + saved.stderr and "\x07" not in saved.stdout
    ident = next((home / "journal").glob("*.md")).stem
    out = tmp_path / "meeting\x1b[2J.md"
    wrote = _rct(home, "journal", "export", ident, "--keep-flagged", "--out", str(out))
    assert wrote.returncode == 0, wrote.stderr
    assert wrote.stderr.startswith("Wrote ")
    assert "\x1b" not in wrote.stderr
    agenda = _rct(home, "group", "agenda", str(out), "--out", str(tmp_path / "agenda\x1b[31m.md"))
    assert agenda.returncode == 0, agenda.stderr
    assert agenda.stderr.startswith("Wrote the agenda to ")
    assert "\x1b" not in agenda.stderr


def _export(summary: str) -> str:
    return f"{EXPORT_MARK}\n\n# Peer supervision\n\n<!-- rct-entry {summary} -->\n\nText.\n"


FORGED = {
    "nested 100,000 deep": ("{" + '"a":' * 1 + "[" * 100_000 + "]" * 100_000 + "}", "is damaged"),
    "leading a number": ('{"kind":"assess","leading":5}', "'leading'"),
    "plan a number": ('{"kind":"assess","plan":5}', "'plan'"),
    "questions a number": ('{"kind":"assess","questions":5}', "'questions'"),
    "a step's what a mapping": ('{"kind":"assess","plan":[{"what":{"a":1}}]}', "'plan.what'"),
}


@pytest.mark.parametrize("case", FORGED)
def test_group_agenda_skips_a_forged_export(run: Run, tmp_path: Path, rct_home: Path, case: str) -> None:
    summary, says = FORGED[case]
    forged = tmp_path / "forged.md"
    forged.write_text(_export(summary), encoding="utf-8")
    good = tmp_path / "good.md"
    assert (
        run("journal", "export", entry_id(make_assess("2026-01-01")), "--keep-flagged", "--out", str(good)).exit_code
        == 0
    )
    result = run("group", "agenda", str(forged), str(good))
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"rct: skipped {forged}: an entry's summary ")
    assert says in lines[0]
    assert "## good" in result.stdout or "good" in result.stdout


def test_group_agenda_scans_a_forged_line_in_linear_time(run: Run, tmp_path: Path) -> None:
    """A 2 MB line of "<!-- rct-entry {" once took quadratic time (minutes); it is one pass."""
    forged = tmp_path / "forged.md"
    forged.write_text(EXPORT_MARK + "\n" + "<!-- rct-entry {" * (2_000_000 // 16) + "\n", encoding="utf-8")
    result = run("group", "agenda", str(forged))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"rct: skipped {forged}: it holds no entries\n")


def test_the_summary_scan_finds_what_it_should() -> None:
    from rct_workbook.group import _summaries

    text = '<!-- rct-entry {"a":1} -->\n<!-- rct-entry {"b":\n<!-- rct-entry {"c":2} --> <!-- rct-entry {"d":3} -->'
    assert [json.loads(s) for s in _summaries(text)] == [{"a": 1}, {"c": 2}, {"d": 3}]
