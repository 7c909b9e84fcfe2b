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

__all__ = ["Ask", "Asker", "applies", "check", "check_all", "plural", "resolve", "walk", "walk_sections"]


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
