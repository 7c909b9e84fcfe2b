"""Terminal views of the journal: one entry, progress over time, the small steps."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from rich.console import RenderableType
from rich.text import Text

from rct_workbook.journal.entry import Entry, parse_reading
from rct_workbook.journal.index import Row
from rct_workbook.model.answers import Ask, resolve
from rct_workbook.model.content import Content
from rct_workbook.reading import PlanStep, Reading, read
from rct_workbook.render.safe import text
from rct_workbook.render.summary import summary
from rct_workbook.render.terminal import Ui

if TYPE_CHECKING:
    from rct_workbook.reading_rules import Reviewed


def _answers(ui: Ui, asks: Sequence[Ask], answers: dict[str, Any]) -> list[RenderableType]:
    out: list[RenderableType] = []
    for ask in asks:
        if ask.id not in answers:
            continue
        out.append(text(ask.question.prompt, "bold"))
        shown = ask.kind.plain(ask, answers[ask.id])
        out.append(text(shown) if ask.kind.block else ui.para(shown))
        if ask.kind.block:
            out.append(Text(""))
    return out


def entry_reading(
    content: Content, entry: Entry, review: Sequence[Reviewed] = (), carried: Sequence[PlanStep] = ()
) -> Reading:
    """An assessment's reading as `rct journal show` gives it: read again with today's content,
    with its "Since last time" and the steps carried into its plan (and, for its care note,
    the crisis line of the person's region, when known)."""
    from rct_workbook.preferences import known_region

    return read(
        content,
        entry.answers,
        parse_reading(entry.reading).previous,
        section=entry.section,
        review=review,
        carried=carried,
        region=known_region(),
    )


def entry_view(
    ui: Ui,
    content: Content,
    row: Row,
    entry: Entry,
    *,
    every: bool = False,
    review: Sequence[Reviewed] = (),
    carried: Sequence[PlanStep] = (),
) -> list[RenderableType]:
    """One entry; an assessment with its reading (``every`` response, or the most specific),
    its review of the last plan and the steps carried into its plan."""
    out: list[RenderableType] = [ui.title(entry.title or entry.kind, f"{row.date} · {entry.kind}")]
    answers = entry.answers
    if entry.kind == "assess" and "assess" in content.flows:
        flow = content.flows["assess"]
        reading = entry_reading(content, entry, review, carried)
        shown = summary(
            ui, reading, disclaimer=content.meta.disclaimer, carried=carried, every=every, entry_id=entry.id
        )
        out.extend(shown[1:])
        for section in flow.sections:
            asks = [a for a in resolve(section.questions, content, section.id) if a.id in answers]
            if asks:
                out.append(ui.heading(section.title))
                out.extend(_answers(ui, asks, answers))
    elif entry.kind == "vignette" and entry.vignette in content.vignettes:
        asks = list(resolve(content.vignettes[entry.vignette].reflection, content))
        out.append(ui.heading("My reflection"))
        out.extend(_answers(ui, asks, answers))
        # Answers to questions the case no longer asks (paula's first-small-step became
        # small-steps): shown under their ids, as an export keeps them, never dropped.
        known = {a.id for a in asks}
        for key, value in answers.items():
            if key not in known and value not in (None, "", []):
                out.append(text(key, "bold"))
                out.append(ui.para(str(value)))
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
