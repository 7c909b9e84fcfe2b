"""Movement over time, and the small steps across assessments and case reflections (data only)."""

from __future__ import annotations

import dataclasses
import datetime as _dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rct_workbook.errors import NotFoundError
from rct_workbook.journal.index import Digested, Index, Row
from rct_workbook.journal.steps import SAID, Counts, StepItem, instant, step_life, tally_planned, with_status


@dataclass(frozen=True)
class Point:
    date: str
    id: str
    ratings: dict[str, int]
    mean: float | None
    profile: dict[str, float]


@dataclass(frozen=True)
class SettingProgress:
    """One setting over time: its assessments in order of time, and where its steps stand."""

    setting: str
    points: tuple[Point, ...]
    assessments: int
    last: str | None
    steps: Counts
    next_check_in: str | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "setting": self.setting,
            "assessments": [dataclasses.asdict(p) for p in self.points],
            "steps": self.steps.to_dict(),
            "next_check_in": self.next_check_in,
        }


@dataclass(frozen=True)
class Progress:
    settings: tuple[SettingProgress, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"settings": [s.to_dict() for s in self.settings]}


def progress(index: Index, setting: str | None = None) -> Progress:
    """Per setting: each assessment's ratings and profile, oldest first, and its small steps.

    Movement is only ever read between assessments of the same setting. Ratings and
    profiles come from the digest the index keeps per entry, so a journal of thousands
    of assessments is charted without decoding every answer.
    """
    # One query gives the digests and what the tally of the steps needs, and one sort by time
    # orders both (each setting's entries keep that order).
    ordered = sorted(index.digests(kind="assess", setting=setting), key=lambda e: (instant(e.created), e.id))
    by_setting: dict[str, list[Digested]] = {}
    for digested in ordered:
        by_setting.setdefault(digested.setting or "main", []).append(digested)
    steps_by_setting = tally_planned((e.id, e.created, e.setting, e.numbers, e.updates, e.review) for e in ordered)
    out = []
    for name in sorted(by_setting):
        entries = by_setting[name]
        points = tuple(Point(e.created[:10], e.id, e.ratings, e.mean, e.profile) for e in entries if e.ratings)
        # The check-in chosen at the end of the setting's latest assessment (none if it was declined).
        check_in = entries[-1].next_check_in
        out.append(
            SettingProgress(
                setting=name,
                points=points,
                assessments=len(entries),
                last=entries[-1].created[:10],
                steps=steps_by_setting.get(name, Counts()),
                next_check_in=check_in,
            )
        )
    return Progress(tuple(out))


def small_steps(rows: Sequence[Row]) -> list[StepItem]:
    """Every small step, with its status and history (see journal/steps.py)."""
    return step_life(rows)


def set_status(
    index: Index, step_id: str, status: str, note: str | None, when: _dt.datetime | None = None
) -> tuple[StepItem, Path]:
    """Record what happened to a small step, in the file of the entry that planned it:
    atomically and under the entry's lock (``update_entry``), changing only its updates and
    its line under Updates. Giving a step the status it has already replaces that note and
    line; it never adds another."""
    from rct_workbook.errors import AnswersError
    from rct_workbook.journal.reflection import human_date
    from rct_workbook.journal.update import Editable, update_entry
    from rct_workbook.model.question_types import clean_text, too_long

    prefix, dot, number = step_id.strip().rpartition(".")
    if not dot or not prefix or not (number.isascii() and number.isdigit()) or len(number) > 6:
        raise NotFoundError(
            f"{step_id!r} is not a small step id; they look like 20260312-101500-assess-1a2b.1 (see rct steps)"
        )
    if note is not None:
        note = " ".join(clean_text(note).split()) or None
    if note is not None and too_long(note):
        raise AnswersError(f"the note is too long, like an answer would be: {too_long(note)}")
    row = index.find(prefix, one_file=True)
    n = int(number)
    if not [s for s in step_life([row]) if s.number == n]:
        raise NotFoundError(f"entry {row.id} has no small step {n}; see rct steps")
    when = when or _dt.datetime.now().astimezone()  # to the millisecond, as every entry is stamped

    saved: list[Row] = []  # the entry as written, should it be deleted before the index sees it

    def record(doc: Editable) -> None:
        # What the file holds now, under the lock: not what the index saw before.
        steps = [s for s in step_life([_as_row(row, doc.entry)]) if s.number == n]
        if not steps:
            raise NotFoundError(f"entry {row.id} has no small step {n} any more; see rct steps")
        changed = with_status(doc.entry, n, status, note, when)
        doc.set("updates", list(changed.updates))
        saved.append(_as_row(row, changed))
        said = SAID[status]
        line = f"{human_date(when)}: small step {n} {said} ({steps[0].what})." + (f" {note}" if note else "")
        same = len(changed.updates) == len(doc.entry.updates)
        doc.body = with_update_line(doc.body, n, line, said=said, replace=same)

    update_entry(row.path, record)
    index.refresh()
    if row.kind == "vignette":  # a step from a case's reflection: its own entry holds its whole life
        rows = index.rows(kind="vignette", vignette=row.vignette, newest_first=False, fields="life")
    else:
        rows = index.rows(kind="assess", newest_first=False, fields="life", setting=row.setting)
    ident = f"{row.id}.{n}"
    item = next((s for s in step_life(rows) if s.id == ident), None)
    if item is None:  # deleted (`rct journal delete`) just after the update was saved: it was still marked
        item = next(s for s in step_life(saved) if s.id == ident)
    return item, row.path


def mark_done(index: Index, step_id: str, note: str | None, when: _dt.datetime | None = None) -> tuple[StepItem, Path]:
    """Record a small win (kept for callers from before other statuses)."""
    return set_status(index, step_id, "done", note, when)


def _as_row(row: Row, entry: Any) -> Row:
    return dataclasses.replace(row, answers=entry.answers, updates=list(entry.updates))


def with_update_line(body: str, step: int, line: str, *, said: str = "done", replace: bool = True) -> str:
    """``body`` with ``line`` as step ``step``'s line under its Updates heading: with
    ``replace``, the step's earlier line for the same status is replaced; otherwise (or
    when there is none) the line (and the heading, if missing) is added. Other lines,
    a person's own included, are kept as they are."""
    import re

    from rct_workbook.model import commonmark as md

    heading = md.heading(2, "Updates")
    item = f"- {md.escape_line(line)}"
    lead = body[: len(body) - len(body.lstrip("\n"))]
    lines = body.lstrip("\n").rstrip("\n").split("\n")
    if heading not in lines:
        lines += ["", heading, ""]
        lines.append(item)
        return lead + "\n".join(lines) + "\n"
    start = lines.index(heading) + 1
    end = next((i for i in range(start, len(lines)) if lines[i].startswith("#")), len(lines))
    if replace:
        earlier = re.compile(rf"^- .*?: small step {step} {re.escape(said)}\b")
        for i in range(start, end):
            if earlier.match(lines[i]):
                lines[i] = item
                return lead + "\n".join(lines) + "\n"
    last = max((i for i in range(start, end) if lines[i].startswith("- ")), default=start)
    lines.insert(last + 1, item)
    return lead + "\n".join(lines) + "\n"
