"""The person's own words quoted back reach an export only where that answer is shared,
and only after de-identification."""

from __future__ import annotations

from pathlib import Path

import yaml

from tests.helpers import Run

HERE = Path(__file__).parent


def test_quotes_follow_sharing_and_redaction(run: Run, rct_home: Path, tmp_path: Path) -> None:
    answers = yaml.safe_load((HERE / "mei-culture-of-niceness.answers.yaml").read_text(encoding="utf-8"))
    answers["strategies-how"] = "Ask Dr Okafor to name, at the team day, the extra work we do for students in crisis."
    path = tmp_path / "mei.yaml"
    path.write_text(yaml.safe_dump(answers, allow_unicode=True), encoding="utf-8")
    assert run("assess", "--answers", str(path)).exit_code == 0
    (entry,) = (rct_home / "journal").glob("*.md")
    mine = entry.read_text(encoding="utf-8")
    # The private entry quotes both: the shared answer and the private one.
    assert "You wrote: “Ask Dr Okafor to name" in mine
    assert "You wrote: “That I think our waiting list policy is unfair to students of colour.”" in mine

    out = tmp_path / "meeting.md"
    result = run("journal", "export", entry.stem, "--redact", "Dr Okafor", "--keep-flagged", "--out", str(out))
    assert result.exit_code == 0, result.stderr
    shared = out.read_text(encoding="utf-8").replace("\\", "")  # Markdown's escapes: \[Person A\]
    assert "You wrote: “Ask [Person A] to name, at the team day" in shared
    assert "Okafor" not in shared
    # "What I keep out of relationship" is private: neither the answer nor its quote leaves.
    assert "waiting list policy" not in shared
    assert "central relational paradox" not in shared

    everything = tmp_path / "all.md"
    args = ("journal", "export", entry.stem, "--include-private", "--keep-flagged", "--out", str(everything))
    assert run(*args).exit_code == 0
    assert "You wrote: “That I think our waiting list policy is unfair to students of colour.”" in everything.read_text(
        encoding="utf-8"
    )


def test_a_carried_step_is_reviewed_for_identifiers_and_redacted(run: Run, rct_home: Path, tmp_path: Path) -> None:
    """The steps carried into a plan come from an earlier entry; in an export of the later
    one, their words go through the same identifier review and redaction as its answers."""
    first = yaml.safe_load((HERE / "noor-four-months.1.answers.yaml").read_text(encoding="utf-8"))
    first["small-steps"][0]["with-whom"] = "okafor@clinic.example.org"
    path = tmp_path / "one.yaml"
    path.write_text(yaml.safe_dump(first, allow_unicode=True), encoding="utf-8")
    assert run("assess", "--answers", str(path)).exit_code == 0
    (one,) = (rct_home / "journal").glob("*.md")
    second = (HERE / "noor-four-months.2.answers.yaml").read_text(encoding="utf-8").replace("{1}", one.stem)
    path.write_text(second, encoding="utf-8")
    assert run("assess", "--answers", str(path)).exit_code == 0
    (two,) = set((rct_home / "journal").glob("*.md")) - {one}

    check = run("journal", "export", two.stem, "--check")
    assert check.exit_code == 1
    assert "okafor@clinic.example.org" in check.stdout + check.stderr
    out = tmp_path / "meeting.md"
    assert run("journal", "export", two.stem, "--redact-flagged", "--out", str(out)).exit_code == 0
    document = out.read_text(encoding="utf-8").replace("\\", "")
    assert "okafor" not in document
    assert "| carried | Ask the team lead for a monthly case discussion | [Email 1] |" in document
