"""`rct workshop`: a facilitator's plan for a case, and an anonymous class profile."""

import datetime as _dt
import sys
from pathlib import Path
from typing import Annotated

import typer

from rct_workbook.cli import complete
from rct_workbook.cli.conventions import choice
from rct_workbook.cli.output import FORCE_HELP
from rct_workbook.cli.state import state
from rct_workbook.render.formats import CLASS_PROFILE, WORKSHOP_PLAN

app = typer.Typer(
    help="For trainers: a workshop plan for a case, and an anonymous class profile.",
    no_args_is_help=True,
    rich_markup_mode=None,
    add_completion=False,
)


@app.command("plan")
def plan(
    ctx: typer.Context,
    case: Annotated[str, typer.Argument(metavar="CASE", help="The case: {cases}.", autocompletion=complete.vignettes)],
    participants: Annotated[int, typer.Option("--participants", metavar="N", help="How many people take part.")],
    minutes: Annotated[int, typer.Option("--minutes", metavar="M", help="How long the workshop is.")],
    rehearsal: Annotated[
        list[str] | None,
        typer.Option("--rehearsal", metavar="ID", help="A rehearsal to use (once or twice); default: the case's own."),
    ] = None,
    out: Annotated[
        Path | None, typer.Option("--out", metavar="FILE", help="Write the plan to FILE (- for stdout).")
    ] = None,
    fmt: Annotated[
        str | None,
        typer.Option("--format", help=WORKSHOP_PLAN.help(by_suffix=True), **choice(*WORKSHOP_PLAN.names())),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help=FORCE_HELP)] = False,
) -> None:
    """Make a facilitator's plan for a workshop on one case.

    A timed agenda that adds up to the minutes given (opening and support check, the
    case in parts, small groups of 3 to 5, one or two rehearsals, plenary, each
    person's small step), the facilitator's notes and questions for each part, a care
    paragraph, and handouts. HTML prints one page per part.

    Example: rct workshop plan paula --participants 20 --minutes 120 --out plan.html
    """
    from rct_workbook.cli.output import may_replace, write_document
    from rct_workbook.render.formats import PlanDocument
    from rct_workbook.workshop import plan_workshop

    st = state(ctx)
    chosen = WORKSHOP_PLAN.for_file(fmt, out)
    replace = may_replace(out, "--out", force=force, plain=st.plain)
    content = st.content()
    made = plan_workshop(content, case, participants, minutes, rehearsal or ())
    write_document(out, chosen.render(PlanDocument(made, content)).data, "the plan", replace=replace)


@app.command("profile")
def profile(
    ctx: typer.Context,
    files: Annotated[
        list[Path], typer.Argument(metavar="EXPORT...", help="Participants' exports (from rct journal export).")
    ],
    day: Annotated[
        str | None, typer.Option("--day", metavar="DATE", help="The workshop day shown (default: today).")
    ] = None,
    out: Annotated[
        Path | None, typer.Option("--out", metavar="FILE", help="Write the profile to FILE (- for stdout).")
    ] = None,
    fmt: Annotated[
        str | None,
        typer.Option("--format", help=CLASS_PROFILE.help(by_suffix=True), **choice(*CLASS_PROFILE.names())),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help=FORCE_HELP)] = False,
) -> None:
    """Make an anonymous class profile from participants' exports, for the plenary.

    Counts only: how many took part, how each good thing was rated, the culture mix,
    the most and least ticked practices, and Fletcher's strategies chosen. No names,
    no words of anyone's own, no dates but the day. Needs at least 5 exports; counts
    of fewer than 3 people are merged or suppressed.

    Example: rct workshop profile exports/*.md --out profile.html
    """
    from rct_workbook.class_profile import build_profile
    from rct_workbook.cli.output import may_replace, write_document
    from rct_workbook.errors import WorkbookError
    from rct_workbook.group import read_export_files
    from rct_workbook.render.safe import clean

    st = state(ctx)
    chosen = CLASS_PROFILE.for_file(fmt, out)
    replace = may_replace(out, "--out", force=force, plain=st.plain)
    try:
        when = _dt.date.fromisoformat(day) if day else _dt.date.today()
    except ValueError:
        raise WorkbookError(f"--day takes a date like 2026-03-31, not {day!r}") from None
    exports, skipped = read_export_files(files, unique=True)
    for line in skipped:
        sys.stderr.write(f"rct: {clean(line)}\n")
    made = build_profile(st.content(), exports, when)
    write_document(out, chosen.render(made).data, "the class profile", replace=replace)
