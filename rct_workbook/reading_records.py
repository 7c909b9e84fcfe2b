"""The reading's records: what a reading holds and how each part says itself.

Frozen dataclasses built by ``reading.read`` (the scores, the culture profile, the plan's
steps, the responses, the care note) and the plan's rows every renderer shares. Nothing
here reads content, prints or prompts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from rct_workbook.care import CareReason
    from rct_workbook.reading_rules import Reviewed

#: The answers the reading looks for, by question id (the contract with content/flows/assess.yaml).
SUPPORT_IN_PLACE = "support-in-place"
SUPPORT_PEOPLE = "support-people"
GOOD_THING_PREFIX = "good-thing-"
PRACTICES = "practices"
CONNECTING = "connecting"
#: The rule whose response is the reading's "first step" (support before the steps).
FIRST_STEP_RULE = "no-support-yet"

#: A culture counts as present (a real share of the ticks) from this many ticked indicators...
MIN_CHECKED = 2
#: ...and this share of its own indicators.
MIN_SHARE = 0.2


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


class PlanStep(Protocol):
    """A small step as the plan shows it: one just planned (`SmallStep`) or one carried in (the journal's steps)."""

    @property
    def what(self) -> str: ...
    @property
    def with_whom(self) -> str | None: ...
    @property
    def by_when(self) -> str | None: ...
    @property
    def risk(self) -> str | None: ...
    @property
    def evidence(self) -> str | None: ...


#: What an empty cell of the plan shows.
NOT_GIVEN = "—"
#: How a step carried forward is marked in the plan: the same step, planned earlier, so not numbered anew.
CARRIED_MARK = "carried"


def plan_row(step: PlanStep, mark: str) -> tuple[str, str, str, str, str, str]:
    """One row of the plan of small steps, for every renderer: its mark (number or "carried"),
    what, with whom, by when, the risk and what would show it worked, "—" where not given."""
    return (
        mark,
        step.what,
        step.with_whom or NOT_GIVEN,
        step.by_when or NOT_GIVEN,
        step.risk or NOT_GIVEN,
        step.evidence or NOT_GIVEN,
    )


def plan_rows(steps: Sequence[PlanStep], carried: Sequence[PlanStep] = ()) -> list[tuple[str, str, str, str, str, str]]:
    """The plan's rows: this plan's steps numbered from 1, then the steps carried into it."""
    return [plan_row(s, str(i)) for i, s in enumerate(steps, 1)] + [plan_row(s, CARRIED_MARK) for s in carried]


@dataclass(frozen=True)
class Response:
    """What one reading rule says back, and why it appears."""

    rule: str
    part: str
    because: str
    text: str
    cite: tuple[str, ...]
    learn: str | None = None
    vignette: str | None = None
    gentle: bool = False  # the softer wording, because the care note is shown
    #: The person's own words it answers (an excerpt of a free-text answer), if any.
    quote: str | None = None
    #: How specific it is to this person: it quotes them, or answers a rarer combination.
    specificity: int = 0
    #: Whether the reading shows it by default (the first MAX_SHOWN, most specific first).
    shown: bool = True
    #: Where it comes in its part of the reading as written in content (the screen's order
    #: within a part; the ranking decides which are shown).
    order: int = 0

    @property
    def because_line(self) -> str:
        """Why the response appears, in the person's terms: "You ticked …, so:"."""
        return f"{self.because.rstrip(' .,;:')}, so:"

    @property
    def said(self) -> str:
        """The response as the person reads it: their own words first, when it answers them."""
        if not self.quote:
            return self.text
        end = "" if self.quote.endswith((".", "!", "?", "…")) else "."
        return f"You wrote: “{self.quote}”{end} {self.text}"

    @property
    def cited(self) -> str:
        """The response with its citation, as every renderer shows it."""
        return f"{self.said} ({'; '.join(self.cite)})"

    @property
    def see_also(self) -> str:
        """Where to read more, as commands a person can type."""
        more = [f"rct learn {self.learn}"] if self.learn else []
        more += [f"rct vignette {self.vignette}"] if self.vignette else []
        return f"More: {' · '.join(more)}" if more else ""

    def to_dict(self) -> dict[str, Any]:
        """The response as plain data (``rct journal show ID --json``)."""
        return {
            "rule": self.rule,
            "because": self.because,
            "quote": self.quote,
            "text": self.text,
            "cite": list(self.cite),
            "learn": self.learn,
            "shown": self.shown,
        }


@dataclass(frozen=True)
class Resource:
    name: str
    detail: str
    contact: str | None

    @property
    def line(self) -> str:
        """The resource as one line: the local contact (set by a pack) right after its name."""
        return f"{self.name}: {self.contact}. {self.detail}" if self.contact else f"{self.name}. {self.detail}"


@dataclass(frozen=True)
class Care:
    """The care note: shown first, only when care is raised (``level`` check-in or urgent;
    with none the reading has no care note).

    ``reasons`` say what raised it, with the person's own words where words did; they
    stay in the person's own reading and entry and are never exported. Urgent care opens
    with ``crisis``: the crisis line and the emergency number, before anything else.
    ``silenced`` holds the questions whose words raised urgent care (no rule answers them).
    """

    title: str
    opening: str
    reasons: tuple[CareReason, ...]
    signals: tuple[str, ...]
    resources_intro: str
    resources: tuple[Resource, ...]
    body: tuple[str, ...]
    no_support: str | None
    held_back: str | None
    cite: tuple[str, ...]
    level: str = "check-in"
    crisis: str | None = None
    silenced: frozenset[str] = frozenset()

    @property
    def reason_lines(self) -> tuple[str, ...]:
        """What raised care, one line each, as the note says it."""
        return tuple(dict.fromkeys(r.because for r in self.reasons))


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
    steps: tuple[SmallStep, ...]
    care: Care | None = None
    responses: tuple[Response, ...] = ()  # most specific first; only the first MAX_SHOWN are shown
    held_back: tuple[str, ...] = ()  # rule ids (and "opportunities") kept back for now
    #: The last plan's steps as reviewed ("Since last time"), with their notes.
    review: tuple[Reviewed, ...] = ()

    def responses_for(self, part: str, *, every: bool = False) -> tuple[Response, ...]:
        """The responses of one part of the reading, those shown by default or ``every`` one,
        in the order the content gives them (``responses`` holds the ranked order)."""
        chosen = (r for r in self.responses if r.part == part and (every or r.shown))
        return tuple(sorted(chosen, key=lambda r: r.order))

    @property
    def not_shown(self) -> int:
        """How many responses wait behind the default view."""
        return sum(1 for r in self.responses if not r.shown)

    @property
    def rated(self) -> tuple[GoodThingScore, ...]:
        return tuple(g for g in self.good_things if g.rating is not None)

    @property
    def extremes(self) -> str | None:
        """The ratings read one by one: which good things were rated lowest and highest."""
        rated = self.rated
        if len(rated) < 2:
            return None
        low = min(g.rating or 0 for g in rated)
        high = max(g.rating or 0 for g in rated)
        if low == high:
            return f"All {len(rated)} rated {low}: none stands out from the others today."

        def named(value: int) -> str:
            return _and([g.name.lower() for g in rated if g.rating == value]) + f" ({value})"

        lows = sum(1 for g in rated if g.rating == low)
        highs = sum(1 for g in rated if g.rating == high)
        if lows + highs == len(rated) and lows >= 3:
            return f"Highest: {named(high)}; the others {low}."
        if lows + highs == len(rated) and highs >= 3:
            return f"Lowest: {named(low)}; the others {high}."
        return f"Lowest: {named(low)}. Highest: {named(high)}."

    @property
    def wins_and_movement(self) -> str | None:
        """Movement in the ratings beside the small wins since last time, when both are there."""
        wins = [i.what for i in self.review if i.status == "done"]
        if not wins or self.mean_change is None:
            return None
        from rct_workbook.reading_rules import quoted

        step = "step" if len(wins) == 1 else "steps"
        if self.mean_change > 0:
            return (
                f"Your ratings moved {self.mean_change:.1f} toward the good things since last time, "
                f"alongside the {step} you took: {quoted(wins)}. Small wins and movement can go together."
            )
        if self.mean_change < 0:
            return (
                f"Your ratings moved {abs(self.mean_change):.1f} toward their opposites even though you took "
                f"{quoted(wins)}: a small win can be real while the setting pushes back."
            )
        return f"Your ratings held steady while you took {quoted(wins)}."

    @property
    def _suggested(self) -> str:
        names = {c.id: _short(c.name) for c in self.profile}
        shown = list(dict.fromkeys(names.get(s.culture, s.culture) for s in self.suggestions))
        return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]

    @property
    def opportunities_because(self) -> str:
        """Why the culture opportunities appear: the cultures the ticks show."""
        return f"Your ticks show {self._suggested} features, so, from the paper's opportunities for such settings:"

    @property
    def opportunities_pointer(self) -> str:
        """The opportunities in one line, for a short reading: they are the paper's, the same for everyone."""
        return (
            f"Your ticks show {self._suggested} features; the paper's opportunities for change in such "
            "settings are in rct learn cultures."
        )

    def to_dict(self) -> dict[str, Any]:
        """The reading as compact plain data, for an entry's front matter and for JSON.

        ``good_things`` maps each good thing to its rating (null when not rated);
        ``change`` holds the movement since the last assessment where known; ``profile``
        maps each culture type to the practices ticked and its total; ``present`` lists the
        culture types with a real share of ticks; ``suggestions`` lists the culture types
        whose opportunities are suggested; ``warnings`` what the reading said back, one line
        per response, and ``first_step`` the support rule's response when no support is in
        place (both kept from earlier readings); ``rules`` lists the reading rules that spoke;
        ``care_note`` says whether the care note was shown (never why); ``responses`` what
        each rule said, most specific first (``shown``: within the default view).
        """
        data: dict[str, Any] = {
            "good_things": {g.id: g.rating for g in self.good_things},
            "change": {g.id: g.change for g in self.good_things if g.change is not None},
            "mean": None if self.mean is None else round(self.mean, 2),
            "mean_change": None if self.mean_change is None else round(self.mean_change, 2),
            "band": self.band,
            "profile": {c.id: {"checked": c.checked, "total": c.total} for c in self.profile},
            "present": [c.id for c in self.profile if c.significant],
            "profile_summary": self.profile_summary,
            "suggestions": list(dict.fromkeys(s.culture for s in self.suggestions)),
            # Kept from format 1's first readings (keys are only ever added): what was said
            # back, one line per response, and the support rule's first step when it spoke.
            "warnings": [f"{r.because_line} {r.said}" for r in self.responses],
            "first_step": next((r.text for r in self.responses if r.rule == FIRST_STEP_RULE), None),
            "rules": [r.rule for r in self.responses],
            "held_back": list(self.held_back),
            "care_note": self.care is not None,
            # What was said back, most specific first, each with the words it quotes.
            "responses": [r.to_dict() for r in self.responses],
        }
        return data


def _short(name: str) -> str:
    """'Survival culture' -> 'survival', for sentences."""
    lowered = name.lower()
    return lowered[: -len(" culture")] if lowered.endswith(" culture") else lowered


def _and(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
