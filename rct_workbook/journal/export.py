"""Documents for a peer-supervision meeting, made from journal entries.

An export is rebuilt from each entry's answers (never copied from its file), so names
can be redacted in every answer, and it holds no internal ids or local paths. Nothing
here writes to the journal.
"""

from __future__ import annotations

import datetime as _dt
import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from rct_workbook.flow.questions import Ask, resolve
from rct_workbook.journal.index import Row
from rct_workbook.journal.reflection import assess_entry, human_date, vignette_entry
from rct_workbook.model.content import Content
from rct_workbook.reading import read
from rct_workbook.render import markdown as md

#: Marks the top of every export, so tools (and `rct group agenda`) can recognise one.
EXPORT_MARK = "<!-- rct-workbook export, format 1 -->"


def placeholder(n: int) -> str:
    """[Person A] … [Person Z], then [Person AA], [Person AB] …"""
    letters = ""
    n += 1
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(65 + rem) + letters
    return f"[Person {letters}]"


@dataclass
class Redactor:
    """Replaces each given name, as a whole word, case-insensitively, possessives too.

    Each name gets a stable placeholder in the order given ([Person A] for the first).
    All names are matched in one pass, longest first, so "Mary Jones" is one person
    rather than "Mary [Person A]", and a placeholder is never redacted again.
    """

    names: Sequence[str]
    count: int = 0
    _pattern: re.Pattern[str] | None = field(default=None, repr=False)
    _stand_ins: dict[str, str] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        ordered: list[str] = []
        for raw in self.names:
            name = " ".join(raw.split())
            if name and name.casefold() not in self._stand_ins:
                self._stand_ins[name.casefold()] = placeholder(len(ordered))
                ordered.append(name)
        if ordered:
            longest_first = sorted(ordered, key=len, reverse=True)
            alternatives = "|".join(r"\s+".join(re.escape(w) for w in n.split()) for n in longest_first)
            self._pattern = re.compile(
                rf"(?<!\w)(?P<name>{alternatives})(?P<poss>['’]s|s['’]|['’])?(?!\w)", re.IGNORECASE
            )

    def __bool__(self) -> bool:
        return self._pattern is not None

    def text(self, value: str) -> str:
        if self._pattern is None:
            return value

        def swap(match: re.Match[str]) -> str:
            key = " ".join(match.group("name").split()).casefold()
            return self._stand_ins[key] + (match.group("poss") or "")

        value, n = self._pattern.subn(swap, value)
        self.count += n
        return value

    def data(self, value: Any) -> Any:
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, list):
            return [self.data(v) for v in value]
        if isinstance(value, dict):
            return {k: self.data(v) for k, v in value.items()}
        return value


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
    """An entry's body rebuilt from (possibly redacted) answers with today's content."""
    when = _when(row)
    if row.kind == "assess" and "assess" in content.flows:
        flow = content.flows["assess"]
        sections = [s for s in flow.sections if row.section is None or s.step == row.section]
        asks = [a for s in sections for a in resolve(s.questions, content, s.id)]
        known = {a.id for a in asks}
        reading = read(content, answers, _previous_from(row.reading))
        body = assess_entry(content, flow, sections, asks, answers, reading, section=row.section, when=when).body
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


def _date_span(rows: Sequence[Row]) -> str:
    dates = sorted(_when(r) for r in rows)
    first, last = human_date(dates[0]), human_date(dates[-1])
    return first if first == last else f"{first} to {last}"


def build_export(content: Content, rows: Sequence[Row], redactor: Redactor | None = None) -> Export:
    """One Markdown document for a peer-supervision meeting."""
    redactor = redactor or Redactor(())
    rows = sorted(rows, key=lambda r: r.created)
    title = f"Peer supervision: reflections, {_date_span(rows)}"
    parts = [EXPORT_MARK, "", md.heading(1, title), ""]
    count = f"{len(rows)} reflection{'s' if len(rows) != 1 else ''}"
    parts += [md.escape_line(f"{count}, prepared with rct-workbook for a peer-supervision meeting."), ""]
    # Redaction runs over the whole document, so a name is gone from every section:
    # answers, the plan, and the case text and questions too.
    bodies = [redactor.text(_demote(entry_markdown(content, row, row.answers))) for row in rows]
    if redactor:
        parts += [
            md.escape_line(
                "Names were redacted: each given name is replaced by the same placeholder "
                "([Person A], [Person B], …) wherever it appears in an answer."
            ),
            "",
        ]
    parts.append("\n\n".join(b.strip("\n") for b in bodies))
    return Export("\n".join(parts).rstrip("\n") + "\n", title, redactor.count)


_CSS = """
body { font-family: Georgia, 'Times New Roman', serif; max-width: 42em; margin: 2em auto; padding: 0 1em;
       line-height: 1.5; color: #222; }
h1, h2, h3, h4 { font-family: Helvetica, Arial, sans-serif; line-height: 1.25; }
h2 { border-bottom: 1px solid #ccc; padding-bottom: .2em; margin-top: 2em; }
table { border-collapse: collapse; margin: 1em 0; }
th, td { border: 1px solid #bbb; padding: .3em .6em; text-align: left; vertical-align: top; }
@media print { body { margin: 0; max-width: none; } h2 { page-break-after: avoid; } }
"""


def to_html(export: Export) -> str:
    """The export as one standalone, printable HTML page (no scripts, no remote resources)."""
    from markdown_it import MarkdownIt

    renderer = MarkdownIt("commonmark", {"html": False}).enable("table")
    body = renderer.render(export.markdown.replace(EXPORT_MARK, "", 1))
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<title>{html.escape(export.title)}</title>\n<meta name="generator" content="rct-workbook">\n'
        f"<style>{_CSS}</style>\n</head>\n<body>\n{body}</body>\n</html>\n"
    )


def read_names_file(text: str) -> list[str]:
    """Names, one per line; blank lines and lines starting with # are ignored."""
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(values))
