"""The paper's model as typed, validated objects.

Every content file is a YAML mapping with a ``kind``. Single-item kinds (``meta``,
``culture``, ``vignette``, ``flow``) hold their fields at the top level; collection kinds
hold an ``items`` list whose entries each carry an ``id``. Unknown keys are refused
everywhere, and text fields are strict: a YAML ``no`` or ``1.10`` where text is
expected is an error, not a silent conversion.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable
from typing import Annotated, Any, Literal

from rct_workbook.model.conditions import REVIEW_STATUSES as REVIEW_STATUSES
from rct_workbook.model.conditions import ReviewTest as ReviewTest
from rct_workbook.model.conditions import When as When
from rct_workbook.model.good_things import GOOD_THINGS as GOOD_THINGS
from rct_workbook.model.question_types import QUESTION_TYPES
from rct_workbook.model.records import (
    ID_PATTERN,
    Cite,
    ExactBool,
    ExactInt,
    ExactStr,
    Id,
    Label,
    Limits,
    Record,
    Text,
    check,
    unique,
)
from rct_workbook.model.records import validator as validator

#: An id as a pattern, for names checked outside the records (a pack's file names).
ID_RE = re.compile(ID_PATTERN)


# --- questions -----------------------------------------------------------------------

QuestionType = Literal["text", "long_text", "choice", "multi", "rating", "yes_no", "repeat"]


class Choice(Record):
    value: Id
    label: Text


class Condition(Record):
    """Ask a question only when an earlier answer matches."""

    question: Id
    equals: ExactStr | ExactBool | ExactInt | None = None
    includes: ExactStr | None = None
    not_equals: ExactStr | ExactBool | ExactInt | None = None

    @check
    def _one_test(self) -> None:
        tests = [t for t in (self.equals, self.includes, self.not_equals) if t is not None]
        if len(tests) != 1:
            raise ValueError("a condition needs exactly one of equals, includes, not_equals")


class Question(Record):
    id: Id
    type: QuestionType
    prompt: Text
    #: A short name for the answer where space is tight (the printed handout); the prompt otherwise.
    label: Label | None = None
    help: Text | None = None
    required: ExactBool = True
    choices: tuple[Choice, ...] | None = None
    choices_from: Literal[tuple(CHOICE_SOURCES)] | None = None  # type: ignore[valid-type]
    low_label: Text | None = None
    high_label: Text | None = None
    when: Condition | None = None
    share: Literal["group", "private"] = "group"
    carry: ExactBool = False
    #: The answer names people (support, allies): its names are flagged before any export.
    names: ExactBool = False
    example: ExactStr | ExactInt | ExactBool | tuple[ExactStr, ...] | None = None
    fields: tuple[Question, ...] | None = None
    min_items: Annotated[ExactInt, Limits(ge=0, le=20)] = 0
    max_items: Annotated[ExactInt, Limits(ge=1, le=20)] = 3
    #: The prompt as asked when it can name earlier answers: ``{id}`` stands for what was
    #: chosen at the earlier choice or checklist ``id`` ("Naming and Networking"). The prompt
    #: is asked when nothing was chosen there, and printed everywhere else (paper, exports).
    asked: Text | None = None

    @check
    def _shape(self) -> None:
        QUESTION_TYPES[self.type].shape(self)
        if self.asked is not None:
            rest = re.sub(r"\{[a-z0-9-]+\}", "", self.asked)
            if not recalled_ids(self.asked) or "{" in rest or "}" in rest:
                raise ValueError("asked: name earlier answers as {question-id}, with no other braces")
        if self.choices is not None:
            unique([c.value for c in self.choices], "choice value")
        if self.fields is not None:
            unique([f.id for f in self.fields], "field id")


def recalled_ids(asked: str) -> list[str]:
    """The question ids an ``asked`` prompt names, as ``{id}``."""
    return re.findall(r"\{([a-z0-9-]+)\}", asked)


def recalls_earlier(questions: Iterable[Question]) -> None:
    """Every ``{id}`` of an ``asked`` prompt names an earlier choice or checklist question."""
    before: dict[str, Question] = {}
    for q in questions:
        for ident in recalled_ids(q.asked or ""):
            if ident not in before or before[ident].type not in ("choice", "multi"):
                raise ValueError(f"{q.id}: asked names {{{ident}}}, which is no earlier choice or checklist question")
        before[q.id] = q


class Section(Record):
    id: Id
    title: Text
    step: Id | None = None
    intro: Text | None = None
    questions: tuple[Question, ...]


class Flow(Record):
    kind: Literal["flow"]
    id: Id
    title: Text
    intro: Text | None = None
    cite: tuple[Cite, ...] = ()
    discussion_questions: tuple[Text, ...] = ()
    sections: tuple[Section, ...]

    @check
    def _unique_ids(self) -> None:
        unique([s.id for s in self.sections], "section id")
        unique([q.id for s in self.sections for q in s.questions], "question id")
        recalls_earlier(q for s in self.sections for q in s.questions)


# --- the model ------------------------------------------------------------------------


class Source(Record):
    authors: Text
    year: ExactInt
    title: Text
    series: Text | None = None
    publisher: Text | None = None


class Meta(Record):
    kind: Literal["meta"]
    id: Id
    version: Annotated[str, Limits(strict=True, pattern=r"^\d+\.\d+\.\d+$")]
    title: Text
    source: Source
    disclaimer: Text


class Step(Record):
    id: Id
    number: Annotated[ExactInt, Limits(ge=1, le=4)]
    name: Text
    summary: Text
    purpose: Text
    details: tuple[Text, ...] = ()
    questions: tuple[Text, ...]
    cite: tuple[Cite, ...]


class Concept(Record):
    """A named idea of the model: support first, the visionary pragmatist, and so on."""

    id: Id
    title: Text
    summary: Text
    body: tuple[Text, ...]
    quote: Text | None = None
    cite: tuple[Cite, ...]


class GoodThing(Record):
    id: Id
    name: Text
    description: Text
    opposite_name: Text
    opposite: Text
    cite: tuple[Cite, ...]


class Band(Record):
    """A labelled stretch of the continuum of connection, for a mean rating."""

    min: Annotated[float, Limits(ge=1, le=5)]
    max: Annotated[float, Limits(ge=1, le=5)]
    label: Text
    description: Text


class Continuum(Record):
    id: Id
    title: Text
    summary: Text
    body: tuple[Text, ...]
    toward_disconnection: Text
    toward_connection: Text
    bands: tuple[Band, ...]
    cite: tuple[Cite, ...]


class Strategy(Record):
    id: Id
    name: Text
    family: Literal["fletcher", "ward", "jordan", "practice"]
    summary: Text
    description: Text
    example: Text | None = None
    quote: Text | None = None
    cite: tuple[Cite, ...]


class OppositionOption(Record):
    id: Id
    quality: Literal["healthy", "unhealthy"]
    name: Text
    description: Text
    cite: tuple[Cite, ...]


class Practice(Record):
    """An observable practice; in a culture file it is an indicator of that culture."""

    id: Id
    text: Text


class Culture(Record):
    kind: Literal["culture"]
    id: Id
    name: Text
    summary: Text
    description: tuple[Text, ...]
    found_in: tuple[Text, ...]
    indicators: tuple[Practice, ...]
    challenges: tuple[Text, ...]
    opportunities: tuple[Text, ...]
    risks: tuple[Text, ...]
    figure: Text | None = None
    cite: tuple[Cite, ...]

    @check
    def _unique_indicators(self) -> None:
        unique([p.id for p in self.indicators], "indicator id")


class Fact(Record):
    label: Text
    value: Text
    #: True when the fact tells how the case unfolds or ends; it is shown with the outcome,
    #: after the parts, so the facts at the top do not give the story away.
    reveals: bool = False


class Person(Record):
    name: Text
    role: Text
    #: True when who this is, or what they did, tells how the case unfolds; shown after the parts.
    reveals: bool = False


class Part(Record):
    title: Text
    text: tuple[Text, ...]


class StrategyUse(Record):
    strategy: Id
    how: Text


class Vignette(Record):
    kind: Literal["vignette"]
    id: Id
    title: Text
    protagonist: Text
    culture: Id | None
    setting: Text
    care_note: Text | None = None
    facts: tuple[Fact, ...]
    people: tuple[Person, ...]
    parts: tuple[Part, ...]
    steps: dict[Id, Text]
    strategies: tuple[StrategyUse, ...]
    outcome: Text
    discussion_questions: tuple[Text, ...]
    reflection: tuple[Question, ...]
    cite: tuple[Cite, ...]

    @check
    def _unique_questions(self) -> None:
        unique([q.id for q in self.reflection], "question id")
        recalls_earlier(self.reflection)


class GlossaryTerm(Record):
    id: Id
    term: Text
    definition: Text
    cite: tuple[Cite, ...]


class Reference(Record):
    id: Id
    cite: Cite
    authors: Text
    year: ExactInt | None = None  # none for general usage, not one work
    title: Text | None = None
    used_for: Text


# --- the reading: rules, care signals, personal resources --------------------------------

#: The `rct learn` topics a rule may point to (the terminal views name the same topics).
LEARN_TOPICS = (
    "framework",
    "good-things",
    "continuum",
    "cultures",
    "opposition",
    "strategies",
    "glossary",
    "references",
)

#: The parts of a reading, in the order they are shown; a rule says which part it belongs to.
READING_PARTS = ("support", "review", "read", "name", "oppose", "replace")


class ReadingRule(Record):
    """One thing the reading may say back: when it applies, what it says, and why."""

    id: Id
    part: Literal[READING_PARTS]  # type: ignore[valid-type]
    when: When
    #: Why the response appears, in the person's terms ("You ticked {labels:unhealthy}").
    because: Text
    response: Text
    #: A softer response for when the care note is shown; without it a rule that
    #: assumes energy to change the organisation is held back then.
    gentle: Text | None = None
    assumes_energy: ExactBool = False
    learn: Literal[LEARN_TOPICS] | None = None  # type: ignore[valid-type]
    vignette: Id | None = None
    cite: tuple[Cite, ...]
    #: Free-text questions whose words the response quotes back ("You wrote: “…”"): the
    #: first one answered; around the phrase a ``phrases`` test on it found, if any.
    quote: tuple[Id, ...] = ()

    @check
    def _cited(self) -> None:
        if not self.cite:
            raise ValueError("a reading rule needs at least one citation")


class CareSignal(Record):
    """A sign that the person may be struggling; any one is enough for the care note."""

    id: Id
    when: When
    #: Said to the person (on screen and in their own entry, never in an export).
    because: Text
    level: Literal["check-in", "urgent"] = "check-in"


#: How a care pattern is written (``rct_workbook.care`` reads it): tokens separated by
#: spaces; ``a|b`` alternatives; ``a_b`` words that follow each other; ``=word`` the exact
#: word, unstemmed; I, ME, MYSELF, MY; ``..`` lets the next token come further on; ``$``
#: the end of the clause.
_CARE_PART = r"(=?[a-z0-9']+|I|ME|MYSELF|MY)"
_CARE_ALT = rf"(\$|{_CARE_PART}(_{_CARE_PART})*)"
CARE_TOKEN = re.compile(rf"^(\.\.|{_CARE_ALT}(\|{_CARE_ALT})*)$")
CarePhrase = Annotated[str, Limits(strict=True, min_length=2, max_length=300)]


class CarePattern(Record):
    """Words that, about the writer and not negated, raise care (see ``rct_workbook.care``)."""

    id: Id
    #: urgent: harming oneself or not wanting to live; check-in: distress short of that;
    #: grief: history of a death at work (care for the team, not a note about the person).
    level: Literal["check-in", "urgent", "grief"]
    #: The reason's kind, as programs read it (``reading.care.reasons[].kind``).
    kind: Id
    #: Whose the clause must be: the writer's (self), anyone's (any: the pattern names the
    #: writer itself, "without me"), or someone else's (other).
    who: Literal["self", "any", "other"] = "self"
    match: Annotated[tuple[CarePhrase, ...], Limits(min_length=1)]
    #: The sentence must also hold one of these.
    needs: tuple[CarePhrase, ...] = ()
    #: The sentence must hold none of these.
    unless: tuple[CarePhrase, ...] = ()
    #: What may not come right after the match ("suicidal" then "client").
    then_not: tuple[CarePhrase, ...] = ()
    #: Said to the person; {quote} is their own words.
    because: Text
    #: Why the pattern is here, for whoever reviews the content.
    reason: Text

    @check
    def _written(self) -> None:
        for phrase in (*self.match, *self.needs, *self.unless, *self.then_not):
            bad = [t for t in phrase.split() if not CARE_TOKEN.match(t)]
            if bad:
                raise ValueError(f"{bad[0]!r} in {phrase!r} is not a word, a|b, a_b, =word, I, ME, MYSELF, MY, .. or $")
            if phrase.split()[0] == ".." or "$" in phrase.split()[0].split("|"):
                raise ValueError(f"{phrase!r} must begin with a word")


class CareConcept(Record):
    """One group of the care safety net (``rct_workbook.care``), beside the precise patterns.

    ``concept``: words of one concept (death, suicide, means, burden...) that raise care when
    the writer is near them and they are not negated; ``intent``: words of wish or intent
    that make a concept urgent; ``idiom``: phrases in which a concept word is not about
    living or dying ("dying to", "bored to death"). Written as care patterns are."""

    id: Id
    role: Literal["concept", "intent", "idiom"]
    words: Annotated[tuple[CarePhrase, ...], Limits(min_length=1)]
    #: concept only: when it is urgent (always; with an intent word in its clause, else a
    #: check-in; only with one, else nothing; never).
    urgent: Literal["always", "with-intent", "only-with-intent", "never"] | None = None
    #: concept only: the words only count right after one of these ("not", "stop", "tired of").
    after: tuple[CarePhrase, ...] = ()
    #: concept only: its own intent words, in its clause (otherwise the intent groups', in its sentence).
    intent: tuple[CarePhrase, ...] = ()
    #: concept only: the reason's kind, and what is said to the person ({quote}: their words).
    kind: Id | None = None
    because: Text | None = None
    #: Why the group is here, for whoever reviews the content.
    reason: Text

    @check
    def _written(self) -> None:
        for phrase in (*self.words, *self.after, *self.intent):
            bad = [t for t in phrase.split() if not CARE_TOKEN.match(t)]
            if bad:
                raise ValueError(f"{bad[0]!r} in {phrase!r} is not a word, a|b, a_b, =word, I, ME, MYSELF, MY, .. or $")
            if phrase.split()[0] == ".." or "$" in phrase.split()[0].split("|"):
                raise ValueError(f"{phrase!r} must begin with a word")
        concept = self.role == "concept"
        if concept != (self.urgent is not None and self.kind is not None and self.because is not None):
            raise ValueError("a concept needs urgent, kind and because; an intent or idiom has none of them")
        if (self.after or self.intent) and not concept:
            raise ValueError("only a concept has words before it (after) or its own intent words")


class CrisisLine(Record):
    """A national crisis line, named when the person's region is known (``rct config``)."""

    id: Id
    regions: Annotated[tuple[Annotated[str, Limits(strict=True, pattern=r"^[A-Z]{2}$")], ...], Limits(min_length=1)]
    name: Text
    contact: Text
    emergency: Text
    #: Where the number comes from, and the month it was last checked (YYYY-MM).
    source: Text
    checked: Annotated[str, Limits(strict=True, pattern=r"^[0-9]{4}-[0-9]{2}$")]


class PhraseList(Record):
    """Phrases of hopelessness or self-harm, matched case-insensitively in free text."""

    id: Id
    phrases: tuple[Annotated[str, Limits(strict=True, min_length=2, max_length=200)], ...]


class Resource(Record):
    """A personal resource the care note names; a pack can set the local name and number."""

    id: Id
    name: Text
    detail: Text
    contact: Text | None = None


class CareNote(Record):
    """What the reading says first when any care signal is present."""

    kind: Literal["care_note"]
    id: Id
    title: Text
    opening: Text
    resources_intro: Text
    body: tuple[Text, ...]
    #: Said instead of "lean on your supports" when no support is in place.
    no_support: Text
    held_back: Text
    cite: tuple[Cite, ...]
    #: Urgent care opens with this: {line} is the crisis line, {emergency} the emergency number.
    crisis: Text | None = None
    #: ... or this, when no crisis line is known for the person's region.
    crisis_unknown: Text | None = None
    #: Said to history of a death at work (care for the team); {quote} is the person's words.
    grief: Text | None = None
    grief_vignette: Id | None = None
    grief_cite: tuple[Cite, ...] = ()
    #: Asked once when a phrase alone raised care ("You wrote {quote}. How are you, really?").
    ask: Question | None = None


# --- the trainer's kit -----------------------------------------------------------------------


class RehearsalRole(Record):
    name: Text
    brief: Text


class ScriptLine(Record):
    role: Text
    says: Text


class Rehearsal(Record):
    """A short role-play of one of the paper's practices, for a workshop or peer group."""

    id: Id
    title: Text
    practice: Id | None = None  # the strategy (practice) it rehearses
    summary: Text
    background: Text
    scene: Text
    roles: Annotated[tuple[RehearsalRole, ...], Limits(min_length=2)]
    script: Annotated[tuple[ScriptLine, ...], Limits(min_length=1)]
    steps: Annotated[tuple[Text, ...], Limits(min_length=1)]
    debrief: Annotated[tuple[Text, ...], Limits(min_length=1)]
    cite: Annotated[tuple[Cite, ...], Limits(min_length=1)]

    @check
    def _script_roles(self) -> None:
        names = [r.name for r in self.roles]
        unique(names, "role name")
        for line in self.script:
            if line.role not in names:
                raise ValueError(f"the script gives a line to {line.role!r}, which is not one of the roles")


class Stage(Record):
    """What a facilitator says and asks in one part of a workshop."""

    notes: Annotated[tuple[Text, ...], Limits(min_length=1)]
    questions: tuple[Text, ...] = ()
    cite: Annotated[tuple[Cite, ...], Limits(min_length=1)]


class Facilitation(Record):
    """The notes for every part of a workshop that does not depend on the case."""

    kind: Literal["facilitation"]
    id: Id
    opening: Stage
    reading: Stage
    groups: Stage
    plenary: Stage
    small_step: Stage
    #: Said once, with the care for the room: casting a role-play with care, observer as a choice.
    role_play: Stage | None = None
    #: Said after each role-play, before its debrief: stepping out of role.
    step_out: Stage | None = None
    care: Annotated[tuple[Text, ...], Limits(min_length=1)]
    cite: Annotated[tuple[Cite, ...], Limits(min_length=1)]


class PartNote(Record):
    """A facilitator's note on one part of a case: what it shows, and what to ask."""

    steps: tuple[Id, ...] = ()
    shows: Text
    ask: Annotated[tuple[Text, ...], Limits(min_length=1)]
    care: Text | None = None


class Workshop(Record):
    """A facilitator's guide to one case; ``id`` is the case's (vignette's) id."""

    kind: Literal["workshop"]
    id: Id
    care: Text | None = None
    parts: Annotated[tuple[PartNote, ...], Limits(min_length=1)]
    rehearsals: Annotated[tuple[Id, ...], Limits(min_length=1, max_length=4)]
    cite: Annotated[tuple[Cite, ...], Limits(min_length=1)]


# --- kinds -----------------------------------------------------------------------------

#: A choice source: what it offers, as (value, label) pairs, from its kind's items in content order.
ChoicePairs = Callable[[Iterable[Any]], list[tuple[str, str]]]


@dataclasses.dataclass(frozen=True)
class Kind:
    """One kind of content file: the only place a kind is declared.

    ``model`` validates one item. A single kind's file is the item itself (its fields at the
    top level); a collection's file holds ``kind`` and a list of ``items``, validated by the
    file model made here. ``attr`` is the ``Content`` field that holds the kind's items by id,
    and ``choices`` the ``choices_from`` sources its items offer.
    """

    name: str
    model: type[Record]
    attr: str
    single: bool = False
    choices: dict[str, ChoicePairs] = dataclasses.field(default_factory=dict)

    @property
    def file_model(self) -> type[Record]:
        """The model that validates a whole file of this kind."""
        if self.single:
            return self.model
        made = _FILE_MODELS.get(self.name)
        if made is None:
            annotations = {"kind": Literal[self.name], "items": tuple[self.model, ...]}  # type: ignore[name-defined]
            made = _FILE_MODELS[self.name] = type(
                f"{self.model.__name__}File", (Record,), {"__annotations__": annotations, "__module__": __name__}
            )
        return made


_FILE_MODELS: dict[str, type[Record]] = {}


def _named(items: Iterable[Any]) -> list[tuple[str, str]]:
    return [(x.id, x.name) for x in items]


def _summarised(items: Iterable[Any]) -> list[tuple[str, str]]:
    return [(x.id, f"{x.name}: {x.summary}") for x in items]


#: Every content kind, in the order ``rct content validate`` names them. A new kind is one
#: entry here and its typed field on ``Content`` (a unit test holds the two together).
KINDS: dict[str, Kind] = {
    k.name: k
    for k in (
        Kind("meta", Meta, "meta", single=True),
        Kind(
            "culture",
            Culture,
            "cultures",
            single=True,
            choices={
                # Unlabelled on purpose: tick what you observe, the profile names the cultures after.
                "culture_indicators": lambda cs: [(p.id, p.text) for c in cs for p in c.indicators],
                "cultures": _named,
            },
        ),
        Kind("vignette", Vignette, "vignettes", single=True),
        Kind("flow", Flow, "flows", single=True),
        Kind("steps", Step, "steps", choices={"steps": _named}),
        Kind("concepts", Concept, "concepts"),
        Kind("good_things", GoodThing, "good_things", choices={"good_things": _named}),
        Kind("continuum", Continuum, "continuum"),
        Kind(
            "strategies",
            Strategy,
            "strategies",
            choices={
                "strategies": _summarised,
                "fletcher_strategies": lambda xs: _summarised(x for x in xs if x.family == "fletcher"),
            },
        ),
        Kind(
            "opposition",
            OppositionOption,
            "opposition",
            choices={"unhealthy_opposition": lambda xs: [(x.id, x.name) for x in xs if x.quality == "unhealthy"]},
        ),
        Kind(
            "connecting_practices",
            Practice,
            "connecting_practices",
            choices={"connecting_practices": lambda xs: [(p.id, p.text) for p in xs]},
        ),
        Kind("glossary", GlossaryTerm, "glossary"),
        Kind("references", Reference, "references"),
        Kind("readings", ReadingRule, "readings"),
        Kind("care_signals", CareSignal, "care_signals"),
        Kind("phrases", PhraseList, "phrases"),
        Kind("care_patterns", CarePattern, "care_patterns"),
        Kind("care_concepts", CareConcept, "care_concepts"),
        Kind("crisis_lines", CrisisLine, "crisis_lines"),
        Kind("resources", Resource, "resources"),
        Kind("care_note", CareNote, "care_notes", single=True),
        Kind("rehearsals", Rehearsal, "rehearsals"),
        Kind("facilitation", Facilitation, "facilitation", single=True),
        Kind("workshop", Workshop, "workshops", single=True),
    )
}

#: choices_from source -> the kind whose items it offers. ``Question.choices_from`` admits
#: exactly these (its annotation is read when pydantic first validates, after this is set).
CHOICE_SOURCES: dict[str, Kind] = {source: k for k in KINDS.values() for source in k.choices}
