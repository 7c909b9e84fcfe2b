"""What the reading says of the last plan ("Since last time"): pure, from content rules.

The responses themselves live in ``content/review.yaml``; this module only decides which
response speaks of which reviewed step.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from rct_workbook.model.content import Content


@dataclass(frozen=True)
class Reviewed:
    """One step as reviewed: what it was, its new status, and how often it has now been carried."""

    step: str
    what: str
    status: str
    note: str | None
    times_carried: int


@dataclass(frozen=True)
class ReviewNote:
    id: str
    title: str
    text: str
    cite: tuple[str, ...]
    steps: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "steps": list(self.steps)}


def quoted(whats: Sequence[str]) -> str:
    names = [f"“{' '.join(w.split())}”" for w in whats]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def review_notes(content: Content, reviewed: Sequence[Reviewed]) -> tuple[ReviewNote, ...]:
    """One note per response that holds, in content order, naming the steps it speaks of."""
    rules = list(content.review_readings.values())
    chosen: dict[str, list[Reviewed]] = {}
    for item in reviewed:
        fitting = [r for r in rules if r.status == item.status and item.times_carried >= r.min_times_carried]
        if not fitting:
            continue
        # The most particular response speaks: "carried three times" before "carried".
        rule = max(fitting, key=lambda r: r.min_times_carried)
        chosen.setdefault(rule.id, []).append(item)
    notes = []
    for rule in rules:
        items = chosen.get(rule.id)
        if not items:
            continue
        notes.append(
            ReviewNote(
                id=rule.id,
                title=rule.title,
                text=" ".join(rule.text.replace("{steps}", quoted([i.what for i in items])).split()),
                cite=tuple(rule.cite),
                steps=tuple(i.step for i in items),
            )
        )
    return tuple(notes)
