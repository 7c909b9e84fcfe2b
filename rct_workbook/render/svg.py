"""Small SVG line charts, written by hand: no plotting library, no scripts, no external files.

Every text placed in a chart is escaped; the chart is a self-contained <svg> element that
can sit inside an HTML page or be saved alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

#: Colours that stay apart for the common kinds of colour blindness (Okabe & Ito).
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000")
#: A dash pattern per series too, so the lines can be told apart in black and white.
DASHES = ("", "6 3", "2 3", "8 3 2 3", "1 2", "10 4", "4 4")


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[float | None, ...]


def line_chart(
    title: str,
    x_labels: Sequence[str],
    series: Sequence[Series],
    *,
    y_min: float,
    y_max: float,
    y_ticks: Sequence[tuple[float, str]],
    width: int = 640,
    height: int = 260,
) -> str:
    """An SVG line chart: one line per series over the x labels (a gap where a value is None)."""
    left, right, top, bottom = 48, 150, 28, 40
    plot_w, plot_h = width - left - right, height - top - bottom
    count = len(x_labels)

    def x_at(i: int) -> float:
        return left + (plot_w * i / (count - 1) if count > 1 else plot_w / 2)

    def y_at(v: float) -> float:
        span = (y_max - y_min) or 1
        return top + plot_h * (1 - (min(max(v, y_min), y_max) - y_min) / span)

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}"'
        f' role="img" aria-label="{escape(title)}" font-family="sans-serif" font-size="11">',
        f"<title>{escape(title)}</title>",
        f'<text x="{left}" y="16" font-size="13" font-weight="bold">{escape(title)}</text>',
    ]
    for value, label in y_ticks:
        y = y_at(value)
        out.append(f'<line x1="{left}" y1="{y:.1f}" x2="{left + plot_w}" y2="{y:.1f}" stroke="#ddd" stroke-width="1"/>')
        out.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{escape(label)}</text>')
    step = max(1, (count + 7) // 8)  # at most about eight date labels
    for i, label in enumerate(x_labels):
        if i % step == 0 or i == count - 1:
            out.append(
                f'<text x="{x_at(i):.1f}" y="{height - bottom + 16}" text-anchor="middle">{escape(label)}</text>'
            )
    for n, line in enumerate(series):
        colour, dash = PALETTE[n % len(PALETTE)], DASHES[n % len(DASHES)]
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        runs: list[list[tuple[float, float]]] = [[]]
        for i, point in enumerate(line.values):
            if point is None:
                runs.append([])
            else:
                runs[-1].append((x_at(i), y_at(point)))
        for run in runs:
            if len(run) > 1:
                points = " ".join(f"{x:.1f},{y:.1f}" for x, y in run)
                out.append(f'<polyline fill="none" stroke="{colour}" stroke-width="2"{dash_attr} points="{points}"/>')
            for x, y in run:
                out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="2.5" fill="{colour}"/>')
        ly = top + 14 * n + 6
        lx = left + plot_w + 12
        out.append(
            f'<line x1="{lx}" y1="{ly}" x2="{lx + 22}" y2="{ly}" stroke="{colour}" stroke-width="2"{dash_attr}/>'
        )
        out.append(f'<text x="{lx + 28}" y="{ly + 4}">{escape(line.name)}</text>')
    out.append("</svg>")
    return "\n".join(out)
