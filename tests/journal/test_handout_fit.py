"""Issue 12: what one printed handout page shows of an entry, and how long answers are fitted to it."""

from __future__ import annotations

import dataclasses
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from rct_workbook.journal.handout import CultureRow, HandoutEntry, PlanRow, Reflection, redacted, reflections
from rct_workbook.render.handout import (
    CONTINUED,
    CUT,
    PAGE_LINES,
    WIDTH,
    Shown,
    fit_page,
    fit_reflections,
    lines,
    list_text,
    page_lines,
    shorten,
    shorten_reflection,
)
from tests.journal.helpers import ASKS, CONTENT

DISCLAIMER = CONTENT.meta.disclaimer

# -- shortening one text ------------------------------------------------------------------


def test_lines_counts_wrapped_lines() -> None:
    assert lines("", 10) == 1
    assert lines("one two three four", 10) == 2
    assert lines("x" * 25, 10) == 3  # a word longer than the line is broken


def test_a_text_that_fits_is_kept_whole() -> None:
    assert shorten("Short and sweet.", 40, 1) == ("Short and sweet.", False)


def test_whole_sentences_are_kept_first() -> None:
    text = "One two three. Four five six. Seven eight nine."
    assert shorten(text, 20, 1) == ("One two three. …", True)
    assert shorten(text, 20, 2) == ("One two three. Four five six. …", True)


def test_a_long_sentence_keeps_whole_words() -> None:
    assert shorten("alpha beta gamma delta epsilon", 12, 1) == ("alpha beta …", True)
    # Punctuation before the cut is not left dangling before the mark.
    assert shorten("alpha, beta gamma delta epsilon", 9, 1) == ("alpha …", True)


def test_a_word_longer_than_the_room_is_cut_inside() -> None:
    assert shorten("x" * 50, 10, 1) == ("x" * 8 + CUT, True)


def test_the_run_in_label_and_the_tail_take_their_room() -> None:
    text, cut = shorten("one two three four five six", 30, 1, lead="Label. ", tail="; and 2 more")
    assert (text, cut) == ("one two …", True)
    assert lines("Label. " + text + "; and 2 more", 30) == 1


def test_ticked_items_run_together() -> None:
    assert list_text(["Information flows from the top down.", "Caseloads keep rising"]) == (
        "Information flows from the top down; Caseloads keep rising."
    )
    assert list_text(["A", "B"], 3) == "A; B; and 3 more …"


# -- shortening one answer ----------------------------------------------------------------

STRATEGIES = Reflection(
    "strategies",
    "Strategies",
    (
        "Norming: Call attention to organizational norms that are not relational and do not serve people, "
        "services or the organization.",
        "Networking: Form communities of allies who encourage and foster relational practice.",
    ),
    listed=True,
)
PRACTICES = Reflection(
    "practices",
    "Practices I see",
    tuple(f"Practice number {i} observed on the ward, described in a sentence of some length." for i in range(8)),
    listed=True,
)


def test_a_choice_keeps_its_name_before_the_papers_gloss() -> None:
    # The member chose "Norming"; the words after the colon are the paper's, so nothing of theirs is cut.
    assert shorten_reflection(STRATEGIES, 1) == Shown("Strategies", "Norming; Networking.")
    whole = shorten_reflection(STRATEGIES, 5)
    assert whole.text.startswith("Norming: Call attention") and not whole.shortened


def test_a_long_list_keeps_its_first_items_and_counts_the_rest() -> None:
    shown = shorten_reflection(PRACTICES, 2)
    assert shown.shortened
    assert shown.text.startswith("Practice number 0 observed on the ward")
    assert shown.text.endswith(" more …")
    kept = shown.text.count("Practice number")
    assert shown.text.endswith(f"and {8 - kept} more …")
    assert lines("Practices I see. " + shown.text, WIDTH) <= 2


def test_a_list_whose_first_item_is_too_long_cuts_inside_it() -> None:
    long_item = Reflection("p", "P", ("word " * 80, "second"), listed=True)
    shown = shorten_reflection(long_item, 1)
    assert shown.shortened and shown.text.endswith("…; and 1 more")
    assert lines("P. " + shown.text, WIDTH) == 1


def _long(n: int, word: str = "sentence") -> str:
    return " ".join(f"This is {word} number {i} of a long answer." for i in range(n))


def test_water_filling_keeps_short_answers_whole_and_gives_the_rest_to_long_ones() -> None:
    short = [Reflection("a", "Risk", ("Being moved to nights.",)), Reflection("b", "Vision", ("Protected time.",))]
    long = Reflection("c", "Sustaining myself", (_long(40),))
    shown, left_off = fit_reflections([*short, long], 8.0)
    assert left_off == ()
    assert shown[:2] == (Shown("Risk", "Being moved to nights."), Shown("Vision", "Protected time."))
    assert shown[2].shortened and shown[2].text.startswith("This is sentence number 0 of a long answer.")
    assert shown[2].text.endswith(CONTINUED)  # a member's words: whole sentences only
    # 8 lines less the two short answers and the gaps: five lines for the long one.
    assert lines("Sustaining myself. " + shown[2].text, WIDTH) == 5


def test_answers_that_cannot_have_a_line_each_are_named_not_dropped() -> None:
    many = [Reflection(f"q{i}", f"Question {i}", (_long(3),)) for i in range(20)]
    shown, left_off = fit_reflections(many, 10.0, floor=2)
    assert [s.label for s in shown] == [f"Question {i}" for i in range(4)]
    assert left_off == tuple(f"Question {i}" for i in range(4, 20))


# -- the page -----------------------------------------------------------------------------


def entry(**changes: Any) -> HandoutEntry:
    base = HandoutEntry(
        kind="assess",
        title="A four-step reading of your work setting",
        date="12 March 2026",
        about=("Charge nurse", "Psychiatric or general hospital"),
        good_things=(("Zest", 2), ("Empowerment", 2), ("Clarity", 3), ("Sense of worth", 3), ("Connection", 3)),
        mean_line="Mean 2.6 of 5: In the middle: leaning neither way.",
        culture=(CultureRow("Hierarchical culture", 4, 9), CultureRow("Survival culture", 4, 9)),
        culture_summary="A combination of hierarchical and survival features.",
        plan=(PlanRow("1", "Meet the other charge nurses", "The charge nurses", "End of May", "low", "One thing"),),
        ask="Help me think about who else to bring in.",
        reflections=(Reflection("risks", "What I risk", ("Being moved to nights.",)),),
        questions=tuple(CONTENT.flows["assess"].discussion_questions),
    )
    return dataclasses.replace(base, **changes)


FOOTER = ["2 private answers were withheld from this page.", DISCLAIMER]


def test_a_short_entry_is_shown_whole() -> None:
    fitted = fit_page(entry(), FOOTER)
    assert not fitted.shortened
    assert fitted.ask == "Help me think about who else to bring in."
    assert fitted.reflections == (Shown("What I risk", "Being moved to nights."),)
    assert fitted.plan == entry().plan and fitted.questions == entry().questions
    assert page_lines(fitted, FOOTER) <= PAGE_LINES


def test_a_very_long_entry_is_fitted_and_says_so() -> None:
    step = PlanRow("1", _long(20), _long(5), _long(3), "high", _long(20))
    huge = entry(
        about=(_long(10),),
        ask=_long(60, "ask"),
        plan=tuple(dataclasses.replace(step, number=str(i)) for i in range(1, 8)),
        reflections=tuple(Reflection(f"q{i}", f"Question {i}", (_long(200),)) for i in range(12)),
        questions=tuple(f"Question for discussion {i}, {_long(1)}" for i in range(30)),
    )
    fitted = fit_page(huge, FOOTER)
    assert fitted.shortened
    assert page_lines(fitted, FOOTER) <= PAGE_LINES
    assert fitted.ask.startswith("This is ask number 0 of a long answer.") and fitted.ask.endswith(CONTINUED)
    assert len(fitted.plan) == 4 and fitted.plan_more == 3
    assert fitted.questions_more == 30 - len(fitted.questions) > 0
    # Every answer is on the page (shortened, marked) or named as left off.
    named = [s.label for s in fitted.reflections] + list(fitted.left_off)
    assert named == [f"Question {i}" for i in range(12)]
    assert all(s.text.endswith((CUT, CONTINUED.strip())) for s in fitted.reflections)


texts = st.text(st.sampled_from("abc de fghij klmnopq. ,;"), max_size=3000)


@settings(max_examples=60, deadline=None)
@given(
    ask=texts,
    answers=st.lists(st.tuples(st.text("abcdefgh ", min_size=1, max_size=30), texts), max_size=18),
    cells=st.lists(st.tuples(texts, texts, texts, texts), max_size=8),
    questions=st.lists(st.text("abc de fgh?", min_size=1, max_size=300), max_size=20),
    about=st.lists(texts, max_size=3),
)
def test_every_fitted_page_is_estimated_to_fit(
    ask: str,
    answers: list[tuple[str, str]],
    cells: list[tuple[str, str, str, str]],
    questions: list[str],
    about: list[str],
) -> None:
    page = entry(
        ask=ask.strip(),
        about=tuple(about),
        reflections=tuple(Reflection(f"q{i}", label, (text,)) for i, (label, text) in enumerate(answers)),
        plan=tuple(PlanRow(str(i), a, b, c, "low", d) for i, (a, b, c, d) in enumerate(cells, 1)),
        questions=tuple(questions),
    )
    fitted = fit_page(page, FOOTER)
    assert page_lines(fitted, FOOTER) <= PAGE_LINES
    assert [s.label for s in fitted.reflections] + list(fitted.left_off) == [label for label, _ in answers]
    for shown, (_, text) in zip(fitted.reflections, answers, strict=False):
        # A shown answer is the whole answer, or a marked beginning of it.
        assert shown.text == text or (shown.shortened and shown.text.endswith((CUT, CONTINUED.strip())))
    assert fitted.shortened == (
        any(s.shortened for s in fitted.reflections)
        or bool(fitted.left_off)
        or fitted.ask != page.ask
        or fitted.plan != page.plan
        or fitted.plan_more > 0
        or fitted.questions_more > 0
        or fitted.about != " · ".join([page.date, *page.about])
    )


# -- what the page takes from an entry ----------------------------------------------------


def test_the_page_takes_the_members_words_in_the_order_asked() -> None:
    answers = {
        "role": "Charge nurse",
        "risks": "Being moved to nights.",
        "practices": ["hier-top-down-information", "surv-rising-caseloads"],
        "vision": "",
        "good-thing-zest": 2,
        "ask-of-group": "Who else?",
        "sustain": "My Balint group.",
    }
    found = reflections(ASKS, answers, shown_elsewhere={"role", "good-thing-zest", "ask-of-group"})
    assert [(r.id, r.label, r.listed) for r in found] == [
        ("risks", "What I risk", False),
        ("practices", "Practices I see", True),
        ("sustain", "Sustaining myself", False),
    ]
    assert found[1].items == ("Information and influence flow from the top down.", "Caseloads keep rising.")


def test_a_rating_keeps_what_its_ends_mean() -> None:
    paula = CONTENT.vignettes["paula"]
    from rct_workbook.model.answers import resolve

    asks = resolve(paula.reflection, CONTENT)
    found = reflections(asks, {"visibility-risk": 4}, shown_elsewhere=set())
    assert found[0].items == ("4 of 5 (1 = Hardly risky at all; 5 = Very risky)",)


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if dataclasses.is_dataclass(value):
        return [s for f in dataclasses.fields(value) for s in _strings(getattr(value, f.name))]
    if isinstance(value, tuple):
        return [s for v in value for s in _strings(v)]
    return []


def test_redaction_reaches_every_word_on_the_page() -> None:
    maya = entry(
        title="Maya",
        date="Maya",
        about=("Maya",),
        good_things=(("Maya", 1),),
        mean_line="Maya",
        culture=(CultureRow("Maya", 1, 2),),
        culture_summary="Maya",
        plan=(PlanRow("1", "Maya", "Maya", "Maya", "Maya", "Maya"),),
        ask="Maya",
        reflections=(Reflection("x", "Maya", ("Maya", "Maya")),),
        questions=("Maya",),
    )
    page = redacted(maya, lambda text: text.replace("Maya", "[Person A]"))
    shown = [s for s in _strings(page) if s not in (page.kind, page.full_markdown, "1", "x")]
    assert shown and all(s == "[Person A]" for s in shown), shown
