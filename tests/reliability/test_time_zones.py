"""Entries are ordered by the instant they were made, whatever time zone each was made in,
and movement is measured against the assessment before it in time."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import yaml

from tests.helpers import FilledAnswers, Run


@pytest.fixture
def zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[str], None]]:
    def set_zone(name: str) -> None:
        monkeypatch.setenv("TZ", name)
        time.tzset()

    yield set_zone
    monkeypatch.undo()
    time.tzset()


def test_saves_across_time_zones_keep_their_order(
    run: Run, zone: Callable[[str], None], tmp_path: Path, rct_home: Path, filled_answers: FilledAnswers
) -> None:
    answers = tmp_path / "answers.yaml"
    saved = []
    # Etc/GMT-14 is UTC+14 and Etc/GMT+12 is UTC−12 (POSIX signs are reversed).
    for tz, zest in (("Etc/GMT-14", 1), ("Etc/GMT+12", 3), ("UTC", 1)):
        zone(tz)
        answers.write_text(
            yaml.safe_dump({**yaml.safe_load(filled_answers("assess")), "good-thing-zest": zest}), encoding="utf-8"
        )
        result = run("assess", "--answers", str(answers))
        assert result.exit_code == 0, result.output
        saved.append(result.stdout.rsplit("Saved your assessment: ", 1)[1].splitlines()[0].strip())
    zone("UTC")
    third = yaml.safe_load(Path(saved[2]).read_text(encoding="utf-8").split("---\n")[1])
    assert third["reading"]["change"]["zest"] == -2  # against the second save (3), not the first (1)
    listed = json.loads(run("journal", "list", "--json").stdout)
    assert [Path(e["path"]).name for e in listed] == [Path(p).name for p in reversed(saved)]
    progress = json.loads(run("progress", "--json").stdout)
    assert [p["ratings"]["zest"] for p in progress["settings"][0]["assessments"]] == [1, 3, 1]
