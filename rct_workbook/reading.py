"""The reading of an assessment: pure functions from answers (and content) to data.

Nothing here prints, prompts or touches files. A reading describes movement along a
continuum and a mixture of culture features; it never gives a binary verdict, and it is
a reflective aid, not a validated measure.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from rct_workbook.model.content import Content

#: The answers the reading looks for, by question id (the contract with content/flows/assess.yaml).
SUPPORT_IN_PLACE = "support-in-place"
SUPPORT_PEOPLE = "support-people"
GOOD_THING_PREFIX = "good-thing-"
PRACTICES = "practices"
CONNECTING = "connecting"
SMALL_STEPS = "small-steps"

#: A culture counts as a real feature of the setting from this many ticked indicators...
MIN_CHECKED = 2
#: ...and this share of its indicators.
MIN_SHARE = 0.25
#: The leading culture is "mostly" that culture from this share, when clearly ahead.
MOSTLY_SHARE = 0.5
CLEARLY_AHEAD = 0.2
LOW_RATING = 2


@dataclass(frozen=True)
class GoodThingScore:
    id: str
    name: str
    opposite_name: str
    rating: int | None
    change: int | None = None  # since the last assessment that rated it


@dataclass(frozen=True)
class CultureShare:
    id: str
    name: str
    checked: int
    total: int

    @property
    def share(self) -> float:
        return self.checked / self.total if self.total else 0.0

    @property
    def significant(self) -> bool:
        return self.checked >= MIN_CHECKED and self.share >= MIN_SHARE


@dataclass(frozen=True)
class Suggestion:
    culture: str
    text: str


@dataclass(frozen=True)
class SmallStep:
    what: str
    with_whom: str | None
    by_when: str | None
    risk: str | None
    evidence: str | None


@dataclass(frozen=True)
class Reading:
    good_things: tuple[GoodThingScore, ...]
    mean: float | None
    band: str | None
    band_description: str | None
    mean_change: float | None
    profile: tuple[CultureShare, ...]
    profile_summary: str
    connecting: tuple[str, ...]
    suggestions: tuple[Suggestion, ...]
    warnings: tuple[str, ...]
    first_step: str | None
    steps: tuple[SmallStep, ...]

    def to_dict(self) -> dict[str, Any]:
        """The reading as compact plain data, for an entry's front matter and for JSON.

        ``good_things`` maps each good thing to its rating (null when not rated);
        ``change`` holds the movement since the last assessment where known; ``profile``
        maps each culture type to the practices ticked and its total; ``suggestions``
        lists the culture types whose opportunities are suggested.
        """
        data: dict[str, Any] = {
            "good_things": {g.id: g.rating for g in self.good_things},
            "change": {g.id: g.change for g in self.good_things if g.change is not None},
            "mean": None if self.mean is None else round(self.mean, 2),
            "mean_change": None if self.mean_change is None else round(self.mean_change, 2),
            "band": self.band,
            "profile": {c.id: {"checked": c.checked, "total": c.total} for c in self.profile},
            "profile_summary": self.profile_summary,
            "suggestions": list(dict.fromkeys(s.culture for s in self.suggestions)),
            "warnings": list(self.warnings),
            "first_step": self.first_step,
        }
        return data


def _lists(value: Any) -> Any:
    """Tuples become lists, so the data is the same after a YAML or JSON round trip."""
    if isinstance(value, dict):
        return {k: _lists(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_lists(v) for v in value]
    return value


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
    if mean is None:
        return None, None
    for band in content.the_continuum.bands:
        if band.min <= mean <= band.max:
            return band.label, band.description
    return None, None


def culture_profile(content: Content, checked: Sequence[str]) -> tuple[CultureShare, ...]:
    ticked = set(checked)
    return tuple(
        CultureShare(c.id, c.name, sum(1 for p in c.indicators if p.id in ticked), len(c.indicators))
        for c in content.cultures.values()
    )


def _short(name: str) -> str:
    """'Survival culture' -> 'survival', for sentences."""
    lowered = name.lower()
    return lowered[: -len(" culture")] if lowered.endswith(" culture") else lowered


def describe_profile(profile: Sequence[CultureShare]) -> str:
    """A sentence for a mixture of culture features, never a forced single label."""
    if not any(c.checked for c in profile):
        return "No clear pattern: no practices were ticked."
    leading = sorted((c for c in profile if c.significant), key=lambda c: (-c.share, c.id))
    if not leading:
        faint = sorted((c for c in profile if c.checked), key=lambda c: (-c.share, c.id))
        faint_names = " and ".join(_short(c.name) for c in faint[:2])
        return f"No clear pattern yet: a few {faint_names} features, too few to say more."
    top = leading[0]
    rest = leading[1:]
    if not rest:
        if top.share >= MOSTLY_SHARE:
            return f"Mostly {_short(top.name)} features."
        return f"Some {_short(top.name)} features."
    second = rest[0]
    if top.share - second.share >= CLEARLY_AHEAD and top.share >= MOSTLY_SHARE:
        others = " and ".join(_short(c.name) for c in rest)
        return f"Mostly {_short(top.name)}, with {others} features."
    names = [_short(c.name) for c in leading]
    return f"A mixture of {', '.join(names[:-1])} and {names[-1]} features."


def small_steps(answers: Mapping[str, Any]) -> tuple[SmallStep, ...]:
    rows = answers.get(SMALL_STEPS) or []
    return tuple(
        SmallStep(row.get("what") or "", row.get("with-whom"), row.get("by-when"), row.get("risk"), row.get("evidence"))
        for row in rows
        if isinstance(row, dict)
    )


def read(content: Content, answers: Mapping[str, Any], previous: Mapping[str, int] | None = None) -> Reading:
    """The reading for one assessment; ``previous`` holds the last ratings by good thing."""
    scores = good_thing_scores(content, answers, previous)
    mean = mean_of(scores)
    band, band_description = band_for(content, mean)
    changes = [s.change for s in scores if s.change is not None]
    mean_change = sum(changes) / len(changes) if changes else None
    profile = culture_profile(content, answers.get(PRACTICES) or [])
    leading = [c for c in profile if c.significant]
    suggestions = tuple(
        Suggestion(c.id, text)
        for c in sorted(leading, key=lambda c: -c.share)
        for text in content.cultures[c.id].opportunities
    )
    steps = small_steps(answers)
    warnings: list[str] = []
    first_step = None
    if answers.get(SUPPORT_IN_PLACE) is False:
        warnings.append(
            "No system of support is in place yet. The paper is clear that this model is not to be "
            "worked alone: before acting on the steps, build support."
        )
        first_step = (
            "Networking (Fletcher, 1999): find one or two people, inside or outside work, who value "
            "relational practice, and talk with them before taking other steps."
        )
    for i, step in enumerate(steps, 1):
        if step.risk == "high" and not (step.with_whom or "").strip():
            warnings.append(
                f"Small step {i} is high-risk and names no ally. Consider who could take it with you, "
                "or a smaller step that tests the waters first."
            )
    rated = [s.rating for s in scores if s.rating is not None]
    if len(rated) == len(scores) and rated and all(r <= LOW_RATING for r in rated):
        warnings.append(
            "Every good thing is rated low. That is a lot to carry. Please look after yourself: lean on "
            "the people who support you, and see 'rct learn framework' on sustaining oneself."
        )
    connecting_labels = {p.id: p.text for p in content.connecting_practices.values()}
    connecting = tuple(connecting_labels[p] for p in answers.get(CONNECTING) or [] if p in connecting_labels)
    return Reading(
        good_things=scores,
        mean=mean,
        band=band,
        band_description=band_description,
        mean_change=mean_change,
        profile=profile,
        profile_summary=describe_profile(profile),
        connecting=connecting,
        suggestions=suggestions,
        warnings=tuple(warnings),
        first_step=first_step,
        steps=steps,
    )
