"""Reading rules and care signals: conditions on answers, read from content.

Pure functions: nothing here prints, prompts or touches files. What the reading says
back lives in ``content/readings/`` and ``content/care/``; this module only decides which
rules hold for a set of answers and fills in the "because" line that says why.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from rct_workbook.model.answers import texts_in
from rct_workbook.model.content import PLACEHOLDER, READING_FLOW, Content
from rct_workbook.model.question_types import QUESTION_TYPES
from rct_workbook.model.schema import Question, ReviewTest, When


@dataclass(frozen=True)
class Reviewed:
    """One step of the last plan as reviewed: what it was, its new status, how often it has now been carried."""

    step: str
    what: str
    status: str
    note: str | None
    times_carried: int


def fits(test: ReviewTest, item: Reviewed) -> bool:
    """Whether one reviewed step fits a review test's status and times carried."""
    return (
        (test.status is None or item.status == test.status)
        and (test.carried_at_least is None or item.times_carried >= test.carried_at_least)
        and (test.carried_at_most is None or item.times_carried <= test.carried_at_most)
    )


def review_holds(test: ReviewTest, review: Sequence[Reviewed]) -> bool:
    count = sum(1 for item in review if fits(test, item))
    return count >= test.count_at_least and (test.count_at_most is None or count <= test.count_at_most)


def steps_named(cond: When, review: Sequence[Reviewed]) -> tuple[Reviewed, ...]:
    """The reviewed steps a rule speaks of: those fitting its review tests (not under ``none``)."""
    found: list[Reviewed] = []
    if cond.review is not None:
        found += [item for item in review if fits(cond.review, item)]
    for group in (cond.all, cond.any):
        for sub in group or ():
            found += steps_named(sub, review)
    return tuple(dict.fromkeys(found))


def quoted(whats: Sequence[str]) -> str:
    """Steps named in a sentence: “one”, “two” and “three”."""
    return _and([f"“{' '.join(w.split())}”" for w in whats])


def filled(value: Any) -> bool:
    """Whether an answer says something: non-blank text, a non-empty list, any number or yes/no."""
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, (list, tuple, dict)):
        return bool(value)
    return True


def _number(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _normal(text: str) -> str:
    """Lower case with one space between words, and curly apostrophes made straight."""
    return " ".join(text.casefold().replace("\u2019", "'").replace("\u2018", "'").split())


def phrase_found(phrases: Sequence[str], texts: Sequence[str]) -> str | None:
    """The first phrase that occurs in any text, matched case-insensitively on word edges."""
    joined = [_normal(t) for t in texts if t]
    for phrase in phrases:
        wanted = _normal(phrase)
        if not wanted:
            continue
        pattern = re.compile(r"(?<!\w)" + re.escape(wanted) + r"(?!\w)")
        if any(pattern.search(t) for t in joined):
            return phrase
    return None


def free_texts(content: Content, answers: Mapping[str, Any]) -> list[str]:
    """The free-text answers (not choice ids) of the reading flow."""
    questions = flow_questions(content)
    out: list[str] = []
    for qid, value in answers.items():
        question = questions.get(qid)
        if question is None:
            continue
        out += QUESTION_TYPES[question.type].free_texts(question, value)
    return out


def flow_questions(content: Content) -> dict[str, Question]:
    flow = content.flows.get(READING_FLOW)
    return {} if flow is None else {q.id: q for s in flow.sections for q in s.questions}


def names_questions(cond: When) -> frozenset[str]:
    """The question ids a test reads at the top level (a row's fields are not questions)."""
    found: set[str] = set()
    for group in (cond.all, cond.any, cond.none):
        for sub in group or ():
            found |= names_questions(sub)
    if cond.question is not None:
        found.add(cond.question)
    found.update(cond.questions or ())
    return frozenset(found)


def holds(cond: When, answers: Mapping[str, Any], content: Content, review: Sequence[Reviewed] = ()) -> bool:
    """Whether the test holds for these answers (and the review of the last plan, if any).

    A question left unanswered is simply empty; with no review, no review test holds
    unless it asks for none (``count_at_most: 0``).
    """
    if cond.all is not None:
        return all(holds(c, answers, content, review) for c in cond.all)
    if cond.any is not None:
        return any(holds(c, answers, content, review) for c in cond.any)
    if cond.none is not None:
        return not any(holds(c, answers, content, review) for c in cond.none)
    if cond.review is not None:
        return review_holds(cond.review, review)
    if cond.questions is not None:
        rated = [n for n in (_number(answers.get(q)) for q in cond.questions) if n is not None]
        if not rated:
            return False
        mean = sum(rated) / len(rated)
        if cond.mean_at_most is not None:
            return mean <= cond.mean_at_most + 1e-9
        return cond.mean_at_least is not None and mean >= cond.mean_at_least - 1e-9
    if cond.question is None:
        # Phrases alone: any free text of the flow.
        phrases = content.phrases.get(cond.phrases or "")
        return phrases is not None and phrase_found(phrases.phrases, free_texts(content, answers)) is not None
    value = answers.get(cond.question)
    if cond.filled is not None:
        return filled(value) is cond.filled
    if cond.equals is not None:
        return bool(value == cond.equals and type(value) is type(cond.equals))
    if cond.ticked is not None:
        return isinstance(value, list) and any(v in value for v in cond.ticked)
    if cond.at_most is not None:
        number = _number(value)
        return number is not None and number <= cond.at_most
    if cond.at_least is not None:
        number = _number(value)
        return number is not None and number >= cond.at_least
    if cond.count_at_least is not None:
        return len(value) >= cond.count_at_least if isinstance(value, list) else cond.count_at_least <= 0
    if cond.count_at_most is not None:
        return len(value) <= cond.count_at_most if isinstance(value, list) else True
    if cond.row is not None:
        row_test = cond.row
        return isinstance(value, list) and any(isinstance(row, dict) and holds(row_test, row, content) for row in value)
    if cond.phrases is not None:
        phrases = content.phrases.get(cond.phrases)
        return phrases is not None and phrase_found(phrases.phrases, texts_in(value)) is not None
    return False  # pragma: no cover - the schema admits only the forms above


def matched_phrase(cond: When, answers: Mapping[str, Any], content: Content) -> str | None:
    """The phrase a phrases test found, for the care note's "because" (never exported)."""
    if cond.phrases is not None:
        phrases = content.phrases.get(cond.phrases)
        if phrases is None:
            return None
        texts = free_texts(content, answers) if cond.question is None else texts_in(answers.get(cond.question))
        return phrase_found(phrases.phrases, texts)
    for group in (cond.all, cond.any):
        for sub in group or ():
            found = matched_phrase(sub, answers, content)
            if found:
                return found
    return None


def _label_map(content: Content) -> dict[str, dict[str, str]]:
    labels: dict[str, dict[str, str]] = {}
    for qid, question in flow_questions(content).items():
        if question.choices is not None:
            labels[qid] = {c.value: c.label for c in question.choices}
        elif question.choices_from is not None:
            labels[qid] = {c.value: c.label for c in content.choices_for(question.choices_from)}
    return labels


def _and(items: Sequence[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


@dataclass(frozen=True)
class Filler:
    """Fills ``{labels:QUESTION}`` and ``{value:QUESTION}`` in a rule's "because" line."""

    content: Content
    answers: Mapping[str, Any]

    @cached_property
    def labels(self) -> dict[str, dict[str, str]]:
        return _label_map(self.content)

    def fill(self, template: str, extra: Mapping[str, str] | None = None) -> str:
        labels = self.labels

        def one(match: re.Match[str]) -> str:
            kind, qid = match.group(1), match.group(2)
            value = self.answers.get(qid)
            names = labels.get(qid, {})
            if kind == "labels":
                chosen = value if isinstance(value, list) else [value] if isinstance(value, str) else []
                return _and([f"“{names.get(v, v)}”" for v in chosen if isinstance(v, str)]) or "nothing"
            if kind == "value":
                if isinstance(value, str):
                    return names.get(value, " ".join(value.split()))
                return "nothing" if value is None else str(value)
            return (extra or {}).get(qid, match.group(0))

        return PLACEHOLDER.sub(one, template)
