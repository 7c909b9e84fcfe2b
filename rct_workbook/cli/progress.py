"""`rct progress` and `rct steps`: movement over time per setting, and the life of the small steps."""

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from rct_workbook.cli.conventions import choice
from rct_workbook.cli.output import FORCE_HELP, write_document
from rct_workbook.cli.state import state
from rct_workbook.render.formats import PROGRESS

if TYPE_CHECKING:
    from rct_workbook.journal.index import Index

SETTING_HELP = "Only this setting (see rct settings)."


def _setting(index: "Index", name: str | None) -> str | None:
    """The setting named with --setting, as the journal spells it; an error if it has none."""
    if name is None:
        return None
    from rct_workbook.journal.settings import require_known

    return require_known(name, index.settings())


def progress(
    ctx: typer.Context,
    setting: Annotated[str | None, typer.Option("--setting", metavar="NAME", help=SETTING_HELP)] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON (--format json).")] = False,
    html: Annotated[
        Path | None,
        typer.Option(
            "--html", metavar="FILE", help="Write one page with SVG charts to FILE instead (--format html --out FILE)."
        ),
    ] = None,
    form: Annotated[
        str | None, typer.Option("--format", help=PROGRESS.help(by_suffix=True), **choice(*PROGRESS.names()))
    ] = None,
    out: Annotated[
        Path | None, typer.Option("--out", metavar="FILE", help="Write the --format document to FILE (- for stdout).")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help=FORCE_HELP)] = False,
) -> None:
    """Show movement along the continuum of connection across your assessments.

    Per setting: each good thing over time, the culture mix over time, the small steps
    planned, done, tried, carried forward and dropped, and the next check-in. Movement is
    only read between assessments of the same setting, in order of time.

    Example: rct progress --setting ward --html progress.html
    """
    from rct_workbook.cli.journal import open_journal
    from rct_workbook.cli.output import may_replace, to_stdout
    from rct_workbook.cli.screen import show
    from rct_workbook.errors import WorkbookError
    from rct_workbook.journal.progress import progress as compute
    from rct_workbook.render.formats import ProgressDocument
    from rct_workbook.render.progress_view import progress_view

    # What to write: --format/--out, and the older --json (stdout) and --html FILE, which may be given together.
    wanted = [(PROGRESS.for_file(form, out), out, "--out")] if form is not None or out is not None else []
    wanted += [(PROGRESS.get("json"), None, "--json")] if as_json else []
    wanted += [(PROGRESS.get("html"), html, "--html")] if html is not None else []
    if sum(1 for _, to, _ in wanted if to_stdout(to)) > 1:
        raise WorkbookError("only one document can be printed; give the others a file with --out or --html")
    plain = state(ctx).plain
    writes = [(fmt, to, may_replace(to, option, force=force, plain=plain)) for fmt, to, option in wanted]
    index = open_journal()
    data = compute(index, _setting(index, setting))
    if not data.settings and not (writes and all(fmt.data_only for fmt, _, _ in writes)):
        # A page for people is not written with nothing to show; the figures (an empty list) are.
        said = sys.stderr if any(to_stdout(to) for _, to, _ in writes) else sys.stdout
        said.write("No assessments yet. Start with: rct assess\n")
        writes = [w for w in writes if w[0].data_only]
    elif not writes:  # writing a document says one line, with no view or pager before it
        st = state(ctx)
        show(st.console(), progress_view(st.ui(), data), pager=st.pager)
    for fmt, to, replace in writes:
        document = fmt.render(ProgressDocument(data, state(ctx).content))
        write_document(to, document.data, fmt.title, replace=replace)


steps_app = typer.Typer(
    help="Your small steps across assessments, and the small wins.\n\nExample: rct steps",
    invoke_without_command=True,
    rich_markup_mode=None,
    add_completion=False,
)


@steps_app.callback()
def steps(
    ctx: typer.Context,
    only_open: Annotated[bool, typer.Option("--open", help="Only the steps still open (or carried forward).")] = False,
    status: Annotated[
        str | None,
        typer.Option("--status", metavar="S", help="Only steps with this status: open, done, tried, carried, dropped."),
    ] = None,
    setting: Annotated[str | None, typer.Option("--setting", metavar="NAME", help=SETTING_HELP)] = None,
    as_json: Annotated[
        bool,
        typer.Option(
            "--json", help="Print a JSON list (id, entry, setting, case, what, with, by, risk, status, note, history)."
        ),
    ] = False,
    ics: Annotated[
        Path | None,
        typer.Option(
            "--ics", metavar="FILE", help="Write the open dated steps and the next check-ins as an iCalendar file."
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help=FORCE_HELP)] = False,
) -> None:
    """List the small steps from assessments and case reflections: status, age, setting or case, last note.

    Example: rct steps --open --setting ward
    """
    if ctx.invoked_subcommand is not None:
        return
    from rct_workbook.cli.journal import open_journal
    from rct_workbook.errors import WorkbookError
    from rct_workbook.journal.steps import STATUSES, step_life

    wanted = (status or "").strip().lower() or None
    if wanted is not None and wanted not in ("open", *STATUSES):
        raise WorkbookError(f"--status takes open, {', '.join(STATUSES)}, not {status!r}")
    from rct_workbook.cli.output import may_replace

    replace = may_replace(ics, "--ics", force=force, plain=state(ctx).plain) if ics is not None else False
    index = open_journal()
    where = _setting(index, setting)
    # Assessments and case reflections both plan steps; a case's have no setting, so --setting leaves them out.
    items = step_life(index.rows(newest_first=False, fields="life", setting=where))
    shown = [s for s in items if (not only_open or s.is_open) and (wanted is None or s.status == wanted)]
    if ics is not None:
        _write_ics(index, items, where, ics, replace=replace)
    if as_json:
        import json

        sys.stdout.write(json.dumps([s.to_json() for s in shown], ensure_ascii=False, indent=2) + "\n")
        return
    if ics is not None:
        return
    if not items:
        sys.stdout.write(
            "No small steps yet. They come from the Replace it step of rct assess, and from the reflection"
            " on a case (rct vignette paula).\n"
        )
        return
    from rct_workbook.cli.screen import show
    from rct_workbook.render.progress_view import steps_view

    st = state(ctx)
    done = sum(1 for s in items if s.status == "done")
    show(st.console(), steps_view(st.ui(), shown, total=len(items), done=done), pager=st.pager)


def _write_ics(index: "Index", items: list, where: str | None, out: Path, *, replace: bool) -> None:  # type: ignore[type-arg]
    from rct_workbook.dates import as_date
    from rct_workbook.journal.calendar import CheckIn, steps_ics
    from rct_workbook.journal.progress import progress as compute
    from rct_workbook.model.answers import plural
    from rct_workbook.render.safe import clean

    check_ins = []
    for setting in compute(index, where).settings:
        day = as_date(setting.next_check_in)
        if day is not None:
            chosen = next(
                (r.created for r in index.rows(kind="assess", setting=setting.setting, limit=1, fields="listing")), ""
            )
            check_ins.append(CheckIn(setting.setting, day, chosen))
    dated = sum(1 for s in items if s.is_open and s.due is not None)
    if not dated and not check_ins:
        from rct_workbook.cli.messages import say

        say(
            sys.stderr,
            "No open step has a date and no check-in is planned, so there is nothing for a calendar; "
            f"{clean(out)} was not written. A step gets a date from its “by when” (for example 2027-02-10).\n",
        )
        return
    data = steps_ics(items, check_ins)
    what = f"the calendar ({plural(dated, 'dated step')} and {plural(len(check_ins), 'check-in')})"
    write_document(out, data, what, replace=replace)


def _set(step_id: str, status: str, note: str | None) -> None:
    from rct_workbook.cli.journal import open_journal
    from rct_workbook.journal.progress import set_status
    from rct_workbook.render.safe import clean

    item, _ = set_status(open_journal(), step_id, status, note)
    said = {"done": "Marked done", "tried": "Marked tried", "carried": "Carried forward", "dropped": "Dropped"}
    sys.stdout.write(f"{said[status]}: {clean(item.what)}\n")


StepId = Annotated[str, typer.Argument(metavar="ID", help="The step's id from rct steps (ENTRY.N).")]


@steps_app.command("done")
def done(
    step_id: StepId,
    note: Annotated[str | None, typer.Option("--note", metavar="TEXT", help="What happened: the small win.")] = None,
) -> None:
    """Record a small step as done (a small win), in its entry's file.

    Example: rct steps done 20260312-101500-assess-1a2b.1 --note "Got the grand rounds slot"
    """
    _set(step_id, "done", note)


@steps_app.command("tried")
def tried(
    step_id: StepId,
    note: Annotated[str | None, typer.Option("--note", metavar="TEXT", help="What you learned.")] = None,
) -> None:
    """Record a small step as tried: it did not go as planned, and something was learned.

    Example: rct steps tried 20260312-101500-assess-1a2b.1 --note "The chair wants data first"
    """
    _set(step_id, "tried", note)


@steps_app.command("carry")
def carry(
    step_id: StepId,
    note: Annotated[str | None, typer.Option("--note", metavar="TEXT", help="Why it is still going.")] = None,
) -> None:
    """Record a small step as carried forward: still open, still yours.

    Example: rct steps carry 20260312-101500-assess-1a2b.1 --note "Waiting for the new rota"
    """
    _set(step_id, "carried", note)


@steps_app.command("drop")
def drop(
    step_id: StepId,
    note: Annotated[str | None, typer.Option("--note", metavar="TEXT", help="Why you let it go.")] = None,
) -> None:
    """Record a small step as dropped: let go, perhaps for a better-fitting one.

    Example: rct steps drop 20260312-101500-assess-1a2b.1 --note "The committee was dissolved"
    """
    _set(step_id, "dropped", note)
