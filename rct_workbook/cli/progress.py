"""`rct progress` and `rct steps`: movement over time per setting, and the life of the small steps."""

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from rct_workbook.cli.output import FORCE_HELP, write_document
from rct_workbook.cli.state import state

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
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
    html: Annotated[
        Path | None,
        typer.Option(
            "--html", metavar="FILE", help="Write one page with SVG charts to FILE instead (one line says so)."
        ),
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
    from rct_workbook.cli.output import may_replace
    from rct_workbook.cli.screen import show
    from rct_workbook.journal.progress import progress as compute
    from rct_workbook.render.progress_view import progress_view

    replace = may_replace(html, "--html", force=force, plain=state(ctx).plain) if html is not None else False
    index = open_journal()
    data = compute(index, _setting(index, setting))
    if as_json:
        import json

        sys.stdout.write(json.dumps(data.to_dict(), ensure_ascii=False, indent=2) + "\n")
    elif not data.settings:
        sys.stdout.write("No assessments yet. Start with: rct assess\n")
        return
    elif html is None:  # writing the page says one line, with no view or pager before it
        st = state(ctx)
        show(st.console(), progress_view(st.ui(), data), pager=st.pager)
    if html is not None:
        from rct_workbook.render.progress_html import progress_html

        content = state(ctx).content()
        page = progress_html(
            data,
            culture_names={c.id: c.name for c in content.cultures.values()},
            disclaimer=content.meta.disclaimer,
        )
        write_document(html, page, "the progress page", replace=replace)


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
            "--json", help="Print a JSON list (id, entry, setting, what, with, by, risk, status, note, history)."
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
    """List the small steps from all assessments, with status, age, setting and last note.

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
    items = step_life(index.rows(kind="assess", newest_first=False, fields="life", setting=where))
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
        sys.stdout.write("No small steps yet. They come from the Replace it step of rct assess.\n")
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
