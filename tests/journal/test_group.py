from __future__ import annotations

import datetime as _dt
from collections import Counter
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from icalendar import Calendar

from rct_workbook.group import rota
from tests.helpers import Run, has_mode
from tests.journal.helpers import CONTENT, entry_id, make_assess, make_vignette


def export_for(run: Run, tmp_path: Path, member: str, *paths: Path) -> Path:
    out = tmp_path / f"{member}.md"
    result = run("journal", "export", *(entry_id(p) for p in paths), "--keep-flagged", "--out", str(out))
    assert result.exit_code == 0, result.stderr
    return out


def test_agenda_from_three_exports_and_a_junk_file(run: Run, tmp_path: Path, rct_home: Path) -> None:
    surv = [p.id for p in CONTENT.cultures["survival"].indicators]
    hier = [p.id for p in CONTENT.cultures["hierarchical"].indicators]
    ana = export_for(
        run,
        tmp_path,
        "ana",
        make_assess(
            "2026-03-01",
            practices=surv[:6],
            strategies=["naming", "networking"],
            ask_of_group="Help me plan the staff meeting",
        ),
    )
    bo = export_for(
        run, tmp_path, "bo", make_assess("2026-03-02", practices=surv[:4] + hier[:3], strategies=["networking"])
    )
    chris = export_for(run, tmp_path, "chris", make_vignette("2026-03-03", "susan"))
    junk = tmp_path / "notes.md"
    junk.write_text("# My own notes\n")
    binary = tmp_path / "photo.md"
    binary.write_bytes(b"\xff\xd8\xff\xe0")
    result = run("group", "agenda", str(ana), str(bo), str(chris), str(junk), str(binary), "--minutes", "70")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines() == [
        f"rct: skipped {junk}: it is not an rct-workbook export in Markdown (rct journal export --format md makes one)",
        f"rct: skipped {binary}: it is not UTF-8 text",
    ]
    out = result.stdout
    assert "70 minutes, 3 members." in out
    assert (
        "1. Opening and check-in: 5 minutes\n2. ana: 20 minutes\n3. bo: 20 minutes\n"
        "4. chris: 20 minutes\n5. Themes and closing: 5 minutes"
    ) in out
    assert "Culture types: Survival culture (2), Hierarchical culture (1)" in out
    assert "Strategies planned: Networking (2), Naming (1)" in out
    assert "## ana (20 minutes)" in out and "Asks of the group: Help me plan the staff meeting" in out
    assert "Reading: Mostly survival features." in out
    assert "Small step 1: Propose a case presentation" in out
    assert "A reflection on the susan vignette" in out
    assert "## Discussion questions" in out


def test_agenda_with_no_exports(run: Run, tmp_path: Path) -> None:
    junk = tmp_path / "x.md"
    junk.write_text("hello")
    result = run("group", "agenda", str(junk), str(tmp_path / "missing.md"))
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"rct: skipped {junk}: it is not an rct-workbook export in Markdown (rct journal export --format md makes one)",
        f"rct: skipped {tmp_path / 'missing.md'}: No such file or directory",
        "rct: none of the files is an export, so there is no agenda to make",
    ]


@given(members=st.integers(1, 12), meetings=st.integers(1, 60))
def test_rota_is_fair(members: int, meetings: int) -> None:
    names = [f"M{i}" for i in range(members)]
    turns = rota(names, meetings, _dt.date(2026, 1, 5), 14)
    assert len(turns) == meetings
    seen: list[str] = []
    for turn in turns:
        if turn.member in seen[len(seen) - len(seen) % members :]:
            raise AssertionError("someone raised it twice before everyone had once")
        seen.append(turn.member)
    counts = Counter(t.member for t in turns)
    assert max(counts.values()) - min(counts.get(n, 0) for n in names) <= 1
    assert [t.date for t in turns] == [_dt.date(2026, 1, 5) + _dt.timedelta(days=14 * i) for i in range(meetings)]


def test_rota_markdown_and_ics(run: Run, tmp_path: Path) -> None:
    ics = tmp_path / "rota.ics"
    result = run(
        "group",
        "rota",
        "--members",
        "Ana, Bo ,Chris",
        "--meetings",
        "4",
        "--start",
        "2026-03-02",
        "--every",
        "2w",
        "--topic",
        "cancelled staff meetings",
        "--ics",
        str(ics),
    )
    assert result.exit_code == 0, result.stderr
    assert (
        "| 1 | 2026-03-02 | Ana |\n| 2 | 2026-03-16 | Bo |\n| 3 | 2026-03-30 | Chris |\n| 4 | 2026-04-13 | Ana |"
        in result.stdout
    )
    assert "cancelled staff meetings" in result.stdout
    cal = Calendar.from_ical(ics.read_bytes())
    events = list(cal.walk("VEVENT"))
    assert [e.decoded("dtstart") for e in events] == [
        _dt.date(2026, 3, 2),
        _dt.date(2026, 3, 16),
        _dt.date(2026, 3, 30),
        _dt.date(2026, 4, 13),
    ]
    assert str(events[1]["summary"]) == "Collaborative complaining: Bo raises the practice: cancelled staff meetings"
    assert len({str(e["uid"]) for e in events}) == 4
    assert has_mode(ics, 0o600)


def test_rota_bad_input(run: Run) -> None:
    cases = [
        (
            ["--members", " , ", "--meetings", "3"],
            'rct: --members needs at least one name, e.g. --members "Ana,Bo,Chris"\n',
        ),
        (["--members", "Ana,ana", "--meetings", "3"], "rct: --members lists someone twice\n"),
        (
            ["--members", "Ana", "--meetings", "3", "--every", "3d"],
            "rct: --every takes 1w, 2w, 4w, 1m (monthly, on the first meeting's day) or a weekday of the month "
            "such as \"first tuesday\", not '3d'\n",
        ),
        (
            ["--members", "Ana", "--meetings", "3", "--start", "soon"],
            "rct: --start takes a date like 2026-03-31, not 'soon'\n",
        ),
    ]
    for args, message in cases:
        result = run("group", "rota", *args)
        assert result.exit_code == 2
        assert result.stderr == message
    assert run("group", "rota", "--members", "Ana", "--meetings", "0").exit_code == 2


def test_agenda_names_members_by_display_name_and_keeps_their_placeholders_apart(
    run: Run, tmp_path: Path, rct_home: Path
) -> None:
    ana_entry = make_assess("2026-03-01", ask_of_group="Help me answer Dr. Okafor about the rota")
    bo_entry = make_assess("2026-03-02", ask_of_group="Help me say no to Bernadette Lyons")
    outs = []
    for name, entry in (("Ana M.", ana_entry), ("Bo", bo_entry)):
        assert run("config", "set", "display-name", name).exit_code == 0
        out = tmp_path / f"export-{len(outs)}.md"
        result = run("journal", "export", entry_id(entry), "--redact-flagged", "--out", str(out))
        assert result.exit_code == 0, result.stderr
        outs.append(out)
    result = run("group", "agenda", *map(str, outs), "--minutes", "60")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "## Ana M. (25 minutes)" in out and "## Bo (25 minutes)" in out
    assert "export-0" not in out
    # Both exports call their person [Person A]; the agenda never reads them as one.
    assert "Asks of the group: Help me answer Ana M.'s \\[Person A\\] about the rota" in out
    assert "Asks of the group: Help me say no to Bo's \\[Person A\\]" in out


def test_two_members_with_one_display_name_are_told_apart_by_file(run: Run, tmp_path: Path, rct_home: Path) -> None:
    assert run("config", "set", "display-name", "Sam").exit_code == 0
    outs = []
    for i, day in enumerate(("2026-03-01", "2026-03-02")):
        out = tmp_path / f"sam{i}.md"
        assert run("journal", "export", entry_id(make_assess(day)), "--keep-flagged", "--out", str(out)).exit_code == 0
        outs.append(out)
    out = run("group", "agenda", *map(str, outs)).stdout
    assert "## Sam (sam0)" in out and "## Sam (sam1)" in out, [ln for ln in out.splitlines() if "Sam" in ln]
