"""The entry front matter's shape as pydantic models, the one definition of it.

``validate.check_front`` hands every front matter read to :func:`problem_of`, which gives
the models' reading of it or the first problem, naming the key.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictFloat, StrictInt, StrictStr, ValidationError

from rct_workbook.model.answers import BY_WHEN, SMALL_STEPS, WITH_WHOM

Scalar = StrictStr | StrictBool | StrictInt | StrictFloat | None
Item = StrictStr | StrictBool | StrictInt | StrictFloat | dict[StrictStr, Scalar]
Answer = Scalar | list[Item]


class _Open(BaseModel):
    """Keys rct does not know are kept, not refused: a later rct may have written them."""

    model_config = ConfigDict(extra="allow", strict=True)


class SmallStep(_Open):
    what: StrictStr
    with_whom: StrictStr | None = Field(default=None, alias=WITH_WHOM)
    by_when: StrictStr | None = Field(default=None, alias=BY_WHEN)
    risk: StrictStr | None = None
    evidence: StrictStr | None = None


class Counts(_Open):
    checked: StrictInt
    total: StrictInt


class ReadingData(_Open):
    good_things: dict[StrictStr, StrictInt | None] = {}
    change: dict[StrictStr, StrictInt] = {}
    mean: StrictInt | StrictFloat | None = None
    mean_change: StrictInt | StrictFloat | None = None
    band: StrictStr | None = None
    profile: dict[StrictStr, Counts] = {}
    profile_summary: StrictStr | None = None
    suggestions: list[StrictStr] = []
    warnings: list[StrictStr] = []
    first_step: StrictStr | None = None


class Update(_Open):
    step: StrictInt
    status: StrictStr
    date: StrictStr
    note: StrictStr | None = None


class ReviewItem(_Open):
    """One step reviewed under "Since last time" (rct assess)."""

    step: StrictStr
    status: StrictStr
    what: StrictStr | None = None
    note: StrictStr | None = None


class FrontMatter(_Open):
    format: StrictInt
    id: StrictStr
    kind: StrictStr
    title: StrictStr | None = ""
    created: StrictStr
    content_version: StrictStr = ""
    vignette: StrictStr | None = None
    section: StrictStr | None = None
    answers: dict[StrictStr, Answer]
    reading: ReadingData | None = None
    updates: list[Update] = []
    shares: dict[StrictStr, Literal["group", "private"]] | None = None
    setting: StrictStr | None = None
    review: list[ReviewItem] = []
    next_check_in: StrictStr | _dt.date | None = None


def _key_path(loc: tuple[Any, ...]) -> str:
    parts: list[str] = []
    for part in loc:
        if part == "[key]":
            continue
        if isinstance(part, int) and parts:
            parts[-1] += f"[{part + 1}]"
        elif isinstance(part, str) and part in {"str", "bool", "int", "float", "list", "dict"}:
            continue  # which member of a union was tried: not a key
        elif isinstance(part, str) and ("[" in part or part.startswith(("constrained-", "function-"))):
            continue
        else:
            parts.append(str(part))
    return ".".join(parts)


def _plain(message: str) -> str:
    return message.replace("Input should be a valid ", "should be ").replace("Input should be ", "should be ")


def problem_of(front: dict[Any, Any]) -> FrontMatter | str:
    """``front`` (its ``created`` already text) as the models read it, or the first problem,
    naming the key (for ``validate.InvalidFront``)."""
    answers = front.get("answers")
    if isinstance(answers, dict):
        steps = answers.get(SMALL_STEPS)
        if steps is not None:
            if not isinstance(steps, list):
                return "answers.small-steps should be a list of steps"
            for n, step in enumerate(steps, 1):
                try:
                    SmallStep.model_validate(step)
                except ValidationError as exc:
                    return _first(exc, f"answers.small-steps[{n}]")
    try:
        return FrontMatter.model_validate(front)
    except ValidationError as exc:
        return _first(exc)


def _first(exc: ValidationError, prefix: str = "") -> str:
    error = exc.errors(include_url=False)[0]
    where = _key_path(tuple(error["loc"]))
    where = ".".join(p for p in (prefix, where) if p) or "the front matter"
    if error["type"] == "missing":
        return f"{where} is missing"
    if not prefix and len(error["loc"]) >= 2 and error["loc"][0] == "answers":
        answer = ".".join(where.split(".")[:2]).split("[")[0]
        return f"{answer} should be text, a number, yes or no, or a list of them"
    message = _plain(error["msg"])
    if "dictionary" in message:
        message = "should be a mapping (key: value lines)"
    return f"{where} {message}"
