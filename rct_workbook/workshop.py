"""A facilitator's plan for a workshop on one case: pure functions from content to data.

The plan is a timed agenda that adds up to the minutes given, small groups of three to
five sized to the participants, one or two rehearsals, and the facilitator's notes for
each part. Nothing here prints, prompts or touches files; ``render/workshop_view.py``
presents it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rct_workbook.errors import WorkbookError
from rct_workbook.model import schema as s
from rct_workbook.model.answers import plural
from rct_workbook.model.content import Content, lookup_id

MIN_PARTICIPANTS, MAX_PARTICIPANTS = 3, 200
MIN_GROUP, MAX_GROUP = 3, 5
MAX_MINUTES = 360
MAX_REHEARSALS = 2

#: The least time each part of the agenda can do its work in, in minutes.
MIN_OPENING = 5
MIN_PER_CASE_PART = 3
MIN_GROUPS = 10
MIN_REHEARSAL = 15
MIN_PLENARY = 5
MIN_SMALL_STEP = 5
#: Time beyond the minimums is shared out in these proportions.
WEIGHTS = {"opening": 10, "reading": 20, "groups": 30, "rehearsals": 25, "plenary": 10, "small_step": 5}
#: From this length on, a workshop gets one break; from the second, two.
BREAK_FROM = (150, 300)
BREAK_MINUTES = 15
#: Two rehearsals by default from this length on (when the case suggests two).
TWO_REHEARSALS_FROM = 120
#: How a rehearsal's time is shared: briefing, playing (with a replay or swap), debrief.
REHEARSAL_PHASES = (("Set up and read the roles", 2), ("Play, pause, replay", 4), ("Debrief", 4))


@dataclass(frozen=True)
class CasePart:
    number: int
    title: str
    text: tuple[str, ...]
    minutes: int
    steps: tuple[str, ...]  # names of the steps this part shows
    shows: str | None
    ask: tuple[str, ...]
    care: str | None


@dataclass(frozen=True)
class RehearsalPlan:
    rehearsal: s.Rehearsal
    minutes: int
    phases: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class AgendaItem:
    key: str  # opening, reading, groups, break, rehearsal, plenary, small_step
    title: str
    start: int  # minutes from the start of the workshop
    minutes: int
    index: int = 0  # which rehearsal, for a rehearsal


@dataclass(frozen=True)
class Plan:
    case: s.Vignette
    participants: int
    minutes: int
    group_sizes: tuple[int, ...]
    agenda: tuple[AgendaItem, ...]
    parts: tuple[CasePart, ...]
    rehearsals: tuple[RehearsalPlan, ...]
    facilitation: s.Facilitation
    #: What the case shows of each step: (step name, the case's own note on it).
    case_steps: tuple[tuple[str, str], ...]
    care: tuple[str, ...]
    has_guide: bool
    cites: tuple[str, ...]
    #: Where the case comes from: "built-in" (shipped) or a content pack's folder.
    case_source: str = "built-in"
    #: Whether the case is the source paper's own (its first citation is the paper).
    from_paper: bool = True
    #: The personal resources the reading's care note names (a pack sets local contacts).
    resources: tuple[s.Resource, ...] = ()

    @property
    def groups(self) -> int:
        return len(self.group_sizes)


def group_sizes(participants: int) -> tuple[int, ...]:
    """Split ``participants`` into groups of three to five, as near to four as possible,
    largest first. Every count from three up can be split this way."""
    if not MIN_PARTICIPANTS <= participants <= MAX_PARTICIPANTS:
        raise WorkbookError(
            f"--participants must be from {MIN_PARTICIPANTS} to {MAX_PARTICIPANTS} "
            f"(small groups need at least {MIN_GROUP} people), not {participants}"
        )
    fewest = -(-participants // MAX_GROUP)
    most = participants // MIN_GROUP
    count = min(max(round(participants / 4), fewest), most)
    base, extra = divmod(participants, count)
    return tuple(base + 1 if i < extra else base for i in range(count))


def _share(total: int, weights: Sequence[int]) -> list[int]:
    """``total`` in whole minutes in proportion to ``weights``, summing exactly to ``total``
    (largest remainders get the spare minutes, earlier first on ties)."""
    whole = sum(weights)
    if whole == 0:
        return [0] * len(weights)
    exact = [total * w / whole for w in weights]
    shares = [int(x) for x in exact]
    order = sorted(range(len(weights)), key=lambda i: (-(exact[i] - shares[i]), i))
    for i in order[: total - sum(shares)]:
        shares[i] += 1
    return shares


def minimum_minutes(parts: int, groups: int, rehearsals: int) -> dict[str, int]:
    """The least time for each part of the agenda."""
    return {
        "opening": MIN_OPENING,
        "reading": MIN_PER_CASE_PART * parts,
        "groups": MIN_GROUPS,
        "rehearsals": MIN_REHEARSAL * rehearsals,
        # A minute for each group beyond three, so every group can be heard.
        "plenary": MIN_PLENARY + max(0, groups - 3),
        "small_step": MIN_SMALL_STEP,
    }


def _breaks(minutes: int) -> int:
    return sum(1 for start in BREAK_FROM if minutes >= start)


def _choose_rehearsals(
    content: Content, guide: s.Workshop | None, chosen: Sequence[str], minutes: int, fits_two: bool
) -> list[s.Rehearsal]:
    if chosen:
        if len(chosen) > MAX_REHEARSALS:
            raise WorkbookError(f"a plan holds one or two rehearsals; {len(chosen)} were given")
        ids = [lookup_id(name, content.rehearsals, "rehearsal") for name in chosen]
        if len(set(ids)) != len(ids):
            raise WorkbookError("the same rehearsal is given twice")
        return [content.rehearsals[i] for i in ids]
    suggested = [r for r in (guide.rehearsals if guide else ()) if r in content.rehearsals]
    suggested += [r for r in content.rehearsals if r not in suggested]
    if not suggested:
        raise WorkbookError("the content holds no rehearsals to plan with")
    count = 2 if minutes >= TWO_REHEARSALS_FROM and len(suggested) > 1 and fits_two else 1
    return [content.rehearsals[r] for r in suggested[:count]]


def plan_workshop(content: Content, case: str, participants: int, minutes: int, rehearsals: Sequence[str] = ()) -> Plan:
    """The facilitator's plan for ``case``; a WorkbookError (one line) if it cannot be done."""
    vignette = content.vignette(case)
    sizes = group_sizes(participants)
    if minutes > MAX_MINUTES:
        raise WorkbookError(
            f"--minutes must be at most {MAX_MINUTES} (six hours); plan a longer workshop as several sessions"
        )
    guide = content.workshops.get(vignette.id)
    if guide is not None and len(guide.parts) != len(vignette.parts):
        guide = None  # validation reports this; a plan without notes is still a plan
    facilitation = next(reversed(content.facilitation.values()), None)
    if facilitation is None:
        raise WorkbookError("the content holds no facilitation notes (kind: facilitation)")
    breaks = _breaks(minutes)
    time_left = minutes - BREAK_MINUTES * breaks
    fits_two = sum(minimum_minutes(len(vignette.parts), len(sizes), 2).values()) <= time_left
    chosen = _choose_rehearsals(content, guide, rehearsals, minutes, fits_two)
    least = minimum_minutes(len(vignette.parts), len(sizes), len(chosen))
    if sum(least.values()) > time_left:
        breakdown = ", ".join(f"{_LABELS[k]} {v}" for k, v in least.items())
        raise WorkbookError(
            f"--minutes {minutes} is too short for the {vignette.id} case with {participants} participants and "
            f"{len(chosen)} rehearsal{'s' if len(chosen) > 1 else ''}: it needs at least "
            f"{sum(least.values()) + BREAK_MINUTES * breaks} minutes ({breakdown})"
        )
    spare = _share(time_left - sum(least.values()), [WEIGHTS[k] for k in least])
    time = {k: least[k] + extra for k, extra in zip(least, spare, strict=True)}

    parts = _case_parts(content, vignette, guide, facilitation, time["reading"])
    rehearsal_minutes = _share(time["rehearsals"], [1] * len(chosen))
    rehearsal_plans = tuple(
        RehearsalPlan(r, m, tuple(zip((p[0] for p in REHEARSAL_PHASES), _phase_minutes(m), strict=True)))
        for r, m in zip(chosen, rehearsal_minutes, strict=True)
    )
    agenda = _agenda(time, len(parts), len(sizes), breaks, rehearsal_plans)
    assert sum(a.minutes for a in agenda) == minutes  # the agenda adds up, by construction

    steps = content.steps
    care = ((guide.care,) if guide and guide.care else ()) + tuple(facilitation.care)
    if guide is None and vignette.care_note:
        care += (vignette.care_note,)
    # A plan with a role-play says once, with the care for the room, how to cast it with care.
    role_play = facilitation.role_play if chosen else None
    if role_play is not None:
        care += role_play.notes
    cites: list[str] = []
    for group in (
        vignette.cite,
        guide.cite if guide else (),
        facilitation.cite,
        *(st.cite for st in (facilitation.opening, facilitation.groups, facilitation.plenary, facilitation.small_step)),
        *(st.cite for st in (role_play, facilitation.step_out if chosen else None) if st is not None),
        *(r.cite for r in chosen),
    ):
        cites.extend(group)
    origin = content.origins.get(("vignette", vignette.id))
    case_steps = tuple((steps[k].name, text) for k, text in vignette.steps.items() if k in steps)
    return Plan(
        case=vignette,
        participants=participants,
        minutes=minutes,
        group_sizes=sizes,
        agenda=tuple(agenda),
        parts=tuple(parts),
        rehearsals=rehearsal_plans,
        facilitation=facilitation,
        case_steps=case_steps,
        care=care,
        has_guide=guide is not None,
        cites=tuple(dict.fromkeys(cites)),
        case_source=origin.pack if origin else "built-in",
        from_paper=content.from_the_paper(vignette),
        resources=tuple(content.resources.values()),
    )


def _case_parts(
    content: Content, vignette: s.Vignette, guide: s.Workshop | None, facilitation: s.Facilitation, minutes: int
) -> list[CasePart]:
    """The case in its parts, the reading time shared between them, each with its facilitator's notes."""
    part_minutes = _share(minutes, [1] * len(vignette.parts))
    steps = content.steps
    parts = []
    for i, (part, mins) in enumerate(zip(vignette.parts, part_minutes, strict=True)):
        note = guide.parts[i] if guide else None
        parts.append(
            CasePart(
                number=i + 1,
                title=part.title,
                text=part.text,
                minutes=mins,
                steps=tuple(steps[x].name for x in note.steps if x in steps) if note else (),
                shows=note.shows if note else None,
                ask=note.ask if note else facilitation.reading.questions,
                care=note.care if note else None,
            )
        )
    return parts


def _agenda(
    time: dict[str, int], parts: int, groups: int, breaks: int, rehearsal_plans: Sequence[RehearsalPlan]
) -> list[AgendaItem]:
    """The timed agenda, each item starting where the one before ends, breaks between the long stretches."""
    agenda: list[AgendaItem] = []

    def add(key: str, title: str, mins: int, index: int = 0) -> None:
        start = agenda[-1].start + agenda[-1].minutes if agenda else 0
        agenda.append(AgendaItem(key, title, start, mins, index))

    add("opening", "Opening and support check", time["opening"])
    add("reading", f"Reading the case in {parts} parts", time["reading"])
    add("groups", f"Small groups: the case through the four steps ({plural(groups, 'group')})", time["groups"])
    if breaks:
        add("break", "Break", BREAK_MINUTES)
    for i, rp in enumerate(rehearsal_plans):
        add("rehearsal", f"Rehearsal: {rp.rehearsal.title}", rp.minutes, i)
        if breaks == 2 and i == 0 and len(rehearsal_plans) > 1:
            add("break", "Break", BREAK_MINUTES)
    if breaks == 2 and len(rehearsal_plans) == 1:
        add("break", "Break", BREAK_MINUTES)
    add("plenary", "Plenary", time["plenary"])
    add("small_step", "Each person's one small step", time["small_step"])
    return agenda


def _phase_minutes(total: int) -> list[int]:
    return _share(total, [w for _, w in REHEARSAL_PHASES])


_LABELS = {
    "opening": "opening",
    "reading": "the case",
    "groups": "small groups",
    "rehearsals": "rehearsals",
    "plenary": "plenary",
    "small_step": "small step",
}
