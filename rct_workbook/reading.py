"""The reading of an assessment: pure functions from answers (and content) to data.

Nothing here prints, prompts or touches files. A reading describes movement along a
continuum and a mixture of culture features; it never gives a binary verdict, and it is
a reflective aid, not a validated measure.

Its parts live beside this module: ``reading_records`` (what a reading holds),
``reading_scores`` (ratings, band, culture profile, small steps), ``reading_responses``
(what the rules say back, ranked) and ``reading_care`` (the care note). Every name other
modules use is imported from here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from rct_workbook.model.content import Content
from rct_workbook.reading_care import CRISIS_RESOURCE, GRIEF_RULE, care_data, care_note, grief_response
from rct_workbook.reading_records import (
    CARRIED_MARK,
    CONNECTING,
    FIRST_STEP_RULE,
    GOOD_THING_PREFIX,
    MIN_CHECKED,
    MIN_SHARE,
    NOT_GIVEN,
    PRACTICES,
    SUPPORT_IN_PLACE,
    SUPPORT_PEOPLE,
    Care,
    CultureShare,
    GoodThingScore,
    PlanStep,
    Reading,
    Resource,
    Response,
    SmallStep,
    Suggestion,
    plan_row,
    plan_rows,
)
from rct_workbook.reading_responses import (
    MAX_SHOWN,
    QUOTE_WORDS,
    absence_read,
    excerpt,
    respond,
    specificity,
    tests_met,
)
from rct_workbook.reading_scores import (
    EDGE,
    LEAD_BY,
    LEAD_RATIO,
    SCALE_MIDDLE,
    asked_in,
    band_for,
    culture_profile,
    describe_profile,
    good_thing_scores,
    mean_of,
    present_in_order,
    small_steps,
    with_carried,
)

if TYPE_CHECKING:
    from rct_workbook.reading_rules import Reviewed

__all__ = [
    "CARRIED_MARK",
    "CONNECTING",
    "CRISIS_RESOURCE",
    "EDGE",
    "FIRST_STEP_RULE",
    "GOOD_THING_PREFIX",
    "GRIEF_RULE",
    "LEAD_BY",
    "LEAD_RATIO",
    "MAX_SHOWN",
    "MIN_CHECKED",
    "MIN_SHARE",
    "NOT_GIVEN",
    "PRACTICES",
    "QUOTE_WORDS",
    "SCALE_MIDDLE",
    "SUPPORT_IN_PLACE",
    "SUPPORT_PEOPLE",
    "Care",
    "CultureShare",
    "GoodThingScore",
    "PlanStep",
    "Reading",
    "Resource",
    "Response",
    "SmallStep",
    "Suggestion",
    "absence_read",
    "asked_in",
    "band_for",
    "care_data",
    "care_note",
    "culture_profile",
    "describe_profile",
    "excerpt",
    "good_thing_scores",
    "grief_response",
    "mean_of",
    "plan_row",
    "plan_rows",
    "present_in_order",
    "read",
    "respond",
    "small_steps",
    "specificity",
    "tests_met",
    "with_carried",
]


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
