"""The export as a printed peer-supervision handout: one calm page per entry.

Each page holds what the group needs, in the order it needs it: who and when, the reading
in brief (the five good things as bars, the culture mix), what the member asks of the
group, the plan, the member's own words, and the questions for discussion; the notes and
the disclaimer sit in its footer. With two or more assessments, a first page shows the
five good things over time.

A page has a fixed amount of room and answers do not: `fit_page` estimates, in lines of
body text, what each part needs at the printed width, and shortens the member's words
(whole sentences first, then words, then the items of a list) so that the page prints on
one sheet of A4 or US Letter. Nothing is shortened silently: a shortened answer ends with
" …" and the page's footer says where the answers are in full. ``with_answers`` adds them
after the handout pages, one entry a page, exactly as the Markdown export has them.

The estimate is deliberately pessimistic (narrower lines than the paper holds); the
print tests check it in headless Chromium.
"""

from __future__ import annotations

import html
import re
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

from rct_workbook.journal.export import Export
from rct_workbook.journal.handout import HandoutEntry, PlanRow, Reflection
from rct_workbook.render.safe import clean

#: The mark a shortened answer ends with.
CUT = " …"
#: The mark a member's answer ends with where its next sentence did not fit: a sentence of
#: theirs is never cut part-way ("I'm worried we are sending her …" read as something else).
CONTINUED = " … (continued in the full answers)"

# -- what fits on a page ------------------------------------------------------------------
#
# Units are lines of 10pt body text (13.5pt apart). The printed page is the smaller of A4
# and US Letter on each side: Letter's height (279 mm) and A4's width (210 mm), less the
# page margins of HANDOUT_PRINT_CSS, which leaves about 53.5 lines of 125 characters
# (measured in Chromium); the figures below keep a margin of safety on both.

#: Lines of body text one page holds.
PAGE_LINES = 53.0
#: Characters in one full-width line of body text (10pt).
WIDTH = 112
#: Characters in one line of a column when the member's answers run in two columns.
HALF_WIDTH = 52
#: Room lost to balancing two columns (an answer is never split between them), in lines.
BALANCE = 1.5
#: Characters in one line of the small text (9pt): the plan, the questions.
SMALL_WIDTH = 125
#: Characters in one line of the footer (7.5pt), in which lines are this much of a body line.
FOOT_WIDTH = 160
FOOT_LINE = 0.78
SMALL_LINE = 0.9
#: A heading (h3) with the space around it.
HEADING = 1.6
#: The title (h2, 13pt) with its rule and the space around it, and each line of it.
TITLE = 1.0
TITLE_LINE = 1.4
TITLE_WIDTH = 80
#: The running head (on the first page, the document's title).
RUNNING = 1.2
#: The five good things (the chart and the mean under it) beside the culture mix.
BRIEF = 7.2
#: Space after each answer or plan row.
GAP = 0.25
#: How many lines of its column each plan cell may take, and the columns' widths in characters.
PLAN_COLUMNS = (34, 16, 12, 8, 28)
PLAN_CELL_LINES = 3
#: The line under the title (the date, the role and the organisation, or the case) at the most.
ABOUT_LINES = 2


def lines(text: str, width: int) -> int:
    """How many lines ``text`` wraps to at ``width`` characters (at least one)."""
    return max(1, len(textwrap.wrap(text, width, break_long_words=True, break_on_hyphens=True)))


_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")


def shorten(
    text: str, width: int, max_lines: int, *, lead: str = "", tail: str = "", whole_sentences: bool = False
) -> tuple[str, bool]:
    """``text`` cut to fit ``max_lines`` lines of ``width`` characters between ``lead`` (a
    run-in label) and ``tail``: whole sentences while they fit, else as many whole words as
    fit; a cut text ends with " …". With ``whole_sentences`` (a member's own words) it is
    never cut inside a sentence: what does not fit ends with ``CONTINUED`` instead, even
    when that leaves only the mark. Returns the text (without lead or tail) and whether it
    was shortened."""
    if lines(lead + text + tail, width) <= max_lines:
        return text, False
    mark = CONTINUED if whole_sentences else CUT
    kept = ""
    for sentence in _SENTENCE_END.split(text):
        candidate = f"{kept} {sentence}".strip()
        if lines(lead + candidate + mark + tail, width) > max_lines:
            break
        kept = candidate
    if whole_sentences:
        return (kept + mark).strip(), True
    if not kept:
        words = text.split()
        low, high = 0, len(words)
        while low < high:  # the most words that fit, with the mark
            mid = (low + high + 1) // 2
            if lines(lead + " ".join(words[:mid]) + CUT + tail, width) <= max_lines:
                low = mid
            else:
                high = mid - 1
        kept = " ".join(words[:low])
        if not kept:  # a single word longer than the room: cut inside it
            room = max(1, width * max_lines - len(lead) - len(CUT) - len(tail))
            kept = text[:room]
    return kept.rstrip(" ,;:—–-") + CUT, True


def list_text(items: Sequence[str], more: int = 0) -> str:
    """Ticked items run together in one paragraph: "a; b; and 2 more"."""
    parts = [item.rstrip(" .;") for item in items]
    if more:
        parts.append(f"and {more} more{CUT}")
    return "; ".join(parts) + ("" if more else ".")


@dataclass(frozen=True)
class Shown:
    """One answer as the page shows it."""

    label: str
    text: str
    shortened: bool = False


@dataclass(frozen=True)
class Fitted:
    """A page's parts after fitting: what is shown, and what was shortened or left off it."""

    entry: HandoutEntry
    about: str
    ask: str
    plan: tuple[PlanRow, ...]
    plan_more: int
    reflections: tuple[Shown, ...]
    left_off: tuple[str, ...]
    questions: tuple[str, ...]
    questions_more: int
    shortened: bool
    #: The member's answers run in one column, or in two on a crowded page.
    columns: int = 1


def _run_in(label: str) -> str:
    return f"{label}. "


def reflection_cost(label: str, text: str, width: int = WIDTH) -> float:
    return lines(_run_in(label) + text, width) + GAP


def _full_text(r: Reflection) -> str:
    return list_text(r.items) if r.listed else " ".join(r.items)


def shorten_reflection(r: Reflection, max_lines: int, width: int = WIDTH) -> Shown:
    """One answer cut to ``max_lines`` lines with its run-in label: a list keeps its first items."""
    lead = _run_in(r.label)
    full = _full_text(r)
    if lines(lead + full, width) <= max_lines:
        return Shown(r.label, full)
    if r.listed:
        # A choice named before the paper's gloss ("Norming: call attention to …") keeps its
        # name: the member chose the name, the gloss is the paper's, so nothing of theirs is cut.
        names = tuple(item.split(": ", 1)[0] for item in r.items)
        if names != r.items and lines(lead + list_text(names), width) <= max_lines:
            return Shown(r.label, list_text(names))
        for keep in range(len(r.items) - 1, 0, -1):
            text = list_text(r.items[:keep], len(r.items) - keep)
            if lines(lead + text, width) <= max_lines:
                return Shown(r.label, text, True)
        rest = len(r.items) - 1
        tail = f"; and {rest} more" if rest else ""
        first, _ = shorten(r.items[0].rstrip(" .;"), width, max_lines, lead=lead, tail=tail)
        return Shown(r.label, first + tail, True)
    text, cut = shorten(full, width, max_lines, lead=lead, whole_sentences=True)
    return Shown(r.label, text, cut)


def fit_reflections(
    items: Sequence[Reflection], budget: float, *, floor: int = 2, columns: int = 1
) -> tuple[tuple[Shown, ...], tuple[str, ...]]:
    """Share ``budget`` lines among the answers, the shortest whole first (water-filling):
    every answer gets the same most lines L that makes them fit, shorter ones all of theirs.
    In two columns each answer has half the width and there is twice the room, less what
    balancing the columns costs.

    Each answer keeps at least ``floor`` lines; when even that does not fit, the last answers
    are left off the page, and their labels returned (the page names them)."""
    items = list(items)
    left_off: list[str] = []
    width = WIDTH if columns == 1 else HALF_WIDTH
    room = budget if columns == 1 else columns * (budget - BALANCE)
    full = [lines(_run_in(r.label) + _full_text(r), width) for r in items]

    def need(level: int) -> float:
        # The line naming answers left off runs across the whole page.
        return sum(min(f, max(level, floor)) + GAP for f in full) + (columns * 1.0 if left_off else 0.0)

    budget = room
    while items and need(floor) > budget:
        left_off.insert(0, items.pop().label)
        full.pop()
    if not items:
        return (), tuple(left_off)
    level = max(full)
    while level > floor and need(level) > budget:
        level -= 1
    allot = [min(f, max(level, floor)) for f in full]
    # The lines left over go, one at a time and in the order asked, to answers still cut.
    spare = budget - need(level)
    for i, f in enumerate(full):
        more = min(f - allot[i], int(spare))
        if more > 0:
            allot[i] += more
            spare -= more
    return tuple(shorten_reflection(r, n, width) for r, n in zip(items, allot, strict=True)), tuple(left_off)


def plan_row_cost(row: PlanRow) -> float:
    cells = (row.what, row.with_whom, row.by_when, row.risk, row.evidence)
    return max(lines(c, w) for c, w in zip(cells, PLAN_COLUMNS, strict=True)) * SMALL_LINE + GAP


def shorten_plan_row(row: PlanRow, max_lines: int) -> tuple[PlanRow, bool]:
    cells = []
    cut_any = False
    for value, width in zip((row.what, row.with_whom, row.by_when, row.risk, row.evidence), PLAN_COLUMNS, strict=True):
        text, cut = shorten(value, width, max_lines)
        cells.append(text)
        cut_any = cut_any or cut
    return PlanRow(row.number, *cells), cut_any


def _questions_cost(questions: Sequence[str]) -> float:
    return sum(lines(q, SMALL_WIDTH - 4) * SMALL_LINE + 0.05 for q in questions)


def _questions_block(questions: Sequence[str], more: int) -> float:
    return HEADING + _questions_cost(questions) + (SMALL_LINE if more else 0.0) if questions else 0.0


def _ask_block(ask: str) -> float:
    return HEADING + lines(ask, WIDTH - 4) + 0.8 if ask else 0.0


def _plan_block(rows: Sequence[PlanRow], more: int) -> float:
    if not rows:
        return 0.0
    return HEADING + SMALL_LINE + 0.3 + sum(plan_row_cost(r) for r in rows) + (SMALL_LINE if more else 0.0)


def page_lines(fitted: Fitted, footer: Sequence[str]) -> float:
    """The estimated height of a fitted page, in lines of body text (at most PAGE_LINES)."""
    words = 0.0
    if fitted.reflections or fitted.left_off:
        width = WIDTH if fitted.columns == 1 else HALF_WIDTH
        words = HEADING + sum(reflection_cost(s.label, s.text, width) for s in fitted.reflections) / fitted.columns
        words += (BALANCE if fitted.columns > 1 else 0.0) + (1.0 if fitted.left_off else 0.0)
    return (
        head_cost(fitted.entry)
        + footer_cost(footer)
        + _questions_block(fitted.questions, fitted.questions_more)
        + _ask_block(fitted.ask)
        + _plan_block(fitted.plan, fitted.plan_more)
        + words
    )


def footer_cost(notes: Sequence[str]) -> float:
    return 1.5 + sum(lines(n, FOOT_WIDTH) * FOOT_LINE for n in notes)


def head_cost(entry: HandoutEntry) -> float:
    cost = RUNNING + TITLE + lines(entry.title, TITLE_WIDTH) * TITLE_LINE
    about = " · ".join([entry.date, *entry.about])
    cost += min(lines(about, SMALL_WIDTH), ABOUT_LINES) * SMALL_LINE
    if entry.good_things or entry.culture:
        mix = entry.culture_summary
        cost += max(BRIEF, 5.5 + lines(mix, WIDTH // 2 - 4) * SMALL_LINE)
    if entry.review:
        cost += HEADING + sum(lines(r, SMALL_WIDTH) for r in _review(entry)) * SMALL_LINE
    return cost


#: "Since last time" on a page: at most this many steps, each in at most two lines.
MAX_REVIEW_ROWS = 4


def _review(entry: HandoutEntry) -> list[str]:
    """The review of the last plan as the page shows it (the rest is in full elsewhere)."""
    shown = [shorten(r, SMALL_WIDTH, 2)[0] for r in entry.review[:MAX_REVIEW_ROWS]]
    more = len(entry.review) - len(shown)
    return [*shown, *([f"And {more} more{CUT}"] if more else [])]


#: How tight a page may be made, tried in order until every answer has a place: the lines
#: the ask may take, each plan cell, and each of the member's answers at the least.
#: The plan is the group's business: its cells are the last to give way.
#: When one column of answers cannot give each a line, they run in two.
_TIGHTNESS = (
    (8, PLAN_CELL_LINES, 2, 1),
    (5, PLAN_CELL_LINES, 1, 1),
    (3, PLAN_CELL_LINES, 1, 1),
    (5, PLAN_CELL_LINES, 1, 2),
    (3, PLAN_CELL_LINES, 1, 2),
    (3, 2, 1, 2),
    (3, 1, 1, 2),
)
#: The most plan rows and discussion questions a page shows (the rest are counted, and in full elsewhere).
MAX_PLAN_ROWS = 4
MAX_QUESTION_LINES = 10.0


def fit_page(entry: HandoutEntry, footer: Sequence[str]) -> Fitted:
    """What of ``entry`` one printed page shows (see the module's docstring); ``footer`` is
    what its footer says (the disclaimer too), as if something were shortened."""
    fixed = head_cost(entry) + footer_cost(footer)
    # Where the member works, under the title: two lines at the most.
    about, about_cut = shorten(" · ".join([entry.date, *entry.about]), SMALL_WIDTH, ABOUT_LINES)
    questions = list(entry.questions)
    while questions and _questions_cost(questions) > MAX_QUESTION_LINES:
        questions.pop()
    questions_more = len(entry.questions) - len(questions)
    fixed += _questions_block(questions, questions_more)
    rows = list(entry.plan[:MAX_PLAN_ROWS])
    plan_more = len(entry.plan) - len(rows)
    best: Fitted | None = None
    for ask_lines, cell_lines, floor, columns in _TIGHTNESS:
        ask, ask_cut = shorten(entry.ask, WIDTH - 4, ask_lines, whole_sentences=True) if entry.ask else ("", False)
        shown_rows = [shorten_plan_row(r, cell_lines) for r in rows]
        cost = fixed + _ask_block(ask) + _plan_block([r for r, _ in shown_rows], plan_more)
        budget = PAGE_LINES - cost - (HEADING if entry.reflections else 0.0)
        shown, left_off = fit_reflections(entry.reflections, budget, floor=floor, columns=columns)
        cut = (
            about_cut
            or ask_cut
            or plan_more > 0
            or questions_more > 0
            or any(c for _, c in shown_rows)
            or any(s.shortened for s in shown)
            or bool(left_off)
        )
        best = Fitted(
            entry,
            about,
            ask,
            tuple(r for r, _ in shown_rows),
            plan_more,
            shown,
            left_off,
            tuple(questions),
            questions_more,
            cut,
            columns,
        )
        if not left_off:
            break
    assert best is not None
    return best


# -- the HTML ---------------------------------------------------------------------------


def _e(text: str) -> str:
    """Text from people or files, made safe for the page: HTML-escaped, and every character
    that could drive a terminal the file is shown in made visible (as in every other output)."""
    return html.escape(clean(text), quote=True)


def _culture_table(entry: HandoutEntry) -> str:
    rows = "".join(f'<tr><td>{_e(c.name)}</td><td class="n">{c.checked} of {c.total}</td></tr>' for c in entry.culture)
    return (
        '<table class="mix"><thead><tr><th>Culture type</th><th class="n">Practices ticked</th></tr></thead>'
        f"<tbody>{rows}</tbody></table>"
    )


def _brief(entry: HandoutEntry) -> str:
    from rct_workbook.model.charts import bars

    if not entry.good_things and not entry.culture:
        return ""
    left = ""
    if entry.good_things:
        svg = bars([(clean(name), rating) for name, rating in entry.good_things], title="The five good things (1–5)")
        caption = f"<figcaption>{_e(entry.mean_line)}</figcaption>" if entry.mean_line else ""
        left = f'<figure class="chart">{svg}{caption}</figure>'
    right = ""
    if entry.culture:
        right = f"{_culture_table(entry)}<p>{_e(entry.culture_summary)}</p>"
    return (
        f'<div class="brief"><div class="goods"><h3>The five good things</h3>{left}</div>'
        f'<div class="culture"><h3>Culture mix</h3>{right or "<p>No practices ticked.</p>"}</div></div>\n'
    )


def _plan(fitted: Fitted) -> str:
    if not fitted.plan:
        return ""
    head = "".join(
        f'<th class="{cls}">{name}</th>'
        for name, cls in (
            ("#", "num"),
            ("Small step", "what"),
            ("With whom", "who"),
            ("By when", "when"),
            ("Risk", "risk"),
            ("Evidence it worked", "evidence"),
        )
    )
    body = "".join(
        f"<tr><td>{_e(r.number)}</td><td>{_e(r.what)}</td><td>{_e(r.with_whom)}</td>"
        f"<td>{_e(r.by_when)}</td><td>{_e(r.risk)}</td><td>{_e(r.evidence)}</td></tr>"
        for r in fitted.plan
    )
    more = f'<p class="more">And {fitted.plan_more} more small steps{CUT}</p>' if fitted.plan_more else ""
    table = f'<table class="plan"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'
    return f"<h3>Plan of small steps</h3>\n{table}{more}\n"


def _words(fitted: Fitted) -> str:
    if not fitted.reflections and not fitted.left_off:
        return ""
    paras = "".join(f'<p class="said"><b>{_e(s.label)}.</b> {_e(s.text)}</p>' for s in fitted.reflections)
    kind = "words" if fitted.columns == 1 else "words two"
    block = f'<div class="{kind}">{paras}</div>'
    if fitted.left_off:
        block += f'<p class="more">Also answered, not shown here: {_e("; ".join(fitted.left_off))}.</p>'
    return f"<h3>In my words</h3>\n{block}\n"


def _questions(fitted: Fitted) -> str:
    if not fitted.questions:
        return ""
    items = "".join(f"<li>{_e(q)}</li>" for q in fitted.questions)
    more = f'<p class="more">And {fitted.questions_more} more questions{CUT}</p>' if fitted.questions_more else ""
    return f'<h3>For discussion</h3>\n<ol class="questions">{items}</ol>{more}\n'


def footer_texts(notes: Sequence[str], disclaimer: str) -> list[str]:
    """The footer's paragraphs: the notes run together (they are short), then the disclaimer."""
    return [" ".join(notes), disclaimer] if notes else [disclaimer]


def _footer(notes: Sequence[str], disclaimer: str) -> str:
    paras = "".join(f"<p>{_e(text)}</p>" for text in footer_texts(notes, disclaimer))
    return f'<footer class="page-foot">{paras}</footer>\n'


def _running(export: Export, number: int, total: int) -> str:
    """The line at the top of every page: the document's title and the member (the first page's
    is the document's heading), and which page of how many."""
    who = f" · {export.member}" if export.member else ""
    tag = "h1" if number == 1 else "p"
    return f'<{tag} class="running"><span>{_e(export.title)}{_e(who)}</span><span>{number} of {total}</span></{tag}>\n'


def where_in_full(with_answers: bool) -> str:
    """What a page with a shortened answer says about where it is in full."""
    if with_answers:
        return (
            "Answers marked … are shortened here; every answer is in full under “Answers in full” "
            "after the handout pages."
        )
    return "Answers marked … are shortened here; the member’s Markdown export holds every answer in full."


def page_notes(export: Export, entry: HandoutEntry, *, shortened: bool, with_answers: bool) -> list[str]:
    notes = []
    if entry.withheld:
        notes.append(
            f"{entry.withheld} private answer{'s were' if entry.withheld != 1 else ' was'} withheld from this page."
        )
    if shortened:
        notes.append(where_in_full(with_answers))
    return [*notes, *export.notes]


def entry_page(export: Export, fitted: Fitted, notes: Sequence[str], *, number: int, total: int) -> str:
    entry = fitted.entry
    parts = [_running(export, number, total)]
    parts.append(f"<h2>{_e(entry.title)}</h2>\n")
    parts.append(f'<p class="about">{_e(fitted.about)}</p>\n')
    parts.append(_brief(entry))
    if entry.review:
        items = "".join(f"<li>{_e(r)}</li>" for r in _review(entry))
        parts.append(f'<div class="review"><h3>Since last time</h3><ul>{items}</ul></div>\n')
    if fitted.ask:
        parts.append(f'<div class="ask"><h3>What I ask of the group</h3><p>{_e(fitted.ask)}</p></div>\n')
    parts.append(_plan(fitted))
    parts.append(_words(fitted))
    parts.append(_questions(fitted))
    parts.append(_footer(notes, export.disclaimer))
    return f'<section class="sheet handout">\n{"".join(parts)}</section>\n'


def over_time_page(export: Export, *, total: int) -> str:
    """The first page when there are two or more assessments: the five good things over time."""
    assert export.movement is not None
    contents = "".join(f"<li>{_e(p.date)}: {_e(p.title)}</li>" for p in export.pages)
    return (
        f'<section class="sheet over-time">\n{_running(export, 1, total)}'
        f'<p class="opening">{_e(export.opening)}</p>\n'
        f'<h2>Movement over time</h2>\n<figure class="chart wide">{export.movement.svg}</figure>\n'
        f'<h3>The reflections that follow, one a page</h3>\n<ol class="questions">{contents}</ol>\n'
        f"{_footer(export.notes, export.disclaimer)}</section>\n"
    )


def in_full(entry: HandoutEntry, number: int, total: int) -> str:
    """An entry's answers in full (as the Markdown export has them), for after the handout pages."""
    from markdown_it import MarkdownIt

    renderer = MarkdownIt("commonmark", {"html": False}).enable("table")
    return (
        f'<section class="sheet in-full">\n<p class="running"><span>Answers in full</span>'
        f"<span>{number} of {total}: {_e(entry.title)}, {_e(entry.date)}</span></p>\n"
        f"{renderer.render(entry.full_markdown)}</section>\n"
    )


@dataclass(frozen=True)
class Handout:
    html: str
    pages: int  #: handout pages (each prints on one sheet), not counting the answers in full
    shortened: int  #: entries with something shortened or left off their page


def render(export: Export, *, with_answers: bool = False) -> Handout:
    """The export as a self-contained, printable HTML handout (see the module's docstring)."""
    cover = export.movement is not None
    total = len(export.pages) + (1 if cover else 0)
    sheets = [over_time_page(export, total=total)] if cover else []
    shortened = 0
    for entry in export.pages:
        probe = page_notes(export, entry, shortened=True, with_answers=with_answers)
        fitted = fit_page(entry, footer_texts(probe, export.disclaimer))
        notes = page_notes(export, entry, shortened=fitted.shortened, with_answers=with_answers)
        shortened += fitted.shortened
        sheets.append(entry_page(export, fitted, notes, number=len(sheets) + 1, total=total))
    if with_answers:
        sheets += [in_full(entry, i, len(export.pages)) for i, entry in enumerate(export.pages, 1)]
    body = "".join(sheets)
    document = (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<title>{_e(export.title)}</title>\n<meta name="generator" content="rct-workbook">\n'
        f"<style>{HANDOUT_CSS}{PRINT_CSS}{HANDOUT_PRINT_CSS}</style>\n</head>\n<body>\n{body}</body>\n</html>\n"
    )
    return Handout(document, total, shortened)


#: How the page prints: the one place for print rules (the screen layout is HANDOUT_CSS below).
#: No plan row is split across pages, no heading is left at a page foot (it stays with
#: what follows it), and a table that runs on repeats its header row.
PRINT_CSS = """
@media print {
  body { margin: 0; max-width: none; }
  h1, h2, h3, h4, h5, h6 { break-after: avoid; page-break-after: avoid; break-inside: avoid; }
  tr, li, blockquote { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  p { orphans: 3; widows: 3; }
}
"""


#: The handout's own look. On screen: a reading column, each page a card. In print: one
#: sheet per page, small calm type, the footer at the foot of the page's content.
HANDOUT_CSS = """
body { font-family: Georgia, 'Times New Roman', serif; max-width: 46em; margin: 2em auto; padding: 0 1em;
       line-height: 1.5; color: #222; background: #f4f4f1; }
h1, h2, h3, h4, th { font-family: Helvetica, Arial, sans-serif; line-height: 1.25; }
table { border-collapse: collapse; margin: 1em 0; }
th, td { border: 1px solid #bbb; padding: .3em .6em; text-align: left; vertical-align: top; }
section.sheet { background: #fff; padding: 1.6em 2em 1.2em; margin: 0 0 2em; border: 1px solid #ddd;
                border-radius: 3px; overflow-wrap: anywhere; }
.running { display: flex; justify-content: space-between; gap: 1em; margin: 0 0 .6em;
           font: normal .8em/1.3 Helvetica, Arial, sans-serif; color: #555; }
.opening { margin: 0 0 1em; color: #444; }
section.sheet h2 { margin: .2em 0 .1em; font-size: 1.3em; border-bottom: 1px solid #ccc; padding-bottom: .15em; }
.about { margin: .2em 0 .6em; color: #555; font-size: .9em; }
h3 { font-size: .95em; margin: .9em 0 .25em; color: #333; letter-spacing: .02em; }
.brief { display: flex; flex-wrap: wrap; gap: 0 2em; }
.brief > div { min-width: 0; }
.brief > .goods { flex: 3 1 22em; }
.brief > .culture { flex: 2 1 15em; }
.brief h3 { margin-top: .3em; }
figure.chart { margin: .2em 0 .4em; }
figure.chart svg.chart { display: block; width: 100%; max-width: 28em; height: auto; }
figure.chart.wide svg.chart { max-width: 36em; }
figcaption { font-size: .85em; color: #444; margin-top: .2em; }
table.mix { margin: .2em 0 .4em; font-size: .9em; }
td.n, th.n { text-align: right; }
.culture p { font-size: .9em; margin: .2em 0; }
.ask { border-left: 4px solid #4b7486; background: #f3f6f8; padding: .1em .9em .4em; margin: .8em 0 .4em; }
.ask h3 { margin-top: .5em; }
.ask p { margin: .2em 0; }
table.plan { width: 100%; table-layout: fixed; font-size: .9em; margin: .2em 0 .3em; }
table.plan th.num { width: 4%; } table.plan th.what { width: 30%; } table.plan th.who { width: 16%; }
table.plan th.when { width: 13%; } table.plan th.risk { width: 9%; } table.plan th.evidence { width: 28%; }
p.said { margin: .15em 0 .35em; break-inside: avoid; page-break-inside: avoid; }
.words.two { column-count: 2; column-gap: 1.6em; }
.words.two p.said:first-child { margin-top: 0; }
p.said b { font-family: Helvetica, Arial, sans-serif; font-size: .9em; color: #333; }
ol.questions { font-size: .9em; margin: .2em 0 .3em; padding-left: 1.6em; }
.review ul { font-size: .9em; margin: .2em 0 .3em; padding-left: 1.6em; }
ol.questions li { margin: .1em 0; }
.more { font-size: .85em; color: #555; margin: .2em 0; }
footer.page-foot { margin-top: 1em; padding-top: .4em; border-top: 1px solid #ccc; font-size: .75em; color: #555;
                   line-height: 1.35; }
footer.page-foot p { margin: .15em 0; }
section.in-full h2 { margin-top: .4em; }
"""

#: After PRINT_CSS (the print rules every export keeps): one sheet per page.
HANDOUT_PRINT_CSS = """
@media print {
  @page { margin: 12mm 12mm 12mm; }
  body { background: #fff; font-size: 10pt; line-height: 1.35; margin: 0; max-width: none; padding: 0; }
  section.sheet { border: none; border-radius: 0; padding: 0; margin: 0; break-after: page; page-break-after: always; }
  section.sheet:last-child { break-after: auto; page-break-after: auto; }
  section.handout, section.over-time { break-inside: avoid; page-break-inside: avoid; }
  section.sheet h2 { font-size: 13pt; }
  h3 { font-size: 10pt; margin: .7em 0 .2em; }
  table.plan, ol.questions, .review ul { font-size: 9pt; }
  table.plan th, table.plan td { padding: .1em .35em; }
  table.mix { font-size: 9pt; }
  table.mix th, table.mix td { padding: .05em .4em; }
  footer.page-foot { font-size: 7.5pt; }
  .brief > .goods, .brief > .culture { flex: 1 1 0; }
  figure.chart svg.chart { max-width: 88mm; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  figure.chart.wide svg.chart { max-width: 120mm; }
  .ask { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  section.in-full h3 { font-size: 11pt; margin: 1em 0 .3em; }
  section.in-full h4 { font-size: 10pt; margin: .7em 0 .15em; }
  section.in-full p, section.in-full ol, section.in-full ul { margin: .2em 0 .45em; }
  section.in-full table { font-size: 9pt; margin: .4em 0 .6em; }
  section.in-full th, section.in-full td { padding: .15em .45em; }
}
"""
