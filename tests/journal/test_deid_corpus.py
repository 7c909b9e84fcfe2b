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

BENCH_SETS = sorted((Path(__file__).resolve().parents[2] / "bench" / "deid_sets").glob("*.yaml"))


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
