from __future__ import annotations

import dataclasses
import itertools
from pathlib import Path

import pytest

from rct_workbook.errors import ContentError
from rct_workbook.model.content import load_content, validate_pack
from rct_workbook.model.safe_yaml import read_yaml_file
from rct_workbook.model.schema import KINDS
from rct_workbook.model.stamps import builtin_content_dir
from tests.helpers import VIGNETTE, Tree

SHIPPED = sorted(builtin_content_dir().rglob("*.yaml"))


def test_content_is_found() -> None:
    assert len(SHIPPED) >= 15


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: str(p.relative_to(builtin_content_dir())))
def test_every_shipped_file_validates(path: Path) -> None:
    data = read_yaml_file(path).data
    KINDS[data["kind"]].file_model.from_data(data)


def test_whole_content_loads_and_covers_the_paper() -> None:
    c = load_content()
    assert [s.name for s in c.steps.values()] == ["Read it", "Name it", "Oppose it", "Replace it"]
    assert list(c.good_things) == ["zest", "empowerment", "clarity", "worth", "connection"]
    assert set(c.cultures) == {"hierarchical", "pseudo-relational", "survival"}
    # The paper's four cases; a case from elsewhere (its first citation says so) may join them.
    assert {v.id for v in c.vignettes.values() if c.from_the_paper(v)} == {"paula", "susan", "agnes", "clinic"}
    assert {"naming", "norming", "negotiating", "networking"} <= {
        x.id for x in c.strategies.values() if x.family == "fletcher"
    }
    assert {"collaborative-complaining", "one-true-thing", "small-steps"} <= set(c.strategies)
    assert {"support-first", "visionary-pragmatist", "sustaining-oneself", "central-relational-paradox"} <= set(
        c.concepts
    )
    assert {o.quality for o in c.opposition.values()} == {"healthy", "unhealthy"}
    assert len(c.glossary) >= 15
    # The clinic case is not typed as a culture in the paper.
    assert {v.culture for v in c.vignettes.values()} == {"hierarchical", "pseudo-relational", "survival", None}
    bands = c.the_continuum.bands
    assert bands[0].min == 1.0 and bands[-1].max == 5.0
    assert all(a.max == b.min for a, b in itertools.pairwise(bands))


def test_every_item_is_cited() -> None:
    c = load_content()
    for group in (c.steps, c.concepts, c.good_things, c.strategies, c.opposition, c.glossary, c.cultures, c.vignettes):
        for item in group.values():
            assert item.cite, item.id


def test_vignette_facts_from_the_paper() -> None:
    c = load_content()
    text = {k: str(dataclasses.asdict(v)) for k, v in c.vignettes.items()}
    for fact in ("West Side Institute", "Chicago", "Dr. Jones", "Grand Rounds", "recidivism"):
        assert fact in text["paula"]
    for fact in ("liberal arts", "Midwest", "culture of niceness", "task force"):
        assert fact in text["susan"]
    for fact in ("Heights", "Philadelphia", "five years", "peer supervision group", "social action group"):
        assert fact in text["agnes"]
    for fact in ("substance abuse treatment", "surveillance", "strategies of survival"):
        assert fact in text["clinic"]
    assert c.vignettes["clinic"].care_note


def pack_problem(tree: Tree, files: dict[str, str | bytes]) -> list[str]:
    return [str(p) for p in validate_pack(tree(files))]


def test_valid_pack_adds_and_overrides(tree: Tree) -> None:
    paula = VIGNETTE.replace("id: dana", "id: paula").replace("Dana: a test case", "Paula, retold")
    folder = tree({"dana.yaml": VIGNETTE, "sub/paula.yaml": paula})
    assert validate_pack(folder) == []
    c = load_content([folder])
    assert c.vignettes["dana"].protagonist == "Dana"
    assert c.vignettes["paula"].title == "Paula, retold"
    assert c.origins[("vignette", "paula")].pack == str(folder) or c.origins[("vignette", "paula")].pack.endswith(
        "pack"
    )


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            ("culture: survival", "culture: survivle"),
            "dana.yaml:5: culture: unknown culture 'survivle'; did you mean 'survival'?",
        ),
        (
            ("{strategy: networking", "{strategy: netwerking"),
            "dana.yaml:11: strategies[0].strategy: unknown strategy 'netwerking'; did you mean 'networking'?",
        ),
        (
            ("steps: {read: She read it.}", "steps: {reed: She read it.}"),
            "dana.yaml:10: steps.reed: unknown step 'reed'; did you mean 'read'?",
        ),
        (("protagonist: Dana\n", ""), "dana.yaml:1: protagonist: missing"),
        (
            ("outcome: It went on.", "outcome: no"),
            "dana.yaml:12: outcome: expected text, but YAML read a yes/no value (false); put it in quotes",
        ),
        (
            ("outcome: It went on.", "outcome: 1.10"),
            "dana.yaml:12: outcome: expected text, but YAML read a number (1.1); put it in quotes",
        ),
        (
            ("outcome: It went on.", "outcome: 12:30"),
            "dana.yaml:12: outcome: expected text, but YAML read a number (750); put it in quotes",
        ),
        (
            ("outcome: It went on.", "outcome: 2002-01-01"),
            "dana.yaml:12: outcome: expected text, but YAML read a date (2002-01-01); put it in quotes",
        ),
        (
            ("outcome: It went on.", "outcome: null"),
            "dana.yaml:12: outcome: expected text, but YAML read nothing (null); put it in quotes",
        ),
        (("outcome: It went on.", "outcome: It went on.\nmood: calm"), "dana.yaml:13: mood: unknown key"),
        (
            ('cite: ["Hartling & Sparks, 2002"]', 'cite: ["Hartling, 2003"]'),
            "dana.yaml:18: cite[0]: unknown reference 'Hartling, 2003'",
        ),
        (("type: long_text", "type: essay"), "dana.yaml:16: reflection[0].type: 'essay' is not one of"),
        (("id: dana", "id: ../dana"), "dana.yaml:2: id: '../dana' is not a valid id"),
    ],
)
def test_bad_content_named_with_file_line_and_path(tree: Tree, change: tuple[str, str], expected: str) -> None:
    problems = pack_problem(tree, {"dana.yaml": VIGNETTE.replace(*change)})
    assert any(expected in p for p in problems), problems


def test_duplicate_id_in_one_pack(tree: Tree) -> None:
    problems = pack_problem(tree, {"a.yaml": VIGNETTE, "b.yaml": VIGNETTE})
    assert len(problems) == 1
    assert "b.yaml:2: id: duplicate vignette id 'dana' (also at " in problems[0]
    assert "a.yaml:2)" in problems[0]


def test_every_problem_is_listed(tree: Tree) -> None:
    bad = VIGNETTE.replace("culture: survival", "culture: nowhere").replace("outcome: It went on.", "outcome: yes")
    problems = pack_problem(tree, {"dana.yaml": bad, "junk.yaml": "- just\n- a list\n", "kind.yaml": "kind: poem\n"})
    text = "\n".join(problems)
    assert "outcome: expected text" in text
    assert "junk.yaml:1: expected a mapping with a 'kind', but the file holds a list" in text
    assert "kind.yaml:1: kind: 'poem' is not a known kind" in text


def test_load_content_raises_one_error_with_details(tree: Tree) -> None:
    folder = tree({"dana.yaml": VIGNETTE.replace("culture: survival", "culture: nowhere")})
    with pytest.raises(ContentError) as info:
        load_content([folder])
    assert info.value.exit_code == 2
    assert info.value.message == "the content has 1 problem"
    assert "culture: unknown culture 'nowhere'" in info.value.details[0]


def test_python_tag_in_pack_runs_nothing(tree: Tree, tmp_path: Path) -> None:
    sentinel = tmp_path / "ran"
    problems = pack_problem(tree, {"evil.yaml": f"kind: !!python/object/apply:os.system ['touch {sentinel}']\n"})
    assert not sentinel.exists()
    assert "evil.yaml:1: the tag tag:yaml.org,2002:python/object/apply:os.system is not allowed" in problems[0]


def test_missing_pack_folder(tmp_path: Path) -> None:
    problems = [str(p) for p in validate_pack(tmp_path / "nowhere")]
    assert problems == [f"{tmp_path / 'nowhere'}: is not a folder"]
