"""Build journal entries in code, with chosen dates and answers."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path
from typing import Any

from rct_workbook.flow.askers import example
from rct_workbook.flow.questions import check_all, resolve
from rct_workbook.journal.entry import save
from rct_workbook.journal.reflection import assess_entry, vignette_entry
from rct_workbook.model.content import load_content
from rct_workbook.model.question_types import is_empty
from rct_workbook.reading import read

CONTENT = load_content()
FLOW = CONTENT.flow("assess")
ASKS = [a for s in FLOW.sections for a in resolve(s.questions, CONTENT, s.id)]


def when(day: str, hour: int = 10) -> _dt.datetime:
    return _dt.datetime.fromisoformat(f"{day}T{hour:02d}:00:00+01:00")


def assess_answers(**changes: Any) -> dict[str, Any]:
    base = {a.id: example(a) for a in ASKS if a.question.when is None}
    # The examples tick "Attacking others", a care signal; entries are calm unless a test says not.
    base["unhealthy"] = []
    base.update({k.replace("_", "-"): v for k, v in changes.items()})
    return check_all(ASKS, base)


def make_assess(day: str, previous: dict[str, int] | None = None, **changes: Any) -> Path:
    answers = assess_answers(**changes)
    entry = save(
        assess_entry(CONTENT, FLOW, FLOW.sections, ASKS, answers, read(CONTENT, answers, previous), when=when(day))
    )
    assert entry.path is not None
    return entry.path


def make_vignette(day: str, name: str = "paula", **changes: Any) -> Path:
    v = CONTENT.vignette(name)
    asks = resolve(v.reflection, CONTENT)
    answers = {a.id: example(a) for a in asks}
    answers.update({k.replace("_", "-"): val for k, val in changes.items()})
    answers = check_all(asks, answers)
    entry = save(vignette_entry(CONTENT, v, asks, answers, when(day)))
    assert entry.path is not None
    return entry.path


def entry_id(path: Path) -> str:
    return path.stem


def private_answers(path: Path) -> int:
    """How many of an assessment's answers the content keeps private and that hold something:
    what an export without --include-private leaves out."""
    import frontmatter

    private = {a.id for a in ASKS if a.question.share == "private"}
    answers = frontmatter.load(str(path))["answers"]
    return sum(1 for key, value in answers.items() if key in private and not is_empty(value))
