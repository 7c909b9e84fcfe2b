"""Print the de-identification figures for the test corpus and the sets in bench/deid_sets/.

Usage: python bench/deid_measure.py [SET.yaml ...]

With no arguments: tests/journal/deid_corpus.yaml (the one the tests hold to the aims),
the multi-origin corpus of issue 21 (deid_world.yaml, tuned on, and deid_world_heldout.yaml,
never tuned on), then every bench/deid_sets/*.yaml (see each file's header for how far it
is held out).
Recall on names, contact details and record numbers, dates; decoys kept; what was missed
and what was flagged that should not be. Nothing is asserted here.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.journal.deid_scoring import CORPUS, measure, report  # noqa: E402 - after the path is set


def main() -> None:
    world = [CORPUS.with_name("deid_world.yaml"), CORPUS.with_name("deid_world_heldout.yaml")]
    sets = [Path(a) for a in sys.argv[1:]] or [CORPUS, *world, *sorted((ROOT / "bench" / "deid_sets").glob("*.yaml"))]
    for path in sets:
        print(f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
        print(report(measure(path)))
        print()


if __name__ == "__main__":
    main()
