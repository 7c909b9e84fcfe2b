"""rct workshop profile: counts only, at least five people, small cells merged or
suppressed, and never a participant's own words."""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rct_workbook.class_profile import MIN_CELL, build_profile, merge_bins
from rct_workbook.errors import WorkbookError
from rct_workbook.group import NotAnExport, parse_export
from rct_workbook.journal.export import EXPORT_MARK
from rct_workbook.render.profile_view import profile_html, profile_markdown
from tests.helpers import Run, has_mode
from tests.journal.helpers import CONTENT, entry_id, make_assess, make_vignette
from tests.trainer.helpers import ALL_THREE, DAY, HIERARCHICAL, SURVIVAL, assessment, member

SENTINEL = "zqxsentinel"


def export_text(*entries: dict[str, object]) -> str:
    body = "\n\n".join(f"## Entry\n\n<!-- rct-entry {json.dumps(e)} -->\nText." for e in entries)
    return f"{EXPORT_MARK}\n\n# Peer supervision\n\n{body}\n"


# --- unit ----------------------------------------------------------------------------------------


@given(st.lists(st.integers(min_value=1, max_value=5), min_size=0, max_size=60))
def test_merged_bins_never_hold_one_or_two_people_and_keep_everyone(ratings: list[int]) -> None:
    counts = {r: ratings.count(r) for r in set(ratings)}
    bins, _ = merge_bins(counts)
    if len(ratings) < MIN_CELL:
        assert bins == ()
        return
    assert sum(b.count for b in bins) == len(ratings)
    assert all(b.count == 0 or b.count >= MIN_CELL for b in bins)
    assert [b.low for b in bins] == sorted(b.low for b in bins)
    assert bins[0].low == 1 and bins[-1].high == 5
    for before, after in itertools.pairwise(bins):
        assert after.low == before.high + 1


def test_merge_examples() -> None:
    bins, merged = merge_bins({1: 1, 2: 4, 3: 5, 4: 2, 5: 3})
    assert [(b.label, b.count) for b in bins] == [("1–2", 5), ("3", 5), ("4–5", 5)]
    assert merged
    bins, merged = merge_bins({3: 6})
    assert [(b.label, b.count) for b in bins] == [("1", 0), ("2", 0), ("3", 6), ("4", 0), ("5", 0)]
    assert not merged


def test_fewer_than_three_exports_are_refused() -> None:
    two = [member(i, assessment(ALL_THREE)) for i in range(2)]
    with pytest.raises(WorkbookError, match=r"at least 3 participants' exports.*2 were given"):
        build_profile(CONTENT, two, DAY)
    vignettes = [*two, *(member(i, {"kind": "vignette", "date": "2026-05-01", "vignette": "paula"}) for i in (5, 6))]
    with pytest.raises(WorkbookError, match=r"3 exports that hold an assessment.*2 of the 4 do"):
        build_profile(CONTENT, vignettes, DAY)


def test_small_cells_are_merged_or_suppressed_and_the_profile_says_so() -> None:
    people = []
    for i in range(7):
        ratings = dict(ALL_THREE, zest=1 if i == 0 else 4)  # one person alone at zest 1
        leading = ["survival"] if i < 5 else ["hierarchical"]  # two people alone in a type
        strategies = ["networking"] if i < 6 else ["naming"]
        practices = SURVIVAL[:2] + ([HIERARCHICAL[0]] if i < 2 else [])
        people.append(
            member(i, assessment(ratings, leading=leading, strategies=strategies, practices=practices, connecting=[]))
        )
    profile = build_profile(CONTENT, people, DAY)
    zest = next(d for d in profile.good_things if d.id == "zest")
    assert [(b.label, b.count) for b in zest.bins] == [("1–4", 7), ("5", 0)]
    cultures = {c.label: c.count for c in profile.cultures}
    # Each person has one type, so the cells add up to the 7 counted: with Hierarchical (2)
    # suppressed alone, 7 - 5 would give it away; Survival is suppressed beside it.
    assert cultures["Survival culture"] is None and cultures["Hierarchical culture"] is None
    strategies = {c.label: c.count for c in profile.strategies}
    # Each chose one strategy: 7 people less Networking's 6 would give Naming's 1 away, so
    # Networking is suppressed beside it.
    assert strategies["Networking"] is None and strategies["Naming"] is None and strategies["Norming"] == 0
    labels = {p.id: p.text for c in CONTENT.cultures.values() for p in c.indicators}
    assert [c.label for c in profile.observed.most] == [labels[SURVIVAL[0]], labels[SURVIVAL[1]]]
    assert profile.observed.few == (labels[HIERARCHICAL[0]],)
    assert profile.suppressed_any
    md = profile_markdown(profile)
    # A hidden count claims no size: Survival is hidden only to protect Hierarchical and may be
    # any size, so neither says "fewer than 3", and the two read alike.
    assert "| Hierarchical culture | hidden to protect a small group |" in md
    assert "| Survival culture | hidden to protect a small group |" in md
    assert "fewer than 3 |" not in md
    assert "| Rated 1–4 | 7 |" in md
    assert "Some counts below were merged or suppressed for this reason." in md
    assert "no count of fewer than 3 people is shown" in md
    page = profile_html(profile)
    assert "hidden to protect a small group" in page and "<svg" in page
    for table in re.findall(r"\| (\d) \|", md):  # no bare count of one or two anywhere
        assert int(table) == 0 or int(table) >= MIN_CELL


@pytest.mark.parametrize(
    "odd",
    [
        {"good_things": {"empowerment": True}},
        {"good_things": {"clarity": "4"}},
        {"strategies": [SENTINEL, "networking", 3]},
        {"connecting": {"a": SENTINEL}},
    ],
)
def test_odd_values_are_refused_when_the_export_is_read(odd: dict[str, object]) -> None:
    with pytest.raises(NotAnExport, match="export it again"):
        parse_export("person", export_text({**assessment(ALL_THREE), **odd}))


def test_unknown_ids_and_odd_values_are_ignored() -> None:
    hostile = assessment(
        {"zest": 3, SENTINEL: 5, "empowerment": None, "worth": 9, "connection": 3},
        leading=[SENTINEL, "survival"],
        strategies=[SENTINEL, "networking"],
        practices=[SENTINEL],
        connecting=[SENTINEL],
        profile_summary=SENTINEL,
        plan=[{"what": SENTINEL}],
        ask=SENTINEL,
        title=SENTINEL,
    )
    people = [member(i, hostile) for i in range(5)]
    profile = build_profile(CONTENT, people, DAY)
    for text in (profile_markdown(profile), profile_html(profile)):
        assert SENTINEL not in text
    empowerment = next(d for d in profile.good_things if d.id == "empowerment")
    assert empowerment.bins == () and empowerment.not_rated is not None and empowerment.not_rated.count == 5


# --- end to end: real entries, real exports ------------------------------------------------------


def _person(run: Run, tmp_path: Path, i: int) -> Path:
    word = f"{SENTINEL}{i}"
    steps = [
        {
            "what": f"{word} step",
            "with-whom": f"{word} ally",
            "by-when": f"{word} soon",
            "risk": "low",
            "evidence": f"{word} evidence",
        }
    ]
    assess = make_assess(
        f"2026-04-{10 + i:02d}",
        role=f"{word} role",
        history=f"{word} history",
        risks=f"{word} risks",
        kept_out=f"{word} kept out",
        strategies_how=f"{word} how",
        allies=f"{word} allies",
        one_true_thing=f"{word} true thing",
        small_steps=steps,
        vision=f"{word} vision",
        sustain=f"{word} sustain",
        ask_of_group=f"{word} ask",
        support_people=f"{word} people",
        good_thing_zest=1 + i % 5,
        practices=SURVIVAL[: 2 + i % 3],
        strategies=["networking", "naming"] if i % 2 else ["networking"],
    )
    reflection = make_vignette(f"2026-04-{20 + i:02d}", "paula", own_setting_echo=f"{word} echo")
    # The handout opens with the member's display name: the profile must leave it out too.
    assert run("config", "set", "display-name", f"{word} name").exit_code == 0
    out = tmp_path / f"{word}-export.md"
    result = run("journal", "export", entry_id(assess), entry_id(reflection), "--keep-flagged", "--out", str(out))
    assert result.exit_code == 0, result.stderr
    assert f"{word} name" in out.read_text() and f"{word} vision" in out.read_text()  # the export holds them...
    return out


def test_profile_never_contains_a_participants_words(run: Run, tmp_path: Path) -> None:
    exports = [_person(run, tmp_path, i) for i in range(6)]
    for fmt in ("md", "html"):
        out = tmp_path / f"profile.{fmt}"
        result = run("workshop", "profile", *map(str, exports), "--day", "2026-05-14", "--out", str(out))
        assert result.exit_code == 0, result.stderr
        text = out.read_text()
        assert SENTINEL not in text  # ...the profile never does
        assert "6 people took part; each shared an assessment." in text
        assert "14 May 2026" in text
        # No date finer than the workshop day: none of the entries' dates appear.
        assert not re.search(r"2026-0[45]-\d\d|April|\b1[0-9]:\d\d\b", text)
        assert has_mode(out, 0o600)
    page = (tmp_path / "profile.html").read_text()
    for needle in ("http:", "https:", "//", "src=", "<script", "url("):
        assert needle not in page, needle
    md = (tmp_path / "profile.md").read_text()
    assert "| Networking | 6 |" in md
    assert "| Naming | 3 |" in md


def test_cli_makes_a_small_profile_below_five_refuses_below_three_and_counts_a_file_once(
    run: Run, tmp_path: Path
) -> None:
    exports = [_person(run, tmp_path, i) for i in range(4)]
    result = run("workshop", "profile", *map(str, exports), str(exports[0]))
    lines = result.stderr.splitlines()
    assert lines[0] == f"rct: skipped {exports[0]}: it is the same export as {exports[0]}"
    assert len(lines) == 1 and result.exit_code == 0
    assert "Fewer than 5 people: only bands" in result.stdout and "| Survival culture |" not in result.stdout
    two = run("workshop", "profile", *map(str, exports[:2]))
    assert two.exit_code == 2 and two.stderr == (
        "rct: a class profile needs at least 3 participants' exports so that no one can be picked out; 2 were given\n"
    )
    result = run("workshop", "profile", *map(str, exports), "--day", "14 May")
    assert result.exit_code == 2 and result.stderr == "rct: --day takes a date like 2026-03-31, not '14 May'\n"


@pytest.mark.posix  # a FIFO; Windows has none
def test_cli_skips_what_is_not_a_readable_export(run: Run, tmp_path: Path) -> None:
    import os

    exports = [_person(run, tmp_path, i) for i in range(5)]
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    forged = tmp_path / "forged.md"
    forged.write_text(export_text(assessment(ALL_THREE, practices="not a list")))
    result = run("workshop", "profile", *map(str, exports), str(fifo), str(forged), str(tmp_path / "missing.md"))
    assert result.exit_code == 0, result.stderr
    lines = result.stderr.splitlines()
    assert lines[0] == f"rct: skipped {fifo}: it is a FIFO (named pipe), not a regular file"
    assert lines[1].startswith(f"rct: skipped {forged}: an entry's summary has a wrong 'practices'")
    assert lines[2] == f"rct: skipped {tmp_path / 'missing.md'}: No such file or directory"
    assert "5 people took part" in result.stdout


# --- issue 21: one person once, differencing, everyone alike, small groups -----------------------


def test_two_exports_of_one_entry_are_one_person(run: Run, tmp_path: Path) -> None:
    exports = [_person(run, tmp_path, i) for i in range(5)]
    first = exports[0].read_text()
    token = re.search(r'"token":"([0-9a-f]+)"', first)
    assert token is not None and len(token.group(1)) == 24
    again = []
    # The same entries exported again, differently: with private answers, all redacted.
    ids = [json.loads(m)["token"] for m in re.findall(r"<!-- rct-entry (\{.*?\}) -->", first)]
    assert len(set(ids)) == 2  # one token per entry, not per person
    for i, flags in enumerate((["--include-private", "--keep-flagged"], ["--redact-flagged", "--review"])):
        rows = run("journal", "list", "--json")
        assert rows.exit_code == 0
        idents = [e["id"] for e in json.loads(rows.stdout) if e["created"].startswith(("2026-04-10", "2026-04-20"))]
        out = tmp_path / f"again-{i}.md"
        result = run("journal", "export", *idents, *flags, "--out", str(out))
        assert result.exit_code == 0, result.stderr
        assert token.group(1) in out.read_text()
        again.append(out)
    result = run("workshop", "profile", *map(str, [*exports, *again]), "--day", "2026-05-14")
    assert result.exit_code == 0, result.stderr
    assert "5 people took part; each shared an assessment." in result.stdout
    assert "2 of the exports given were exports of an entry already counted" in result.stdout


def test_no_suppressed_cell_can_be_worked_out_from_the_totals() -> None:
    # Six people; one did not rate zest: alone it would be 6 less the rest.
    people = [member(i, assessment(dict(ALL_THREE, zest=None if i == 0 else 2 + i % 2))) for i in range(7)]
    profile = build_profile(CONTENT, people, DAY)
    zest = next(d for d in profile.good_things if d.id == "zest")
    assert zest.not_rated is None
    assert sum(b.count for b in zest.bins) == 7 and any(b.label.endswith("or not rated") for b in zest.bins)
    assert all(b.count == 0 or b.count >= MIN_CELL for b in zest.bins)
    # Risk mix: one high-risk step alone is suppressed with a second beside it.
    steps = [[{"what": "a", "risk": "low"}]] * 5 + [[{"what": "b", "risk": "high"}]]
    people = [member(i, assessment(ALL_THREE, plan=plan)) for i, plan in enumerate(steps)]
    risk = {c.label: c.count for c in build_profile(CONTENT, people, DAY).risk_mix}
    assert risk == {"Low risk": None, "Medium risk": 0, "High risk": None, "Risk not given": 0}


def test_multi_select_counts_keep_a_small_one_hidden_when_each_person_chose_at_most_one() -> None:
    def strategies_of(chosen: list[list[str]]) -> dict[str, int | None]:
        people = [member(i, assessment(ALL_THREE, strategies=c)) for i, c in enumerate(chosen)]
        return {c.label: c.count for c in build_profile(CONTENT, people, DAY).strategies}

    # One each, two chose Naming alone (1 each is impossible to tell from 2): 6 - 4 = 2 could
    # be 2 for Naming or 1 and one person who chose none; only a lone 1 is given away.
    assert strategies_of([["networking"]] * 4 + [["naming"]] * 2)["Networking"] == 4
    # 5 people, 4 Networking, 1 Naming: 5 - 4 = 1 can only be Naming's one.
    found = strategies_of([["networking"]] * 4 + [["naming"]])
    assert found["Networking"] is None and found["Naming"] is None
    # Two small cells of one each (6 - 4 = 2 for two cells): both 1, so another is hidden.
    found = strategies_of([["networking"]] * 4 + [["naming"], ["norming"]])
    assert found["Networking"] is None and found["Naming"] is None and found["Norming"] is None
    # Several may be chosen: the counts add up to nothing shown, so nothing more is hidden.
    found = strategies_of([["networking", "norming"]] * 4 + [["naming", "networking"]])
    assert found == {**found, "Networking": 5, "Norming": 4, "Naming": None}
    # Practices ticked one each: 5 people, 4 ticked one, 1 another: the shown 4 is left out.
    people = [member(i, assessment(ALL_THREE, practices=[SURVIVAL[0] if i else HIERARCHICAL[0]])) for i in range(5)]
    observed = build_profile(CONTENT, people, DAY).observed
    assert not observed.most and not observed.least and len(observed.few) == 1


def test_a_row_that_shows_everyones_rating_is_merged_and_said() -> None:
    people = [member(i, assessment(ALL_THREE)) for i in range(6)]  # everyone rated everything 3
    profile = build_profile(CONTENT, people, DAY)
    for d in profile.good_things:
        assert d.everyone_alike and not any(b.count and b.low == b.high for b in d.bins)
    md = profile_markdown(profile)
    assert "| Rated 2–3 | 6 |" in md and "| Rated 3 | 6 |" not in md
    assert "Everyone who rated it gave the same rating" in md


def test_a_small_group_still_learns_something() -> None:
    ratings = [dict(ALL_THREE, zest=z) for z in (2, 3, 3, 5)]
    leading = [["survival"], ["survival"], ["survival"], ["hierarchical"]]
    plans = [[{"what": "x", "risk": "low"}]] * 4
    people = [
        member(i, assessment(r, leading=lead, plan=plan))
        for i, (r, lead, plan) in enumerate(zip(ratings, leading, plans, strict=True))
    ]
    profile = build_profile(CONTENT, people, DAY)
    assert profile.small and profile.most_ticked_culture == "Survival culture"
    zest = next(d for d in profile.good_things if d.id == "zest")
    assert zest.band == "2–3"
    md = profile_markdown(profile)
    assert "Zest: most rated 2–3." in md
    assert "The culture type that stood out most: Survival culture." in md
    assert "| Low risk | 4 |" in md
    assert "Hierarchical" not in md and "| Survival culture |" not in md
    for table in re.findall(r"\| (\d) \|", md):
        assert int(table) == 0 or int(table) >= MIN_CELL
    assert "In brief" in profile_html(profile)
