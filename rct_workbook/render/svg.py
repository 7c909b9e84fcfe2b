"""A small SVG writer: horizontal bar charts, inline in a page, with nothing fetched.

Hand-written rather than a charting library: the charts are simple bars, the output
must be self-contained and deterministic (so tests can compare it), and every label
must be escaped as XML. A suppressed value (a count too small to show) is drawn as an
outlined, empty bar that says so.
"""

from __future__ import annotations

import html
import textwrap
from collections.abc import Sequence

ROW_GAP = 8
LINE_HEIGHT = 15
FONT_SIZE = 12
BAR_COLOUR = "#4f78a8"
SUPPRESSED_TEXT = "fewer than 3"


def _x(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def bar_chart(
    rows: Sequence[tuple[str, int | None]],
    *,
    title: str,
    width: int = 640,
    label_width: int = 250,
    label_chars: int = 36,
    max_value: int | None = None,
) -> str:
    """An inline ``<svg>`` element: one horizontal bar per (label, count); None means suppressed.

    Inline SVG in HTML5 needs no namespace declaration, so the element holds no URL at all.
    """
    counts = [c for _, c in rows if c is not None]
    top = max([max_value or 0, *counts, 1])
    bar_space = width - label_width - 60
    parts: list[str] = []
    y = 0
    for label, count in rows:
        lines = textwrap.wrap(" ".join(label.split()), label_chars) or [""]
        height = max(len(lines) * LINE_HEIGHT, 18)
        for i, line in enumerate(lines):
            parts.append(
                f'<text x="0" y="{_x(y + (i + 1) * LINE_HEIGHT - 3)}" font-size="{FONT_SIZE}">'
                f"{html.escape(line)}</text>"
            )
        bar_y = y + (height - 16) / 2
        if count is None:
            parts.append(
                f'<rect x="{label_width}" y="{_x(bar_y)}" width="{_x(bar_space * 0.15)}" height="16" '
                f'fill="none" stroke="#888" stroke-dasharray="3 2"/>'
            )
            parts.append(
                f'<text x="{_x(label_width + bar_space * 0.15 + 6)}" y="{_x(bar_y + 12)}" font-size="{FONT_SIZE}" '
                f'fill="#555">{SUPPRESSED_TEXT}</text>'
            )
        else:
            length = bar_space * count / top
            parts.append(
                f'<rect x="{label_width}" y="{_x(bar_y)}" width="{_x(length)}" height="16" fill="{BAR_COLOUR}"/>'
            )
            parts.append(
                f'<text x="{_x(label_width + length + 6)}" y="{_x(bar_y + 12)}" font-size="{FONT_SIZE}">{count}</text>'
            )
        y += height + ROW_GAP
    total = max(y - ROW_GAP, 1)
    label = html.escape(title)
    return (
        f'<svg role="img" aria-label="{label}" width="{width}" '
        f'height="{_x(total)}" viewBox="0 0 {width} {_x(total)}"><title>{label}</title>' + "".join(parts) + "</svg>"
    )
