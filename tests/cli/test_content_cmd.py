from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.helpers import VIGNETTE, Run, Tree


def test_validate_builtin(run: Run) -> None:
    from rct_workbook.model.stamps import builtin_content_dir

    result = run("content", "validate", str(builtin_content_dir()))
    assert result.exit_code == 0
    assert result.stdout.endswith(": valid\n")


def test_validate_lists_every_problem(run: Run, tree: Tree) -> None:
    folder = tree({"a.yaml": VIGNETTE.replace("culture: survival", "culture: nowhere"), "b.yaml": "kind: [\n"})
    result = run("content", "validate", str(folder))
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert lines[0] == f"rct: {folder} has 2 problems"
    assert lines[1].startswith(f"  {folder / 'a.yaml'}:5: culture: unknown culture 'nowhere'")
    assert lines[2].startswith(f"  {folder / 'b.yaml'}:")
    assert "Traceback" not in result.output


def test_content_option_and_env_add_a_pack(run: Run, tree: Tree, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tree({"dana.yaml": VIGNETTE})
    out = run("--content", str(folder), "vignette").stdout
    assert "dana" in out and "paula" in out
    monkeypatch.setenv("RCT_CONTENT", str(folder))
    result = run("vignette", "dana", "--no-reflect")
    assert result.exit_code == 0
    assert "Dana: a test case" in result.stdout


def test_bad_pack_stops_every_command_with_exit_2(run: Run, tree: Tree) -> None:
    folder = tree({"dana.yaml": VIGNETTE.replace("outcome: It went on.", "outcome: no")})
    result = run("--content", str(folder), "learn", "framework")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines()[0] == "rct: the content has 1 problem"
    assert "outcome: expected text, but YAML read a yes/no value (false); put it in quotes" in result.stderr


def test_content_list_shows_origin(run: Run, tree: Tree) -> None:
    folder = tree({"dana.yaml": VIGNETTE})
    out = run("--content", str(folder), "content", "list").stdout
    row = next(line for line in out.splitlines() if " dana " in f" {line} ")
    assert "dana.yaml" in row
    builtin = next(line for line in out.splitlines() if line.startswith("vignette") and "paula" in line)
    assert "built-in" in builtin


def test_missing_pack(run: Run, tmp_path: Path) -> None:
    result = run("--content", str(tmp_path / "nope"), "vignette")
    assert result.exit_code == 2
    assert f"{tmp_path / 'nope'}: is not a folder" in result.stderr


def test_validate_names_the_rule_a_renamed_question_breaks(run: Run, tree: Tree) -> None:
    from rct_workbook.model.stamps import builtin_content_dir

    flow = (builtin_content_dir() / "flows" / "assess.yaml").read_text(encoding="utf-8")
    folder = tree({"assess.yaml": flow.replace("id: kept-out\n", "id: held-back\n")})
    result = run("content", "validate", str(folder))
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    # The rule tests the question and quotes it: both are named.
    assert lines[0] == f"rct: {folder} has 2 problems"
    renamed = yaml.safe_load(folder.joinpath("assess.yaml").read_text(encoding="utf-8"))
    ids = sorted(q["id"] for section in renamed["sections"] for q in section["questions"])
    known = f"(known: {', '.join(ids[:8])}, …)"  # the first eight, as a hint
    assert lines[1].endswith(
        "readings/name.yaml:26: items[2].when.question: reading rule 'kept-out-of-relationship' names unknown "
        f"question 'kept-out' {known} in the 'assess' flow"
    )
    assert lines[2].endswith(
        f"readings/name.yaml:28: items[2].quote[0]: reading rule 'kept-out-of-relationship' quotes unknown "
        f"question 'kept-out' {known}"
    )


def test_a_rule_in_a_pack_with_an_unknown_choice_is_named(run: Run, tree: Tree) -> None:
    rule = (
        "kind: readings\nitems:\n  - id: nettworking\n    part: oppose\n"
        "    when: {question: strategies, ticked: [netwrking]}\n"
        "    because: 'You chose networking'\n    response: 'Find allies.'\n    cite: ['Fletcher, 1999']\n"
    )
    folder = tree({"rules.yaml": rule})
    result = run("content", "validate", str(folder))
    assert result.exit_code == 2
    assert result.stderr.splitlines()[1] == (
        f"  {folder / 'rules.yaml'}:5: items[0].when.ticked[0]: reading rule 'nettworking' ticks unknown "
        "choice 'netwrking'; did you mean 'networking'? of 'strategies'"
    )
