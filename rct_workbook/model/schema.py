"""The paper's model as typed, validated objects.

Every content file is a YAML mapping with a ``kind``. Single-item kinds (``meta``,
``culture``, ``vignette``, ``flow``) hold their fields at the top level; collection kinds
hold an ``items`` list whose entries each carry an ``id``. Unknown keys are refused
everywhere, and text fields are strict: a YAML ``no`` or ``1.10`` where text is
expected is an error, not a silent conversion.

The records of the paper's model, of the reading and care, and of the trainer's kit live
beside this module (``schema_paper``, ``schema_reading``, ``schema_trainer``); here are the
questions and the records that hold them (flows, cases, the care note) and the kinds of
content file (``KINDS``). Every record is imported from here.
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
from rct_workbook.model.question_types import QUESTION_TYPES, QuestionType
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
from rct_workbook.model.schema_paper import (
    Band,
    Concept,
    Continuum,
    Culture,
    GlossaryTerm,
    GoodThing,
    Meta,
    OppositionOption,
    Practice,
    Reference,
    Source,
    Step,
    Strategy,
)
from rct_workbook.model.schema_reading import (
    CARE_TOKEN,
    LEARN_TOPICS,
    READING_PARTS,
    CareConcept,
    CarePattern,
    CarePhrase,
    CareSignal,
    CrisisLine,
    PhraseList,
    ReadingRule,
    Resource,
)
from rct_workbook.model.schema_trainer import (
    Facilitation,
    PartNote,
    Rehearsal,
    RehearsalRole,
    ScriptLine,
    Stage,
    Workshop,
)

__all__ = [
    "CARE_TOKEN",
    "CHOICE_SOURCES",
    "GOOD_THINGS",
    "ID_RE",
    "KINDS",
    "LEARN_TOPICS",
    "READING_PARTS",
    "REVIEW_STATUSES",
    "Band",
    "CareConcept",
    "CareNote",
    "CarePattern",
    "CarePhrase",
    "CareSignal",
    "Choice",
    "ChoicePairs",
    "Concept",
    "Condition",
    "Continuum",
    "CrisisLine",
    "Culture",
    "Facilitation",
    "Fact",
    "Flow",
    "GlossaryTerm",
    "GoodThing",
    "Kind",
    "Meta",
    "OppositionOption",
    "Part",
    "PartNote",
    "Person",
    "PhraseList",
    "Practice",
    "Question",
    "QuestionType",
    "ReadingRule",
    "Reference",
    "Rehearsal",
    "RehearsalRole",
    "Resource",
    "ReviewTest",
    "ScriptLine",
    "Section",
    "Source",
    "Stage",
    "Step",
    "Strategy",
    "StrategyUse",
    "Vignette",
    "When",
    "Workshop",
    "validator",
]


#: An id as a pattern, for names checked outside the records (a pack's file names).
ID_RE = re.compile(ID_PATTERN)


# --- questions -----------------------------------------------------------------------


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


# --- cases (vignettes), which ask reflection questions ---------------------------------------


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


# --- the care note, which may ask a question (the rest of care is in schema_reading) ---------


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
