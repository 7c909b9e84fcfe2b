"""One odd entry never breaks the rest, and what rct saves it can read back."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from rct_workbook.journal.entry import MAX_ENTRY_BYTES
from rct_workbook.render.formats import JOURNAL
from tests.helpers import FilledAnswers, Run
from tests.journal.helpers import entry_id, make_assess


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _created(path: Path) -> str:
    return next(line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("created: "))


@pytest.mark.parametrize("instant", ["9999-12-31T23:59:59-12:00", "0001-01-01T00:00:00+14:00", "9999-12-31"])
def test_an_instant_past_the_calendar_skips_that_entry_with_one_line(run: Run, instant: str) -> None:
    odd = make_assess("2026-01-01")
    _edit(odd, _created(odd), f"created: '{instant}'")
    other = make_assess("2026-02-01")
    warning = f"rct: skipped journal/{odd.name}: created: '{instant}' is outside the years rct can place"
    for command in (
        ["journal", "list"],
        ["steps"],
        ["progress"],
        ["settings"],
        ["journal", "show", entry_id(other)],
        ["journal", "export", entry_id(other), "--keep-flagged", "--out", "-"],
    ):
        result = run(*command)
        assert result.exit_code == 0, (command, result.output)
        assert result.stderr.count(warning) == 1, (command, result.stderr)
    shown = run("journal", "show", entry_id(odd))
    assert shown.exit_code == 2
    assert shown.stderr.endswith("correct it in the file, or move the file away\n")
    deleted = run("journal", "delete", entry_id(other), "--yes")
    assert deleted.exit_code == 0, deleted.output
    assert not other.exists() and odd.exists()


def test_a_section_todays_flow_does_not_have_is_exported(run: Run) -> None:
    path = make_assess("2026-01-01")
    _edit(path, "kind: assess\n", "kind: assess\nsection: nowhere\n")
    for fmt in JOURNAL.names():
        result = run("journal", "export", entry_id(path), "--keep-flagged", "--format", fmt, "--out", "-")
        assert result.exit_code == 0, result.output
        assert "Traceback" not in result.output


def test_text_where_a_list_of_choices_belongs_is_one_line(run: Run) -> None:
    """``practices: hier-top-down-information`` (one choice, as text) was shown letter by
    letter while the summary said none was ticked; it is the promised one-line error."""
    path = make_assess("2026-01-01", practices=["hier-top-down-information"])
    text = path.read_text(encoding="utf-8")
    start = text.index("  practices:\n")
    end = text.index("\n  ", start + len("  practices:\n") + 1)
    while text[end + 3] == "-":  # past every item of the list
        end = text.index("\n  ", end + 1)
    path.write_text(text[:start] + "  practices: hier-top-down-information" + text[end:], encoding="utf-8")
    for command in (["journal", "show", entry_id(path)], ["journal", "export", entry_id(path), "--keep-flagged"]):
        result = run(*command)
        assert result.exit_code == 2, result.output
        assert result.stdout == ""
        assert result.stderr == (
            f"rct: cannot read journal/{path.name}: answers.practices: expected a list, got text;"
            " correct it in the file or move the file away\n"
        )


def _huge(filled: str) -> tuple[str, list[str]]:
    """The filled answers with every text answer 20,000 emoji long (80,000 bytes each)."""
    from rct_workbook.flow.questions import resolve
    from rct_workbook.model.content import load_content

    content = load_content()
    kinds = {a.id: a.kind.name for s in content.flow("assess").sections for a in resolve(s.questions, content, s.id)}
    answers: dict[str, Any] = yaml.safe_load(filled)
    texts = [k for k in answers if kinds.get(k) in ("text", "long_text")][:13]
    for key in texts:
        answers[key] = "\U0001f600" * 20_000
    return yaml.safe_dump(answers, allow_unicode=True, sort_keys=False), texts


def test_answers_too_long_to_read_back_are_refused_before_anything_is_written(
    run: Run, rct_home: Path, tmp_path: Path, filled_answers: FilledAnswers
) -> None:
    """Answers are limited in bytes as stored (an emoji takes four), and an entry that would
    pass the reader's limit is refused with one line naming the longest answers; the answers
    file (the person's draft) is unchanged and nothing is saved."""
    text, texts = _huge(filled_answers("assess"))
    answers = tmp_path / "big.yaml"
    answers.write_text(text, encoding="utf-8")
    result = run("assess", "--answers", str(answers))
    assert result.exit_code == 2, result.output
    assert "Saved" not in result.output
    # Each answer is checked in bytes as stored: every one of them is named, on its own line.
    lines = result.stderr.splitlines()
    assert lines[0] == f"rct: the answers file {answers} has {len(texts)} problems; nothing was saved"
    for key in texts:
        (line,) = [line for line in lines if line.startswith(f"  {key}: ")]
        assert line == (
            f"  {key}: the text is too long: it takes 80,000 bytes as saved, and an answer holds at most 20,000"
            " (a plain letter takes one byte, an accented letter two, an emoji four)"
        )
    assert answers.read_text(encoding="utf-8") == text
    assert not list((rct_home / "journal").glob("*.md")) if (rct_home / "journal").exists() else True


def test_an_entry_that_would_pass_the_read_limit_names_its_longest_answers(rct_home: Path) -> None:
    """The last check before writing, whatever made the entry so large (escaping can make an
    answer take more room in the file than it did when it was checked)."""
    from rct_workbook.errors import StorageError
    from rct_workbook.journal.entry import Entry, save

    entry = Entry(
        id="20260101-100000-assess-0a0b",
        kind="assess",
        created="2026-01-01T10:00:00+01:00",
        title="Too long",
        content_version="1",
        answers={"role": "r" * 1000, "history": "\x01" * 400_000, "culture-notes": "\u2028" * 300_000},
    )
    with pytest.raises(StorageError) as refused:
        save(entry)
    message = refused.value.message
    assert message.startswith("these answers are too long to save: the entry would be ")
    assert f"rct reads back at most {MAX_ENTRY_BYTES:,}; the longest: history (" in message
    assert ", culture-notes (" in message and ", role (" in message
    assert "\n" not in message
    assert not (rct_home / "journal").exists() or not list((rct_home / "journal").iterdir())


def test_what_is_saved_is_always_read_back(
    run: Run, rct_home: Path, tmp_path: Path, filled_answers: FilledAnswers
) -> None:
    """The longest answers rct accepts still make an entry that lists, shows and exports."""
    answers: dict[str, Any] = yaml.safe_load(filled_answers("assess"))
    for key, value in list(answers.items()):
        if isinstance(value, str) and value.startswith("In my own words"):
            answers[key] = "\U0001f600" * 5_000  # 20,000 bytes: the most one answer holds
    path = tmp_path / "full.yaml"
    path.write_text(yaml.safe_dump(answers, allow_unicode=True, sort_keys=False), encoding="utf-8")
    saved = run("assess", "--answers", str(path))
    assert saved.exit_code == 0, saved.output
    (entry,) = (rct_home / "journal").glob("*.md")
    listed = run("journal", "list")
    assert listed.stderr == "" and entry.stem in listed.stdout
    assert run("journal", "show", entry.stem).exit_code == 0


def test_a_draft_rct_could_not_read_back_is_not_written(rct_home: Path) -> None:
    """Answers whose draft would pass the reader's limit (control characters are written
    escaped, four bytes each) are refused by name, so the walk stops and prints them."""
    from rct_workbook.errors import StorageError
    from rct_workbook.flow.drafts import load_draft, new_draft, save_draft

    draft = new_draft("assess", None)
    fits = {"role": "Staff nurse", "history": "x" * 19_000}
    save_draft(dataclasses.replace(draft, answers=fits))
    escaped = {**fits, **{f"note-{i}": "\x01" * 20_000 for i in range(14)}}
    with pytest.raises(StorageError) as refused:
        save_draft(dataclasses.replace(draft, answers=escaped))
    assert refused.value.message.startswith("these answers are too long to keep in a draft: it would be ")
    assert re.search(r"; the longest: note-\d+ \(80,\d{3} bytes\), note-\d+ ", refused.value.message)
    kept = load_draft(draft.name)
    assert kept is not None and kept.answers == fits  # the last draft written is whole and readable
