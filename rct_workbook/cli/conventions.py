"""Command-line conventions people expect from git, gh and clig.dev, in one place.

- a group run with no command prints its help to stdout and exits 0;
- a mistyped command gets a "Did you mean …?" (for lazily loaded commands too);
- help shows each option's metavar, never a Python type (``<list[str]>``);
- options with a fixed set of values are validated and completed from that set.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable
from typing import Any

import typer
from typer.core import TyperArgument, TyperGroup, TyperOption


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


def _no_type(self: Any, ctx: Any) -> None:
    return None


def _usage_name(self: Any) -> str:
    # POSIX style: ID... when required, [ID]... when optional (Typer prints {ID}...).
    name = str(self.display_name_raw).rstrip(".")
    name = name if self.required else f"[{name}]"
    return f"{name}..." if self.nargs != 1 else name


def _range_words(self: Any) -> str | None:
    # "1 to 520" rather than Typer's "1<=x<=520".
    low, high = getattr(self, "min", None), getattr(self, "max", None)
    if low is not None and high is not None:
        return f"{low} to {high}"
    if low is not None:
        return f"at least {low}"
    if high is not None:
        return f"at most {high}"
    return None


class _PlainArgument(TyperArgument):
    display_type_rich = _no_type
    _usage_display_name = _usage_name
    _get_number_range_help_str = _range_words


def _option_metavar(self: Any, ctx: Any) -> str:
    return str(self.metavar or (self.name or "value").upper())


class _PlainOption(TyperOption):
    display_type_rich = _option_metavar
    _get_number_range_help_str = _range_words


def tidy_help(command: Any) -> Any:
    """Make ``command`` (and its subcommands) show metavars, not Python types, in help.

    Typer builds its parameters itself, so the classes are swapped after the fact; the
    subclasses only change how help is written, never how values are parsed.
    """
    for param in getattr(command, "params", ()):
        if type(param) is TyperArgument:
            param.__class__ = _PlainArgument
            if param.metavar is None and param.name:
                param.metavar = param.name.upper()  # TOPIC, NAME: the usual way to name an argument
        elif type(param) is TyperOption:
            param.__class__ = _PlainOption
    for sub in getattr(command, "commands", {}).values():
        tidy_help(sub)
    return command


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
