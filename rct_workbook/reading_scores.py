"""The reading's scores: the good things' ratings and their band on the continuum, the
culture profile, and the plan's small steps, from the answers and the content."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from rct_workbook.model.answers import BY_WHEN, SMALL_STEPS, WITH_WHOM
from rct_workbook.model.content import Content
from rct_workbook.reading_records import (
    GOOD_THING_PREFIX,
    CultureShare,
    GoodThingScore,
    PlanStep,
    SmallStep,
    _and,
    _short,
)

#: One present culture leads a combination only with at least this many times the ticks of
#: the next, and at least LEAD_BY more: counts decide, never the length of a list.
LEAD_RATIO = 2
LEAD_BY = 2
#: A mean on the edge between two bands belongs to the band nearer the middle of the scale,
#: so the bands read the same both ways (a first 3.0 leans neither way).
SCALE_MIDDLE = 3.0
EDGE = 1e-9


def good_thing_scores(
    content: Content, answers: Mapping[str, Any], previous: Mapping[str, int] | None = None
) -> tuple[GoodThingScore, ...]:
    scores = []
    for g in content.good_things.values():
        rating = answers.get(GOOD_THING_PREFIX + g.id)
        rating = rating if isinstance(rating, int) and not isinstance(rating, bool) else None
        before = (previous or {}).get(g.id)
        change = rating - before if rating is not None and before is not None else None
        scores.append(GoodThingScore(g.id, g.name, g.opposite_name, rating, change))
    return tuple(scores)


def mean_of(scores: Sequence[GoodThingScore]) -> float | None:
    rated = [s.rating for s in scores if s.rating is not None]
    return sum(rated) / len(rated) if rated else None


def band_for(content: Content, mean: float | None) -> tuple[str, str] | tuple[None, None]:
    """The band a mean falls in. The bands are the workbook's own, symmetric about the middle
    of the scale (content validation checks it); an edge belongs to the band nearer the middle."""
    if mean is None:
        return None, None
    for band in content.the_continuum.bands:
        # The band on the middle's side of an edge owns it: below the middle that is the
        # band above the edge, above the middle the band below it.
        low_ok = mean > band.min + EDGE or (abs(mean - band.min) <= EDGE and band.min < SCALE_MIDDLE)
        high_ok = mean < band.max - EDGE or (abs(mean - band.max) <= EDGE and band.max > SCALE_MIDDLE)
        if low_ok and high_ok:
            return band.label, band.description
    return None, None


def culture_profile(content: Content, checked: Sequence[str]) -> tuple[CultureShare, ...]:
    ticked = set(checked)
    return tuple(
        CultureShare(c.id, c.name, sum(1 for p in c.indicators if p.id in ticked), len(c.indicators))
        for c in content.cultures.values()
    )


def present_in_order(profile: Sequence[CultureShare]) -> list[CultureShare]:
    """The cultures with a real share of ticks, most ticks first (ties in content order)."""
    return sorted((c for c in profile if c.significant), key=lambda c: -c.checked)


def describe_profile(profile: Sequence[CultureShare]) -> str:
    """A sentence for a mixture of culture features, never a forced single label.

    The paper reads settings as "some combination" of the three types, so every culture
    with a real share of ticks is named; one leads only when it clearly has more ticks.
    """
    if not any(c.checked for c in profile):
        return "No practices were ticked, so there is no culture profile this time."
    present = present_in_order(profile)
    if not present:
        faint = [_short(c.name) for c in sorted((c for c in profile if c.checked), key=lambda c: -c.checked)]
        return f"A few {_and(faint)} features, too few to say more."
    names = [_short(c.name) for c in present]
    if len(present) == 1:
        return f"Mostly {names[0]} features."
    top, second = present[0], present[1]
    combination = f"A combination of {_and(names)} features"
    if top.checked >= LEAD_RATIO * second.checked and top.checked - second.checked >= LEAD_BY:
        return f"{combination}, most of them {names[0]}."
    return f"{combination}."


def small_steps(answers: Mapping[str, Any]) -> tuple[SmallStep, ...]:
    rows = answers.get(SMALL_STEPS) or []
    return tuple(
        SmallStep(row.get("what") or "", row.get(WITH_WHOM), row.get(BY_WHEN), row.get("risk"), row.get("evidence"))
        for row in rows
        if isinstance(row, dict)
    )


def with_carried(answers: Mapping[str, Any], carried: Sequence[PlanStep]) -> Mapping[str, Any]:
    """The answers as the rules read them: the plan holds the steps carried into it as well."""
    if not carried:
        return answers
    own = [row for row in answers.get(SMALL_STEPS) or [] if isinstance(row, dict)]
    rows = [
        {"what": s.what, WITH_WHOM: s.with_whom, BY_WHEN: s.by_when, "risk": s.risk, "evidence": s.evidence}
        for s in carried
    ]
    return {**answers, SMALL_STEPS: [*own, *rows]}


def asked_in(content: Content, section: str | None) -> frozenset[str] | None:
    """The question ids a one-step assessment asked (None: the whole flow was asked)."""
    flow = content.flows.get("assess")
    if section is None or flow is None:
        return None
    return frozenset(q.id for s in flow.sections if s.step == section for q in s.questions)
