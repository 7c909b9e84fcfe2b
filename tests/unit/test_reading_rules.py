"""Reading rules and the care note: every rule, every care signal, and their validation."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from rct_workbook.model.content import Content, load_content, validate_pack
from rct_workbook.reading import read
from rct_workbook.render.summary import summary
from rct_workbook.render.terminal import Ui, make_console
from tests.helpers import build_tree
from tests.unit.helpers import CALM, distress, ratings, rule_problems, step


@pytest.fixture(scope="module")
def content() -> Content:
    return load_content()


def rules(content: Content, answers: dict[str, Any], **kw: Any) -> list[str]:
    return [r.rule for r in read(content, answers, **kw).responses]


# Each rule: answers (on top of CALM) that make it speak, and answers that keep it silent.
RULES: list[tuple[str, dict[str, Any], dict[str, Any]]] = [
    ("no-support-yet", {"support-in-place": False}, {"support-in-place": True}),
    ("support-in-place", {}, {"support-people": None}),
    ("history-given", {"history": "The director left suddenly last year."}, {"history": "  "}),
    ("position-and-power", {"position": "The only non-medical clinician."}, {"position": None}),
    ("several-settings", {"other-settings": "A group practice, two days a week."}, {"other-settings": ""}),
    (
        "niceness-and-high-ratings",
        {**ratings(4, 4, 4, 4, 3), "practices": ["pseudo-politeness-over-difference"]},
        {**ratings(3, 3, 4, 4, 3), "practices": ["pseudo-politeness-over-difference"]},
    ),
    ("nothing-named", {"practices": [], "connecting": []}, {"connecting": ["conn-peer-support"]}),
    ("connection-already-named", {"connecting": ["conn-peer-support"]}, {"connecting": []}),
    ("kept-out-of-relationship", {"kept-out": "My disagreement with the director."}, {"kept-out": None}),
    ("unhealthy-opposition", {"unhealthy": ["degrading-the-other"]}, {"unhealthy": []}),
    # Ticks in oneself (content/care/readings.yaml): anger as information only with wellbeing
    # of 3 or more and support in place; being made a target is done to the person.
    (
        "anger-as-information",
        {"unhealthy-in-me": ["powerlessness-and-rage"]},
        {"unhealthy": ["powerlessness-and-rage"]},
    ),
    ("made-a-target", {"unhealthy-in-me": ["becoming-a-target"]}, {"unhealthy": ["becoming-a-target"]}),
    ("strategy-naming", {"strategies": ["naming"]}, {"strategies": ["norming"]}),
    ("strategy-norming", {"strategies": ["norming"]}, {"strategies": ["naming"]}),
    ("strategy-negotiating", {"strategies": ["negotiating"]}, {"strategies": ["naming"]}),
    ("strategy-networking", {"strategies": ["networking"]}, {"strategies": []}),
    (
        "networking-in-survival",
        {"strategies": ["networking"], "practices": ["surv-cancelled-meetings"]},
        {"strategies": ["networking"], "practices": ["hier-surveillance"]},
    ),
    ("no-allies-named", {"allies": None}, {}),
    ("disempowerment-noticed", {"disempowerment": "I call my own calls 'not real work'."}, {}),
    ("courage-named", {"courage": "Speaking up in the case review."}, {}),
    ("one-true-thing-next-time", {"one-true-thing": None}, {}),
    ("one-true-thing-found", {}, {"one-true-thing": None}),
    (
        "high-risk-step-alone",
        {"small-steps": [step("low", None), step("high", " ")]},
        {"small-steps": [step("high", "Ana"), step("medium", None)]},
    ),
    ("steps-with-others", {}, {"small-steps": [step("low", "Bo"), step("low", None)]}),
    ("sustaining-described", {}, {"sustain": None}),
    (
        "support-to-start-with",
        {"support-in-place": False, "support-first-step": "The clinician down the hall"},
        {"support-in-place": True, "support-first-step": "The clinician down the hall"},
    ),
    ("identity-and-power", {"position": "The only Black clinician on the team."}, {"position": "The newest."}),
    (
        "history-beside-identity",
        {"history": "A merger.", "disempowerment": "Racism goes unnamed here."},
        {"history": "A merger.", "disempowerment": "Nobody listens."},
    ),
    (
        "illusion-of-connection",
        {**ratings(4, 2, 3, 4, 3), "practices": ["pseudo-conflict-avoided"]},
        {**ratings(4, 3, 3, 4, 3), "practices": ["pseudo-conflict-avoided"]},
    ),
    ("clarity-affirmed", ratings(2, 2, 4, 2, 3), ratings(2, 2, 3, 2, 2)),
    ("strategies-in-practice", {"strategies-how": "Name it at the team day."}, {"strategies-how": " "}),
    ("allies-named", {}, {"allies": None}),
    (
        "allies-in-survival",
        {"practices": ["surv-cancelled-meetings"]},
        {"practices": ["hier-surveillance"]},
    ),
    (
        "risks-and-a-high-step",
        {"risks": "My post.", "small-steps": [step("high", "Bo")]},
        {"risks": "My post.", "small-steps": [step("medium", "Bo")]},
    ),
    (
        "risks-and-medium-steps",
        {"risks": "My post.", "small-steps": [step("medium", "Bo"), step("low", "Bo")]},
        {"risks": "My post.", "small-steps": [step("medium", "Bo"), step("high", "Bo")]},
    ),
    ("risks-and-low-steps", {"risks": "My post."}, {"risks": "My post.", "small-steps": [step("medium", "Bo")]}),
    ("vision-held", {"vision": "We talk about the cases that go badly."}, {}),
    ("ask-of-the-group", {"ask-of-group": "Help with the second step."}, {}),
]


def test_every_rule_in_content_is_tested(content: Content) -> None:
    # The review rules read the review of the last plan: tests/unit/test_review_rules.py.
    assert {r for r, _, _ in RULES} == {r.id for r in content.readings.values() if r.part != "review"}


@pytest.mark.parametrize(("rule", "fires", "silent"), RULES, ids=[r for r, _, _ in RULES])
def test_rule_fires_and_stays_silent(
    content: Content, rule: str, fires: dict[str, Any], silent: dict[str, Any]
) -> None:
    assert rule in rules(content, {**CALM, **fires})
    assert rule not in rules(content, {**CALM, **silent})


def test_the_reading_says_why(content: Content) -> None:
    r = read(content, {**CALM, "unhealthy": ["becoming-a-target", "degrading-the-other"]})
    response = next(x for x in r.responses if x.rule == "unhealthy-opposition")
    assert response.because_line == (
        "You ticked “Becoming the target of attacks” and “Degrading, dismissing or objectifying those we "
        "disagree with” among the forms of opposition you notice, so:"
    )
    assert response.cite == ("Ward, 2000", "Hartling & Sparks, 2002")
    assert response.see_also == "More: rct learn opposition"


def test_rules_about_unasked_questions_stay_silent(content: Content) -> None:
    """A one-step assessment: the empty allies of a step not taken are not news."""
    r = rules(content, {**ratings(3, 3, 3, 3, 3), "history": "A merger."}, section="read")
    assert r == ["history-given"]


def test_calm_answers_have_no_care_note(content: Content) -> None:
    r = read(content, CALM)
    assert r.care is None
    assert r.held_back == ()
    assert r.to_dict()["care_note"] is False


# --- the care note ------------------------------------------------------------------------

SIGNALS: list[tuple[str, dict[str, Any], dict[str, Any]]] = [
    ("wellbeing-low", {"wellbeing": 2}, {"wellbeing": 3}),
    ("every-good-thing-low", ratings(2, 1, 2, 2, 1), ratings(2, 1, 2, 2, 3)),
    (
        "alone-and-low",
        {"support-in-place": False, **ratings(3, 2, 2, 3, 2)},
        {"support-in-place": False, **ratings(3, 3, 2, 3, 2)},
    ),
    # A tick in oneself counts only with little to hold one (wellbeing 2 is its own signal too),
    # never a tick of what others do (tests/unit/test_care.py holds the rest of care).
    (
        "hard-opposition",
        {"unhealthy-in-me": ["pernicious-disconnection"], "support-in-place": False},
        {"unhealthy-in-me": ["pernicious-disconnection"]},
    ),
    (
        "hard-opposition",
        {"unhealthy-in-me": ["attacking-others"], "support-in-place": False},
        {"unhealthy-in-me": ["becoming-a-target"], "support-in-place": False},
    ),
    (
        "hard-opposition",
        {"unhealthy-in-me": ["powerlessness-and-rage"], "support-in-place": False},
        {"unhealthy": ["powerlessness-and-rage"], "support-in-place": False},
    ),
]


def test_every_signal_is_tested(content: Content) -> None:
    assert {s for s, _, _ in SIGNALS} == set(content.care_signals)


@pytest.mark.parametrize(("signal", "present", "absent"), SIGNALS)
def test_care_signal(content: Content, signal: str, present: dict[str, Any], absent: dict[str, Any]) -> None:
    with_signal = read(content, {**CALM, **present})
    assert with_signal.care is not None
    assert signal in with_signal.care.signals
    assert read(content, {**CALM, **absent}).care is None


def test_care_reasons_name_the_answers_but_not_the_words_around_them(content: Content) -> None:
    r = read(content, {**CALM, "wellbeing": 1, "sustain": "Honestly no point, my manager Dr Kay ignores it"})
    assert r.care is not None
    assert r.care.reason_lines == ("You wrote “Honestly no point”.", "You rated how you are doing yourself at 1 of 5.")
    assert "Dr Kay" not in " ".join(r.care.reason_lines)


def test_distress_softens_and_holds_back(content: Content) -> None:
    r = read(content, distress())
    assert r.care is not None
    assert r.care.no_support is not None
    assert r.care.held_back is not None
    # Change-the-organisation suggestions wait; what remains is in its gentle wording.
    assert set(r.held_back) == {
        "no-support-yet",
        "strategy-naming",
        "strategy-negotiating",
        "one-true-thing-next-time",
        "opportunities",
    }
    assert r.suggestions == ()
    assert all(x.gentle for x in r.responses if content.readings[x.rule].gentle)


def plain_summary(content: Content, answers: dict[str, Any]) -> str:
    console = make_console(True)
    with console.capture() as capture:
        for part in summary(Ui(plain=True), read(content, answers), disclaimer=content.meta.disclaimer):
            console.print(part)
    return " ".join(capture.get().split())


def test_care_note_comes_first_on_screen(content: Content) -> None:
    out = plain_summary(content, distress())
    first = out.index("First, you")
    assert first < out.index("The five good things")
    assert first < out.index("Culture profile")
    assert "The change plan can wait." in out
    assert '"finding ways to sustain and support oneself" essential' in out
    for resource in ("therapist or doctor", "employee assistance programme", "Occupational health", "crisis line"):
        assert resource in out


def test_no_signal_no_care_note(content: Content) -> None:
    out = plain_summary(content, CALM)
    assert "First, you" not in out
    assert "change plan can wait" not in out


@pytest.mark.parametrize("answers", [distress(), {**distress(), "wellbeing": 4, "sustain": "Peer group."}])
def test_never_lean_on_supports_that_are_not_there(content: Content, answers: dict[str, Any]) -> None:
    out = plain_summary(content, answers).lower()
    assert "lean on" not in out
    assert "the people who support you" not in out
    # Diagnosis is only ever mentioned to say this is not one.
    for disclaimer in ("or a diagnosis", "nothing here is a diagnosis", "or a diagnostic instrument"):
        out = out.replace(disclaimer, "")
    assert "diagnos" not in out
    assert "depress" not in out
    assert "disorder" not in out


def test_a_pack_sets_local_names_and_numbers(content: Content, tmp_path: Path) -> None:
    pack = build_tree(
        tmp_path / "pack",
        {
            "resources.yaml": (
                "kind: resources\nitems:\n"
                "  - id: eap\n    name: 'Staff counselling (Acme Health)'\n"
                "    detail: 'Free and confidential.'\n    contact: '0800 123 4567'\n"
                "  - id: chaplaincy\n    name: 'Chaplaincy'\n    detail: 'Someone to talk to, of any faith or none.'\n"
            )
        },
    )
    assert validate_pack(pack) == []
    local = load_content([pack])
    care = read(local, distress()).care
    assert care is not None
    lines = [r.line for r in care.resources]
    assert lines[1] == "Staff counselling (Acme Health): 0800 123 4567. Free and confidential."
    assert lines[-1] == "Chaplaincy. Someone to talk to, of any faith or none."


# --- validation -----------------------------------------------------------------------------


def test_renamed_question_is_an_error_naming_the_rule(tmp_path: Path) -> None:
    flow = (Path(__file__).parents[2] / "content" / "flows" / "assess.yaml").read_text(encoding="utf-8")
    pack = build_tree(tmp_path / "pack", {"assess.yaml": flow.replace("id: allies\n", "id: colleagues\n")})
    problems = [str(p) for p in validate_pack(pack)]
    assert any(
        "reading rule 'no-allies-named' names unknown question 'allies'" in p and "readings/oppose.yaml" in p
        for p in problems
    ), problems


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        (
            "when: {question: strategies, ticked: [nameing]}",
            "reading rule 'x' ticks unknown choice 'nameing'; did you mean 'naming'? of 'strategies'",
        ),
        ("when: {question: role, ticked: [a]}", "reading rule 'x': 'role' has no choices to tick"),
        ("when: {phrases: despair}", "reading rule 'x' names unknown phrase list 'despair'"),
        ("when: {questions: [role], mean_at_least: 3}", "reading rule 'x': 'role' is not a rating, so it has no mean"),
        ("when: {question: role, row: {question: what, filled: true}}", "'role' is not a repeated question"),
        (
            "when: {question: small-steps, row: {question: who, filled: true}}",
            "reading rule 'x' names unknown question 'who'",
        ),
        ("when: {question: role, filled: true, equals: a}", "exactly one of filled, equals"),
        ("when: {question: role, filled: true}\n    because: 'You said {value:rol}'", "names unknown question 'rol'"),
        ("when: {question: role, filled: true}\n    vignette: pauline", "points to unknown vignette 'pauline'"),
    ],
)
def test_rule_problems_are_named(tmp_path: Path, rule: str, message: str) -> None:
    problems = rule_problems(tmp_path, rule)
    assert any(message in p for p in problems), problems


def test_asymmetric_bands_are_refused(tmp_path: Path) -> None:
    text = (Path(__file__).parents[2] / "content" / "continuum.yaml").read_text(encoding="utf-8")
    pack = build_tree(
        tmp_path / "pack",
        {"continuum.yaml": text.replace("max: 2.6", "max: 2.5", 1).replace("min: 2.6", "min: 2.5", 1)},
    )
    problems = [str(p) for p in validate_pack(pack)]
    assert any("mirror each other about the middle of the scale" in p for p in problems), problems


def test_rules_point_only_to_real_learn_topics() -> None:
    from rct_workbook.model.schema import LEARN_TOPICS
    from rct_workbook.render.views import TOPICS

    assert set(LEARN_TOPICS) == set(TOPICS)


def test_first_step_is_the_support_rule_when_no_support_is_in_place(content: Content) -> None:
    alone = read(content, {**CALM, "support-in-place": False}).to_dict()
    assert alone["first_step"] == content.readings["no-support-yet"].response
    assert read(content, CALM).to_dict()["first_step"] is None
