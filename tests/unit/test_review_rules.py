"""What the reading says of the last plan: reading rules with review tests ("Since last time")."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from rct_workbook.model.content import Content, load_content, validate_pack
from rct_workbook.model.schema import ReviewTest, When
from rct_workbook.reading import read
from rct_workbook.reading_rules import Reviewed, holds, review_holds, steps_named
from tests.helpers import build_tree
from tests.unit.helpers import CALM, distress, rule_problems


@pytest.fixture(scope="module")
def content() -> Content:
    return load_content()


def item(what: str, status: str, times_carried: int = 0) -> Reviewed:
    return Reviewed(step=f"id-{what}", what=what, status=status, note=None, times_carried=times_carried)


REVIEW = (
    item("Ask for a case meeting", "done"),
    item("Talk to Bo", "tried"),
    item("Raise the rota", "carried", 1),
    item("Propose peer review", "carried", 3),
    item("Write to the director", "dropped"),
)


def when(data: dict[str, Any]) -> When:
    return When.from_data(data)


# --- the condition ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("test", "expected"),
    [
        ({"status": "carried"}, True),
        ({"status": "carried", "count_at_least": 2}, True),
        ({"status": "carried", "count_at_least": 3}, False),
        ({"status": "carried", "count_at_most": 1}, False),
        ({"status": "done", "count_at_most": 1}, True),
        ({"status": "carried", "carried_at_least": 3}, True),
        ({"status": "carried", "carried_at_least": 4}, False),
        ({"status": "carried", "carried_at_most": 0}, False),
        ({"carried_at_least": 1, "count_at_least": 2}, True),  # any status
        ({"count_at_least": 5, "count_at_most": 5}, True),
        ({"status": "done", "count_at_least": 0, "count_at_most": 0}, False),
    ],
)
def test_review_test_counts_the_steps_that_fit(test: dict[str, Any], expected: bool) -> None:
    assert review_holds(ReviewTest(**test), REVIEW) is expected


def test_no_review_holds_only_a_test_for_none() -> None:
    assert review_holds(ReviewTest(status="done"), ()) is False
    assert review_holds(ReviewTest(status="done", count_at_least=0, count_at_most=0), ()) is True


def test_review_tests_combine_with_answers(content: Content) -> None:
    cond = when({"all": [{"review": {"status": "carried"}}, {"question": "allies", "filled": False}]})
    assert holds(cond, {"allies": None}, content, REVIEW) is True
    assert holds(cond, {"allies": "Bo"}, content, REVIEW) is False
    assert holds(cond, {"allies": None}, content, ()) is False
    negated = when({"none": [{"review": {"status": "dropped"}}]})
    assert holds(negated, {}, content, REVIEW) is False
    assert holds(negated, {}, content, REVIEW[:2]) is True


def test_steps_named_are_those_the_review_tests_matched() -> None:
    cond = when({"any": [{"review": {"status": "done"}}, {"review": {"status": "carried", "carried_at_least": 3}}]})
    assert [i.what for i in steps_named(cond, REVIEW)] == ["Ask for a case meeting", "Propose peer review"]
    assert steps_named(when({"none": [{"review": {"status": "done"}}]}), REVIEW) == ()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"review": {"status": "carried"}, "question": "allies", "filled": True}, "a review test holds nothing else"),
        ({"review": {"status": "finished"}}, "status"),
        ({"review": {"count_at_least": 2, "count_at_most": 1}}, "can never hold"),
        ({"review": {"carried_at_least": -1}}, "carried_at_least cannot be below 0"),
    ],
)
def test_malformed_review_tests_are_refused(data: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError) as caught:
        when(data)
    assert message in str(caught.value)


# --- the shipped rules ------------------------------------------------------------------------


def review_responses(content: Content, review: tuple[Reviewed, ...], answers: dict[str, Any] | None = None) -> Any:
    return read(content, answers or CALM, review=review).responses_for("review", every=True)


def test_every_status_is_spoken_of_once_with_its_steps(content: Content) -> None:
    said = {r.rule: r.because_line for r in review_responses(content, REVIEW)}
    assert said == {
        "small-wins": "You marked “Ask for a case meeting” as done, so:",
        "testing-the-waters": "You tried “Talk to Bo”, and something was learned, so:",
        "carried-forward": "You carried “Raise the rota” into this plan, so:",
        "carried-often": "You have now carried “Propose peer review” three times or more, so:",
        "let-go": "You let go of “Write to the director”, so:",
    }


def test_review_rules_in_content_are_all_tested(content: Content) -> None:
    assert {r.id for r in content.readings.values() if r.part == "review"} == {
        "small-wins",
        "testing-the-waters",
        "carried-forward",
        "carried-often",
        "let-go",
    }


def test_several_steps_are_named_together(content: Content) -> None:
    review = (item("One", "done"), item("Two", "done"), item("Three", "done"))
    (response,) = review_responses(content, review)
    assert response.because_line == "You marked “One”, “Two” and “Three” as done, so:"
    assert response.cite == ("Meyerson & Fletcher, 2000", "Hartling & Sparks, 2002")
    assert "small wins" in response.text


def test_no_review_says_nothing_of_it(content: Content) -> None:
    r = read(content, CALM)
    assert r.responses_for("review") == ()
    assert not {"small-wins", "carried-often"} & set(r.to_dict()["rules"])


def test_a_step_carried_three_times_is_gently_questioned(content: Content) -> None:
    (response,) = review_responses(content, (item("Propose peer review", "carried", 3),))
    assert "Is “Propose peer review” too big" in response.text and "does it have an ally?" in response.text
    assert response.gentle is False


def test_one_step_and_several_are_spoken_of_in_the_right_number(content: Content) -> None:
    (one,) = review_responses(content, (item("Raise the rota", "carried", 1),))
    assert "“Raise the rota” stays the same step, with its history." in one.text
    (two,) = review_responses(content, (item("Raise the rota", "carried", 1), item("Ask Bo", "carried", 1)))
    assert "“Raise the rota” and “Ask Bo” stay the same steps, with their history." in two.text
    (wins,) = review_responses(content, (item("One", "done"), item("Two", "done")))
    assert wins.text.startswith("Count “One” and “Two” as small wins:")
    (win,) = review_responses(content, (item("One", "done"),))
    assert win.text.startswith("Count “One” as a small win:")


def test_with_the_care_note_a_step_carried_again_may_simply_wait(content: Content) -> None:
    r = read(content, distress(), review=(item("Propose peer review", "carried", 3),))
    assert r.care is not None
    (response,) = r.responses_for("review", every=True)
    assert response.gentle is True
    assert "nothing needs deciding about “Propose peer review” today" in response.text
    assert "too big" not in response.text


# --- validation names the rule ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("part", "rule", "message"),
    [
        ("read", "when: {review: {status: done}}", "reading rule 'x' tests the review of the last plan, so its part"),
        ("review", "when: {question: role, filled: true}", "reading rule 'x' is in the review part but has no review"),
        (
            "review",
            "when: {none: [{review: {status: done}}]}\n    because: 'You kept {steps}'",
            "reading rule 'x': {steps} names the steps its review tests match, and it has none",
        ),
        (
            "read",
            "when: {question: role, filled: true}\n    response: 'Well done {steps}.'",
            "reading rule 'x': {steps} names the steps its review tests match, and it has none",
        ),
        (
            "read",
            "when: {question: role, filled: true}\n    response: 'You mentioned {quote}.'",
            "reading rule 'x': {quote} needs the questions to quote, in quote",
        ),
        (
            "read",
            "when: {question: role, filled: true}\n    quote: [organisation]",
            "reading rule 'x' quotes 'organisation', which is not a free-text question",
        ),
        (
            "review",
            "when: {review: {status: finished}}",
            "rules.yaml:5: items[0].when.review.status: 'finished' is not one of",
        ),
    ],
)
def test_review_rule_problems_are_named(tmp_path: Path, part: str, rule: str, message: str) -> None:
    problems = rule_problems(tmp_path, rule, part)
    assert any(message in p for p in problems), problems


def test_a_care_signal_cannot_read_the_review(tmp_path: Path) -> None:
    text = "kind: care_signals\nitems:\n  - id: y\n    when: {review: {status: dropped}}\n    because: 'You dropped'\n"
    pack = build_tree(tmp_path / "pack", {"signals.yaml": text})
    problems = [str(p) for p in validate_pack(pack)]
    assert any("care signal 'y' tests the review of the last plan; only reading rules can" in p for p in problems), (
        problems
    )
