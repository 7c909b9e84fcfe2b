"""What the global options set up, shared by every command."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

if TYPE_CHECKING:
    from rich.console import Console

    from rct_workbook.model.content import Content
    from rct_workbook.render.terminal import Ui


@dataclass
class State:
    plain_flag: bool = False
    packs: tuple[Path, ...] = ()
    #: False with --no-pager: long output is printed directly, even on a terminal.
    pager: bool = True
    _content: Any = field(default=None, repr=False)

    @property
    def plain(self) -> bool:
        from rct_workbook.render.modes import wants_plain

        return wants_plain(self.plain_flag)

    def ui(self) -> Ui:
        from rct_workbook.render.terminal import Ui

        return Ui(plain=self.plain)

    def console(self) -> Console:
        from rct_workbook.render.terminal import make_console

        return make_console(self.plain)

    def content(self) -> Content:
        """The built-in content plus packs, loaded and validated once per run."""
        if self._content is None:
            from rct_workbook.model.content import load_content

            self._content = load_content(self.packs)
        return self._content  # type: ignore[no-any-return]


def packs_from(options: list[Path] | None) -> tuple[Path, ...]:
    """Content packs: RCT_CONTENT (os.pathsep-separated) first, then each --content."""
    env = os.environ.get("RCT_CONTENT", "")
    from_env = [Path(p).expanduser() for p in env.split(os.pathsep) if p.strip()]
    return (*from_env, *(options or []))


def has_terminal() -> bool:
    """Whether a person can be asked questions: standard input is a terminal."""
    import sys

    try:
        return sys.stdin is not None and sys.stdin.isatty()
    except (AttributeError, ValueError):
        return False


def state(ctx: typer.Context) -> State:
    root = ctx.find_root()
    if not isinstance(root.obj, State):
        root.obj = State()
    return root.obj
