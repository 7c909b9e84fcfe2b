"""Sharing an export safely: what is shared, the de-identification review, the document.

Questions to the person (each finding, the stranger test) go through the one seam,
"something that answers a question"; nothing here prints.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from rct_workbook.errors import EXIT_FLAGGED, Cancelled, StorageError, WorkbookError
from rct_workbook.journal.deidentify import Finding, Redactor, name_parts, scan
from rct_workbook.journal.export import (
    Export,
    build_export,
    care_note_shown,
    check_answers,
    read_names_file,
    shared_answers,
    texts_and_names,
    unique,
)
from rct_workbook.journal.index import Index, Row
from rct_workbook.journal.reflection import human_date
from rct_workbook.model.answers import Asker
from rct_workbook.model.content import Content
from rct_workbook.paths import data_root, journal_dir
from rct_workbook.storage import NotReadable, clean_stale_temps, read_bounded, write_atomic

__all__ = [
    "Request",
    "Review",
    "ask_check_in",
    "care_note_shown",
    "check_summary",
    "export",
    "findings",
    "left_in_clear",
    "names_from",
    "review_state",
    "rows_for",
    "write_export",
]


@dataclass(frozen=True)
class Request:
    rows: list[Row]
    names: list[str] = field(default_factory=list)  # always redacted (--redact, --redact-file)
    include_private: bool = False


def rows_for(index: Index, ids: Iterable[str], content: Content) -> list[Row]:
    """The entries named by ids or unique prefixes, each once, in the order given."""
    rows: list[Row] = []
    for ident in unique(ids):
        row = index.find(ident)
        check_answers(content, row)
        if row.id not in {r.id for r in rows}:
            rows.append(row)
    return rows


def names_from(path: Path) -> list[str]:
    """Names from a names file, one per line (# comments and blank lines ignored)."""
    try:
        return read_names_file(read_bounded(path, 1024 * 1024).decode("utf-8"))
    except NotReadable as exc:
        raise WorkbookError(f"cannot read the names file {path}: {exc}") from None
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or exc
        raise WorkbookError(f"cannot read the names file {path}: {reason}") from None


def watched_names() -> list[str]:
    """The names the person keeps in <data root>/names.txt, to be flagged wherever they appear."""
    path = data_root() / "names.txt"
    return names_from(path) if path.is_file() else []


def cited_authors(content: Content) -> list[str]:
    """Surnames of the authors the content cites: in "(Miller, 1986)" they are not people to hide."""
    import re

    names: set[str] = set()
    for ref in content.references.values():
        for text in (ref.cite, ref.authors):
            for word in re.findall(r"[A-Z][\w'’-]+", text or ""):
                names.add(word)
    return sorted(names)


def findings(content: Content, request: Request) -> list[Finding]:
    """What could identify someone in what will actually be exported.

    Names come from every answer that lists people, private ones included (a support
    person named only privately must still be caught when a shared answer mentions
    them), from names.txt and from --redact; they are sought in everything exported.
    """
    from rct_workbook import preferences

    given = Redactor(unique(request.names))
    texts: list[tuple[str, str]] = []
    listed = [*watched_names(), *request.names]
    for row in request.rows:
        shared, _ = shared_answers(content, row, request.include_private)
        texts += texts_and_names(content, row, given.data(shared))[0]
        listed += texts_and_names(content, row, row.answers)[1]
    return scan(texts, unique(listed), region=preferences.phone_region(), not_names=cited_authors(content))


@dataclass(frozen=True)
class Review:
    """The findings of one export and what was decided about them before."""

    found: list[Finding]
    #: finding key -> "redact" or "keep", for details decided before in every entry they appear in
    remembered: dict[tuple[str, str], str]
    #: ids of the entries that passed a full review before
    reviewed: frozenset[str]
    #: one line for each remembered decisions file that was ignored (it did not verify)
    notes: tuple[str, ...] = ()
    #: --review: what was decided before is neither used nor kept
    fresh: bool = False
    #: False when this data folder cannot keep export decisions (a read-only root, a
    #: ``decisions/`` folder not the person's own): the export is written all the same, and
    #: a line in ``notes`` says that its decisions will be asked again next time.
    remembers: bool = True
    #: finding key -> "redact" or "keep", for details decided at an earlier export of some of
    #: the entries they appear in but not all: the review offers that choice for all of them
    partly: dict[tuple[str, str], str] = field(default_factory=dict)

    @property
    def undecided(self) -> list[Finding]:
        return [f for f in self.found if f.key() not in self.remembered]


def _appears(found: Finding, texts: list[str]) -> bool:
    needle = " ".join(found.value.split()).casefold()
    return any(needle in " ".join(t.split()).casefold() for t in texts)


def _entry_texts(content: Content, request: Request, row: Row) -> list[str]:
    shared, _ = shared_answers(content, row, request.include_private)
    return [t for _, t in texts_and_names(content, row, shared)[0]]


def review_state(content: Content, request: Request, *, fresh: bool = False, saving: bool = False) -> Review:
    """The findings, with the decisions remembered from earlier exports (none if ``fresh``).

    ``saving``: an export will be written, so whether its decisions can be kept is found
    out now, and said in ``notes``, rather than stopping the export when they are saved."""
    from rct_workbook.journal import decisions

    found = findings(content, request)
    unsaved = decisions.cannot_remember() if saving else None
    cannot = (f"export decisions cannot be remembered here ({unsaved}); the next export will ask again",)
    if fresh:
        return Review(found, {}, frozenset(), cannot if unsaved else (), fresh=True, remembers=unsaved is None)
    remembered: dict[tuple[str, str], str] = {}
    per_row = [(decisions.load(row.id), _entry_texts(content, request, row)) for row in request.rows]
    notes = tuple(d.note for d, _ in per_row if d.note)
    partly: dict[tuple[str, str], str] = {}
    for f in found:
        choices = [d.get(f.kind, f.value) for d, texts in per_row if _appears(f, texts)]
        if choices and all(c is not None for c in choices):
            # Redacted anywhere means redacted here too: the safer of two answers.
            remembered[f.key()] = "redact" if "redact" in choices else "keep"
        elif any(c is not None for c in choices):
            partly[f.key()] = "redact" if "redact" in choices else "keep"
    reviewed = frozenset(row.id for row, (d, _) in zip(request.rows, per_row, strict=True) if d.reviewed)
    if unsaved:
        notes += cannot
    return Review(found, remembered, reviewed, notes, partly=partly, remembers=unsaved is None)


def remember(
    content: Content, request: Request, review: Review, redacted: set[tuple[str, str]], *, only_new: bool = False
) -> None:
    """Record, in each entry's decisions file, what was done with each detail it holds.

    ``only_new``: an explicit --redact-flagged or --keep-flagged decides its own export
    only; what a person decided before, one by one, is not overwritten by it."""
    from rct_workbook.journal import decisions

    for row in request.rows:
        texts = _entry_texts(content, request, row)
        mine = decisions.load(row.id)
        for f in review.found:
            if _appears(f, texts) and not (only_new and mine.get(f.kind, f.value) is not None):
                mine.set(f.kind, f.value, "redact" if f.key() in redacted else "keep")
        mine.reviewed = mine.reviewed or not only_new
        with contextlib.suppress(StorageError):  # the export is written all the same: only asked again next time
            decisions.save(row.id, mine)


def left_in_clear(review: Review, mode: Decision) -> list[Finding]:
    """The findings an export in ``mode`` would leave in the clear or still needs decided:
    every one with --keep-flagged, none with --redact-flagged, else those kept at an
    earlier export and those never decided."""
    if mode == "redact":
        return []
    if mode == "keep":
        return list(review.found)
    return [f for f in review.found if review.remembered.get(f.key()) != "redact"]


def check_summary(review: Review, mode: Decision) -> str:
    """The last line of --check: how many were found, what was decided, what the export would do."""
    found = review.found
    if not found:
        return "No possible identifiers found.\n"
    total = f"{len(found)} possible identifier{'s' if len(found) != 1 else ''} found"
    if mode == "redact":
        return f"{total}; --redact-flagged redacts every one.\n"
    if mode == "keep":
        return f"{total}; --keep-flagged keeps every one in the document.\n"
    choices = [review.remembered.get(f.key()) for f in found]
    parts = [
        f"{n} {what}"
        for n, what in (
            (choices.count("redact"), "redacted at an earlier export"),
            (choices.count("keep"), "kept at an earlier export"),
            (choices.count(None), "not yet decided"),
        )
        if n
    ]
    if choices.count("redact") == len(found):
        return f"{total}, all redacted at earlier exports.\n"
    how = (
        "decide with --redact-flagged or --keep-flagged, or review in a terminal"
        if None in choices
        else "only --redact-flagged (or redacting them in a review) leaves none in the clear"
    )
    return f"{total}: {', '.join(parts)}; {how}.\n"


def review(
    found: list[Finding], asker: Asker, partly: dict[tuple[str, str], str] | None = None
) -> tuple[list[tuple[str, str]], int]:
    """Ask, for each finding, whether to redact it, keep it, or redact all of its kind; a
    detail decided at an earlier export of another of the entries offers that choice first,
    "the same for all", one key for every entry it appears in."""
    chosen: list[tuple[str, str]] = []
    kept = 0
    redact_all: set[str] = set()
    partly = partly or {}
    for i, f in enumerate(found, 1):
        if f.kind in redact_all:
            chosen.append((f.kind, f.value))
            continue
        options = [
            ("redact", "Redact it (a placeholder takes its place)"),
            ("keep", "Keep it"),
            ("all", f"Redact it and every other {f.label} found"),
        ]
        before = partly.get(f.key())
        if before is not None:
            done = "redacted" if before == "redact" else "kept"
            options.insert(
                0, ("same", f"The same for all: {done}, as at an earlier export of another of these entries")
            )
        answer = asker.choose(
            f"({i} of {len(found)}) A possible {f.label}: “{f.value}”. In {f.where}: {f.context}", options
        )
        if answer == "same":
            answer = before
        if answer == "keep":
            kept += 1
            continue
        if answer == "all":
            redact_all.add(f.kind)
        chosen.append((f.kind, f.value))
    return chosen, kept


def ask_check_in(asker: Asker) -> bool:
    """Asked once at export, only when an entry opened with the care note. No unless the
    person says yes; only the wish is shared, never the note or what raised it."""
    return bool(
        asker.confirm(
            "Your reading opened with a care note. Would you like the group to check in with you first "
            "at the meeting? Only that wish is shared, never the note or what raised it.",
            False,
        )
    )


def stranger_test(asker: Asker) -> None:
    stranger = (
        "The stranger test: read it as someone who does not know your workplace would. "
        "Details combine. Is it free of anything that could identify a client or colleague?"
    )
    if not asker.confirm(stranger, True):
        raise Cancelled("nothing was written; redact more with --redact NAME, or leave answers private")


#: What happens to possible identifiers not decided at an earlier export: redacted, kept,
#: asked about (a person at a terminal), or refused (no one to ask).
Decision = Literal["redact", "keep", "ask", "refuse"]


def export(
    content: Content,
    request: Request,
    found: list[Finding] | Review,
    *,
    mode: Decision,
    asker: Any = None,
    preview: Callable[[str], None] | None = None,
    check_in_first: bool = False,
    display_name: str | None = None,
) -> Export:
    """The reviewed document. ``mode``: "redact" or "keep" every detail found, whatever was
    decided at an earlier export; or use what was decided before and "ask" the person
    about the rest through ``asker`` (then show the document through ``preview`` and ask
    the stranger test), or "refuse" when details need a person. What was decided is
    remembered per entry for the next export (an explicit mode adds only what was never
    decided before)."""
    review_ = found if isinstance(found, Review) else Review(list(found), {}, frozenset())
    today = human_date(_dt.datetime.now().astimezone())
    everything = review_.found
    undecided = review_.undecided
    redacted = {k for k, choice in review_.remembered.items() if choice == "redact"}
    asked = False
    # An explicit choice beats a remembered one: --redact-flagged redacts, and
    # --keep-flagged keeps, every detail found, whatever was decided before.
    if mode == "redact":
        redacted = {f.key() for f in everything}
    elif mode == "keep":
        redacted = set()
    elif mode == "ask" and asker is not None:
        chosen, _ = review(undecided, asker, review_.partly)
        redacted |= {(k, " ".join(v.split()).casefold()) for k, v in chosen}
        asked = bool(undecided) or not all(row.id in review_.reviewed for row in request.rows)
    elif undecided:
        # The details are made safe to print where every error is printed (cli/app.py).
        raise WorkbookError(
            f"{len(undecided)} possible identifier{'s' if len(undecided) != 1 else ''} need a decision before export: "
            "review them in a terminal, or use --check, --redact-flagged or --keep-flagged",
            details=tuple(f"{f.label}: {f.value}" for f in undecided),
            exit_code=EXIT_FLAGGED,
        )
    chosen_all = [(f.kind, f.value) for f in everything if f.key() in redacted]
    kept = len(everything) - len(chosen_all)
    if not everything:
        note = f"Reviewed for identifying details on {today}: none found."
    elif not chosen_all:
        note = f"Reviewed for identifying details on {today}: {len(everything)} found and kept on purpose."
    elif not kept:
        note = f"Reviewed for identifying details on {today}: {len(everything)} found and redacted."
    else:
        note = (
            f"Reviewed for identifying details on {today}: {len(everything)} found, "
            f"{len(chosen_all)} redacted, {kept} kept."
        )
    always = unique(request.names)
    names = [*always, *(p for n in always for p in name_parts(n)), *(v for k, v in chosen_all if k == "name")]
    redactor = Redactor(names, [(k, v) for k, v in chosen_all if k != "name"])
    document = build_export(
        content,
        request.rows,
        redactor,
        include_private=request.include_private,
        review_note=note,
        check_in_first=check_in_first,
        display_name=display_name,
    )
    if asked:
        if preview is not None:
            preview(document.markdown)
        stranger_test(asker)
    if review_.remembers:
        remember(content, request, review_, redacted, only_new=mode in ("redact", "keep") and not review_.fresh)
    return document


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


def ask_display_name(asker: Asker) -> str:
    """Ask, once, the name the member's handouts open with, and remember it (blank is fine)."""
    from rct_workbook import preferences
    from rct_workbook.model.answers import Ask
    from rct_workbook.model.schema import Question

    question = Question(
        id="display-name",
        type="text",
        required=False,
        prompt=(
            "Your name as your group knows you, for the top of your handouts "
            "(blank for none; asked once, change it with rct config)"
        ),
    )
    answer = asker.ask(Ask(question), "")
    name = " ".join(str(answer or "").split())
    preferences.set_value("display-name", name)
    return name


def write_export(out: Path, text: str, *, overwrite: bool = True) -> Path:
    """Write an export (0600), never into the journal folder; return where.

    With ``overwrite=False`` an existing file is never replaced (FileExistsError).
    """
    target = export_target(out)
    clean_stale_temps(target.parent)  # what a killed export left behind may hold private answers
    write_atomic(target, text.encode("utf-8"), overwrite=overwrite)
    return target
