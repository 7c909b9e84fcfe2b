"""The journal listing as plain aligned lines, fitted to the width: fast for thousands of
entries, easy on screen readers, and no word ever split."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from rct_workbook.render.safe import clean

ID_WIDTH = 27


class Listed(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def date(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def mean(self) -> float | None: ...


def shorten(value: str, width: int, ellipsis: str = "…") -> str:
    """``value`` on one line in at most ``width`` characters, cut between words."""
    value = " ".join(value.split())
    if len(value) <= width:
        return value
    room = width - len(ellipsis)
    if room <= 0:
        return ellipsis[:width]
    cut = value[: room + 1].rsplit(" ", 1)[0] if " " in value[: room + 1] else ""
    if not cut:  # one long word: cut it, marked, rather than show nothing
        cut = value[:room]
    return cut.rstrip(" ,;:-") + ellipsis


def listing(rows: Sequence[Listed], width: int, *, ascii_only: bool = False) -> list[str]:
    """Header and one line per entry (two when the screen is narrow), each at most ``width``."""
    ellipsis = "..." if ascii_only else "…"

    def mean(row: Listed) -> str:
        return f"{row.mean:.1f}" if row.mean is not None else ""

    if width >= 72:
        title_width = width - (ID_WIDTH + 2 + 10 + 2 + 8 + 2 + 4 + 2)
        lines = [f"{'ID':<{ID_WIDTH}}  {'Date':<10}  {'Kind':<8}  {'Mean':>4}  Title"]
        for r in rows:
            ident, kind = clean(shorten(r.id, ID_WIDTH, ellipsis)), clean(shorten(r.kind, 8, ellipsis))
            title = clean(shorten(r.title, title_width, ellipsis))
            lines.append(f"{ident:<{ID_WIDTH}}  {r.date:<10}  {kind:<8}  {mean(r):>4}  {title}".rstrip())
        return lines
    if width >= 50:
        # The date and kind are already in the id (20260312-101500-assess-…).
        title_width = width - (ID_WIDTH + 2 + 4 + 2)
        lines = [f"{'ID':<{ID_WIDTH}}  {'Mean':>4}  Title"]
        for r in rows:
            ident = clean(shorten(r.id, ID_WIDTH, ellipsis))
            title = clean(shorten(r.title, title_width, ellipsis))
            lines.append(f"{ident:<{ID_WIDTH}}  {mean(r):>4}  {title}".rstrip())
        return lines
    lines = []
    for r in rows:
        score = f"  mean {mean(r)}" if r.mean is not None else ""
        lines.append(clean(shorten(r.id, max(width - len(score), 8), ellipsis)) + score)
        lines.append("  " + clean(shorten(f"{r.title} ({r.kind}, {r.date})", max(width - 2, 8), ellipsis)))
    return lines
