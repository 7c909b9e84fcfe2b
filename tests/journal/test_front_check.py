"""The front-matter check (journal/validate.py, with the models in journal/front_models.py):
entries rct writes pass with the values the reader takes; a wrong shape is refused with one
message naming the key; nothing else ever escapes it."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rct_workbook.journal.store import front_data, split_front_matter
from rct_workbook.journal.validate import Checked, InvalidFront, check_front
from tests.journal.helpers import make_assess, make_vignette

BASE: dict[str, Any] = {
    "format": 1,
    "id": "20260301-100000-assess-1a2b",
    "kind": "assess",
    "created": "2026-03-01T10:00:00",
    "answers": {"role": "Staff psychologist"},
}


def _refusal(front: dict[str, Any]) -> str:
    with pytest.raises(InvalidFront) as raised:
        check_front(front)
    return str(raised.value)


def test_entries_rct_writes_pass_with_what_the_reader_takes(rct_home: Path) -> None:
    paths = [
        make_assess("2026-03-01"),
        make_assess("2026-04-01", previous={"zest": 2}),
        make_vignette("2026-03-02", "paula"),
        make_vignette("2026-03-03", "agnes"),
    ]
    for path in paths:
        front = front_data(split_front_matter(path.read_text(encoding="utf-8"))[0])
        checked = check_front(front)
        assert (checked.id, checked.kind, checked.vignette) == (front["id"], front["kind"], front.get("vignette"))
        assert checked.has_reading is (front.get("reading") is not None)


def test_a_hand_typed_time_and_keys_rct_does_not_own_are_read() -> None:
    checked = check_front({**BASE, "created": _dt.datetime(2026, 3, 1, 10, 0), "tags": ["rct"], "title": None})
    assert checked == Checked(
        id=BASE["id"],
        kind="assess",
        created="2026-03-01T10:00:00",
        title="",
        content_version="",
        vignette=None,
        section=None,
        has_reading=False,
        shares=None,
    )


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"format": True}, "format should be integer"),
        ({"id": 5}, "id should be string"),
        ({"reading": {"mean": False}}, "reading.mean should be integer"),
        ({"answers": {"a": [None]}}, "answers.a should be text, a number, yes or no, or a list of them"),
        ({"answers": {"small-steps": 3}}, "answers.small-steps should be a list of steps"),
        ({"answers": {"small-steps": [{"what": ["Ask"]}]}}, "answers.small-steps[1].what should be string"),
        ({"answers": {_dt.date(2026, 3, 1): "x"}}, "answers: the key 2026-03-01 is not text"),
        ({"shares": {"role": "everyone"}}, "shares.role should be 'group' or 'private'"),
        ({"updates": [{"step": 1, "status": "done"}]}, "updates[1].date is missing"),
    ],
)
def test_a_wrong_shape_is_refused_naming_the_key(change: dict[str, Any], message: str) -> None:
    assert _refusal({**BASE, **change}).startswith(message)


def test_yes_or_no_is_not_a_number() -> None:
    assert _refusal({**BASE, "reading": {"good_things": {"zest": True}}}).startswith("reading.good_things.zest ")


VALUES = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(-3, 3),
        st.floats(allow_nan=False),
        st.text(max_size=5),
        st.just(_dt.date(2026, 3, 1)),
    ),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.one_of(st.text(max_size=8), st.integers()), inner),
    max_leaves=8,
)
KEYS = st.sampled_from(["title", "reading", "updates", "review", "shares", "answers", "next_check_in", "id", "tags"])


@given(st.dictionaries(KEYS, VALUES, max_size=4))
def test_any_front_is_read_or_refused_with_one_line(change: dict[str, Any]) -> None:
    try:
        check_front({**BASE, **change})
    except InvalidFront as exc:
        assert str(exc) and "\n" not in str(exc)
