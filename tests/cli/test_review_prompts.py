""" "Since last time", the choice of setting and the next check-in, asked through pipe input."""

from __future__ import annotations

import datetime as _dt
import json
from pathlib import Path

import frontmatter
import yaml
from prompt_toolkit.input import PipeInput

from tests.flows import STEPS, after_section, full_run_keys, keys_of, question_steps
from tests.helpers import FilledAnswers, Run
from tests.journal.helpers import entry_id, make_assess
from tests.keys import CTRL_C, DOWN, ENTER, FINISH


def test_review_carries_a_step_into_the_plan(terminal: PipeInput, run: Run, rct_home: Path) -> None:
    ident = entry_id(
        make_assess(
            "2026-01-01",
            small_steps=[{"what": "Propose a case talk", "by-when": "2026-02-01", "risk": "low", "evidence": "x"}],
        )
    )
    keys = full_run_keys()
    head = keys_of(STEPS[: after_section("support")])  # "Since last time" comes after the support questions
    small_steps = keys_of(question_steps("small-steps"))
    review = DOWN + DOWN + ENTER + "Waiting for the new rota" + ENTER  # carried, with a note
    # With a step carried, the plan needs no new one: "Your small steps: add one?" No.
    keys = head + review + keys[len(head) :].replace(small_steps, "n")
    terminal.send_text(keys)
    result = run("assess")
    assert result.exit_code == 0, result.stderr
    out = " ".join(result.stdout.split())
    assert "Since last time" in out
    # The carried step is a row of the plan on screen, as in the entry: marked, not numbered anew.
    assert "Your plan of small steps" in out and "carried Propose a case talk — 2026-02-01 low x" in out
    in_four_weeks = _dt.date.today() + _dt.timedelta(days=28)
    assert f"Next check-in: {in_four_weeks.day} {in_four_weeks.strftime('%B %Y')}." in out
    newest = max((rct_home / "journal").glob("*.md"), key=lambda p: frontmatter.load(p)["created"])
    post = frontmatter.load(newest)
    assert post["review"] == [
        {"step": f"{ident}.1", "what": "Propose a case talk", "status": "carried", "note": "Waiting for the new rota"}
    ]
    assert post["answers"]["small-steps"] == []
    assert post["next_check_in"] == in_four_weeks.isoformat()
    assert post["setting"] == "main"
    steps = json.loads(run("steps", "--json").stdout)
    assert [(s["id"], s["status"], s["note"]) for s in steps] == [(f"{ident}.1", "carried", "Waiting for the new rota")]
    assert not list((rct_home / "drafts").glob("*.yaml"))


def test_with_several_settings_the_person_is_asked(
    terminal: PipeInput, run: Run, rct_home: Path, tmp_path: Path, filled_answers: FilledAnswers
) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(filled_answers("assess"))
    for setting in ("ward", "clinic"):
        assert run("assess", "--answers", str(path), "--setting", setting).exit_code == 0
    # "Another setting", then its name; Ctrl-C after the first answer keeps a draft for that setting.
    terminal.send_text(DOWN + DOWN + ENTER + "Outreach team" + ENTER + ENTER + "Ana" + FINISH + CTRL_C)
    result = run("assess")
    assert result.exit_code == 130
    draft = yaml.safe_load((rct_home / "drafts" / "assess.yaml").read_text())
    assert draft["setting"] == "Outreach team"
    assert draft["answers"]["support-people"] == "Ana"
    # Resuming with another setting named is refused, with the way on.
    result = run("assess", "--resume", "--setting", "ward")
    assert result.exit_code == 2
    assert result.stderr == (
        "rct: your unfinished assessment is about 'Outreach team'; continue it with --setting 'Outreach team',"
        " or start again without --resume\n"
    )
