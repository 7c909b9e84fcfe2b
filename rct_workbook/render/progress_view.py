"""Terminal views of progress over time and the small steps (no content model needed)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import RenderableType
from rich.text import Text

from rct_workbook.journal.progress import GOOD_THINGS, Progress, StepItem
from rct_workbook.render.safe import text
from rct_workbook.render.terminal import Ui

SPARKS = "▁▂▄▆█"
PLAIN_SPARKS = "12345"


def sparkline(values: Sequence[int | None], plain: bool) -> str:
    marks = PLAIN_SPARKS if plain else SPARKS
    return "".join(" " if v is None else marks[max(1, min(5, v)) - 1] for v in values)


def change_words(change: int) -> str:
    """A change in a rating as the reading summary says it: +1, -2, or "same"."""
    return f"{change:+d}" if change else "same"


def culture_label(culture_id: str) -> str:
    """A culture type as the reading names it ("Hierarchical culture"), from its id.

    Progress reads only the journal's index, never the content (which would triple its
    time), so the name is made from the id the way the built-in content names them.
    """
    return f"{culture_id[:1].upper()}{culture_id[1:]} culture"


_SHORT = {"zest": "Zest", "empowerment": "Empower", "clarity": "Clarity", "worth": "Worth", "connection": "Connect"}


def progress_view(ui: Ui, data: Progress) -> list[RenderableType]:
    points = data.points
    out: list[RenderableType] = [
        ui.title(
            "Your progress",
            f"{len(points)} assessments, {points[0].date} to {points[-1].date}. A reflective record, not a measure.",
        ),
        ui.heading("The five good things over time"),
    ]
    rows = []
    for g in GOOD_THINGS:
        series = [p.ratings.get(g) for p in points]
        first = next((v for v in series if v is not None), None)
        last = next((v for v in reversed(series) if v is not None), None)
        change = "" if first is None or last is None else change_words(last - first)
        rows.append(
            (
                _SHORT[g],
                sparkline(series[-30:], ui.plain),
                "" if first is None else str(first),
                "" if last is None else str(last),
                change,
            )
        )
    out.append(ui.table(["Good thing", "Over time", "First", "Latest", "Change"], rows, ratios=[0, 1, 0, 0, 0]))
    out.append(ui.heading("By date (latest 8)"))
    recent = points[-8:]
    table_rows = [
        (p.date, *(str(p.ratings.get(g, "")) for g in GOOD_THINGS), "" if p.mean is None else f"{p.mean:.1f}")
        for p in recent
    ]
    out.append(ui.table(["Date", *(_SHORT[g] for g in GOOD_THINGS), "Mean"], table_rows))
    start, latest = points[0].profile, points[-1].profile
    if start or latest:
        out.append(ui.heading("Culture profile: share of practices ticked"))
        names = sorted(set(start) | set(latest))
        out.append(
            ui.table(
                ["Culture type", "First", "Latest"],
                (
                    (culture_label(n), f"{round(100 * start.get(n, 0))}%", f"{round(100 * latest.get(n, 0))}%")
                    for n in names
                ),
            )
        )
    out.append(ui.heading("Small steps"))
    out.append(
        ui.para(f"{data.steps_done} of {data.steps_planned} small steps reported done. See them with: rct steps")
    )
    return out


def steps_view(
    ui: Ui, items: Sequence[StepItem], *, total: int | None = None, done: int | None = None
) -> list[RenderableType]:
    """The steps as one block of text: each id with its status, then the step."""
    total = len(items) if total is None else total
    done = sum(1 for s in items if s.status == "done") if done is None else done
    subtitle = f"{len(items)} of {total} shown, {done} done. " if len(items) != total else f"{done} of {total} done. "
    block = Text()
    for s in items:
        status = f"done {s.done_on}" if s.status == "done" else f"open, {s.age_days()} days"
        by = f", by {s.by_when}" if s.by_when else ""
        block.append_text(text(f"{s.id}  {status}{by}\n", "bold"))
        what = s.what + (f" (with {s.with_whom})" if s.with_whom else "")
        if s.note:
            what += f". Small win: {s.note}"
        block.append_text(text(" ".join(what.split())))
        block.append("\n\n")
    # One Text wraps far faster than thousands of renderables; continuation lines are not
    # indented, which reads fine and keeps long journals quick.
    return [ui.title("Your small steps", subtitle + "Record a small win with: rct steps done ID"), block]
