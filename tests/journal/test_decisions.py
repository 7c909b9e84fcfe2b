"""Issue 12: names from private answers are caught, and export decisions are remembered."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from prompt_toolkit.input import PipeInput

from rct_workbook.render.formats import JOURNAL
from rct_workbook.system import posix_permissions
from tests.helpers import Run, has_mode
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
    for form in JOURNAL.names():
        doc = " ".join(run("journal", "export", maya, "--redact-flagged", "--review", "--format", form).stdout.split())
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
    # --check still says so, and exits 1: the phone number kept on purpose stands in the clear.
    check = run("journal", "export", flagged, "--check")
    assert check.exit_code == 1
    assert "name: Dr. Ramirez (redacted at an earlier export)" in check.stdout
    assert "phone number: (617) 555-0142 (kept at an earlier export)" in check.stdout
    assert check.stdout.endswith(
        "3 possible identifiers found: 2 redacted at an earlier export, 1 kept at an earlier export;"
        " only --redact-flagged (or redacting them in a review) leaves none in the clear.\n"
    )


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
    assert "2 possible identifiers found: 1 kept at an earlier export, 1 not yet decided;" in check.stdout
    refused = run("journal", "export", ident)
    assert refused.exit_code == 1
    assert "1 possible identifier need" in refused.stderr and "07700 900123" in refused.stderr


def test_the_decisions_file_is_private_and_holds_no_detail_in_clear(run: Run, flagged: str, rct_home: Path) -> None:
    assert run("journal", "export", flagged, "--redact-flagged").exit_code == 0
    path = decisions_file(rct_home, flagged)
    assert has_mode(path, 0o600)
    assert has_mode(path.parent, 0o700)
    raw = path.read_text(encoding="utf-8")
    for detail in ("Ramirez", "ramirez", "555-0142", "(617)", "Bo", "Chen", "chen"):
        assert detail not in raw, detail
    data = json.loads(raw)
    # An explicit flag is no review by a person: the stranger test is still asked in a terminal.
    assert data["reviewed"] is False and set(data["decisions"].values()) == {"redact"}
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
    assert has_mode(path, 0o600)
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


# -- Issue 21: an explicit choice beats a remembered one; decisions are keyed and verified.


def test_redact_flagged_redacts_what_an_earlier_keep_flagged_kept(run: Run, flagged: str, rct_home: Path) -> None:
    mine = run("journal", "export", flagged, "--keep-flagged")  # the person's own copy
    assert mine.exit_code == 0 and "Bo Chen" in mine.stdout
    for form in JOURNAL.names():
        shared = run("journal", "export", flagged, "--redact-flagged", "--format", form)
        assert shared.exit_code == 0, shared.stderr
        shown = " ".join(shared.stdout.split())  # as read, whatever the format's line breaks
        for detail in ("Ramirez", "Bo Chen", "555-0142"):
            assert detail not in shown, (form, detail)
        assert "3 found and redacted" in shown
    # --keep-flagged keeps every one, even what a plain export would redact.
    assert "555-0142" in run("journal", "export", flagged, "--keep-flagged").stdout


def test_explicit_flags_do_not_overwrite_what_was_decided_before(run: Run, flagged: str) -> None:
    assert run("journal", "export", flagged, "--redact-flagged").exit_code == 0
    assert "Bo Chen" in run("journal", "export", flagged, "--keep-flagged").stdout
    # A plain re-export follows the earlier decisions, not the last explicit flag.
    again = run("journal", "export", flagged)
    assert again.exit_code == 0 and "Bo Chen" not in again.stdout and "555-0142" not in again.stdout


def test_check_lists_every_flag_and_exits_1_while_any_stands(run: Run, flagged: str) -> None:
    assert run("journal", "export", flagged, "--keep-flagged").exit_code == 0
    check = run("journal", "export", flagged, "--check")
    assert check.exit_code == 1
    assert "name: Bo Chen (kept at an earlier export)\n" in check.stdout
    assert check.stdout.endswith(
        "3 possible identifiers found: 3 kept at an earlier export;"
        " only --redact-flagged (or redacting them in a review) leaves none in the clear.\n"
    )
    assert run("journal", "export", flagged, "--check", "--keep-flagged").exit_code == 1
    redacting = run("journal", "export", flagged, "--check", "--redact-flagged")
    assert redacting.exit_code == 0
    assert redacting.stdout.count(" (kept at an earlier export)") == 3
    assert redacting.stdout.endswith("3 possible identifiers found; --redact-flagged redacts every one.\n")
    # Once every one was redacted, a plain export leaves none in the clear: exit 0.
    assert run("journal", "export", flagged, "--review", "--redact-flagged").exit_code == 0
    done = run("journal", "export", flagged, "--check")
    assert done.exit_code == 0
    assert done.stdout.endswith("3 possible identifiers found, all redacted at earlier exports.\n")


def test_a_missing_shares_block_is_never_widened_by_a_pack(run: Run, tmp_path: Path) -> None:
    from tests.journal.helpers import CONTENT

    private = [a.id for s in CONTENT.flow("assess").sections for a in s.questions if a.share == "private"]
    assert "kept-out" in private
    path = make_assess("2026-01-01", kept_out="SECRET kept out")
    text = path.read_text(encoding="utf-8")
    head, rest = text.split("\nshares:\n", 1)
    rest = rest.split("\n", 1)[1]
    while rest.startswith("  "):  # drop the block, as an older entry or a hand edit would
        rest = rest.split("\n", 1)[1]
    path.write_text(f"{head}\n{rest}", encoding="utf-8")
    assert "shares:" not in path.read_text(encoding="utf-8")
    source = Path(__file__).resolve().parents[2] / "content" / "flows" / "assess.yaml"
    pack = tmp_path / "pack"
    (pack / "flows").mkdir(parents=True)
    (pack / "flows" / "assess.yaml").write_text(source.read_text().replace("share: private", "share: group"))
    result = run("--content", str(pack), "journal", "export", entry_id(path), "--keep-flagged")
    assert result.exit_code == 0, result.output
    assert "SECRET kept out" not in result.stdout
    assert "SECRET kept out" in run("journal", "export", entry_id(path), "--keep-flagged", "--include-private").stdout


def _planted(rct_home: Path, ident: str, data: dict[str, object]) -> None:
    path = decisions_file(rct_home, ident)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data), encoding="utf-8")


def test_the_hashes_are_keyed_with_a_secret_kept_apart(run: Run, flagged: str, rct_home: Path) -> None:
    import hashlib
    import hmac

    assert run("journal", "export", flagged, "--keep-flagged").exit_code == 0
    key_file = rct_home / "decisions.key"
    assert has_mode(key_file, 0o600)
    assert key_file.parent == decisions_file(rct_home, flagged).parent.parent
    data = json.loads(decisions_file(rct_home, flagged).read_text())
    assert "salt" not in data
    key = bytes.fromhex(key_file.read_text().strip())
    expected = hmac.new(key, b"detail\0name\0bo chen", hashlib.sha256).hexdigest()
    assert expected in data["decisions"]
    # Without the key the same word list cannot find it.
    assert hashlib.sha256(b"name\0bo chen").hexdigest() not in data["decisions"]


def test_a_planted_decisions_file_is_ignored_with_one_line(run: Run, flagged: str, rct_home: Path) -> None:
    assert run("journal", "export", flagged, "--keep-flagged").exit_code == 0
    real = json.loads(decisions_file(rct_home, flagged).read_text())
    # Edited: the same digests, a forged choice.
    forged = dict(real, decisions=dict.fromkeys(real["decisions"], "keep") | {"0" * 64: "keep"})
    _planted(rct_home, flagged, forged)
    result = run("journal", "export", flagged, "--check")
    assert result.exit_code == 1
    warning = (
        f"rct: warning: the remembered export decisions of {flagged} are ignored"
        " (it does not verify with this data folder's key); its details are decided again\n"
    )
    assert result.stderr == warning
    assert "earlier export" not in result.stdout
    refused = run("journal", "export", flagged)
    assert refused.exit_code == 1 and "3 possible identifiers need a decision" in refused.stderr
    # The first format (salt beside SHA-256 digests): unverified.
    _planted(rct_home, flagged, {"format": 1, "salt": "00", "reviewed": True, "decisions": {"a" * 64: "keep"}})
    old = run("journal", "export", flagged, "--check")
    assert "it was saved by an earlier version and cannot be verified" in old.stderr
    assert old.stderr.count("\n") == 1


def test_a_decisions_file_from_another_data_folder_or_entry_does_not_verify(
    run: Run, flagged: str, rct_home: Path
) -> None:
    other = entry_id(make_assess("2026-03-13", risks="Dr. Ramirez may call me at (617) 555-0142.", allies="Bo Chen"))
    assert run("journal", "export", other, "--keep-flagged").exit_code == 0
    # Copied to another entry with the same details: refused (the seal names its entry).
    _planted(rct_home, flagged, json.loads(decisions_file(rct_home, other).read_text()))
    assert "does not verify" in run("journal", "export", flagged, "--check").stderr
    # A new key (the folder synced or restored without it): nothing remembered verifies.
    (rct_home / "decisions.key").unlink()
    check = run("journal", "export", other, "--check")
    assert "does not verify" in check.stderr and "earlier export" not in check.stdout
    # A key others can read is not trusted either (where modes say who can read a file).
    assert run("journal", "export", other, "--keep-flagged").exit_code == 0
    if posix_permissions():
        (rct_home / "decisions.key").chmod(0o644)
        assert "does not verify" in run("journal", "export", other, "--check").stderr
