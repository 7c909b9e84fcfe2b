"""Sharing an export safely: what is shared, the de-identification review, the document.

Questions to the person (each finding, the stranger test) go through the one seam,
"something that answers a question"; nothing here prints.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rct_workbook.errors import EXIT_FLAGGED, Cancelled, WorkbookError
from rct_workbook.flow.questions import Asker
from rct_workbook.journal.deidentify import Finding, Redactor, scan
from rct_workbook.journal.export import (
    Export,
    build_export,
    read_names_file,
    shared_answers,
    texts_and_names,
    to_html,
    unique,
)
from rct_workbook.journal.index import Index, Row
from rct_workbook.journal.reflection import human_date
from rct_workbook.model.content import Content
from rct_workbook.paths import data_root, journal_dir
from rct_workbook.storage import write_atomic

__all__ = ["Request", "check_summary", "export", "findings", "names_from", "rows_for", "to_html", "write_export"]


@dataclass(frozen=True)
class Request:
    rows: list[Row]
    names: list[str] = field(default_factory=list)  # always redacted (--redact, --redact-file)
    include_private: bool = False


def rows_for(index: Index, ids: Iterable[str]) -> list[Row]:
    """The entries named by ids or unique prefixes, each once, in the order given."""
    rows: list[Row] = []
    for ident in unique(ids):
        row = index.find(ident)
        if row.id not in {r.id for r in rows}:
            rows.append(row)
    return rows


def names_from(path: Path) -> list[str]:
    """Names from a names file, one per line (# comments and blank lines ignored)."""
    try:
        return read_names_file(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or exc
        raise WorkbookError(f"cannot read the names file {path}: {reason}") from None


def watched_names() -> list[str]:
    """The names the person keeps in <data root>/names.txt, to be flagged wherever they appear."""
    path = data_root() / "names.txt"
    return names_from(path) if path.is_file() else []


def findings(content: Content, request: Request) -> list[Finding]:
    """What could identify someone in what will actually be exported."""
    given = Redactor(unique(request.names))
    texts: list[tuple[str, str]] = []
    listed = watched_names()
    for row in request.rows:
        shared, _ = shared_answers(content, row, request.include_private)
        found_texts, found_names = texts_and_names(content, row, given.data(shared))
        texts += found_texts
        listed += found_names
    return scan(texts, listed)


def check_summary(found: list[Finding], *, resolved: bool) -> str:
    if not found:
        return "No possible identifiers found.\n"
    how = (
        "all resolved by your options"
        if resolved
        else "decide with --redact-flagged or --keep-flagged, or review in a terminal"
    )
    return f"{len(found)} possible identifier{'s' if len(found) != 1 else ''} found; {how}.\n"


def review(found: list[Finding], asker: Asker) -> tuple[list[tuple[str, str]], int]:
    """Ask, for each finding, whether to redact it, keep it, or redact all of its kind."""
    chosen: list[tuple[str, str]] = []
    kept = 0
    redact_all: set[str] = set()
    for i, f in enumerate(found, 1):
        if f.kind in redact_all:
            chosen.append((f.kind, f.value))
            continue
        answer = asker.choose(
            f"({i} of {len(found)}) A possible {f.label}: “{f.value}”. In {f.where}: {f.context}",
            [
                ("redact", "Redact it (a placeholder takes its place)"),
                ("keep", "Keep it"),
                ("all", f"Redact it and every other {f.label} found"),
            ],
        )
        if answer == "keep":
            kept += 1
            continue
        if answer == "all":
            redact_all.add(f.kind)
        chosen.append((f.kind, f.value))
    return chosen, kept


def stranger_test(asker: Asker) -> None:
    stranger = (
        "The stranger test: read it as someone who does not know your workplace would. "
        "Details combine. Is it free of anything that could identify a client or colleague?"
    )
    if not asker.confirm(stranger, True):
        raise Cancelled("nothing was written; redact more with --redact NAME, or leave answers private")


def export(content: Content, request: Request, found: list[Finding], *, mode: str, asker: Any = None) -> Export:
    """The reviewed document. ``mode``: "redact" or "keep" every finding, "ask" the person
    through ``asker`` (then the stranger test), or "refuse" when findings need a person."""
    today = human_date(_dt.datetime.now().astimezone())
    chosen: list[tuple[str, str]] = []
    if not found:
        note = f"Reviewed for identifying details on {today}: none found."
    elif mode == "redact":
        chosen = [(f.kind, f.value) for f in found]
        note = f"Reviewed for identifying details on {today}: {len(found)} found and redacted."
    elif mode == "keep":
        note = f"Reviewed for identifying details on {today}: {len(found)} found and kept on purpose."
    elif mode == "ask" and asker is not None:
        chosen, kept = review(found, asker)
        note = f"Reviewed for identifying details on {today}: {len(found)} found, {len(chosen)} redacted, {kept} kept."
    else:
        from rct_workbook.render.safe import clean

        raise WorkbookError(
            f"{len(found)} possible identifier{'s' if len(found) != 1 else ''} need a decision before export: "
            "review them in a terminal, or use --check, --redact-flagged or --keep-flagged",
            details=tuple(clean(f"{f.label}: {f.value}") for f in found),
            exit_code=EXIT_FLAGGED,
        )
    if mode == "ask" and asker is not None:
        stranger_test(asker)
    names = [*unique(request.names), *(v for k, v in chosen if k == "name")]
    redactor = Redactor(names, [(k, v) for k, v in chosen if k != "name"])
    return build_export(content, request.rows, redactor, include_private=request.include_private, review_note=note)


def export_target(out: Path) -> Path:
    """Where an export to ``out`` would go; refuses the journal folder and folders."""
    target = out.expanduser()
    try:
        inside = target.resolve().is_relative_to(journal_dir().resolve())
    except OSError:
        inside = False
    if inside:
        raise WorkbookError("an export cannot be written into the journal folder; choose another place")
    if target.is_dir():
        raise WorkbookError(f"{target} is a folder; give a file name")
    return target


def write_export(out: Path, text: str, *, overwrite: bool = True) -> Path:
    """Write an export (0600), never into the journal folder; return where.

    With ``overwrite=False`` an existing file is never replaced (FileExistsError).
    """
    target = export_target(out)
    write_atomic(target, text.encode("utf-8"), overwrite=overwrite)
    return target
