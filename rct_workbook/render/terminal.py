"""Terminal output with Rich: calm, 80 columns at most, and plain when asked or piped.

Plain mode (``--plain``, ``NO_COLOR``, or output that is not a terminal) uses no colour
and no box-drawing characters, which also reads better with a screen reader. All text
from content, files or people goes through ``safe.text`` so it cannot drive the
terminal or be read as Rich markup.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rich import box
from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.rule import Rule
from rich.text import Text

from rct_workbook.render.modes import MAX_WIDTH, ascii_only_terminal, console_width, wants_plain
from rct_workbook.render.safe import clean, text

if TYPE_CHECKING:
    from rich.table import Table

__all__ = ["MAX_WIDTH", "Ui", "ascii_only_terminal", "drawn", "make_console", "print_all", "wants_plain"]


def make_console(plain: bool, *, stderr: bool = False) -> Console:
    stream: Any = sys.stderr if stderr else sys.stdout
    if plain and ascii_only_terminal(stream):
        from rct_workbook.render.ascii import AsciiStream

        stream = AsciiStream(stream)  # the content's words too, not only boxes and bars
    return Console(
        file=stream,
        width=console_width(plain, stream),
        no_color=plain,
        force_terminal=False if plain else None,
        markup=False,
        highlight=False,
        emoji=False,
        soft_wrap=False,
    )


@dataclass
class Ui:
    """Builds renderables in the current mode (rich or plain)."""

    plain: bool

    def title(self, value: str, subtitle: str | None = None) -> RenderableType:
        heading = text(value, "bold")
        if self.plain:
            parts: list[RenderableType] = [heading, Text("=" * min(len(clean(value)), MAX_WIDTH))]
            if subtitle:
                parts.append(text(subtitle))
            return Group(*parts, Text(""))
        return Panel(
            text(subtitle) if subtitle else Text(""),
            title=heading,
            title_align="left",
            box=box.ROUNDED,
            border_style="cyan",
        )

    def heading(self, value: str) -> RenderableType:
        if self.plain:
            return Group(Text(""), text(value, "bold"), Text("-" * min(len(clean(value)), MAX_WIDTH)))
        return Group(Text(""), Rule(text(value, "bold cyan"), align="left", style="cyan"))

    def para(self, value: str, style: str = "") -> RenderableType:
        return Padding(text(" ".join(value.split()), style), (0, 0, 1, 0))

    def note(self, value: str) -> RenderableType:
        if self.plain:
            return Group(text("Note: " + " ".join(value.split())), Text(""))
        return Panel(text(" ".join(value.split()), "italic"), box=box.ROUNDED, border_style="yellow")

    # Tables are imported where they are built: the first question of rct assess needs none.
    def bullets(self, items: Iterable[str], marker: str = "-") -> RenderableType:
        from rich.table import Table

        table = Table.grid(padding=(0, 1))
        table.add_column(no_wrap=True)
        table.add_column()
        for item in items:
            table.add_row(Text(marker if self.plain else "•"), text(" ".join(item.split())))
        return Padding(table, (0, 0, 1, 0))

    def numbered(self, items: Sequence[str]) -> RenderableType:
        from rich.table import Table

        table = Table.grid(padding=(0, 1))
        table.add_column(no_wrap=True, justify="right")
        table.add_column()
        for i, item in enumerate(items, 1):
            table.add_row(Text(f"{i}."), text(" ".join(item.split())))
        return Padding(table, (0, 0, 1, 0))

    def table(
        self, headers: Sequence[str], rows: Iterable[Sequence[Any]], *, ratios: Sequence[int] | None = None
    ) -> Table:
        from rct_workbook.render.tables import FittedTable

        table = FittedTable(
            box=None if self.plain else box.SIMPLE_HEAD,
            show_header=True,
            header_style="bold",
            expand=True,
            pad_edge=False,
            padding=(0, 1),
            show_lines=False,
        )
        for i, header in enumerate(headers):
            table.add_column(text(header), ratio=(ratios[i] or None) if ratios else None, overflow="fold")
        for row in rows:
            table.add_row(*(cell if isinstance(cell, Text) else text(" ".join(str(cell).split())) for cell in row))
        return table

    def facts(self, pairs: Iterable[tuple[str, str]]) -> RenderableType:
        from rct_workbook.render.tables import FittedTable

        table = FittedTable.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=False)
        table.add_column()
        for label, value in pairs:
            table.add_row(text(label, "bold"), text(" ".join(value.split())))
        return Padding(table, (0, 0, 1, 0))


def print_all(console: Console, renderables: Iterable[RenderableType]) -> None:
    """Print each renderable; in plain mode without the padding spaces at line ends."""
    if not console.no_color:
        for renderable in renderables:
            console.print(renderable)
        return
    console.file.write(drawn(console, renderables))
    console.file.flush()


def drawn(console: Console, renderables: Iterable[RenderableType]) -> str:
    """The text :func:`print_all` would print, as a string (for the pager, or to keep)."""
    with console.capture() as captured:
        for renderable in renderables:
            console.print(renderable)
    if not console.no_color:
        return captured.get()
    return "\n".join(line.rstrip() for line in captured.get().split("\n"))
