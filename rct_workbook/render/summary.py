"""The Rich summary of an assessment: the reading, the profile, the plan."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.console import RenderableType
from rich.text import Text

from rct_workbook.reading import Care, PlanStep, Reading, Response, plan_rows
from rct_workbook.render.safe import text
from rct_workbook.render.terminal import Ui

BAR = 20


def bar(ui: Ui, fraction: float, width: int = BAR) -> Text:
    filled = round(max(0.0, min(1.0, fraction)) * width)
    full, empty = ("#", ".") if ui.plain else ("█", "░")
    out = Text()
    out.append(full * filled, style="cyan")
    out.append(empty * (width - filled), style="dim")
    return out


def continuum_line(ui: Ui, mean: float, width: int = 41) -> Text:
    """The mean as a marker on a line from 1 to 5."""
    at = round((min(max(mean, 1.0), 5.0) - 1.0) / 4.0 * (width - 1))
    line = ["-"] * width if ui.plain else ["─"] * width
    line[at] = "*" if ui.plain else "●"
    out = Text("1 ")
    out.append("".join(line), style="cyan")
    out.append(" 5")
    return out


def care_views(ui: Ui, care: Care) -> list[RenderableType]:
    """The care note, which comes before anything about the workplace."""
    out: list[RenderableType] = [ui.heading(care.title)]
    if care.crisis:
        out.append(ui.para(care.crisis, "bold"))  # urgent care: where to turn, before anything else
    out.append(ui.para(care.opening))
    if care.reasons:
        out.append(ui.bullets(care.reason_lines))
    out.append(ui.para(care.resources_intro))
    out.append(ui.bullets(r.line for r in care.resources))
    out.extend(ui.para(p) for p in care.body)
    if care.no_support:
        out.append(ui.para(care.no_support))
    if care.held_back:
        out.append(ui.para(care.held_back, "dim"))
    out.append(ui.para(f"({'; '.join(care.cite)})", "dim"))
    return out


def response_views(ui: Ui, responses: tuple[Response, ...]) -> list[RenderableType]:
    out: list[RenderableType] = []
    for r in responses:
        out.append(text(r.because_line, "italic"))
        out.append(ui.para(r.cited))
        more = r.see_also
        if more:
            out.append(ui.para(more, "dim"))
    return out


_DID = {
    "done": "done",
    "tried": "tried, and something was learned",
    "carried": "carried into this plan",
    "dropped": "let go",
}


def review_lines(reading: Reading) -> list[str]:
    """Each step of the last plan as reviewed, with the person's note echoed back."""
    out = []
    for item in reading.review:
        line = f"“{' '.join(item.what.split())}”: {_DID.get(item.status, item.status)}."
        if item.note:
            line += f" You noted: “{' '.join(item.note.split())}”."
        out.append(line)
    return out


def since_last_time(ui: Ui, reading: Reading, *, every: bool = False) -> list[RenderableType]:
    """ "Since last time": first after the care note, before the ratings."""
    if not reading.review:
        return []
    out: list[RenderableType] = [ui.heading("Since last time"), ui.bullets(review_lines(reading))]
    linked = reading.wins_and_movement
    if linked:
        out.append(ui.para(linked))
    out += response_views(ui, reading.responses_for("review", every=every))
    return out


def summary(
    ui: Ui,
    reading: Reading,
    *,
    disclaimer: str,
    toward: tuple[str, str] = ("", ""),
    carried: Sequence[PlanStep] = (),
    every: bool = False,
    entry_id: str | None = None,
) -> list[RenderableType]:
    """The reading on screen: care, since last time, support, the ratings, the profile, the
    plan. At most ``MAX_SHOWN`` responses, most specific first, unless ``every`` is asked
    for; a line then says how many more there are and where (``entry_id``)."""

    def said(part: str) -> list[RenderableType]:
        return response_views(ui, reading.responses_for(part, every=every))

    out: list[RenderableType] = [
        ui.title("Your reading", "A reflective exercise, not a validated measure or a diagnosis.")
    ]
    if reading.care is not None:
        out += care_views(ui, reading.care)
    out += since_last_time(ui, reading, every=every)
    if reading.responses_for("support", every=every):
        out.append(ui.heading("Support first"))
        out += said("support")
    if any(g.rating is not None for g in reading.good_things):
        out.append(ui.heading("The five good things (1 = the opposite, 5 = the good thing)"))
        # Movement is only ever between two assessments: no "since last" column on a first.
        moved = any(g.change is not None for g in reading.good_things)
        rows: list[tuple[Any, ...]] = []
        for g in reading.good_things:
            rating = "—" if g.rating is None else str(g.rating)
            change = "" if g.change is None else (f"{g.change:+d}" if g.change else "same")
            row = (text(g.name), bar(ui, 0 if g.rating is None else (g.rating - 1) / 4), Text(rating))
            rows.append((*row, Text(change)) if moved else row)
        headers = ["Good thing", "", "Rating", *(["Since last"] if moved else [])]
        out.append(ui.table(headers, rows, ratios=[4, 0, 0, *([0] if moved else [])]))
        out.append(Text(""))
        if reading.extremes:
            out.append(ui.para(reading.extremes))
        if reading.mean is not None:
            out.append(text(f"On the continuum of connection: mean {reading.mean:.1f} of 5", "bold"))
            if toward[0]:
                out.append(
                    text(f"{toward[0]} ← → {toward[1]}" if not ui.plain else f"{toward[0]} <-> {toward[1]}", "dim")
                )
            out.append(continuum_line(ui, reading.mean))
            if reading.band:
                out.append(ui.para(f"{reading.band}. {reading.band_description}"))
            if reading.mean_change is not None:
                direction = "toward the good things" if reading.mean_change > 0 else "toward their opposites"
                how_far = "no movement" if reading.mean_change == 0 else f"{abs(reading.mean_change):.1f} {direction}"
                out.append(ui.para(f"Since your last assessment: {how_far}."))
            else:
                out.append(ui.para(FIRST_READING, "dim"))
    out += said("read")
    if any(c.checked for c in reading.profile) or reading.profile:
        out.append(ui.heading("Culture profile: practices you ticked"))
        rows = [(text(c.name), bar(ui, c.share), Text(f"{c.checked} of {c.total}")) for c in reading.profile]
        out.append(ui.table(["Culture type", "", "Ticked"], rows, ratios=[4, 0, 0]))
        out.append(Text(""))
        out.append(ui.para(reading.profile_summary, "bold"))
    if reading.connecting:
        out.append(text("Already promoting connection:", "bold"))
        out.append(ui.bullets(reading.connecting))
    out += said("name")
    if reading.responses_for("oppose", every=every):
        out.append(ui.heading("Opposing nonrelational practices"))
        out += said("oppose")
    if reading.suggestions:
        out.append(ui.heading("Opportunities for change to consider"))
        if every:
            out.append(text(reading.opportunities_because, "italic"))
            out.append(ui.bullets(s.text for s in reading.suggestions))
        else:
            # One line and a pointer: the paper's opportunities are the same for everyone.
            out.append(ui.para(reading.opportunities_pointer))
    if reading.steps or carried or reading.responses_for("replace", every=every):
        out.append(ui.heading("Your plan of small steps"))
    if reading.steps or carried:
        # The same rows as the entry's plan (reading.plan_rows): steps carried forward are marked, not numbered anew.
        out.append(
            ui.table(
                ["", "Small step", "With", "By", "Risk", "Shows it worked"],
                plan_rows(reading.steps, carried),
                ratios=[0, 4, 2, 2, 0, 3],
            )
        )
        out.append(Text(""))
    out += said("replace")
    if not every and reading.not_shown:
        where = f"rct journal show {entry_id} --all" if entry_id else "rct journal show ID --all"
        out.append(Text(""))
        out.append(ui.para(f"{reading.not_shown} more in {where}", "bold"))
    out.append(Text(""))
    out.append(ui.para(disclaimer, "dim"))
    return out


#: Said under the band on a first reading of a setting, never on a later one.
FIRST_READING = "Which way the setting is moving shows between two assessments; the next one can show it."


def review_summary(ui: Ui, next_check_in: str | None) -> list[RenderableType]:
    """The next check-in, after the reading ("Since last time" opens the reading, in ``summary``)."""
    out: list[RenderableType] = []
    if next_check_in:
        from rct_workbook.dates import as_date, human

        day = as_date(next_check_in)
        out.append(ui.para(f"Next check-in: {human(day) if day else next_check_in}.", "bold"))
    return out
