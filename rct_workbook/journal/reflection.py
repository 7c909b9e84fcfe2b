"""Building journal entries from a finished set of answers (no printing, no prompting)."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from rct_workbook.journal.entry import Entry, new_id, now
from rct_workbook.model import commonmark as md
from rct_workbook.model.answers import SMALL_STEPS, Ask
from rct_workbook.model.content import Content
from rct_workbook.model.question_types import is_empty
from rct_workbook.model.schema import Flow, Section, Vignette
from rct_workbook.reading import GOOD_THING_PREFIX, Care, PlanStep, Reading, Response, plan_rows

if TYPE_CHECKING:
    from rct_workbook.journal.steps import StepItem
    from rct_workbook.reading_rules import Reviewed


def answers_markdown(asks: Sequence[Ask], answers: dict[str, Any], level: int = 3) -> str:
    """Each answered question as a heading followed by its answer, which its question type writes."""
    out = []
    for ask in asks:
        if ask.id not in answers:
            continue
        out += [md.heading(level, ask.question.prompt), "", ask.kind.markdown(ask, answers[ask.id]), ""]
    return "\n".join(out).rstrip("\n")


def human_date(when: _dt.date) -> str:
    """A date as our documents write it: 3 March 2026."""
    return f"{when.day} {when.strftime('%B %Y')}"


def vignette_entry(
    content: Content, vignette: Vignette, asks: Sequence[Ask], answers: dict[str, Any], when: _dt.datetime | None = None
) -> Entry:
    """A reflection on a vignette, ready to save."""
    when = when or now()
    title = f"Reflection on {vignette.title}"
    culture = content.cultures.get(vignette.culture) if vignette.culture else None
    # The title lives in the front matter (`title`), which Markdown linters and tools
    # such as Obsidian read as the document's title; the body starts with the date.
    lines = [md.escape_line(f"{human_date(when)}. A case from Hartling & Sparks (2002): {vignette.setting}."), ""]
    if culture is not None:
        lines += [md.escape_line(f"Culture type: {culture.name}."), ""]
    lines += [md.heading(2, "My reflection"), "", answers_markdown(asks, answers), ""]
    lines += [md.heading(2, "For peer supervision"), "", md.numbered_list(vignette.discussion_questions), ""]
    lines += [md.escape_line(content.meta.disclaimer), ""]
    return Entry(
        id=new_id("vignette", when, vignette.id),
        kind="vignette",
        created=when.isoformat(timespec="milliseconds"),
        title=title,
        content_version=content.version,
        answers=answers,
        shares={a.id: a.question.share for a in asks if a.id in answers},
        vignette=vignette.id,
        body="\n".join(lines),
    )


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    lines = [
        "| " + " | ".join(md.escape_line(h) for h in headers) + " |",
        "|" + "|".join(" --- " for _ in headers) + "|",
    ]
    for row in rows:
        cells = [md.escape_line(" ".join(str(c).split())) or " " for c in row]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def care_markdown(care: Care, *, level: int = 2) -> str:
    """The care note as Markdown: in the person's own entry, never in an export."""
    lines = [md.heading(level, care.title), ""]
    if care.crisis:
        lines += [f"**{md.escape_line(care.crisis)}**", ""]  # urgent care: where to turn, first
    lines += [md.escape_line(care.opening), ""]
    if care.reasons:
        lines += [md.bullet_list(list(care.reason_lines)), ""]
    lines += [md.escape_line(care.resources_intro), ""]
    lines += [md.bullet_list([r.line for r in care.resources]), ""]
    lines += [line for p in care.body for line in (md.escape_line(p), "")]
    if care.no_support:
        lines += [md.escape_line(care.no_support), ""]
    if care.held_back:
        lines += [md.escape_line(care.held_back), ""]
    lines += [md.escape_line(f"({'; '.join(care.cite)})")]
    return "\n".join(lines)


def responses_markdown(responses: Sequence[Response]) -> str:
    """Each response with why it appears ("You ticked …, so:") and where to read more."""
    out = []
    for r in responses:
        out += [f"*{md.escape_line(r.because_line)}*", "", md.escape_line(r.cited), ""]
        more = r.see_also
        if more:
            out += [md.escape_line(more), ""]
    return "\n".join(out).rstrip("\n")


STATUS_WORDS = {
    "done": "done",
    "tried": "tried, and something was learned",
    "carried": "carried forward",
    "dropped": "dropped",
}


def review_markdown(review: Sequence[dict[str, Any]], responses: Sequence[Response], linked: str | None = None) -> str:
    """The "Since last time" part of an assessment entry: each step reviewed with the note
    echoed back, the movement beside the wins (``linked``), then what the reading says."""
    items = []
    for r in review:
        line = f"“{' '.join(str(r.get('what') or '').split())}”: {STATUS_WORDS.get(str(r.get('status')), '')}."
        if r.get("note"):
            line += f" You noted: “{' '.join(str(r['note']).split())}”."
        items.append(line)
    lines = [md.heading(2, "Since last time"), "", md.bullet_list(items)]
    if linked:
        lines += ["", md.escape_line(linked)]
    if responses:
        lines += ["", responses_markdown(responses)]
    return "\n".join(lines)


def reading_markdown(
    reading: Reading, *, level: int = 3, care: bool = True, carried: Sequence[PlanStep] = ()
) -> dict[str, str]:
    """The reading's parts as Markdown, keyed by where they go in the entry."""
    parts: dict[str, str] = {}
    if care and reading.care is not None:
        parts["care"] = care_markdown(reading.care)
    # The entry keeps every response (the screen shows the most specific first).
    for part in ("support", "read", "name", "oppose", "replace"):
        if reading.responses_for(part, every=True):
            parts[f"responses-{part}"] = responses_markdown(reading.responses_for(part, every=True))
    if any(g.rating is not None for g in reading.good_things):
        # Movement is only ever between two assessments: no change column on a first.
        moved = any(g.change is not None for g in reading.good_things)
        rows: list[tuple[Any, ...]] = [
            (
                g.name,
                "—" if g.rating is None else str(g.rating),
                g.opposite_name,
                *(["—" if g.change is None else f"{g.change:+d}"] if moved else []),
            )
            for g in reading.good_things
        ]
        text = [
            md.heading(level, "The five good things"),
            "",
            _table(["Good thing", "Rating (1–5)", "Low end", *(["Change"] if moved else [])], rows),
        ]
        if reading.extremes:
            text += ["", md.escape_line(reading.extremes)]
        if reading.mean is not None:
            text += ["", md.escape_line(f"Mean {reading.mean:.1f} of 5: {reading.band}. {reading.band_description}")]
        parts["good_things"] = "\n".join(text)
    rows = [(c.name, f"{c.checked} of {c.total}", f"{round(100 * c.share)}%") for c in reading.profile]
    parts["profile"] = "\n".join(
        [
            md.heading(level, "Culture profile"),
            "",
            _table(["Culture type", "Practices ticked", "Share"], rows),
            "",
            md.escape_line(reading.profile_summary),
        ]
    )
    if reading.steps or carried:
        # Steps carried forward are the same steps, planned earlier: marked, not numbered anew.
        rows = plan_rows(reading.steps, carried)
        parts["plan"] = "\n".join(
            [
                md.heading(level, "Plan of small steps"),
                "",
                _table(["#", "Small step", "With whom", "By when", "Risk", "Evidence it worked"], rows),
            ]
        )
    if reading.suggestions:
        parts["notes"] = "\n".join(
            [
                md.heading(2, "Opportunities for change to consider"),
                "",
                f"*{md.escape_line(reading.opportunities_because)}*",
                "",
                md.bullet_list([s.text for s in reading.suggestions]),
            ]
        )
    return parts


def assess_entry(
    content: Content,
    flow: Flow,
    sections: Sequence[Section],
    asks: Sequence[Ask],
    answers: dict[str, Any],
    reading: Reading,
    *,
    section: str | None = None,
    when: _dt.datetime | None = None,
    care: bool = True,
    unanswered: bool = True,
    setting: str | None = None,
    review: Sequence[dict[str, Any]] = (),
    carried: Sequence[PlanStep] = (),
    next_check_in: str | None = None,
) -> Entry:
    """An assessment entry made for peer supervision: a part per step, the reading, the plan.

    The care note, when there is one, comes first; ``care=False`` leaves it out (exports).
    ``unanswered=False`` leaves out questions with no answer, so a group's handout holds
    only what was said (exports).
    Each step's responses follow that step's answers, so the reason sits beside the answer.
    ``review`` is "Since last time" as saved (one item per step reviewed), placed first after
    the care note; ``carried`` the steps carried into this plan (they keep the
    ids they were planned with).
    """
    when = when or now()
    # A hand-edited section today's flow does not have (section: nowhere) keeps the flow's title.
    title = flow.title if section is None or not sections else f"{flow.title}: {sections[0].title}"
    parts = reading_markdown(reading, care=care, carried=carried)
    lines = [md.escape_line(f"{human_date(when)}. {content.meta.disclaimer}"), ""]
    if "care" in parts:
        lines += [parts["care"], ""]
    if review:
        # "Since last time" comes first after the care note, before the ratings.
        linked = reading.wins_and_movement
        lines += [review_markdown(review, reading.responses_for("review", every=True), linked), ""]
    for sec in sections:
        sec_asks = [a for a in asks if a.section == sec.id and a.id in answers]
        if not unanswered:
            sec_asks = [a for a in sec_asks if not is_empty(answers[a.id])]
        lines += [md.heading(2, sec.title), ""]
        if sec.step == "read" and "good_things" in parts:
            lines += [parts["good_things"], ""]
            sec_asks = [a for a in sec_asks if not a.id.startswith(GOOD_THING_PREFIX)]
        if sec.step == "name":
            lines += [parts["profile"], ""]
        if sec.step == "replace" and "plan" in parts:
            lines += [parts["plan"], ""]
            sec_asks = [a for a in sec_asks if a.id != SMALL_STEPS]
        if sec_asks:
            lines += [answers_markdown(sec_asks, answers), ""]
        responses = parts.get(f"responses-{sec.step or sec.id}")
        if responses:
            lines += [responses, ""]
    if "notes" in parts:
        lines += [parts["notes"], ""]
    if flow.discussion_questions:
        lines += [md.heading(2, "For the peer-supervision group"), "", md.numbered_list(flow.discussion_questions), ""]
    return Entry(
        id=new_id("assess", when, section or "assess"),
        kind="assess",
        created=when.isoformat(timespec="milliseconds"),
        title=title,
        content_version=content.version,
        answers=answers,
        shares={a.id: a.question.share for a in asks if a.id in answers},
        section=section,
        reading=reading.to_dict(),
        body="\n".join(lines),
        setting=setting,
        review=tuple(dict(r) for r in review),
        next_check_in=next_check_in,
    )


def plan_context(rows: Sequence[Any], row: Any) -> tuple[tuple[Reviewed, ...], tuple[StepItem, ...]]:
    """For an assessment saved before: its "Since last time" as the reading reads it, and
    the steps carried into its plan, from the journal's ``rows`` (of its setting, with their
    steps, updates and reviews). A step planned in an entry since deleted is reviewed from
    what the entry kept, and cannot be shown in the plan."""
    from rct_workbook.journal.steps import instant, plan_of, step_life
    from rct_workbook.reading_rules import Reviewed

    if not row.review:
        return (), ()
    items = step_life([*rows, *([] if any(r.id == row.id for r in rows) else [row])])
    by_id = {s.id: s for s in items}
    when = instant(row.created)
    reviewed = []
    for r in row.review:
        status = r.get("status")
        if not isinstance(status, str):
            continue
        item = by_id.get(r.get("step", ""))
        what = str(r.get("what") or (item.what if item else ""))
        times = (
            sum(1 for e in item.history if e.status == "carried" and instant(e.date) <= when)
            if item is not None
            else int(status == "carried")
        )
        reviewed.append(Reviewed(str(r.get("step")), what, status, r.get("note"), times))
    carried = tuple(s for s in plan_of(row, items) if s.entry_id != row.id)
    return tuple(reviewed), carried
