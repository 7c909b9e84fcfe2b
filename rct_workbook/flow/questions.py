"""Questions as data: resolving their choices, checking answers, walking a flow.

The walk does not know who answers. It is handed an ``Asker`` — the questionary
adapter in a terminal, or an answers file — and the same checks apply to both.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from typing import Any, Protocol

from rct_workbook.errors import AnswersError
from rct_workbook.model.content import Content
from rct_workbook.model.question_types import Ask
from rct_workbook.model.schema import Question

__all__ = ["Ask", "Asker", "applies", "check", "check_all", "plural", "resolve", "walk", "walk_sections"]


def resolve(questions: Iterable[Question], content: Content, section: str = "") -> tuple[Ask, ...]:
    """Turn content questions into Asks, filling ``choices_from`` from the model."""
    asks = []
    for q in questions:
        if q.choices is not None:
            choices = q.choices
        elif q.choices_from is not None:
            choices = content.choices_for(q.choices_from)
        else:
            choices = ()
        fields = resolve(q.fields, content, section) if q.fields else ()
        asks.append(Ask(q, choices, fields, section))
    return tuple(asks)


class Asker(Protocol):
    """Something that answers a question: a person at a terminal, or a file."""

    def ask(self, ask: Ask, default: Any = None) -> Any: ...

    def choose(self, prompt: str, options: Sequence[tuple[str, str]], default: str | None = None) -> Any:
        """One of ``options`` ((value, label) pairs), for a question the tool itself asks."""
        ...

    def confirm(self, prompt: str, default: bool = True) -> Any:
        """Yes or no, for a question the tool itself asks."""
        ...


# --- checking one answer -------------------------------------------------------------------


def check(ask: Ask, value: Any) -> Any:
    """Return ``value`` as it is stored, or raise ValueError saying what is wrong.

    ``None`` (or empty text, or an empty list) means "not answered": allowed only
    for questions that are not required. Each question type owns its own checks.
    """
    return ask.kind.check(ask, value)


def applies(ask: Ask, answers: Mapping[str, Any]) -> bool:
    """Whether ``ask``'s condition (if any) holds for the answers given so far."""
    cond = ask.question.when
    if cond is None:
        return True
    given = answers.get(cond.question)
    if cond.equals is not None:
        return bool(given == cond.equals and type(given) is type(cond.equals))
    if cond.not_equals is not None:
        return not (given == cond.not_equals and type(given) is type(cond.not_equals))
    # The schema admits exactly one test, so this is ``includes``.
    return isinstance(given, list) and cond.includes in given


def check_all(asks: Sequence[Ask], answers: Any, *, source: str = "the answer set") -> dict[str, Any]:
    """Check a whole set of answers; raise one AnswersError listing every problem.

    Answers to questions whose condition does not hold are dropped.
    """
    if answers is None:
        answers = {}
    if not isinstance(answers, dict):
        raise AnswersError(f"{source} must be a mapping of question ids to answers")
    problems: list[str] = []
    known = {a.id for a in asks}
    for key in answers:
        if key not in known:
            problems.append(f"{key}: not a question here")
    clean: dict[str, Any] = {}
    for ask in asks:
        if not applies(ask, clean):
            continue
        try:
            clean[ask.id] = check(ask, answers.get(ask.id))
        except ValueError as exc:
            problems.append(f"{ask.id}: {exc}")
    if problems:
        raise AnswersError(
            f"{source} has {plural(len(problems), 'problem')}; nothing was saved",
            details=tuple(problems),
        )
    return clean


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def walk(
    asks: Sequence[Ask],
    asker: Asker,
    answers: dict[str, Any] | None = None,
    on_answer: Callable[[dict[str, Any]], None] | None = None,
    defaults: Mapping[str, Any] | None = None,
    title: str = "",
) -> dict[str, Any]:
    """Ask every question that applies and is not yet answered, in order.

    ``answers`` holds what is already known (a resumed draft); each new answer is
    checked, added, and handed to ``on_answer`` at once so a draft can be saved.
    Each question is told its place ("Step 1: Read it · 4 of 9"; ``title`` first).
    """
    answers = dict(answers or {})
    for ask in asks:
        if not applies(ask, answers):
            answers.pop(ask.id, None)
            continue
        if ask.id in answers:
            continue
        default = (defaults or {}).get(ask.id)
        asked = [a.id for a in asks if applies(a, answers)]
        place = f"{asked.index(ask.id) + 1} of {len(asked)}"
        shown = replace(ask, place=f"{title} · {place}" if title else place)
        answers[ask.id] = check(ask, asker.ask(shown, default))
        if on_answer is not None:
            on_answer(dict(answers))
    return {a.id: answers[a.id] for a in asks if a.id in answers and applies(a, answers)}


def walk_sections(
    sections: Sequence[tuple[Any, Sequence[Ask]]],
    asker: Asker,
    answers: dict[str, Any] | None = None,
    on_answer: Callable[[dict[str, Any]], None] | None = None,
    on_section: Callable[[Any], None] | None = None,
    defaults: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """Walk several sections in order; ``on_section`` is told before a section with questions left."""
    answers = dict(answers or {})
    for section, asks in sections:
        pending = [a for a in asks if a.id not in answers and applies(a, answers)]
        if pending and on_section is not None:
            on_section(section)
        title = str(getattr(section, "title", "") or "")
        answers.update(walk(asks, asker, answers, on_answer, defaults, title=title))
        for ask in asks:  # a condition that no longer holds drops its answer
            if ask.id in answers and not applies(ask, answers):
                del answers[ask.id]
    every = [a for _, asks in sections for a in asks]
    return {a.id: answers[a.id] for a in every if a.id in answers}


def minutes_to_answer(asks: Sequence[Ask]) -> int:
    """About how long the questions take to answer thoughtfully, rounded up to five minutes.

    Questions asked only on a condition are left out; each type says how long it takes.
    """
    minutes = sum(a.kind.minutes for a in asks if a.question.when is None)
    return max(5, 5 * math.ceil(minutes / 5))
