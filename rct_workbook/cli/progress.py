"""`rct progress` and `rct steps`: movement over time, and the small steps."""

import sys
from typing import Annotated

import typer

from rct_workbook.cli.state import state


def progress(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
) -> None:
    """Show movement along the continuum of connection across your assessments.

    Each good thing over time, the change in the culture profile, and small steps
    planned against those reported done.

    Example: rct progress
    """
    from rct_workbook.cli.journal import open_journal
    from rct_workbook.cli.screen import show
    from rct_workbook.journal.progress import progress as compute
    from rct_workbook.render.progress_view import progress_view

    data = compute(open_journal())
    if as_json:
        import json

        sys.stdout.write(json.dumps(data.to_dict(), ensure_ascii=False, indent=2) + "\n")
        return
    if len(data.points) < 2:
        have = len(data.points)
        sys.stdout.write(
            f"Progress needs at least two assessments with ratings; you have {have}. "
            "Run rct assess again in a few weeks to see movement.\n"
        )
        return
    st = state(ctx)
    show(st.console(), progress_view(st.ui(), data), pager=st.pager)


steps_app = typer.Typer(
    help="Your small steps across assessments, and the small wins.\n\nExample: rct steps",
    invoke_without_command=True,
    rich_markup_mode=None,
    add_completion=False,
)


@steps_app.callback()
def steps(
    ctx: typer.Context,
    only_open: Annotated[bool, typer.Option("--open", help="Only the steps not yet done.")] = False,
) -> None:
    """List the small steps from all assessments, with status and age.

    Example: rct steps
    """
    if ctx.invoked_subcommand is not None:
        return
    from rct_workbook.cli.journal import open_journal
    from rct_workbook.cli.screen import show
    from rct_workbook.journal.progress import small_steps
    from rct_workbook.render.progress_view import steps_view

    index = open_journal()
    items = small_steps(index.rows(kind="assess", newest_first=False, fields="steps"))
    if not items:
        sys.stdout.write("No small steps yet. They come from the Replace it step of rct assess.\n")
        return
    shown = [s for s in items if s.status == "open"] if only_open else items
    st = state(ctx)
    done = sum(1 for s in items if s.status == "done")
    show(st.console(), steps_view(st.ui(), shown, total=len(items), done=done), pager=st.pager)


@steps_app.command("done")
def done(
    step_id: Annotated[str, typer.Argument(metavar="ID", help="The step's id from rct steps (ENTRY.N).")],
    note: Annotated[str | None, typer.Option("--note", metavar="TEXT", help="What happened: the small win.")] = None,
) -> None:
    """Record a small step as done (a small win), in its entry's file.

    Example: rct steps done 20260312-101500-assess-1a2b.1 --note "Got the grand rounds slot"
    """
    from rct_workbook.cli.journal import open_journal
    from rct_workbook.journal.progress import mark_done
    from rct_workbook.render.safe import clean

    item, _ = mark_done(open_journal(), step_id, note)
    sys.stdout.write(f"Marked done: {clean(item.what)}\n")
