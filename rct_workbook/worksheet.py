"""Printable worksheets: the same questions as ``rct assess`` and ``rct vignette``, for
people who will not use a terminal.

Built from the flow content itself (every section, question, help line and choice,
resolved as the prompts resolve them), so the paper version cannot drift from the
terminal one. Pure: returns data for ``render/worksheet_view.py``.
"""

from __future__ import annotations

from dataclasses import dataclass

from rct_workbook.model import schema as s
from rct_workbook.model.answers import Ask, resolve
from rct_workbook.model.content import Content


@dataclass(frozen=True)
class Item:
    ask: Ask
    number: str  # "3", or "12a" for a field of a repeated question
    condition: str | None  # when to answer it, in words


@dataclass(frozen=True)
class Block:
    title: str
    intro: str | None
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Worksheet:
    title: str
    intro: str | None
    #: The case to read first (vignette worksheets): part title and paragraphs.
    case: tuple[tuple[str, tuple[str, ...]], ...]
    care_note: str | None
    blocks: tuple[Block, ...]
    discussion_questions: tuple[str, ...]
    cite: tuple[str, ...]
    disclaimer: str

    def asks(self) -> list[Ask]:
        """Every question on the sheet, in order (fields of repeated questions included)."""
        out = []
        for block in self.blocks:
            for item in block.items:
                out.append(item.ask)
                out.extend(item.ask.fields)
        return out


def _answer_words(ask: Ask, value: object) -> str:
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, str):
        return ask.label_of(value)
    return str(value)


def condition_text(ask: Ask, earlier: dict[str, tuple[str, Ask]]) -> str | None:
    """When to answer ``ask``, in words that point at the earlier question's number."""
    cond = ask.question.when
    if cond is None or cond.question not in earlier:
        return None
    number, before = earlier[cond.question]
    if cond.equals is not None:
        return f"Answer only if you answered {_answer_words(before, cond.equals)!r} to question {number}."
    if cond.not_equals is not None:
        return f"Answer only if you did not answer {_answer_words(before, cond.not_equals)!r} to question {number}."
    return f"Answer only if you ticked {_answer_words(before, cond.includes)!r} in question {number}."


def _blocks(sections: list[tuple[str, str | None, tuple[Ask, ...]]]) -> tuple[Block, ...]:
    earlier: dict[str, tuple[str, Ask]] = {}
    number = 0
    blocks = []
    for title, intro, asks in sections:
        items = []
        for ask in asks:
            number += 1
            items.append(Item(ask, str(number), condition_text(ask, earlier)))
            earlier[ask.id] = (str(number), ask)
        blocks.append(Block(title, intro, tuple(items)))
    return tuple(blocks)


def assess_worksheet(content: Content) -> Worksheet:
    flow = content.flow("assess")
    sections = [(sec.title, sec.intro, resolve(sec.questions, content, sec.id)) for sec in flow.sections]
    return Worksheet(
        title=flow.title,
        intro=flow.intro,
        case=(),
        care_note=None,
        blocks=_blocks(sections),
        discussion_questions=flow.discussion_questions,
        cite=flow.cite,
        disclaimer=content.meta.disclaimer,
    )


def vignette_worksheet(content: Content, name: str) -> Worksheet:
    vignette: s.Vignette = content.vignette(name)
    asks = resolve(vignette.reflection, content)
    return Worksheet(
        title=vignette.title,
        intro=None,
        case=tuple((p.title, p.text) for p in vignette.parts),
        care_note=vignette.care_note,
        blocks=_blocks([("Your reflection", None, asks)]),
        discussion_questions=vignette.discussion_questions,
        cite=vignette.cite,
        disclaimer=content.meta.disclaimer,
    )
