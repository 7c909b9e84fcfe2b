"""`rct group agenda` and `rct workshop profile` read a forged export in linear time."""

from __future__ import annotations

import time
from pathlib import Path

from rct_workbook.group import parse_export
from rct_workbook.journal.export import EXPORT_MARK
from tests.helpers import Run

_LAST = '<!-- rct-entry {"kind": "assess", "title": "The one real entry"} -->\n'


def _forged(lines: int) -> str:
    """``lines`` unclosed entry starts, then one closed summary at the very end: each start
    once searched to the end of the file for its "} -->"."""
    return EXPORT_MARK + "\n" + "<!-- rct-entry {\n" * lines + _LAST


def _cpu_seconds(text: str) -> float:
    """The least CPU time of a few parses (CPU time, so a busy machine does not count)."""
    best = float("inf")
    for _ in range(5):
        began = time.process_time()
        export = parse_export("member", text)
        best = min(best, time.process_time() - began)
        assert [e.title for e in export.entries] == ["The one real entry"]
    return best


def test_unclosed_entry_starts_are_read_in_linear_time() -> None:
    """Four times the lines take about four times as long (below 6x); quadratic was 16x."""
    small, large = _forged(10_000), _forged(40_000)
    _cpu_seconds(small)  # warm up: pydantic's first validation builds its schema
    ratio = _cpu_seconds(large) / max(_cpu_seconds(small), 1e-6)
    assert ratio < 6, f"40k lines took {ratio:.1f}x as long as 10k lines"


def test_a_forged_export_still_gives_its_one_real_entry(run: Run, tmp_path: Path) -> None:
    forged = tmp_path / "forged.md"
    forged.write_text(_forged(160_000), encoding="utf-8")
    result = run("group", "agenda", str(forged))
    assert result.exit_code == 0, result.output
    assert "### The one real entry" in result.stdout
