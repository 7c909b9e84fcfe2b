"""`rct journal`: list, search, show, export and delete journal entries."""

import datetime as _dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from rct_workbook.cli import complete
from rct_workbook.cli.conventions import choice
from rct_workbook.cli.output import FORCE_HELP
from rct_workbook.cli.state import has_terminal, state
from rct_workbook.render.formats import JOURNAL

if TYPE_CHECKING:
    from collections.abc import Callable

    from rct_workbook.cli.state import State
    from rct_workbook.flow.askers import QuestionaryAsker
    from rct_workbook.journal.export import Export
    from rct_workbook.journal.index import Index, Refresh, Row
    from rct_workbook.journal.sharing import Decision, Request, Review
    from rct_workbook.render.formats import Format, JournalDocument

#: The largest -n: far more than any journal holds, and a number SQLite can take.
MAX_LISTED = 1_000_000

app = typer.Typer(
    help="Your journal: list, search, show, export and delete entries.",
    no_args_is_help=True,
    rich_markup_mode=None,
    add_completion=False,
)


def open_journal() -> "Index":
    """The index, up to date; files that are not entries are named on stderr, once each."""
    from rct_workbook.journal.index import open_index

    index, refreshed = open_index()
    report_refresh(refreshed, index.folder)
    return index


def report_refresh(refreshed: "Refresh", folder: Path) -> None:
    """Name on stderr, one line each, what a refresh of the index found to tell."""
    from rct_workbook.cli.messages import say
    from rct_workbook.paths import data_root, readable_by_others
    from rct_workbook.render.safe import clean

    for note in refreshed.notes:
        say(sys.stderr, f"rct: {clean(note)}\n")
    for name, reason in refreshed.skipped:
        say(sys.stderr, f"rct: skipped journal/{clean(name)}: {clean(reason)}\n")
    for ident, names in refreshed.duplicates:
        files = ", ".join(f"journal/{clean(n)}" for n in names)
        say(sys.stderr, f"rct: warning: the entry id {clean(ident)} is in more than one file: {files}\n")
    for name in refreshed.exposed:
        path = folder / name
        say(
            sys.stderr,
            f"rct: warning: journal/{clean(name)} can be read by other users; to fix: chmod 600 {clean(path)}\n",
        )
    for place in (data_root(), folder):
        if readable_by_others(place):
            say(
                sys.stderr,
                f"rct: warning: the folder {clean(place)} can be read by other users;"
                f" to fix, if it is yours alone: chmod 700 {clean(place)}\n",
            )


def _date(value: str | None, option: str) -> str | None:
    from rct_workbook.errors import WorkbookError

    if value is None:
        return None
    try:
        return _dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise WorkbookError(f"{option} takes a date like 2026-03-31, not {value!r}") from None


@app.command("list")
def list_entries(
    ctx: typer.Context,
    kind: Annotated[
        str | None, typer.Option("--kind", help="Only this kind of entry.", **choice("assess", "vignette"))
    ] = None,
    since: Annotated[
        str | None, typer.Option("--since", metavar="DATE", help="On or after this date (2026-03-31).")
    ] = None,
    until: Annotated[str | None, typer.Option("--until", metavar="DATE", help="On or before this date.")] = None,
    vignette: Annotated[
        str | None, typer.Option("--vignette", metavar="NAME", help="Only reflections on this vignette.")
    ] = None,
    grep: Annotated[
        str | None, typer.Option("--grep", metavar="TEXT", help="Only entries whose answers hold these words.")
    ] = None,
    setting: Annotated[
        str | None, typer.Option("--setting", metavar="NAME", help="Only assessments of this setting.")
    ] = None,
    number: Annotated[
        int | None, typer.Option("-n", metavar="N", min=1, max=MAX_LISTED, help="At most N entries.")
    ] = None,
    as_json: Annotated[
        bool,
        typer.Option(
            "--json", help="Print a JSON list (id, created, kind, title, vignette, good_things_mean, path, setting)."
        ),
    ] = False,
) -> None:
    """List entries, newest first, with each assessment's mean of the five good things.

    Example: rct journal list --kind assess --since 2026-01-01
    """
    index = open_journal()
    if setting is not None:
        from rct_workbook.journal.settings import require_known

        setting = require_known(setting, index.settings())
    query: dict[str, Any] = {
        "kind": kind,
        "setting": setting,
        "since": _date(since, "--since"),
        "until": _date(until, "--until"),
        "vignette": vignette,
        "grep": grep,
        "limit": number,
    }
    rows = index.rows(**query, fields="listing")
    if as_json:
        import json

        data = [
            {
                "id": r.id,
                "created": r.created,
                "kind": r.kind,
                "title": r.title,
                "vignette": r.vignette,
                "good_things_mean": r.mean,
                "path": str(r.path),
                "setting": r.setting,
            }
            for r in rows
        ]
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return
    if not rows:
        sys.stdout.write(
            "No entries match.\n"
            if any((kind, since, until, vignette, grep, setting))
            else "Your journal is empty. Start with: rct assess\n"
        )
        return
    from rct_workbook.render.listing import listing
    from rct_workbook.render.modes import MAX_WIDTH, ascii_only_terminal

    width = MAX_WIDTH
    if sys.stdout.isatty():
        import shutil

        width = shutil.get_terminal_size((MAX_WIDTH, 24)).columns
    from rct_workbook.cli.screen import show_text

    snippets = None
    st = state(ctx)
    if grep:  # the words around each match, from the member's own words (not choice ids)
        from rct_workbook.render.listing import snippet

        shown = {r.id for r in rows}
        full = index.rows(**query)
        snippets = {
            r.id: found
            for r in full
            if r.id in shown and (found := snippet(_own_words(st, r), grep, max(width - 4, 12))) is not None
        }
    lines = listing(rows, width, ascii_only=ascii_only_terminal(), snippets=snippets)
    show_text("\n".join(lines) + "\n", pager=state(ctx).pager)


def _own_words(st: "State", row: "Row") -> list[str]:
    """What the member wrote in an entry: its free-text answers, not the ids of ticked choices."""
    from rct_workbook.model.question_types import QUESTION_TYPES

    content = st.content()
    if row.vignette and row.vignette in content.vignettes:
        questions = list(content.vignettes[row.vignette].reflection)
    else:
        questions = [q for flow in content.flows.values() for section in flow.sections for q in section.questions]
    by_id = {q.id: q for q in questions}
    return [
        text
        for key, value in row.answers.items()
        if key in by_id
        for text in QUESTION_TYPES[by_id[key].type].free_texts(by_id[key], value)
    ]


@app.command("show")
def show(
    ctx: typer.Context,
    entry_id: Annotated[
        str,
        typer.Argument(
            metavar="ID", help="An entry id, or any unique start of one.", autocompletion=complete.entry_ids
        ),
    ],
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the entry as JSON (its answers by question id, the reading).")
    ] = False,
    every: Annotated[
        bool, typer.Option("--all", help="Show every response of the reading, not only the most specific five.")
    ] = False,
) -> None:
    """Show an entry, rendered like the summary it came from.

    Example: rct journal show 20260312-1015
    """
    from rct_workbook.cli.screen import show
    from rct_workbook.journal.export import check_answers
    from rct_workbook.journal.reflection import plan_context
    from rct_workbook.journal.store import BadEntry, read_entry
    from rct_workbook.render.journal_view import entry_reading, entry_view

    st = state(ctx)
    index = open_journal()
    row = index.find(entry_id)
    try:
        entry = read_entry(row.path)
    except BadEntry as exc:  # changed since the index was refreshed
        from rct_workbook.errors import StorageError

        raise StorageError(f"cannot read journal/{row.path.name}: {exc}") from None
    check_answers(st.content(), row)
    # "Since last time" and the steps carried into the plan come from the setting's other entries.
    review, carried = (
        plan_context(index.rows(kind="assess", setting=row.setting, fields="life"), row) if row.review else ((), ())
    )
    if as_json:
        from rct_workbook.render import as_json as to_json

        reading = entry_reading(st.content(), entry, review, carried) if entry.kind == "assess" else None
        sys.stdout.write(to_json.dumps(to_json.entry(entry, reading)))
        return
    view = entry_view(st.ui(), st.content(), row, entry, every=every, review=review, carried=carried)
    show(st.console(), view, pager=st.pager)


@app.command("export")
def export(
    ctx: typer.Context,
    entry_ids: Annotated[
        list[str],
        typer.Argument(
            metavar="ID", help="One or more entry ids (unique starts are enough).", autocompletion=complete.entry_ids
        ),
    ],
    out: Annotated[
        Path | None,
        typer.Option("--out", metavar="FILE", help="Write to FILE (mode 0600) instead of printing; - for stdout."),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help=FORCE_HELP)] = False,
    redact: Annotated[
        list[str] | None,
        typer.Option("--redact", metavar="NAME", help="Replace this name everywhere; may be repeated."),
    ] = None,
    redact_file: Annotated[
        Path | None, typer.Option("--redact-file", metavar="FILE", help="Names to replace, one per line.")
    ] = None,
    form: Annotated[
        str | None, typer.Option("--format", help=JOURNAL.help(by_suffix=True), **choice(*JOURNAL.names()))
    ] = None,
    include_private: Annotated[
        bool, typer.Option("--include-private", help="Also include answers marked private.")
    ] = False,
    check: Annotated[
        bool,
        typer.Option("--check", help="Only list possible identifiers; exit 1 while any would be left in the clear."),
    ] = False,
    redact_flagged: Annotated[
        bool, typer.Option("--redact-flagged", help="Redact every possible identifier found.")
    ] = False,
    keep_flagged: Annotated[
        bool, typer.Option("--keep-flagged", help="Keep every possible identifier found, on purpose.")
    ] = False,
    fresh_review: Annotated[
        bool,
        typer.Option("--review", help="Forget the decisions of earlier exports of these entries and decide again."),
    ] = False,
    check_in_first: Annotated[
        bool,
        typer.Option(
            "--check-in-first",
            help="Ask the group to check in with you first (asked in a terminal when a care note was shown).",
        ),
    ] = False,
    with_answers: Annotated[
        bool,
        typer.Option(
            "--with-answers",
            help=f"With --format {' or '.join(JOURNAL.taking('--with-answers'))}: add every answer in full after"
            " the one-page handouts (the other formats always have them).",
        ),
    ] = False,
) -> None:
    """Make one document for a peer-supervision meeting from one or more entries.

    It holds the reflections, the plan and the discussion questions, but no internal ids,
    local paths or private answers (--include-private adds those). Before anything is
    written, the answers are checked for details that could identify someone (names,
    emails, phone numbers, dates, record numbers, postcodes…): in a terminal you decide
    for each, see the document, then answer the stranger test; otherwise use --check,
    --redact-flagged or --keep-flagged, which apply to every detail found, whatever was
    decided before. Decisions are remembered per entry (as keyed hashes), so exporting
    again without those options asks only about new details; --review starts over. --redact replaces
    names with [Person A], [Person B]… everywhere. The journal itself is never changed.

    --format html makes a handout to print: one page per entry (the reading in brief, what
    you ask of the group, the plan, your answers, the questions for discussion), with a
    first page of movement over time for two or more assessments. Answers too long for
    the page are shortened and marked "…"; --with-answers adds every answer in full after
    the handout pages. The Markdown export always holds every answer in full, and so does
    --format text, plain text to paste into an email.

    Example: rct journal export 20260312 20260402 --redact "Dr. Jones" --out meeting.md
    """
    from rct_workbook.errors import WorkbookError
    from rct_workbook.journal import sharing
    from rct_workbook.render.safe import clean

    if redact_flagged and keep_flagged:
        raise WorkbookError("--redact-flagged and --keep-flagged cannot be used together")
    chosen = JOURNAL.for_file(form, out)
    if with_answers and "--with-answers" not in chosen.options:
        taking = " or ".join(JOURNAL.taking("--with-answers"))
        raise WorkbookError(
            f"--with-answers is for --format {taking}; {chosen.title} always holds every answer in full"
        )
    st = state(ctx)
    replace = _may_write(out, check=check, force=force, plain=st.plain)
    request = sharing.Request(
        rows=sharing.rows_for(open_journal(), entry_ids, st.content()),
        names=[*(redact or []), *(sharing.names_from(redact_file) if redact_file else [])],
        include_private=include_private,
    )
    review = sharing.review_state(st.content(), request, fresh=fresh_review, saving=not check)
    for note in review.notes:
        sys.stderr.write(f"rct: warning: {clean(note)}\n")
    explicit: sharing.Decision | None = "redact" if redact_flagged else "keep" if keep_flagged else None
    if check:
        _report_check(review, explicit or "ask")
        return
    mode: sharing.Decision = explicit or ("ask" if has_terminal() else "refuse")
    document = _reviewed_document(st, request, review, mode=mode, check_in_first=check_in_first)
    _deliver(document, chosen, with_answers=with_answers, out=out, replace=replace)


def _may_write(out: Path | None, *, check: bool, force: bool, plain: bool) -> bool:
    """Whether --out may be replaced (asked in a terminal, else --force); the journal folder is refused first."""
    from rct_workbook.cli.output import may_replace, to_stdout
    from rct_workbook.journal import sharing

    if not check and not to_stdout(out):
        assert out is not None
        sharing.export_target(out)  # refuse the journal folder before asking about replacing
    return False if check else may_replace(out, "--out", force=force, plain=plain)


def _reviewed_document(
    st: "State", request: "Request", review: "Review", *, mode: "Decision", check_in_first: bool
) -> "Export":
    """The document after the review of possible identifiers: decided by ``mode``, asked when it is "ask"."""
    from rct_workbook.journal import sharing

    asker, check_in_first, display_name = _ask_before_export(
        request, mode, check_in_first=check_in_first, plain=st.plain
    )
    return sharing.export(
        st.content(),
        request,
        review,
        mode=mode,
        asker=asker if mode == "ask" else None,
        preview=_pager_for(st.pager),
        check_in_first=check_in_first,
        display_name=display_name,
    )


def _report_check(review: "Review", mode: "Decision") -> None:
    """`--check`: list every possible identifier (and what was decided at an earlier export), then the summary;
    exit 1 while any would stand in the clear or undecided (so a script can rely on it): only when all are
    redacted (by --redact-flagged, or at earlier exports) is the exit 0."""
    from rct_workbook.errors import EXIT_FLAGGED
    from rct_workbook.journal import sharing
    from rct_workbook.render.safe import clean

    for f in review.found:
        before = review.remembered.get(f.key())
        status = f" ({'redacted' if before == 'redact' else 'kept'} at an earlier export)" if before else ""
        sys.stdout.write(clean(f"{f.label}: {f.value}{status}\n    in {f.where}\n    {f.context}\n"))
    sys.stdout.write(sharing.check_summary(review, mode))
    if sharing.left_in_clear(review, mode):
        raise typer.Exit(EXIT_FLAGGED)


def _ask_before_export(
    request: "Request", mode: "Decision", *, check_in_first: bool, plain: bool
) -> "tuple[QuestionaryAsker | None, bool, str | None]":
    """Who answers the export's questions (a person, when there is a terminal and something to ask), whether
    the group is to check in first (asked when a care note was shown), and the name the document is shared under."""
    from rct_workbook import preferences
    from rct_workbook.journal import sharing

    asker = None
    if mode == "ask" or (has_terminal() and not check_in_first and sharing.care_note_shown(request.rows)):
        from rct_workbook.flow.askers import QuestionaryAsker

        asker = QuestionaryAsker(plain=plain, stderr=True)
    if not check_in_first and asker is not None and sharing.care_note_shown(request.rows):
        check_in_first = sharing.ask_check_in(asker)
    display_name = preferences.load().display_name
    if display_name is None and mode == "ask" and asker is not None:
        display_name = sharing.ask_display_name(asker)
    return asker, check_in_first, display_name


def _deliver(
    document: "Export", form: "Format[JournalDocument]", *, with_answers: bool, out: Path | None, replace: bool
) -> None:
    """Print the document in the format ``form`` or write it to --out, saying how many
    private answers were left out and what the format adds (the handout's pages)."""
    from rct_workbook.cli.output import exists_error, to_stdout
    from rct_workbook.journal import sharing
    from rct_workbook.render.formats import JournalDocument
    from rct_workbook.render.safe import clean

    entries = len(document.pages)
    rendered = form.render(JournalDocument(document, with_answers=with_answers))
    text = rendered.data
    withheld = (
        f" {document.withheld} private answer{'s' if document.withheld != 1 else ''} left out"
        " (--include-private adds them)."
        if document.withheld
        else ""
    )
    if rendered.note:
        withheld += f" {rendered.note}"
    if to_stdout(out):
        sys.stdout.write(text)
        if withheld:
            sys.stderr.write(withheld.strip() + "\n")
        return
    assert out is not None
    try:
        target = sharing.write_export(out, text, overwrite=replace)
    except FileExistsError:
        raise exists_error(out.expanduser()) from None
    sys.stderr.write(f"Wrote {clean(str(target))} ({entries} entr{'y' if entries == 1 else 'ies'}).{withheld}\n")


def _pager_for(use_pager: bool) -> "Callable[[str], None]":
    def page(document: str) -> None:
        """Show the document about to leave on the terminal, paged (never into stdout's file)."""
        import shutil

        from rct_workbook.cli import screen
        from rct_workbook.render.safe import clean

        text = "This is what will be exported:\n\n" + clean(document) + "\n"
        command = screen.pager_command() if use_pager else None
        if command and sys.stdout.isatty() and sys.stdin.isatty() and shutil.which(command[0]):
            screen.run_pager(command, text)  # the same pager as every long output
        else:
            sys.stderr.write(text)

    return page


@app.command("delete")
def delete(
    ctx: typer.Context,
    entry_id: Annotated[
        str,
        typer.Argument(
            metavar="ID", help="An entry id, or any unique start of one.", autocompletion=complete.entry_ids
        ),
    ],
    yes: Annotated[bool, typer.Option("--yes", help="Do not ask for confirmation.")] = False,
) -> None:
    """Delete an entry (its file) after asking you to confirm.

    Example: rct journal delete 20260312-1015
    """
    from rct_workbook.errors import Cancelled, WorkbookError

    index = open_journal()
    row = index.find(entry_id, one_file=True)
    if not yes:
        if not has_terminal():
            raise WorkbookError("no terminal to confirm in; add --yes to delete without asking")
        from rct_workbook.flow.askers import QuestionaryAsker

        asker = QuestionaryAsker(plain=state(ctx).plain)
        if not asker.confirm(f"Delete “{row.title}” from {row.date}? This cannot be undone.", False):
            raise Cancelled("nothing was deleted")
    from rct_workbook.journal import decisions
    from rct_workbook.journal.update import delete_entry

    delete_entry(row.path)  # under the entry's lock: a writer holding it finishes first

    decisions.forget(row.id)  # what was decided at its exports goes with it
    index.refresh()
    sys.stdout.write(f"Deleted {row.id}.\n")


@app.command("reindex")
def reindex() -> None:
    """Rebuild the search index from the journal files (nothing is lost: it is derived).

    Example: rct journal reindex
    """
    from rct_workbook.journal.index import open_index

    index, result = open_index(rebuild=True)
    report_refresh(result, index.folder)
    count = len(index.rows())
    sys.stdout.write(f"Indexed {count} entr{'y' if count == 1 else 'ies'}.\n")


# Encryption's commands live in their own module (cli/encryption.py).
from rct_workbook.cli import encryption as _encryption  # noqa: E402

app.command("encrypt")(_encryption.encrypt)
app.command("decrypt")(_encryption.decrypt)
app.command("passphrase")(_encryption.passphrase)
app.command("forget")(_encryption.forget)
