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
from typer._click.types import IntRange
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


class _RangeInWords(IntRange):
    """An integer range that reads "1 to 520" (not Typer's "1<=x<=520") in help, and says
    which bound a value broke in the words rct gave when Typer checked values with pydantic."""

    def _describe_range(self) -> str:
        low, high = self.min, self.max
        if low is not None and high is not None:
            return f"{low} to {high}"
        return f"at least {low}" if low is not None else f"at most {high}"

    def convert(self, value: Any, param: Any, ctx: Any) -> Any:
        try:
            number = value if isinstance(value, int) else int(value)
        except (TypeError, ValueError):
            self.fail("Input should be a valid integer, unable to parse string as an integer", param, ctx)
        if self.min is not None and number < self.min:
            self.fail(f"Input should be greater than or equal to {self.min}", param, ctx)
        if self.max is not None and number > self.max:
            self.fail(f"Input should be less than or equal to {self.max}", param, ctx)
        return number


class _PlainArgument(TyperArgument):
    def make_metavar(self, ctx: Any, *, usage: bool = False) -> str:
        # POSIX style in the usage line: ID... when required, [ID]... when optional (Typer
        # prints {ID}); the argument's own help line shows the bare name.
        name = str(self.metavar or (self.name or "").upper())
        if not usage:
            return name
        name = name.rstrip(".")
        if not self.required:
            name = f"[{name}]"
        return f"{name}..." if self.nargs != 1 else name


class _PlainOption(TyperOption):
    def make_metavar(self, ctx: Any) -> str:
        return str(self.metavar or (self.name or "value").upper())


def tidy_help(command: Any) -> Any:
    """Make ``command`` (and its subcommands) show metavars, not Python types, in help.

    Typer builds its parameters itself, so the classes are swapped after the fact; the
    subclasses only change how help is written (and a range's words), never which values
    are accepted.
    """
    for param in getattr(command, "params", ()):
        if type(param.type) is IntRange:
            param.type.__class__ = _RangeInWords
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
