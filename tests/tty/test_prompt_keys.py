"""Every prompt behaves one way, checked with real keystrokes in a pseudo-terminal:

- each question type takes Enter and Esc Enter alike, through the same checks (a required
  checklist with nothing ticked is refused with the reason and asked again, never a
  traceback), and Ctrl-D and Ctrl-C cancel it with status 130;
- a keystroke that ends one prompt is never carried into the next (a habitual second Enter);
- Ctrl-B and Alt-Left go back to the previous question, offering what was written (from
  the check-in to the assessment's last question), and say so where there is none (the
  first question, and the question about a draft, which comes before it);
- Ctrl-E with no EDITOR or VISUAL opens the first editor installed, says which, or says
  that none was found and how to set one, keeping the text.

The questions come from a small content pack written here: one vignette holding a
question of every type, and one vignette per type holding only that question.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import frontmatter
import pytest
import yaml

from rct_workbook.flow.prompts import NO_WAY_BACK
from rct_workbook.model.question_types import QUESTION_TYPES
from tests.flows import ROLE_AT, STEPS, journal_files
from tests.keys import ALT_LEFT, CTRL_B, CTRL_E
from tests.tty.terminal import CTRL_C, CTRL_D, DOWN, ENTER, ESC_ENTER, SPACE, Session

pytestmark = pytest.mark.tty

EXAMPLE_CASE = Path(__file__).resolve().parents[2] / "examples" / "trainer-pack" / "harbour.yaml"

#: One required question of each type, with the prompt it is recognised by.
QUESTIONS: dict[str, dict[str, Any]] = {
    "text": {"prompt": "One line about it?"},
    "long_text": {"prompt": "Longer about it?"},
    "choice": {
        "prompt": "Pick one of these?",
        "choices": [{"value": "x", "label": "Ex"}, {"value": "y", "label": "Why"}],
    },
    "multi": {
        "prompt": "Tick some of these?",
        "choices": [{"value": "x", "label": "Ex"}, {"value": "y", "label": "Why"}],
    },
    "rating": {"prompt": "Rate it?", "low_label": "low", "high_label": "high"},
    "yes_no": {"prompt": "Yes or no?"},
    "repeat": {
        "prompt": "Some things",
        "min_items": 1,
        "max_items": 2,
        "fields": [{"id": "what", "type": "text", "prompt": "What is it?"}],
    },
}


def question(kind: str) -> dict[str, Any]:
    return {"id": f"a-{kind.replace('_', '-')}", "type": kind, **QUESTIONS[kind]}


def write_pack(folder: Path) -> Path:
    """The pack: `everytype` (every question, in the order above) and `only-<type>` cases."""
    case = yaml.safe_load(EXAMPLE_CASE.read_text(encoding="utf-8"))
    cases = {"everytype": [question(kind) for kind in QUESTIONS]}
    cases.update({f"only-{kind.replace('_', '-')}": [question(kind)] for kind in QUESTIONS})
    folder.mkdir()
    references = EXAMPLE_CASE.with_name("references.yaml")  # the example case cites the pack's own
    (folder / references.name).write_text(references.read_text(encoding="utf-8"), encoding="utf-8")
    for name, reflection in cases.items():
        text = yaml.safe_dump({**case, "id": name, "reflection": reflection}, sort_keys=False, allow_unicode=True)
        (folder / f"{name}.yaml").write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def pack(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_pack(tmp_path_factory.mktemp("pack") / "every-type")


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "rct-home"


def test_the_pack_has_every_question_type(pack: Path) -> None:
    assert set(QUESTIONS) == set(QUESTION_TYPES)


def reflect(home: Path, pack: Path, case: str, **kwargs: Any) -> Session:
    session = Session(home, "--content", str(pack), "vignette", case, **kwargs)
    session.skip_reading()
    session.expect("Your reflection")
    return session


def saved_answers(home: Path) -> dict[str, Any]:
    (entry,) = journal_files(home)
    answers = frontmatter.load(entry)["answers"]
    assert isinstance(answers, dict)
    return answers


@pytest.mark.parametrize("key", [ENTER, ESC_ENTER], ids=["enter", "esc-enter"])
def test_every_type_takes_enter_and_esc_enter_through_the_same_checks(home: Path, pack: Path, key: str) -> None:
    with reflect(home, pack, "everytype") as session:
        session.expect_prompt("One line about it?")
        session.send(key)  # nothing typed: refused, asked again
        session.expect("an answer is needed")
        session.send("a line" + key)

        session.expect_prompt("Longer about it?")
        session.send(key)
        session.expect("an answer is needed")
        session.send("longer words" + (ENTER + ENTER if key == ENTER else key))  # Enter on an empty line

        session.expect_prompt("Pick one of these?")
        session.send(DOWN + key)

        session.expect_prompt("Tick some of these?")
        session.send(key)  # nothing ticked: refused with the reason, the list stays
        session.expect("Choose at least one")
        session.send(DOWN + SPACE + key)

        session.expect_prompt("Rate it?")
        session.send("4" + key)

        session.expect_prompt("Yes or no?")
        session.send(key)  # the default, as Enter alone says

        session.expect_prompt("1. What is it?")
        session.send(key)
        session.expect("an answer is needed")
        session.send("a thing" + key)
        session.expect_prompt("Add another?")
        session.send(key)  # the default: no

        session.expect("Saved your reflection")
        session.ends(0)
    assert saved_answers(home) == {
        "a-text": "a line",
        "a-long-text": "longer words",
        "a-choice": "y",
        "a-multi": ["y"],
        "a-rating": 4,
        "a-yes-no": True,
        "a-repeat": [{"what": "a thing"}],
    }


@pytest.mark.parametrize("key", [CTRL_D, CTRL_C], ids=["ctrl-d", "ctrl-c"])
@pytest.mark.parametrize("kind", list(QUESTIONS))
def test_every_type_cancels_on_ctrl_d_and_ctrl_c(home: Path, pack: Path, kind: str, key: str) -> None:
    first = QUESTIONS[kind]["fields"][0]["prompt"] if kind == "repeat" else QUESTIONS[kind]["prompt"]
    with reflect(home, pack, f"only-{kind.replace('_', '-')}") as session:
        session.expect_prompt(first)
        session.send(key)
        session.expect("ancelled")
        session.ends(130)
    assert not journal_files(home)


def test_a_second_enter_is_not_carried_into_the_next_question(home: Path, pack: Path) -> None:
    with reflect(home, pack, "everytype") as session:
        session.expect_prompt("One line about it?")
        session.send("a line" + ENTER + ENTER)  # a habitual second Enter, in the same breath
        session.expect_prompt("Longer about it?")
        session.send("longer words" + ESC_ENTER + ENTER)  # and after a long answer
        # Had either Enter been carried, the menu would have taken its first choice and
        # these keys would have gone to the next question.
        session.expect_prompt("Pick one of these?")
        session.send(DOWN + ENTER)
        session.expect_prompt("Tick some of these?")
        session.send(SPACE + ENTER + ENTER)
        session.expect_prompt("Rate it?")
        session.send("2" + ENTER)
        session.expect_prompt("Yes or no?")
        session.send("n")
        session.expect_prompt("1. What is it?")
        session.send("a thing" + ENTER)
        session.expect_prompt("Add another?")
        session.send(ENTER)
        session.ends(0)
    answers = saved_answers(home)
    assert answers["a-choice"] == "y"
    assert answers["a-multi"] == ["x"]
    assert answers["a-rating"] == 2
    assert answers["a-yes-no"] is False


@pytest.mark.parametrize("back", [CTRL_B, ALT_LEFT], ids=["ctrl-b", "alt-left"])
def test_going_back_offers_what_was_written(home: Path, pack: Path, back: str) -> None:
    with reflect(home, pack, "everytype") as session:
        session.expect("Ctrl-B (or Alt-Left) goes")  # said once, at the start
        session.expect_prompt("One line about it?")
        session.send("first words" + ENTER)
        session.expect_prompt("Longer about it?")
        session.send("half")
        session.send(back)
        session.expect_prompt("One line about it?")  # again, with its answer in place
        session.send(" and more" + ENTER)
        session.expect_prompt("Longer about it?")  # what was typed before going back is kept
        session.send(" done" + ESC_ENTER)
        session.expect_prompt("Pick one of these?")
        session.send(DOWN + ENTER)
        session.expect_prompt("Tick some of these?")
        session.send(back)  # from a menu, back to the menu before: its pick is kept
        session.expect_prompt("Pick one of these?")
        session.send(ENTER)
        session.expect_prompt("Tick some of these?")
        session.send(SPACE + ENTER)
        session.expect_prompt("Rate it?")
        session.send("3" + ENTER)
        session.expect_prompt("Yes or no?")
        session.send("y")
        session.expect_prompt("1. What is it?")
        session.send("one" + ENTER)
        session.expect_prompt("Add another?")
        session.send(back)  # back into the entry just given
        session.expect_prompt("1. What is it?")
        session.send(" thing" + ENTER)
        session.expect_prompt("Add another?")
        session.send("n")
        session.ends(0)
    answers = saved_answers(home)
    assert answers["a-text"] == "first words and more"
    assert answers["a-long-text"] == "half done"
    assert answers["a-choice"] == "y"
    assert answers["a-repeat"] == [{"what": "one thing"}]


@pytest.mark.parametrize("case", ["only-choice", "only-text"])
def test_going_back_from_the_first_question_says_there_is_none(home: Path, pack: Path, case: str) -> None:
    with reflect(home, pack, case) as session:
        prompt = "Pick one of these?" if case == "only-choice" else "One line about it?"
        session.expect_prompt(prompt)
        session.send(CTRL_B)  # nothing before it: said so, and the question stays
        session.expect(NO_WAY_BACK)
        session.expect_prompt("Why" if case == "only-choice" else "›")  # the prompt, drawn again below
        shown = [row.strip() for row in session.rendered() if row.strip()]
        assert NO_WAY_BACK in shown  # a line of its own, the prompt below it
        assert shown[shown.index(NO_WAY_BACK) + 1].startswith("›")
        session.send(DOWN + ENTER if case == "only-choice" else "words" + ENTER)
        session.ends(0)
    assert saved_answers(home) == ({"a-choice": "y"} if case == "only-choice" else {"a-text": "words"})


def test_going_back_from_the_check_in_asks_the_last_question_again(home: Path) -> None:
    *before, (check_in, _, _) = STEPS
    last_prompt, _, last_id = before[-1]
    with Session(home, "assess") as session:
        session.answer(before)
        session.expect_prompt(check_in)
        session.send(CTRL_B)
        session.expect_prompt(last_prompt)
        session.send("Time to think it through" + ESC_ENTER)
        session.expect_prompt(check_in)
        session.send(ENTER)
        session.expect("Saved your assessment")
        session.ends(0)
    (entry,) = journal_files(home)
    front = frontmatter.load(entry)
    assert front["answers"][last_id] == "Time to think it through"
    assert front["next_check_in"]


def test_the_resume_question_says_it_comes_before_the_first(home: Path) -> None:
    with Session(home, "assess") as session:  # leaves a draft
        session.answer(STEPS[:ROLE_AT])
        session.expect_prompt(STEPS[ROLE_AT][0])
        session.send(CTRL_C)
        session.ends(130)
    with Session(home, "assess") as session:
        session.expect_prompt("You have an unfinished assessment")
        session.send(CTRL_B)
        session.expect(NO_WAY_BACK)
        session.expect_prompt("Resume it")
        session.send(ENTER)  # resume: the question it stopped at comes next
        session.expect_prompt(STEPS[ROLE_AT][0])
        session.send(CTRL_C)
        session.ends(130)


def editor_env(tmp_path: Path, editors: dict[str, str]) -> dict[str, str]:
    """No EDITOR or VISUAL, and a PATH holding only the given stand-in editors (name: what it writes)."""
    folder = tmp_path / "bin"
    folder.mkdir()
    references = EXAMPLE_CASE.with_name("references.yaml")  # the example case cites the pack's own
    (folder / references.name).write_text(references.read_text(encoding="utf-8"), encoding="utf-8")
    for name, writes in editors.items():
        script = folder / name
        script.write_text(f'#!/bin/sh\nprintf "%s" "{writes}" > "$1"\n', encoding="utf-8")
        script.chmod(0o755)
    return {"EDITOR": "", "VISUAL": "", "PATH": str(folder)}


@pytest.mark.skipif(os.name != "posix", reason="the stand-in editors are shell scripts")
def test_ctrl_e_with_no_editor_set_opens_the_first_installed(home: Path, pack: Path, tmp_path: Path) -> None:
    env = editor_env(tmp_path, {"nano": "written in nano", "vi": "written in vi"})
    with reflect(home, pack, "only-long-text", env=env) as session:
        session.expect_prompt("Longer about it?")
        session.send("draft" + CTRL_E)
        session.expect("Opening nano")
        session.expect_prompt("written in nano")  # back at the prompt, with the editor's text
        session.send(ESC_ENTER)
        session.ends(0)
    assert saved_answers(home) == {"a-long-text": "written in nano"}


def test_ctrl_e_with_no_editor_at_all_says_how_to_set_one(home: Path, pack: Path, tmp_path: Path) -> None:
    with reflect(home, pack, "only-long-text", env=editor_env(tmp_path, {})) as session:
        session.expect_prompt("Longer about it?")
        session.send("my draft" + CTRL_E)
        session.expect("No editor was found")
        session.expect("EDITOR=")
        session.expect_prompt("my draft")  # back at the prompt, the draft still there
        session.send(ESC_ENTER)
        session.ends(0)
    assert saved_answers(home) == {"a-long-text": "my draft"}
