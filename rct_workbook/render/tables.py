"""A Rich table that never splits a word (imported only where a table is drawn)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.console import Console, ConsoleOptions, RenderResult
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

#: Words up to this long are never split across lines in a table.
LONG_WORD = 20


def _longest_word(cell: Any) -> int:
    plain = cell.plain if isinstance(cell, Text) else str(cell) if isinstance(cell, str) else ""
    return max((len(word) for word in plain.split()), default=0)


def _share(room: int, columns: Sequence[Any], minimums: Sequence[int]) -> list[int]:
    """Widths by ratio (a column without one counts as 1), none below its minimum, summing to ``room``."""
    ratios = [column.ratio or 1 for column in columns]
    total = sum(ratios)
    widths = [max(m, room * r // total) for m, r in zip(minimums, ratios, strict=True)]
    while sum(widths) > room:
        spare = [w - m for w, m in zip(widths, minimums, strict=True)]
        widest = max(range(len(widths)), key=lambda i: spare[i])
        if spare[widest] <= 0:
            break
        widths[widest] -= 1
    if sum(widths) < room:
        widths[ratios.index(max(ratios))] += room - sum(widths)
    return widths


class FittedTable(Table):
    """A table that never splits a word: each column is at least as wide as its longest
    word, and when the screen is too narrow for that, each row is shown as a short list
    of "Header: value" lines instead."""

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        # Each render starts from the widths the table was built with (it may be shown twice).
        given = self.__dict__.setdefault("_given", [(c.ratio, c.min_width, c.width) for c in self.columns])
        for column, (ratio, min_width, fixed) in zip(self.columns, given, strict=True):
            column.ratio, column.min_width, column.width = ratio, min_width, fixed
        longest = [
            max((_longest_word(c) for c in [column.header, *column._cells]), default=0) for column in self.columns
        ]
        # Words of up to LONG_WORD characters are never split; longer tokens (ids, file
        # paths) may fold, as there is no other way to show them in a column.
        kept = [n if n <= LONG_WORD else 0 for n in longest]
        left, right = self.padding[3], self.padding[1]
        edges = 2 if self.box and self.show_edge else 0
        needed = sum(kept) + (left + right) * len(kept) + edges + (len(kept) - 1 if self.box else 0)
        if needed > width and len(self.columns) > 1:
            yield from self._stacked(console, options)
            return
        for column, minimum in zip(self.columns, kept, strict=True):
            column.min_width = max(column.min_width or 0, minimum)
        if any(column.ratio for column in self.columns):
            # Rich shares ratio columns out without regard to min_width; share them here.
            room = width - (needed - sum(kept))
            for column, share in zip(self.columns, _share(room, self.columns, kept), strict=True):
                column.width, column.ratio = share, None
        yield from super().__rich_console__(console, options)

    def _stacked(self, console: Console, options: ConsoleOptions) -> RenderResult:
        rows = max((len(column._cells) for column in self.columns), default=0)
        for index in range(rows):
            lines = Text()
            for column in self.columns:
                cell = column._cells[index] if index < len(column._cells) else ""
                value = cell if isinstance(cell, Text) else Text(str(cell))
                if not value.plain.strip():
                    continue
                header = column.header.plain if isinstance(column.header, Text) else str(column.header)
                if lines:
                    lines.append("\n")
                if header.strip() and self.show_header:
                    lines.append(f"{header}: ", style="bold")
                lines.append_text(value)
            if lines:
                yield from console.render(Padding(lines, (0, 0, 1, 0)), options)
