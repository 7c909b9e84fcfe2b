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


def test_digests_decoded_together_read_as_each_one_alone() -> None:
    from rct_workbook.journal.index import _digests_of

    good = ['{"ratings":{"zest":2},"steps":1,"done":[]}', '{"profile":{"survival":0.25},"steps":2,"done":[2]}']
    for texts in (
        good,
        [*good, None],
        [*good, "not json"],
        # One column holding two digests must not shift the others onto the wrong entries.
        ['{"steps":1},{"steps":2}', '{"steps":3}'],
        ["[1", "2]", '{"steps":3}'],
    ):
        assert _digests_of(texts) == [parse_digest(t) for t in texts]


def test_progress_counts_steps_by_the_numbers_the_index_keeps() -> None:
    """The index keeps each assessment's step numbers, so progress never decodes the steps;
    its counts agree with the full life of every step."""
    import frontmatter

    from rct_workbook.journal.progress import progress
    from rct_workbook.journal.steps import counts, step_life

    path = make_assess("2026-03-01")
    post = frontmatter.load(path)
    answers: Any = post["answers"]
    steps = answers["small-steps"]
    assert steps and all(isinstance(s, dict) for s in steps)
    post["updates"] = [{"step": 1, "status": "done", "date": "2026-03-05T10:00:00+00:00"}]
    path.write_text(frontmatter.dumps(post) + "\n", encoding="utf-8")
    later = make_assess("2026-04-01")

    index, refreshed = open_index()
    assert refreshed.skipped == ()
    digested = index.digests(kind="assess")
    assert [d.id for d in digested] == [entry_id(path), entry_id(later)]
    assert digested[0].numbers == tuple(range(1, len(steps) + 1))
    assert digested[0].updates == post["updates"]
    life = step_life(index.rows(kind="assess", fields="life"))
    (main,) = progress(index).settings
    assert main.steps == counts(life)
    assert (main.steps.done, main.steps.planned) == (1, len(steps) + len(digested[1].numbers))
    index.close()


@pytest.mark.parametrize(("text", "numbers"), [(None, ()), ("", ()), ("1", (1,)), ("1,3", (1, 3)), ("1,x", ())])
def test_step_numbers_read_from_the_index_column(text: str | None, numbers: tuple[int, ...]) -> None:
    from rct_workbook.journal.index import _numbers

    assert _numbers(text) == numbers


def test_an_index_of_the_schema_before_step_numbers_is_rebuilt_once_without_a_note() -> None:
    import sqlite3

    from rct_workbook.journal.index import SCHEMA_VERSION, index_path
    from rct_workbook.journal.progress import progress

    make_assess("2026-03-01")
    index, _ = open_index()
    expected = progress(index).to_dict()
    index.close()
    # As schema 9 left it: no step_numbers column.
    conn = sqlite3.connect(index_path())
    conn.execute("ALTER TABLE entries DROP COLUMN step_numbers")
    conn.execute("UPDATE meta SET value = '9' WHERE key = 'schema'")
    conn.commit()
    conn.close()

    index, refreshed = open_index()
    assert refreshed.notes == () and refreshed.skipped == ()
    assert progress(index).to_dict() == expected
    index.close()
    conn = sqlite3.connect(index_path())
    assert conn.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone() == (str(SCHEMA_VERSION),)
    assert conn.execute("SELECT step_numbers FROM entries").fetchall() == [("1",)]  # its one small step
    conn.close()
    index, refreshed = open_index()
    assert refreshed.notes == ()
    index.close()
