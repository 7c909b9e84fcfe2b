"""--json on journal show, the vignette list and the topic list: stable keys, as the README documents."""

from __future__ import annotations

import json
from pathlib import Path

from rct_workbook.model.content import load_content
from rct_workbook.render.views import TOPICS
from tests.helpers import Run
from tests.journal.helpers import entry_id, make_assess, make_vignette

ENTRY_KEYS = [
    "id",
    "created",
    "kind",
    "title",
    "vignette",
    "section",
    "content_version",
    "answers",
    "reading",
    "updates",
    "path",
    "setting",
    "review",
    "next_check_in",
]


def test_journal_show_json_of_a_vignette_reflection(run: Run, rct_home: Path) -> None:
    path = make_vignette("2026-03-12", "paula", small_steps=[{"what": "Ask to present one case"}])
    result = run("journal", "show", entry_id(path)[:15], "--json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert list(data) == ENTRY_KEYS
    assert data["id"] == entry_id(path)
    assert data["kind"] == "vignette"
    assert data["vignette"] == "paula"
    assert data["created"].startswith("2026-03-12T10:00:00")
    assert data["answers"]["small-steps"][0]["what"] == "Ask to present one case"
    assert data["path"] == str(path)


def test_journal_show_json_of_an_assessment_has_its_reading(run: Run, rct_home: Path) -> None:
    path = make_assess("2026-03-12")
    data = json.loads(run("journal", "show", entry_id(path), "--json").stdout)
    assert data["kind"] == "assess"
    assert data["vignette"] is None
    assert isinstance(data["reading"], dict)
    assert set(data["answers"]) >= {"role", "practices"}


def test_vignette_list_json() -> None:
    from typer.testing import CliRunner

    from rct_workbook.cli.app import app

    result = CliRunner().invoke(app, ["vignette", "--json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    content = load_content()
    assert [v["id"] for v in data] == list(content.vignettes)
    for listed, case in zip(data, content.vignettes.values(), strict=True):
        assert listed == {
            "id": case.id,
            "title": case.title,
            "protagonist": case.protagonist,
            "culture": case.culture,
            "setting": case.setting,
            "parts": len(case.parts),
        }


def test_learn_list_json(run: Run) -> None:
    result = run("learn", "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert [t["topic"] for t in data] == list(TOPICS)
    assert data[0] == {"topic": "framework", "title": TOPICS["framework"].title}


def test_json_with_a_name_is_refused(run: Run) -> None:
    result = run("learn", "cultures", "--json")
    assert (result.exit_code, result.stderr) == (2, "rct: --json lists the topics; leave out the TOPIC\n")
    result = run("vignette", "paula", "--json")
    assert (result.exit_code, result.stderr) == (2, "rct: --json lists the vignettes; leave out the NAME\n")


def test_readme_documents_every_json_output() -> None:
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## JSON output") :]
    section = section[: section.index("\n## ", 4)]
    for command in ("rct journal show ID --json", "rct vignette --json", "rct learn --json"):
        assert f"`{command}`" in section, command
    for key in ENTRY_KEYS:
        assert f"`{key}`" in section, key
