"""Issue 12: the HTML handout prints one page per entry, and says where shortened answers are in full.

The print tests print with headless Chromium and count pages with poppler's pdfinfo (and
read them with pdftotext); they are skipped where those are absent.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests import printing
from tests.helpers import Run
from tests.journal.helpers import entry_id, make_assess, make_vignette, private_answers

PERSONAS = Path(__file__).parent.parent / "personas"
needs_printing = pytest.mark.skipif(
    printing.CHROMIUM is None or printing.PDFINFO is None or printing.PDFTOTEXT is None,
    reason="needs headless Chromium, pdfinfo and pdftotext to print and count pages",
)

SHORTENED_NOTE = "Answers marked … are shortened here; the member’s Markdown export holds every answer in full."
IN_FULL_NOTE = (
    "Answers marked … are shortened here; every answer is in full under “Answers in full” after the handout pages."
)


def _long(n: int, word: str) -> str:
    return " ".join(f"{word.capitalize()} sentence {i} of a long answer about the ward." for i in range(n))


def export_html(run: Run, ids: list[str], out: Path, *extra: str) -> str:
    result = run("journal", "export", *ids, "--keep-flagged", "--format", "html", "--out", str(out), *extra)
    assert result.exit_code == 0, result.stderr
    return result.stderr


def assess_persona(run: Run, rct_home: Path, name: str) -> str:
    before = set((rct_home / "journal").glob("*.md")) if (rct_home / "journal").exists() else set()
    result = run("--plain", "assess", "--answers", str(PERSONAS / f"{name}.answers.yaml"))
    assert result.exit_code == 0, result.stderr
    (made,) = set((rct_home / "journal").glob("*.md")) - before
    return made.stem


def print_pdf(page: Path, tmp_path: Path) -> tuple[int, list[str]]:
    """Print ``page`` with headless Chromium: the page count (pdfinfo) and each page's text."""
    pdf = printing.print_pdf(page, tmp_path)
    return printing.page_count(pdf), printing.page_texts(pdf, blank=True)


# -- without a printer ---------------------------------------------------------------------


@pytest.fixture
def long_entry(rct_home: Path) -> str:
    return entry_id(
        make_assess(
            "2026-03-12",
            vision=_long(60, "vision"),
            sustain="Maya and my Balint group. " + _long(30, "sustain"),
            ask_of_group="Ask Maya's view. " + _long(20, "ask"),
        )
    )


def test_a_long_answer_is_shortened_marked_and_signposted(
    run: Run, long_entry: str, tmp_path: Path, rct_home: Path
) -> None:
    out = tmp_path / "handout.html"
    said = export_html(run, [long_entry], out)
    private = private_answers(rct_home / "journal" / f"{long_entry}.md")
    assert said == (
        f"Wrote {out} (1 entry). {private} private answers left out (--include-private adds them). "
        "The handout prints to 1 page; answers on 1 of them are shortened (marked …) and --with-answers adds them "
        "in full.\n"
    )
    page = out.read_text(encoding="utf-8")
    vision = re.search(r'<p class="said"><b>My vision\.</b> (.*?)</p>', page)
    assert vision is not None
    assert vision.group(1).startswith("Vision sentence 0 of a long answer about the ward.")
    assert vision.group(1).endswith(" … (continued in the full answers)")  # never mid-sentence
    assert "Vision sentence 59 of a long answer" not in page
    assert f" {SHORTENED_NOTE} " in page
    assert "Answers in full" not in page


def test_with_answers_adds_every_answer_in_full_after_the_handout(run: Run, long_entry: str, tmp_path: Path) -> None:
    out = tmp_path / "handout.html"
    said = export_html(run, [long_entry], out, "--with-answers")
    assert said.endswith("The handout prints to 1 page, followed by every answer in full.\n")
    page = out.read_text(encoding="utf-8")
    handout, _, in_full = page.partition('<section class="sheet in-full">')
    assert f" {IN_FULL_NOTE} " in handout and "Vision sentence 59" not in handout
    assert "Vision sentence 59 of a long answer about the ward." in in_full
    assert "Sustain sentence 29 of a long answer about the ward." in in_full
    assert in_full.count("<h2>") == 1 and "<th>Good thing</th>" in in_full


def test_redaction_applies_to_the_handout_and_the_answers_in_full(run: Run, long_entry: str, tmp_path: Path) -> None:
    out = tmp_path / "handout.html"
    export_html(run, [long_entry], out, "--with-answers", "--redact", "Maya")
    page = out.read_text(encoding="utf-8")
    assert "Maya" not in page
    assert "Ask [Person A]&#x27;s view." in page  # the ask on the handout page
    # In full, and quoted back in the reading (in full): redacted everywhere.
    assert "You wrote: “[Person A] and my Balint group." in page
    assert page.count("[Person A] and my Balint group.") >= 2


def test_with_answers_is_for_html_only(run: Run, long_entry: str) -> None:
    result = run("journal", "export", long_entry, "--keep-flagged", "--with-answers")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        "rct: --with-answers is for --format html; a Markdown export always holds every answer in full\n"
    )


def test_the_markdown_is_the_same_with_or_without_a_handout(run: Run, long_entry: str, tmp_path: Path) -> None:
    """The handout is made from the same document: the Markdown still holds every answer."""
    doc = run("journal", "export", long_entry, "--keep-flagged").stdout
    assert "Vision sentence 59 of a long answer about the ward." in doc
    assert " …" not in doc


# -- printed -------------------------------------------------------------------------------


@needs_printing
@pytest.mark.parametrize("name", ["ravi-mixed-setting", "dana-distress-no-support", "mei-culture-of-niceness"])
def test_each_persona_prints_on_one_page(run: Run, rct_home: Path, tmp_path: Path, name: str) -> None:
    ident = assess_persona(run, rct_home, name)
    out = tmp_path / f"{name}.html"
    assert "The handout prints to 1 page" in export_html(run, [ident], out)
    count, pages = print_pdf(out, tmp_path)
    assert count == 1, f"{name} printed to {count} pages"
    text = pages[0]
    assert "A four-step reading of your work setting" in text
    assert "The five good things" in text and "Culture mix" in text and "For discussion" in text
    assert "This workbook offers a reflective exercise" in text  # the disclaimer, in the footer


@needs_printing
def test_several_entries_print_one_page_each_after_movement_over_time(run: Run, rct_home: Path, tmp_path: Path) -> None:
    ids = [assess_persona(run, rct_home, n) for n in ("ravi-mixed-setting", "mei-culture-of-niceness")]
    ids.append(entry_id(make_vignette("2026-04-02", "paula")))
    ids.append(
        entry_id(
            make_assess(
                "2026-05-01",
                vision=_long(200, "vision"),
                sustain=_long(200, "sustain"),
                strategies_how=_long(200, "how"),
                one_true_thing=_long(100, "truth"),
                ask_of_group=_long(80, "ask"),
            )
        )
    )
    out = tmp_path / "meeting.html"
    assert "The handout prints to 5 pages" in export_html(run, ids, out, "--include-private")
    count, pages = print_pdf(out, tmp_path)
    # The five good things over time first (three assessments), then one page per entry.
    assert count == 5
    assert "Movement over time" in pages[0]
    for number, page in enumerate(pages, 1):
        assert f"{number} of 5" in page
    # The entries in time order: the vignette (2 April), the long assessment (1 May), then the
    # personas (assessed today).
    assert "Reflection on Paula" in pages[1]
    # Its long answers are shortened at sentence ends, never inside one (#24).
    assert "continued in the full answers" in pages[2] and "My vision" in pages[2]
    # Headless Chromium prints on US Letter; on A4 (taller, a little narrower) the same five pages.
    a4 = tmp_path / "meeting-a4.html"
    a4.write_text(out.read_text(encoding="utf-8").replace("</head>", "<style>@page { size: A4; }</style></head>"))
    assert print_pdf(a4, tmp_path)[0] == 5

    # With the answers in full, they follow the five handout pages, each entry on a new page.
    assert "followed by every answer in full" in export_html(
        run, ids, out, "--include-private", "--with-answers", "--force"
    )
    count, pages = print_pdf(out, tmp_path)
    assert count > 5 + 4
    assert pages[5].startswith("Answers in full 1 of 4")
    starts = [n for n, page in enumerate(pages) if page.startswith("Answers in full ")]
    assert [pages[n].split(":")[0] for n in starts] == [f"Answers in full {i} of 4" for i in range(1, 5)]
    assert "Vision sentence 199 of a long answer about the ward." in " ".join(pages[starts[1] : starts[2]])


def test_typed_text_cannot_drive_a_terminal_from_any_page(run: Run, rct_home: Path, tmp_path: Path) -> None:
    hostile = "Plain \x1b[2J\x1b]0;owned\x07 \x9b31m \u202egnp.exe. " + _long(80, "vision")
    ident = entry_id(make_assess("2026-03-12", vision=hostile, ask_of_group=hostile))
    out = tmp_path / "handout.html"
    export_html(run, [ident], out, "--with-answers")
    page = out.read_text(encoding="utf-8")
    assert not any(ch in page for ch in ("\x1b", "\x9b", "\x07", "\u202e"))
    assert "Plain ␛[2J␛]0;owned␇ &lt;U+009B&gt;31m &lt;U+202E&gt;gnp.exe." in page  # shown, harmless


def test_the_page_says_how_the_mean_moved_since_the_last_assessment(run: Run, rct_home: Path, tmp_path: Path) -> None:
    # The examples rate 3, 2, 3, 3, 2 (mean 2.6); last time every good thing was rated 2.
    before = {"zest": 2, "empowerment": 2, "clarity": 2, "worth": 2, "connection": 2}
    ident = entry_id(make_assess("2026-03-12", previous=before))
    out = tmp_path / "handout.html"
    export_html(run, [ident], out)
    page = out.read_text(encoding="utf-8")
    assert "<figcaption>Mean 2.6 of 5 (+0.6 since the last assessment): " in page
