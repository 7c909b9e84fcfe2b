"""Care: levels, reasons in the person's words, the ticks rule, crisis lines by region, the
"How are you, really?" question (through the prompt seam and the answers file) and its
template line. The corpus figures are in test_care_corpus.py."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from rct_workbook.care import HOW_ARE_YOU, evaluate, found_in, quote_of, words
from rct_workbook.flow.care_ask import FileCare, ask_how_are_you, how_are_you_ask, template_text
from rct_workbook.model.content import Content, load_content
from rct_workbook.reading import GRIEF_RULE, read
from rct_workbook.reading_rules import names_questions
from tests.helpers import FilledAnswers, Run
from tests.keys import DOWN, ENTER
from tests.unit.helpers import CALM


@pytest.fixture(scope="module")
def content() -> Content:
    return load_content()


def level(content: Content, text: str, question: str = "sustain", **more: Any) -> str:
    care = read(content, {**CALM, question: text, **more}).care
    return "none" if care is None else care.level


# --- levels -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Everyone would be better off if I just disappeared.", "urgent"),
        ("I want to disappear.", "urgent"),  # word forms: the pattern says "disappear" once
        ("Last year I wanted to disappear.", "urgent"),
        ("Some days I am wishing I could disappear.", "urgent"),
        ("Our funding may disappear.", "none"),  # the subject is the funding
        ("Our funding disappeared in May.", "none"),
        ("Files keep disappearing.", "none"),
        ("I've given up.", "check-in"),
        ("I'm not giving up on this team.", "none"),  # negation
        ("I've been giving up my lunch breaks.", "none"),  # giving up something, not oneself
        ("I can't do this anymore.", "check-in"),
        ("We can't go on running the clinic like this.", "none"),  # the team, not oneself
        ("Cutting again.", "urgent"),  # a clipped note is about oneself
        ("They are cutting the budget again.", "none"),
        ("Two of my clients are suicidal.", "none"),  # the clinician's work
        ("I've been feeling suicidal.", "urgent"),
        ("I'm not suicidal, just tired of the system.", "none"),
        ("It's a killer of a caseload.", "none"),  # an idiom
        ("That meeting is pointless unless the nurses are in the room.", "none"),
        ("Everything feels pointless.", "check-in"),
        # A note for the family is a farewell unless it is about the day's errands.
        ("I've written a letter for my kids in case I'm not here.", "urgent"),
        ("I wrote a note for my partner saying the dog needs feeding at six.", "none"),
        # Affairs in order: urgent, unless a life event is named beside them.
        ("I've been getting my affairs in order.", "urgent"),
        ("I'm getting my affairs in order before my hip operation next month.", "none"),
    ],
)
def test_levels(content: Content, text: str, expected: str) -> None:
    assert level(content, text) == expected


def test_contractions_and_curly_apostrophes_are_opened() -> None:
    assert words("I can’t, I won’t, I’m done") == ["i", "can", "not", "i", "will", "not", "i", "am", "done"]


def test_answers_in_any_free_text_question_are_read(content: Content) -> None:
    assert level(content, "Some nights I think about not waking up.", question="history") == "urgent"
    steps = [{"what": "Stop cutting myself", "with-whom": "GP", "by-when": "May", "risk": "low", "evidence": "x"}]
    assert level(content, "", **{"small-steps": steps}) == "urgent"


# --- reasons, in the person's words --------------------------------------------------------


def test_reasons_quote_the_words_that_raised_care(content: Content) -> None:
    r = read(content, {**CALM, "sustain": "Work is fine. Honestly some nights I think about not waking up."})
    assert r.care is not None
    assert [(x.kind, x.quote, x.question) for x in r.care.reasons] == [
        ("not-wanting-to-live", "Honestly some nights I think about not waking up.", "sustain")
    ]
    assert r.care.reason_lines == ("You wrote “Honestly some nights I think about not waking up.”",)
    assert not any("diagnos" in line.casefold() and "not" not in line for line in r.care.reason_lines)


def test_a_long_quote_is_cut_at_a_word_edge() -> None:
    clause = " ".join(f"word{i}" for i in range(30))
    quoted = quote_of(clause, clause)
    assert quoted.endswith("…")
    assert quoted[:-1].split() == clause.split()[:20]


def test_ratings_reasons_have_no_quote(content: Content) -> None:
    r = read(content, {**CALM, "wellbeing": 1})
    assert r.care is not None and r.care.level == "check-in"
    assert [(x.kind, x.quote) for x in r.care.reasons] == [("wellbeing-low", None)]


# --- urgent: the crisis line first, and nothing else answers those words -------------------


def test_urgent_care_opens_with_the_crisis_line_and_silences_the_answer(content: Content) -> None:
    text = "My kids would manage fine without me."
    r = read(content, {**CALM, "one-true-thing": text})
    assert r.care is not None and r.care.level == "urgent"
    assert r.care.crisis is not None and "crisis line or emergency number" in r.care.crisis
    assert r.care.silenced == frozenset({"one-true-thing"})
    for response in r.responses:
        rule = content.readings.get(response.rule)
        assert rule is None or "one-true-thing" not in names_questions(rule.when) | set(rule.quote)
        assert text not in response.text and text != response.quote
    # The same answer, calm, is answered by its rules.
    calm = read(content, {**CALM, "one-true-thing": "We never talk about the cases that go badly."})
    assert any("one-true-thing" in names_questions(content.readings[x.rule].when) for x in calm.responses)


def test_check_in_care_has_no_crisis_sentence(content: Content) -> None:
    r = read(content, {**CALM, "wellbeing": 2})
    assert r.care is not None and r.care.crisis is None and r.care.silenced == frozenset()


@pytest.mark.parametrize(
    ("region", "says"),
    [
        ("GB", ["Samaritans on 116 123", "999 or 112"]),
        ("IE", ["Samaritans on 116 123"]),
        ("US", ["988", "911"]),
        ("CA", ["988", "911"]),
        ("AU", ["13 11 14", "000"]),
        ("NZ", ["1737", "111"]),
        ("ZA", ["0800 567 567"]),
        ("IN", ["14416", "112"]),
        ("KE", ["your local crisis line or emergency number"]),  # a region with no line in content
        (None, ["your local crisis line or emergency number"]),
    ],
)
def test_the_crisis_line_of_a_known_region(content: Content, region: str | None, says: list[str]) -> None:
    r = read(content, {**CALM, "sustain": "I've started cutting again."}, region=region)
    assert r.care is not None and r.care.crisis is not None
    for words_said in says:
        assert words_said in r.care.crisis
    line = next(x.line for x in r.care.resources if x.name == "A crisis line")
    if region in ("GB", "US"):
        assert "verify locally" in line  # the source and the date checked travel with the number


def test_every_crisis_line_says_where_it_comes_from(content: Content) -> None:
    for line in content.crisis_lines.values():
        assert "verify locally" in line.source and line.checked


def test_a_packs_own_crisis_line_comes_first(tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "resources.yaml").write_text(
        "kind: resources\nitems:\n  - id: crisis-line\n    name: Riverside crisis team\n"
        "    detail: Staff and public, any hour.\n    contact: 0800 000 111\n"
    )
    local = load_content([pack])
    care = read(local, {**CALM, "sustain": "I've started cutting again."}, region="GB").care
    assert care is not None and care.crisis is not None
    assert care.crisis.index("Riverside crisis team on 0800 000 111") < care.crisis.index("999 or 112")


# --- history about a death: care for the team ---------------------------------------------


def test_history_of_a_death_is_care_for_the_team_not_a_note_about_the_person(content: Content) -> None:
    text = "The previous director died by suicide, and the agency has never talked about it."
    r = read(content, {**CALM, "history": text})
    assert r.care is None
    grief = next(x for x in r.responses if x.rule == GRIEF_RULE)
    assert grief.quote == "The previous director died by suicide"
    assert grief.vignette == "clinic"


# --- ticks: in oneself, and around one --------------------------------------------------------


def test_a_tick_alone_with_wellbeing_and_support_holds_nothing_back(content: Content) -> None:
    answers = {**CALM, "unhealthy-in-me": ["powerlessness-and-rage"], "strategies": ["naming"]}
    r = read(content, answers)
    assert r.care is None
    assert r.held_back == ()
    rules = [x.rule for x in r.responses]
    assert "anger-as-information" in rules and "strategy-naming" in rules
    anger = next(x for x in r.responses if x.rule == "anger-as-information")
    assert "Ward, 2000" in anger.cite


def test_a_tick_in_oneself_with_little_to_hold_one_raises_care(content: Content) -> None:
    r = read(content, {**CALM, "unhealthy-in-me": ["powerlessness-and-rage"], "support-in-place": False})
    assert r.care is not None and "hard-opposition" in r.care.signals


def test_ticks_of_what_others_do_never_raise_care(content: Content) -> None:
    ticked = ["powerlessness-and-rage", "attacking-others", "pernicious-disconnection"]
    assert read(content, {**CALM, "unhealthy": ticked, "support-in-place": False}).care is None


def test_being_made_a_target_is_done_to_a_person(content: Content) -> None:
    r = read(content, {**CALM, "unhealthy-in-me": ["becoming-a-target"], "support-in-place": False})
    assert r.care is None  # not a sign of one's own unhealthy opposition
    target = next(x for x in r.responses if x.rule == "made-a-target")
    assert "not your failing" in target.text
    label = next(
        c.label
        for q in content.flow("assess").sections
        for q2 in q.questions
        if q2.id == "unhealthy-in-me"
        for c in q2.choices or ()
        if c.value == "becoming-a-target"
    )
    assert label.startswith("Being made a target")


# --- "How are you, really?" -------------------------------------------------------------------

PHRASE = "I can't do this anymore."


def test_asked_only_when_a_phrase_alone_raised_care(content: Content) -> None:
    assert evaluate(content, {**CALM, "sustain": PHRASE}).ask == PHRASE
    assert evaluate(content, {**CALM, "sustain": PHRASE, "wellbeing": 2}).ask is None  # not calm
    assert evaluate(content, {**CALM, "sustain": "I've started cutting again."}).ask is None  # urgent
    assert evaluate(content, CALM).ask is None


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("all-right", "none"),
        ("not-great", "check-in"),
        ("rather-not-say", "check-in"),
        ("unsafe", "urgent"),
        (None, "check-in"),
    ],
)
def test_the_answer_sets_the_level(content: Content, answer: str | None, expected: str) -> None:
    answers = {**CALM, "sustain": PHRASE, **({HOW_ARE_YOU: answer} if answer else {})}
    assert evaluate(content, answers).level == expected


def test_the_question_quotes_the_person_safely(content: Content) -> None:
    ask = how_are_you_ask(content, "I can't\x1b[2J do this")
    assert ask is not None
    assert ask.question.prompt.startswith("You wrote “I can't")
    assert "\x1b" not in ask.question.prompt
    assert ask.question.prompt.endswith("How are you, really?")
    assert "I'd rather not say" in [c.label for c in ask.choices]


def test_asked_through_the_prompt_seam(content: Content, pipe: Any) -> None:
    from prompt_toolkit.output import DummyOutput

    from rct_workbook.flow.askers import QuestionaryAsker

    asker = QuestionaryAsker(input=pipe, output=DummyOutput())
    pipe.send_text(DOWN * 3 + ENTER)  # the fourth choice: "I'd rather not say"
    answers = ask_how_are_you(content, asker, {**CALM, "sustain": PHRASE})
    assert answers[HOW_ARE_YOU] == "rather-not-say"
    assert read(content, answers).care is not None


def test_not_asked_when_calm(content: Content) -> None:
    class Never:
        def ask(self, ask: Any, default: Any = None) -> Any:
            raise AssertionError("asked")

    assert ask_how_are_you(content, Never(), CALM) == CALM


def test_an_answers_file_reads_it_and_names_a_wrong_value(content: Content) -> None:
    care = FileCare(content)
    data, problems = care({"sustain": PHRASE, HOW_ARE_YOU: "all-right"})
    assert data == {"sustain": PHRASE} and problems == [] and care.value == "all-right"
    _, problems = FileCare(content)({HOW_ARE_YOU: "fine thanks"})
    assert problems == [f"{HOW_ARE_YOU}: 'fine thanks' is not one of all-right, not-great, unsafe, rather-not-say"]


def test_the_template_carries_the_optional_question(run: Run, content: Content) -> None:
    result = run("assess", "--template")
    assert result.exit_code == 0
    assert template_text(content) in result.stdout + "\n"
    assert "# how-are-you: rather-not-say" in result.stdout
    assert "How are you, really?" in result.stdout


def test_an_answers_file_with_the_answer_saves_it(
    run: Run, rct_home: Path, tmp_path: Path, filled_answers: FilledAnswers
) -> None:
    answers = yaml.safe_load(filled_answers("assess"))
    answers.update({"wellbeing": 4, "support-in-place": True, "sustain": PHRASE, HOW_ARE_YOU: "all-right"})
    path = tmp_path / "answers.yaml"
    path.write_text(yaml.safe_dump(answers, allow_unicode=True))
    result = run("assess", "--answers", str(path))
    assert result.exit_code == 0, result.stderr
    assert "First, you" not in result.stdout
    answers[HOW_ARE_YOU] = "unsafe"
    path.write_text(yaml.safe_dump(answers, allow_unicode=True))
    # No region set and none in the locale: the crisis line is "your local" one.
    result = run(
        "assess", "--answers", str(path), env={"LC_ALL": "C", "LANG": "C", "LC_TELEPHONE": None, "LC_MESSAGES": None}
    )
    assert result.exit_code == 0, result.stderr
    out = " ".join(result.stdout.split())
    crisis = "please call your local crisis line or emergency number now"
    # Urgent care opens the reading: the crisis line before the rest of the note, on screen
    # and in the entry.
    assert out.index("First, you") < out.index(crisis) < out.index("Before anything about your workplace")
    texts = [" ".join(p.read_text(encoding="utf-8").split()) for p in (rct_home / "journal").glob("*.md")]
    caring = [t for t in texts if "First, you" in t]
    assert len(texts) == 2 and len(caring) == 1  # the first, "all right", has no care note
    assert caring[0].index(crisis) < caring[0].index("Before anything about your workplace")


def test_found_in_reports_one_finding_per_pattern_and_quote(content: Content) -> None:
    found = found_in("I can't do this anymore. I can't do this anymore.", "sustain", content.care_patterns.values())
    assert len(found) == 1


class Scripted:
    """Answers each question from a dict (the next check-in: none) and notes what was asked."""

    def __init__(self, answers: dict[str, Any]):
        self.answers = answers
        self.asked: list[str] = []

    def ask(self, ask: Any, default: Any = None) -> Any:
        self.asked.append(ask.id)
        return self.answers.get(ask.id, "none" if ask.id == "next-check-in" else None)


def test_a_person_is_asked_once_before_the_reading_and_the_answer_is_kept(rct_home: Path) -> None:
    from rct_workbook.flow.askers import example
    from rct_workbook.flow.drafts import DraftKeeper
    from rct_workbook.flow.session import plan_assessment, run_assessment

    content = load_content()
    plan = plan_assessment(content)
    answers = {a.id: example(a) for a in plan.asks}
    answers.update({**CALM, "unhealthy-in-me": [], "sustain": PHRASE, HOW_ARE_YOU: "not-great"})
    asker = Scripted(answers)
    result = run_assessment(plan, asker, DraftKeeper("assess", None), {})
    assert asker.asked.count(HOW_ARE_YOU) == 1
    assert asker.asked.index(HOW_ARE_YOU) > asker.asked.index("sustain")  # after the questions
    assert result.reading.care is not None and result.reading.care.level == "check-in"
    assert result.entry.answers[HOW_ARE_YOU] == "not-great"

    calm = Scripted({**answers, "sustain": "My peer group."})
    run_assessment(plan, calm, DraftKeeper("assess", None), {})
    assert HOW_ARE_YOU not in calm.asked


def test_care_as_data_for_programs(content: Content) -> None:
    from rct_workbook.reading import care_data

    assert care_data(read(content, CALM).care) == {"level": "none", "reasons": []}
    r = read(content, {**CALM, "wellbeing": 2, "sustain": "I've started cutting again."})
    assert care_data(r.care) == {
        "level": "urgent",
        "reasons": [
            {"kind": "self-harm", "quote": "I've started cutting again."},
            {"kind": "wellbeing-low", "quote": None},
        ],
    }


def test_a_packs_care_pattern_is_checked_on_load(tree: Any) -> None:
    from rct_workbook.model.content import validate_pack

    pack = tree(
        {
            "patterns.yaml": "kind: care_patterns\nitems:\n  - id: x\n    level: urgent\n    kind: k\n"
            "    match: ['give up?']\n    because: 'You wrote {quote}.'\n    reason: 'Why.'\n"
        }
    )
    problems = [str(p) for p in validate_pack(pack)]
    assert any("'up?' in 'give up?' is not a word" in p and "patterns.yaml:" in p for p in problems), problems


# --- the safety net (content/care/concepts.yaml) -------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A concept word with the writer near it, in phrasings no precise pattern names.
        ("I keep googling painless ways to go.", "urgent"),  # suicide: always urgent
        ("I bang my head on the wall when I'm alone.", "urgent"),  # self-harm
        ("I keep thinking about the pills in the cupboard.", "urgent"),  # means with intent
        ("I keep thinking I'd be better dead.", "urgent"),  # death with a wish
        ("Death doesn't frighten me any more; some days I want it.", "urgent"),  # the wish in the sentence
        ("I'm dying inside.", "check-in"),  # death without a wish
        ("I've been wondering what it would be like to not exist.", "check-in"),  # "it" stands for nobody
        # Idioms, matched word for word.
        ("I nearly killed myself laughing at the staff panto.", "none"),
        ("I'd die for a day off.", "none"),
        ("I was dead tired after the night shift.", "none"),
        ("Over my dead body will they close the drop-in.", "none"),
        ("I want the old system dead and buried.", "none"),
        ("I'm drowning myself in work to avoid the grief.", "none"),
        # The net's idioms hold for the precise patterns too ("cut myself off" is no cutting),
        # but a death wish about one's whole job is not the slideshow idiom.
        ("I've cut myself off from friends since the move.", "none"),
        ("I burned myself out last year and learned from it.", "none"),
        ("I'd rather die than sit through another mandatory slideshow.", "none"),
        ("I'd rather be dead than keep doing this job.", "urgent"),
        ("After the death of a client on the unit, the team went quiet.", "none"),  # grief, still read
        # Negation at the clause level, and "can't stop" is none.
        ("I've never had thoughts of ending my life.", "none"),
        ("I would never harm myself.", "none"),
        ("I can't stop thinking about ending it.", "urgent"),
        # Means and places alone, or wished for something else, are everyday words.
        ("I hope the bridge reopens soon, my commute is awful.", "none"),
        ("I dream about the sea.", "none"),
        ("I stood on the platform for forty minutes because of delays.", "none"),
        # Low mood said of oneself is a check-in, never urgent; idioms of mood are none.
        ("I feel so lonely these days.", "check-in"),
        ("I'm struggling to get up in the morning.", "check-in"),
        ("I feel desperate for a holiday.", "none"),
        ("I feel low on energy after lunch.", "none"),
        # "The thought of ..." is the writer's when the sentence is.
        ("The thought of dying calms me.", "urgent"),
        ("The client's thought of suicide worried me.", "none"),
        # Someone else's.
        ("The client wants to die and I'm worried about her.", "none"),
        ("The printer is dead, it was never alive really.", "none"),
    ],
)
def test_the_safety_net(content: Content, text: str, expected: str) -> None:
    assert level(content, text) == expected


def test_the_net_quotes_the_person_and_names_its_kind(content: Content) -> None:
    care = read(content, {**CALM, "sustain": "I keep googling painless ways to go."}).care
    assert care is not None and care.crisis is not None
    assert [(r.kind, r.quote) for r in care.reasons] == [("suicide", "I keep googling painless ways to go.")]


def test_the_net_never_lowers_and_never_repeats_what_a_pattern_found(content: Content) -> None:
    from rct_workbook.care import found_in_answers

    # A precise pattern found it urgent: the net adds nothing at a lower level.
    found = found_in_answers(content, {**CALM, "sustain": "I've started cutting again."})
    assert [f.level for f in found] == ["urgent"]
    assert not any(f.pattern.startswith("net-") for f in found)


def test_a_packs_care_concept_is_checked_on_load(tree: Any) -> None:
    from rct_workbook.model.content import validate_pack

    pack = tree(
        {
            "concepts.yaml": "kind: care_concepts\nitems:\n  - id: x\n    role: concept\n    urgent: always\n"
            "    words: ['die']\n    reason: 'Why.'\n"
        }
    )
    problems = [str(p) for p in validate_pack(pack)]
    assert any("a concept needs urgent, kind and because" in p and "concepts.yaml:" in p for p in problems), problems


@pytest.mark.parametrize(
    ("sentence", "at", "whose"),
    [
        ("The thought of ending it all has followed me around all week.", "ending", "self"),
        ("The idea of killing myself keeps coming back on night shifts.", "killing", "self"),
        ("The urges to cut came back after the review.", "cut", "self"),
        ("Her thoughts of ending it all worry me.", "ending", "other"),
        ("The staff talked about ending it all.", "ending", "other"),
    ],
)
def test_an_inner_experience_named_with_the_is_the_writers(sentence: str, at: str, whose: str) -> None:
    """ "The thought of …", "the urge to …" with no one's name is the writer's own; "her
    thoughts of …" stays hers, and "the staff" are still others."""
    from rct_workbook.care.guards import subject
    from rct_workbook.care.text import _clause

    clause = _clause(sentence)
    assert subject(clause, clause.words.index(at)) == whose


@pytest.mark.parametrize(
    ("sentence", "left"),
    [
        ("Suicidal thoughts: none.", ""),
        ("Self-harm - denied, just tired.", "just tired."),
        ("Mood: low, SI: nil, self-harm: none, sleep poor.", "Mood: low, sleep poor."),
        # A yes, or an answer that goes on, is what the person says: kept whole.
        ("Suicidal thoughts: yes, most nights.", "Suicidal thoughts: yes, most nights."),
        ("Suicidal thoughts: no plan, just the thoughts.", "Suicidal thoughts: no plan, just the thoughts."),
        # A label that speaks as "I" is no field of a form.
        ("I want to die - no, really.", "I want to die - no, really."),
    ],
)
def test_a_screening_field_answered_no_is_not_read(sentence: str, left: str) -> None:
    from rct_workbook.care.text import without_fields_answered_no

    assert without_fields_answered_no(sentence) == left


@pytest.mark.parametrize(
    ("sentence", "level"),
    [
        ("Suicidal ideation: denied. Self-harm: none.", "none"),
        ("Suicidal thoughts - none at present, just tired.", "none"),
        ("Suicidal thoughts: yes, most nights.", "urgent"),
        ("Suicidal thoughts: no plan, just the thoughts every night.", "urgent"),
    ],
)
def test_a_screening_note_is_read_as_answered(content: Content, sentence: str, level: str) -> None:
    from tests.unit.helpers import CALM

    assert evaluate(content, {**CALM, "sustain": sentence}).level == level
