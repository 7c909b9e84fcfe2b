from __future__ import annotations

from typing import Any

import pytest

from rct_workbook.model.content import Content, load_content
from rct_workbook.reading import CultureShare, band_for, describe_profile, read


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
    # 2.6 is an edge: it belongs to the band nearer the middle of the scale.
    assert r.band == "In the middle: leaning neither way"
    assert all(g.change is None for g in r.good_things)
    assert r.mean_change is None


BANDS = [
    "Many opposites of the five good things, for now",
    "Leaning toward disconnection, for now",
    "In the middle: leaning neither way",
    "Leaning toward connection, for now",
    "Many of the five good things, for now",
]


@pytest.mark.parametrize(
    ("mean", "band"),
    [
        (1.0, 0),
        (1.6, 0),
        (1.8, 1),  # an edge goes to the band nearer the middle...
        (2.0, 1),
        (2.4, 1),
        (2.6, 2),
        (3.0, 2),  # a first 3.0 leans neither way
        (3.4, 2),
        (3.6, 3),
        (4.0, 3),
        (4.2, 3),  # ...on both sides
        (4.4, 4),
        (5.0, 4),
    ],
)
def test_band_edges(content: Content, mean: float, band: int) -> None:
    assert band_for(content, mean)[0] == BANDS[band]


@pytest.mark.parametrize("mean", [1.0, 1.2, 1.8, 2.0, 2.2, 2.6, 2.8, 3.0])
def test_bands_are_symmetric(content: Content, mean: float) -> None:
    """The same distance below the middle reads as far as the same distance above it."""
    low = BANDS.index(band_for(content, mean)[0] or "")
    high = BANDS.index(band_for(content, 6.0 - mean)[0] or "")
    assert low == len(BANDS) - 1 - high


@pytest.mark.parametrize(
    ("values", "band"), [((1,) * 5, 0), ((2,) * 5, 1), ((3,) * 5, 2), ((4,) * 5, 3), ((5,) * 5, 4)]
)
def test_bands_cover_the_scale(content: Content, values: tuple[int, ...], band: int) -> None:
    assert read(content, ratings(*values)).band == BANDS[band]


def test_bands_never_speak_of_movement(content: Content) -> None:
    """A band names a position on one day: movement needs two assessments."""
    for band in content.the_continuum.bands:
        assert "movement" not in band.label.lower()
        assert "moving" not in band.label.lower()
        assert "movement" not in band.description.lower()


def test_movement_since_last(content: Content) -> None:
    previous = {"zest": 2, "empowerment": 2, "clarity": 4, "worth": 3}
    r = read(content, ratings(3, 2, 3, 3, 2), previous)
    assert [g.change for g in r.good_things] == [1, 0, -1, 0, None]
    assert r.mean_change == 0.0


def test_partial_ratings(content: Content) -> None:
    r = read(content, {"good-thing-zest": 4})
    assert r.mean == 4
    assert [g.rating for g in r.good_things][1:] == [None] * 4
    assert r.care is None


def test_no_practices_is_no_profile(content: Content) -> None:
    r = read(content, {})
    assert r.profile_summary == "No practices were ticked, so there is no culture profile this time."
    assert r.suggestions == ()
    assert [c.checked for c in r.profile] == [0, 0, 0]


def test_weak_signal_is_not_labelled(content: Content) -> None:
    r = read(content, {"practices": indicators(content, "survival", 1)})
    assert r.profile_summary == "A few survival features, too few to say more."
    assert r.suggestions == ()


def test_mostly_one_culture(content: Content) -> None:
    r = read(content, {"practices": indicators(content, "survival", 6)})
    assert r.profile_summary == "Mostly survival features."
    assert {s.culture for s in r.suggestions} == {"survival"}
    assert [s.text for s in r.suggestions] == list(content.cultures["survival"].opportunities)


def test_combination_led_by_clearly_more_ticks(content: Content) -> None:
    checked = indicators(content, "survival", 7) + indicators(content, "hierarchical", 3)
    r = read(content, {"practices": checked})
    assert r.profile_summary == "A combination of survival and hierarchical features, most of them survival."
    assert r.suggestions[0].culture == "survival"
    assert {s.culture for s in r.suggestions} == {"survival", "hierarchical"}


def test_even_combination_names_every_culture_present(content: Content) -> None:
    checked = indicators(content, "survival", 4) + indicators(content, "hierarchical", 4)
    assert read(content, {"practices": checked}).profile_summary == (
        "A combination of hierarchical and survival features."
    )


def test_list_length_does_not_decide_the_leader(content: Content) -> None:
    """Four ticks of eight are not more than four ticks of nine."""
    checked = indicators(content, "pseudo-relational", 4) + indicators(content, "hierarchical", 4)
    r = read(content, {"practices": checked})
    assert r.profile_summary == "A combination of hierarchical and pseudo-relational features."


def test_profile_shares(content: Content) -> None:
    r = read(content, {"practices": indicators(content, "pseudo-relational", 2)})
    pseudo = next(c for c in r.profile if c.id == "pseudo-relational")
    assert (pseudo.checked, pseudo.total) == (2, len(content.cultures["pseudo-relational"].indicators))
    assert pseudo.share == pytest.approx(2 / pseudo.total)


@pytest.mark.parametrize(
    ("shares", "expected"),
    [
        ([(0, 9), (0, 8), (0, 9)], "No practices were ticked, so there is no culture profile this time."),
        ([(1, 9), (1, 8), (0, 9)], "A few hierarchical and pseudo-relational features, too few to say more."),
        ([(3, 9), (0, 8), (0, 9)], "Mostly hierarchical features."),
        ([(3, 9), (1, 8), (1, 9)], "Mostly hierarchical features."),
        ([(9, 9), (0, 8), (3, 9)], "A combination of hierarchical and survival features, most of them hierarchical."),
        ([(4, 9), (0, 8), (2, 9)], "A combination of hierarchical and survival features, most of them hierarchical."),
        ([(3, 9), (0, 8), (2, 9)], "A combination of hierarchical and survival features."),
        ([(5, 9), (4, 8), (5, 9)], "A combination of hierarchical, survival and pseudo-relational features."),
        ([(2, 9), (2, 8), (2, 9)], "A combination of hierarchical, pseudo-relational and survival features."),
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


def step(risk: str, with_whom: str | None) -> dict[str, Any]:
    return {"what": "Raise it", "with-whom": with_whom, "by-when": "May", "risk": risk, "evidence": "It is heard"}


def test_steps_are_kept_as_given(content: Content) -> None:
    r = read(content, {"small-steps": [step("low", None), step("high", None), step("high", "Ana")]})
    assert [s.with_whom for s in r.steps] == [None, None, "Ana"]
    assert [s.risk for s in r.steps] == ["low", "high", "high"]


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
    assert data["present"] == ["survival"]
    assert data["change"] == {}
    assert data["care_note"] is False
    # Keys are only ever added: the first readings' keys are still there.
    assert {"warnings", "first_step", "suggestions", "profile_summary", "band"} <= set(data)
    assert data["warnings"] == [f"{x.because_line} {x.text}" for x in r.responses]
    assert data["rules"] == [r.rule for r in r.responses]
