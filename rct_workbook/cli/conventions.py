"""Command-line conventions people expect from git, gh and clig.dev, in one place.

- a group run with no command prints its help to stdout and exits 0;
- a mistyped command gets a "Did you mean …?" (for lazily loaded commands too);
- help names each argument and option by its metavar, never a Python type (``<list[str]>``),
  and gives ranges in words; a help that lists the cases takes them from the loaded content;
- options with a fixed set of values are validated and completed from that set.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable
from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup

from rct_workbook.cli.complete import with_cases


class HelpfulGroup(TyperGroup):
    """A command group that answers a bare call with its help, and suggests near misses."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if not args and self.no_args_is_help and not ctx.resilient_parsing:
            typer.echo(ctx.get_help())
            ctx.exit(0)
        return super().parse_args(ctx, args)

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        try:
            return super().resolve_command(ctx, args)
        except typer.BadParameter:
            raise
        except Exception as exc:
            message = getattr(exc, "message", None)
            if message and args and "Did you mean" not in message and message.startswith("No such command"):
                matches = difflib.get_close_matches(args[0], self.list_commands(ctx), n=3, cutoff=0.6)
                if matches:
                    exc.message = f"{message.rstrip('.')}. Did you mean {', '.join(repr(m) for m in matches)}?"  # type: ignore[attr-defined]
            raise


class PlainHelp(TyperCommand):
    """A command whose help names its arguments the POSIX way and gives ranges in words.

    Typer writes an argument as ``{ID}`` in the usage line and ``ID <str>`` in the help, and
    a range as ``1<=x<=520``; it offers no setting for either (for the argument's name, see
    https://github.com/fastapi/typer/issues/1156). Only how help is written changes here,
    never which values are accepted: Typer still parses and checks every value.
    """

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if param.param_type_name == "argument":
                pieces.append(_usage_name(param))
            else:
                pieces.extend(param.get_usage_pieces(ctx))
        return pieces

    def format_options(self, ctx: Any, formatter: Any) -> None:
        rows: dict[str, list[tuple[str, str]]] = {"argument": [], "option": []}
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx)
            if record is None or param.param_type_name not in rows:
                continue
            name, help = record
            if param.param_type_name == "argument":
                name = _name(param)
            rows[param.param_type_name].append((name, _range_in_words(param, with_cases(ctx, help))))
        for title, kind in (("Arguments", "argument"), ("Options", "option")):
            if rows[kind]:
                with formatter.section(title):
                    formatter.write_dl(rows[kind])


def _name(argument: Any) -> str:
    """An argument's name in help: its metavar, else its name in capitals (TOPIC, NAME)."""
    return str(argument.metavar or (argument.name or "").upper())


def _usage_name(argument: Any) -> str:
    """POSIX style in the usage line: ID... when required, [ID]... when optional."""
    name = _name(argument).rstrip(".")
    if not argument.required:
        name = f"[{name}]"
    return f"{name}..." if argument.nargs != 1 else name


def _range_in_words(param: Any, help: str) -> str:
    """``help`` with Typer's ``1<=x<=520`` (or ``x>=1``, ``x<=9``) said as "1 to 520"."""
    low, high = getattr(param, "min", None), getattr(param, "max", None)
    if low is not None and high is not None:
        return help.replace(f"{low}<=x<={high}", f"{low} to {high}")
    if low is not None:
        return help.replace(f"x>={low}", f"at least {low}")
    if high is not None:
        return help.replace(f"x<={high}", f"at most {high}")
    return help


def with_plain_help(app: typer.Typer) -> typer.Typer:
    """``app`` with :class:`PlainHelp` for each command that does not name a class of its own."""
    for info in app.registered_commands:
        if info.cls in (None, TyperCommand):
            info.cls = PlainHelp
    return app


def choice(*values: str, completions: Callable[[], Iterable[str]] | None = None) -> dict[str, Any]:
    """Keyword arguments for ``typer.Option`` that accept only ``values`` (exit 2 otherwise).

    The allowed values are the metavar, the error lists them, and shell completion offers them.
    """
    allowed = ", ".join(repr(v) for v in values)

    def check(value: str | None) -> str | None:
        if value is not None and value not in values:
            raise typer.BadParameter(f"{value!r} is not one of {allowed}.")
        return value

    def complete(incomplete: str) -> list[str]:
        return [v for v in values if v.startswith(incomplete)]

    return {"metavar": "|".join(values), "callback": check, "autocompletion": complete}
