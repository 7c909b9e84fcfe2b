"""The question types answered by picking from the question's choices: one (``choice``)
or any number (``multi``)."""

from __future__ import annotations

from typing import Any, ClassVar

from rct_workbook.model.answer_text import kind_of_value, one_line
from rct_workbook.model.commonmark import escape_line, escape_text
from rct_workbook.model.question_kind import Ask, Option, PaperSpec, PromptSpec, QuestionKind, _need


class ChoiceKind(QuestionKind):
    name = "choice"
    takes_choices = True

    def check_given(self, ask: Ask, value: Any) -> Any:
        if not isinstance(value, str):
            raise ValueError(f"expected one of the choices, got {kind_of_value(value)}")
        if value not in ask.values:
            raise ValueError(f"{value!r} is not one of the choices ({', '.join(ask.values)})")
        return value

    def fallback_example(self, ask: Ask) -> Any:
        return ask.values[0]

    def paper(self, ask: Ask) -> PaperSpec:
        return PaperSpec("tick", how="Tick one.", options=tuple(c.label for c in ask.choices))

    def describe(self, ask: Ask, indent: str = "") -> list[str]:
        return [
            f"{indent}#   type: one of these ({_need(ask.question)}):",
            *(f"{indent}#     {c.value}: {one_line(c.label)}" for c in ask.choices),
        ]

    def prompt(self, ask: Ask, default: Any) -> PromptSpec:
        options = [Option(c.label, c.value) for c in ask.choices]
        if not ask.question.required:
            options.append(Option("(skip)", None))
        return PromptSpec(
            "select",
            hint="Arrow keys, then Enter.",
            brief="Arrow keys, then Enter.",
            options=tuple(options),
            default=default,
            required=ask.question.required,
        )

    def markdown_given(self, ask: Ask, value: Any) -> str:
        return escape_text(ask.label_of(value))

    def plain_given(self, ask: Ask, value: Any) -> str:
        return ask.label_of(value)


class MultiKind(QuestionKind):
    name = "multi"
    minutes = 1.0
    takes_choices = True
    empty: ClassVar[Any] = []
    block = True

    def check_given(self, ask: Ask, value: Any) -> Any:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ValueError(f"expected a list of choices, got {kind_of_value(value)}")
        unknown = [v for v in value if v not in ask.values]
        if unknown:
            raise ValueError(f"not among the choices: {', '.join(map(repr, unknown))}")
        if len(set(value)) != len(value):
            raise ValueError("a choice is listed twice")
        order = {v: i for i, v in enumerate(ask.values)}
        return sorted(value, key=order.__getitem__)

    def fallback_example(self, ask: Ask) -> Any:
        return [ask.values[0]] if ask.values else []

    def paper(self, ask: Ask) -> PaperSpec:
        how = "Tick any that apply." if ask.question.required else "Tick any that apply, or none."
        return PaperSpec("tick", how=how, options=tuple(c.label for c in ask.choices))

    def describe(self, ask: Ask, indent: str = "") -> list[str]:
        return [
            f"{indent}#   type: a list of any of these ({_need(ask.question)}):",
            *(f"{indent}#     {c.value}: {one_line(c.label)}" for c in ask.choices),
        ]

    def prompt(self, ask: Ask, default: Any) -> PromptSpec:
        picked = set(default) if isinstance(default, list) else set()
        required = ask.question.required
        return PromptSpec(
            "checkbox",
            hint="Arrow keys move, Space ticks, Enter when done" + ("." if required else "; none is fine."),
            brief="Space ticks, Enter when done" + ("." if required else "; none is fine."),
            options=tuple(Option(c.label, c.value, c.value in picked) for c in ask.choices),
            required=required,
        )

    def markdown_given(self, ask: Ask, value: Any) -> str:
        return "\n".join(f"- {escape_line(ask.label_of(v))}" for v in value)

    def plain_given(self, ask: Ask, value: Any) -> str:
        return "\n".join(f"- {ask.label_of(v)}" for v in value)

    def handout(self, ask: Ask, value: Any) -> tuple[tuple[str, ...], bool]:
        if not isinstance(value, list):
            return super().handout(ask, value)
        return tuple(one_line(ask.label_of(v)) for v in value if isinstance(v, str)), True
