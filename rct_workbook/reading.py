"""The reading of an assessment: pure functions from answers (and content) to data.

Nothing here prints, prompts or touches files. A reading describes movement along a
continuum and a mixture of culture features; it never gives a binary verdict, and it is
a reflective aid, not a validated measure.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from rct_workbook.model.answers import BY_WHEN, SMALL_STEPS, WITH_WHOM
from rct_workbook.model.content import Content
from rct_workbook.model.schema import READING_PARTS

if TYPE_CHECKING:
    from rct_workbook.care import CareReason, Evaluation
    from rct_workbook.model.schema import ReadingRule, When
    from rct_workbook.reading_rules import Reviewed

#: The answers the reading looks for, by question id (the contract with content/flows/assess.yaml).
SUPPORT_IN_PLACE = "support-in-place"
SUPPORT_PEOPLE = "support-people"
GOOD_THING_PREFIX = "good-thing-"
PRACTICES = "practices"
CONNECTING = "connecting"
#: The rule whose response is the reading's "first step" (support before the steps).
FIRST_STEP_RULE = "no-support-yet"
#: The response to history about a death at work (care for the team, from the care note).
GRIEF_RULE = "team-grief"
#: The resource whose contact a pack sets for its own crisis line.
CRISIS_RESOURCE = "crisis-line"

#: A culture counts as present (a real share of the ticks) from this many ticked indicators...
MIN_CHECKED = 2
#: ...and this share of its own indicators.
MIN_SHARE = 0.2
#: One present culture leads a combination only with at least this many times the ticks of
#: the next, and at least LEAD_BY more: counts decide, never the length of a list.
LEAD_RATIO = 2
LEAD_BY = 2
#: A mean on the edge between two bands belongs to the band nearer the middle of the scale,
#: so the bands read the same both ways (a first 3.0 leans neither way).
SCALE_MIDDLE = 3.0
EDGE = 1e-9


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


#: How many responses the reading shows by default; the rest wait in `rct journal show ID --all`.
MAX_SHOWN = 5
#: A quote back is at most this many of the person's words, cut at a word edge.
QUOTE_WORDS = 20


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


def _short(name: str) -> str:
    """'Survival culture' -> 'survival', for sentences."""
    lowered = name.lower()
    return lowered[: -len(" culture")] if lowered.endswith(" culture") else lowered


def present_in_order(profile: Sequence[CultureShare]) -> list[CultureShare]:
    """The cultures with a real share of ticks, most ticks first (ties in content order)."""
    return sorted((c for c in profile if c.significant), key=lambda c: -c.checked)


def _and(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


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


def care_note(
    content: Content, evaluation: Evaluation, answers: Mapping[str, Any], held: bool, region: str | None
) -> Care | None:
    """The care note for an evaluation (``rct_workbook.care``), or None when no care is raised."""
    from rct_workbook.care import crisis_line_for

    note = content.care_note
    if note is None or evaluation.level == "none":
        return None
    resources = list(content.resources.values())
    line = crisis_line_for(content, region)
    own = next((r for r in resources if r.id == CRISIS_RESOURCE and r.contact), None)
    crisis = None
    if evaluation.level == "urgent":
        if own is not None:
            # A pack's own crisis line (a team's, a country's) comes first: it knows the place.
            crisis = (note.crisis or "").replace("{line}", f"{own.name} on {own.contact}")
            crisis = crisis.replace("{emergency}", line.emergency if line else "your local emergency number")
        elif line is not None and note.crisis:
            crisis = note.crisis.replace("{line}", line.name).replace("{emergency}", line.emergency)
        else:
            crisis = note.crisis_unknown
    shown = []
    for r in resources:
        contact = r.contact
        if r.id == CRISIS_RESOURCE and contact is None and line is not None:
            contact = f"{line.name}; emergency {line.emergency} ({line.source})"
        shown.append(Resource(r.name, r.detail, contact))
    return Care(
        title=note.title,
        opening=note.opening,
        reasons=evaluation.reasons,
        signals=evaluation.signals,
        resources_intro=note.resources_intro,
        resources=tuple(shown),
        body=note.body,
        no_support=note.no_support if answers.get(SUPPORT_IN_PLACE) is False else None,
        held_back=note.held_back if held else None,
        cite=note.cite,
        level=evaluation.level,
        crisis=crisis,
        silenced=evaluation.silenced,
    )


def care_data(care: Care | None) -> dict[str, Any]:
    """``reading.care`` for other programs (``--json``): its level, and for each reason its
    kind and the person's own words that raised it (null for a rating or a tick)."""
    if care is None:
        return {"level": "none", "reasons": []}
    return {"level": care.level, "reasons": [{"kind": r.kind, "quote": r.quote} for r in care.reasons]}


def grief_response(content: Content, evaluation: Evaluation) -> Response | None:
    """History about a death at work, met with care for the team (not a note about the person)."""
    note = content.care_note
    if evaluation.grief is None or note is None or not note.grief:
        return None
    return Response(
        rule=GRIEF_RULE,
        part="read",
        because="You wrote about a death in the setting's history",
        text=note.grief,
        cite=note.grief_cite or note.cite,
        vignette=note.grief_vignette,
        quote=evaluation.grief.quote,
        specificity=4,
    )


def excerpt(text: str, phrase: str | None = None, limit: int = QUOTE_WORDS) -> str:
    """A short excerpt of the person's words: whole sentences from the one holding ``phrase``
    (else the first), at most ``limit`` words; a sentence too long is cut at a word edge
    around the phrase and marked "…" where words were left out."""
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", " ".join(text.split())) if s]
    if not sentences:
        return ""
    chosen = 0
    if phrase:
        from rct_workbook.reading_rules import phrase_found

        chosen = next((i for i, s in enumerate(sentences) if phrase_found([phrase], [s])), 0)
    words = sentences[chosen].split()
    if len(words) <= limit:
        # Whole sentences read best: add the next ones while they fit.
        for following in sentences[chosen + 1 :]:
            if len(words) + len(following.split()) > limit:
                break
            words += following.split()
        return " ".join(words)
    start = 0
    if phrase:
        # Keep the phrase in view: start a few words before it.
        first = phrase.casefold().split()[0]
        at = next((i for i, w in enumerate(words) if w.casefold().strip("“”\"'(),.;:!?").startswith(first)), 0)
        start = max(0, min(at - 4, len(words) - limit))
    body = " ".join(words[start : start + limit])
    if start + limit < len(words):
        body = body.rstrip(",;:–—-") + "…"
    return ("…" if start else "") + body


def _quote(rule: ReadingRule, answers: Mapping[str, Any], content: Content) -> str | None:
    """The words a rule quotes back: the first of its ``quote`` questions answered."""
    given = [(q, v) for q in rule.quote if isinstance(v := answers.get(q), str) and v.strip()]
    for qid, value in given:
        phrase = _phrase_in(rule.when, qid, value, content)
        if phrase:
            return excerpt(value, phrase)
    return excerpt(given[0][1]) if given else None


def _phrase_in(cond: When, qid: str, value: str, content: Content) -> str | None:
    """The phrase a ``phrases`` test on question ``qid`` finds in ``value`` (to quote around it)."""
    from rct_workbook.reading_rules import phrase_found

    if cond.question == qid and cond.phrases is not None:
        phrases = content.phrases.get(cond.phrases)
        if phrases is None:
            return None
        # The phrase that comes first in the answer, so the quote starts where the words do.
        lowered = " ".join(value.casefold().replace("\u2019", "'").split())
        at = {}
        for p in phrases.phrases:
            hit = re.search(r"(?<!\w)" + re.escape(" ".join(p.casefold().split())) + r"(?!\w)", lowered)
            if hit and phrase_found([p], [value]):
                at[p] = hit.start()
        return min(at, key=lambda p: (at[p], -len(p)), default=None)
    for group in (cond.all, cond.any):
        for sub in group or ():
            found = _phrase_in(sub, qid, value, content)
            if found:
                return found
    return None


def absence_read(cond: When) -> frozenset[str]:
    """The questions whose being empty a condition reads as news (``filled: false``, a
    ``none``): a rule about them stays silent where they were not asked. Words not found in
    an answer (a ``phrases`` test under ``none``) are no news either way."""
    from rct_workbook.reading_rules import names_questions

    if cond.all is not None or cond.any is not None:
        return frozenset().union(*(absence_read(c) for c in cond.all or cond.any or ()))
    if cond.none is not None:
        return frozenset().union(
            *(names_questions(c) for c in cond.none if not (c.question is not None and c.phrases is not None))
        )
    if cond.question is not None and (cond.filled is False or cond.count_at_most is not None):
        return frozenset({cond.question})
    return frozenset()


def tests_met(cond: When) -> int:
    """How much a condition asks of the answers at once: each positive test counts one
    (``any`` as the most of its parts), a mean over several ratings or words found in an
    answer two; a ``none`` or a test that an answer is empty nothing."""
    if cond.all is not None:
        return sum(tests_met(c) for c in cond.all)
    if cond.any is not None:
        return max(tests_met(c) for c in cond.any)
    if cond.none is not None:
        return 0
    if cond.filled is False or cond.count_at_most is not None:
        return 0
    if cond.row is not None:
        return max(1, tests_met(cond.row))
    if cond.questions is not None or cond.phrases is not None:
        return 2
    return 1


_NUMBER = re.compile(r"\{([^{}|]*)\|([^{}|]*)\}")


def _number(text: str, count: int) -> str:
    """``{one|many}`` in a response: the words for one step, or for several."""
    return _NUMBER.sub(lambda m: m.group(1) if count == 1 else m.group(2), text)


def specificity(rule: ReadingRule, quote: str | None) -> int:
    """How specific a rule's response is to this person: quoting them counts most, then each
    thing its condition asks of the answers at once (a rarer combination); an empty answer
    or a test that something is absent says little about the person."""
    return (2 if quote else 0) + tests_met(rule.when)


def respond(
    content: Content,
    answers: Mapping[str, Any],
    *,
    caring: bool,
    asked: frozenset[str] | None = None,
    review: Sequence[Reviewed] = (),
    silenced: frozenset[str] = frozenset(),
    limit: int = MAX_SHOWN,
    extra: Sequence[Response] = (),
) -> tuple[tuple[Response, ...], tuple[str, ...]]:
    """The responses of every rule that holds, most specific first; and the rule ids held back.

    A rule about questions that were not asked (a one-step assessment) stays silent: an
    empty answer is only news when the question was put. ``review`` is the review of the
    last plan; a rule's ``{steps}`` names the reviewed steps its review tests matched.
    ``silenced`` are the questions whose words raised urgent care: no rule responds to them.
    Responses about support come first, as the paper puts support first; then the most
    specific (quoting the person, answering a rarer combination), ties in part order. The
    first ``limit`` are shown by default.
    """
    from rct_workbook.reading_rules import Filler, holds, names_questions, quoted, steps_named

    filler = Filler(content, answers)
    order = {part: i for i, part in enumerate(READING_PARTS)}
    responses: list[Response] = []
    held: list[str] = []
    for rule in sorted(content.readings.values(), key=lambda r: order[r.part]):
        named = names_questions(rule.when) | set(rule.quote)
        if asked is not None and not absence_read(rule.when) <= asked:
            continue
        if named & silenced:
            continue
        if not holds(rule.when, answers, content, review):
            continue
        text, gentle = rule.response, False
        if caring and rule.gentle is not None:
            text, gentle = rule.gentle, True
        elif caring and rule.assumes_energy:
            held.append(rule.id)
            continue
        steps = [i.what for i in steps_named(rule.when, review)]
        quote = _quote(rule, answers, content)
        if "{quote}" in text:
            if quote is None:
                continue  # it speaks only in the person's words
            text, quote = text.replace("{quote}", quote), None
        text = _number(text.replace("{steps}", quoted(steps)), len(steps))
        responses.append(
            Response(
                rule=rule.id,
                part=rule.part,
                because=filler.fill(rule.because).replace("{steps}", quoted(steps)),
                text=text,
                cite=rule.cite,
                learn=rule.learn,
                vignette=rule.vignette,
                gentle=gentle,
                quote=quote,
                # Naming the person's own steps is quoting them.
                specificity=specificity(rule, quote) + (3 if steps else 0),
            )
        )
    responses += extra  # said by the care evaluation (grief for the team), ranked with the rest
    ranked = sorted(
        enumerate(responses), key=lambda ir: (ir[1].part != "support", -ir[1].specificity, order[ir[1].part], ir[0])
    )
    out = tuple(dataclasses.replace(r, shown=i < limit, order=at) for i, (at, r) in enumerate(ranked))
    return out, tuple(held)


def read(
    content: Content,
    answers: Mapping[str, Any],
    previous: Mapping[str, int] | None = None,
    *,
    section: str | None = None,
    review: Sequence[Reviewed] = (),
    carried: Sequence[PlanStep] = (),
    region: str | None = None,
) -> Reading:
    """The reading for one assessment; ``previous`` holds the last ratings by good thing,
    ``section`` the one step asked, if only one was, ``review`` what became of the last
    plan's steps ("Since last time"), ``carried`` the steps carried into this plan (the
    rules read them as part of the plan: a step carried in can be high-risk or alone too),
    ``region`` the person's two-letter region, if known, for the national crisis line."""
    scores = good_thing_scores(content, answers, previous)
    mean = mean_of(scores)
    band, band_description = band_for(content, mean)
    changes = [s.change for s in scores if s.change is not None]
    mean_change = sum(changes) / len(changes) if changes else None
    profile = culture_profile(content, answers.get(PRACTICES) or [])
    from rct_workbook.care import evaluate

    asked = asked_in(content, section)
    evaluation = evaluate(content, answers, asked)
    caring = evaluation.level != "none" and content.care_note is not None
    grief = grief_response(content, evaluation)
    responses, held = respond(
        content,
        with_carried(answers, carried),
        caring=caring,
        asked=asked,
        review=review,
        silenced=evaluation.silenced,
        extra=(grief,) if grief else (),
    )
    suggestions = tuple(
        Suggestion(c.id, text) for c in present_in_order(profile) for text in content.cultures[c.id].opportunities
    )
    if caring and suggestions:
        # Opportunities for changing the organisation assume energy; they wait for now.
        held = (*held, "opportunities")
        suggestions = ()
    care = care_note(content, evaluation, answers, bool(held), region)
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
        steps=small_steps(answers),
        care=care,
        responses=responses,
        held_back=held,
        review=tuple(review),
    )
