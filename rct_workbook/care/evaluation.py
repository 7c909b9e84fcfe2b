"""The evaluation: the care level for one assessment's answers, with its reasons, from the
signals on ratings and ticks and what the patterns and the net find in the free text."""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from rct_workbook.care.found import MEANING, Found, Net, found_in, net_found_in
from rct_workbook.care.lexicon import _NEGATORS, _OTHERS
from rct_workbook.care.text import _sentences, quote_of, without_fields_answered_no, words
from rct_workbook.model.question_types import QUESTION_TYPES
from rct_workbook.reading_rules import Filler, flow_questions, holds, names_questions

if TYPE_CHECKING:
    from rct_workbook.model.content import Content

LEVELS = ("none", "check-in", "urgent")
#: The answer to "How are you, really?" (asked when only a phrase raised care).
HOW_ARE_YOU = "how-are-you"
#: What each answer to it means for the level (unanswered: the phrase stands, check-in).
HOW_ARE_YOU_LEVELS = {"all-right": "none", "not-great": "check-in", "unsafe": "urgent", "rather-not-say": "check-in"}


def texts_by_question(content: Content, answers: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(question id, text) for every free-text answer of the reading flow, in flow order."""
    out: list[tuple[str, str]] = []
    for qid, question in flow_questions(content).items():
        if qid in answers:
            out += [(qid, t) for t in QUESTION_TYPES[question.type].free_texts(question, answers[qid]) if t]
    return out


def found_in_answers(content: Content, answers: Mapping[str, Any]) -> list[Found]:
    """The precise patterns' findings, sentence by sentence; the safety net's where it
    raises a sentence above what the patterns found there (it never lowers it); and the
    meaning's (:mod:`rct_workbook.care.meaning`) where it raises a sentence above both.
    A sentence whose meaning both readings call ordinary keeps none of the patterns' or the
    net's findings of care: "I've never once wanted to harm myself" and "left a note on the
    fridge" use the words of distress without it."""
    patterns = list(content.care_patterns.values())
    net = Net.of(content.care_concepts.values())
    read: list[tuple[str, str, list[Found]]] = []  # question, sentence, what was found there
    for qid, text in texts_by_question(content, answers):
        # A screening note's fields answered no ("Self-harm: none") are read as said: not at all.
        for sentence in filter(None, map(without_fields_answered_no, _sentences(text))):
            precise = found_in(sentence, qid, patterns, net.idioms)
            met = max((f.level for f in precise if f.level in LEVELS), key=LEVELS.index, default="none")
            read.append((qid, sentence, precise + net_found_in(sentence, qid, net, met)))
    out: list[Found] = []
    pending: list[tuple[str, str, str]] = []  # question, sentence, the level found there
    for qid, sentence, found in _set_aside_the_ordinary(read):
        out += found
        met = max((f.level for f in found if f.level in LEVELS), key=LEVELS.index, default="none")
        # History of a death at work is met with care for the team, not read for the writer.
        if met != "urgent" and not any(f.level == "grief" for f in found):
            pending.append((qid, sentence, met))
    return out + by_meaning(pending)


def _set_aside_the_ordinary(read: list[tuple[str, str, list[Found]]]) -> list[tuple[str, str, list[Found]]]:
    """Each sentence's findings, less those of care in a sentence the meaning calls ordinary."""
    from rct_workbook.care.meaning import meanings

    cared = [sentence for _, sentence, found in read if any(f.level in ("urgent", "check-in") for f in found)]
    ordinary = {s for s, m in zip(cared, meanings(cared) or [], strict=False) if m.ordinary}
    return [
        (qid, sentence, [f for f in found if f.level == "grief"] if sentence in ordinary else found)
        for qid, sentence, found in read
    ]


#: The kind of care a labelled sentence of the bank stands for (its ``about``), for the
#: reasons a meaning raises; a kind not named here falls back to the level's own.
MEANING_KINDS = {
    "passive": "not-wanting-to-live",
    "burden": "burden",
    "suicide": "suicide",
    "plan": "suicide",
    "means": "means",
    "self-harm": "self-harm",
    "hopeless": "hopelessness",
    "exhaustion": "exhaustion",
    "isolation": "isolation",
    "numb": "numbness",
}
_LEVEL_KINDS = {"urgent": "not-wanting-to-live", "check-in": "hopelessness"}


_THEIR_SELVES = frozenset({"himself", "herself", "themselves", "themself", "yourself"})
_TELLING = frozenset(
    {"said", "say", "says", "told", "tell", "tells", "mentioned", "disclosed", "admitted", "reported", "wrote"}
)


def anothers(sentence: str) -> bool:
    """Whether a sentence tells of someone else's distress: another's own self ("the young
    man has been burning himself") with no "myself", or another's words ("she said her
    family would be better off without her", "he told me he'd stood on the bridge")."""
    ws = words(sentence)
    if _THEIR_SELVES & set(ws) and "myself" not in ws:
        return True
    return any(a in _OTHERS and b in _TELLING for a, b in itertools.pairwise(ws))


#: A denial: the writer's own negation right after an "I" that opens the sentence ("I have
#: never wanted to", "Honestly, I'm not thinking of"), not one inside a purpose, a wish or a
#: condition further on ("enough to make sure I don't wake up", "wishing I'd never been born").
_DENIAL = re.compile(
    r"^(?:\w+ ){0,2}i "
    r"(?:(?:am|have|had|do|did|would|will|was|could|can|really|honestly|truly|ever) ){0,2}(?:not|never)\b"
)
#: Not wanting to live is itself the distress: "I don't want to be here any more".
_NOT_WANTING_LIFE = re.compile(
    r"\b(?:not|never) (?:\w+ )?(?:want|wanted|wish|care) to "
    r"(?:live|be here|be alive|exist|wake|go on|carry on|be around|get up)"
)


def denied(sentence: str, like: str) -> bool:
    """Whether a sentence denies what its nearest labelled sentence says. The meaning of
    "I have never wanted to hurt myself" is close to "I want to hurt myself": only the
    negation sets them apart. So a writer's own negation right after "I" (not inside a
    wish or a condition), beside a labelled sentence with no negation, is a denial; not
    wanting to live is not one."""
    said = " ".join(words(sentence))
    if _NOT_WANTING_LIFE.search(said) or not _DENIAL.search(said):
        return False
    return not any(w in _NEGATORS for w in words(like))


def by_meaning(pending: list[tuple[str, str, str]]) -> list[Found]:
    """What the meaning finds in sentences the patterns and the net left below urgent: one
    finding a sentence, only where it raises the level, and not in another's words or self
    ("she said…", "he'd been burning himself"). Whose distress a sentence tells is otherwise
    the tuned encoder's to read: it was tuned on clients' and colleagues' risk told by the
    worker, labelled none, and on the writer's own unsaid subject ("Been googling what dose
    is fatal") labelled urgent. (The published encoder read topic, not person, so a sentence
    had to say "I" or have no subject at all; with the tuned one that rule only lost
    distress: 7 of 250 held-out distress sentences, and kept no benign one from care.)"""
    from rct_workbook.care.meaning import meanings

    mine = [(q, s, met) for q, s, met in pending if not anothers(s)]
    read = meanings([s for _, s, _ in mine])
    if read is None:
        return []
    out: list[Found] = []
    for (qid, sentence, met), meaning in zip(mine, read, strict=True):
        if LEVELS.index(meaning.level) > LEVELS.index(met) and not denied(sentence, meaning.like):
            kind = MEANING_KINDS.get(meaning.about) or _LEVEL_KINDS[meaning.level]
            out.append(Found(MEANING, meaning.level, kind, qid, quote_of(sentence, sentence)))
    return out


# --- the evaluation --------------------------------------------------------------------------


@dataclass(frozen=True)
class CareReason:
    """Why care was raised: its kind, the person's own words if words raised it, the line said."""

    kind: str
    quote: str | None
    because: str
    question: str | None = None


@dataclass(frozen=True)
class Evaluation:
    """What care the answers call for.

    ``silenced`` holds the questions whose text raised urgent care: no reading rule may
    respond to them (the reading meets those words with care alone). ``ask`` is the quote
    to ask about ("How are you, really?") when a phrase alone raised check-in care and the
    rest of the answers are calm. ``grief`` is history of a death at work: care for the
    team, not a care note about the person.
    """

    level: str = "none"
    reasons: tuple[CareReason, ...] = ()
    signals: tuple[str, ...] = ()
    silenced: frozenset[str] = field(default_factory=frozenset)
    ask: str | None = None
    grief: CareReason | None = None


def _quoted(template: str, quote: str) -> str:
    said = template.replace("{quote}", f"“{quote}”")
    # “…up.”. reads as a stutter: the quote's own stop ends the sentence.
    return said[:-1] if quote.endswith((".", "!", "?", "…")) and said.endswith("”.") else said


def evaluate(content: Content, answers: Mapping[str, Any], asked: frozenset[str] | None = None) -> Evaluation:
    """The care level, with its reasons, for one assessment's answers.

    ``asked`` is the questions a one-step assessment asked (None: all): a signal on a
    question that was not put stays silent.
    """
    filler = Filler(content, answers)
    reasons: list[CareReason] = []
    signals: list[str] = []
    level = "none"
    for signal in content.care_signals.values():
        if asked is not None and not names_questions(signal.when) <= asked:
            continue
        if signal.when.phrases is None and holds(signal.when, answers, content):
            signals.append(signal.id)
            reasons.append(CareReason(signal.id, None, filler.fill(signal.because)))
            level = _higher(level, signal.level)
    because_of = {p.id: p.because for p in content.care_patterns.values()}
    because_of |= {g.id: g.because for g in content.care_concepts.values() if g.because is not None}
    because_of[MEANING] = "You wrote {quote}."
    found = found_in_answers(content, answers)
    grief: CareReason | None = None
    phrase_reasons: list[CareReason] = []
    urgent_reasons: set[CareReason] = set()
    silenced: set[str] = set()
    phrase_level = "none"
    for f in found:
        reason = CareReason(f.kind, f.quote, _quoted(because_of[f.pattern], f.quote), f.question)
        if f.level == "grief":
            grief = grief or reason
            continue
        if f.pattern not in signals:
            signals.append(f.pattern)
        phrase_reasons.append(reason)
        if f.level == "urgent":
            urgent_reasons.add(reason)
        phrase_level = _higher(phrase_level, f.level)
        if f.level == "urgent":
            silenced.add(f.question)
    ask = None
    if phrase_level == "check-in" and level == "none":
        answer = answers.get(HOW_ARE_YOU)
        said = HOW_ARE_YOU_LEVELS.get(answer) if isinstance(answer, str) else None
        if said is None:
            ask = phrase_reasons[0].quote
        elif said == "none":
            phrase_reasons, phrase_level = [], "none"
        else:
            phrase_level = said
    elif isinstance(answers.get(HOW_ARE_YOU), str) and HOW_ARE_YOU_LEVELS.get(answers[HOW_ARE_YOU]) == "urgent":
        phrase_level = "urgent"
    # Urgent reasons come first: they are what the note answers first.
    phrase_reasons.sort(key=lambda r: 0 if r in urgent_reasons else 1)
    level = _higher(level, phrase_level)
    if level == "none":
        return Evaluation(grief=grief)
    return Evaluation(
        level=level,
        reasons=(*phrase_reasons, *reasons),
        signals=tuple(signals),
        silenced=frozenset(silenced) if level == "urgent" else frozenset(),
        ask=ask,
        grief=grief,
    )


def _higher(a: str, b: str) -> str:
    rank = {"none": 0, "check-in": 1, "urgent": 2}
    return a if rank.get(a, 0) >= rank.get(b, 0) else b
