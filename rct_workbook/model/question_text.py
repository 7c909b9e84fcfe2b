"""The question types answered in the person's own words: one line (``text``) or any
length (``long_text``)."""

from __future__ import annotations

import datetime as _dt
from typing import Any

from rct_workbook.model.answer_text import clean_text, kind_of_value, one_line, too_long
from rct_workbook.model.question_kind import Ask, PaperSpec, PromptSpec, QuestionKind, QuestionLike, _need


class TextKind(QuestionKind):
    name = "text"
    minutes = 0.5
    free_text = True
    what = "one line of text"
    multiline = False

    def check_given(self, ask: Ask, value: Any) -> Any:
        if isinstance(value, _dt.date):
            # An unquoted date in YAML (by-when: 2027-02-10) is the date as written.
            value = value.isoformat(sep=" ") if isinstance(value, _dt.datetime) else value.isoformat()
        if not isinstance(value, str):
            raise ValueError(f"expected text, got {kind_of_value(value)} (put it in quotes)")
        value = clean_text(value)
        problem = too_long(value)
        if problem is not None:
            raise ValueError(problem)
        if not self.multiline and "\n" in value.strip("\n"):
            raise ValueError("expected one line of text")
        return value

    def fallback_example(self, ask: Ask) -> Any:
        return "Your answer here"

    def free_texts(self, question: QuestionLike, value: Any) -> list[str]:
        return [value] if isinstance(value, str) else []

    def template_example(self, ask: Ask) -> Any:
        # "Your answer here" teaches nothing about the form of a text answer.
        return self.example(ask) if ask.question.example is not None else None

    def still_example(self, ask: Ask, value: Any) -> list[str]:
        if not isinstance(value, str) or not value.strip():
            return []
        same = one_line(value).casefold() == one_line(str(self.example(ask))).casefold()
        return [f"{ask.id}: “{one_line(value)}”"] if same else []

    def paper(self, ask: Ask) -> PaperSpec:
        return PaperSpec("lines", lines=2)

    def describe(self, ask: Ask, indent: str = "") -> list[str]:
        return [f"{indent}#   type: {self.what} ({_need(ask.question)})"]

    def prompt(self, ask: Ask, default: Any) -> PromptSpec:
        hint = "Enter finishes." if ask.question.required else "Enter finishes; Enter on its own skips it."
        return PromptSpec(
            "text",
            hint=hint,
            brief=hint,
            default=default if isinstance(default, str) else "",
            required=ask.question.required,
        )


class LongTextKind(TextKind):
    name = "long_text"
    minutes = 1.5
    what = "text, any length"
    multiline = True
    block = True

    def fallback_example(self, ask: Ask) -> Any:
        return "Write your reflection here."

    def paper(self, ask: Ask) -> PaperSpec:
        return PaperSpec("box", lines=6)

    def prompt(self, ask: Ask, default: Any) -> PromptSpec:
        hint = "Enter on an empty line finishes (Enter twice); so do Esc Enter and Ctrl-D. Ctrl-E opens your editor."
        brief = "Enter twice to finish."
        if not ask.question.required:
            hint, brief = f"Optional. {hint}", f"Optional. {brief}"
        return PromptSpec(
            "text",
            hint=hint,
            brief=brief,
            default=default if isinstance(default, str) else "",
            multiline=True,
            required=ask.question.required,
        )
