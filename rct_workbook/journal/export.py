"""Documents for a peer-supervision meeting, made from journal entries.

An export is rebuilt from each entry's answers (never copied from its file), so names
can be redacted in every answer, and it holds no internal ids or local paths. Nothing
here writes to the journal.
"""

from __future__ import annotations

import datetime as _dt
import html
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from rct_workbook.flow.questions import Ask, resolve
from rct_workbook.journal.deidentify import Redactor, names_in
from rct_workbook.journal.index import Row
from rct_workbook.journal.reflection import assess_entry, human_date, vignette_entry
from rct_workbook.model.content import Content
from rct_workbook.reading import present_in_order, read
from rct_workbook.render import markdown as md

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
    from rct_workbook.flow.questions import check

    for ask in asks_for(content, row):
        value = row.answers.get(ask.id)
        if value in (None, "", []):
            continue
        try:
            check(ask, value)
        except ValueError as exc:
            raise StorageError(
                f"cannot read journal/{row.name}: answers.{ask.id}: {exc}; correct it in the file or move the file away"
            ) from None


def shared_answers(content: Content, row: Row, include_private: bool) -> tuple[dict[str, Any], int]:
    """The answers an export may show, and how many were withheld as private.

    An answer is shared only when its question says ``share: group``; answers to
    questions today's content no longer has are withheld too, since nobody said.
    """
    share = {a.id: a.question.share for a in asks_for(content, row)}
    kept: dict[str, Any] = {}
    withheld = 0
    for key, value in row.answers.items():
        if include_private or share.get(key) == "group":
            kept[key] = value
        elif value not in (None, [], ""):
            withheld += 1
    return kept, withheld


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [t for v in value for t in _strings(v)]
    if isinstance(value, dict):
        return [t for v in value.values() for t in _strings(v)]
    return []


def texts_and_names(content: Content, row: Row, answers: dict[str, Any]) -> tuple[list[tuple[str, str]], list[str]]:
    """(where, text) for every exported answer, and the names in answers that list people."""
    asks = {a.id: a for a in asks_for(content, row)}
    texts: list[tuple[str, str]] = []
    names: list[str] = []
    for key, value in answers.items():
        ask = asks.get(key)
        prompt = ask.question.prompt if ask else key
        where = f"{row.title} ({row.date}) › {' '.join(prompt.split())}"
        if ask is not None and ask.fields and isinstance(value, list):
            fields = {f.id: f for f in ask.fields}
            for row_value in value:
                if not isinstance(row_value, dict):
                    continue
                for fid, fvalue in row_value.items():
                    for text in _strings(fvalue):
                        texts.append((where, text))
                        if fid in fields and fields[fid].question.names:
                            names.extend(names_in(text))
            continue
        for text in _strings(value):
            texts.append((where, text))
            if ask is not None and ask.question.names:
                names.extend(names_in(text))
    return texts, names


def care_note_shown(rows: Sequence[Row]) -> bool:
    """Whether any of these entries opened with the care note (the entry records only that)."""
    return any(row.kind == "assess" and (row.reading or {}).get("care_note") is True for row in rows)


def _data_comment(
    content: Content,
    row: Row,
    answers: dict[str, Any],
    redactor: Redactor | None = None,
    *,
    check_in_first: bool = False,
) -> str:
    """A small machine-readable summary of the entry for `rct group agenda` (format 1).

    ``check_in_first`` is there only when the person asked for it at export; neither the
    care note nor what raised it is ever part of an export.
    """
    data: dict[str, Any] = {"kind": row.kind, "date": row.date, "title": row.title}
    if check_in_first:
        data["check_in_first"] = True
    if row.kind == "assess":
        reading = read(content, answers, _previous_from(row.reading), section=row.section)
        data["mean"] = None if reading.mean is None else round(reading.mean, 2)
        data["profile_summary"] = reading.profile_summary
        data["leading"] = [c.id for c in present_in_order(reading.profile)]
        data["plan"] = [
            {"what": st.what, "with": st.with_whom, "by": st.by_when, "risk": st.risk} for st in reading.steps
        ]
        strategies = answers.get("strategies")
        data["strategies"] = list(strategies) if isinstance(strategies, list) else []
        data["ask"] = answers.get("ask-of-group")
        if "assess" in content.flows:
            data["questions"] = list(content.flows["assess"].discussion_questions)
    elif row.kind == "vignette" and row.vignette in content.vignettes:
        data["vignette"] = row.vignette
        data["questions"] = list(content.vignettes[row.vignette].discussion_questions)
    if redactor is not None:
        data = {key: redactor.data(value) for key, value in data.items()}  # values only, never the keys
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    # Inside an HTML comment "--" and "<" must not appear literally, nor anything that could
    # drive a terminal the document is shown in; JSON escapes keep the data exact.
    text = _UNSAFE_IN_COMMENT.sub(lambda m: f"\\u{ord(m.group()):04x}", text.replace("--", "-\\u002d"))
    return f"<!-- rct-entry {text} -->"


_UNSAFE_IN_COMMENT = re.compile("[<>\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def _when(row: Row) -> _dt.datetime:
    try:
        return _dt.datetime.fromisoformat(row.created)
    except ValueError:
        return _dt.datetime.now().astimezone()


def _previous_from(reading: dict[str, Any] | None) -> dict[str, int]:
    """The ratings before this one, from the stored rating and change, so 'change' shows again."""
    if not reading:
        return {}
    good = reading.get("good_things") or {}
    change = reading.get("change") or {}
    return {
        k: good[k] - v
        for k, v in change.items()
        if isinstance(good.get(k), int) and isinstance(v, int) and not isinstance(v, bool)
    }


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
        reading = read(content, answers, _previous_from(row.reading), section=row.section)
        body = assess_entry(
            content, flow, sections, asks, answers, reading, section=row.section, when=when, care=False
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
class Export:
    markdown: str
    title: str
    redactions: int
    withheld: int


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
) -> Export:
    """One Markdown document for a peer-supervision meeting (format 1).

    Structure, for people and for `rct group agenda`: the first line is ``EXPORT_MARK``;
    one ``#`` title; then per entry a ``##`` heading followed by a ``<!-- rct-entry {json}
    -->`` comment (kind, date, title, check_in_first when the person asked the group to
    check in with them first, and for assessments mean, profile_summary, leading, plan,
    strategies, ask, questions); a closing ``---`` and footer lines. The care note is
    never exported.
    """
    redactor = redactor or Redactor()
    rows = sorted(rows, key=lambda r: r.created)
    title = f"Peer supervision: reflections, {_date_span(rows)}"
    parts = [EXPORT_MARK, "", md.heading(1, title), ""]
    count = f"{len(rows)} reflection{'s' if len(rows) != 1 else ''}"
    parts += [md.escape_line(f"{count}, prepared with rct-workbook for a peer-supervision meeting."), ""]
    bodies = []
    withheld = 0
    for row in rows:
        answers, hidden = shared_answers(content, row, include_private)
        withheld += hidden
        answers = redactor.data(answers)
        # Names in the case text and questions (not only in answers) are redacted too.
        body = redactor.text(_demote(entry_markdown(content, row, answers))).strip("\n")
        heading, _, rest = body.partition("\n")
        comment = _data_comment(content, row, answers, redactor, check_in_first=check_in_first)
        bodies.append(f"{heading}\n\n{comment}\n{rest}")
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
    if footer:
        text += "\n---\n\n" + "\n\n".join(md.escape_line(f) for f in footer) + "\n"
    return Export(text, title, redactor.count, withheld)


_CSS = """
body { font-family: Georgia, 'Times New Roman', serif; max-width: 42em; margin: 2em auto; padding: 0 1em;
       line-height: 1.5; color: #222; }
h1, h2, h3, h4 { font-family: Helvetica, Arial, sans-serif; line-height: 1.25; }
h2 { border-bottom: 1px solid #ccc; padding-bottom: .2em; margin-top: 2em; }
table { border-collapse: collapse; margin: 1em 0; }
th, td { border: 1px solid #bbb; padding: .3em .6em; text-align: left; vertical-align: top; }
"""

#: How the page prints: the one place for print rules (the screen layout is _CSS above).
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


_DATA_LINE = re.compile(r"^<!-- rct-entry .*? -->\n", re.MULTILINE)


def to_html(export: Export) -> str:
    """The export as one standalone, printable HTML page (no scripts, no remote resources)."""
    from markdown_it import MarkdownIt

    renderer = MarkdownIt("commonmark", {"html": False}).enable("table")
    # The page is for reading and printing: the machine-readable comments are left out
    # (with HTML off they would otherwise show as text).
    readable = _DATA_LINE.sub("", export.markdown.replace(EXPORT_MARK, "", 1))
    body = renderer.render(readable)
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<title>{html.escape(export.title)}</title>\n<meta name="generator" content="rct-workbook">\n'
        f"<style>{_CSS}{PRINT_CSS}</style>\n</head>\n<body>\n{body}</body>\n</html>\n"
    )


def read_names_file(text: str) -> list[str]:
    """Names, one per line; blank lines and lines starting with # are ignored."""
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(values))
