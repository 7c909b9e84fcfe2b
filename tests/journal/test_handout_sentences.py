"""A member's words on the printed handout are cut only at sentence ends (#24): a sentence that
does not fit is left for the full answers, and the page says so, never "…" mid-sentence."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from rct_workbook.journal.handout import Reflection
from rct_workbook.render.handout import CONTINUED, WIDTH, lines, shorten, shorten_reflection

WORRIED = "I'm worried we are sending her home before anyone has asked what she needs."
TWO = f"{WORRIED} Nobody says so in the meeting, and I have not said it either."


def test_a_sentence_that_does_not_fit_is_continued_in_the_full_answers() -> None:
    text, cut = shorten(TWO, 120, 1, whole_sentences=True)
    assert cut
    assert text == WORRIED + CONTINUED


def test_a_first_sentence_too_long_for_the_room_is_left_whole_for_the_full_answers() -> None:
    text, cut = shorten(TWO, 40, 1, whole_sentences=True)
    assert (text, cut) == (CONTINUED.strip(), True)
    assert "sending" not in text


def test_an_answer_that_fits_is_left_alone() -> None:
    assert shorten(TWO, 200, 1, whole_sentences=True) == (TWO, False)


def test_a_long_answer_on_the_page_keeps_whole_sentences() -> None:
    answer = Reflection("worry", "What worries me", (" ".join([TWO] * 6),))
    shown = shorten_reflection(answer, 3)
    assert shown.shortened
    assert shown.text.endswith(CONTINUED)
    kept = shown.text.removesuffix(CONTINUED)
    assert kept and answer.items[0].startswith(kept) and kept.endswith((".", "!", "?"))
    assert lines(f"{answer.label}. {shown.text}", WIDTH) <= 3


words = st.text(alphabet="abcdefghij", min_size=1, max_size=9)
sentences = st.lists(words, min_size=1, max_size=14).map(lambda w: " ".join(w).capitalize() + ".")


@given(st.lists(sentences, min_size=1, max_size=8), st.integers(20, 120), st.integers(1, 4))
def test_what_is_kept_is_always_whole_sentences(parts: list[str], width: int, max_lines: int) -> None:
    text = " ".join(parts)
    shown, cut = shorten(text, width, max_lines, whole_sentences=True)
    if not cut:
        assert shown == text
        return
    kept = shown.removesuffix(CONTINUED.strip()).removesuffix(CONTINUED).strip()
    kept_sentences = re.split(r"(?<=\.)\s+", kept) if kept else []
    assert kept_sentences == parts[: len(kept_sentences)]
    assert lines(shown, width) <= max_lines or not kept  # only the mark, when nothing else fits
