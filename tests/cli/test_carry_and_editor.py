"""Answers that carry over (--reuse-last), and long answers written in $EDITOR."""

from __future__ import annotations

import stat
from pathlib import Path
from typing import Any

import frontmatter
import pytest
import yaml
from prompt_toolkit.input import PipeInput, create_pipe_input
from prompt_toolkit.output import DummyOutput

from rct_workbook.flow.askers import QuestionaryAsker, edit_text
from rct_workbook.flow.questions import resolve, walk
from rct_workbook.model.content import load_content
from rct_workbook.model.schema import Question
from tests.helpers import FilledAnswers, Run
from tests.journal.helpers import make_assess
from tests.keys import CTRL_E, ENTER, FINISH


def fake_editor(tmp_path: Path, body: str) -> str:
    script = tmp_path / "editor.sh"
    script.write_text(f"#!/bin/sh\n{body}\n")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return str(script)


def test_reuse_last_with_answers_file_fills_carried_answers(
    run: Run, tmp_path: Path, rct_home: Path, filled_answers: FilledAnswers
) -> None:
    make_assess("2026-01-01", role="Charge nurse", organisation="psychiatric-hospital", support_people="Ana and Bo")
    template = yaml.safe_load(filled_answers("assess"))
    for carried in ("role", "organisation", "support-people"):
        del template[carried]
    path = tmp_path / "a.yaml"
    path.write_text(yaml.safe_dump(template))
    assert run("assess", "--answers", str(path)).exit_code == 2  # role is required
    result = run("assess", "--answers", str(path), "--reuse-last")
    assert result.exit_code == 0, result.stderr
    newest = max((rct_home / "journal").glob("*.md"), key=lambda p: frontmatter.load(p)["created"])
    answers = frontmatter.load(newest)["answers"]
    assert (answers["role"], answers["organisation"], answers["support-people"]) == (
        "Charge nurse",
        "psychiatric-hospital",
        "Ana and Bo",
    )


def test_reuse_last_without_a_previous_assessment(run: Run, tmp_path: Path, filled_answers: FilledAnswers) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(filled_answers("assess"))
    result = run("assess", "--answers", str(path), "--reuse-last")
    assert result.exit_code == 0
    assert result.stderr == "No earlier assessment to reuse answers from; starting fresh.\n"


def test_reuse_last_interactive_shows_defaults(terminal: PipeInput, run: Run, rct_home: Path) -> None:
    from tests.flows import STEPS, after_section, keys_of

    make_assess("2026-01-01", role="Charge nurse", support_people="Ana and Bo")
    # Accept the pre-filled support people and role as they are (only the key that ends the prompt).
    accept = {"support-people", "role"}
    steps = [(text, pressed[-1:] if filled in accept else pressed, filled) for text, pressed, filled in STEPS]
    # The earlier assessment's step is reviewed after the support questions ("Since last time"): done, no note.
    end_of_support = after_section("support")
    keys = keys_of(steps[:end_of_support]) + ENTER + ENTER + keys_of(steps[end_of_support:])
    terminal.send_text(keys)
    result = run("assess", "--reuse-last")
    assert result.exit_code == 0, result.stderr
    newest = max((rct_home / "journal").glob("*.md"), key=lambda p: frontmatter.load(p)["created"])
    answers = frontmatter.load(newest)["answers"]
    assert answers["support-people"] == "Ana and Bo"
    assert answers["role"] == "Charge nurse"


@pytest.mark.posix  # the stand-in editors are sh scripts
def test_edit_text_with_fake_editors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rct_home: Path) -> None:
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", fake_editor(tmp_path, 'printf "written in my editor\\n\\nsecond paragraph\\n" > "$1"'))
    assert edit_text("before") == "written in my editor\n\nsecond paragraph"
    monkeypatch.setenv("EDITOR", fake_editor(tmp_path, 'echo "half" > "$1"; exit 3'))
    assert edit_text("before") is None  # non-zero exit: keep the previous text
    monkeypatch.setenv("EDITOR", fake_editor(tmp_path, ': > "$1"'))
    assert edit_text("before") is None  # empty buffer: keep the previous text
    monkeypatch.setenv("EDITOR", str(tmp_path / "no-such-editor"))
    assert edit_text("before") is None
    monkeypatch.delenv("EDITOR")
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))  # no editor, nano or vi to fall back on
    assert edit_text("before") is None
    assert not list((rct_home / "drafts").iterdir())  # temp files removed


@pytest.mark.posix  # the stand-in editors are sh scripts
def test_editor_seen_file_is_private(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen = tmp_path / "mode"
    monkeypatch.setenv(
        "EDITOR", fake_editor(tmp_path, f'stat -c %a "$1" > {seen}; cat "$1" > {tmp_path / "got"}; echo ok > "$1"')
    )
    assert edit_text("secret draft") == "ok"
    assert seen.read_text().strip() == "600"
    assert (tmp_path / "got").read_text() == "secret draft"


@pytest.mark.posix  # the stand-in editors are sh scripts
def test_with_the_journal_encrypted_the_editor_file_is_kept_out_of_the_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rct_home: Path
) -> None:
    """Encrypted, the text open in the editor is in the runtime folder, never the data folder;
    plain, it stays in the private drafts folder (where it always was)."""
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    seen = tmp_path / "where"
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", fake_editor(tmp_path, f'dirname "$1" > {seen}; echo edited > "$1"'))
    monkeypatch.setattr("rct_workbook.journal.vault.writes_sealed", lambda: True)
    assert edit_text("the marker text") == "edited"
    assert seen.read_text().strip() == str(runtime / "rct-workbook")
    assert not list((runtime / "rct-workbook").iterdir())  # removed after the edit
    assert not (rct_home / "drafts").exists() or not list((rct_home / "drafts").iterdir())
    monkeypatch.setattr("rct_workbook.journal.vault.writes_sealed", lambda: False)
    assert edit_text("plain") == "edited"
    assert seen.read_text().strip() == str(rct_home / "drafts")


def long_question() -> Any:
    q = Question(id="vision", type="long_text", prompt="Your vision?")
    return resolve([q], load_content())


@pytest.mark.posix  # the stand-in editors are sh scripts
def test_editor_flag_and_ctrl_e(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EDITOR", fake_editor(tmp_path, 'printf "from the editor" > "$1"'))
    with create_pipe_input() as inp:
        inp.send_text(FINISH)  # accept what the editor wrote
        answers = walk(long_question(), QuestionaryAsker(input=inp, output=DummyOutput(), editor=True))
    assert answers == {"vision": "from the editor"}
    with create_pipe_input() as inp:
        inp.send_text("typed first" + CTRL_E + FINISH)
        answers = walk(long_question(), QuestionaryAsker(input=inp, output=DummyOutput()))
    assert answers == {"vision": "from the editor"}


@pytest.mark.posix  # the stand-in editors are sh scripts
def test_failed_editor_keeps_typed_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EDITOR", fake_editor(tmp_path, "exit 1"))
    with create_pipe_input() as inp:
        inp.send_text("typed first" + CTRL_E + FINISH)
        answers = walk(long_question(), QuestionaryAsker(input=inp, output=DummyOutput()))
    assert answers == {"vision": "typed first"}
