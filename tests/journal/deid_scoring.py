"""Scoring a de-identification corpus: recall on identifiers and decoys kept.

Shared by tests/journal/test_deid_corpus.py (which holds the detector to its aims) and
bench/deid_measure.py (which prints the figures for the corpus and the sets under bench/).
A corpus is YAML: entries of ``listed`` names and ``text``, answers split at blank lines,
identifiers marked [[n:…]] (names), [[c:…]] (contacts), [[r:…]] (records), [[d:…]]
(dates), [[p:…]] (wards, units, clinics, programmes) and decoys {{…}}.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from rct_workbook.journal.deidentify import Span, locate

CORPUS = Path(__file__).with_name("deid_corpus.yaml")
_MARK = re.compile(r"\[\[([ncrdp]):(.+?)\]\]|\{\{(.+?)\}\}")
GROUPS = {"n": "names", "c": "contacts and records", "r": "contacts and records", "d": "dates", "p": "places"}
#: The authors the paper cites, as sharing.py passes them from content/references.yaml.
AUTHORS = ["Hartling", "Sparks", "Miller", "Jordan", "Walker", "Rosen", "Surrey", "Stiver", "Kaplan", "Fletcher"]


@dataclass(frozen=True)
class Marked:
    start: int
    end: int
    kind: str  # n c r d, or "decoy"
    text: str


def parse(annotated: str) -> tuple[str, list[Marked]]:
    out, marks, pos = [], [], 0
    length = 0
    for m in _MARK.finditer(annotated):
        plain = annotated[pos : m.start()]
        out.append(plain)
        length += len(plain)
        value = m.group(2) if m.group(1) else m.group(3)
        marks.append(Marked(length, length + len(value), m.group(1) or "decoy", value))
        out.append(value)
        length += len(value)
        pos = m.end()
    out.append(annotated[pos:])
    return "".join(out), marks


def entries(corpus: Path = CORPUS) -> list[tuple[list[str], list[tuple[str, list[Marked]]]]]:
    data = yaml.safe_load(corpus.read_text(encoding="utf-8"))
    result = []
    for entry in data["entries"]:
        answers = [a.strip() for a in entry["text"].split("\n\n") if a.strip()]
        result.append((entry.get("listed") or [], [parse(a) for a in answers]))
    return result


def covered(mark: Marked, spans: list[Span]) -> bool:
    """Every character of the identifier (bar spaces) is inside a found span."""
    return all(
        any(s.start <= i < s.end for s in spans)
        for i in range(mark.start, mark.end)
        if not mark.text[i - mark.start].isspace()
    )


def touched(mark: Marked, spans: list[Span]) -> bool:
    return any(s.start < mark.end and mark.start < s.end for s in spans)


def measure(corpus: Path = CORPUS) -> dict[str, object]:
    hits: dict[str, list[int]] = {}
    decoys = [0, 0]
    false_flags: list[str] = []
    missed: list[str] = []
    flagged_decoys: list[str] = []
    for listed, answers in entries(corpus):
        texts = [t for t, _ in answers]
        located = locate(texts, listed, region="GB", not_names=AUTHORS)
        for (text, marks), spans in zip(answers, located, strict=True):
            for mark in marks:
                if mark.kind == "decoy":
                    decoys[1] += 1
                    if touched(mark, spans):
                        flagged_decoys.append(mark.text)
                    else:
                        decoys[0] += 1
                    continue
                group = GROUPS[mark.kind]
                tally = hits.setdefault(group, [0, 0])
                tally[1] += 1
                if covered(mark, spans):
                    tally[0] += 1
                else:
                    missed.append(f"{mark.kind}: {mark.text}")
            for s in spans:
                if not any(m.kind != "decoy" and s.start < m.end and m.start < s.end for m in marks):
                    false_flags.append(f"{s.kind}: {text[s.start : s.end]}")
    return {
        "recall": {g: (h / n, h, n) for g, (h, n) in hits.items()},
        "decoys_kept": (decoys[0] / decoys[1], decoys[0], decoys[1]),
        "missed": missed,
        "flagged_decoys": flagged_decoys,
        "false_flags": false_flags,
    }


def report(result: dict[str, object]) -> str:
    lines = ["de-identification corpus:"]
    for group, (rate, h, n) in result["recall"].items():  # type: ignore[attr-defined]
        lines.append(f"  recall, {group}: {rate:.3f} ({h} of {n})")
    rate, kept, total = result["decoys_kept"]  # type: ignore[misc]
    lines.append(f"  decoys kept: {rate:.3f} ({kept} of {total})")
    lines.append(f"  other flags on unannotated words: {len(result['false_flags'])}")  # type: ignore[arg-type]
    for key in ("missed", "flagged_decoys", "false_flags"):
        if result[key]:
            lines.append(f"  {key.replace('_', ' ')}: " + "; ".join(result[key]))  # type: ignore[arg-type]
    return "\n".join(lines)
