"""Terminal views of progress over time and the small steps (no content model needed)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import RenderableType
from rich.text import Text

from rct_workbook.dates import as_date, human, when_phrase
from rct_workbook.journal.progress import Progress, SettingProgress
from rct_workbook.journal.steps import Counts, StepItem
from rct_workbook.model.good_things import GOOD_THINGS
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


def _short(good_thing: str) -> str:
    """A good thing's name in at most seven letters (Empower, Connect), so a table fits a narrow terminal."""
    return GOOD_THINGS[good_thing][:7]


def _share_marks(values: Sequence[float | None], plain: bool) -> str:
    """A culture type's share of practices ticked (0 to 1) as a sparkline on the same five marks."""
    return sparkline([None if v is None else 1 + round(v * 4) for v in values], plain)


def _steps_sentence(steps: Counts) -> str:
    if not steps.planned:
        return "No small steps planned yet."
    parts = [
        f"{steps.done} done",
        f"{steps.tried} tried",
        f"{steps.carried} carried forward",
        f"{steps.dropped} dropped",
        f"{steps.open} open",
    ]
    return f"{steps.planned} small step{'s' if steps.planned != 1 else ''} planned: {', '.join(parts)}."


def setting_view(ui: Ui, data: SettingProgress) -> list[RenderableType]:
    """One setting over time: the good things, the culture mix, the small steps, the next check-in."""
    points = data.points
    span = f"{points[0].date} to {points[-1].date}" if points else f"last {data.last}"
    out: list[RenderableType] = [
        ui.heading(f"{data.setting}: {data.assessments} assessment{'s' if data.assessments != 1 else ''}, {span}")
    ]
    if len(points) < 2:
        out.append(
            ui.para(
                f"Movement shows from the second assessment with ratings in this setting; it has {len(points)}."
                f" Run rct assess --setting {quote_arg(data.setting)} again in a few weeks."
            )
        )
    else:
        rows = []
        for g in GOOD_THINGS:
            series = [p.ratings.get(g) for p in points]
            first = next((v for v in series if v is not None), None)
            last = next((v for v in reversed(series) if v is not None), None)
            change = "" if first is None or last is None else change_words(last - first)
            rows.append(
                (
                    _short(g),
                    sparkline(series[-30:], ui.plain),
                    "" if first is None else str(first),
                    "" if last is None else str(last),
                    change,
                )
            )
        out.append(ui.table(["Good thing", "Over time", "First", "Latest", "Change"], rows, ratios=[0, 1, 0, 0, 0]))
        recent = points[-8:]
        table_rows = [
            (p.date, *(str(p.ratings.get(g, "")) for g in GOOD_THINGS), "" if p.mean is None else f"{p.mean:.1f}")
            for p in recent
        ]
        out.append(ui.table(["Date", *(_short(g) for g in GOOD_THINGS), "Mean"], table_rows))
    names = sorted({n for p in points for n in p.profile})
    if names:
        start, latest = points[0].profile, points[-1].profile
        out.append(text("Culture mix over time: share of practices ticked", "bold"))
        out.append(
            ui.table(
                ["Culture type", "Over time", "First", "Latest"],
                (
                    (
                        culture_label(n),
                        _share_marks([p.profile.get(n) for p in points][-30:], ui.plain),
                        f"{round(100 * start.get(n, 0))}%",
                        f"{round(100 * latest.get(n, 0))}%",
                    )
                    for n in names
                ),
                ratios=[0, 1, 0, 0],
            )
        )
    out.append(ui.para(_steps_sentence(data.steps) + " See them with: rct steps"))
    if data.next_check_in:
        day = as_date(data.next_check_in)
        out.append(ui.para(f"Next check-in: {human(day) if day else data.next_check_in}.", "bold"))
    return out


def quote_arg(value: str) -> str:
    import shlex

    return shlex.quote(value)


def progress_view(ui: Ui, data: Progress) -> list[RenderableType]:
    count = len(data.settings)
    out: list[RenderableType] = [
        ui.title(
            "Your progress",
            f"{count} setting{'s' if count != 1 else ''}. Movement is read only between assessments of the same"
            " setting, in order of time. A reflective record, not a measure.",
        )
    ]
    for setting in data.settings:
        out += setting_view(ui, setting)
    return out


_STATUS_SHOWN = {"done": "done", "tried": "tried", "carried": "carried forward", "dropped": "dropped"}
_NOTE_LABEL = {"done": "Small win", "tried": "Learned"}


def status_text(s: StepItem) -> str:
    """ "open", or the status with its date ("carried forward 2026-03-01, 2 times")."""
    if s.status == "open":
        return "open"
    shown = f"{_STATUS_SHOWN[s.status]} {s.status_date}"
    if s.times_carried > 1:
        shown += f" (carried {s.times_carried} times)"
    return shown


def where_from(s: StepItem) -> str:
    """The setting a step belongs to, or the case whose reflection planned it ("from the Paula case").

    Like ``culture_label``, the case is named from its id, so the list never loads the content."""
    if s.setting is not None:
        return s.setting
    return f"from the {s.case[:1].upper()}{s.case[1:]} case" if s.case else "from a case"


def steps_view(
    ui: Ui, items: Sequence[StepItem], *, total: int | None = None, done: int | None = None
) -> list[RenderableType]:
    """The steps as one block of text: each id with its status, age and setting (or case), then the step and its
    last note."""
    total = len(items) if total is None else total
    done = sum(1 for s in items if s.status == "done") if done is None else done
    subtitle = f"{len(items)} of {total} shown, {done} done. " if len(items) != total else f"{done} of {total} done. "
    block = Text()
    for s in items:
        by = f", {when_phrase(s.by_when)}" if s.by_when else ""
        block.append_text(text(f"{s.id}  {status_text(s)}, {s.age_days()} days, {where_from(s)}{by}\n", "bold"))
        what = s.what + (f" (with {s.with_whom})" if s.with_whom else "")
        if s.note:
            what += f". {_NOTE_LABEL.get(s.status, 'Note')}: {s.note}"
        block.append_text(text(" ".join(what.split())))
        block.append("\n\n")
    # One Text wraps far faster than thousands of renderables; continuation lines are not
    # indented, which reads fine and keeps long journals quick.
    return [
        ui.title("Your small steps", subtitle + "Record what happened with: rct steps done|tried|carry|drop ID"),
        block,
    ]
