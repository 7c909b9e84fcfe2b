"""The evaluation: the care level for one assessment's answers, with its reasons, from the
signals on ratings and ticks and what the patterns and the net find in the free text."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from rct_workbook.care.found import Found, Net, found_in, net_found_in
from rct_workbook.care.text import _sentences
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
    """The precise patterns' findings, sentence by sentence, and the safety net's where it
    raises a sentence above what the patterns found there (it never lowers it)."""
    patterns = list(content.care_patterns.values())
    net = Net.of(content.care_concepts.values())
    out: list[Found] = []
    for qid, text in texts_by_question(content, answers):
        for sentence in _sentences(text):
            precise = found_in(sentence, qid, patterns, net.idioms)
            met = max((f.level for f in precise if f.level in LEVELS), key=LEVELS.index, default="none")
            out += precise + net_found_in(sentence, qid, net, met)
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
