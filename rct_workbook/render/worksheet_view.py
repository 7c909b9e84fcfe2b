"""A worksheet as Markdown or as printable HTML: every question with its help, and room
to write (lines, boxes, boxes to tick, a scale to circle)."""

from __future__ import annotations

import html

from rct_workbook.model import commonmark as md
from rct_workbook.model.question_types import Ask, PaperSpec
from rct_workbook.render.printable import page
from rct_workbook.worksheet import Item, Worksheet

DOTS = ". " * 36
#: How many of the last questions print on one sheet with the closing part (HTML). Two: with
#: three, a case's small step (a table) made the kept block too tall for the page it starts on,
#: which was left a quarter full (Letter: paula 0.33, agnes 0.26); with two, no sheet has a page
#: under a third on Letter or A4 (tests/trainer/test_print_pages.py).
TAIL = 2
#: On paper the flow's "stays on this computer" does not hold; say what does.
PAPER_NOTE = (
    "This sheet is yours: keep it, and share only what you choose. Answers marked private "
    "are for you alone, as they are in rct."
)


def _tags(ask: Ask, spec: PaperSpec) -> str:
    q = ask.question
    tags = []
    if not q.required and spec.says_optional:
        tags.append("optional")
    if q.share == "private":
        tags.append("private: yours to keep, not for sharing")
    return f" ({'; '.join(tags)})" if tags else ""


# --- Markdown ---------------------------------------------------------------------------------


def _md_lines(count: int) -> list[str]:
    return ["\\\n".join([DOTS.strip()] * count), ""]


def _md_space(spec: PaperSpec) -> list[str]:
    """The room to answer in, drawn in Markdown: dotted lines, boxes to tick, a scale."""
    if spec.form in ("lines", "box"):
        return _md_lines(spec.lines)
    if spec.form == "tick":
        return ["\n".join(f"- [ ] {md.escape_line(label)}" for label in spec.options), ""]
    if spec.form == "scale":
        return ["   ".join(f"( {n} )" for n in spec.options), ""]
    return []


def _md_question(ask: Ask, spec: PaperSpec, number: str, level: int) -> list[str]:
    lines = [md.heading(level, f"{number}. {ask.question.prompt}{_tags(ask, spec)}"), ""]
    for extra in (ask.question.help, spec.how):
        if extra:
            lines += [f"*{md.escape_line(extra)}*", ""]
    return lines


def _md_item(item: Item) -> list[str]:
    ask = item.ask
    spec = ask.kind.paper(ask)
    lines = _md_question(ask, spec, item.number, 3)
    if item.condition:
        lines[1:1] = ["", md.escape_line(item.condition)]
    if spec.form != "repeat":
        return lines + _md_space(spec)
    for slot in range(1, spec.lines + 1):
        lines += [md.heading(4, f"{ask.question.prompt.rstrip('?:. ')} {slot}"), ""]
        for letter, field in zip("abcdefghijklmnopqrstuvwxyz", ask.fields, strict=False):
            fspec = field.kind.paper(field)
            lines += _md_question(field, fspec, f"{item.number}{letter}", 5) + _md_space(fspec)
    return lines


def worksheet_markdown(sheet: Worksheet) -> str:
    lines = [md.heading(1, f"Worksheet: {sheet.title}"), ""]
    lines += [md.escape_line("Name or initials (optional): " + DOTS[:40].strip()), ""]
    if sheet.intro:
        lines += [md.escape_line(sheet.intro), ""]
    lines += [md.escape_line(PAPER_NOTE), "", md.escape_line(sheet.disclaimer), ""]
    if sheet.case:
        lines += [md.heading(2, "The case"), ""]
        if sheet.care_note:
            lines += [md.escape_line(sheet.care_note), ""]
        for title, paragraphs in sheet.case:
            lines += [md.heading(3, title), ""]
            lines += [x for p in paragraphs for x in (md.escape_line(p), "")]
    for block in sheet.blocks:
        lines += [md.heading(2, block.title), ""]
        if block.intro:
            lines += [md.escape_line(block.intro), ""]
        for item in block.items:
            lines += _md_item(item)
    if sheet.discussion_questions:
        lines += [md.heading(2, "For discussion"), "", md.numbered_list(sheet.discussion_questions), ""]
    lines += [md.escape_line(f"Sources: {'; '.join(sheet.cite)}.")]
    return "\n".join(lines).rstrip("\n") + "\n"


# --- HTML -------------------------------------------------------------------------------------


def _e(text: str) -> str:
    return html.escape(" ".join(text.split()))


def _h_space(spec: PaperSpec) -> str:
    """The room to answer in, drawn in HTML."""
    if spec.form == "lines":
        return '<div class="line"></div>' * spec.lines
    if spec.form == "box":
        return '<div class="box"></div>'
    if spec.form == "tick":
        # A long list prints in two columns, a few short choices on one line.
        longest = max((len(label) for label in spec.options), default=0)
        columns = len(spec.options) > 6 or (len(spec.options) >= 4 and longest <= 50)
        many = " many" if columns else " few" if longest <= 30 else ""
        return f'<ul class="choices{many}">' + "".join(f"<li>{_e(label)}</li>" for label in spec.options) + "</ul>"
    if spec.form == "scale":
        circles = "".join(f'<span class="circle">{_e(n)}</span>' for n in spec.options)
        low, high = (_e(x) for x in (spec.ends or ("", "")))
        return f'<div class="scale"><span>{low}</span>{circles}<span>{high}</span></div>'
    return ""


def _h_head(ask: Ask, spec: PaperSpec, number: str, tag: str) -> str:
    tags = _tags(ask, spec)
    small = f" <small>{_e(tags)}</small>" if tags else ""
    out = f"<{tag}>{_e(number)}. {_e(ask.question.prompt)}{small}</{tag}>"
    for extra in (ask.question.help, spec.how):
        if extra:
            out += f'<p class="help">{_e(extra)}</p>'
    return out


def _h_item(item: Item) -> str:
    ask = item.ask
    spec = ask.kind.paper(ask)
    # A long list of ticks may run over a page break (kept whole, it left gaps a third of a page).
    long = " long" if spec.form == "tick" and len(spec.options) > 6 else ""
    out = f'<div class="question{long}">' + _h_head(ask, spec, item.number, "h3")
    if item.condition:
        out += f'<p class="note">{_e(item.condition)}</p>'
    if spec.form != "repeat":
        return out + _h_space(spec) + "</div>\n"
    # The entries as rows of a table, one column a field: each entry fits a few lines of
    # writing instead of a card a page tall (the small steps took three pages).
    head = "".join(
        f"<th>{_e(letter)}. {_e(field.question.prompt)}"
        f"{' <small>(optional)</small>' if not field.question.required else ''}</th>"
        for letter, field in zip("abcdefghijklmnopqrstuvwxyz", ask.fields, strict=False)
    )
    rows = ""
    for slot in range(1, spec.lines + 1):
        cells = "".join(f"<td>{_h_cell(field.kind.paper(field))}</td>" for field in ask.fields)
        rows += f'<tr><th class="n">{slot}</th>{cells}</tr>'
    return out + f'<table class="entries"><thead><tr><th></th>{head}</tr></thead><tbody>{rows}</tbody></table></div>\n'


def _h_cell(spec: PaperSpec) -> str:
    """The room for one field in a table row: blank to write in, or the boxes to tick."""
    if spec.form == "tick":
        return '<span class="ticks">' + " ".join(f"&#x2610;&nbsp;{_e(label)}" for label in spec.options) + "</span>"
    if spec.form == "scale":
        return '<span class="ticks">' + " ".join(f"&#x25cb;&nbsp;{_e(n)}" for n in spec.options) + "</span>"
    return ""


def worksheet_html(sheet: Worksheet) -> str:
    title = f"Worksheet: {sheet.title}"
    first = f'<h1>{_e(title)}</h1>\n<p>Name or initials (optional):</p><div class="line"></div>\n'
    if sheet.intro:
        first += f"<p>{_e(sheet.intro)}</p>\n"
    first += f"<p>{_e(PAPER_NOTE)}</p>\n" + f'<p class="note">{_e(sheet.disclaimer)}</p>\n'
    pages = []
    if sheet.case:
        case = "<h2>The case</h2>\n"
        if sheet.care_note:
            case += f'<p class="care">{_e(sheet.care_note)}</p>\n'
        for part_title, paragraphs in sheet.case:
            case += f"<h3>{_e(part_title)}</h3>\n" + "".join(f"<p>{_e(p)}</p>" for p in paragraphs) + "\n"
        pages.append(first + case)
        first = ""
    end = ""
    if sheet.discussion_questions:
        end += "<h2>For discussion</h2>\n<ol>" + "".join(f"<li>{_e(q)}</li>" for q in sheet.discussion_questions)
        end += "</ol>\n"
    end += f'<p class="cite">Sources: {_e("; ".join(sheet.cite))}.</p>\n'
    for n, block in enumerate(sheet.blocks, 1):
        body = first + f"<h2>{_e(block.title)}</h2>\n"
        first = ""
        if block.intro:
            body += f"<p>{_e(block.intro)}</p>\n"
        items = [_h_item(item) for item in block.items]
        if n == len(sheet.blocks):
            # The last questions are kept on one sheet with the closing part, so a break never
            # leaves that part alone on a last page a quarter full (#24: no page under a third).
            tail = "".join(items[-TAIL:]) + end
            items, end = [*items[:-TAIL], f'<div class="keep">{tail}</div>\n'], ""
        pages.append(body + "".join(items))
    pages[-1] += end
    # One flowing document: a page for each step left the sheet at 15 pages, many near empty.
    return page(title, ["".join(pages)])
