"""The reading's care: the care note an evaluation raises (``rct_workbook.care``), what
other programs are told of it, and the response to history about a death at work."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from rct_workbook.model.content import Content
from rct_workbook.reading_records import SUPPORT_IN_PLACE, Care, Resource, Response

if TYPE_CHECKING:
    from rct_workbook.care import Evaluation

#: The response to history about a death at work (care for the team, from the care note).
GRIEF_RULE = "team-grief"
#: The resource whose contact a pack sets for its own crisis line.
CRISIS_RESOURCE = "crisis-line"


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
