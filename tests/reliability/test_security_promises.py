"""SECURITY.md names a test for every promise, and every test it names exists."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _promise_rows() -> list[tuple[str, str]]:
    text = (ROOT / "SECURITY.md").read_text(encoding="utf-8")
    section = text.split("## Promises, and the tests that prove them", 1)[1].split("\n## ", 1)[0]
    rows = []
    for line in section.splitlines():
        if line.startswith("| ") and not line.startswith(("| Promise", "| ---")):
            promise, tests = line.strip("|").rsplit("|", 1)
            rows.append((promise.strip(), tests.strip()))
    return rows


def test_every_promise_names_a_test_that_exists() -> None:
    rows = _promise_rows()
    assert len(rows) > 30
    for promise, tests in rows:
        refs = re.findall(r"`([^`]+)`", tests)
        assert refs, f"no test named for: {promise}"
        current = None
        for ref in refs:
            if ref.startswith("tests/"):
                current, _, name = ref.partition("::")
            else:
                assert ref.startswith("::") and current is not None, ref
                name = ref[2:]
            path = ROOT / current
            assert path.exists(), f"{current} (for: {promise})"
            if path.is_file() and name:
                assert re.search(rf"^def {re.escape(name)}\(", path.read_text(encoding="utf-8"), re.M), (
                    f"{current}::{name} (for: {promise})"
                )
