"""Questions as data: resolving their choices, checking answers, walking a flow.

The walk does not know who answers. It is handed an ``Asker`` — the questionary
adapter in a terminal, or an answers file — and the same checks apply to both.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from rct_workbook.errors import AnswersError
from rct_workbook.model.content import Content
from rct_workbook.model.schema import Choice, Question

MAX_TEXT = 20_000
RATING_MIN, RATING_MAX = 1, 5


@dataclass(frozen=True)
class Ask:
    """A question ready to ask: its content, with choices resolved from the model."""

    question: Question
    choices: tuple[Choice, ...] = ()
    fields: tuple[Ask, ...] = ()
    section: str = ""

    @property
    def id(self) -> str:
        return self.question.id

    @property
    def type(self) -> str:
        return self.question.type

    @property
    def values(self) -> tuple[str, ...]:
        return tuple(c.value for c in self.choices)

    def label_of(self, value: str) -> str:
        for choice in self.choices:
            if choice.value == value:
                return choice.label
        return value


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


# --- checking one answer -------------------------------------------------------------------


def clean_text(value: str) -> str:
    """Typed text as stored: CRLF and CR become newlines, broken surrogates U+FFFD."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return value.encode("utf-8", "replace").decode("utf-8") if _has_surrogate(value) else value


def _has_surrogate(value: str) -> bool:
    return any("\ud800" <= ch <= "\udfff" for ch in value)


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "a yes/no value"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, (_dt.date, _dt.datetime)):
        return "a date"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def check(ask: Ask, value: Any) -> Any:
    """Return ``value`` as it is stored, or raise ValueError saying what is wrong.

    ``None`` (or empty text, or an empty list) means "not answered": allowed only
    for questions that are not required.
    """
    q = ask.question
    if value is None or value == [] or (isinstance(value, str) and not value.strip()):
        if q.type == "repeat" and q.min_items > 0:
            raise ValueError(f"at least {q.min_items} {'entry is' if q.min_items == 1 else 'entries are'} needed")
        if q.required and q.type != "repeat":
            raise ValueError("an answer is needed")
        return [] if q.type in ("multi", "repeat") else None
    if q.type in ("text", "long_text"):
        if not isinstance(value, str):
            raise ValueError(f"expected text, got {_kind(value)} (put it in quotes)")
        value = clean_text(value)
        if len(value) > MAX_TEXT:
            raise ValueError(f"the text is longer than {MAX_TEXT} characters")
        if q.type == "text" and "\n" in value.strip("\n"):
            raise ValueError("expected one line of text")
        return value
    if q.type == "choice":
        if not isinstance(value, str):
            raise ValueError(f"expected one of the choices, got {_kind(value)}")
        if value not in ask.values:
            raise ValueError(f"{value!r} is not one of the choices ({', '.join(ask.values)})")
        return value
    if q.type == "multi":
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ValueError(f"expected a list of choices, got {_kind(value)}")
        unknown = [v for v in value if v not in ask.values]
        if unknown:
            raise ValueError(f"not among the choices: {', '.join(map(repr, unknown))}")
        if len(set(value)) != len(value):
            raise ValueError("a choice is listed twice")
        order = {v: i for i, v in enumerate(ask.values)}
        return sorted(value, key=order.__getitem__)
    if q.type == "rating":
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(f"expected a whole number from {RATING_MIN} to {RATING_MAX}, got {_kind(value)}")
        if not RATING_MIN <= value <= RATING_MAX:
            raise ValueError(f"{value} is outside the scale {RATING_MIN} to {RATING_MAX}")
        return value
    if q.type == "yes_no":
        if not isinstance(value, bool):
            raise ValueError(f"expected yes or no (true/false), got {_kind(value)}")
        return value
    if q.type == "repeat":
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise ValueError(f"expected a list of entries, got {_kind(value)}")
        if not q.min_items <= len(value) <= q.max_items:
            raise ValueError(f"expected from {q.min_items} to {q.max_items} entries, got {len(value)}")
        rows = []
        for i, row in enumerate(value, 1):
            known = {f.id for f in ask.fields}
            extra = [k for k in row if k not in known]
            if extra:
                raise ValueError(f"entry {i}: unknown field {extra[0]!r}")
            clean_row: dict[str, Any] = {}
            for field in ask.fields:
                try:
                    clean_row[field.id] = check(field, row.get(field.id))
                except ValueError as exc:
                    raise ValueError(f"entry {i}, {field.id}: {exc}") from None
            rows.append(clean_row)
        return rows
    raise ValueError(f"unknown question type {q.type!r}")  # pragma: no cover


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
    if cond.includes is not None:
        return isinstance(given, list) and cond.includes in given
    return True  # pragma: no cover - the schema requires one test


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
) -> dict[str, Any]:
    """Ask every question that applies and is not yet answered, in order.

    ``answers`` holds what is already known (a resumed draft); each new answer is
    checked, added, and handed to ``on_answer`` at once so a draft can be saved.
    """
    answers = dict(answers or {})
    for ask in asks:
        if not applies(ask, answers):
            answers.pop(ask.id, None)
            continue
        if ask.id in answers:
            continue
        default = (defaults or {}).get(ask.id)
        answers[ask.id] = check(ask, asker.ask(ask, default))
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
        answers.update(walk(asks, asker, answers, on_answer, defaults))
        for ask in asks:  # a condition that no longer holds drops its answer
            if ask.id in answers and not applies(ask, answers):
                del answers[ask.id]
    every = [a for _, asks in sections for a in asks]
    return {a.id: answers[a.id] for a in every if a.id in answers}
