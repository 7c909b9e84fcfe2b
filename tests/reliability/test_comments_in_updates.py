"""YAML comments a person wrote inside the `updates:` block are kept by `steps done`."""

from __future__ import annotations

from pathlib import Path

import yaml

from tests.helpers import Run
from tests.journal.helpers import entry_id, make_assess

STEPS = [
    {"what": what, "with-whom": "A nursing colleague", "by-when": "Next month", "risk": "low", "evidence": "We see it"}
    for what in ("Ask for the grand rounds slot", "Tell Ana what worked")
]

UPDATES = """\
updates:
# my own note about these updates
- step: 1  # the first try
  status: tried
  date: '2026-01-05T10:00:00.000+01:00'
  # asked in the corridor, not in the meeting
  note: Asked once
"""


def test_steps_done_keeps_comments_inside_updates(run: Run, rct_home: Path) -> None:
    path = make_assess("2026-01-01", small_steps=STEPS)
    text = path.read_text(encoding="utf-8")
    text = (
        text.replace("updates: []\n", UPDATES, 1)
        if "updates: []\n" in text
        else text.replace("---\n", "---\n" + UPDATES, 1)
    )
    path.write_text(text, encoding="utf-8")
    assert run("journal", "list").stderr == ""
    for args in (
        ["steps", "done", f"{entry_id(path)}.2", "--note", "It went well"],
        ["steps", "tried", f"{entry_id(path)}.1", "--note", "Asked twice"],
    ):
        result = run(*args)
        assert (result.exit_code, result.stderr) == (0, ""), result.output
    after = path.read_text(encoding="utf-8")
    for comment in (
        "# my own note about these updates",
        "# the first try",
        "# asked in the corridor, not in the meeting",
    ):
        assert comment in after, after
    front = yaml.safe_load(after.split("---\n")[1])
    assert [(u["step"], u["status"], u.get("note")) for u in front["updates"]] == [
        (1, "tried", "Asked twice"),
        (2, "done", "It went well"),
    ]
    assert run("journal", "list").stderr == ""
