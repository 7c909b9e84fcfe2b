"""`rct journal list` tells entries apart (#24): the Title column names an assessment's setting
(and its step, when one step was done alone) and a reflection's case; --grep shows the words
around the match under each entry."""

from __future__ import annotations

from pathlib import Path

import pytest

from rct_workbook.journal.entry import save
from rct_workbook.journal.reflection import assess_entry
from rct_workbook.reading import read
from rct_workbook.render.listing import snippet
from tests.helpers import Run
from tests.journal.helpers import ASKS, CONTENT, FLOW, assess_answers, entry_id, make_assess, make_vignette, when


def assess_in(setting: str, day: str, **changes: object) -> Path:
    answers = assess_answers(**changes)
    entry = save(
        assess_entry(
            CONTENT, FLOW, FLOW.sections, ASKS, answers, read(CONTENT, answers, None), when=when(day), setting=setting
        )
    )
    assert entry.path is not None
    return entry.path


@pytest.fixture
def three(rct_home: Path) -> dict[str, Path]:
    return {
        "ward": assess_in("ward", "2025-01-10", risks="Being seen as a troublemaker by Dr. Jones"),
        "case": make_vignette("2025-06-01", "susan", one_true_thing="Our team avoids conflict about grading"),
        "main": make_assess("2026-02-20", vision="A ward where we can disagree about the rota without a fight"),
    }


def row_of(out: str, ident: str) -> str:
    return next(line for line in out.splitlines() if line.startswith(ident))


def test_the_title_names_the_setting_and_the_case(run: Run, three: dict[str, Path]) -> None:
    from rct_workbook.model.content import load_content

    out = run("journal", "list").stdout
    assert row_of(out, entry_id(three["ward"])).endswith("ward: four-step reading")
    assert row_of(out, entry_id(three["main"])).endswith("main: four-step reading")
    case = load_content().vignette("susan").title
    assert case.split(":")[0] + ":" in row_of(out, entry_id(three["case"]))  # the case, cut to the column
    assert "A four-step reading" not in out


def test_grep_shows_the_words_around_the_match(run: Run, three: dict[str, Path]) -> None:
    out = run("journal", "list", "--grep", "rota").stdout.splitlines()
    at = next(i for i, line in enumerate(out) if line.startswith(entry_id(three["main"])))
    said = out[at + 1]
    assert said.startswith("    ") and "rota" in said
    assert "A ward where we can disagree about the rota" in said
    assert all(len(line) <= 80 for line in out)


@pytest.mark.parametrize("width", [30, 50, 76])
def test_a_snippet_fits_and_cuts_at_word_edges(width: int) -> None:
    text = "At the start of each shift we hand over quickly, and nobody says no to the charge nurse, ever."
    shown = snippet([text], "charge", width)
    assert shown is not None and "charge" in shown and len(shown) <= width
    for part in shown.strip("…").split():
        assert part.strip(",.") in text.split() or part.strip(",.") in [w.strip(",.") for w in text.split()]


def test_the_list_knows_the_title_assessments_are_saved_with() -> None:
    from rct_workbook.model.content import load_content
    from rct_workbook.render.listing import ASSESS_TITLE

    assert load_content().flow("assess").title == ASSESS_TITLE


def test_no_snippet_without_a_match() -> None:
    assert snippet(["nothing here"], "rota", 60) is None
