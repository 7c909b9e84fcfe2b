"""The `rct` command: global options, the command groups, and the one place errors end."""

import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from rct_workbook import __version__
from rct_workbook.cli import assess as assess_cmd
from rct_workbook.cli import content as content_cmd
from rct_workbook.cli import group as group_cmd
from rct_workbook.cli import journal as journal_cmd
from rct_workbook.cli import learn as learn_cmd
from rct_workbook.cli import progress as progress_cmd
from rct_workbook.cli import vignette as vignette_cmd
from rct_workbook.cli.state import State, packs_from
from rct_workbook.errors import EXIT_CANCELLED, Cancelled, WorkbookError


def report(error: WorkbookError) -> None:
    """Print a WorkbookError to stderr: one line, then one line per detail."""
    from rct_workbook.render.safe import clean

    if isinstance(error, Cancelled):
        lines = [f"Cancelled: {clean(error.message)}" if error.message != "cancelled" else "Cancelled."]
    else:
        lines = [f"rct: {clean(error.message)}"]
    lines.extend(f"  {clean(d)}" for d in error.details)
    sys.stderr.write("\n".join(lines) + "\n")
    sys.stderr.flush()


class RctGroup(TyperGroup):
    """Catches WorkbookError (and a cancelled prompt) once, for every command."""

    def invoke(self, ctx: typer.Context) -> Any:  # type: ignore[override]
        try:
            return super().invoke(ctx)
        except WorkbookError as error:
            report(error)
            raise typer.Exit(error.exit_code) from None
        except (KeyboardInterrupt, EOFError):
            report(Cancelled("cancelled"))
            raise typer.Exit(EXIT_CANCELLED) from None


app = typer.Typer(
    cls=RctGroup,
    name="rct",
    help=(
        "A reflective workbook for Relational-Cultural practice in nonrelational work settings, "
        "after Hartling & Sparks (2002). Everything stays on this computer.\n\n"
        "Example: rct learn framework"
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 80},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"rct-workbook {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    plain: Annotated[
        bool, typer.Option("--plain", help="Plain text: no colour, no boxes (also when piped or NO_COLOR is set).")
    ] = False,
    content: Annotated[
        list[Path] | None,
        typer.Option(
            "--content",
            metavar="DIR",
            help="Add a folder of YAML content (a content pack); may be repeated. Also RCT_CONTENT.",
        ),
    ] = None,
    debug: Annotated[
        bool, typer.Option("--debug", help="Log what rct does (never what you wrote) to stderr, for bug reports.")
    ] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Global options."""
    if debug:
        _debug_logging()
    ctx.obj = State(plain_flag=plain, packs=packs_from(content))


app.command("assess")(assess_cmd.assess)
app.command("learn")(learn_cmd.learn)
app.command("vignette")(vignette_cmd.vignette)
app.add_typer(journal_cmd.app, name="journal")
app.command("progress")(progress_cmd.progress)
app.add_typer(progress_cmd.steps_app, name="steps")
app.add_typer(group_cmd.app, name="group")
app.add_typer(content_cmd.app, name="content")


def _debug_logging() -> None:
    """Send rct's debug log (what it does, never what was written) to the current stderr."""
    import logging

    class StderrHandler(logging.StreamHandler):  # type: ignore[type-arg]
        def emit(self, record: logging.LogRecord) -> None:
            self.stream = sys.stderr  # whatever stderr is now, even if it was replaced
            super().emit(record)

    log = logging.getLogger("rct")
    if not any(isinstance(h, StderrHandler) or getattr(h, "rct_debug", False) for h in log.handlers):
        handler = StderrHandler()
        handler.rct_debug = True  # type: ignore[attr-defined]
        handler.setFormatter(logging.Formatter("rct debug: %(message)s"))
        log.addHandler(handler)
    log.setLevel(logging.DEBUG)
    log.propagate = False


def main() -> None:
    """Entry point of the `rct` console script."""
    app(prog_name="rct")
