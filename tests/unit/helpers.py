"""Answers for the reading and packs of one reading rule, shared by the reading-rule tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rct_workbook.model.content import validate_pack
from tests.helpers import build_tree

GOOD = ["zest", "empowerment", "clarity", "worth", "connection"]


def ratings(*values: int) -> dict[str, int]:
    """The five good things' answers, rated in the order of GOOD."""
    return {f"good-thing-{g}": v for g, v in zip(GOOD, values, strict=True)}


def step(risk: str, with_whom: str | None) -> dict[str, Any]:
    """One small step of the plan."""
    return {"what": "Raise it", "with-whom": with_whom, "by-when": "May", "risk": risk, "evidence": "Heard"}


#: A calm, complete baseline: no rule about empty answers fires, no care signal.
CALM: dict[str, Any] = {
    "wellbeing": 4,
    "support-people": "My peer group",
    "support-in-place": True,
    **ratings(3, 3, 3, 3, 3),
    "allies": "Two colleagues",
    "one-true-thing": "We never talk about the cases that go badly.",
    "sustain": "My peer group, and one afternoon a week kept free.",
    "small-steps": [step("low", "Bo")],
}


def distress() -> dict[str, Any]:
    """All ratings at 1, no support, powerlessness and rage, "some days I don't see the point"."""
    return {
        "wellbeing": 1,
        "support-in-place": False,
        **ratings(1, 1, 1, 1, 1),
        "unhealthy": ["powerlessness-and-rage"],
        "strategies": ["naming", "negotiating"],
        "practices": ["hier-questioning-punished", "hier-top-down-information", "hier-surveillance"],
        "one-true-thing": None,
        "sustain": "Some days I don't see the point.",
        "small-steps": [step("high", None)],
    }


def rule_problems(root: Path, rule: str, part: str = "read") -> list[str]:
    """What validating a pack (under ``root``) of one reading rule ``x`` says: ``rule`` is the
    rule's YAML after its part; a plain because and response are added where it has none."""
    text = f"kind: readings\nitems:\n  - id: x\n    part: {part}\n    " + rule + "\n"
    if "because:" not in rule:
        text += "    because: 'You said so'\n"
    if "response:" not in rule:
        text += "    response: 'A response.'\n"
    text += "    cite: ['Hartling & Sparks, 2002']\n"
    pack = build_tree(root / "pack", {"rules.yaml": text})
    return [str(p) for p in validate_pack(pack)]
