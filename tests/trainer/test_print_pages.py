"""The trainer's pages printed in headless Chromium on US Letter and A4 (#24): the assessment
worksheet in at most six pages; a workshop plan's notes in at most a page per agenda part,
then its handouts, each on sheets of its own; and no page of a plan or a case worksheet less
than a third full (a heading alone, or a list's last lines, on a sheet of their own).

Skipped where Chromium or poppler is absent (apt-get install chromium poppler-utils)."""

from __future__ import annotations

from pathlib import Path

import pytest

from rct_workbook.model.content import load_content
from rct_workbook.render.worksheet_view import worksheet_html
from rct_workbook.render.workshop_view import plan_html
from rct_workbook.worksheet import assess_worksheet, vignette_worksheet
from rct_workbook.workshop import plan_workshop
from tests.printing import CHROMIUM, PDFINFO, PDFTOPPM, PDFTOTEXT, page_count, page_fill, page_texts, print_pdf

pytestmark = pytest.mark.skipif(
    None in (CHROMIUM, PDFINFO, PDFTOTEXT, PDFTOPPM), reason="needs headless Chromium and poppler to print pages"
)

CONTENT = load_content()
SIZES = ("letter", "A4")
THIRD = 1 / 3


def printed(html: str, size: str, tmp_path: Path) -> Path:
    """``html`` printed on paper of ``size``, as a person's browser would print it."""
    page = tmp_path / f"page-{size}.html"
    page.write_text(html.replace("</style>", f"@page {{ size: {size}; }}</style>", 1), encoding="utf-8")
    return print_pdf(page, tmp_path)


@pytest.mark.parametrize("size", SIZES)
def test_the_assessment_worksheet_prints_on_six_pages_at_most(size: str, tmp_path: Path) -> None:
    pdf = printed(worksheet_html(assess_worksheet(CONTENT)), size, tmp_path)
    assert page_count(pdf) <= 6
    fills = page_fill(pdf)
    # No sheet left mostly empty by a break, the last one included (its last questions are
    # kept with the questions for discussion: on A4 these alone filled a quarter of a page).
    assert min(fills) >= THIRD, fills


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("case", sorted(CONTENT.vignettes))
def test_a_case_worksheet_has_no_page_under_a_third_full(case: str, size: str, tmp_path: Path) -> None:
    pdf = printed(worksheet_html(vignette_worksheet(CONTENT, case)), size, tmp_path)
    fills = page_fill(pdf)
    assert min(fills) >= THIRD, fills


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("case", sorted(CONTENT.workshops))
def test_a_workshop_plan_takes_a_page_per_part_at_most_then_its_handouts(case: str, size: str, tmp_path: Path) -> None:
    plan = plan_workshop(CONTENT, case, participants=20, minutes=120)
    pdf = printed(plan_html(plan, CONTENT), size, tmp_path)
    texts = page_texts(pdf, blank=True)
    first_handout = next(i for i, text in enumerate(texts) if text.startswith("Handout:"))
    assert first_handout <= len(plan.agenda)  # the facilitator's notes
    handouts = [i for i, text in enumerate(texts) if text.startswith("Handout:")]
    assert len(handouts) == 1 + len(plan.rehearsals) + 1  # the case, each role-play's cards, the small step
    fills = page_fill(pdf)
    assert min(fills) >= THIRD, fills
