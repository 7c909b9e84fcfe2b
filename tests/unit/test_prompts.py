"""How a person answers: long text, digits, echoes, places and hints (pipe input), and the
word wrapping of typed text."""

from __future__ import annotations

from typing import Any

import pytest
from prompt_toolkit.output import DummyOutput

from rct_workbook.errors import Cancelled
from rct_workbook.flow.askers import QuestionaryAsker
from rct_workbook.flow.prompts import word_breaks
from rct_workbook.flow.questions import Ask, minutes_to_answer, resolve, walk, walk_sections
from rct_workbook.model.content import load_content
from rct_workbook.model.schema import Question
from tests.keys import CTRL_D, DOWN, ENTER, ESC_ENTER, SPACE


def q(**fields: Any) -> Ask:
    fields.setdefault("prompt", "A question?")
    return resolve([Question.from_data(fields)], load_content())[0]


def asker(pipe: Any) -> QuestionaryAsker:
    return QuestionaryAsker(input=pipe, output=DummyOutput(), plain=True)


LONG = {"id": "long", "type": "long_text"}


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        ("first line" + ENTER + "second" + ENTER + ENTER, "first line\nsecond"),  # Enter twice
        ("first line" + ENTER + "second" + ESC_ENTER, "first line\nsecond"),
        ("first line" + CTRL_D, "first line"),  # Ctrl-D after text finishes
    ],
    ids=["enter-twice", "esc-enter", "ctrl-d"],
)
def test_a_long_answer_finishes_three_ways(pipe: Any, keys: str, expected: str) -> None:
    pipe.send_text(keys)
    assert walk([q(**LONG)], asker(pipe)) == {"long": expected}


def test_enter_on_an_empty_optional_long_answer_skips_it(pipe: Any) -> None:
    pipe.send_text(ENTER)
    assert walk([q(**LONG, required=False)], asker(pipe)) == {"long": None}


def test_ctrl_d_on_an_empty_long_answer_cancels(pipe: Any) -> None:
    pipe.send_text(CTRL_D)
    with pytest.raises(Cancelled):
        walk([q(**LONG, required=False)], asker(pipe))


def test_ratings_take_digit_keys(pipe: Any) -> None:
    pipe.send_text("4" + ENTER + "2" + DOWN + ENTER)
    rate = {"type": "rating", "low_label": "low", "high_label": "high"}
    answers = walk([q(id="a", **rate), q(id="b", **rate)], asker(pipe))
    assert answers == {"a": 4, "b": 3}


def test_echoes_are_the_answers_themselves(pipe: Any, capsys: pytest.CaptureFixture[str]) -> None:
    choices = [{"value": "a", "label": "Apples"}, {"value": "b", "label": "Bread"}, {"value": "c", "label": "Cheese"}]
    asks = [
        q(id="one", type="choice", choices=choices),
        q(id="many", type="multi", choices=choices),
        q(id="skip", type="text", required=False),
        q(id="ok", type="yes_no"),
        q(id="long", type="long_text", prompt="Say more"),
    ]
    pipe.send_text(DOWN + ENTER + SPACE + DOWN + DOWN + SPACE + ENTER + ENTER + "y" + "Two words" + ENTER + ENTER)
    walk(asks, asker(pipe))
    out = capsys.readouterr().out.splitlines()
    assert [line for line in out if line.startswith("› ")] == [
        "› Bread",
        "› Apples",
        "› Cheese",
        "› (no answer)",
        "› Yes",
        "› Two words",
    ]
    assert not any("selections" in line or "Enter to skip)" in line for line in out)


def test_hints_sit_under_the_question_in_full_once_then_briefly(pipe: Any, capsys: pytest.CaptureFixture[str]) -> None:
    pipe.send_text("one" + ENTER + ENTER + "two" + ENTER + ENTER)
    walk([q(id="a", type="long_text"), q(id="b", type="long_text")], asker(pipe))
    out = capsys.readouterr().out.splitlines()
    full = [i for i, line in enumerate(out) if "Enter on an empty line finishes" in line]
    brief = [i for i, line in enumerate(out) if line.strip() == "Enter twice to finish."]
    assert len(full) == 1 and len(brief) == 1
    assert out[full[0] - 1] == "? A question?"  # on its own line, under the question
    assert "Ctrl-E opens your editor" in " ".join(out[full[0] : full[0] + 2])


def test_each_question_shows_its_place(pipe: Any, capsys: pytest.CaptureFixture[str]) -> None:
    class Section:
        title = "Step 1: Read it"

    pipe.send_text("a" + ENTER + "b" + ENTER)
    walk_sections([(Section(), [q(id="a", type="text"), q(id="b", type="text")])], asker(pipe))
    out = capsys.readouterr().out.splitlines()
    assert "Step 1: Read it · 1 of 2" in out
    assert "Step 1: Read it · 2 of 2" in out


@pytest.mark.parametrize(
    ("text", "width", "first"),
    [
        ("A former classmate who works at another clinic nearby", 40, 38),
        ("one two three four five six seven eight nine ten", 12, 10),
        ("short", 40, 38),
        ("averyveryverylongwordthatcannotfit and more words", 10, 8),
    ],
)
def test_word_breaks_fall_between_words(text: str, width: int, first: int) -> None:
    pads = dict(word_breaks(text, width, first))
    shown = "".join((" " * pads.get(i, 0)) + ch for i, ch in enumerate(text))
    rows = [shown[:first], *(shown[first + k : first + k + width] for k in range(0, len(shown), width))]
    rows = [r for r in rows if r]
    words = text.split()
    too_long = [w for w in words if len(w) > first]
    for row in rows:
        assert len(row) <= width
        for token in row.split():  # whole words only, unless a word is longer than a row
            assert token in words or any(token in w for w in too_long), (token, rows)
    assert " ".join("".join(rows).split()) == text


def test_rendering_slips_fixed() -> None:
    rating = q(id="r", type="rating", low_label="Hardly risky", high_label="Very risky")
    assert rating.kind.markdown(rating, 4) == "**4** of 5 (1 = Hardly risky; 5 = Very risky)"
    content = load_content()
    flow = content.flow("assess")
    (steps,) = [a for s in flow.sections for a in resolve(s.questions, content, s.id) if a.id == "small-steps"]
    row = {"what": "Ask for a slot", "with-whom": "Jonah", "by-when": None, "risk": "high", "evidence": None}
    shown = steps.kind.plain(steps, [row])
    assert "With whom: Jonah" in shown
    assert "(an ally" not in shown and "?" not in shown
    assert "By when: —" in shown


def test_about_how_long() -> None:
    content = load_content()
    flow = content.flow("assess")
    asks = [a for s in flow.sections for a in resolve(s.questions, content, s.id)]
    assert 15 <= minutes_to_answer(asks) <= 40
    assert minutes_to_answer(asks) % 5 == 0
