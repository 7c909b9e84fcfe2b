"""Issue 12: names from private answers are caught, and export decisions are remembered."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
from prompt_toolkit.input import PipeInput

from tests.helpers import Run
from tests.journal.helpers import entry_id, make_assess
from tests.keys import DOWN, ENTER


@pytest.fixture
def maya(rct_home: Path) -> str:
    # "Maya" is named only in the private support answer, and mentioned in a shared one.
    return entry_id(
        make_assess(
            "2026-03-12",
            support_people="Maya, my sister",
            ask_of_group="Keep Maya and the consultation group in mind when I talk about leaving.",
        )
    )


def test_a_support_person_named_privately_is_caught_where_shared(run: Run, maya: str) -> None:
    result = run("journal", "export", maya, "--check")
    assert result.exit_code == 1
    assert "name: Maya\n" in result.stdout
    for form in ("md", "html"):
        doc = run("journal", "export", maya, "--redact-flagged", "--review", "--format", form).stdout
        assert "Maya" not in doc
        assert "Keep [Person A] and the consultation group" in doc.replace("\\[", "[").replace("\\]", "]")


@pytest.fixture
def flagged(rct_home: Path) -> str:
    return entry_id(make_assess("2026-03-12", risks="Dr. Ramirez may call me at (617) 555-0142.", allies="Bo Chen"))


def decisions_file(rct_home: Path, ident: str) -> Path:
    return rct_home / "decisions" / f"{ident}.json"


def test_a_reviewed_entry_exports_again_without_questions_or_flags(
    terminal: PipeInput, run: Run, flagged: str, rct_home: Path
) -> None:
    # The display name (asked once); Ramirez: redact; phone: keep; Bo Chen: redact; stranger test: yes.
    terminal.send_text("Sam" + ENTER + ENTER + DOWN + ENTER + ENTER + "y")
    first = run("journal", "export", flagged, "--format", "md")
    assert first.exit_code == 0, first.stderr
    assert "(1 of 3)" in first.stderr
    # The document is shown, redacted, before the stranger test.
    shown = first.stderr.split("This is what will be exported:", 1)[1]
    assert "Ramirez" not in shown and "Peer supervision: reflections" in shown
    assert "\nSam: 1 reflection, prepared with rct-workbook" in first.stdout
    assert json.loads((rct_home / "preferences.json").read_text())["display_name"] == "Sam"
    # As HTML, in a terminal: nothing is asked (the pipe holds no more keys), same choices.
    again = run("journal", "export", flagged, "--format", "html")
    assert again.exit_code == 0, again.stderr
    assert "(1 of" not in again.stderr and "stranger" not in again.stderr
    assert "Ramirez" not in again.stdout and "Bo Chen" not in again.stdout and "555-0142" in again.stdout
    # Without a terminal and with no flags, too.
    check = run("journal", "export", flagged, "--check")
    assert check.exit_code == 0
    assert "name: Dr. Ramirez (redacted at an earlier export)" in check.stdout
    assert "phone number: (617) 555-0142 (kept at an earlier export)" in check.stdout
    assert check.stdout.endswith("3 possible identifiers found; all decided at earlier exports.\n")


def test_the_document_is_shown_before_the_stranger_test(
    terminal: PipeInput, run: Run, flagged: str, rct_home: Path
) -> None:
    # Blank display name; redact all three; then "no" to the stranger test: the person
    # saw the document before answering, and nothing was written or remembered.
    terminal.send_text(ENTER + ENTER + ENTER + ENTER + "n")
    result = run("journal", "export", flagged)
    assert result.exit_code == 130
    assert "This is what will be exported:" in result.stderr and "Person A" in result.stderr
    assert result.stderr.index("This is what will be exported:") < result.stderr.index("The stranger test")
    assert result.stdout == ""
    assert not decisions_file(rct_home, flagged).exists()


def test_without_a_terminal_a_reviewed_entry_needs_no_flags(run: Run, flagged: str) -> None:
    assert run("journal", "export", flagged).exit_code == 1  # never reviewed: a decision is needed
    assert run("journal", "export", flagged, "--redact-flagged").exit_code == 0
    result = run("journal", "export", flagged)
    assert result.exit_code == 0, result.stderr
    assert "Ramirez" not in result.stdout and "555-0142" not in result.stdout


def test_a_changed_answer_asks_only_about_the_new_detail(run: Run, rct_home: Path) -> None:
    first = make_assess("2026-03-12", risks="Dr. Ramirez may call me.")
    ident = entry_id(first)
    assert run("journal", "export", ident, "--keep-flagged").exit_code == 0
    text = first.read_text(encoding="utf-8").replace("Dr. Ramirez may call me.", "Dr. Ramirez may call 07700 900123.")
    first.write_text(text, encoding="utf-8")
    check = run("journal", "export", ident, "--check")
    assert check.exit_code == 1
    assert "name: Dr. Ramirez (kept at an earlier export)" in check.stdout
    assert "phone number: 07700 900123\n" in check.stdout
    assert "2 possible identifiers found (1 decided at an earlier export)" in check.stdout
    refused = run("journal", "export", ident)
    assert refused.exit_code == 1
    assert "1 possible identifier need" in refused.stderr and "07700 900123" in refused.stderr


def test_the_decisions_file_is_private_and_holds_no_detail_in_clear(run: Run, flagged: str, rct_home: Path) -> None:
    assert run("journal", "export", flagged, "--redact-flagged").exit_code == 0
    path = decisions_file(rct_home, flagged)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    raw = path.read_text(encoding="utf-8")
    for detail in ("Ramirez", "ramirez", "555-0142", "(617)", "Bo", "Chen", "chen"):
        assert detail not in raw, detail
    data = json.loads(raw)
    assert data["reviewed"] is True and set(data["decisions"].values()) == {"redact"}
    assert len(data["decisions"]) == 3 and all(len(k) == 64 for k in data["decisions"])


def test_review_starts_over(run: Run, flagged: str) -> None:
    assert run("journal", "export", flagged, "--keep-flagged").exit_code == 0
    assert "Bo Chen" in run("journal", "export", flagged).stdout
    result = run("journal", "export", flagged, "--review")
    assert result.exit_code == 1
    assert "3 possible identifiers need a decision" in result.stderr
    assert "Bo Chen" not in run("journal", "export", flagged, "--review", "--redact-flagged").stdout
    assert "Bo Chen" not in run("journal", "export", flagged).stdout


def test_deleting_an_entry_forgets_its_decisions(run: Run, flagged: str, rct_home: Path) -> None:
    assert run("journal", "export", flagged, "--keep-flagged").exit_code == 0
    assert decisions_file(rct_home, flagged).exists()
    assert run("journal", "delete", flagged, "--yes").exit_code == 0
    assert not decisions_file(rct_home, flagged).exists()


def test_preferences_through_rct_config(run: Run, rct_home: Path) -> None:
    assert run("config", "set", "phone-region", "gb").stdout == "phone-region is now GB\n"
    assert run("config", "set", "display-name", "  Sam  (ward 4) ").stdout == "display-name is now Sam (ward 4)\n"
    shown = run("config", "show").stdout
    assert shown == "display-name  Sam (ward 4)\nphone-region  GB\n"
    path = rct_home / "preferences.json"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert json.loads(path.read_text()) == {"display_name": "Sam (ward 4)", "phone_region": "GB"}
    bad = run("config", "set", "phone-region", "Narnia")
    assert bad.exit_code == 2 and bad.stderr == (
        "rct: 'Narnia' is not a phone region; use a two-letter country code such as GB or US\n"
    )
    unknown = run("config", "set", "colour", "blue")
    assert unknown.exit_code == 2 and "unknown setting 'colour'" in unknown.stderr
    assert run("config", "unset", "phone-region").stdout == "phone-region is forgotten.\n"
    assert "phone-region  " in run("config", "show").stdout and "(from your locale)" in run("config", "show").stdout


def test_the_phone_region_setting_reads_national_numbers(run: Run, rct_home: Path) -> None:
    ident = entry_id(make_assess("2026-03-12", risks="They rang from 020 7946 0958 again."))
    run("config", "set", "phone-region", "GB")
    assert "phone number: 020 7946 0958\n" in run("journal", "export", ident, "--check").stdout
