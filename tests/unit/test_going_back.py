"""Going back (Ctrl-B) in a walk: across sections, from a menu or a text, keeping what was
written, and out of a walk to the one before it (pipe input)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest
from prompt_toolkit.output import DummyOutput

from rct_workbook.flow.askers import QuestionaryAsker
from rct_workbook.flow.questions import GoBack, resolve, take_back, walk, walk_sections
from rct_workbook.model.content import load_content
from rct_workbook.model.schema import Question
from tests.keys import CTRL_B, DOWN, ENTER

CHOICES = [{"value": "x", "label": "Ex"}, {"value": "y", "label": "Why"}]


def asks(*questions: dict[str, Any]) -> Any:
    return resolve([Question.from_data(q) for q in questions], load_content())


def asker(pipe: Any) -> QuestionaryAsker:
    return QuestionaryAsker(input=pipe, output=DummyOutput(), plain=True)


def first() -> Any:
    return asks({"id": "role", "type": "text", "prompt": "Your role?"})


def second() -> Any:
    return asks(
        {"id": "kind", "type": "choice", "prompt": "Which kind?", "choices": CHOICES},
        {"id": "why", "type": "text", "prompt": "Why?", "required": False},
    )


def sections() -> list[tuple[Any, Any]]:
    return [(SimpleNamespace(title="One"), first()), (SimpleNamespace(title="Two"), second())]


def test_back_across_sections_offers_the_answer_again(pipe: Any) -> None:
    # Answer the role, go back from the menu, add to the role, then pick and finish.
    pipe.send_text("Nurse" + ENTER + CTRL_B + " lead" + ENTER + DOWN + ENTER + ENTER)
    kept: list[dict[str, Any]] = []
    got = walk_sections(sections(), asker(pipe), on_answer=kept.append)
    assert got == {"role": "Nurse lead", "kind": "y", "why": None}
    # The draft is never told of an answer taken back: it keeps "Nurse" until "Nurse lead" is given.
    assert [k.get("role") for k in kept] == ["Nurse", "Nurse lead", "Nurse lead", "Nurse lead"]


def test_back_from_a_text_keeps_what_was_typed_there(pipe: Any) -> None:
    pipe.send_text(DOWN + ENTER + "half" + CTRL_B + ENTER + " done" + ENTER)
    assert walk(second(), asker(pipe)) == {"kind": "y", "why": "half done"}


def test_back_from_the_first_question_leaves_the_walk_only_when_asked_to(pipe: Any) -> None:
    pipe.send_text(CTRL_B + "Nurse" + ENTER)
    assert walk(first(), asker(pipe)) == {"role": "Nurse"}  # nothing before it: the key does nothing
    pipe.send_text(CTRL_B)
    with pytest.raises(GoBack):
        walk(second(), asker(pipe), back_out=True)


def test_take_back_gives_the_last_answer_of_the_sections() -> None:
    answers = {"role": "Nurse", "kind": "y", "other": 1}
    rest, taken = take_back(sections(), answers)
    assert taken == {"kind": "y"} and rest == {"role": "Nurse", "other": 1}


def test_back_into_a_repeat_offers_its_entries_again(pipe: Any) -> None:
    steps = asks(
        {
            "id": "steps",
            "type": "repeat",
            "prompt": "Your steps",
            "min_items": 1,
            "max_items": 2,
            "fields": [{"id": "what", "type": "text", "prompt": "What?"}],
        },
        {"id": "after", "type": "text", "prompt": "After?", "required": False},
    )
    # One entry, no other; back from the next question; the entry is offered, kept with Enter.
    pipe.send_text("Ask Bo" + ENTER + ENTER + CTRL_B + " today" + ENTER + ENTER + "ok" + ENTER)
    assert walk(steps, asker(pipe)) == {"steps": [{"what": "Ask Bo today"}], "after": "ok"}
