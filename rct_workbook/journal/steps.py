"""The life of a small step across assessments (data only: no printing, no prompting).

A step is born in the plan of one assessment, or in the reflection on a case (a vignette
entry whose answers hold ``small-steps`` of the same shape), and keeps that id
(``<entry id>.<n>``) for good. A step from a case belongs to no setting: it carries the
case instead, and only ``rct steps`` (never an assessment's review) gives it a status.

Its history is a list of events, each with a date, a status and an optional note:

- ``done``: a small win; ``tried``: tried, and something was learned; ``dropped``: let go.
  These close the step.
- ``carried``: carried forward into a later plan. The step stays open and joins that plan
  as the same step, never as a copy.

Events come from two places. ``rct steps done|tried|carry|drop`` records one in the
``updates`` of the entry where the step was planned. The "Since last time" review of a new
assessment records one per reviewed step in that new entry's ``review`` list, so the
review is saved in the same write as the assessment it belongs to. An entry without
either (one saved before statuses existed) simply has open steps, and "done" updates
written by earlier versions read as they always did.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from rct_workbook.dates import as_date

#: Every status a step can be given, in the order they are offered.
STATUSES = ("done", "tried", "carried", "dropped")
#: Statuses that close a step; "open" (no event yet) and "carried" leave it open.
CLOSED = frozenset({"done", "tried", "dropped"})
#: The verbs of ``rct steps VERB ID``, by status.
VERBS = {"done": "done", "tried": "tried", "carried": "carry", "dropped": "drop"}
#: The kinds of entry that can plan small steps.
PLANNING = frozenset({"assess", "vignette"})


def setting_of(row: Any) -> str | None:
    """The setting a row's steps belong to: an assessment's (``main`` when unnamed), none for a case's."""
    return None if row.kind == "vignette" else row.setting or "main"


def instant(text: str) -> _dt.datetime:
    """A stored date or time as an instant, for ordering across time zones."""
    try:
        when = _dt.datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        return _dt.datetime.min.replace(tzinfo=_dt.UTC)
    return when if when.tzinfo is not None else when.replace(tzinfo=_dt.UTC)


@dataclass(frozen=True)
class Event:
    """One thing that happened to a step."""

    date: str  # ISO date and time, with its offset
    status: str
    note: str | None
    entry: str  # the entry it is recorded in

    def to_dict(self) -> dict[str, Any]:
        return {"date": self.date, "status": self.status, "note": self.note}


@dataclass(frozen=True)
class StepItem:
    id: str  # <entry id>.<n>, for the whole life of the step
    entry_id: str
    number: int
    created: str
    #: The setting of the assessment that planned it; None for a step from a case's reflection.
    setting: str | None
    what: str
    with_whom: str | None
    by_when: str | None  # an ISO date when it names one, else the words typed
    risk: str | None
    evidence: str | None
    history: tuple[Event, ...] = ()
    #: The later assessments whose plans it was carried into, oldest first.
    carried_into: tuple[str, ...] = ()
    #: The case (vignette id) whose reflection planned it; None for an assessment's step.
    case: str | None = None

    @property
    def status(self) -> str:
        return self.history[-1].status if self.history else "open"

    @property
    def is_open(self) -> bool:
        return self.status not in CLOSED

    @property
    def note(self) -> str | None:
        """The latest note given, if any."""
        return next((e.note for e in reversed(self.history) if e.note), None)

    @property
    def status_date(self) -> str | None:
        return self.history[-1].date[:10] if self.history else None

    @property
    def times_carried(self) -> int:
        return sum(1 for e in self.history if e.status == "carried")

    @property
    def due(self) -> _dt.date | None:
        """The date it is planned for, when "By when?" named one."""
        return as_date(self.by_when)

    # Kept for callers written when "done" was the only status.
    @property
    def done_on(self) -> str | None:
        return self.status_date if self.status == "done" else None

    def age_days(self, today: _dt.date | None = None) -> int:
        today = today or _dt.date.today()
        try:
            return max(0, (today - _dt.date.fromisoformat(self.created[:10])).days)
        except ValueError:
            return 0

    def to_json(self) -> dict[str, Any]:
        """The documented JSON form (README, "rct steps --json")."""
        return {
            "id": self.id,
            "entry": self.entry_id,
            "setting": self.setting,
            "case": self.case,
            "what": self.what,
            "with": self.with_whom,
            "by": self.by_when,
            "risk": self.risk,
            "status": self.status,
            "note": self.note,
            "history": [e.to_dict() for e in self.history],
        }


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()[:10]
    text = str(value)
    return text if text.strip() else None


def _event(raw: dict[str, Any], date: Any, entry: str) -> Event | None:
    status = raw.get("status")
    if status not in STATUSES:
        return None
    note = raw.get("note")
    return Event(
        date=str(date), status=str(status), note=note if isinstance(note, str) and note.strip() else None, entry=entry
    )


def step_life(rows: Sequence[Any]) -> list[StepItem]:
    """Every small step of the assessments and case reflections in ``rows`` (index rows or
    alike), with its history.

    Steps are listed in the order they were planned. A step carried into later plans is
    listed once, under the id it was born with.
    """
    ordered = sorted((r for r in rows if r.kind in PLANNING), key=lambda r: (instant(r.created), r.id))
    born: dict[str, dict[str, Any]] = {}
    events: dict[str, list[Event]] = {}
    carried_into: dict[str, list[str]] = {}
    for row in ordered:
        for n, step in enumerate(row.answers.get("small-steps") or [], 1):
            if not isinstance(step, dict):
                continue
            ident = f"{row.id}.{n}"
            born[ident] = {"row": row, "n": n, "step": step}
            events[ident] = []
        for update in row.updates:
            n = update.get("step")
            ident = f"{row.id}.{n}"
            if isinstance(n, int) and not isinstance(n, bool) and ident in born:
                event = _event(update, update.get("date") or row.created, row.id)
                if event is not None:
                    events[ident].append(event)
    # Reviews refer to steps by id; a step planned in an entry since deleted is left out.
    for row in ordered:
        for item in row.review:
            ident = item.get("step")
            if not isinstance(ident, str) or ident not in born:
                continue
            event = _event(item, row.created, row.id)
            if event is None:
                continue
            events[ident].append(event)
            if event.status == "carried":
                carried_into.setdefault(ident, []).append(row.id)
    items = []
    for ident, origin in born.items():
        row, step = origin["row"], origin["step"]
        history = sorted(events[ident], key=lambda e: instant(e.date))
        items.append(
            StepItem(
                id=ident,
                entry_id=row.id,
                number=origin["n"],
                created=row.created,
                setting=setting_of(row),
                what=str(step.get("what") or ""),
                with_whom=_text(step.get("with-whom")),
                by_when=_text(step.get("by-when")),
                risk=_text(step.get("risk")),
                evidence=_text(step.get("evidence")),
                history=tuple(history),
                carried_into=tuple(carried_into.get(ident, ())),
                case=row.vignette if row.kind == "vignette" else None,
            )
        )
    return items


def plan_of(row: Any, items: Sequence[StepItem]) -> list[StepItem]:
    """The steps of one assessment's plan: its own, then those carried into it."""
    by_id = {s.id: s for s in items}
    own = [s for s in items if s.entry_id == row.id]
    carried = [
        by_id[r["step"]]
        for r in row.review
        if r.get("status") == "carried" and isinstance(r.get("step"), str) and r["step"] in by_id
    ]
    return [*own, *dict.fromkeys(carried)]


def to_review(rows: Sequence[Any], setting: str) -> tuple[Any | None, list[StepItem]]:
    """The setting's last assessment with a plan, and the steps of that plan still open."""
    items = step_life(rows)
    in_setting = sorted(
        (r for r in rows if r.kind == "assess" and (r.setting or "main") == setting),
        key=lambda r: (instant(r.created), r.id),
    )
    for row in reversed(in_setting):
        plan = plan_of(row, items)
        if plan:
            # Oldest first: steps carried from earlier plans, then this plan's own.
            still_open = sorted((s for s in plan if s.is_open), key=lambda s: (instant(s.created), s.number))
            return row, still_open
    return None, []


@dataclass(frozen=True)
class Counts:
    """Small steps of one setting: how many were planned, and where each stands now."""

    planned: int = 0
    open: int = 0
    done: int = 0
    tried: int = 0
    carried: int = 0
    dropped: int = 0

    def to_dict(self) -> dict[str, int]:
        return {
            "planned": self.planned,
            "open": self.open,
            "done": self.done,
            "tried": self.tried,
            "carried": self.carried,
            "dropped": self.dropped,
        }


def counts(items: Sequence[StepItem]) -> Counts:
    """Counted once per step: ``carried`` is the steps now carried forward (still open),
    ``open`` those with no status yet."""
    tally = dict.fromkeys(("open", *STATUSES), 0)
    for item in items:
        tally[item.status] += 1
    return Counts(planned=len(items), **tally)


SAID = {"done": "done", "tried": "tried", "carried": "carried forward", "dropped": "dropped"}


def updates_markdown(updates: Sequence[dict[str, Any]], steps: Sequence[Any]) -> str:
    """The "Updates" part of an entry's body, from its updates (one line each)."""
    from rct_workbook.journal.reflection import human_date
    from rct_workbook.model import commonmark as md

    lines = []
    for update in updates:
        n = update.get("step")
        if not isinstance(n, int) or not 1 <= n <= len(steps) or update.get("status") not in SAID:
            continue
        what = steps[n - 1].get("what") if isinstance(steps[n - 1], dict) else ""
        when = instant(str(update.get("date") or ""))
        day = human_date(when) if when.year > 1 else "Undated"
        note = update.get("note")
        line = f"{day}: small step {n} {SAID[update['status']]} ({what})." + (f" {note}" if note else "")
        lines.append(f"- {md.escape_line(line)}")
    return "\n".join([md.heading(2, "Updates"), "", *lines]) if lines else ""


def with_status(entry: Any, number: int, status: str, note: str | None, when: _dt.datetime) -> Any:
    """``entry`` with step ``number`` given ``status``: the update is added to its front matter
    and the Updates part of its body is written again from all of them.

    Giving a step the status it already has replaces that update (its date and note), so
    marking the same step twice never grows the file.
    """
    import dataclasses

    # Stamped like the entries themselves (to the millisecond), so an update made just after an
    # assessment sorts after it; updates made within one millisecond keep their order in the list.
    update: dict[str, Any] = {"step": number, "status": status, "date": when.isoformat(timespec="milliseconds")}
    if note:
        update["note"] = note
    updates = list(entry.updates)
    mine = [i for i, u in enumerate(updates) if u.get("step") == number]
    if mine and updates[mine[-1]].get("status") == status:
        updates[mine[-1]] = update
    else:
        updates.append(update)
    steps = list(entry.answers.get("small-steps") or [])
    section = updates_markdown(updates, steps)
    body = replace_part(entry.body, "Updates", section)
    return dataclasses.replace(entry, updates=tuple(updates), body=body)


def replace_part(body: str, heading: str, part: str) -> str:
    """``body`` with its level-2 part called ``heading`` replaced by ``part`` (added at the
    end if there is none; removed if ``part`` is empty). Text after it is kept as it is."""
    lines = body.rstrip("\n").split("\n")
    start = next((i for i, line in enumerate(lines) if line.rstrip() == f"## {heading}"), None)
    if start is None:
        before, after = lines, []
    else:
        end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines))
        before, after = lines[:start], lines[end:]
    head = "\n".join(before).rstrip("\n")
    pieces = [p for p in (head, part.strip("\n"), "\n".join(after).strip("\n")) if p]
    return "\n\n".join(pieces) + "\n"


def tally(rows: Sequence[Any]) -> dict[str | None, Counts]:
    """Where each setting's steps stand now, counted without building every step's history:
    the same answer as ``counts(step_life(rows))`` per setting (None: the steps from cases),
    for progress on long journals."""
    ordered = sorted((r for r in rows if r.kind in PLANNING), key=lambda r: (instant(r.created), r.id))
    return _tally(
        (
            row.id,
            row.created,
            setting_of(row),
            [n for n, step in enumerate(row.answers.get("small-steps") or (), 1) if isinstance(step, dict)],
            row.updates,
            row.review,
        )
        for row in ordered
    )


def tally_planned(
    assessments: Iterable[tuple[str, str, str | None, Sequence[int], Sequence[Any], Sequence[Any]]],
) -> dict[str, Counts]:
    """``tally`` from each assessment's id, time, setting, the numbers of its small steps, its
    updates and its review, given in order of time (as ``tally`` sorts them): what progress
    reads from the index without decoding the steps themselves."""
    counted = _tally((i, c, setting or "main", n, u, r) for i, c, setting, n, u, r in assessments)
    return {s: c for s, c in counted.items() if s is not None}


def _tally(
    planned: Iterable[tuple[str, str, str | None, Sequence[int], Sequence[Any], Sequence[Any]]],
) -> dict[str | None, Counts]:
    """``tally_planned`` with each entry's steps counted under the setting given as it is (None: from a case)."""
    where: dict[str, str | None] = {}
    latest: dict[str, tuple[_dt.datetime, str]] = {}

    def record(ident: str, date: Any, status: Any) -> None:
        if ident not in where or status not in STATUSES:
            return
        when = instant(str(date))
        if ident not in latest or when >= latest[ident][0]:
            latest[ident] = (when, str(status))

    reviews: list[tuple[str, Sequence[Any]]] = []
    for ident, created, setting, numbers, updates, review in planned:
        for n in numbers:
            where[f"{ident}.{n}"] = setting
        for update in updates:
            n = update.get("step")
            if isinstance(n, int) and not isinstance(n, bool):
                record(f"{ident}.{n}", update.get("date") or created, update.get("status"))
        if review:
            reviews.append((created, review))
    # Reviews after every update: a review may name a step planned later in the list.
    for created, review in reviews:
        for item in review:
            if isinstance(item.get("step"), str):
                record(item["step"], created, item.get("status"))
    by_setting: dict[str | None, dict[str, int]] = {}
    for ident, setting in where.items():
        counts_here = by_setting.setdefault(setting, dict.fromkeys(("open", *STATUSES), 0))
        counts_here[latest[ident][1] if ident in latest else "open"] += 1
    return {s: Counts(planned=sum(c.values()), **c) for s, c in by_setting.items()}
