"""Movement over time, and the small steps across assessments (data only)."""

from __future__ import annotations

import dataclasses
import datetime as _dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rct_workbook.errors import NotFoundError
from rct_workbook.journal.index import Index, Row
from rct_workbook.model.answers import BY_WHEN, SMALL_STEPS, WITH_WHOM

GOOD_THINGS = ("zest", "empowerment", "clarity", "worth", "connection")


@dataclass(frozen=True)
class Point:
    date: str
    id: str
    ratings: dict[str, int]
    mean: float | None
    profile: dict[str, float]


@dataclass(frozen=True)
class StepItem:
    id: str  # <entry id>.<n>
    entry_id: str
    number: int
    created: str
    what: str
    with_whom: str | None
    by_when: str | None
    risk: str | None
    status: str  # "open" or "done"
    done_on: str | None
    note: str | None

    def age_days(self, today: _dt.date | None = None) -> int:
        today = today or _dt.date.today()
        try:
            return (today - _dt.date.fromisoformat(self.created[:10])).days
        except ValueError:
            return 0


@dataclass(frozen=True)
class Progress:
    points: tuple[Point, ...]
    steps_planned: int
    steps_done: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "assessments": [dataclasses.asdict(p) for p in self.points],
            "steps": {"planned": self.steps_planned, "done": self.steps_done},
        }


def progress(index: Index) -> Progress:
    """Each assessment's ratings and profile, and small steps planned against done.

    Read from the digest the index keeps per entry, so a journal of thousands of
    assessments is charted without decoding every answer.
    """
    points = []
    planned = done = 0
    for ident, created, mean, digest in index.digests(kind="assess"):
        planned += digest.get("steps", 0)
        done += len(digest.get("done", []))
        if digest.get("ratings"):
            points.append(Point(created[:10], ident, digest["ratings"], mean, digest.get("profile", {})))
    return Progress(tuple(points), planned, done)


def small_steps(rows: Sequence[Row]) -> list[StepItem]:
    items = []
    for row in rows:
        if row.kind != "assess":
            continue
        done = {u.get("step"): u for u in row.updates if u.get("status") == "done"}
        for n, step in enumerate(row.answers.get(SMALL_STEPS) or [], 1):
            if not isinstance(step, dict):
                continue
            update = done.get(n)
            items.append(
                StepItem(
                    id=f"{row.id}.{n}",
                    entry_id=row.id,
                    number=n,
                    created=row.created,
                    what=str(step.get("what") or ""),
                    with_whom=step.get(WITH_WHOM),
                    by_when=step.get(BY_WHEN),
                    risk=step.get("risk"),
                    status="done" if update else "open",
                    done_on=str(update.get("date"))[:10] if update else None,
                    note=update.get("note") if update else None,
                )
            )
    return items


def mark_done(index: Index, step_id: str, note: str | None, when: _dt.datetime | None = None) -> tuple[StepItem, Path]:
    """Record a small win in the entry's own file (front matter and body), atomically and
    under the entry's lock (``update_entry``). Marking the same step again replaces its
    note and its line under Updates; it never adds another."""
    from rct_workbook.errors import AnswersError
    from rct_workbook.journal.reflection import human_date
    from rct_workbook.journal.update import Editable, update_entry
    from rct_workbook.model.question_types import MAX_TEXT, clean_text

    prefix, dot, number = step_id.rpartition(".")
    if not dot or not number.isdigit() or not prefix:
        raise NotFoundError(
            f"{step_id!r} is not a small step id; they look like 20260312-101500-assess-1a2b.1 (see rct steps)"
        )
    if note is not None:
        note = clean_text(note).strip() or None
    if note is not None and len(note) > MAX_TEXT:
        raise AnswersError(
            f"the note is {len(note):,} characters long; a note holds at most {MAX_TEXT:,}, like an answer"
        )
    row = index.find(prefix, one_file=True)
    n = int(number)
    if not [s for s in small_steps([row]) if s.number == n]:
        raise NotFoundError(f"entry {row.id} has no small step {n}; see rct steps")
    when = when or _dt.datetime.now().astimezone().replace(microsecond=0)

    def record(doc: Editable) -> StepItem:
        # What the file holds now, under the lock: not what the index saw before.
        steps = [s for s in small_steps([_as_row(row, doc.entry)]) if s.number == n]
        if not steps:
            raise NotFoundError(f"entry {row.id} has no small step {n} any more; see rct steps")
        update: dict[str, Any] = {"step": n, "status": "done", "date": when.isoformat()}
        if note:
            update["note"] = note
        doc.set("updates", [*(u for u in doc.entry.updates if u.get("step") != n), update])
        line = f"{human_date(when)}: small step {n} done ({steps[0].what})." + (f" {note}" if note else "")
        doc.body = with_update_line(doc.body, n, line)
        return dataclasses.replace(steps[0], status="done", done_on=when.isoformat()[:10], note=note)

    return update_entry(row.path, record), row.path


def _as_row(row: Row, entry: Any) -> Row:
    return dataclasses.replace(row, answers=entry.answers, updates=list(entry.updates))


def with_update_line(body: str, step: int, line: str) -> str:
    """``body`` with ``line`` as step ``step``'s line under its Updates heading: the step's
    earlier line is replaced, or the line (and the heading, if missing) is added."""
    import re

    from rct_workbook.model import commonmark as md

    heading = md.heading(2, "Updates")
    item = f"- {md.escape_line(line)}"
    lines = body.rstrip("\n").split("\n")
    if heading not in lines:
        lines += ["", heading, ""]
        lines.append(item)
        return "\n".join(lines) + "\n"
    start = lines.index(heading) + 1
    end = next((i for i in range(start, len(lines)) if lines[i].startswith("#")), len(lines))
    earlier = re.compile(rf"^- .*?: small step {step} done\b")
    for i in range(start, end):
        if earlier.match(lines[i]):
            lines[i] = item
            return "\n".join(lines) + "\n"
    last = max((i for i in range(start, end) if lines[i].startswith("- ")), default=start)
    lines.insert(last + 1, item)
    return "\n".join(lines) + "\n"
