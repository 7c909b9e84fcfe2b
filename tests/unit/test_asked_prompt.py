"""A question can name what was chosen earlier (#24): "How would you use them?" came two
questions after the strategies, across a private question, so it names the ones ticked.

The content says it (``asked``, with ``{id}`` for an earlier choice or checklist); the
prompt itself stays for paper, exports, and when nothing was chosen."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from prompt_toolkit.input import PipeInput

from rct_workbook.model.answers import resolve
from rct_workbook.model.content import load_content
from rct_workbook.model.question_types import Ask
from rct_workbook.model.schema import Flow, Question
from tests.flows import full_run_keys
from tests.helpers import Run

CONTENT = load_content()
ASKS = {a.id: a for s in CONTENT.flow("assess").sections for a in resolve(s.questions, CONTENT, s.id)}
HOW = ASKS["strategies-how"]
#: The strategies as a sentence names them, from the content (the label's name before its colon).
NAMES = {c.value: c.label.split(":")[0] for c in ASKS["strategies"].choices}


def asked(answers: dict[str, Any]) -> str:
    return HOW.as_asked(answers, ASKS).question.prompt


def test_the_strategies_ticked_are_named() -> None:
    values = list(NAMES)
    assert asked({"strategies": values[:1]}) == f"How would you use {NAMES[values[0]]}, concretely?"
    two = f"{NAMES[values[0]]} and {NAMES[values[1]]}"
    assert asked({"strategies": values[:2]}) == f"How would you use {two}, concretely?"
    three = f"{NAMES[values[0]]}, {NAMES[values[1]]} and {NAMES[values[2]]}"
    assert asked({"strategies": values[:3]}) == f"How would you use {three}, concretely?"


@pytest.mark.parametrize(
    "answers", [{}, {"strategies": []}, {"strategies": None}], ids=["not asked", "none", "skipped"]
)
def test_with_nothing_ticked_the_prompt_is_asked_as_written(answers: dict[str, Any]) -> None:
    assert asked(answers) == HOW.question.prompt
    assert "{" not in HOW.question.prompt  # what paper and exports print


def test_a_single_choice_is_named_too() -> None:
    pick = Question(id="pick", type="choice", prompt="Which?", choices=ASKS["organisation"].question.choices)
    how = Question(id="how", type="text", prompt="How is it there?", asked="How is it in {pick}?")
    asks = {"pick": Ask(pick, pick.choices or ()), "how": Ask(how)}
    first = (pick.choices or ())[0]
    assert asks["how"].as_asked({"pick": first.value}, asks).question.prompt == f"How is it in {first.label}?"


def flow(*questions: dict[str, Any]) -> Flow:
    return Flow.from_data(
        {"kind": "flow", "id": "f", "title": "F", "sections": [{"id": "s", "title": "S", "questions": list(questions)}]}
    )


CHOICES = [{"value": "a", "label": "A"}, {"value": "b", "label": "B"}]


@pytest.mark.parametrize(
    ("questions", "why"),
    [
        (
            [{"id": "how", "type": "text", "prompt": "How?", "asked": "How {ticks}?"}],
            "no earlier choice or checklist",
        ),
        (
            [
                {"id": "how", "type": "text", "prompt": "How?", "asked": "How {ticks}?"},
                {"id": "ticks", "type": "multi", "prompt": "Which?", "choices": CHOICES},
            ],
            "no earlier choice or checklist",
        ),
        (
            [
                {"id": "words", "type": "text", "prompt": "Words?"},
                {"id": "how", "type": "text", "prompt": "How?", "asked": "How {words}?"},
            ],
            "no earlier choice or checklist",
        ),
        ([{"id": "how", "type": "text", "prompt": "How?", "asked": "How, {really?"}], "{question-id}"),
        ([{"id": "how", "type": "text", "prompt": "How?", "asked": "How, really?"}], "{question-id}"),
    ],
    ids=["unknown", "later", "not a choice", "stray brace", "names nothing"],
)
def test_content_that_names_no_earlier_choice_is_refused(questions: list[dict[str, Any]], why: str) -> None:
    with pytest.raises(ValueError, match=why.replace("{", r"\{").replace("}", r"\}")):
        flow(*questions)


def test_rct_assess_asks_it_with_the_names(terminal: PipeInput, run: Run, rct_home: Path) -> None:
    terminal.send_text(full_run_keys())
    result = run("assess")
    assert result.exit_code == 0, result.stderr
    assert "How would you use Naming, concretely?" in " ".join(result.stdout.split())
    assert HOW.question.prompt not in " ".join(result.stdout.split())
