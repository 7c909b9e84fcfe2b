"""The question type answered in rows of the question's own fields (``repeat``): the plan
of small steps, each step with whom, by when, its risk and what would show it worked."""

from __future__ import annotations

from typing import Any, ClassVar

from rct_workbook.model.answer_text import is_empty, kind_of_value, short_label
from rct_workbook.model.commonmark import escape_line
from rct_workbook.model.question_kind import (
    QUESTION_TYPES,
    Ask,
    PaperSpec,
    PromptSpec,
    QuestionKind,
    QuestionLike,
    describe,
)


class RepeatKind(QuestionKind):
    name = "repeat"
    has_rows = True
    minutes = 3.0
    empty: ClassVar[Any] = []
    block = True

    def shape(self, q: QuestionLike) -> None:
        if q.choices is not None or q.choices_from is not None:
            raise ValueError(f"a {q.type} question takes no choices")
        if not q.fields:
            raise ValueError("a repeat question needs fields")
        if q.min_items > q.max_items:
            raise ValueError("min_items is larger than max_items")
        if any(f.type == self.name for f in q.fields):
            raise ValueError("a repeat question cannot hold another repeat")

    def check_empty(self, ask: Ask) -> Any:
        q = ask.question
        if q.min_items > 0:
            raise ValueError(f"at least {q.min_items} {'entry is' if q.min_items == 1 else 'entries are'} needed")
        return []

    def check_given(self, ask: Ask, value: Any) -> Any:
        q = ask.question
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise ValueError(f"expected a list of entries, got {kind_of_value(value)}")
        if not q.min_items <= len(value) <= q.max_items:
            raise ValueError(f"expected from {q.min_items} to {q.max_items} entries, got {len(value)}")
        known = {f.id for f in ask.fields}
        rows = []
        for i, row in enumerate(value, 1):
            extra = [k for k in row if k not in known]
            if extra:
                raise ValueError(f"entry {i}: unknown field {extra[0]!r}")
            clean_row: dict[str, Any] = {}
            for field in ask.fields:
                try:
                    clean_row[field.id] = field.kind.check(field, row.get(field.id))
                except ValueError as exc:
                    raise ValueError(f"entry {i}, {field.id}: {exc}") from None
            rows.append(clean_row)
        return rows

    def fallback_example(self, ask: Ask) -> Any:
        return [{f.id: f.kind.example(f) for f in ask.fields} for _ in range(max(ask.question.min_items, 1))]

    def free_texts(self, question: QuestionLike, value: Any) -> list[str]:
        if not isinstance(value, list):
            return []
        fields = {f.id: f for f in question.fields or ()}
        return [
            text
            for row in value
            if isinstance(row, dict)
            for key, given in row.items()
            if key in fields
            for text in QUESTION_TYPES[fields[key].type].free_texts(fields[key], given)
        ]

    def still_example(self, ask: Ask, value: Any) -> list[str]:
        if not isinstance(value, list):
            return []
        found: list[str] = []
        for i, row in enumerate(value, 1):
            if isinstance(row, dict):
                for field in ask.fields:
                    found.extend(
                        f"{ask.id}, entry {i}, {where}" for where in field.kind.still_example(field, row.get(field.id))
                    )
        return found

    def describe(self, ask: Ask, indent: str = "") -> list[str]:
        q = ask.question
        many = f"{q.max_items} {'entry' if q.max_items == 1 else 'entries'}"
        count = f"{q.min_items} to {many}" if q.min_items else f"up to {many}"
        count = many if q.min_items == q.max_items else count
        out = [f"{indent}#   type: a list of {count}, each with:"]
        for field in ask.fields:
            out.extend(describe(field, indent + "  "))
        return out

    def prompt(self, ask: Ask, default: Any) -> PromptSpec:
        return PromptSpec("repeat", required=ask.question.required)

    def paper(self, ask: Ask) -> PaperSpec:
        low, high = ask.question.min_items, ask.question.max_items
        if high == 1:  # one row says how many by itself; whether it may stay empty goes in the tags
            return PaperSpec("repeat", lines=1, says_optional=True)
        how = f"Write {low} to {high}." if low and low != high else f"Write up to {high}."
        return PaperSpec("repeat", how=how, lines=high, says_optional=False)

    def markdown_given(self, ask: Ask, value: Any) -> str:
        blocks = []
        for i, row in enumerate(value, 1):
            # Its short name where it has one: a long question is not repeated before each entry.
            name = ask.question.label or ask.question.prompt
            parts = [f"{i}. {escape_line(name.rstrip('?:. '))} {i}"]
            for field in ask.fields:
                parts.append("")
                parts.append(f"   *{escape_line(field.question.prompt)}*")
                parts.append("")
                body = field.kind.markdown(field, row.get(field.id))
                parts.extend(f"   {line}" if line else "" for line in body.split("\n"))
            blocks.append("\n".join(parts))
        return "\n\n".join(blocks)

    def plain_given(self, ask: Ask, value: Any) -> str:
        rows = []
        for i, row in enumerate(value, 1):
            parts = []
            for f in ask.fields:
                given = row.get(f.id)
                parts.append(f"{short_label(f.question.prompt)}: {'—' if is_empty(given) else f.kind.plain(f, given)}")
            rows.append(f"{i}. " + "; ".join(parts))
        return "\n".join(rows)
