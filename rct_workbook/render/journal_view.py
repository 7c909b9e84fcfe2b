"""Terminal views of the journal: one entry, progress over time, the small steps."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.console import RenderableType
from rich.padding import Padding
from rich.text import Text

from rct_workbook.flow.questions import Ask, resolve
from rct_workbook.journal.entry import Entry
from rct_workbook.journal.export import _previous_from
from rct_workbook.journal.index import Row
from rct_workbook.journal.progress import GOOD_THINGS, Progress, StepItem
from rct_workbook.model.content import Content
from rct_workbook.reading import read
from rct_workbook.render.safe import text
from rct_workbook.render.summary import summary
from rct_workbook.render.terminal import Ui

SPARKS = "▁▂▄▆█"
PLAIN_SPARKS = "12345"


def _answer(ask: Ask, value: Any) -> str:
    if value is None or value == []:
        return "(no answer)"
    if ask.type in ("choice",):
        return ask.label_of(value)
    if ask.type == "multi":
        return "\n".join(f"- {ask.label_of(v)}" for v in value)
    if ask.type == "yes_no":
        return "Yes" if value else "No"
    if ask.type == "rating":
        return f"{value} of 5"
    if ask.type == "repeat":
        rows = []
        for i, row in enumerate(value, 1):
            rows.append(
                f"{i}. " + "; ".join(f"{f.question.prompt.rstrip('?')}: {row.get(f.id) or '—'}" for f in ask.fields)
            )
        return "\n".join(rows)
    return str(value)


def _answers(ui: Ui, asks: Sequence[Ask], answers: dict[str, Any]) -> list[RenderableType]:
    out: list[RenderableType] = []
    for ask in asks:
        if ask.id not in answers:
            continue
        out.append(text(ask.question.prompt, "bold"))
        out.append(
            ui.para(_answer(ask, answers[ask.id]))
            if ask.type not in ("multi", "repeat", "long_text")
            else text(_answer(ask, answers[ask.id]))
        )
        if ask.type in ("multi", "repeat", "long_text"):
            out.append(Text(""))
    return out


def entry_view(ui: Ui, content: Content, row: Row, entry: Entry) -> list[RenderableType]:
    out: list[RenderableType] = [ui.title(entry.title or entry.kind, f"{row.date} · {entry.kind}")]
    answers = entry.answers
    if entry.kind == "assess" and "assess" in content.flows:
        flow = content.flows["assess"]
        reading = read(content, answers, _previous_from(entry.reading))
        out.extend(summary(ui, reading, disclaimer=content.meta.disclaimer)[1:])
        for section in flow.sections:
            asks = [a for a in resolve(section.questions, content, section.id) if a.id in answers]
            if asks:
                out.append(ui.heading(section.title))
                out.extend(_answers(ui, asks, answers))
    elif entry.kind == "vignette" and entry.vignette in content.vignettes:
        asks = list(resolve(content.vignettes[entry.vignette].reflection, content))
        out.append(ui.heading("My reflection"))
        out.extend(_answers(ui, asks, answers))
    else:
        for key, value in answers.items():
            out.append(text(key, "bold"))
            out.append(ui.para(str(value)))
    if entry.updates:
        out.append(ui.heading("Updates"))
        out.append(
            ui.bullets(
                f"{str(u.get('date', ''))[:10]}: small step {u.get('step')} {u.get('status')}"
                + (f". {u['note']}" if u.get("note") else "")
                for u in entry.updates
            )
        )
    return out


def sparkline(values: Sequence[int | None], plain: bool) -> str:
    marks = PLAIN_SPARKS if plain else SPARKS
    return "".join(" " if v is None else marks[max(1, min(5, v)) - 1] for v in values)


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
        change = "" if first is None or last is None else f"{last - first:+d}"
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
                ((n, f"{round(100 * start.get(n, 0))}%", f"{round(100 * latest.get(n, 0))}%") for n in names),
            )
        )
    out.append(ui.heading("Small steps"))
    out.append(
        ui.para(f"{data.steps_done} of {data.steps_planned} small steps reported done. See them with: rct steps")
    )
    return out


def steps_view(ui: Ui, items: Sequence[StepItem]) -> list[RenderableType]:
    done = sum(1 for s in items if s.status == "done")
    out: list[RenderableType] = [
        ui.title("Your small steps", f"{done} of {len(items)} done. Record a small win with: rct steps done ID")
    ]
    for s in items:
        status = f"done {s.done_on}" if s.status == "done" else f"open, {s.age_days()} days"
        by = f", by {s.by_when}" if s.by_when else ""
        out.append(text(f"{s.id}  {status}{by}", "bold"))
        what = s.what + (f" (with {s.with_whom})" if s.with_whom else "")
        if s.note:
            what += f". Small win: {s.note}"
        out.append(Padding(text(what), (0, 0, 1, 4)))
    return out
