"""`rct group`: a meeting agenda from members' exports, and the collaborative-complaining rota."""

import datetime as _dt
import sys
from pathlib import Path
from typing import Annotated

import typer

from rct_workbook.cli.conventions import choice
from rct_workbook.cli.state import state

app = typer.Typer(
    help="For the peer-supervision group: a meeting agenda and a rota.",
    no_args_is_help=True,
    rich_markup_mode=None,
    add_completion=False,
)


def _write(out: Path | None, data: bytes, what: str) -> None:
    from rct_workbook.errors import WorkbookError
    from rct_workbook.storage import write_atomic

    if out is None:
        sys.stdout.write(data.decode("utf-8"))
        return
    target = out.expanduser()
    if target.is_dir():
        raise WorkbookError(f"{target} is a folder; give a file name")
    write_atomic(target, data, overwrite=True)
    sys.stderr.write(f"Wrote {what} to {target}.\n")


@app.command("agenda")
def agenda(
    ctx: typer.Context,
    files: Annotated[list[Path], typer.Argument(metavar="FILE", help="Members' exports (from rct journal export).")],
    minutes: Annotated[int, typer.Option("--minutes", min=10, max=600, help="Length of the meeting.")] = 60,
    out: Annotated[Path | None, typer.Option("--out", metavar="FILE", help="Write the agenda to FILE.")] = None,
) -> None:
    """Make one meeting agenda from several members' exported documents.

    Each member (named after their file) gets a time box, a brief reading, their plan and
    what they asked of the group; themes across members and the discussion questions
    follow. A file that is not an export is named and skipped.

    Example: rct group agenda ana.md bo.md chris.md --minutes 90 --out agenda.md
    """
    from rct_workbook.errors import WorkbookError
    from rct_workbook.group import MemberExport, NotAnExport, parse_export
    from rct_workbook.group import agenda as make_agenda
    from rct_workbook.render.safe import clean

    exports: list[MemberExport] = []
    for path in files:
        try:
            raw = path.read_bytes()
            if len(raw) > 5 * 1024 * 1024:
                raise NotAnExport("it is too large to be an export")
            text = raw.decode("utf-8")
            exports.append(parse_export(path.stem, text))
        except (OSError, UnicodeDecodeError, NotAnExport) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            if isinstance(exc, UnicodeDecodeError):
                reason = "it is not UTF-8 text"
            sys.stderr.write(f"rct: skipped {clean(path)}: {clean(reason)}\n")
    if not exports:
        raise WorkbookError("none of the files is an export, so there is no agenda to make")
    content = state(ctx).content()
    text = make_agenda(
        exports,
        minutes=minutes,
        day=_dt.date.today(),
        culture_names={c.id: c.name for c in content.cultures.values()},
        strategy_names={x.id: x.name for x in content.strategies.values()},
    )
    _write(out, text.encode("utf-8"), "the agenda")


@app.command("rota")
def rota(
    members: Annotated[
        str, typer.Option("--members", metavar="A,B,C", help="The members, comma-separated, in turn order.")
    ],
    meetings: Annotated[int, typer.Option("--meetings", min=1, max=520, help="How many meetings to plan.")],
    start: Annotated[
        str | None, typer.Option("--start", metavar="DATE", help="The first meeting (default: today).")
    ] = None,
    every: Annotated[
        str,
        typer.Option("--every", help="How often the group meets: every 1, 2 or 4 weeks.", **choice("1w", "2w", "4w")),
    ] = "1w",
    topic: Annotated[str | None, typer.Option("--topic", metavar="TEXT", help="The practice being raised.")] = None,
    ics: Annotated[Path | None, typer.Option("--ics", metavar="FILE", help="Also write an iCalendar file.")] = None,
    out: Annotated[Path | None, typer.Option("--out", metavar="FILE", help="Write the Markdown table to FILE.")] = None,
) -> None:
    """Plan the collaborative-complaining rota: who raises the practice at which meeting.

    Turns rotate fairly: nobody raises it twice before everyone has raised it once.

    Example: rct group rota --members "Ana,Bo,Chris" --meetings 6 --every 2w --ics rota.ics
    """
    from rct_workbook.errors import WorkbookError
    from rct_workbook.group import EVERY, rota_ics, rota_markdown
    from rct_workbook.group import rota as make_rota

    names = [" ".join(m.split()) for m in members.split(",")]
    names = [n for n in names if n]
    if not names:
        raise WorkbookError('--members needs at least one name, e.g. --members "Ana,Bo,Chris"')
    if len({n.casefold() for n in names}) != len(names):
        raise WorkbookError("--members lists someone twice")
    try:
        first = _dt.date.fromisoformat(start) if start else _dt.date.today()
    except ValueError:
        raise WorkbookError(f"--start takes a date like 2026-03-31, not {start!r}") from None
    turns = make_rota(names, meetings, first, EVERY[every])
    _write(out, rota_markdown(turns, topic).encode("utf-8"), "the rota")
    if ics is not None:
        _write(ics, rota_ics(turns, topic), "the calendar")
