"""The registry of content kinds (schema.KINDS) is the one place a kind is declared."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from rct_workbook.model import schema as s
from rct_workbook.model.content import Content, load_content
from rct_workbook.model.stamps import builtin_content_dir

NOT_KINDS = {"origins", "packs"}


def test_every_kind_has_its_content_field_and_every_field_its_kind() -> None:
    fields = {f.name: f for f in dataclasses.fields(Content)}
    attrs = {k.attr for k in s.KINDS.values()}
    assert attrs == set(fields) - NOT_KINDS
    for kind in s.KINDS.values():
        expected = f"s.{kind.model.__name__}" if kind.name == "meta" else f"dict[str, s.{kind.model.__name__}]"
        assert fields[kind.attr].type == expected, kind.name


def test_a_collection_file_model_takes_kind_and_items_and_refuses_the_wrong_kind() -> None:
    from pydantic import ValidationError

    model = s.KINDS["glossary"].file_model
    assert model is s.KINDS["glossary"].file_model  # made once
    parsed = model.from_data(
        {"kind": "glossary", "items": [{"id": "zest", "term": "Zest", "definition": "x", "cite": ["Miller, 1986"]}]}
    )
    assert parsed.items[0].term == "Zest"  # type: ignore[attr-defined]
    with pytest.raises(ValidationError):
        model.from_data({"kind": "concepts", "items": []})
    assert s.KINDS["flow"].file_model is s.Flow


def test_every_choice_source_gives_the_items_of_its_kind_in_content_order() -> None:
    content = load_content()
    assert set(s.CHOICE_SOURCES) == {
        "culture_indicators",
        "connecting_practices",
        "strategies",
        "fletcher_strategies",
        "unhealthy_opposition",
        "cultures",
        "steps",
        "good_things",
    }
    assert [c.value for c in content.choices_for("good_things")] == list(content.good_things)
    assert [c.label for c in content.choices_for("cultures")] == [c.name for c in content.cultures.values()]
    fletcher = [c.value for c in content.choices_for("fletcher_strategies")]
    assert fletcher and fletcher == [x.id for x in content.strategies.values() if x.family == "fletcher"]
    assert len(fletcher) < len(content.choices_for("strategies"))


def test_an_unknown_kind_names_the_known_ones(tmp_path: Path) -> None:
    from rct_workbook.model.content import validate_pack

    (tmp_path / "x.yaml").write_text("kind: gloss\nitems: []\n")
    [problem] = validate_pack(tmp_path)
    assert problem.path == "kind"
    assert problem.message == f"'gloss' is not a known kind ({', '.join(s.KINDS)})"
    assert builtin_content_dir().is_dir()


def test_the_content_holds_the_good_things_progress_shows_in_the_same_order() -> None:
    assert list(load_content().good_things) == list(s.GOOD_THINGS)


def test_a_pack_with_another_good_thing_is_refused_naming_the_five(tmp_path: Path) -> None:
    from rct_workbook.model.content import validate_pack

    (tmp_path / "good.yaml").write_text(
        "kind: good_things\nitems:\n  - id: joy\n    name: Joy\n    description: d\n"
        "    opposite_name: o\n    opposite: o\n    cite: ['Miller, 1986']\n"
    )
    messages = [p.message for p in validate_pack(tmp_path)]
    assert messages == [
        "the five good things are needed, no more and no fewer: zest, empowerment, clarity, worth, connection"
    ]
