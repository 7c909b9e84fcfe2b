"""The trainer's kit as records: role-plays (rehearsals), the facilitation notes of a
workshop and a facilitator's guide to one case."""

from __future__ import annotations

from typing import Annotated, Literal

from rct_workbook.model.records import Cite, Id, Limits, Record, Text, check, unique

# --- the trainer's kit -----------------------------------------------------------------------


class RehearsalRole(Record):
    name: Text
    brief: Text


class ScriptLine(Record):
    role: Text
    says: Text


class Rehearsal(Record):
    """A short role-play of one of the paper's practices, for a workshop or peer group."""

    id: Id
    title: Text
    practice: Id | None = None  # the strategy (practice) it rehearses
    summary: Text
    background: Text
    scene: Text
    roles: Annotated[tuple[RehearsalRole, ...], Limits(min_length=2)]
    script: Annotated[tuple[ScriptLine, ...], Limits(min_length=1)]
    steps: Annotated[tuple[Text, ...], Limits(min_length=1)]
    debrief: Annotated[tuple[Text, ...], Limits(min_length=1)]
    cite: Annotated[tuple[Cite, ...], Limits(min_length=1)]

    @check
    def _script_roles(self) -> None:
        names = [r.name for r in self.roles]
        unique(names, "role name")
        for line in self.script:
            if line.role not in names:
                raise ValueError(f"the script gives a line to {line.role!r}, which is not one of the roles")


class Stage(Record):
    """What a facilitator says and asks in one part of a workshop."""

    notes: Annotated[tuple[Text, ...], Limits(min_length=1)]
    questions: tuple[Text, ...] = ()
    cite: Annotated[tuple[Cite, ...], Limits(min_length=1)]


class Facilitation(Record):
    """The notes for every part of a workshop that does not depend on the case."""

    kind: Literal["facilitation"]
    id: Id
    opening: Stage
    reading: Stage
    groups: Stage
    plenary: Stage
    small_step: Stage
    #: Said once, with the care for the room: casting a role-play with care, observer as a choice.
    role_play: Stage | None = None
    #: Said after each role-play, before its debrief: stepping out of role.
    step_out: Stage | None = None
    care: Annotated[tuple[Text, ...], Limits(min_length=1)]
    cite: Annotated[tuple[Cite, ...], Limits(min_length=1)]


class PartNote(Record):
    """A facilitator's note on one part of a case: what it shows, and what to ask."""

    steps: tuple[Id, ...] = ()
    shows: Text
    ask: Annotated[tuple[Text, ...], Limits(min_length=1)]
    care: Text | None = None


class Workshop(Record):
    """A facilitator's guide to one case; ``id`` is the case's (vignette's) id."""

    kind: Literal["workshop"]
    id: Id
    care: Text | None = None
    parts: Annotated[tuple[PartNote, ...], Limits(min_length=1)]
    rehearsals: Annotated[tuple[Id, ...], Limits(min_length=1, max_length=4)]
    cite: Annotated[tuple[Cite, ...], Limits(min_length=1)]
