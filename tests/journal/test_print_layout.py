"""Printing the HTML export: no table row split across pages, no heading left at a page foot.

The page is printed to PDF with headless Chromium (skipped where Chromium or poppler's
pdftotext is absent), and each page's text is checked.
"""

from __future__ import annotations

import html
import re
import subprocess
from pathlib import Path

import pytest

from tests.helpers import Run
from tests.journal.helpers import CONTENT, entry_id, make_assess, make_vignette
from tests.printing import CHROMIUM, PDFTOTEXT, page_texts, print_pdf

CASES = list(CONTENT.vignettes)

pytestmark = pytest.mark.skipif(
    CHROMIUM is None or PDFTOTEXT is None, reason="needs headless Chromium and pdftotext to print and read pages"
)


def _words(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def print_pages(page: Path, tmp_path: Path) -> list[str]:
    """Print ``page`` to PDF with headless Chromium; the text of each page, whitespace folded."""
    return page_texts(print_pdf(page, tmp_path, tmp_path / "printed.pdf"), layout=True)


def _steps(entry: int) -> list[dict[str, str]]:
    """Three small steps whose rows start and end with words found nowhere else."""
    return [
        {
            "what": f"Qstart{entry}x{row} propose a case presentation on the relational work of the unit, "
            "with time for questions from the nursing staff and the residents, and a short handout that "
            "sets out what the unit does differently and why it matters for the patients we see",
            "with-whom": "A nursing colleague and the unit's social worker",
            "by-when": "End of next month",
            "risk": "low",
            "evidence": "We get a slot at grand rounds, people ask to hear more, and the medical director "
            f"comes to the next unit meeting Qend{entry}x{row}",
        }
        for row in range(3)
    ]


@pytest.fixture
def printed(run: Run, rct_home: Path, tmp_path: Path) -> tuple[str, list[str], list[str]]:
    """A long export of twelve entries (plans in tables, many headings), printed."""
    ids = []
    for i in range(6):
        ids.append(entry_id(make_assess(f"2026-0{1 + i}-1{i}", small_steps=_steps(i))))
        ids.append(entry_id(make_vignette(f"2026-0{1 + i}-2{i}", CASES[i % len(CASES)])))
    page = tmp_path / "meeting.html"
    # With the answers in full: the handout pages, then every entry's full tables and headings.
    result = run("journal", "export", *ids, "--keep-flagged", "--format", "html", "--with-answers", "--out", str(page))
    assert result.exit_code == 0, result.stderr
    source = page.read_text(encoding="utf-8")
    pages = print_pages(page, tmp_path)
    raw = subprocess.run(
        [str(PDFTOTEXT), "-layout", str(tmp_path / "printed.pdf"), "-"], check=True, capture_output=True
    ).stdout.decode("utf-8")
    page_lines = [[line.strip() for line in p.splitlines() if line.strip()] for p in raw.split("\f") if p.strip()]
    return source, pages, [lines[-1] if lines else "" for lines in page_lines]


def test_printed_pages_split_no_plan_row_and_strand_no_heading(printed: tuple[str, list[str], list[str]]) -> None:
    """One print of a long export (Chromium is slow to start), two checks on its pages."""
    source, pages, last_lines = printed
    assert len(pages) > 5
    for entry in range(6):
        for row in range(3):
            start, end = f"Qstart{entry}x{row}", f"Qend{entry}x{row}"
            # The step's "what" is also in the entry's "In brief" plan; the table row is
            # the one that ends with its evidence, and it must be whole on one page.
            on = [n for n, page in enumerate(pages, 1) if start in page]
            assert on, start
            assert any(start in page and end in page for page in pages), (
                f"the plan row {start}…{end} is split between pages {on[-1]} and the next"
            )

    headings = {_words(h) for h in re.findall(r"<h[1-6][^>]*>(.*?)</h[1-6]>", source, re.DOTALL)}
    for number, line in enumerate(last_lines[:-1], 1):
        text = " ".join(line.split())
        assert not any(text and (text == h or h.endswith(text) or h.startswith(text)) for h in headings), (
            f"page {number} ends with a heading: {text!r}"
        )
