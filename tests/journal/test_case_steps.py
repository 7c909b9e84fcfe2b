"""A small step planned in the reflection on a case reaches `rct steps`, marked with the case (issue 24).

The step is the person's own: the answers here are a person's, and the case is named
only by the vignette the reflection was on.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import frontmatter
import pytest
import yaml

from rct_workbook.model.content import load_content
from tests.helpers import FilledAnswers, Run
from tests.journal.helpers import entry_id, make_assess, make_vignette

STEP = {"what": "Ask for ten minutes at the team meeting", "with-whom": "Dana", "by-when": "2027-02-10"}
#: An assessment's step asks two things more.
PLANNED = {**STEP, "risk": "low", "evidence": "We get the slot"}


def steps_json(run: Run, *args: str) -> list[dict[str, Any]]:
    result = run("steps", "--json", *args)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def reflect(run: Run, tmp_path: Path, filled_answers: FilledAnswers, case: str, steps: list[dict[str, Any]]) -> str:
    """Reflect on ``case`` from an answers file that plans ``steps``; the new entry's id."""
    answers = yaml.safe_load(filled_answers("vignette", case))
    answers["small-steps"] = steps
    path = tmp_path / f"{case}.yaml"
    path.write_text(yaml.safe_dump(answers, sort_keys=False))
    result = run("vignette", case, "--answers", str(path))
    assert result.exit_code == 0, result.stderr
    (saved,) = [line for line in result.stdout.splitlines() if line.startswith("Saved your reflection: ")]
    return Path(saved.split(": ", 1)[1]).stem


def test_a_step_from_a_case_is_listed_with_the_case_and_can_be_marked(
    run: Run, rct_home: Path, tmp_path: Path, filled_answers: FilledAnswers
) -> None:
    ident = reflect(run, tmp_path, filled_answers, "paula", [STEP])
    step_id = f"{ident}.1"

    listed = run("steps")
    assert listed.exit_code == 0, listed.stderr
    protagonist = load_content().vignette("paula").protagonist
    assert f"{step_id}  open, 0 days, from the {protagonist} case" in listed.stdout
    assert f"{STEP['what']} (with {STEP['with-whom']})" in listed.stdout

    (item,) = steps_json(run)
    assert item == {
        "id": step_id,
        "entry": ident,
        "setting": None,
        "case": "paula",
        "what": STEP["what"],
        "with": STEP["with-whom"],
        "by": STEP["by-when"],
        "risk": None,
        "status": "open",
        "note": None,
        "history": [],
    }

    done = run("steps", "done", step_id, "--note", "Got the ten minutes")
    assert (done.exit_code, done.stdout) == (0, f"Marked done: {STEP['what']}\n")
    (item,) = steps_json(run)
    assert (item["case"], item["status"], item["note"]) == ("paula", "done", "Got the ten minutes")
    assert [e["status"] for e in item["history"]] == ["done"]
    # Recorded in the reflection's own file: its updates and a line under Updates.
    post = frontmatter.load(str(next((rct_home / "journal").glob(f"{ident}.md"))))
    assert [(u["step"], u["status"], u["note"]) for u in post["updates"]] == [(1, "done", "Got the ten minutes")]
    assert "small step 1 done" in post.content
    assert post["answers"]["small-steps"] == [STEP]

    tried = run("steps", "tried", step_id, "--note", "Next month instead")
    assert tried.exit_code == 0, tried.stderr
    assert [s["status"] for s in steps_json(run, "--status", "tried")] == ["tried"]
    assert steps_json(run, "--open") == []


def test_saving_the_reflection_names_the_step_to_mark(
    run: Run, rct_home: Path, tmp_path: Path, filled_answers: FilledAnswers
) -> None:
    answers = yaml.safe_load(filled_answers("vignette", "paula"))
    answers["small-steps"] = [{"what": "Bring one case to supervision"}]
    path = tmp_path / "a.yaml"
    path.write_text(yaml.safe_dump(answers))
    result = run("vignette", "paula", "--answers", str(path))
    assert result.exit_code == 0, result.stderr
    ident = next((rct_home / "journal").glob("*.md")).stem
    assert f"Your small step is listed in rct steps; when it is done: rct steps done {ident}.1\n" in result.stdout


def test_an_optional_step_left_out_plans_nothing(
    run: Run, rct_home: Path, tmp_path: Path, filled_answers: FilledAnswers
) -> None:
    """Agnes's step is optional: a reflection without one adds no step and says none."""
    case = next(
        v
        for v in load_content().vignettes.values()
        if any(q.id == "small-steps" and not q.min_items for q in v.reflection)
    )
    answers = yaml.safe_load(filled_answers("vignette", case.id))
    answers["small-steps"] = []
    path = tmp_path / "a.yaml"
    path.write_text(yaml.safe_dump(answers))
    result = run("vignette", case.id, "--answers", str(path))
    assert result.exit_code == 0, result.stderr
    assert "rct steps" not in result.stdout
    assert steps_json(run) == []
    assert run("steps").stdout.startswith("No small steps yet.")


def test_case_steps_stand_beside_a_settings_steps_and_out_of_its_progress(
    run: Run, rct_home: Path, tmp_path: Path, filled_answers: FilledAnswers
) -> None:
    from rct_workbook.journal.entry import save
    from rct_workbook.journal.reflection import assess_entry
    from rct_workbook.reading import read
    from tests.journal.helpers import ASKS, CONTENT, FLOW, assess_answers, when

    answers = assess_answers(small_steps=[{**PLANNED, "what": "Ward step"}])
    reading = read(CONTENT, answers)
    assessed = save(
        assess_entry(CONTENT, FLOW, FLOW.sections, ASKS, answers, reading, when=when("2026-03-05"), setting="ward")
    ).id
    ident = reflect(run, tmp_path, filled_answers, "paula", [STEP])
    both = steps_json(run)
    assert [(s["id"], s["setting"], s["case"]) for s in both] == [
        (f"{assessed}.1", "ward", None),
        (f"{ident}.1", None, "paula"),
    ]
    # --setting is about a workplace: a case's step has none.
    assert [s["id"] for s in steps_json(run, "--setting", "ward")] == [f"{assessed}.1"]
    progress = json.loads(run("progress", "--json").stdout)
    assert [(p["setting"], p["steps"]["planned"]) for p in progress["settings"]] == [("ward", 1)]


def test_the_tally_agrees_with_the_life_of_the_steps(run: Run, rct_home: Path) -> None:
    from rct_workbook.journal.index import open_index
    from rct_workbook.journal.steps import counts, step_life, tally

    make_assess("2026-03-05", small_steps=[PLANNED, {**PLANNED, "what": "Second"}])
    make_vignette("2026-03-06", "paula", small_steps=[STEP])
    vignette = entry_id(make_vignette("2026-03-07", "paula", small_steps=[STEP]))
    assert run("steps", "drop", f"{vignette}.1").exit_code == 0
    index, _ = open_index()
    rows = index.rows(fields="life")
    life = step_life(rows)
    assert {s.setting for s in life} == {"main", None}
    assert tally(rows) == {s: counts([i for i in life if i.setting == s]) for s in ("main", None)}
    assert tally(rows)[None].dropped == 1


def test_a_dated_step_from_a_case_is_in_the_calendar(run: Run, rct_home: Path, tmp_path: Path) -> None:
    make_vignette("2026-03-06", "paula", small_steps=[{"what": "Ask for ten minutes", "by-when": "2099-02-10"}])
    out = tmp_path / "steps.ics"
    result = run("steps", "--ics", str(out))
    assert result.exit_code == 0, result.stderr
    text = out.read_bytes().decode().replace("\r\n ", "")
    assert "SUMMARY:Small step: Ask for ten minutes" in text
    assert "DTSTART;VALUE=DATE:20990210" in text
    assert "From the case paula." in text


# --- encrypted -----------------------------------------------------------------------------------

PASSPHRASE = "harbour lantern quietly 17"
MARKER = "Wombatmarker"


@pytest.fixture
def passphrase_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "passphrase"
    path.write_text(PASSPHRASE + "\n")
    path.chmod(0o600)
    monkeypatch.setenv("RCT_PASSPHRASE_FILE", str(path))
    return path


def in_clear(home: Path) -> list[Path]:
    return [p for p in home.rglob("*") if p.is_file() and MARKER.encode() in p.read_bytes()]


def test_an_encrypted_case_step_is_listed_and_marked_from_its_file(
    run: Run, rct_home: Path, passphrase_file: Path
) -> None:
    ident = entry_id(make_vignette("2026-03-06", "paula", small_steps=[{"what": f"Ask {MARKER} for ten minutes"}]))
    assert run("journal", "encrypt").exit_code == 0
    assert in_clear(rct_home) == []

    listed = run("steps")
    assert listed.exit_code == 0, listed.stderr
    assert f"{ident}.1  open" in listed.stdout and "from the Paula case" in listed.stdout
    assert f"Ask {MARKER} for ten minutes" in listed.stdout
    done = run("steps", "done", f"{ident}.1", "--note", f"{MARKER} said yes")
    assert done.exit_code == 0, done.stderr
    (item,) = steps_json(run)
    assert (item["case"], item["status"], item["note"]) == ("paula", "done", f"{MARKER} said yes")
    assert in_clear(rct_home) == []


def test_a_reflection_saved_before_the_step_was_a_list_keeps_its_answer(run: Run, rct_home: Path) -> None:
    """Paula's step was once one line of text (first-small-step): that answer is still shown
    and exported, under its id, though it is no step `rct steps` can mark."""
    path = make_vignette("2026-03-06", "paula")
    post = frontmatter.load(str(path))
    answers = dict(post["answers"])
    del answers["small-steps"]
    post["answers"] = {**answers, "first-small-step": "Bring one case to the team"}
    post["shares"] = {**{k: v for k, v in post["shares"].items() if k != "small-steps"}, "first-small-step": "group"}
    path.write_text(frontmatter.dumps(post) + "\n")
    ident = entry_id(path)
    shown = run("journal", "show", ident)
    assert shown.exit_code == 0, shown.stderr
    assert "first-small-step\nBring one case to the team" in shown.stdout
    exported = run("journal", "export", ident, "--keep-flagged", "--out", "-")
    assert exported.exit_code == 0, exported.stderr
    assert "### first-small-step\n\nBring one case to the team\n" in exported.stdout
    assert steps_json(run) == []
