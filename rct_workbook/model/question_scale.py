"""The question types answered with a value: a whole number on the scale (``rating``) or
yes or no (``yes_no``)."""

from __future__ import annotations

from typing import Any

from rct_workbook.model.answer_text import kind_of_value, one_line
from rct_workbook.model.commonmark import escape_line
from rct_workbook.model.question_kind import Ask, Option, PaperSpec, PromptSpec, QuestionKind, QuestionLike, _need

#: How a yes/no question is answered (its default filled in); every prompt's hint says which key ends it.
YES_NO_HINT = "y or n; Enter alone answers {default}."
RATING_MIN, RATING_MAX = 1, 5


class RatingKind(QuestionKind):
    name = "rating"
    numeric = True

    def shape(self, q: QuestionLike) -> None:
        super().shape(q)
        if q.low_label is None or q.high_label is None:
            raise ValueError("a rating question needs low_label and high_label")

    def check_given(self, ask: Ask, value: Any) -> Any:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(f"expected a whole number from {RATING_MIN} to {RATING_MAX}, got {kind_of_value(value)}")
        if not RATING_MIN <= value <= RATING_MAX:
            raise ValueError(f"{value} is outside the scale {RATING_MIN} to {RATING_MAX}")
        return value

    def fallback_example(self, ask: Ask) -> Any:
        return 3

    def paper(self, ask: Ask) -> PaperSpec:
        q = ask.question
        low, high = one_line(q.low_label or ""), one_line(q.high_label or "")
        return PaperSpec(
            "scale",
            how=f"Circle one: {RATING_MIN} = {low}; {RATING_MAX} = {high}.",
            options=tuple(str(n) for n in range(RATING_MIN, RATING_MAX + 1)),
            ends=(low, high),
        )

    def describe(self, ask: Ask, indent: str = "") -> list[str]:
        q = ask.question
        return [
            f"{indent}#   type: rating {RATING_MIN}-{RATING_MAX} ({RATING_MIN} = {one_line(q.low_label or '')}; "
            f"{RATING_MAX} = {one_line(q.high_label or '')}) ({_need(q)})"
        ]

    def prompt(self, ask: Ask, default: Any) -> PromptSpec:
        q = ask.question
        labels = {RATING_MIN: q.low_label, RATING_MAX: q.high_label}
        return PromptSpec(
            "select",
            hint=f"{RATING_MIN} to {RATING_MAX}: a digit or the arrow keys, then Enter.",
            brief=f"{RATING_MIN} to {RATING_MAX}, then Enter.",
            options=tuple(
                Option(f"{n}  {labels[n]}" if n in labels else str(n), n) for n in range(RATING_MIN, RATING_MAX + 1)
            ),
            default=default,
            required=q.required,
            digits=True,
        )

    def markdown_given(self, ask: Ask, value: Any) -> str:
        q = ask.question
        ends = f"({RATING_MIN} = {one_line(q.low_label or '')}; {RATING_MAX} = {one_line(q.high_label or '')})"
        return f"**{value}** of {RATING_MAX} {escape_line(ends)}"

    def plain_given(self, ask: Ask, value: Any) -> str:
        return f"{value} of {RATING_MAX}"

    def handout(self, ask: Ask, value: Any) -> tuple[tuple[str, ...], bool]:
        if isinstance(value, bool) or not isinstance(value, int):
            return super().handout(ask, value)
        q = ask.question
        ends = (
            f" ({RATING_MIN} = {one_line(q.low_label)}; {RATING_MAX} = {one_line(q.high_label)})"
            if q.low_label and q.high_label
            else ""
        )
        return (f"{value} of {RATING_MAX}{ends}",), False


class YesNoKind(QuestionKind):
    name = "yes_no"
    minutes = 0.1

    def check_given(self, ask: Ask, value: Any) -> Any:
        if not isinstance(value, bool):
            raise ValueError(f"expected yes or no (true/false), got {kind_of_value(value)}")
        return value

    def fallback_example(self, ask: Ask) -> Any:
        return True

    def paper(self, ask: Ask) -> PaperSpec:
        return PaperSpec("tick", how="Tick one.", options=("Yes", "No"))

    def describe(self, ask: Ask, indent: str = "") -> list[str]:
        return [f"{indent}#   type: true or false ({_need(ask.question)})"]

    def prompt(self, ask: Ask, default: Any) -> PromptSpec:
        default = default if isinstance(default, bool) else True
        hint = YES_NO_HINT.format(default="Yes" if default else "No")
        return PromptSpec("confirm", hint=hint, brief=hint, default=default, required=ask.question.required)

    def markdown_given(self, ask: Ask, value: Any) -> str:
        return "Yes" if value else "No"

    def plain_given(self, ask: Ask, value: Any) -> str:
        return "Yes" if value else "No"
