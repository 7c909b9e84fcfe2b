"""Documents for a peer-supervision meeting, made from journal entries.

An export is rebuilt from each entry's answers (never copied from its file), so names
can be redacted in every answer, and it holds no internal ids or local paths. Nothing
here writes to the journal.
"""

from __future__ import annotations

import datetime as _dt
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rct_workbook.dates import when_phrase
from rct_workbook.journal.deidentify import Redactor, names_in
from rct_workbook.journal.entry import parse_reading
from rct_workbook.journal.handout import HandoutEntry
from rct_workbook.journal.index import Row
from rct_workbook.journal.reflection import assess_entry, human_date, vignette_entry
from rct_workbook.model import commonmark as md
from rct_workbook.model.answers import BY_WHEN, SMALL_STEPS, WITH_WHOM, Ask, resolve, texts_in
from rct_workbook.model.content import Content
from rct_workbook.reading import CONNECTING, PRACTICES, SmallStep, present_in_order, read

if TYPE_CHECKING:
    from rct_workbook.reading_rules import Reviewed

#: Marks the top of every export, so tools (and `rct group agenda`) can recognise one.
EXPORT_MARK = "<!-- rct-workbook export, format 1 -->"


def asks_for(content: Content, row: Row) -> list[Ask]:
    """The questions an entry answered, as today's content asks them."""
    if row.kind == "assess" and "assess" in content.flows:
        flow = content.flows["assess"]
        sections = [s for s in flow.sections if row.section is None or s.step == row.section]
        return [a for s in sections for a in resolve(s.questions, content, s.id)]
    if row.kind == "vignette" and row.vignette in content.vignettes:
        return list(resolve(content.vignettes[row.vignette].reflection, content))
    return []


def check_answers(content: Content, row: Row) -> None:
    """Raise a one-line StorageError, naming the file and the key, if an answer does not
    have the form its question takes (a hand-edited number where text belongs, a mapping
    where a list belongs): showing or exporting it would otherwise fail half-way."""
    from rct_workbook.errors import StorageError
    from rct_workbook.model.answers import check
    from rct_workbook.model.question_types import kind_of_value

    for ask in asks_for(content, row):
        value = row.answers.get(ask.id)
        if value in (None, "", []):
            continue
        try:
            stored = check(ask, value)
            # An answers file may give one choice as text; a saved entry always holds the list.
            if kind_of_value(stored) != kind_of_value(value):
                raise ValueError(f"expected {kind_of_value(stored)}, got {kind_of_value(value)}")
        except ValueError as exc:
            raise StorageError(
                f"cannot read journal/{row.name}: answers.{ask.id}: {exc}; correct it in the file or move the file away"
            ) from None


def shared_answers(content: Content, row: Row, include_private: bool) -> tuple[dict[str, Any], int]:
    """The answers an export may show, and how many were withheld as private.

    An answer is shared only when it was saved as ``share: group`` (stored in the entry)
    and today's content does not make it private; a content pack can narrow what is
    shared, never widen it. An answer saved with no share mode (an older entry, or a
    ``shares:`` block removed by hand) takes the most private of the shipped default and
    today's content, never a pack's wider choice; answers nobody said may be shared are
    withheld.
    """
    share = {a.id: a.question.share for a in asks_for(content, row)}
    shipped = share
    if content.packs and any(key not in row.shares for key in row.answers):
        from rct_workbook.model.content import load_content

        shipped = {a.id: a.question.share for a in asks_for(load_content(), row)}
    kept: dict[str, Any] = {}
    withheld = 0
    for key, value in row.answers.items():
        # What was stored at save time decides; today's content can only narrow it.
        stored = row.shares.get(key)
        modes = {stored, share.get(key), None if stored else shipped.get(key)} - {None}
        mode = "private" if "private" in modes or not modes else "group"
        if include_private or mode == "group":
            kept[key] = value
        elif value not in (None, [], ""):
            withheld += 1
    if row.kind == "assess" and row.review and (include_private or share.get(SMALL_STEPS) != "private"):
        # "Since last time" and the steps carried in are part of the plan: shared with it,
        # and, as answers, reviewed for identifiers and redacted like every answer.
        kept.update(plan_answers(row))
    return kept, withheld


#: Keys an export adds to an assessment's shared answers: its "Since last time" (what,
#: status, note, how often carried) and the steps carried into its plan.
SINCE_KEY = "since-last-time"
CARRIED_KEY = "carried-steps"
#: How the identifier review names where their words are.
PLAN_LABELS = {SINCE_KEY: "Since last time", CARRIED_KEY: "Steps carried into the plan"}


def plan_answers(row: Row) -> dict[str, Any]:
    """An assessment's review of the last plan and the steps carried into its plan, as answers."""
    from rct_workbook.journal.index import open_index
    from rct_workbook.journal.reflection import plan_context

    index, _ = open_index()
    try:
        reviewed, carried = plan_context(index.rows(kind="assess", setting=row.setting, fields="life"), row)
    finally:
        index.close()
    review = [
        {"what": r.what, "status": r.status, **({"note": r.note} if r.note else {}), "times": r.times_carried}
        for r in reviewed
    ]
    steps = [
        {"what": s.what, WITH_WHOM: s.with_whom, BY_WHEN: s.by_when, "risk": s.risk, "evidence": s.evidence}
        for s in carried
    ]
    return {SINCE_KEY: review, CARRIED_KEY: steps}


def review_lines(review: Sequence[dict[str, Any]]) -> list[str]:
    """ "Since last time" as lines: each step, what became of it, and the note."""
    from rct_workbook.journal.reflection import STATUS_WORDS

    return [
        f"“{' '.join(str(r.get('what') or '').split())}”: {STATUS_WORDS.get(str(r.get('status')), '')}."
        + (f" You noted: “{' '.join(str(r['note']).split())}”." if r.get("note") else "")
        for r in review
    ]


def split_plan(answers: dict[str, Any]) -> tuple[dict[str, Any], list[dict[str, Any]], list[Reviewed], list[SmallStep]]:
    """(the answers without the plan's additions, the review as saved, as the reading reads
    it, and the carried steps) from answers that ``shared_answers`` (maybe redacted) gave."""
    from rct_workbook.reading_rules import Reviewed

    rest = {k: v for k, v in answers.items() if k not in (SINCE_KEY, CARRIED_KEY)}
    review = [r for r in answers.get(SINCE_KEY) or [] if isinstance(r, dict)]
    reviewed = [
        Reviewed("", str(r.get("what") or ""), str(r.get("status")), r.get("note"), int(r.get("times") or 0))
        for r in review
    ]
    carried = [
        SmallStep(str(s.get("what") or ""), s.get(WITH_WHOM), s.get(BY_WHEN), s.get("risk"), s.get("evidence"))
        for s in answers.get(CARRIED_KEY) or []
        if isinstance(s, dict)
    ]
    return rest, review, reviewed, carried


def texts_and_names(content: Content, row: Row, answers: dict[str, Any]) -> tuple[list[tuple[str, str]], list[str]]:
    """(where, text) for every exported answer, and the names in answers that list people."""
    asks = {a.id: a for a in asks_for(content, row)}
    texts: list[tuple[str, str]] = []
    names: list[str] = []
    for key, value in answers.items():
        ask = asks.get(key)
        prompt = ask.question.prompt if ask else PLAN_LABELS.get(key, key)
        where = f"{row.title} ({row.date}) › {' '.join(prompt.split())}"
        if ask is not None and ask.fields and isinstance(value, list):
            fields = {f.id: f for f in ask.fields}
            for row_value in value:
                if not isinstance(row_value, dict):
                    continue
                for fid, fvalue in row_value.items():
                    for text in texts_in(fvalue):
                        texts.append((where, text))
                        if fid in fields and fields[fid].question.names:
                            names.extend(names_in(text))
            continue
        for text in texts_in(value):
            texts.append((where, text))
            if ask is not None and ask.question.names:
                names.extend(names_in(text))
    return texts, names


def care_note_shown(rows: Sequence[Row]) -> bool:
    """Whether any of these entries opened with the care note (the entry records only that)."""
    return any(row.kind == "assess" and parse_reading(row.reading).care_note for row in rows)


def _data_comment(
    content: Content,
    row: Row,
    answers: dict[str, Any],
    redactor: Redactor | None = None,
    *,
    check_in_first: bool = False,
    member: str = "",
) -> str:
    """A small machine-readable summary of the entry for `rct group agenda` (format 1).

    ``check_in_first`` is there only when the person asked for it at export; neither the
    care note nor what raised it is ever part of an export. ``member`` is the name the
    document is shared under (the agenda names the member by it). ``token`` is the same
    for every export of one entry and says nothing else: an HMAC of the entry's id keyed
    with the data folder's secret, so `rct workshop profile` counts an entry exported
    twice once, while no one without the secret can tell whose entry it is.
    """
    data: dict[str, Any] = {"kind": row.kind, "date": row.date, "title": row.title}
    if check_in_first:
        data["check_in_first"] = True
    if row.kind == "assess":
        answers, review, _, carried = split_plan(answers)
        reading = read(content, answers, parse_reading(row.reading).previous, section=row.section)
        data["mean"] = None if reading.mean is None else round(reading.mean, 2)
        data["profile_summary"] = reading.profile_summary
        data["leading"] = [c.id for c in present_in_order(reading.profile)]
        # The plan is this plan's steps, then those carried into it (marked, as the same steps).
        data["plan"] = [
            {"what": st.what, "with": st.with_whom, "by": st.by_when, "risk": st.risk} for st in reading.steps
        ] + [
            {"what": st.what, "with": st.with_whom, "by": st.by_when, "risk": st.risk, "carried": True}
            for st in carried
        ]
        if review:
            data["review"] = [{k: r[k] for k in ("what", "status", "note") if k in r} for r in review]
        strategies = answers.get("strategies")
        data["strategies"] = list(strategies) if isinstance(strategies, list) else []
        # For `rct workshop profile`: ratings and ticked practices, as ids and numbers only.
        data["good_things"] = {g.id: g.rating for g in reading.good_things}
        data["practices"] = _ids(answers.get(PRACTICES))
        data["connecting"] = _ids(answers.get(CONNECTING))
        data["ask"] = answers.get("ask-of-group")
        if "assess" in content.flows:
            data["questions"] = list(content.flows["assess"].discussion_questions)
    elif row.kind == "vignette" and row.vignette in content.vignettes:
        data["vignette"] = row.vignette
        data["questions"] = list(content.vignettes[row.vignette].discussion_questions)
    if redactor is not None:
        data = {key: redactor.data(value) for key, value in data.items()}  # values only, never the keys
    if member:
        data["member"] = member
    data["token"] = entry_token(row.id)
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    # Inside an HTML comment "--" and "<" must not appear literally, nor anything that could
    # drive a terminal the document is shown in; JSON escapes keep the data exact.
    text = _UNSAFE_IN_COMMENT.sub(lambda m: f"\\u{ord(m.group()):04x}", text.replace("--", "-\\u002d"))
    return f"<!-- rct-entry {text} -->"


_UNSAFE_IN_COMMENT = re.compile("[<>\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def entry_token(entry_id: str) -> str:
    """An anonymous token for one entry, the same in each of its exports (see _data_comment)."""
    import hashlib
    import hmac

    from rct_workbook.journal.decisions import key_for_saving

    return hmac.new(key_for_saving(), f"entry-token\0{entry_id}".encode(), hashlib.sha256).hexdigest()[:24]


def _ids(value: Any) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def _when(row: Row) -> _dt.datetime:
    try:
        return _dt.datetime.fromisoformat(row.created)
    except ValueError:
        return _dt.datetime.now().astimezone()


def _demote(markdown: str, by: int = 1) -> str:
    """Push every heading down a level: the entry's title becomes a section of the document."""
    return "\n".join("#" * by + line if line.startswith("#") else line for line in markdown.split("\n"))


def _generic(row: Row, answers: dict[str, Any]) -> str:
    lines = [md.heading(1, row.title or row.kind), "", md.escape_line(human_date(_when(row)) + "."), ""]
    for key, value in answers.items():
        lines += [md.heading(3, key), "", md.escape_text(value if isinstance(value, str) else repr(value)), ""]
    return "\n".join(lines)


def entry_markdown(content: Content, row: Row, answers: dict[str, Any]) -> str:
    """An entry as a Markdown document (its title as the heading), rebuilt from (possibly
    redacted) answers with today's content."""
    body = _entry_body(content, row, answers)
    if row.kind in ("assess", "vignette") and not body.startswith("# "):
        body = f"{md.heading(1, row.title or row.kind)}\n\n{body}"
    return body


def _entry_body(content: Content, row: Row, answers: dict[str, Any]) -> str:
    when = _when(row)
    if row.kind == "assess" and "assess" in content.flows:
        flow = content.flows["assess"]
        sections = [s for s in flow.sections if row.section is None or s.step == row.section]
        asks = [a for s in sections for a in resolve(s.questions, content, s.id)]
        known = {a.id for a in asks}
        answers, review, reviewed, carried = split_plan(answers)
        reading = read(
            content, answers, parse_reading(row.reading).previous, section=row.section, review=reviewed, carried=carried
        )
        body = assess_entry(
            content,
            flow,
            sections,
            asks,
            answers,
            reading,
            section=row.section,
            review=review,
            carried=carried,
            when=when,
            care=False,
            unanswered=False,
        ).body
        return body + _unknown(answers, known)
    if row.kind == "vignette" and row.vignette in content.vignettes:
        vignette = content.vignettes[row.vignette]
        asks_v: list[Ask] = list(resolve(vignette.reflection, content))
        body = vignette_entry(content, vignette, asks_v, answers, when).body
        return body + _unknown(answers, {a.id for a in asks_v})
    return _generic(row, answers)


def _unknown(answers: dict[str, Any], known: set[str]) -> str:
    """Answers to questions today's content no longer has: kept, under their ids."""
    extra = {k: v for k, v in answers.items() if k not in known and v not in (None, [], "")}
    if not extra:
        return ""
    lines = ["", md.heading(2, "Other answers"), ""]
    for key, value in extra.items():
        text = (
            value if isinstance(value, str) else ", ".join(map(str, value)) if isinstance(value, list) else str(value)
        )
        lines += [md.heading(3, key), "", md.escape_text(text), ""]
    return "\n".join(lines)


@dataclass(frozen=True)
class Chart:
    """A chart for the HTML page: the exact Markdown table it stands for, and its SVG."""

    markdown: str
    svg: str


@dataclass(frozen=True)
class Export:
    markdown: str
    title: str
    redactions: int
    withheld: int
    #: For the printed handout (`render.handout`): one page of data per entry, the movement
    #: over time (two or more assessments), the opening line and the footer's notes.
    pages: tuple[HandoutEntry, ...] = ()
    movement: Chart | None = None
    opening: str = ""
    member: str = ""
    notes: tuple[str, ...] = ()
    disclaimer: str = ""


def _short_date(row: Row) -> str:
    return _when(row).strftime("%d %b %Y").lstrip("0")


def _rating_cell(g: Any) -> str:
    if g.rating is None:
        return "–"
    return f"{g.rating} ({g.change:+d})" if g.change else str(g.rating)


def _brief(content: Content, row: Row, answers: dict[str, Any]) -> str:
    """The reading in brief, for the top of an assessment: the five good things as a
    compact table, the culture mix, the plan (with the steps carried into it), the ask of the group."""
    answers, _, _, carried = split_plan(answers)
    reading = read(content, answers, parse_reading(row.reading).previous)
    lines = [md.heading(3, "In brief"), ""]
    rated = [g for g in reading.good_things if g.rating is not None]
    if rated:
        mean = "" if reading.mean is None else f"{reading.mean:.1f}"
        table = "\n".join(
            [
                "| " + " | ".join([*(md.escape_line(g.name) for g in reading.good_things), "Mean"]) + " |",
                "| " + " | ".join(["---"] * (len(reading.good_things) + 1)) + " |",
                "| " + " | ".join([*(_rating_cell(g) for g in reading.good_things), mean]) + " |",
            ]
        )
        lines += [table, ""]
        if reading.band:
            lines += [md.escape_line(f"Mean {mean} of 5: {reading.band}."), ""]
    mix = [c for c in reading.profile if c.total]
    if mix and any(c.checked for c in mix):
        shares = ", ".join(f"{c.name} {round(100 * c.share)}%" for c in mix)
        lines += [md.escape_line(f"Culture mix: {shares}. {reading.profile_summary}"), ""]
    if reading.steps or carried:
        # A plan made only of carried steps is still a plan.
        lines += ["Plan:", ""]
        steps = []
        for i, st in enumerate([*reading.steps, *carried]):
            extra = [f"with {st.with_whom}" if st.with_whom else "", when_phrase(st.by_when) if st.by_when else ""]
            detail = ", ".join(e for e in extra if e)
            risk = f" (risk: {st.risk})" if st.risk else ""
            mark = " (carried forward)" if i >= len(reading.steps) else ""
            steps.append(f"{st.what}{' — ' + detail if detail else ''}{risk}{mark}")
        lines += [md.numbered_list(steps), ""]
    ask = answers.get("ask-of-group")
    if isinstance(ask, str) and ask.strip():
        lines += [md.escape_line(f"What I ask of the group: {' '.join(ask.split())}"), ""]
    return "\n".join(lines).rstrip("\n")


def _movement(content: Content, rows: Sequence[Row], redacted: list[dict[str, Any]]) -> tuple[str, Chart | None]:
    """The five good things across the assessments in the export (two or more)."""
    from rct_workbook.model.charts import movement

    points = []
    for row, answers in zip(rows, redacted, strict=True):
        if row.kind != "assess":
            continue
        reading = read(content, answers)
        if any(g.rating is not None for g in reading.good_things):
            points.append((_short_date(row), reading.good_things))
    if len(points) < 2:
        return "", None
    names = [g.name for g in points[0][1]]
    header = "| Good thing | " + " | ".join(d for d, _ in points) + " |"
    rule = "| --- |" + " --- |" * len(points)
    body = []
    series = []
    for i, name in enumerate(names):
        values = [goods[i].rating if i < len(goods) else None for _, goods in points]
        body.append(f"| {md.escape_line(name)} | " + " | ".join("–" if v is None else str(v) for v in values) + " |")
        series.append((name, values))
    table = "\n".join([header, rule, *body])
    svg = movement([d for d, _ in points], series, title="The five good things over time (1–5)")
    text = "\n".join([md.heading(2, "Movement over time"), "", table, ""])
    return text, Chart(table, svg)


def _date_span(rows: Sequence[Row]) -> str:
    dates = sorted(_when(r) for r in rows)
    first, last = human_date(dates[0]), human_date(dates[-1])
    return first if first == last else f"{first} to {last}"


def build_export(
    content: Content,
    rows: Sequence[Row],
    redactor: Redactor | None = None,
    *,
    include_private: bool = False,
    review_note: str | None = None,
    check_in_first: bool = False,
    display_name: str | None = None,
) -> Export:
    """One Markdown document for a peer-supervision meeting (format 1): a handout.

    Structure, for people and for `rct group agenda`: the first line is ``EXPORT_MARK``;
    one ``#`` title; a line with the member's display name (if chosen) and what the
    document holds; with two or more assessments a ``## Movement over time`` table; then
    per entry a ``##`` heading followed by a ``<!-- rct-entry {json} -->`` comment (kind,
    date, title, check_in_first when the person asked the group to check in with them
    first, and for assessments mean, profile_summary, leading, plan, strategies,
    good_things, practices, connecting, ask, questions), for assessments a ``### In
    brief`` section (the five good things, culture mix, plan, ask of the group), then the
    entry; a closing ``---`` and footer lines, the last of them the disclaimer. The care note is never exported.
    """
    redactor = redactor or Redactor()
    rows = sorted(rows, key=lambda r: r.created)
    title = f"Peer supervision: reflections, {_date_span(rows)}"
    parts = [EXPORT_MARK, "", md.heading(1, title), ""]
    count = f"{len(rows)} reflection{'s' if len(rows) != 1 else ''}"
    who = " ".join((display_name or "").split())
    opening = f"{who}: {count}" if who else count
    parts += [md.escape_line(f"{opening}, prepared with rct-workbook for a peer-supervision meeting."), ""]
    bodies = []
    withheld = 0
    disclaimer = md.escape_line(content.meta.disclaimer)
    redacted_answers = []
    pages: list[HandoutEntry] = []
    for row in rows:
        answers, hidden = shared_answers(content, row, include_private)
        withheld += hidden
        answers = redactor.data(answers)
        redacted_answers.append(answers)
        # The disclaimer moves to the footer, once: the handout opens with what the group needs.
        entry = entry_markdown(content, row, answers).replace(f". {disclaimer}", ".").replace(disclaimer, "")
        # Names in the case text and questions (not only in answers) are redacted too.
        body = redactor.text(_demote(entry)).strip("\n")
        body = re.sub(r"\n{3,}", "\n\n", body)
        heading, _, rest = body.partition("\n")
        comment = _data_comment(content, row, answers, redactor, check_in_first=check_in_first, member=who)
        brief = ""
        if row.kind == "assess":
            brief = f"\n{redactor.text(_brief(content, row, answers))}\n"
        bodies.append(f"{heading}\n\n{comment}\n{brief}{rest}")
        # The page shows words the Markdown already holds: its redactions are not counted twice.
        counted = redactor.count
        pages.append(_page(content, row, answers, redactor, withheld=hidden, full_markdown=f"{heading}\n\n{rest}"))
        redactor.count = counted
    movement, movement_chart = _movement(content, rows, redacted_answers)
    if movement_chart is not None:
        parts.append(movement)
    parts.append("\n\n".join(bodies))
    footer = []
    if withheld:
        footer.append(f"{withheld} private answer{'s were' if withheld != 1 else ' was'} withheld from this document.")
    if redactor:
        footer.append(
            "Identifying details were redacted: each is replaced by the same placeholder "
            "([Person A], [Email 1], …) wherever it appears."
        )
    if review_note:
        footer.append(review_note)
    text = "\n".join(parts).rstrip("\n") + "\n"
    text += "\n---\n\n" + "\n\n".join([*(md.escape_line(f) for f in footer), disclaimer]) + "\n"
    return Export(
        text,
        title,
        redactor.count,
        withheld,
        pages=tuple(pages),
        movement=movement_chart,
        opening=f"{opening}, prepared with rct-workbook for a peer-supervision meeting.",
        member=who,
        notes=tuple(footer[1:] if withheld else footer),  # each page says what it withheld itself
        disclaimer=content.meta.disclaimer,
    )


def _page(
    content: Content, row: Row, answers: dict[str, Any], redactor: Redactor, *, withheld: int, full_markdown: str
) -> HandoutEntry:
    """The handout page of one entry, from its shared, redacted answers; the redactor also
    goes over the content's words on the page, as it does over the Markdown."""
    from rct_workbook.journal import handout

    date = human_date(_when(row))
    title = row.title or row.kind
    if row.kind == "assess" and "assess" in content.flows:
        answers, review, reviewed, carried = split_plan(answers)
        reading = read(
            content, answers, parse_reading(row.reading).previous, section=row.section, review=reviewed, carried=carried
        )
        page = handout.assess_page(
            content,
            asks_for(content, row),
            answers,
            reading,
            carried=carried,
            review=review_lines(review),
            title=title,
            date=date,
            withheld=withheld,
            full_markdown=full_markdown,
        )
    elif row.kind == "vignette" and row.vignette in content.vignettes:
        vignette = content.vignettes[row.vignette]
        culture = content.cultures.get(vignette.culture) if vignette.culture else None
        about = [f"A case from Hartling & Sparks (2002): {vignette.setting}", *([culture.name] if culture else [])]
        page = handout.vignette_page(
            asks_for(content, row),
            answers,
            title=title,
            date=date,
            about=about,
            questions=vignette.discussion_questions,
            withheld=withheld,
            full_markdown=full_markdown,
        )
    else:
        page = handout.other_page(answers, title=title, date=date, withheld=withheld, full_markdown=full_markdown)
    return handout.redacted(page, redactor.text)


def read_names_file(text: str) -> list[str]:
    """Names, one per line; blank lines and lines starting with # are ignored."""
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(values))
