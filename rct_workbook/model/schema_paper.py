"""The paper's model as records: its source, the four steps, the concepts, the five good
things, the continuum and its bands, the strategies, healthy and unhealthy opposition, the
practices, the three culture types, the glossary and the references."""

from __future__ import annotations

from typing import Annotated, Literal

from rct_workbook.model.records import Cite, ExactInt, Id, Limits, Record, Text, check, unique

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
