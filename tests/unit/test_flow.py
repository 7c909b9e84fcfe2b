"""The question seam: checks, conditions, and prompts driven through prompt_toolkit pipe input."""

from __future__ import annotations

from typing import Any

import pytest
from prompt_toolkit.output import DummyOutput

from rct_workbook.errors import AnswersError, Cancelled
from rct_workbook.flow.askers import QuestionaryAsker, example, template
from rct_workbook.flow.questions import Ask, check, check_all, resolve, walk
from rct_workbook.model.content import load_content
from rct_workbook.model.schema import Question
from tests.keys import DOWN, ENTER, FINISH, SPACE


def q(**fields: Any) -> Ask:
    fields.setdefault("prompt", "A question?")
    return resolve([Question.from_data(fields)], load_content())[0]


def ask_with(pipe: Any, keys: str, asks: list[Ask]) -> dict[str, Any]:
    pipe.send_text(keys)
    return walk(asks, QuestionaryAsker(input=pipe, output=DummyOutput()))


def test_every_type_through_pipe_input(pipe: Any) -> None:
    asks = [
        q(id="line", type="text"),
        q(id="long", type="long_text"),
        q(id="pick", type="choice", choices=[{"value": "a", "label": "A"}, {"value": "b", "label": "B"}]),
        q(id="many", type="multi", choices_from="fletcher_strategies"),
        q(id="rate", type="rating", low_label="low", high_label="high"),
        q(id="ok", type="yes_no"),
        q(id="skip", type="text", required=False),
    ]
    keys = "one line" + ENTER + "two\nlines" + FINISH + DOWN + ENTER + SPACE + DOWN + DOWN + SPACE + ENTER
    keys += DOWN + DOWN + ENTER + "n" + ENTER
    answers = ask_with(pipe, keys, asks)
    fletcher = [c.value for c in asks[3].choices]
    assert answers == {
        "line": "one line",
        "long": "two\nlines",
        "pick": "b",
        "many": [fletcher[0], fletcher[2]],
        "rate": 3,
        "ok": False,
        "skip": None,
    }


def test_required_text_is_asked_again(pipe: Any) -> None:
    answers = ask_with(pipe, ENTER + "now" + ENTER, [q(id="line", type="text")])
    assert answers == {"line": "now"}


def test_condition_skips_and_answers_saved_as_given(pipe: Any) -> None:
    asks = [
        q(id="support", type="yes_no"),
        q(id="why-not", type="text", when={"question": "support", "equals": False}),
        q(id="who", type="text", when={"question": "support", "equals": True}),
    ]
    saved: list[dict[str, Any]] = []
    pipe.send_text("y" + ENTER + "Ana" + ENTER)
    answers = walk(asks, QuestionaryAsker(input=pipe, output=DummyOutput()), on_answer=saved.append)
    assert answers == {"support": True, "who": "Ana"}
    assert saved == [{"support": True}, {"support": True, "who": "Ana"}]


def test_resume_asks_only_what_is_missing(pipe: Any) -> None:
    asks = [q(id="a", type="text"), q(id="b", type="text")]
    pipe.send_text("second" + ENTER)
    answers = walk(asks, QuestionaryAsker(input=pipe, output=DummyOutput()), answers={"a": "first"})
    assert answers == {"a": "first", "b": "second"}


TOO_LONG = " and an answer holds at most 20,000 (a plain letter takes one byte, an accented letter two, an emoji four)"


@pytest.mark.parametrize("key", ["\x03", "\x04"])
def test_ctrl_c_and_ctrl_d_cancel(pipe: Any, key: str) -> None:
    pipe.send_text(key)
    with pytest.raises(Cancelled) as info:
        walk([q(id="a", type="text")], QuestionaryAsker(input=pipe, output=DummyOutput()))
    assert info.value.exit_code == 130


def test_repeat_question(pipe: Any) -> None:
    step = q(
        id="steps",
        type="repeat",
        min_items=1,
        max_items=3,
        fields=[
            {"id": "what", "type": "text", "prompt": "What?"},
            {
                "id": "risk",
                "type": "choice",
                "prompt": "Risk?",
                "choices": [{"value": "low", "label": "Low"}, {"value": "high", "label": "High"}],
            },
        ],
    )
    pipe.send_text("Lunch with Ana" + ENTER + DOWN + ENTER + "y" + "Ask for a meeting" + ENTER + ENTER + "n")
    answers = walk([step], QuestionaryAsker(input=pipe, output=DummyOutput()))
    assert answers == {
        "steps": [{"what": "Lunch with Ana", "risk": "high"}, {"what": "Ask for a meeting", "risk": "low"}]
    }


@pytest.mark.parametrize(
    ("fields", "value", "message"),
    [
        ({"type": "rating", "low_label": "l", "high_label": "h"}, 0, "0 is outside the scale 1 to 5"),
        (
            {"type": "rating", "low_label": "l", "high_label": "h"},
            True,
            "expected a whole number from 1 to 5, got a yes/no value",
        ),
        (
            {"type": "rating", "low_label": "l", "high_label": "h"},
            2.5,
            "expected a whole number from 1 to 5, got a number",
        ),
        ({"type": "yes_no"}, "yes", "expected yes or no (true/false), got text"),
        ({"type": "text"}, "two\nlines", "expected one line of text"),
        ({"type": "text"}, 12, "expected text, got a number (put it in quotes)"),
        ({"type": "choice", "choices": [{"value": "a", "label": "A"}]}, "b", "'b' is not one of the choices (a)"),
        ({"type": "multi", "choices": [{"value": "a", "label": "A"}]}, ["a", "a"], "a choice is listed twice"),
        ({"type": "text"}, "   ", "an answer is needed"),
        ({"type": "long_text"}, "x" * 20_001, "the text is too long: it takes 20,001 bytes as saved," + TOO_LONG),
        # Counted in bytes as stored: 5,001 emoji are 20,004 bytes.
        (
            {"type": "long_text"},
            "\U0001f600" * 5_001,
            "the text is too long: it takes 20,004 bytes as saved," + TOO_LONG,
        ),
    ],
)
def test_check_refuses(fields: dict[str, Any], value: Any, message: str) -> None:
    with pytest.raises(ValueError) as info:
        check(q(id="x", **fields), value)
    assert str(info.value) == message


def test_check_normalises() -> None:
    assert check(q(id="x", type="long_text"), "a\r\nb\rc") == "a\nb\nc"
    assert check(q(id="x", type="text", required=False), "") is None
    multi = q(id="m", type="multi", choices=[{"value": "a", "label": "A"}, {"value": "b", "label": "B"}])
    assert check(multi, ["b", "a"]) == ["a", "b"]
    assert check(multi, "b") == ["b"]


def test_check_all_lists_every_problem() -> None:
    asks = [q(id="a", type="text"), q(id="r", type="rating", low_label="l", high_label="h")]
    with pytest.raises(AnswersError) as info:
        check_all(asks, {"r": 9, "zzz": 1})
    assert info.value.details == (
        "zzz: not a question here",
        "a: an answer is needed",
        "r: 9 is outside the scale 1 to 5",
    )
    with pytest.raises(AnswersError, match="must be a mapping"):
        check_all(asks, ["a"])


def test_template_examples_pass_their_own_checks_and_stay_comments() -> None:
    import yaml

    content = load_content()
    for vignette in content.vignettes.values():
        asks = resolve(vignette.reflection, content)
        for ask in asks:
            check(ask, example(ask))
        text = template(asks, title="t")
        assert yaml.safe_load(text) == {a.id: None for a in asks}
        shown = "\n".join(line[6:] for line in text.splitlines() if line.startswith("#     ") and ":" in line)
        for ask in asks:
            if ask.question.example is not None and ask.question.type != "multi":
                assert f"{ask.id}:" in shown
