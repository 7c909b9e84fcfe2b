"""The reading hears: quotes back, ratings one by one, ranked and capped responses,
"Since last time" first, and what a person's words never become."""

from __future__ import annotations

from typing import Any

import pytest

from rct_workbook.model.content import Content, load_content
from rct_workbook.reading import MAX_SHOWN, QUOTE_WORDS, excerpt, read
from rct_workbook.reading_rules import Reviewed
from rct_workbook.render.summary import summary
from rct_workbook.render.terminal import Ui, drawn, make_console
from tests.unit.helpers import CALM, ratings


@pytest.fixture(scope="module")
def content() -> Content:
    return load_content()


def screen(content: Content, answers: dict[str, Any], **kw: Any) -> str:
    reading = read(content, answers, **{k: v for k, v in kw.items() if k != "entry_id"})
    views = summary(Ui(plain=True), reading, disclaimer="D.", entry_id=kw.get("entry_id"))
    return " ".join(drawn(make_console(True), views).split())


#: Answers under which many rules speak: every free text filled, a few ticks.
FULL: dict[str, Any] = {
    **CALM,
    "position": "The newest clinician on the team, on a fixed-term contract.",
    "history": "The clinic merged with another service last spring.",
    "risks": "Losing the trust of the manager who hired me.",
    "kept-out": "That I think the intake meeting is a waste of everyone's time.",
    "strategies": ["naming", "norming"],
    "strategies-how": "Name the time we spend on family meetings at the team day.",
    "courage": "Saying in the case review that a client got worse.",
    "vision": "A team where we can disagree about care.",
    "ask-of-group": "Help thinking through the second step.",
    "connecting": ["conn-peer-support"],
}


# --- quoting back -------------------------------------------------------------------------------


def test_an_excerpt_is_at_most_twenty_words_cut_at_a_word_edge() -> None:
    long = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen " * 3
    cut = excerpt(long)
    assert cut.endswith("…") and len(cut.rstrip("…").split()) == QUOTE_WORDS
    assert all(w in long.split() for w in cut.rstrip("…").split())


def test_an_excerpt_keeps_whole_sentences_while_they_fit() -> None:
    assert excerpt("I don't know. Some days I don't see it.") == "I don't know. Some days I don't see it."
    text = "Short one. " + " ".join(["word"] * 25) + "."
    assert excerpt(text) == "Short one."


def test_an_excerpt_around_words_found_starts_near_them() -> None:
    text = (
        "At the team day, which runs long and is mostly about budgets and rotas and parking, "
        "I raised racism in our waiting list."
    )
    cut = excerpt(text, "racism")
    assert "racism" in cut and cut.startswith("…")


def test_a_response_to_free_text_quotes_the_persons_words(content: Content) -> None:
    r = read(content, FULL)
    quoted = {x.rule: x.quote for x in r.responses if x.quote}
    assert quoted["kept-out-of-relationship"] == "That I think the intake meeting is a waste of everyone's time."
    assert quoted["vision-held"] == "A team where we can disagree about care."
    kept = next(x for x in r.responses if x.rule == "kept-out-of-relationship")
    assert kept.said.startswith("You wrote: “That I think the intake meeting is a waste of everyone's time.” This is")


def test_support_to_start_with_quotes_inline(content: Content) -> None:
    r = read(content, {**CALM, "support-in-place": False, "support-first-step": "The clinician down the hall"})
    (start,) = [x for x in r.responses if x.rule == "support-to-start-with"]
    assert start.text.startswith("You mentioned “The clinician down the hall” as someone you might start with.")
    assert start.quote is None and start.said == start.text


def test_allies_are_answered_by_role_never_by_name(content: Content) -> None:
    r = read(content, {**CALM, "allies": "Priyanka and Joel"})
    (allies,) = [x for x in r.responses if x.rule == "allies-named"]
    assert "Priyanka" not in allies.cited and "by role" in allies.text and allies.quote is None


# --- ratings one by one -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("values", "said"),
    [
        ((4, 2, 2, 4, 3), "Lowest: empowerment and clarity (2). Highest: zest and sense of worth (4)."),
        ((3, 3, 3, 3, 3), "All 5 rated 3: none stands out from the others today."),
        ((4, 4, 4, 5, 4), "Highest: sense of worth (5); the others 4."),
        ((2, 1, 2, 2, 2), "Lowest: empowerment (1); the others 2."),
    ],
)
def test_the_lowest_and_highest_are_named(content: Content, values: tuple[int, ...], said: str) -> None:
    assert read(content, {**CALM, **ratings(*values)}).extremes == said


def test_the_split_the_mean_hides_is_read(content: Content) -> None:
    """Zest 4, empowerment 2, clarity 2, worth 4, connection 3 in a culture of niceness: the
    mean says "the middle", the ratings one by one the illusion of connection."""
    answers = {**CALM, **ratings(4, 2, 2, 4, 3), "practices": ["pseudo-nice-equals-relational"]}
    r = read(content, answers)
    assert r.band == "In the middle: leaning neither way"
    assert "illusion-of-connection" in [x.rule for x in r.responses]
    assert "illusion of connection" in screen(content, answers)


# --- ranking and the cap ------------------------------------------------------------------------


def test_at_most_five_are_shown_most_specific_first(content: Content) -> None:
    r = read(content, FULL)
    assert len(r.responses) > MAX_SHOWN
    shown = [x for x in r.responses if x.shown]
    assert len(shown) == MAX_SHOWN and r.responses[:MAX_SHOWN] == tuple(shown)
    # Support first (the paper puts it first), then never a less specific one before a more specific one.
    rest = [x.specificity for x in r.responses if x.part != "support"]
    assert rest == sorted(rest, reverse=True)
    # Quoting the person ranks above a tick alone.
    naming = next(x for x in r.responses if x.rule == "strategy-naming")
    assert all(x.specificity > naming.specificity for x in r.responses if x.quote)


def test_support_comes_first_even_when_it_quotes_no_one(content: Content) -> None:
    r = read(content, {**FULL, "support-in-place": False, "support-people": None})
    assert r.responses[0].rule == "no-support-yet" and r.responses[0].shown


def test_the_screen_shows_five_and_says_where_the_rest_are(content: Content) -> None:
    r = read(content, FULL)
    out = screen(content, FULL, entry_id="20260312-101500-assess-1a2b")
    assert out.count(", so:") == MAX_SHOWN
    assert f"{len(r.responses) - MAX_SHOWN} more in rct journal show 20260312-101500-assess-1a2b --all" in out
    every = " ".join(drawn(make_console(True), summary(Ui(plain=True), r, disclaimer="D.", every=True)).split())
    assert every.count(", so:") == len(r.responses) and "more in rct journal show" not in every


def test_few_responses_need_no_pointer(content: Content) -> None:
    out = screen(content, {**CALM, "sustain": None, "one-true-thing": None})
    assert "more in rct journal show" not in out


def test_the_json_lists_every_response_in_ranked_order(content: Content) -> None:
    r = read(content, FULL)
    data = r.to_dict()["responses"]
    assert [d["rule"] for d in data] == [x.rule for x in r.responses]
    assert set(data[0]) == {"rule", "because", "quote", "text", "cite", "learn", "shown"}
    assert [d["shown"] for d in data].count(True) == MAX_SHOWN


# --- identity and power -------------------------------------------------------------------------


def test_identity_opens_the_reading_not_empathy_for_the_institution(content: Content) -> None:
    answers = {
        **FULL,
        "position": "I am the only Black clinician on the team.",
        "history": "A restraint review found unequal figures by race and nothing changed.",
    }
    r = read(content, answers)
    rules = [x.rule for x in r.responses]
    assert "identity-and-power" in rules and "history-given" not in rules
    # On screen the read part opens with it (content order within a part), shown among the five.
    assert r.responses_for("read")[0].rule == "identity-and-power"
    assert r.responses[rules.index("identity-and-power")].shown
    identity = r.responses[rules.index("identity-and-power")]
    assert identity.quote == "I am the only Black clinician on the team."
    assert identity.cite == ("Ward, 2000", "Jordan, 2002", "Hartling & Sparks, 2002")


@pytest.mark.parametrize("word", ["woman", "gay", "disabled", "working-class", "youngest"])
def test_the_reading_never_names_an_identity_the_person_did_not(content: Content, word: str) -> None:
    answers = {**CALM, "position": f"As the {word} one here I am rarely asked."}
    r = read(content, answers)
    identity = next(x for x in r.responses if x.rule == "identity-and-power")
    others = {"woman", "women", "gay", "disabled", "disability", "working-class", "class", "youngest", "age", "gender"}
    for other in others - {word}:
        assert other not in identity.text.lower().split(), other


# --- since last time ----------------------------------------------------------------------------


def item(what: str, status: str, note: str | None = None, times: int = 0) -> Reviewed:
    return Reviewed(f"{what}.1", what, status, note, times)


def test_since_last_time_comes_first_with_each_note_echoed(content: Content) -> None:
    review = (item("Ask for a case meeting", "done", "They said yes"), item("Raise the rota", "carried"))
    out = screen(content, CALM, review=review, previous=dict.fromkeys(("zest", "empowerment", "clarity"), 2))
    assert out.index("Since last time") < out.index("The five good things")
    assert "“Ask for a case meeting”: done. You noted: “They said yes”." in out
    assert "“Raise the rota”: carried into this plan." in out


def test_movement_is_linked_to_the_wins(content: Content) -> None:
    previous = {"zest": 2, "empowerment": 2, "clarity": 2, "worth": 2, "connection": 2}
    r = read(content, CALM, previous, review=(item("Ask for a case meeting", "done"),))
    assert r.wins_and_movement == (
        "Your ratings moved 1.0 toward the good things since last time, alongside the step you took: "
        "“Ask for a case meeting”. Small wins and movement can go together."
    )
    assert read(content, CALM, previous).wins_and_movement is None  # no wins
    assert read(content, CALM, review=(item("Ask", "done"),)).wins_and_movement is None  # no movement


def test_a_second_assessment_never_says_movement_cannot_be_read(content: Content) -> None:
    previous = {"zest": 3, "empowerment": 3, "clarity": 3, "worth": 3, "connection": 3}
    out = screen(content, CALM, previous=previous)
    assert "Since your last assessment: no movement." in out
    assert "cannot be read" not in out and "shows between two assessments" not in out
    assert "shows between two assessments" in screen(content, CALM)


def test_carried_steps_count_in_the_ally_and_high_risk_checks(content: Content) -> None:
    from rct_workbook.reading import SmallStep

    alone = SmallStep("Ask the director", None, None, "high", None)
    r = read(content, CALM, carried=(alone,))
    rules = [x.rule for x in r.responses]
    assert "high-risk-step-alone" in rules and "steps-with-others" not in rules
    assert "steps-with-others" in [x.rule for x in read(content, CALM).responses]
    # A plan of only carried steps is still a plan.
    only = read(content, {**CALM, "small-steps": []}, carried=(SmallStep("Ask Bo", "Bo", None, "low", None),))
    assert "steps-with-others" in [x.rule for x in only.responses]


def test_words_that_raised_urgent_care_are_answered_by_care_alone(content: Content) -> None:
    from rct_workbook.reading import respond

    responses, _ = respond(content, FULL, caring=True, silenced=frozenset({"vision", "kept-out"}))
    rules = {x.rule for x in responses}
    assert not {"vision-held", "kept-out-of-relationship"} & rules
    assert all("intake meeting" not in (x.quote or "") for x in responses)


def test_no_rule_says_a_long_paragraph_that_is_not_the_persons_own(content: Content) -> None:
    """A response that neither quotes the person nor names their steps is the same for
    everyone it reaches: with its citation it stays under 25 words, so two people never
    read the same long paragraph (the personas test holds the screens themselves)."""
    from rct_workbook.model.safe_yaml import load_plain
    from rct_workbook.model.stamps import builtin_content_dir

    # The rules of content/readings and the care rules that answer ticks (content/care).
    root = builtin_content_dir()
    ours = {
        item["id"]
        for path in [*(root / "readings").glob("*.yaml"), root / "care" / "readings.yaml"]
        for item in load_plain(path.read_text(encoding="utf-8"))["items"]
        if "part" in item
    }
    long = []
    for rule in (r for r in content.readings.values() if r.id in ours):
        personal = bool(rule.quote) or rule.part == "review"
        for text in (rule.response, rule.gentle):
            if text is None or personal:
                continue
            said = f"{text} ({'; '.join(rule.cite)})"
            if len(said.split()) >= 25:
                long.append(f"{rule.id}: {len(said.split())} words")
    assert not long, long
    # Review responses name the steps in the response itself.
    assert all("{steps}" in r.response for r in content.readings.values() if r.part == "review")
