"""What one printed handout page shows of an entry: the data, never its layout.

A peer-supervision group reads one page per member: who and when, the reading in brief
(the five good things, the culture mix, what already connects), what the member asks of
the group, the plan, the member's own words, and the questions for discussion. This
module picks those parts from an entry's (already redacted) shared answers, in the order
the questions were asked; how much of each answer fits on the page is decided by the
renderer (`rct_workbook.render.handout`), which says wherever it shortens.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from rct_workbook.model.answers import SMALL_STEPS
from rct_workbook.model.content import Content
from rct_workbook.model.question_types import Ask, is_empty, one_line, short_label
from rct_workbook.reading import GOOD_THING_PREFIX, PlanStep, Reading, plan_rows

#: What the member asks of the group: the page gives it a place of its own.
ASK_OF_GROUP = "ask-of-group"
#: Where the member works: shown under the title, so the group knows the setting at once.
ABOUT = ("role", "organisation")


@dataclass(frozen=True)
class Reflection:
    """One shared answer in the member's words: its label and its text, or its ticked items."""

    id: str
    label: str
    items: tuple[str, ...]
    #: Several ticked choices (shown as a list), rather than one piece of text.
    listed: bool = False


@dataclass(frozen=True)
class PlanRow:
    number: str
    what: str
    with_whom: str
    by_when: str
    risk: str
    evidence: str


@dataclass(frozen=True)
class CultureRow:
    name: str
    checked: int
    total: int


@dataclass(frozen=True)
class HandoutEntry:
    """One entry as its handout page shows it; every text is already redacted."""

    kind: str
    title: str
    date: str
    about: tuple[str, ...] = ()
    good_things: tuple[tuple[str, int | None], ...] = ()
    mean_line: str = ""
    culture: tuple[CultureRow, ...] = ()
    culture_summary: str = ""
    plan: tuple[PlanRow, ...] = ()
    #: "Since last time": each step of the last plan as reviewed, with its note.
    review: tuple[str, ...] = ()
    ask: str = ""
    reflections: tuple[Reflection, ...] = ()
    questions: tuple[str, ...] = ()
    withheld: int = 0
    #: The entry in full, as the Markdown export has it (for "Answers in full").
    full_markdown: str = ""


def reflection(ask: Ask, value: Any, label: Callable[[Ask], str]) -> Reflection | None:
    """An answer as the handout shows it, or None when it was left unanswered."""
    if is_empty(value):
        return None
    items, listed = ask.kind.handout(ask, value)
    return Reflection(ask.id, label(ask), items, listed=listed) if items else None


def _label(ask: Ask) -> str:
    return one_line(ask.question.label) if ask.question.label else short_label(ask.question.prompt)


def reflections(asks: Sequence[Ask], answers: dict[str, Any], *, shown_elsewhere: set[str]) -> tuple[Reflection, ...]:
    """The member's shared answers in the order asked, leaving out what the page shows elsewhere."""
    out = []
    for ask in asks:
        if ask.id in shown_elsewhere or ask.id not in answers:
            continue
        found = reflection(ask, answers[ask.id], _label)
        if found is not None:
            out.append(found)
    return tuple(out)


def assess_page(
    content: Content,
    asks: Sequence[Ask],
    answers: dict[str, Any],
    reading: Reading,
    *,
    title: str,
    date: str,
    withheld: int,
    full_markdown: str,
    carried: Sequence[PlanStep] = (),
    review: Sequence[str] = (),
) -> HandoutEntry:
    """The handout page of an assessment, from its shared (redacted) answers and its reading;
    the plan holds the steps ``carried`` into it too, marked, not numbered anew."""
    by_id = {a.id: a for a in asks}
    about = tuple(
        one_line(by_id[key].kind.plain(by_id[key], answers[key]))
        for key in ABOUT
        if key in by_id and key in answers and not is_empty(answers[key])
    )
    rated = any(g.rating is not None for g in reading.good_things)
    mean_line = ""
    if rated and reading.mean is not None:
        since = f" ({reading.mean_change:+.1f} since the last assessment)" if reading.mean_change else ""
        mean_line = f"Mean {reading.mean:.1f} of 5{since}" + (f": {reading.band}." if reading.band else ".")
    ticked = any(c.checked for c in reading.profile)
    plan = tuple(PlanRow(*(one_line(cell) for cell in row)) for row in plan_rows(reading.steps, carried))
    ask = answers.get(ASK_OF_GROUP)
    elsewhere = {
        *(a.id for a in asks if a.id.startswith(GOOD_THING_PREFIX)),
        SMALL_STEPS,
        ASK_OF_GROUP,
        *ABOUT,
    }
    flow = content.flows.get("assess")
    return HandoutEntry(
        kind="assess",
        title=title,
        date=date,
        about=about,
        good_things=tuple((g.name, g.rating) for g in reading.good_things) if rated else (),
        mean_line=mean_line,
        culture=tuple(CultureRow(c.name, c.checked, c.total) for c in reading.profile if c.total) if ticked else (),
        culture_summary=reading.profile_summary if ticked else "",
        plan=plan,
        review=tuple(one_line(r) for r in review),
        ask=one_line(ask) if isinstance(ask, str) else "",
        reflections=reflections(asks, answers, shown_elsewhere=elsewhere),
        questions=tuple(flow.discussion_questions) if flow is not None else (),
        withheld=withheld,
        full_markdown=full_markdown,
    )


def vignette_page(
    asks: Sequence[Ask],
    answers: dict[str, Any],
    *,
    title: str,
    date: str,
    about: Sequence[str],
    questions: Sequence[str],
    withheld: int,
    full_markdown: str,
) -> HandoutEntry:
    """The handout page of a reflection on a vignette: the case, the member's words, the questions."""
    return HandoutEntry(
        kind="vignette",
        title=title,
        date=date,
        about=tuple(one_line(a) for a in about),
        ask=one_line(answers[ASK_OF_GROUP]) if isinstance(answers.get(ASK_OF_GROUP), str) else "",
        reflections=reflections(asks, answers, shown_elsewhere={ASK_OF_GROUP}),
        questions=tuple(questions),
        withheld=withheld,
        full_markdown=full_markdown,
    )


def other_page(answers: dict[str, Any], *, title: str, date: str, withheld: int, full_markdown: str) -> HandoutEntry:
    """An entry of a kind today's content does not know: its answers under their ids."""
    found = []
    for key, value in answers.items():
        if is_empty(value):
            continue
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            found.append(Reflection(key, key, tuple(one_line(v) for v in value), listed=True))
        else:
            found.append(Reflection(key, key, (one_line(value if isinstance(value, str) else repr(value)),)))
    return HandoutEntry(
        kind="other", title=title, date=date, reflections=tuple(found), withheld=withheld, full_markdown=full_markdown
    )


def redacted(entry: HandoutEntry, text: Callable[[str], str]) -> HandoutEntry:
    """The page with ``text`` (the export's redactor) applied to every string it shows, content's
    words included (a case or question could name someone the member asked to redact)."""
    from dataclasses import replace

    def many(values: Sequence[str]) -> tuple[str, ...]:
        return tuple(text(v) for v in values)

    return replace(
        entry,
        title=text(entry.title),
        date=text(entry.date),
        about=many(entry.about),
        good_things=tuple((text(name), rating) for name, rating in entry.good_things),
        mean_line=text(entry.mean_line),
        culture=tuple(CultureRow(text(c.name), c.checked, c.total) for c in entry.culture),
        culture_summary=text(entry.culture_summary),
        plan=tuple(
            PlanRow(p.number, text(p.what), text(p.with_whom), text(p.by_when), text(p.risk), text(p.evidence))
            for p in entry.plan
        ),
        review=many(entry.review),
        ask=text(entry.ask),
        reflections=tuple(Reflection(r.id, text(r.label), many(r.items), listed=r.listed) for r in entry.reflections),
        questions=many(entry.questions),
    )
