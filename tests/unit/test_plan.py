"""The plan of small steps is the same plan on screen and in the entry: one row builder
(``reading.plan_rows``) gives both renderers their rows, steps carried forward included."""

from __future__ import annotations

import io
import re

from rich.console import Console

from rct_workbook.journal.reflection import reading_markdown
from rct_workbook.journal.steps import StepItem
from rct_workbook.model.content import load_content
from rct_workbook.reading import CARRIED_MARK, NOT_GIVEN, Reading, plan_rows, read
from rct_workbook.render.summary import summary
from rct_workbook.render.terminal import Ui, print_all
from tests.unit.helpers import CALM, step


def _carried(number: int, what: str, **fields: str | None) -> StepItem:
    """A step of the plan of 1 January, carried into this one; unnamed fields not given."""
    entry = "20260101-100000-assess-0001"
    given = {"with_whom": None, "by_when": None, "risk": None, "evidence": None, **fields}
    return StepItem(f"{entry}.{number}", entry, number, "2026-01-01T10:00:00.000+01:00", "main", what, **given)


CARRIED = (
    _carried(1, "Propose a case talk", by_when="2026-02-01", risk="low", evidence="A date in the diary"),
    _carried(2, "Ask Bo about the rota", with_whom="Bo"),
)


def _reading(*steps: dict[str, object]) -> Reading:
    return read(load_content(), {**CALM, "small-steps": list(steps)})


def _screen(reading: Reading, carried: tuple[StepItem, ...]) -> str:
    """The summary as printed in plain mode, wide enough that each row of the plan is one line."""
    out = io.StringIO()
    console = Console(file=out, width=200, no_color=True, color_system=None, highlight=False)
    print_all(console, summary(Ui(plain=True), reading, disclaimer="A reflective exercise.", carried=carried))
    return out.getvalue()


def _markdown_rows(reading: Reading, carried: tuple[StepItem, ...]) -> list[list[str]]:
    """The cells of each row of the entry's plan table (the header and its rule left out)."""
    table = reading_markdown(reading, carried=carried)["plan"]
    lines = [line for line in table.splitlines() if line.startswith("|")][2:]
    return [[cell.strip() for cell in line.strip("|").split(" | ")] for line in lines]


def test_the_rows_number_this_plans_steps_and_mark_the_carried_ones() -> None:
    reading = _reading(step("low", "Bo"), {**step("high", None), "what": "Name the rota"})
    assert plan_rows(reading.steps, CARRIED) == [
        ("1", "Raise it", "Bo", "May", "low", "Heard"),
        ("2", "Name the rota", NOT_GIVEN, "May", "high", "Heard"),
        (CARRIED_MARK, "Propose a case talk", NOT_GIVEN, "2026-02-01", "low", "A date in the diary"),
        (CARRIED_MARK, "Ask Bo about the rota", "Bo", NOT_GIVEN, NOT_GIVEN, NOT_GIVEN),
    ]


def test_screen_and_entry_show_the_same_rows_carried_steps_included() -> None:
    for reading, carried in (
        (_reading(step("low", "Bo")), CARRIED),  # new and carried steps
        (_reading(), CARRIED),  # only carried steps: the plan needs no new one
        (_reading(step("medium", None)), ()),  # nothing carried
    ):
        rows = plan_rows(reading.steps, carried)
        assert _markdown_rows(reading, carried) == [list(row) for row in rows]
        screen = _screen(reading, carried)
        assert "Your plan of small steps" in screen
        for row in rows:
            # One line of the table: the cells in order, with only spaces between them.
            assert re.search(r"^ *" + r" +".join(map(re.escape, row)) + r" *$", screen, re.MULTILINE), (row, screen)
        # The carried steps are rows of the plan, not listed a second time elsewhere.
        for item in carried:
            assert screen.count(item.what) == 1, screen


def test_no_steps_and_nothing_carried_shows_no_plan_table() -> None:
    reading = _reading()
    assert "plan" not in reading_markdown(reading)
    assert "Shows it worked" not in _screen(reading, ())
