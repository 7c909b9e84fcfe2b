"""Small inline SVG charts: the five good things and movement over time for the HTML
handout, and counts of people for a workshop's class profile.

A short writer of our own rather than a charting library: the handout needs two calm,
static charts that print in black and white, with no scripts and no external files.
pygal, the obvious candidate, links its tooltips script from the web by default, pulls
in a dependency tree for interactivity nobody here uses, and its output changes between
versions; forty lines of SVG are easier to test exactly and to keep self-contained.

Every text in a chart is escaped; each chart carries a title and a description for
screen readers, and the same numbers are in a table beside it in the Markdown.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from html import escape

BAR = "#4b7486"
TRACK = "#e6ecef"
INK = "#222"
MUTED = "#666"
FONT = "Helvetica, Arial, sans-serif"


def _svg(width: int, height: int, title: str, desc: str, body: list[str]) -> str:
    return (
        f'<svg class="chart" role="img" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" aria-label="{escape(title)}" font-family="{FONT}" font-size="13">'
        f"<title>{escape(title)}</title><desc>{escape(desc)}</desc>{''.join(body)}</svg>"
    )


def bars(items: Sequence[tuple[str, int | None]], *, scale: int = 5, title: str = "The five good things") -> str:
    """Horizontal bars, one per (label, rating 1..scale or None when not rated)."""
    label_w, bar_w, row_h, value_w = 200, 180, 24, 56
    width = label_w + bar_w + value_w
    height = row_h * len(items) + 6
    body = []
    for i, (label, rating) in enumerate(items):
        y = 3 + i * row_h
        body.append(f'<text x="0" y="{y + 16}" fill="{INK}">{escape(label)}</text>')
        body.append(f'<rect x="{label_w}" y="{y + 5}" width="{bar_w}" height="12" rx="2" fill="{TRACK}"/>')
        if rating is not None:
            filled = round(bar_w * max(0, min(rating, scale)) / scale)
            body.append(f'<rect x="{label_w}" y="{y + 5}" width="{filled}" height="12" rx="2" fill="{BAR}"/>')
        shown = f"{rating} of {scale}" if rating is not None else "not rated"
        body.append(f'<text x="{label_w + bar_w + 8}" y="{y + 16}" fill="{MUTED}">{shown}</text>')
    desc = "; ".join(f"{label}: {'not rated' if r is None else f'{r} of {scale}'}" for label, r in items)
    return _svg(width, height, title, desc, body)


def movement(
    dates: Sequence[str],
    series: Sequence[tuple[str, Sequence[int | None]]],
    *,
    scale: int = 5,
    title: str = "Movement over time",
    percent: bool = False,
    row_h: int = 30,
) -> str:
    """One small line per good thing across the dates (small multiples, shared scale).

    ``percent``: the values are percentages (said "22%", not "22 of 100"). ``row_h``: each
    line's height, taller for a page read on paper. The column of last values is as wide as
    its longest text, so none is clipped at the chart's edge.
    """

    def said(v: int | None) -> str:
        if v is None:
            return "not rated"
        return f"{v}%" if percent else f"{v} of {scale}"

    label_w, plot_w = 200, 180
    lasts = [said(next((v for v in reversed(values) if v is not None), None)) for _, values in series]
    value_w = max([56, *(8 + 8 * len(text) for text in lasts)])  # about 7 px a character at 13 px
    width = label_w + plot_w + value_w
    height = row_h * len(series) + 22
    n = len(dates)

    def x(i: int) -> float:
        return label_w + (plot_w * i / (n - 1) if n > 1 else plot_w / 2)

    body = []
    for row, (label, values) in enumerate(series):
        top = row * row_h

        def y(v: int, top: int = top) -> float:
            return top + 4 + (row_h - 10) * (scale - v) / (scale - 1)

        body.append(f'<text x="0" y="{top + row_h / 2 + 4:.0f}" fill="{INK}">{escape(label)}</text>')
        body.append(
            f'<line x1="{label_w}" y1="{top + row_h - 4}" x2="{label_w + plot_w}" y2="{top + row_h - 4}" '
            f'stroke="{TRACK}"/>'
        )
        points = [(x(i), y(v)) for i, v in enumerate(values) if v is not None]
        if len(points) > 1:
            path = " ".join(f"{px:.1f},{py:.1f}" for px, py in points)
            body.append(f'<polyline points="{path}" fill="none" stroke="{BAR}" stroke-width="2"/>')
        body.extend(f'<circle cx="{px:.1f}" cy="{py:.1f}" r="3" fill="{BAR}"/>' for px, py in points)
        last = lasts[row]
        body.append(f'<text x="{label_w + plot_w + 8}" y="{top + row_h / 2 + 4:.0f}" fill="{MUTED}">{last}</text>')
    base = row_h * len(series) + 16
    if dates:
        body.append(f'<text x="{x(0):.0f}" y="{base}" fill="{MUTED}" text-anchor="start">{escape(dates[0])}</text>')
    if n > 1:
        body.append(f'<text x="{x(n - 1):.0f}" y="{base}" fill="{MUTED}" text-anchor="end">{escape(dates[-1])}</text>')
    desc = "; ".join(
        f"{label}: "
        + ", ".join(
            f"{d} {said(v) if percent else v if v is not None else 'not rated'}"
            for d, v in zip(dates, values, strict=True)
        )
        for label, values in series
    )
    return _svg(width, height, title, desc, body)


#: What a suppressed count says instead of a number. A count is hidden when it is small, or
#: only to protect a small one beside it (complementary suppression), when it may be any size:
#: so it claims no size, and the two kinds read alike, or the wording would tell them apart.
SUPPRESSED_TEXT = "hidden to protect a small group"


def counts(
    rows: Sequence[tuple[str, int | None]],
    *,
    title: str,
    max_value: int | None = None,
    label_width: int = 250,
    width: int = 640,
    label_chars: int = 36,
) -> str:
    """Horizontal bars of how many people, one per (label, count); long labels wrap.

    A count of None is suppressed (small-cell suppression): it is drawn as a dashed,
    empty outline that says so, never as a bar of some length.
    """
    line_h, bar_h, gap = 15, 16, 8
    top = max([max_value or 0, *(c for _, c in rows if c is not None), 1])
    space = width - label_width - 60
    body: list[str] = []
    y = 0
    for label, count in rows:
        lines = textwrap.wrap(" ".join(label.split()), label_chars) or [""]
        height = max(len(lines) * line_h, bar_h + 2)
        body.extend(
            f'<text x="0" y="{y + (i + 1) * line_h - 3}" fill="{INK}" font-size="12">{escape(line)}</text>'
            for i, line in enumerate(lines)
        )
        bar_y = y + (height - bar_h) / 2
        if count is None:
            stub = round(space * 0.15)
            body.append(
                f'<rect x="{label_width}" y="{bar_y:.1f}" width="{stub}" height="{bar_h}" fill="none" '
                f'stroke="{MUTED}" stroke-dasharray="3 2"/>'
            )
            body.append(
                f'<text x="{label_width + stub + 6}" y="{bar_y + 12:.1f}" fill="{MUTED}" font-size="12">'
                f"{SUPPRESSED_TEXT}</text>"
            )
        else:
            length = round(space * count / top, 1)
            body.append(f'<rect x="{label_width}" y="{bar_y:.1f}" width="{length}" height="{bar_h}" fill="{BAR}"/>')
            body.append(
                f'<text x="{label_width + length + 6:.1f}" y="{bar_y + 12:.1f}" fill="{INK}" font-size="12">'
                f"{count}</text>"
            )
        y += height + gap
    desc = "; ".join(f"{' '.join(label.split())}: {SUPPRESSED_TEXT if c is None else c}" for label, c in rows)
    return _svg(width, max(y - gap, 1), title, desc, body)
