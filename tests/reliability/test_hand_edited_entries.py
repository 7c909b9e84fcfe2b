"""One bad file never stops the journal, and changes keep what a person added by hand.

Every entry read goes through one validating reader: a hand-edited entry with a wrong
shape is skipped with one line naming the file and the key, and is never rewritten;
show and export of it give a one-line error. `steps done` changes only the keys rct owns.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import Run
from tests.journal.helpers import entry_id, make_assess

STEPS = [
    {"what": what, "with-whom": "A nursing colleague", "by-when": "Next month", "risk": "low", "evidence": "We see it"}
    for what in ("Ask for the grand rounds slot", "Tell Ana what worked")
]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def reshape(path: Path, change: Callable[[dict[str, Any]], None]) -> None:
    """Edit the front matter as a person would in an editor (written back by PyYAML)."""
    import yaml

    _, front_text, body = path.read_text(encoding="utf-8").split("---\n", 2)
    front = yaml.safe_load(front_text)
    change(front)
    path.write_text("---\n" + yaml.safe_dump(front, sort_keys=False, allow_unicode=True) + "---\n" + body)


def _set(*keys: Any, value: Any) -> Callable[[dict[str, Any]], None]:
    def change(front: dict[str, Any]) -> None:
        target = front
        for key in keys[:-1]:
            target = target[key]
        target[keys[-1]] = value

    return change


# (the hand edit, the key named in the warning)
STRUCTURE: dict[str, tuple[Callable[[dict[str, Any]], None], str]] = {
    "date as an answer key": (
        _set("answers", _dt.date(2026, 3, 1), value="met the director"),
        "answers: the key 2026-03-01",
    ),
    "small-steps a number": (_set("answers", "small-steps", value=3), "answers.small-steps"),
    "practices a mapping": (_set("answers", "practices", value={"a": 1}), "answers.practices"),
    "a step's what a list": (_set("answers", "small-steps", 0, "what", value=["Ask"]), "answers.small-steps[1].what"),
    "a rating as text": (_set("reading", "good_things", "zest", value="high"), "reading.good_things.zest"),
    "reading a number": (_set("reading", value=5), "reading"),
    "title a list": (_set("title", value=["a"]), "title"),
    "id a number": (_set("id", value=5), "id"),
    "vignette a mapping": (_set("vignette", value={"a": "b"}), "vignette"),
    "updates a mapping": (_set("updates", value={"step": 1}), "updates"),
    "an update's step as text": (
        _set("updates", value=[{"step": "one", "status": "done", "date": "x"}]),
        "updates[1].step",
    ),
}


@pytest.fixture
def good(rct_home: Path) -> Path:
    return make_assess("2026-01-02")


@pytest.mark.parametrize("case", STRUCTURE)
def test_a_wrongly_shaped_entry_is_skipped_by_every_command(run: Run, rct_home: Path, good: Path, case: str) -> None:
    bad = make_assess("2026-01-01", small_steps=STEPS)
    change, key = STRUCTURE[case]
    reshape(bad, change)
    before = digest(bad)
    skipped = f"rct: skipped journal/{bad.name}: "
    for command in (
        ["journal", "list"],
        ["journal", "list", "--json"],
        ["journal", "reindex"],
        ["steps"],
        ["progress", "--json"],
        ["journal", "show", entry_id(good)],
        ["journal", "export", entry_id(good), "--keep-flagged"],
        ["steps", "done", f"{entry_id(good)}.1"],
    ):
        result = run(*command)
        assert result.exit_code == 0, (command, result.output)
        lines = result.stderr.splitlines()
        warnings = [line for line in lines if "skipped" in line]
        assert len(warnings) == 1, (command, result.stderr)
        assert warnings[0].startswith(skipped) and key.replace("answers: ", "") in warnings[0], warnings
    for command in (["journal", "show", entry_id(bad)], ["journal", "export", entry_id(bad), "--keep-flagged"]):
        result = run(*command)
        assert result.exit_code == 2
        last = result.stderr.splitlines()[-1]
        assert last.startswith(f"rct: cannot read journal/{bad.name}: ") and key.replace("answers: ", "") in last
    assert run("journal", "delete", entry_id(bad), "--yes").exit_code == 2
    assert digest(bad) == before  # never rewritten


# Wrong types a hand edit can give answers that are well-formed data but not what the question takes.
ANSWER_TYPES = {
    "role a number": ("  role: ", "  role: 5\n  x-role: ", "answers.role"),
    "practices text": ("  practices:\n", "  practices: all of them\n  x-practices:\n", "answers.practices"),
    "a rating out of range": ("  good-thing-zest: ", "  good-thing-zest: 9\n  x-zest: ", "answers.good-thing-zest"),
    "support-in-place text": (
        "  support-in-place: ",
        "  support-in-place: maybe\n  x-support: ",
        "answers.support-in-place",
    ),
}


@pytest.mark.parametrize("case", ANSWER_TYPES)
def test_show_and_export_of_an_answer_of_the_wrong_type_is_one_line(run: Run, rct_home: Path, case: str) -> None:
    path = make_assess("2026-01-01")
    old, new, key = ANSWER_TYPES[case]
    edit(path, old, new)
    before = digest(path)
    for command in (["journal", "show", entry_id(path)], ["journal", "export", entry_id(path), "--keep-flagged"]):
        result = run(*command)
        assert result.exit_code == 2, result.output
        assert result.stdout == ""
        assert result.stderr.count("\n") == 1
        assert result.stderr.startswith(f"rct: cannot read journal/{path.name}: {key}: "), result.stderr
    assert run("journal", "list").exit_code == 0
    assert digest(path) == before


HAND_MADE = """\
tags:
  - rct
  - supervision # my own comment
aliases: [March reading]
my-own-key: kept exactly   # and its comment
# a comment of my own, between keys
"""


def test_steps_done_keeps_tags_aliases_custom_keys_and_comments(run: Run, rct_home: Path) -> None:
    import yaml

    path = make_assess("2026-01-01", small_steps=STEPS)
    edit(path, "---\n", "---\n" + HAND_MADE)
    result = run("steps", "done", f"{entry_id(path)}.2", "--note", "It went well")
    assert (result.exit_code, result.stderr) == (0, "")
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n" + HAND_MADE)
    front = yaml.safe_load(text.split("---\n")[1])
    assert front["tags"] == ["rct", "supervision"]
    assert front["my-own-key"] == "kept exactly"
    assert front["updates"][0]["note"] == "It went well"
    assert run("journal", "list").stderr == ""


def test_remarking_a_step_replaces_its_note(run: Run, rct_home: Path) -> None:
    from rct_workbook.journal.store import read_entry

    path = make_assess("2026-01-01", small_steps=STEPS)
    for note in ("first", "second", "third"):
        assert run("steps", "done", f"{entry_id(path)}.1", "--note", note).exit_code == 0
    entry = read_entry(path)
    assert [(u["step"], u["note"]) for u in entry.updates] == [(1, "third")]
    done_lines = [line for line in entry.body.splitlines() if ": small step 1 done (" in line]
    assert len(done_lines) == 1
    assert done_lines[0].endswith("third")


def test_notes_are_capped_and_nothing_makes_an_entry_unreadable(run: Run, rct_home: Path) -> None:
    from rct_workbook.journal.store import MAX_ENTRY_BYTES

    path = make_assess("2026-01-01", small_steps=STEPS)
    ident = entry_id(path)
    result = run("steps", "done", f"{ident}.1", "--note", "x" * 20_001)
    assert result.exit_code == 2
    assert result.stderr == (
        "rct: the note is too long, like an answer would be: the text is too long: it takes 20,001 bytes as saved,"
        " and an answer holds at most 20,000 (a plain letter takes one byte, an accented letter two, an emoji four)\n"
    )
    for _ in range(12):  # far more long notes than would once have passed the read limit
        assert run("steps", "done", f"{ident}.1", "--note", "y" * 20_000).exit_code == 0
    assert path.stat().st_size < 200_000
    # Pad the entry by hand to just under the limit: a note that would cross it is refused.
    with path.open("a", encoding="utf-8") as text:  # a long passage pasted into the body
        text.write("\n" + "z" * (MAX_ENTRY_BYTES - path.stat().st_size - 1000) + "\n")
    before = digest(path)
    result = run("steps", "done", f"{ident}.2", "--note", "w" * 20_000)
    assert result.exit_code == 2
    assert (
        result.stderr
        == f"rct: this change would make {path.name} larger than rct reads back (2 MiB); nothing was written\n"
    )
    assert digest(path) == before
    assert run("journal", "list").stderr == ""


@pytest.mark.posix  # the message and the mode checked are POSIX's (chmod u+w, 0400)
def test_a_read_only_entry_is_not_rewritten(run: Run, rct_home: Path) -> None:
    path = make_assess("2026-01-01", small_steps=STEPS)
    path.chmod(0o400)
    before = digest(path)
    result = run("steps", "done", f"{entry_id(path)}.1")
    assert result.exit_code == 2
    assert result.stderr == (
        f"rct: {path.name} is read-only, so rct leaves it as it is; to allow changes: chmod u+w {path}\n"
    )
    assert digest(path) == before
    assert path.stat().st_mode & 0o777 == 0o400


def test_duplicate_ids_are_reported_and_changes_refused(run: Run, rct_home: Path) -> None:
    path = make_assess("2026-01-01", small_steps=STEPS)
    copy = path.with_name(f"{path.stem} (conflicted copy).md")
    copy.write_bytes(path.read_bytes())
    os.chmod(copy, 0o600)
    ident = entry_id(path)
    listed = run("journal", "list")
    assert listed.exit_code == 0
    assert listed.stderr == (
        f"rct: warning: the entry id {ident} is in more than one file: journal/{copy.name}, journal/{path.name}\n"
    )
    for command in (["journal", "delete", ident, "--yes"], ["steps", "done", f"{ident}.1"]):
        result = run(*command)
        assert result.exit_code == 2
        assert result.stderr.splitlines()[-1] == (
            f"rct: the id {ident} is in more than one file ({copy.name}, {path.name}); rct cannot tell which one "
            "you mean: move or rename the copy you do not want, then try again"
        )
    assert path.exists() and copy.exists()


def test_an_unusual_layout_is_changed_by_the_round_trip_parser(run: Run, rct_home: Path) -> None:
    """A hand-written `"updates": []` (a quoted key) is beyond a line edit; ruamel.yaml
    makes the change and the person's comment and keys are kept."""
    import yaml

    path = make_assess("2026-01-01", small_steps=STEPS)
    edit(path, "---\n", '---\n"updates": []  # none yet\ntags: [rct]\n')
    assert run("steps", "done", f"{entry_id(path)}.1", "--note", "done at last").exit_code == 0
    text = path.read_text(encoding="utf-8")
    assert "# none yet" in text
    front = yaml.safe_load(text.split("---\n")[1])
    assert front["tags"] == ["rct"]
    assert [u["note"] for u in front["updates"]] == ["done at last"]
    assert run("journal", "list").stderr == ""
