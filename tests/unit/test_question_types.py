"""The question-type registry: one owner per type, and every type complete."""

from __future__ import annotations

import typing
from typing import Any

import pytest

from rct_workbook.flow.questions import Ask, resolve
from rct_workbook.model.content import load_content
from rct_workbook.model.question_types import QUESTION_TYPES, describe
from rct_workbook.model.schema import Question, QuestionType

SAMPLES: dict[str, dict[str, Any]] = {
    "text": {},
    "long_text": {},
    "choice": {"choices": [{"value": "a", "label": "A"}, {"value": "b", "label": "B"}]},
    "multi": {"choices_from": "fletcher_strategies"},
    "rating": {"low_label": "low", "high_label": "high"},
    "yes_no": {},
    "repeat": {"fields": [{"id": "what", "type": "text", "prompt": "What?"}], "min_items": 1},
}


def ask_of(kind: str, **extra: Any) -> Ask:
    fields = {"id": "q", "type": kind, "prompt": "A question?", **SAMPLES[kind], **extra}
    return resolve([Question.from_data(fields)], load_content())[0]


def test_every_declared_type_has_one_owner() -> None:
    assert set(QUESTION_TYPES) == set(typing.get_args(QuestionType))
    assert set(SAMPLES) == set(QUESTION_TYPES)
    assert all(kind.name == name for name, kind in QUESTION_TYPES.items())


@pytest.mark.parametrize("kind", sorted(QUESTION_TYPES))
def test_each_type_owns_example_check_template_prompt_and_rendering(kind: str) -> None:
    ask = ask_of(kind)
    value = ask.kind.example(ask)
    assert ask.kind.check(ask, value) == value
    lines = describe(ask)
    assert lines[0] == "# A question?"
    assert all(line.lstrip().startswith("#") for line in lines)
    assert any("type:" in line for line in lines)
    spec = ask.kind.prompt(ask, None)
    assert spec.form in {"text", "select", "checkbox", "confirm", "repeat"}
    assert ask.kind.markdown(ask, value).strip()
    assert ask.kind.plain(ask, value).strip()
    assert ask.kind.markdown(ask, None) == "*No answer.*"
    assert ask.kind.plain(ask, None) == "(no answer)"


@pytest.mark.parametrize("kind", sorted(QUESTION_TYPES))
def test_not_answered_is_refused_when_required_and_stored_empty_otherwise(kind: str) -> None:
    required = ask_of(kind)
    with pytest.raises(ValueError, match="needed"):
        required.kind.check(required, None)
    optional = ask_of(kind, required=False, min_items=0) if kind == "repeat" else ask_of(kind, required=False)
    assert optional.kind.check(optional, None) == optional.kind.empty
    assert optional.kind.check(optional, []) == optional.kind.empty


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"type": "text", "choices": [{"value": "a", "label": "A"}]}, "a text question takes no choices"),
        ({"type": "choice"}, "a choice question needs exactly one of choices, choices_from"),
        ({"type": "rating", "low_label": "low"}, "a rating question needs low_label and high_label"),
        ({"type": "repeat"}, "a repeat question needs fields"),
        ({"type": "yes_no", "fields": [{"id": "x", "type": "text", "prompt": "X"}]}, "takes no fields"),
    ],
)
def test_each_type_owns_its_shape_in_content(fields: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Question.from_data({"id": "q", "prompt": "A question?", **fields})


def test_rating_prompt_lets_digit_keys_pick() -> None:
    spec = ask_of("rating").kind.prompt(ask_of("rating"), 4)
    assert spec.digits and [o.value for o in spec.options] == [1, 2, 3, 4, 5]
    assert spec.default == 4
