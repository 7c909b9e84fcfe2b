"""The `rct` command: global options, the command groups, and the one place errors end."""

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from rct_workbook import __version__
from rct_workbook.cli.conventions import HelpfulGroup, PlainHelp, with_plain_help
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
    try:
        from rct_workbook.cli.messages import say

        say(sys.stderr, "\n".join(lines) + "\n")
        sys.stderr.flush()
    except OSError:
        _terminal_gone()


def _terminal_gone() -> None:
    """The terminal was closed (its window shut): nothing can be shown any more. Output goes
    to the null device, so neither this message nor the flush at exit fails, and the exit
    code (130 for a cancel) is the one that says what happened."""
    import contextlib
    import os

    with contextlib.suppress(OSError):
        null = os.open(os.devnull, os.O_WRONLY)
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(OSError, ValueError, AttributeError):
                os.dup2(null, stream.fileno())


#: The commands, in help order: name -> (module, attribute, kind, one-line help).
#: Each module is imported only when its command runs (or its help is shown), so that
#: `rct --help` and `rct --version` stay as fast as a bare Typer app.
COMMANDS: dict[str, tuple[str, str, str, str]] = {
    "assess": (
        "assess",
        "assess",
        "command",
        "Walk through Read it, Name it, Oppose it and Replace it about your own setting.",
    ),
    "learn": (
        "learn",
        "learn",
        "command",
        "Show the model: the four steps, the five good things, the cultures and more.",
    ),
    "vignette": (
        "vignette",
        "vignette",
        "command",
        "Study a vignette part by part, then reflect on it and save a journal entry.",
    ),
    "journal": ("journal", "app", "group", "Your journal: list, search, show, export and delete entries."),
    "progress": (
        "progress",
        "progress",
        "command",
        "Show movement along the continuum of connection across your assessments.",
    ),
    "steps": ("progress", "steps_app", "group", "Your small steps across assessments, and the small wins."),
    "settings": (
        "settings",
        "settings",
        "command",
        "List your settings, with their number of assessments and the date of the last.",
    ),
    "group": ("group", "app", "group", "For the peer-supervision group: a meeting agenda and a rota."),
    "workshop": (
        "workshop",
        "app",
        "group",
        "For trainers: a workshop plan for a case, and an anonymous class profile.",
    ),
    "worksheet": (
        "worksheet",
        "app",
        "group",
        "Printable worksheets of the four steps or of a case, for people who will not use a terminal.",
    ),
    "content": ("content", "app", "group", "Check content packs and list the loaded content."),
    "config": ("config", "app", "group", "Your preferences: the display name on handouts and the phone region."),
}


def load_command(name: str) -> Any:
    """The click command for ``name``, built from its module on first use."""
    import importlib

    module_name, attribute, kind, _ = COMMANDS[name]
    target = getattr(importlib.import_module(f"rct_workbook.cli.{module_name}"), attribute)
    command: Any
    if kind == "group":
        if not target.info.cls:
            target.info.cls = HelpfulGroup
        command = typer.main.get_group(with_plain_help(target))
    else:
        single = typer.Typer(rich_markup_mode=None, add_completion=False)
        single.command(name, cls=PlainHelp)(target)
        command = typer.main.get_command(single)
    command.name = name
    return command


class RctGroup(HelpfulGroup):
    """Loads each command on first use, and catches WorkbookError (and a cancelled prompt)
    once, for every command."""

    def list_commands(self, ctx: Any) -> list[str]:
        return list(COMMANDS)

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        # --no-pager is global but may follow the command too (rct learn cultures --no-pager).
        end = args.index("--") if "--" in args else len(args)
        if "--no-pager" in args[:end]:
            args = ["--no-pager", *(a for a in args[:end] if a != "--no-pager"), *args[end:]]
        return super().parse_args(ctx, args)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        if cmd_name not in self.commands and cmd_name in COMMANDS:
            self.commands[cmd_name] = load_command(cmd_name)
        return self.commands.get(cmd_name)

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        # The one-line help is kept here, so listing the commands loads none of them.
        rows = [(name, help_line) for name, (_, _, _, help_line) in COMMANDS.items()]
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def main(self, *args: Any, standalone_mode: bool = True, **kwargs: Any) -> Any:
        """Run; a usage error (unknown command, bad option value) is reported like every
        other error: ``rct: …`` on one line, the help hint under it, exit 2."""
        if not standalone_mode:
            return super().main(*args, standalone_mode=False, **kwargs)  # type: ignore[misc]
        try:
            result = super().main(*args, standalone_mode=False, **kwargs)  # type: ignore[misc]
        except typer.TyperException as error:  # a usage error, or another of Typer's own
            message = error.format_message()
            hint: tuple[str, ...] = ()
            where = getattr(error, "ctx", None)  # a usage error knows the command it is about
            if where is not None and where.command.get_help_option(where) is not None:
                hint = (f"Try '{where.command_path} {where.help_option_names[0]}' for help.",)
            report(WorkbookError(message[:1].lower() + message[1:], details=hint))
            sys.exit(error.exit_code)
        except typer.Abort:
            report(Cancelled("cancelled"))
            sys.exit(EXIT_CANCELLED)
        sys.exit(result if isinstance(result, int) else 0)

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
    # Typer's --install-completion / --show-completion: bash, zsh, fish and PowerShell.
    add_completion=True,
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
    no_pager: Annotated[
        bool,
        typer.Option(
            "--no-pager", help="Print long output directly, not through PAGER (less -R); may follow the command."
        ),
    ] = False,
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
    ctx.obj = State(plain_flag=plain, packs=packs_from(content), pager=not no_pager)
    from rct_workbook.cli.encryption import offer_prompt

    offer_prompt()  # an encrypted journal asks its passphrase here, once a run, only if it must


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


def _cancel_on_signal(signum: int, frame: Any) -> None:
    """SIGTERM, and SIGHUP or SIGBREAK where the system has them (system.cancelling_signals),
    end a command like Ctrl-C: temporary files are removed on the way out and the exit is
    130. At a prompt the prompt is ended from inside its event loop (raising here would
    surface inside prompt_toolkit, which then waits for Enter)."""
    if "prompt_toolkit.application.current" in sys.modules:  # a prompt may be on screen
        from rct_workbook.flow.session import CancelOnSignal

        CancelOnSignal().handle(signum, frame)  # ends the prompt safely, or raises Cancelled
        return
    from rct_workbook.errors import Cancelled
    from rct_workbook.system import stop_reason

    raise Cancelled(stop_reason(signum))


def main() -> None:
    """Entry point of the `rct` console script."""
    import signal

    from rct_workbook.system import cancelling_signals

    for sig in cancelling_signals():
        signal.signal(sig, _cancel_on_signal)
    _replace_what_cannot_be_encoded()
    app(prog_name="rct")


def _replace_what_cannot_be_encoded() -> None:
    """With an output encoding that cannot hold every character (PYTHONIOENCODING=ascii, a
    C locale), print such characters as replacements instead of failing half-way."""
    import contextlib

    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(AttributeError, ValueError, OSError):
            if (stream.encoding or "").lower().replace("-", "") not in ("utf8", "utf8sig"):
                stream.reconfigure(errors="replace")  # type: ignore[union-attr]
