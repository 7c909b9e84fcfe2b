"""Settings, the review of the last plan, the life of small steps, and the calendar (issue 13)."""

from __future__ import annotations

import datetime as _dt
import json
from pathlib import Path
from typing import Any

import frontmatter
import pytest
import yaml

from rct_workbook.dates import parse_date
from tests.helpers import has_mode
from tests.journal.helpers import entry_id, make_assess

SETTINGS = ("ward", "clinic")
TZ = _dt.timezone(_dt.timedelta(hours=1))


def at(day: str) -> _dt.datetime:
    return _dt.datetime.fromisoformat(f"{day}T09:30:00").replace(tzinfo=TZ)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Any:
    """Set the time new assessments are saved at."""

    def set_to(when: _dt.datetime) -> None:
        monkeypatch.setattr("rct_workbook.journal.reflection.now", lambda: when)

    return set_to


@pytest.fixture
def base(filled_answers: Any) -> dict[str, Any]:
    """A whole assessment's answers, filled in as a person would."""
    return yaml.safe_load(filled_answers("assess"))  # type: ignore[no-any-return]


def template_of(run: Any, setting: str) -> tuple[str, dict[str, Any]]:
    result = run("assess", "--template", "--setting", setting)
    assert result.exit_code == 0, result.stderr
    return result.stdout, yaml.safe_load(result.stdout)


def assess_from(run: Any, tmp_path: Path, answers: dict[str, Any], *args: str) -> Any:
    path = tmp_path / "answers.yaml"
    path.write_text(yaml.safe_dump(answers, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return run("assess", "--answers", str(path), *args)


def steps_json(run: Any, *args: str) -> list[dict[str, Any]]:
    result = run("steps", "--json", *args)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


# --- dates --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "date"),
    [
        ("2026-03-31", "2026-03-31"),
        ("31 March 2026", "2026-03-31"),
        ("March 31, 2026", "2026-03-31"),
        ("31.03.2026", "2026-03-31"),
        ("13/04/2026", "2026-04-13"),
        ("1st of June 2027", "2027-06-01"),
        ("03/04/2026", None),  # 3 April or March 4: not guessed
        ("May", None),
        ("12 May", None),  # no year
        ("Friday", None),
        ("next month", None),
        ("after the budget meeting", None),
        ("End of next month", None),
        ("3pm 12 May 2026", None),
        ("2026-02-30", None),
        ("1 January 1800", None),
    ],
)
def test_by_when_dates(typed: str, date: str | None) -> None:
    found = parse_date(typed)
    assert (found.isoformat() if found else None) == date


# --- an old entry ----------------------------------------------------------------------------------


def test_an_old_entry_reads_as_main_with_open_and_done_steps(
    run: Any, base: dict[str, Any], rct_home: Path, tmp_path: Path
) -> None:
    path = make_assess(
        "2025-06-01",
        small_steps=[
            {"what": "Old step one", "by-when": "June", "risk": "low", "evidence": "x"},
            {"what": "Old step two", "by-when": "July", "risk": "low", "evidence": "y"},
        ],
    )
    # As an earlier version wrote it: no setting, and "done" the only status.
    post = frontmatter.load(path)
    assert "setting" not in post.metadata
    post["updates"] = [{"step": 2, "status": "done", "date": "2025-06-20T10:00:00+01:00", "note": "It went well"}]
    path.write_text(frontmatter.dumps(post) + "\n", encoding="utf-8")
    ident = entry_id(path)
    items = steps_json(run)
    assert [(s["id"], s["setting"], s["status"], s["note"]) for s in items] == [
        (f"{ident}.1", "main", "open", None),
        (f"{ident}.2", "main", "done", "It went well"),
    ]
    assert items[1]["history"] == [{"date": "2025-06-20T10:00:00+01:00", "status": "done", "note": "It went well"}]
    assert run("settings").stdout == "Setting  Assessments  Last\nmain               1  2025-06-01\n"
    assert json.loads(run("journal", "list", "--json").stdout)[0]["setting"] == "main"
    # The next assessment (no --setting: the one in use) reviews the old open step only.
    text, data = template_of(run, "main")
    assert [r["step"] for r in data["review"]] == [f"{ident}.1"]
    assert "# The setting this reads: main" in text


# --- a year in two settings ------------------------------------------------------------------------


def review_for(setting: str, month: int, open_items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The scenario: the first step of each setting is carried every month; the others are done,
    tried and dropped in turn (by the month they were planned)."""
    out = []
    for item in open_items:
        planned = int(item["what"].rsplit(" ", 1)[1])
        status = "carried" if planned == 1 else ("done", "tried", "dropped")[planned % 3]
        out.append({"step": item["step"], "what": item["what"], "status": status, "note": f"{setting} {month}"})
    return out


def expected_status(planned: int, last_month: int = 12) -> str:
    if planned == last_month:
        return "open"
    if planned == 1:
        return "carried"
    return ("done", "tried", "dropped")[planned % 3]


def test_a_year_of_monthly_assessments_in_two_settings(
    run: Any, base: dict[str, Any], rct_home: Path, tmp_path: Path, clock: Any
) -> None:
    for month in range(1, 13):
        for n, setting in enumerate(SETTINGS):
            clock(at(f"2026-{month:02d}-{10 + n:02d}"))
            _text, template = template_of(run, setting)
            answers = dict(base)
            # A hard year: wellbeing 2 raises the care note every month (a tick alone no longer does).
            answers["wellbeing"] = 2
            rating = 1 + (month + n) % 5
            answers["good-thing-zest"] = rating
            answers["small-steps"] = [
                {
                    "what": f"{setting} step {month}",
                    "with-whom": None,
                    "by-when": f"{month} March 2027",
                    "risk": "low",
                    "evidence": "we will see",
                }
            ]
            if month == 1:
                assert "review" not in template
            else:
                # One item per open step of the setting's last plan, in the documented shape.
                assert all(list(item) == ["step", "what", "status", "note"] for item in template["review"])
                assert all(item["what"].startswith(setting) for item in template["review"])
                answers["review"] = review_for(setting, month, template["review"])
            result = assess_from(run, tmp_path, answers, "--setting", setting)
            assert result.exit_code == 0, result.stderr

    items = steps_json(run)
    ids = [s["id"] for s in items]
    assert len(ids) == len(set(ids)) == 24  # one step planned a month in each setting: none duplicated
    for setting in SETTINGS:
        mine = steps_json(run, "--setting", setting)
        assert [s["what"] for s in mine] == [f"{setting} step {m}" for m in range(1, 13)]
        for s in mine:
            planned = int(s["what"].rsplit(" ", 1)[1])
            assert s["setting"] == setting
            assert s["status"] == expected_status(planned), s
            assert s["by"] == f"2027-03-{planned:02d}"  # "12 March 2027" stored as a date
            if planned == 1:
                # Carried at each of the eleven later assessments: one history, never a copy.
                assert [h["status"] for h in s["history"]] == ["carried"] * 11
                assert [h["note"] for h in s["history"]] == [f"{setting} {m}" for m in range(2, 13)]
                assert [h["date"][:7] for h in s["history"]] == [f"2026-{m:02d}" for m in range(2, 13)]
            elif planned < 12:
                assert [(h["status"], h["note"]) for h in s["history"]] == [
                    (expected_status(planned), f"{setting} {planned + 1}")
                ]
            else:
                assert s["history"] == []

    progress = json.loads(run("progress", "--json").stdout)["settings"]
    assert [p["setting"] for p in progress] == ["clinic", "ward"]
    for p in progress:
        n = SETTINGS.index(p["setting"])
        dates = [a["date"] for a in p["assessments"]]
        assert dates == sorted(dates) and len(dates) == 12
        assert all(d.endswith(f"-{10 + n:02d}") for d in dates)  # only this setting's assessments
        assert [a["ratings"]["zest"] for a in p["assessments"]] == [1 + (m + n) % 5 for m in range(1, 13)]
        # Steps 2..11 close as done (3, 6, 9), tried (4, 7, 10) and dropped (2, 5, 8, 11).
        assert p["steps"] == {"planned": 12, "open": 1, "done": 3, "tried": 3, "carried": 1, "dropped": 4}
    # The quick count progress uses agrees with the full life of every step.
    from rct_workbook.journal.index import open_index
    from rct_workbook.journal.steps import counts, step_life, tally

    index, _ = open_index()
    rows = index.rows(kind="assess", fields="life")
    life = step_life(rows)
    assert tally(rows) == {s: counts([i for i in life if i.setting == s]) for s in SETTINGS}
    index.close()
    ward = json.loads(run("progress", "--json", "--setting", "WARD").stdout)["settings"]
    assert [p["setting"] for p in ward] == ["ward"]

    # The reading spoke of the reviewed steps; the third carry is gently questioned.
    entries = sorted((rct_home / "journal").glob("*.md"))
    by_month = {}
    for path in entries:
        post = frontmatter.load(path)
        assert post["setting"] in SETTINGS
        by_month[(post["setting"], post["created"][:7])] = post
    april = by_month[("ward", "2026-04")]
    flat = " ".join(april.content.split())
    assert "*You have now carried “ward step 1” three times or more, so:*" in flat
    # These answers raise the care note, so the step is not questioned now, only allowed to wait.
    assert april["reading"]["care_note"] is True
    assert "nothing needs deciding about “ward step 1” today." in flat
    assert "is the step too big" not in flat and "Sparks, 2002; Collins, 2000)" in flat
    assert "You carried “ward step 1” into this plan" not in flat  # the third carry speaks once
    assert [r for r in april["reading"]["rules"] if r in ("small-wins", "carried-often")] == [
        "small-wins",
        "carried-often",
    ]
    flat = " ".join(by_month[("ward", "2026-03")].content.split())
    assert "*You carried “ward step 1” into this plan, so:*" in flat
    assert "You tried “ward step 2”" not in flat  # step 2 was dropped (2 % 3 == 2)
    assert "*You let go of “ward step 2”, so:*" in flat
    may = " ".join(by_month[("ward", "2026-05")].content.split())
    assert "*You tried “ward step 4”, and something was learned, so:*" in may
    assert "You marked “ward step 3” as done" not in may
    assert "*You marked “ward step 3” as done, so:*" in " ".join(by_month[("ward", "2026-04")].content.split())
    assert "Count “ward step 3” as a small win" in by_month[("ward", "2026-04")].content
    # Carried steps are in the new plan, marked as carried, never renumbered as new steps.
    assert "| carried | ward step 1 |" in by_month[("ward", "2026-06")].content
    assert [s["what"] for s in by_month[("ward", "2026-06")]["answers"]["small-steps"]] == ["ward step 6"]

    listed = json.loads(run("journal", "list", "--json", "--setting", "clinic").stdout)
    assert len(listed) == 12 and {e["setting"] for e in listed} == {"clinic"}
    assert run("settings").stdout == (
        "Setting  Assessments  Last\nclinic            12  2026-12-11\nward              12  2026-12-10\n"
    )
    out = " ".join(run("progress", "--setting", "ward").stdout.split())
    assert "ward: 12 assessments, 2026-01-10 to 2026-12-10" in out
    assert "12 small steps planned: 3 done, 3 tried, 1 carried forward, 4 dropped, 1 open." in out
    assert "clinic" not in out


# --- the review in answers files --------------------------------------------------------------------


def two_steps(day: str = "2026-01-05") -> str:
    path = make_assess(
        day,
        small_steps=[
            {"what": "Ask for a case slot", "with-whom": "Bo", "by-when": "2026-02-01", "risk": "low", "evidence": "x"},
            {"what": "Start a peer group", "by-when": "soon", "risk": "medium", "evidence": "y"},
        ],
    )
    return entry_id(path)


def test_template_and_answers_round_trip_with_a_review(
    run: Any, base: dict[str, Any], rct_home: Path, tmp_path: Path
) -> None:
    ident = two_steps()
    text, data = template_of(run, "main")
    # One item per open step, its status and note left for the person to write.
    assert data["review"] == [
        {"step": f"{ident}.1", "what": "Ask for a case slot", "status": None, "note": None},
        {"step": f"{ident}.2", "what": "Start a peer group", "status": None, "note": None},
    ]
    assert "#     tried: Tried: it did not go as planned, and something was learned" in text
    assert "# next-check-in: 2026-12-24" in text
    # Left as it is, the review is refused like any other unanswered question.
    result = assess_from(run, tmp_path, {**base, "review": data["review"]})
    assert result.exit_code == 2
    assert "  review, item 1: status: one of done, tried, carried, dropped is needed\n" in result.stderr
    review = [{**item, "status": "carried"} for item in data["review"]]
    review[1]["note"] = "Two people said yes"
    result = assess_from(run, tmp_path, {**base, "review": review})
    assert result.exit_code == 0, result.stderr
    items = steps_json(run)
    assert [(s["id"], s["status"]) for s in items][:2] == [(f"{ident}.1", "carried"), (f"{ident}.2", "carried")]
    assert items[1]["note"] == "Two people said yes"
    assert len(items) == 3  # the one new step, and the two carried: no copies
    # The next template asks about the carried steps again (oldest first), and the new one.
    _, again = template_of(run, "main")
    assert [r["step"] for r in again["review"]][:2] == [f"{ident}.1", f"{ident}.2"]
    assert len(again["review"]) == 3


def test_carrying_a_step_needs_no_new_step(run: Any, base: dict[str, Any], rct_home: Path, tmp_path: Path) -> None:
    ident = two_steps()
    review = [{"step": f"{ident}.1", "status": "carried"}, {"step": f"{ident}.2", "status": "done"}]
    assert assess_from(run, tmp_path, {**base, "review": review, "small-steps": []}).exit_code == 0
    # Without a step carried, a plan still needs one.
    review = [{"step": f"{ident}.1", "status": "done"}]
    result = assess_from(run, tmp_path, {**base, "review": review, "small-steps": []})
    assert result.exit_code == 2
    assert "  small-steps: at least 1 entry is needed\n" in result.stderr


def test_review_problems_are_listed_and_nothing_is_saved(
    run: Any, base: dict[str, Any], rct_home: Path, tmp_path: Path
) -> None:
    ident = two_steps()
    data = {**base, "next-check-in": "soon"}
    data["review"] = [
        {"step": f"{ident}.1", "status": "finished", "note": "x"},
        {"step": f"{ident}.1", "status": "done"},
        {"step": "20200101-000000-assess-0000.1", "status": "done"},
        {"step": f"{ident}.2", "status": "tried", "notes": "typo"},
        "just text",
        {"status": "done"},
    ]
    before = sorted((rct_home / "journal").iterdir())
    result = assess_from(run, tmp_path, data)
    assert result.exit_code == 2
    path = tmp_path / "answers.yaml"
    assert result.stderr == (
        f"rct: the answers file {path} has 7 problems; nothing was saved\n"
        "  next-check-in: expected a date such as 2026-12-24, got 'soon'\n"
        "  review, item 1: status: 'finished' is not one of done, tried, carried, dropped\n"
        f"  review, item 2: step: '{ident}.1' is reviewed twice\n"
        "  review, item 3: step: '20200101-000000-assess-0000.1' is not an open step of this setting's last plan"
        f" ({ident}.1, {ident}.2)\n"
        "  review, item 4: unknown key 'notes' (the keys are step, what, status, note)\n"
        "  review, item 5: expected a mapping with step, status and note, got text\n"
        "  review, item 6: step: the step's id is needed (e.g. 20260312-101500-assess-1a2b.2)\n"
    )
    assert sorted((rct_home / "journal").iterdir()) == before
    data["review"] = "all done"
    del data["next-check-in"]
    result = assess_from(run, tmp_path, data)
    assert result.exit_code == 2
    assert "  review: expected a list of steps (step, status, note), got text\n" in result.stderr


def test_a_step_left_out_stays_open_and_the_review_is_saved(
    run: Any, base: dict[str, Any], rct_home: Path, tmp_path: Path
) -> None:
    ident = two_steps()
    review = [{"step": f"{ident}.2", "what": "anything", "status": "tried", "note": " Met  once\n"}]
    result = assess_from(run, tmp_path, {**base, "review": review, "next-check-in": "2099-01-31"})
    assert result.exit_code == 0, result.stderr
    newest = max((rct_home / "journal").glob("*.md"), key=lambda p: frontmatter.load(p)["created"])
    post = frontmatter.load(newest)
    assert post["review"] == [
        {"step": f"{ident}.2", "what": "Start a peer group", "status": "tried", "note": "Met once"}
    ]
    assert post["next_check_in"] == "2099-01-31"
    assert post["setting"] == "main"
    items = {s["id"]: s for s in steps_json(run)}
    assert items[f"{ident}.1"]["status"] == "open"
    assert items[f"{ident}.2"]["status"] == "tried" and items[f"{ident}.2"]["note"] == "Met once"
    assert "Next check-in: 31 January 2099." in " ".join(run("progress").stdout.split())
    assert json.loads(run("progress", "--json").stdout)["settings"][0]["next_check_in"] == "2099-01-31"


# --- settings ------------------------------------------------------------------------------------------


def test_several_settings_need_a_name_without_a_terminal(
    run: Any, base: dict[str, Any], rct_home: Path, tmp_path: Path
) -> None:
    data = dict(base)
    assert assess_from(run, tmp_path, data, "--setting", "ward").exit_code == 0
    assert assess_from(run, tmp_path, data, "--setting", "Clinic").exit_code == 0
    result = assess_from(run, tmp_path, data)
    assert result.exit_code == 2
    assert result.stderr == (
        "rct: you have assessments in several settings (Clinic, ward); name one with --setting NAME"
        " (see rct settings)\n"
    )
    # A name matching one in use, in any case, is that setting.
    assert assess_from(run, tmp_path, data, "--setting", "  WARD ").exit_code == 0
    assert [s.split()[:2] for s in run("settings").stdout.splitlines()[1:]] == [["Clinic", "1"], ["ward", "2"]]
    for args in (("progress", "--setting", "office"), ("steps", "--setting", "office")):
        result = run(*args)
        assert result.exit_code == 2
        assert result.stderr == "rct: no assessments in a setting called 'office' (settings: Clinic, ward)\n"
    result = assess_from(run, tmp_path, data, "--setting", "bad\x1b[31m")
    assert result.exit_code == 2
    assert "control or invisible characters" in result.stderr


def test_movement_is_only_read_within_a_setting(
    run: Any, base: dict[str, Any], rct_home: Path, tmp_path: Path, clock: Any
) -> None:
    data = dict(base)
    for day, setting, zest in (("2026-01-01", "ward", 1), ("2026-01-02", "clinic", 5), ("2026-01-03", "ward", 2)):
        clock(at(day))
        assert assess_from(run, tmp_path, {**data, "good-thing-zest": zest}, "--setting", setting).exit_code == 0
    newest = max((rct_home / "journal").glob("*.md"), key=lambda p: frontmatter.load(p)["created"])
    assert frontmatter.load(newest)["reading"]["change"]["zest"] == 1  # against the ward's 1, not the clinic's 5


# --- steps between assessments ------------------------------------------------------------------------------


def test_steps_statuses_filters_and_history(run: Any, rct_home: Path) -> None:
    ident = two_steps()
    assert run("steps", "tried", f"{ident}.1", "--note", "Asked; the chair wants data").stdout == (
        "Marked tried: Ask for a case slot\n"
    )
    assert run("steps", "carry", f"{ident}.2").stdout == "Carried forward: Start a peer group\n"
    assert run("steps", "carry", f"{ident}.2", "--note", "Still planning").exit_code == 0  # replaces, not adds
    assert run("steps", "drop", f"{ident}.2", "--note", "The group formed anyway").stdout == (
        "Dropped: Start a peer group\n"
    )
    items = {s["id"]: s for s in steps_json(run)}
    first, second = items[f"{ident}.1"], items[f"{ident}.2"]
    assert (first["status"], first["note"]) == ("tried", "Asked; the chair wants data")
    assert [(h["status"], h["note"]) for h in second["history"]] == [
        ("carried", "Still planning"),
        ("dropped", "The group formed anyway"),
    ]
    assert list(first) == ["id", "entry", "setting", "case", "what", "with", "by", "risk", "status", "note", "history"]
    assert (first["entry"], first["with"], first["by"], first["risk"]) == (ident, "Bo", "2026-02-01", "low")
    assert [s["id"] for s in steps_json(run, "--status", "dropped")] == [f"{ident}.2"]
    assert steps_json(run, "--open") == []
    out = run("steps").stdout
    assert f"{ident}.1  tried " in out and ", main, by 2026-02-01" in out
    assert "Learned: Asked; the chair wants data" in " ".join(out.split())
    result = run("steps", "--status", "finished")
    assert (result.exit_code, result.stderr) == (
        2,
        "rct: --status takes open, done, tried, carried, dropped, not 'finished'\n",
    )
    post = frontmatter.load(rct_home / "journal" / f"{ident}.md")
    assert len(post["updates"]) == 3
    body = post.content
    assert body.count("## Updates") == 1 and "small step 2 carried forward (Start a peer group). Still planning" in body


# --- the calendar -----------------------------------------------------------------------------------


def test_ics_has_stable_uids_and_the_right_dates(
    run: Any, base: dict[str, Any], rct_home: Path, tmp_path: Path
) -> None:
    from icalendar import Calendar

    ident = two_steps()
    data = dict(base)
    data["review"] = [{"step": f"{ident}.2", "status": "done"}]
    data["small-steps"][0]["by-when"] = "15 March 2026"
    data["next-check-in"] = "2099-02-02"
    assert assess_from(run, tmp_path, data).exit_code == 0
    first, second = tmp_path / "a.ics", tmp_path / "b.ics"
    result = run("steps", "--ics", str(first))
    assert result.exit_code == 0, result.stderr
    assert result.stderr == f"Wrote the calendar (2 dated steps and 1 check-in) to {first}.\n"
    assert run("steps", "--ics", str(second)).exit_code == 0
    # An existing file is replaced only with --force (or a yes at a terminal).
    again = run("steps", "--ics", str(second))
    assert (again.exit_code, again.stderr) == (
        2,
        f"rct: {second} already exists; add --force to replace it, or choose another --ics file\n",
    )
    assert first.read_bytes() == second.read_bytes()
    assert has_mode(first, 0o600)

    def events(path: Path) -> dict[str, tuple[str, _dt.date, _dt.date]]:
        cal = Calendar.from_ical(path.read_bytes())
        return {
            str(e["uid"]): (str(e["summary"]), e.decoded("dtstart"), e.decoded("dtend")) for e in cal.walk("VEVENT")
        }

    got = events(first)
    assert got == events(second)
    summaries = sorted(v[0] for v in got.values())
    assert len(summaries) == 3 and summaries[:2] == ["Check-in: main", "Small step: Ask for a case slot"]
    dates = {v[0]: (v[1], v[2]) for v in got.values()}
    assert dates["Small step: Ask for a case slot"] == (_dt.date(2026, 2, 1), _dt.date(2026, 2, 2))
    assert dates["Check-in: main"] == (_dt.date(2099, 2, 2), _dt.date(2099, 2, 3))
    new_step = next(k for k in dates if k not in ("Check-in: main", "Small step: Ask for a case slot"))
    assert dates[new_step] == (_dt.date(2026, 3, 15), _dt.date(2026, 3, 16))
    # "Start a peer group" is done (and "soon" is no date): not in the calendar.
    assert not any("peer group" in k for k in dates)
    # A status change keeps the other events' UIDs.
    assert run("steps", "done", f"{ident}.1").exit_code == 0
    assert run("steps", "--ics", str(second), "--force").exit_code == 0
    after = events(second)
    assert set(after) == set(got) - {k for k, v in got.items() if v[0] == "Small step: Ask for a case slot"}
    assert "Bo" not in second.read_text()  # "with whom" names people: left out


def test_progress_html_has_svg_charts_per_setting(
    run: Any, base: dict[str, Any], rct_home: Path, tmp_path: Path, clock: Any
) -> None:
    data = dict(base)
    for day in ("2026-01-01", "2026-02-01"):
        clock(at(day))
        assert assess_from(run, tmp_path, data, "--setting", "<b>ward</b>").exit_code == 0
    page = tmp_path / "progress.html"
    result = run("progress", "--html", str(page))
    assert result.exit_code == 0, result.stderr
    html = page.read_text()
    assert html.count("<svg") == 2  # the good things, the culture mix
    assert "&lt;b&gt;ward&lt;/b&gt;" in html and "<b>ward</b>" not in html
    assert "<script" not in html and "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")
