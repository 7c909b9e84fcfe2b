"""Questions as data, below every flow: resolving their choices and checking answers.

The journal (re-checking stored answers for an export), the renderers and the flows all
need these, so they live in the model layer; ``flow.questions`` walks a flow with them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Protocol

from rct_workbook.errors import AnswersError
from rct_workbook.model.question_types import Ask

if TYPE_CHECKING:
    # Only named in annotations: the journal imports this module to read entries, and the
    # content models cost more to import than everything it uses here.
    from rct_workbook.model.content import Content
    from rct_workbook.model.schema import Question

#: Answer ids the code reads by name: the assessment's plan of small steps and its fields.
SMALL_STEPS = "small-steps"
WITH_WHOM = "with-whom"
BY_WHEN = "by-when"

__all__ = ["Ask", "Asker", "applies", "check", "check_all", "plural", "resolve", "texts_in"]


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


def check_all(
    asks: Sequence[Ask], answers: Any, *, source: str = "the answer set", problems: Sequence[str] = ()
) -> dict[str, Any]:
    """Check a whole set of answers; raise one AnswersError listing every problem
    (``problems`` found before, e.g. in a `review:` list, come first).

    Answers to questions whose condition does not hold are dropped.
    """
    if answers is None:
        answers = {}
    if not isinstance(answers, dict):
        raise AnswersError(f"{source} must be a mapping of question ids to answers")
    problems = list(problems)
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


def texts_in(value: Any) -> list[str]:
    """Every piece of free text in an answer (repeated questions included)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [t for v in value for t in texts_in(v)]
    if isinstance(value, dict):
        return [t for v in value.values() for t in texts_in(v)]
    return []
