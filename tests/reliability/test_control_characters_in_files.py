"""Control characters typed into a value never reach a file raw: ESC and BEL in a step, in
--members or in --topic are not written into a calendar's SUMMARY, and a line break in
--topic cannot break the rota's Markdown."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import Run
from tests.journal.helpers import make_assess

HOSTILE = "\x1b]0;owned\x07\x1b[31mred\x9b2J\u202e"


def _unfolded(ics: str) -> str:
    return ics.replace("\r\n ", "")  # iCalendar folds long lines


def test_the_rota_and_its_calendar_hold_no_control_characters(run: Run, tmp_path: Path) -> None:
    out, ics = tmp_path / "rota.md", tmp_path / "rota.ics"
    result = run(
        "group", "rota",
        "--members", f"Ana{HOSTILE},Bo\x07",
        "--topic", f"Hand-offs{HOSTILE}\nat night\n\n# not a heading",
        "--meetings", "3",
        "--start", "2026-03-02",
        "--out", str(out),
        "--ics", str(ics),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    for path in (out, ics):
        data = path.read_text(encoding="utf-8")
        assert not any(ch in data for ch in "\x1b\x07\x9b\u202e"), path.name
    markdown = out.read_text(encoding="utf-8")
    (about,) = [line for line in markdown.splitlines() if line.startswith("Who raises the practice")]
    assert "Hand-offs" in about and "at night \\# not a heading" in about
    assert "\n# not a heading" not in markdown
    calendar = _unfolded(ics.read_text(encoding="utf-8"))
    summaries = [line for line in calendar.splitlines() if line.startswith("SUMMARY:")]
    assert len(summaries) == 3
    assert all("\\n" not in s for s in summaries)
    assert summaries[0].startswith("SUMMARY:Collaborative complaining: Ana ]0")


def test_a_steps_calendar_holds_no_control_characters(run: Run, tmp_path: Path) -> None:
    step = {
        "what": f"Ask for the slot{HOSTILE}",
        "with-whom": "A colleague",
        "by-when": "2026-05-01",
        "risk": "low",
        "evidence": "x",
    }
    make_assess("2026-04-01", small_steps=[step])
    ics = tmp_path / "steps.ics"
    result = run("steps", "--ics", str(ics))
    assert result.exit_code == 0, result.output
    calendar = _unfolded(ics.read_text(encoding="utf-8"))
    assert not any(ch in calendar for ch in "\x1b\x07\x9b\u202e")
    assert "SUMMARY:Small step: Ask for the slot ]0\\;owned [31mred 2J" in calendar
