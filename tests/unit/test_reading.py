from __future__ import annotations

from typing import Any

import pytest

from rct_workbook.model.content import Content, load_content
from rct_workbook.reading import CultureShare, describe_profile, read


@pytest.fixture(scope="module")
def content() -> Content:
    return load_content()


def ratings(*values: int) -> dict[str, int]:
    ids = ["zest", "empowerment", "clarity", "worth", "connection"]
    return {f"good-thing-{i}": v for i, v in zip(ids, values, strict=True)}


def indicators(content: Content, culture: str, n: int) -> list[str]:
    return [p.id for p in content.cultures[culture].indicators[:n]]


def test_mean_band_and_no_change_without_history(content: Content) -> None:
    r = read(content, ratings(3, 2, 3, 3, 2))
    assert [g.rating for g in r.good_things] == [3, 2, 3, 3, 2]
    assert r.mean == pytest.approx(2.6)
    assert r.band == content.the_continuum.bands[1].label
    assert all(g.change is None for g in r.good_things)
    assert r.mean_change is None


@pytest.mark.parametrize(
    ("values", "band"), [((1,) * 5, 0), ((2,) * 5, 0), ((3,) * 5, 1), ((4,) * 5, 2), ((5,) * 5, 3)]
)
def test_bands_cover_the_scale(content: Content, values: tuple[int, ...], band: int) -> None:
    assert read(content, ratings(*values)).band == content.the_continuum.bands[band].label


def test_movement_since_last(content: Content) -> None:
    previous = {"zest": 2, "empowerment": 2, "clarity": 4, "worth": 3}
    r = read(content, ratings(3, 2, 3, 3, 2), previous)
    assert [g.change for g in r.good_things] == [1, 0, -1, 0, None]
    assert r.mean_change == 0.0


def test_partial_ratings(content: Content) -> None:
    r = read(content, {"good-thing-zest": 4})
    assert r.mean == 4
    assert [g.rating for g in r.good_things][1:] == [None] * 4
    assert not any("rated low" in w for w in r.warnings)


def test_no_practices_is_no_clear_pattern(content: Content) -> None:
    r = read(content, {})
    assert r.profile_summary == "No clear pattern: no practices were ticked."
    assert r.suggestions == ()
    assert [c.checked for c in r.profile] == [0, 0, 0]


def test_weak_signal_is_not_labelled(content: Content) -> None:
    r = read(content, {"practices": indicators(content, "survival", 1)})
    assert r.profile_summary == "No clear pattern yet: a few survival features, too few to say more."
    assert r.suggestions == ()


def test_mostly_one_culture(content: Content) -> None:
    r = read(content, {"practices": indicators(content, "survival", 6)})
    assert r.profile_summary == "Mostly survival features."
    assert {s.culture for s in r.suggestions} == {"survival"}
    assert [s.text for s in r.suggestions] == list(content.cultures["survival"].opportunities)


def test_mostly_survival_with_hierarchical_features(content: Content) -> None:
    checked = indicators(content, "survival", 7) + indicators(content, "hierarchical", 3)
    r = read(content, {"practices": checked})
    assert r.profile_summary == "Mostly survival, with hierarchical features."
    assert r.suggestions[0].culture == "survival"
    assert {s.culture for s in r.suggestions} == {"survival", "hierarchical"}


def test_even_mixture(content: Content) -> None:
    checked = indicators(content, "survival", 4) + indicators(content, "hierarchical", 4)
    assert read(content, {"practices": checked}).profile_summary.startswith("A mixture of ")


def test_profile_shares(content: Content) -> None:
    r = read(content, {"practices": indicators(content, "pseudo-relational", 2)})
    pseudo = next(c for c in r.profile if c.id == "pseudo-relational")
    assert (pseudo.checked, pseudo.total) == (2, len(content.cultures["pseudo-relational"].indicators))
    assert pseudo.share == pytest.approx(2 / pseudo.total)


@pytest.mark.parametrize(
    ("shares", "expected"),
    [
        ([(0, 9), (0, 8), (0, 9)], "No clear pattern: no practices were ticked."),
        (
            [(1, 9), (1, 8), (0, 9)],
            "No clear pattern yet: a few pseudo-relational and hierarchical features, too few to say more.",
        ),
        ([(3, 9), (0, 8), (0, 9)], "Some hierarchical features."),
        ([(9, 9), (0, 8), (3, 9)], "Mostly hierarchical, with survival features."),
        ([(5, 9), (4, 8), (5, 9)], "A mixture of hierarchical, survival and pseudo-relational features."),
    ],
)
def test_describe_profile(shares: list[tuple[int, int]], expected: str) -> None:
    names = [
        ("hierarchical", "Hierarchical culture"),
        ("pseudo-relational", "Pseudo-relational culture"),
        ("survival", "Survival culture"),
    ]
    profile = [CultureShare(i, n, c, t) for (i, n), (c, t) in zip(names, shares, strict=True)]
    assert describe_profile(profile) == expected


def test_no_support_comes_first_with_networking(content: Content) -> None:
    r = read(content, {"support-in-place": False})
    assert r.warnings[0].startswith("No system of support is in place yet.")
    assert r.first_step is not None and r.first_step.startswith("Networking (Fletcher, 1999)")
    assert read(content, {"support-in-place": True}).first_step is None


def step(risk: str, with_whom: str | None) -> dict[str, Any]:
    return {"what": "Raise it", "with-whom": with_whom, "by-when": "May", "risk": risk, "evidence": "It is heard"}


def test_high_risk_step_without_ally(content: Content) -> None:
    r = read(content, {"small-steps": [step("low", None), step("high", None), step("high", "Ana")]})
    flagged = [w for w in r.warnings if "high-risk" in w]
    assert flagged == [
        "Small step 2 is high-risk and names no ally. Consider who could take it with you, "
        "or a smaller step that tests the waters first."
    ]
    assert [s.with_whom for s in r.steps] == [None, None, "Ana"]


@pytest.mark.parametrize(("values", "warned"), [((1, 2, 2, 1, 2), True), ((2, 2, 2, 2, 3), False)])
def test_every_good_thing_low_is_met_gently(content: Content, values: tuple[int, ...], warned: bool) -> None:
    r = read(content, ratings(*values))
    assert any(w.startswith("Every good thing is rated low.") for w in r.warnings) is warned


def test_to_dict_is_plain_data(content: Content) -> None:
    import yaml

    r = read(
        content,
        {
            **ratings(3, 3, 3, 3, 3),
            "practices": indicators(content, "survival", 3),
            "connecting": ["conn-peer-support"],
        },
    )
    data = r.to_dict()
    assert yaml.safe_load(yaml.safe_dump(data)) == data
    assert data["mean"] == 3.0
    assert data["good_things"] == {"zest": 3, "empowerment": 3, "clarity": 3, "worth": 3, "connection": 3}
    assert data["profile"]["survival"] == {"checked": 3, "total": len(content.cultures["survival"].indicators)}
    assert data["suggestions"] == ["survival"]
    assert data["change"] == {}
