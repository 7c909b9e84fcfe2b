"""The de-identification corpus: recall on identifiers, and how many decoys are kept.

The corpus (deid_corpus.yaml) was written before the detector was tuned. The test
prints its figures (run with -s to see them) and holds the detector to the aims:
at least 0.95 of names and 0.98 of contact details and record numbers found, and at
least 0.9 of decoys left alone.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.journal.deid_scoring import entries, measure, report

#: world_fresh3 was sealed and run once (detector at e8751aa): names 0.714, contact details and
#: records 0.900, look-alikes kept 0.898. Its misses were then read by category and the detector
#: changed for each category with made-up cases (tests/journal/test_deid_name_shapes.py, …);
#: seen since, it measures names 1.000, contacts and records 1.000, look-alikes kept 0.986, so it
#: is held to the aims like the others. Those are figures on a seen set, not held-out ones.
BENCH_SETS = sorted((Path(__file__).resolve().parents[2] / "bench" / "deid_sets").glob("*.yaml"))
#: Issue 21's multi-origin corpus: the part tuned on, and the part held out from all tuning.
WORLD = Path(__file__).with_name("deid_world.yaml")
WORLD_HELD_OUT = Path(__file__).with_name("deid_world_heldout.yaml")


@pytest.fixture(scope="module")
def result() -> dict[str, object]:
    r = measure()
    print("\n" + report(r))
    return r


def test_the_corpus_is_annotated() -> None:
    listed, answers = entries()[0]
    text, marks = answers[0]
    assert listed == ["Maya"]
    assert text.startswith("Keep Maya and the consultation group")
    assert [(m.kind, text[m.start : m.end]) for m in marks][:2] == [("n", "Maya"), ("decoy", "Two")]


def test_recall_on_names(result: dict[str, object]) -> None:
    rate, _, n = result["recall"]["names"]  # type: ignore[index]
    assert n >= 60
    assert rate >= 0.95, report(result)


def test_recall_on_contact_details_and_record_numbers(result: dict[str, object]) -> None:
    rate, _, n = result["recall"]["contacts and records"]  # type: ignore[index]
    assert n >= 20
    assert rate >= 0.98, report(result)


def test_recall_on_dates(result: dict[str, object]) -> None:
    rate, _, _ = result["recall"]["dates"]  # type: ignore[index]
    assert rate >= 0.98, report(result)


def test_decoys_kept(result: dict[str, object]) -> None:
    rate, _, n = result["decoys_kept"]  # type: ignore[misc]
    assert n >= 60
    assert rate >= 0.9, report(result)


@pytest.mark.parametrize("path", BENCH_SETS, ids=[p.stem for p in BENCH_SETS])
def test_the_benchmark_sets_are_annotated(path: Path) -> None:
    """bench/deid_measure.py reads these: each has marked names and decoys to score."""
    marks = [m.kind for _, answers in entries(path) for _, found in answers for m in found]
    assert marks.count("n") >= 10 and marks.count("decoy") >= 10


@pytest.fixture(scope="module")
def world() -> dict[str, object]:
    r = measure(WORLD)
    print("\nmulti-origin corpus, tuned on:\n" + report(r))
    return r


@pytest.fixture(scope="module")
def world_held_out() -> dict[str, object]:
    r = measure(WORLD_HELD_OUT)
    print("\nmulti-origin corpus, held out (never tuned on):\n" + report(r))
    return r


def test_the_multi_origin_corpus_meets_the_aims(world: dict[str, object]) -> None:
    recall = world["recall"]  # type: ignore[index]
    assert recall["names"][2] >= 50 and recall["names"][0] >= 0.95, report(world)  # type: ignore[index]
    assert recall["contacts and records"][0] >= 0.98, report(world)  # type: ignore[index]
    assert recall["places"][0] >= 0.9, report(world)  # type: ignore[index]
    assert world["decoys_kept"][0] >= 0.9, report(world)  # type: ignore[index]


def test_the_held_out_corpus_is_measured_apart(world_held_out: dict[str, object]) -> None:
    """Printed for the record; the floors sit below the measured figures so a change that
    loses ground fails, but the detector is never tuned to this file's misses."""
    recall = world_held_out["recall"]  # type: ignore[index]
    entries_ = entries(WORLD_HELD_OUT)
    assert len({tuple(listed) for listed, _ in entries_}) >= 2 and len(entries_) >= 30
    assert recall["names"][0] >= 0.9, report(world_held_out)  # type: ignore[index]
    assert recall["contacts and records"][0] >= 0.9, report(world_held_out)  # type: ignore[index]
    assert world_held_out["decoys_kept"][0] >= 0.85, report(world_held_out)  # type: ignore[index]


#: Sets below an aim: a strict expected failure each, with its figures, so a set that comes
#: to meet the aims must leave this list. world_fresh4 was written by a helper who read
#: neither the detector nor the earlier sets, sealed, and run once after the round that
#: brought world_fresh3 to the aims: names 0.869, contact details and records 0.950,
#: look-alikes kept 0.910 (places 0.238, dates 0.667). Its misses were then read by category
#: and general rules written for each (tests/journal/test_deid_abroad.py and the name, address
#: and look-alike tests); seen since, it measures names 0.984, contacts and records 1.000,
#: look-alikes kept 0.989 (places 0.952, dates 1.000): figures on a seen set, not held-out ones.
#: world_dev6 is a development set, written the same way and tuned on: before any change for
#: it, names 0.887, contact details and records 0.789, look-alikes kept 0.886 (places 0.129,
#: dates 0.655); now names 0.994, contacts and records 0.993, look-alikes kept 0.973 (places
#: 1.000, dates 0.966). world_fresh5, written blind and sealed, ran once after that round:
#: names 0.877, contacts and records 0.937, look-alikes kept 0.932 (places 0.818, dates
#: 0.512); its misses are in its header. Read by category and answered with general rules
#: (dates with no year after a date's words, addresses of more countries, names told by the
#: words around them, titles, particles and initials, bodies named after peoples and places,
#: months of other calendars), it now meets the aims: names 0.987, contacts and records 1.000,
#: look-alikes kept 0.958 (places 0.939, dates 0.930), figures on a seen set, not held-out ones.
#: world_fresh6, written blind and sealed, ran once after that round: names 0.881, contacts
#: and records 0.890, look-alikes kept 0.928 (places 0.581, dates 0.500).
BELOW_AIMS: set[str] = {"world_fresh6"}


@pytest.mark.parametrize(
    "path",
    [
        pytest.param(p, marks=pytest.mark.xfail(strict=True, reason="below the aims")) if p.stem in BELOW_AIMS else p
        for p in BENCH_SETS
    ],
    ids=[p.stem for p in BENCH_SETS],
)
def test_each_benchmark_set_meets_the_aims(path: Path) -> None:
    """Issue 21's aims on every set under bench/deid_sets (several were seen while the
    detector was changed, so this holds ground; only a sealed set says how it generalises):
    names 0.95, contact details and record numbers 0.98, look-alikes kept 0.90."""
    r = measure(path)
    recall = r["recall"]
    assert recall["names"][0] >= 0.95, report(r)  # type: ignore[index]
    if "contacts and records" in recall:  # type: ignore[operator]
        assert recall["contacts and records"][0] >= 0.98, report(r)  # type: ignore[index]
    assert r["decoys_kept"][0] >= 0.9, report(r)  # type: ignore[index]
