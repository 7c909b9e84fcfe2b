"""Realistic people, each an answers file run through `rct assess --answers`.

Each persona is an answers file (tests/personas/NAME.answers.yaml, which `rct assess
--answers` takes as it is) and its expectations (NAME.expect.yaml): the reading rules that
must and must not speak, whether the care note must open the reading, and phrases that
must and must not appear on screen. Together they show that the reading listens: two people get
visibly different readings.
"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import frontmatter
import pytest
import yaml

from tests.helpers import Run

HERE = Path(__file__).parent
PERSONAS = sorted(p.name.removesuffix(".answers.yaml") for p in HERE.glob("*.answers.yaml"))


def load(path: Path) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def words(text: str) -> str:
    return " ".join(text.split())


def assess(run: Run, rct_home: Path, name: str) -> tuple[str, frontmatter.Post]:
    result = run("--plain", "assess", "--answers", str(HERE / f"{name}.answers.yaml"))
    assert result.exit_code == 0, result.stderr
    saved = sorted((rct_home / "journal").glob("*.md"))
    assert len(saved) == 1
    return words(result.stdout), frontmatter.load(saved[0])


def test_there_are_at_least_six_people() -> None:
    assert len(PERSONAS) >= 6


@pytest.mark.parametrize("name", PERSONAS)
def test_persona(run: Run, rct_home: Path, name: str) -> None:
    persona = load(HERE / f"{name}.expect.yaml")
    out, entry = assess(run, rct_home, name)
    fired = entry["reading"]["rules"]
    assert set(persona["must_fire"]) <= set(fired), set(persona["must_fire"]) - set(fired)
    assert not set(persona["must_not_fire"]) & set(fired), set(persona["must_not_fire"]) & set(fired)
    assert entry["reading"]["care_note"] is persona["care_note"]
    for phrase in persona["must_say"]:
        assert words(phrase) in out, phrase
    for phrase in persona["must_not_say"]:
        assert words(phrase) not in out, phrase
    # A first assessment never speaks of movement.
    assert entry["reading"]["mean_change"] is None
    assert "Since last" not in out and "Since your last" not in out
    assert "| Change |" not in entry.content
    # Every response says why it appears, on screen and in the entry.
    body = words(entry.content)
    assert out.count(", so:") >= len(fired)
    assert body.count(", so:*") >= len(fired)
    if persona["care_note"]:
        assert out.index("First, you") < out.index("The five good things")
        assert body.index("## First, you") < body.index("## Support first")
    else:
        assert "First, you" not in out and "First, you" not in body


def test_two_people_get_visibly_different_readings(run: Run, rct_home: Path) -> None:
    readings: dict[str, tuple[set[str], set[str]]] = {}
    for name in PERSONAS:
        for old in (rct_home / "journal").glob("*.md") if (rct_home / "journal").exists() else []:
            old.unlink()
        _, entry = assess(run, rct_home, name)
        because = {line for line in entry.content.splitlines() if line.endswith(", so:*")}
        readings[name] = (set(entry["reading"]["rules"]), because)
    for (a, (rules_a, why_a)), (b, (rules_b, why_b)) in itertools.combinations(readings.items(), 2):
        shared = len(rules_a & rules_b) / len(rules_a | rules_b)
        assert shared <= 0.5, (a, b, rules_a & rules_b)
        assert why_a != why_b, (a, b)
