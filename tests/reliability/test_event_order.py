"""Every event is stamped with the same precision, so a step dropped just after the
assessment that carried it ends dropped, not carried (it sorted first when stamped to the
second: 18:37:21 before 18:37:21.526)."""

from __future__ import annotations

import datetime as _dt
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

from tests.helpers import FilledAnswers, Run, rct_process
from tests.journal.helpers import entry_id, make_assess

STEP = {
    "what": "Propose a case talk",
    "with-whom": "A colleague",
    "by-when": "2026-02-01",
    "risk": "low",
    "evidence": "x",
}


def _status(steps_json: str, ident: str) -> str:
    return next(s["status"] for s in json.loads(steps_json) if s["id"] == ident)


def test_a_drop_in_the_same_second_as_the_carrying_assessment_ends_dropped(run: Run, rct_home: Path) -> None:
    from rct_workbook.journal.index import open_index
    from rct_workbook.journal.progress import set_status

    old = entry_id(make_assess("2026-01-01", small_steps=[STEP]))
    carrying = make_assess("2026-03-01", small_steps=[STEP])
    text = carrying.read_text(encoding="utf-8")
    created = next(line for line in text.splitlines() if line.startswith("created: "))
    text = text.replace(created, "created: '2026-03-01T10:00:00.526+01:00'", 1)
    text = text.replace(
        "\nanswers:", f"\nreview:\n- step: {old}.1\n  what: Propose a case talk\n  status: carried\nanswers:", 1
    )
    carrying.write_text(text, encoding="utf-8")
    assert _status(run("steps", "--json").stdout, f"{old}.1") == "carried"
    index, _ = open_index()
    try:
        # 0.9 s later, in the same second
        set_status(index, f"{old}.1", "dropped", None, _dt.datetime.fromisoformat("2026-03-01T10:00:01.426+01:00"))
        set_status(index, f"{old}.1", "dropped", None, _dt.datetime.fromisoformat("2026-03-01T10:00:00.900+01:00"))
    finally:
        index.close()
    stored = yaml.safe_load(make_text(rct_home, old).split("---\n")[1])["updates"]
    assert stored[-1]["date"] == "2026-03-01T10:00:00.900+01:00"  # to the millisecond, like created
    assert _status(run("steps", "--json").stdout, f"{old}.1") == "dropped"


def make_text(home: Path, ident: str) -> str:
    return (home / "journal" / f"{ident}.md").read_text(encoding="utf-8")


def test_assess_then_drop_at_once_ends_dropped(tmp_path: Path, filled_answers: FilledAnswers) -> None:
    """The reported race, with real processes one after the other as fast as they run."""
    base: dict[str, Any] = yaml.safe_load(filled_answers("assess"))
    for round_ in range(3):
        home = tmp_path / f"home{round_}"
        made = subprocess.run(
            [
                sys.executable,
                "-c",
                "from tests.journal.helpers import make_assess, entry_id;"
                f"print(entry_id(make_assess('2026-01-01', small_steps=[{STEP!r}])))",
            ],
            env={**os.environ, "RCT_HOME": str(home)},
            capture_output=True,
            text=True,
            check=True,
            timeout=180,
        )
        old = made.stdout.strip()
        answers = tmp_path / f"answers{round_}.yaml"
        answers.write_text(
            yaml.safe_dump({**base, "review": [{"step": f"{old}.1", "status": "carried"}]}, allow_unicode=True),
            encoding="utf-8",
        )
        saved = rct_process(home, "assess", "--answers", str(answers))
        assert saved.returncode == 0, saved.stderr
        dropped = rct_process(home, "steps", "drop", f"{old}.1")
        assert dropped.returncode == 0, dropped.stderr
        assert _status(rct_process(home, "steps", "--json").stdout, f"{old}.1") == "dropped"
