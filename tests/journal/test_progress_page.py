"""The progress page reads when printed (#24): no value clipped at a chart's edge, percentages
said as percentages, lines tall enough to see a movement of one point, and a steps table
with no empty cell."""

from __future__ import annotations

import re
from pathlib import Path

from rct_workbook.model.charts import movement
from tests.helpers import Run
from tests.journal.helpers import make_assess

#: About how wide a character of the charts' 13 px text is, at the widest (digits, "%").
CHAR_PX = 7.5


def values_fit(svg: str) -> None:
    width = int(re.search(r'<svg[^>]* width="(\d+)"', svg).group(1))  # type: ignore[union-attr]
    # The last values (the dates under the lines are anchored, and not matched here).
    for x, text in re.findall(r'<text x="([\d.]+)" y="[\d.]+" fill="#666">([^<]+)</text>', svg):
        assert float(x) + CHAR_PX * len(text) <= width, (text, x, width)


def test_percent_values_fit_and_say_percent() -> None:
    svg = movement(["Jan", "Mar"], [("Hierarchical", [40, 100]), ("Survival", [22, None])], scale=100, percent=True)
    assert ">100%</text>" in svg and ">22%</text>" in svg
    assert "of 100" not in svg
    values_fit(svg)


def test_not_rated_fits_too() -> None:
    values_fit(movement(["Jan", "Mar"], [("Zest", [2, None]), ("Clarity", [None, None])]))


def test_the_page_reads_when_printed(run: Run, rct_home: Path, tmp_path: Path) -> None:
    make_assess("2026-01-10", good_thing_zest=2)
    make_assess("2026-03-12", good_thing_zest=4)
    page = tmp_path / "p.html"
    assert run("progress", "--html", str(page)).exit_code == 0
    html = page.read_text(encoding="utf-8")
    assert "of 100" not in html
    charts = re.findall(r"<svg.*?</svg>", html, re.S)
    assert len(charts) == 2
    for svg in charts:
        values_fit(svg)
        rows = len(re.findall(r"<line ", svg))
        height = int(re.search(r'<svg[^>]* height="(\d+)"', svg).group(1))  # type: ignore[union-attr]
        assert height >= 40 * rows  # each line has at least 40 px to move in
    steps = re.search(r'<table class="steps">.*?</table>', html, re.S)
    assert steps is not None
    assert "<td></td>" not in steps.group(0) and "<th></th>" not in steps.group(0)
    assert "<caption>Small steps</caption>" in steps.group(0)
