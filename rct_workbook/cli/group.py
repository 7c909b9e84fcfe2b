"""`rct group`: a meeting agenda from members' exports, and the collaborative-complaining rota."""

import datetime as _dt
import sys
from pathlib import Path
from typing import Annotated

import typer

from rct_workbook.cli.output import FORCE_HELP
from rct_workbook.cli.state import state

app = typer.Typer(
    help="For the peer-supervision group: a meeting agenda and a rota.",
    no_args_is_help=True,
    rich_markup_mode=None,
    add_completion=False,
)


def _show_markdown(ctx: typer.Context, text: str) -> bool:
    """On a terminal (and not --plain), show Markdown rendered by Rich; True if it was."""
    st = state(ctx)
    if st.plain or not sys.stdout.isatty():
        return False
    from rich.markdown import Markdown

    from rct_workbook.cli.screen import show
    from rct_workbook.render.safe import clean

    # Members' text is made harmless first; links are shown, never made clickable.
    show(st.console(), [Markdown(clean(text), hyperlinks=False)], pager=st.pager)
    return True


def _write(out: Path | None, data: bytes, what: str, *, replace: bool, ctx: typer.Context | None = None) -> None:
    """Write to stdout (no --out, or --out -) or to a file, replacing it only if ``replace``.

    Markdown for stdout is rendered when it goes to a terminal (``ctx`` given); pipes and
    files get the Markdown itself.
    """
    from rct_workbook.cli.output import to_stdout, write_document

    if to_stdout(out) and ctx is not None and _show_markdown(ctx, data.decode("utf-8")):
        return
    write_document(out, data, what, replace=replace)


@app.command("agenda")
def agenda(
    ctx: typer.Context,
    files: Annotated[list[Path], typer.Argument(metavar="FILE", help="Members' exports (from rct journal export).")],
    minutes: Annotated[
        int, typer.Option("--minutes", metavar="N", min=10, max=600, help="Length of the meeting.")
    ] = 60,
    out: Annotated[
        Path | None, typer.Option("--out", metavar="FILE", help="Write the agenda to FILE (- for stdout).")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help=FORCE_HELP)] = False,
) -> None:
    """Make one meeting agenda from several members' exported documents.

    Each member (named after their file) gets a time box, a brief reading, their plan and
    what they asked of the group; themes across members and the discussion questions
    follow. A file that is not an export is named and skipped.

    Example: rct group agenda ana.md bo.md chris.md --minutes 90 --out agenda.md
    """
    from rct_workbook.cli.output import may_replace
    from rct_workbook.errors import WorkbookError
    from rct_workbook.group import agenda as make_agenda
    from rct_workbook.group import read_export_files
    from rct_workbook.render.safe import clean

    st = state(ctx)
    replace = may_replace(out, "--out", force=force, plain=st.plain)
    # Members are named by the name each export was shared under (the file's name if none).
    exports, skipped = read_export_files(files)
    for line in skipped:
        sys.stderr.write(f"rct: {clean(line)}\n")
    if not exports:
        raise WorkbookError("none of the files is an export, so there is no agenda to make")
    content = st.content()
    text = make_agenda(
        exports,
        minutes=minutes,
        day=_dt.date.today(),
        culture_names={c.id: c.name for c in content.cultures.values()},
        strategy_names={x.id: x.name for x in content.strategies.values()},
    )
    _write(out, text.encode("utf-8"), "the agenda", replace=replace, ctx=ctx)


def _every_forms(incomplete: str) -> list[str]:
    """What --every offers to complete: the weekly and monthly forms, then weekdays of the month."""
    from rct_workbook.group import ORDINALS, WEEKDAYS

    forms = ["1w", "2w", "4w", "1m", *(f"{n} {d}" for n in ORDINALS for d in WEEKDAYS)]
    return [form for form in forms if form.startswith(incomplete.casefold())]


@app.command("rota")
def rota(
    ctx: typer.Context,
    members: Annotated[
        str, typer.Option("--members", metavar="A,B,C", help="The members, comma-separated, in turn order.")
    ],
    meetings: Annotated[
        int, typer.Option("--meetings", metavar="N", min=1, max=520, help="How many meetings to plan.")
    ],
    start: Annotated[
        str | None, typer.Option("--start", metavar="DATE", help="The first meeting (default: today).")
    ] = None,
    every: Annotated[
        str,
        typer.Option(
            "--every",
            metavar="1w|2w|4w|1m|DAY",
            help="How often the group meets: every 1, 2 or 4 weeks, monthly, or on a weekday of the month "
            '("first tuesday", "last friday").',
            autocompletion=_every_forms,
        ),
    ] = "1w",
    topic: Annotated[str | None, typer.Option("--topic", metavar="TEXT", help="The practice being raised.")] = None,
    ics: Annotated[Path | None, typer.Option("--ics", metavar="FILE", help="Also write an iCalendar file.")] = None,
    out: Annotated[
        Path | None, typer.Option("--out", metavar="FILE", help="Write the Markdown table to FILE (- for stdout).")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help=FORCE_HELP)] = False,
) -> None:
    """Plan the collaborative-complaining rota: who raises the practice at which meeting.

    Turns rotate fairly: nobody raises it twice before everyone has raised it once.

    Example: rct group rota --members "Ana,Bo,Chris" --meetings 6 --every 2w --ics rota.ics
    """
    from rct_workbook.cli.output import may_replace, to_stdout
    from rct_workbook.errors import WorkbookError
    from rct_workbook.group import EVERY_FORMS, meeting_dates, rota_ics, rota_markdown, rota_on
    from rct_workbook.model.commonmark import one_line

    names = [one_line(m) for m in members.split(",")]
    names = [n for n in names if n]
    if not names:
        raise WorkbookError('--members needs at least one name, e.g. --members "Ana,Bo,Chris"')
    if len({n.casefold() for n in names}) != len(names):
        raise WorkbookError("--members lists someone twice")
    try:
        first = _dt.date.fromisoformat(start) if start else _dt.date.today()
    except ValueError:
        raise WorkbookError(f"--start takes a date like 2026-03-31, not {start!r}") from None
    latest = _dt.date(9000, 12, 31)  # meetings (up to 520, every 4 weeks) must stay within the calendar
    if first > latest:
        raise WorkbookError(f"--start must be on or before {latest.isoformat()}, not {first.isoformat()}")
    dates = meeting_dates(first, meetings, every)
    if dates is None:
        raise WorkbookError(f"--every takes {EVERY_FORMS}, not {every!r}")
    if ics is not None and to_stdout(ics) and to_stdout(out):
        raise WorkbookError("--ics - and the rota cannot both go to stdout; give --out FILE too")
    plain = state(ctx).plain
    replace_out = may_replace(out, "--out", force=force, plain=plain)
    replace_ics = may_replace(ics, "--ics", force=force, plain=plain) if ics is not None else False
    turns = rota_on(names, dates)
    _write(out, rota_markdown(turns, topic).encode("utf-8"), "the rota", replace=replace_out, ctx=ctx)
    if ics is not None:
        _write(ics, rota_ics(turns, topic), "the calendar", replace=replace_ics)
