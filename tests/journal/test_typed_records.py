"""The stored reading, the index digest and listings are read by one parser each (issue 14)."""

from __future__ import annotations

from typing import Any

import pytest

from rct_workbook.journal.entry import StoredReading, parse_reading
from rct_workbook.journal.index import Digested, Listing, Row, open_index, parse_digest
from tests.journal.helpers import entry_id, make_assess, make_vignette


def test_a_stored_reading_parses_to_ratings_previous_profile_and_mean() -> None:
    stored = {
        "good_things": {"zest": 2, "worth": 4, "clarity": None, "connection": True},
        "change": {"zest": -1, "worth": 2, "clarity": 1},
        "mean": 3,
        "care_note": True,
        "profile": {"hierarchical": {"checked": 3, "total": 9}, "survival": {"checked": 0, "total": 0}},
    }
    assert parse_reading(stored) == StoredReading(
        ratings={"zest": 2, "worth": 4},
        previous={"zest": 3, "worth": 2},
        profile={"hierarchical": 0.333},
        mean=3.0,
        care_note=True,
    )


@pytest.mark.parametrize(
    "stored",
    [None, {}, {"good_things": [1, 2], "change": "x", "profile": [], "mean": True}, {"profile": {"a": "x"}}],
)
def test_a_missing_or_hand_broken_reading_reads_as_nothing_recorded(stored: Any) -> None:
    assert parse_reading(stored) == StoredReading(ratings={}, previous={}, profile={}, mean=None)


def test_a_digest_column_of_the_wrong_shape_reads_as_empty() -> None:
    empty = {"ratings": {}, "profile": {}, "steps": 0, "done": []}
    assert parse_digest(None) == empty
    assert parse_digest("not json") == empty
    assert parse_digest("[1]") == empty
    assert parse_digest('{"ratings":{"zest":"2","worth":3},"profile":{"x":1},"steps":"2","done":[1,"2"]}') == {
        "ratings": {"worth": 3},
        "profile": {"x": 1.0},
        "steps": 0,
        "done": [1],
    }


def test_digests_are_typed_records_and_a_listing_is_its_own_type() -> None:
    first = make_assess("2026-03-01")
    make_vignette("2026-03-02")
    index, _ = open_index()
    (digested,) = index.digests(kind="assess")
    assert isinstance(digested, Digested)
    assert digested.id == entry_id(first)
    assert digested.setting == "main"
    assert set(digested.ratings) == {"zest", "empowerment", "clarity", "worth", "connection"}
    assert digested.mean is not None
    assert index.latest_ratings() == digested.ratings

    listed = index.rows(fields="listing")
    assert [type(r) for r in listed] == [Listing, Listing]
    assert not hasattr(listed[0], "answers")
    assert [r.kind for r in listed] == ["vignette", "assess"]
    assert listed[1].mean == digested.mean
    assert listed[1].path == first
    full = index.rows()
    assert [type(r) for r in full] == [Row, Row]
    assert full[1].answers
