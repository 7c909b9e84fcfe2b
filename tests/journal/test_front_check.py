"""The quick front-matter check (journal/validate.py) against the models it stands in for
(journal/front_models.py): what it passes, the models pass, with the same values; what it
does not pass, the models decide, with the message they always gave."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from rct_workbook.journal.store import front_data, split_front_matter
from rct_workbook.journal.validate import Checked, InvalidFront, by_models, certainly_fine, check_front, normalised
from tests.helpers import python_says
from tests.journal.helpers import make_assess, make_vignette

# Values of every kind a YAML front matter can hold, right and wrong for each key.
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 3),
    st.floats(-2, 6, allow_nan=False),
    st.sampled_from(["", "x", "group", "private", "done", "2026-03-01"]),
)
LEAVES = st.one_of(
    SCALARS,
    st.just(_dt.date(2026, 3, 1)),
    st.just(_dt.datetime(2026, 3, 1, 10, 0)),
)
TEXT_KEYS = st.sampled_from(
    ["what", "with-whom", "with_whom", "by-when", "by_when", "risk", "note", "checked", "total", "good_things", "a"]
)
VALUES = st.recursive(
    LEAVES,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(st.one_of(TEXT_KEYS, st.integers(0, 2)), inner, max_size=3),
    ),
    max_leaves=8,
)


def _valid_front() -> st.SearchStrategy[dict[str, Any]]:
    step = st.fixed_dictionaries(
        {"what": st.just("Ask for a meeting")},
        optional={"with-whom": st.sampled_from(["Dana", None]), "by-when": st.just("Friday"), "extra": SCALARS},
    )
    reading = st.fixed_dictionaries(
        {},
        optional={
            "good_things": st.dictionaries(st.sampled_from(["zest", "worth"]), st.one_of(st.none(), st.integers(1, 5))),
            "change": st.dictionaries(st.sampled_from(["zest"]), st.integers(-4, 4)),
            "mean": st.one_of(st.none(), st.integers(1, 5), st.floats(1, 5)),
            "band": st.sampled_from(["mixed", None]),
            "profile": st.dictionaries(
                st.sampled_from(["hierarchical"]), st.fixed_dictionaries({"checked": st.just(2), "total": st.just(5)})
            ),
            "suggestions": st.lists(st.just("Name it")),
            "other": VALUES,
        },
    )
    return st.fixed_dictionaries(
        {
            "format": st.just(1),
            "id": st.just("20260301-100000-assess-1a2b"),
            "kind": st.sampled_from(["assess", "vignette"]),
            "created": st.just("2026-03-01T10:00:00+01:00"),
            "answers": st.fixed_dictionaries(
                {"role": st.just("Staff psychologist")},
                optional={
                    "small-steps": st.lists(step, max_size=2),
                    "scale": st.integers(1, 5),
                    "many": st.lists(st.just("x")),
                },
            ),
        },
        optional={
            "title": st.sampled_from(["A title", None]),
            "content_version": st.just("1"),
            "reading": st.one_of(st.none(), reading),
            "updates": st.lists(
                st.fixed_dictionaries({"step": st.just(1), "status": st.just("done"), "date": st.just("2026-03-02")})
            ),
            "shares": st.one_of(st.none(), st.dictionaries(st.just("role"), st.sampled_from(["group", "private"]))),
            "review": st.lists(st.fixed_dictionaries({"step": st.just("s1"), "status": st.just("done")})),
            "next_check_in": st.sampled_from(["2026-04-01", _dt.date(2026, 4, 1), None]),
            "tags": VALUES,
        },
    )


def _spoil(front: dict[str, Any], data: st.DataObject) -> dict[str, Any]:
    """``front`` with one value somewhere in it replaced by anything at all."""
    spoiled: Any = front
    path = []
    while isinstance(spoiled, (dict, list)) and spoiled and data.draw(st.booleans()):
        key = data.draw(st.sampled_from(list(spoiled.keys()) if isinstance(spoiled, dict) else range(len(spoiled))))
        path.append(key)
        spoiled = spoiled[key]
    if not path:
        return front
    target: Any = front
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = data.draw(VALUES)
    return front


def _verdict(check: Any, front: dict[str, Any]) -> Checked | str:
    try:
        return check(front)  # type: ignore[no-any-return]
    except InvalidFront as exc:
        return f"refused: {exc}"


@given(front=_valid_front(), data=st.data())
def test_what_the_quick_check_passes_the_models_pass_the_same(front: dict[str, Any], data: st.DataObject) -> None:
    front = _spoil(front, data)
    try:
        ready = normalised(front)
    except InvalidFront:
        return  # refused before either check (an answer keyed by a number or date)
    by_the_models = _verdict(by_models, ready)
    if certainly_fine(ready):
        assert isinstance(by_the_models, Checked), by_the_models
    assert _verdict(check_front, front) == by_the_models


@given(front=_valid_front())
def test_a_well_formed_front_needs_no_models(front: dict[str, Any]) -> None:
    assert certainly_fine(front)


def test_entries_rct_writes_pass_the_quick_check() -> None:
    paths = [
        make_assess("2026-03-01"),
        make_assess("2026-04-01", previous={"zest": 2}),
        make_vignette("2026-03-02", "paula"),
        make_vignette("2026-03-03", "agnes"),
    ]
    for path in paths:
        front = front_data(split_front_matter(path.read_text(encoding="utf-8"))[0])
        assert certainly_fine(front), path.name


def test_bool_is_not_a_number_and_subclasses_ask_the_models() -> None:
    base: dict[str, Any] = {
        "format": 1,
        "id": "x",
        "kind": "assess",
        "created": "2026-03-01T10:00:00",
        "answers": {"a": 1},
    }
    assert certainly_fine(base)
    assert not certainly_fine({**base, "format": True})

    class Text(str):
        pass

    assert not certainly_fine({**base, "id": Text("x")})
    assert not certainly_fine({**base, "reading": {"mean": False}})
    assert not certainly_fine({**base, "answers": {"a": [None]}})  # a list answer holds no blanks
    assert certainly_fine({**base, "answers": {"a": None}})


def test_reading_a_journal_imports_no_pydantic(rct_home: Path) -> None:
    make_assess("2026-03-01")
    make_vignette("2026-03-02")
    said = python_says(
        "import sys",
        "from rct_workbook.journal.store import entry_files, read_entry",
        "entries = [read_entry(p) for p in entry_files()]",
        "print(len(entries), 'pydantic' in sys.modules)",
    )
    assert said.split() == ["2", "False"]
