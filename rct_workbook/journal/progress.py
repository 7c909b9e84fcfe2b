"""Movement over time, and the small steps across assessments (data only)."""

from __future__ import annotations

import dataclasses
import datetime as _dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rct_workbook.errors import NotFoundError, StorageError
from rct_workbook.journal.index import Index, Row
from rct_workbook.storage import write_atomic

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
        for n, step in enumerate(row.answers.get("small-steps") or [], 1):
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
                    with_whom=step.get("with-whom"),
                    by_when=step.get("by-when"),
                    risk=step.get("risk"),
                    status="done" if update else "open",
                    done_on=str(update.get("date"))[:10] if update else None,
                    note=update.get("note") if update else None,
                )
            )
    return items


def mark_done(index: Index, step_id: str, note: str | None, when: _dt.datetime | None = None) -> tuple[StepItem, Path]:
    """Record a small win in the entry's own file (front matter and body), atomically."""
    from rct_workbook.journal.entry import document
    from rct_workbook.journal.reflection import human_date
    from rct_workbook.journal.store import BadEntry, read_entry
    from rct_workbook.render import markdown as md

    prefix, dot, number = step_id.rpartition(".")
    if not dot or not number.isdigit() or not prefix:
        raise NotFoundError(
            f"{step_id!r} is not a small step id; they look like 20260312-101500-assess-1a2b.1 (see rct steps)"
        )
    row = index.find(prefix)
    n = int(number)
    steps = [s for s in small_steps([row]) if s.number == n]
    if not steps:
        raise NotFoundError(f"entry {row.id} has no small step {n}; see rct steps")
    try:
        entry = read_entry(row.path)
    except BadEntry as exc:
        raise StorageError(f"cannot update {row.path.name}: {exc}") from None
    when = when or _dt.datetime.now().astimezone().replace(microsecond=0)
    update: dict[str, Any] = {"step": n, "status": "done", "date": when.isoformat()}
    if note:
        update["note"] = note
    updates = (*(u for u in entry.updates if u.get("step") != n), update)
    line = f"{human_date(when)}: small step {n} done ({steps[0].what})." + (f" {note}" if note else "")
    body = entry.body.rstrip("\n")
    if "\n## Updates\n" not in f"\n{body}\n":
        body += "\n\n" + md.heading(2, "Updates") + "\n"
    body += "\n" + f"- {md.escape_line(line)}"
    updated = dataclasses.replace(entry, updates=updates, body=body)
    write_atomic(row.path, document(updated).encode("utf-8"), overwrite=True)
    return dataclasses.replace(steps[0], status="done", done_on=when.isoformat()[:10], note=note), row.path
