"""Questions as data: resolving their choices, checking answers, walking a flow.

The walk does not know who answers. It is handed an ``Asker`` — the questionary
adapter in a terminal, or an answers file — and the same checks apply to both.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import Any

from rct_workbook.model.answers import Ask, Asker, applies, check, check_all, plural, resolve

__all__ = [
    "Ask",
    "Asker",
    "GoBack",
    "applies",
    "check",
    "check_all",
    "plural",
    "resolve",
    "take_back",
    "walk",
    "walk_sections",
]


class GoBack(Exception):
    """What an asker raises when the person asks for the previous question again (Ctrl-B or Alt-←).

    ``given`` is what they had typed or ticked at the question they left, kept for when it
    is asked again.
    """

    def __init__(self, given: Any = None):
        super().__init__("back to the previous question")
        self.given = given


def walk(
    asks: Sequence[Ask],
    asker: Asker,
    answers: dict[str, Any] | None = None,
    on_answer: Callable[[dict[str, Any]], None] | None = None,
    defaults: Mapping[str, Any] | None = None,
    title: str = "",
    *,
    back_out: bool = False,
) -> dict[str, Any]:
    """Ask every question that applies and is not yet answered, in order.

    ``answers`` holds what is already known (a resumed draft); each new answer is
    checked, added, and handed to ``on_answer`` at once so a draft can be saved.
    Each question is told its place ("Step 1: Read it · 4 of 9"; ``title`` first).
    The person may go back (the asker raises ``GoBack``): the previous question of this
    walk is asked again with its answer offered; with ``back_out`` going back from the
    first question raises ``GoBack`` to the caller, whose questions came before.
    """
    return _walk([(None, title, asks)], asker, answers, on_answer, None, defaults, back_out)


def walk_sections(
    sections: Sequence[tuple[Any, Sequence[Ask]]],
    asker: Asker,
    answers: dict[str, Any] | None = None,
    on_answer: Callable[[dict[str, Any]], None] | None = None,
    on_section: Callable[[Any], None] | None = None,
    defaults: Mapping[str, Any] | None = None,
    *,
    back_out: bool = False,
) -> dict[str, Any]:
    """Walk several sections in order, as ``walk`` does (going back crosses sections);
    ``on_section`` is told once before a section with questions left."""
    parts = [(section, str(getattr(section, "title", "") or ""), asks) for section, asks in sections]
    return _walk(parts, asker, answers, on_answer, on_section, defaults, back_out)


def _walk(
    parts: Sequence[tuple[Any, str, Sequence[Ask]]],
    asker: Asker,
    answers: dict[str, Any] | None,
    on_answer: Callable[[dict[str, Any]], None] | None,
    on_section: Callable[[Any], None] | None,
    defaults: Mapping[str, Any] | None,
    back_out: bool,
) -> dict[str, Any]:
    answers = dict(answers or {})
    #: (part, question) of each question answered in this walk, in order: the way back.
    history: list[tuple[int, int]] = []
    #: Answers taken back (and what was typed at a question left): offered when asked again.
    again: dict[str, Any] = {}
    told: set[int] = set()
    #: Every question of the walk by id: what an ``asked`` prompt names is looked up here.
    earlier = {a.id: a for _, _, asks in parts for a in asks}
    p, i = 0, 0
    while p < len(parts):
        section, title, asks = parts[p]
        if p not in told:
            told.add(p)
            if on_section is not None and any(a.id not in answers and applies(a, answers) for a in asks):
                on_section(section)
        if i >= len(asks):
            for ask in asks:  # a condition that no longer holds drops its answer
                if ask.id in answers and not applies(ask, answers):
                    del answers[ask.id]
            p, i = p + 1, 0
            continue
        ask = asks[i]
        if not applies(ask, answers):
            answers.pop(ask.id, None)
            i += 1
            continue
        if ask.id in answers:
            i += 1
            continue
        asked = [a.id for a in asks if applies(a, answers)]
        place = f"{asked.index(ask.id) + 1} of {len(asked)}"
        shown = replace(ask, place=f"{title} · {place}" if title else place, can_go_back=bool(history) or back_out)
        shown = shown.as_asked(answers, earlier)
        default = again.pop(ask.id) if ask.id in again else (defaults or {}).get(ask.id)
        try:
            answers[ask.id] = check(ask, asker.ask(shown, default))
        except GoBack as back:
            if back.given is not None:
                again[ask.id] = back.given
            if not history:
                if back_out:
                    raise
                continue  # nothing before it here: the same question again
            p, i = history.pop()
            taken = parts[p][2][i].id
            again[taken] = answers.pop(taken)
            continue
        history.append((p, i))
        if on_answer is not None:
            on_answer(dict(answers))
        i += 1
    every = [a for _, _, asks in parts for a in asks]
    return {a.id: answers[a.id] for a in every if a.id in answers and applies(a, answers)}


def take_back(
    sections: Sequence[tuple[Any, Sequence[Ask]]], answers: Mapping[str, Any]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Going back into ``sections`` from the walk after them: ``answers`` without the last
    of those sections' questions answered, and that answer (to offer when it is asked again)."""
    answered = [a.id for _, asks in sections for a in asks if a.id in answers]
    if not answered:
        return dict(answers), {}
    last = answered[-1]
    return {k: v for k, v in answers.items() if k != last}, {last: answers[last]}


def minutes_to_answer(asks: Sequence[Ask]) -> int:
    """About how long the questions take to answer thoughtfully, rounded up to five minutes.

    Questions asked only on a condition are left out; each type says how long it takes.
    """
    minutes = sum(a.kind.minutes for a in asks if a.question.when is None)
    return max(5, 5 * math.ceil(minutes / 5))
