from __future__ import annotations

import json
import os
from pathlib import Path

import frontmatter
import pytest

from tests.helpers import Run, has_mode
from tests.journal.helpers import entry_id, make_assess, make_vignette


@pytest.fixture
def three(rct_home: Path) -> dict[str, Path]:
    return {
        "old": make_assess("2025-01-10", good_thing_zest=1, risks="Being seen as a troublemaker by Dr. Jones"),
        "mid": make_vignette("2025-06-01", "susan", one_true_thing="Our team avoids conflict about grading"),
        "new": make_assess("2026-02-20", {"zest": 1}, good_thing_zest=4, vision="A ward where we can disagree"),
    }


def lines(out: str) -> list[str]:
    return out.rstrip("\n").split("\n")


def test_empty_journal(run: Run) -> None:
    result = run("journal", "list")
    assert result.exit_code == 0
    assert result.stdout == "Your journal is empty. Start with: rct assess\n"


def test_list_newest_first_with_means(run: Run, three: dict[str, Path]) -> None:
    out = lines(run("journal", "list").stdout)
    assert out[0].split() == ["ID", "Date", "Kind", "Mean", "Title"]
    assert [row.split()[0] for row in out[1:]] == [entry_id(three[k]) for k in ("new", "mid", "old")]
    assert out[1].split()[1:4] == ["2026-02-20", "assess", "2.8"]
    assert out[2].split()[1:3] == ["2025-06-01", "vignette"]
    assert out[3].split()[1:4] == ["2025-01-10", "assess", "2.2"]
    assert max(len(line) for line in out) <= 80


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--kind", "assess"], ["new", "old"]),
        (["--kind", "vignette"], ["mid"]),
        (["--since", "2025-06-01"], ["new", "mid"]),
        (["--until", "2025-06-01"], ["mid", "old"]),
        (["--since", "2025-02-01", "--until", "2025-12-31"], ["mid"]),
        (["--vignette", "susan"], ["mid"]),
        (["--vignette", "paula"], []),
        (["--grep", "troublemaker"], ["old"]),
        (["--grep", "TROUBLEMAKER jones"], ["old"]),
        (["--grep", "disagree"], ["new"]),
        (["--grep", "grading"], ["mid"]),
        (["-n", "2"], ["new", "mid"]),
    ],
)
def test_list_filters(run: Run, three: dict[str, Path], args: list[str], expected: list[str]) -> None:
    result = run("journal", "list", *args)
    assert result.exit_code == 0
    if not expected:
        assert result.stdout == "No entries match.\n"
        return
    listed = [row.split()[0] for row in lines(result.stdout)[1:] if not row.startswith("    ")]  # not --grep's words
    assert listed == [entry_id(three[k]) for k in expected]


def test_list_json(run: Run, three: dict[str, Path]) -> None:
    data = json.loads(run("journal", "list", "--json", "--kind", "assess").stdout)
    assert [d["id"] for d in data] == [entry_id(three["new"]), entry_id(three["old"])]
    assert list(data[0]) == ["id", "created", "kind", "title", "vignette", "good_things_mean", "path", "setting"]
    assert data[0]["good_things_mean"] == 2.8
    assert data[0]["path"] == str(three["new"])
    assert data[0]["created"].startswith("2026-02-20T10:00:00")


@pytest.mark.parametrize("value", ["yesterday", "2025-13-01"])
def test_bad_date(run: Run, value: str) -> None:
    result = run("journal", "list", "--since", value)
    assert result.exit_code == 2
    assert result.stderr == f"rct: --since takes a date like 2026-03-31, not {value!r}\n"


def test_show_by_prefix(run: Run, three: dict[str, Path]) -> None:
    ident = entry_id(three["new"])
    result = run("journal", "show", ident[:15])
    assert result.exit_code == 0, result.stderr
    assert "A four-step reading of your work setting" in result.stdout
    assert "The five good things" in result.stdout
    zest = next(line for line in result.stdout.splitlines() if line.startswith("Zest"))
    assert zest.split()[-2:] == ["4", "+3"]
    assert "A ward where we can disagree" in result.stdout


def test_show_vignette(run: Run, three: dict[str, Path]) -> None:
    result = run("journal", "show", entry_id(three["mid"]))
    assert "Our team avoids conflict about grading" in result.stdout


def test_show_ambiguous_and_unknown(run: Run, three: dict[str, Path]) -> None:
    result = run("journal", "show", "202")
    assert result.exit_code == 2
    assert result.stderr.startswith("rct: '202' matches more than one entry: ")
    for path in three.values():
        assert entry_id(path) in result.stderr
    result = run("journal", "show", "1999")
    assert result.exit_code == 2
    assert result.stderr == "rct: no journal entry with an id starting '1999'; see rct journal list\n"
    assert run("journal", "show", "%").exit_code == 2


def test_delete(run: Run, three: dict[str, Path], rct_home: Path) -> None:
    ident = entry_id(three["mid"])
    result = run("journal", "delete", ident)
    assert result.exit_code == 2
    assert result.stderr == "rct: no terminal to confirm in; add --yes to delete without asking\n"
    assert three["mid"].exists()
    result = run("journal", "delete", ident, "--yes")
    assert result.exit_code == 0
    assert result.stdout == f"Deleted {ident}.\n"
    assert not three["mid"].exists()
    assert ident not in run("journal", "list").stdout


def test_index_deleted_or_stale_still_right(run: Run, three: dict[str, Path], rct_home: Path) -> None:
    assert len(lines(run("journal", "list").stdout)) == 4
    (rct_home / "index.sqlite3").unlink()
    assert len(lines(run("journal", "list").stdout)) == 4
    # An entry edited by hand: its new title and answers are seen.
    post = frontmatter.load(three["old"])
    post["title"] = "Edited by hand"
    post["answers"]["risks"] = "now about budgets"
    three["old"].write_text(frontmatter.dumps(post) + "\n")
    os.utime(three["old"], ns=(1, 1))  # a different mtime, even within the same tick
    out = run("journal", "list").stdout
    assert "Edited by hand" in out
    assert entry_id(three["old"]) in run("journal", "list", "--grep", "budgets").stdout
    assert run("journal", "list", "--grep", "troublemaker").stdout == "No entries match.\n"
    # A file removed by hand disappears from the listing.
    three["mid"].unlink()
    assert entry_id(three["mid"]) not in run("journal", "list").stdout
    # A damaged index is rebuilt, not trusted.
    (rct_home / "index.sqlite3").write_bytes(b"not a database at all" * 10)
    assert len(lines(run("journal", "list").stdout)) == 3


def test_reindex(run: Run, three: dict[str, Path], rct_home: Path) -> None:
    result = run("journal", "reindex")
    assert result.exit_code == 0
    assert result.stdout == "Indexed 3 entries.\n"
    assert has_mode(rct_home / "index.sqlite3", 0o600)


BAD_FILES: dict[str, bytes] = {
    "unterminated.md": b"---\nformat: 1\nid: x\n",
    "binary.md": b"\x00\x01\x02\xff" * 10,
    "latin1.md": "---\nformat: 1\ntitle: caf\xe9\n---\n".encode("latin-1"),
    "empty.md": b"",
    "future.md": b"---\nformat: 99\nid: f\nkind: assess\ncreated: '2030-01-01'\nanswers: {}\n---\n",
    "no-front.md": b"# Just notes\n",
    "bomb.md": b"---\nformat: 1\na: &a [1,1,1,1,1,1,1,1,1]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n---\n",
}
REASONS = {
    "unterminated.md": "its front matter is not closed (no second ---)",
    "binary.md": "it holds binary data",
    "latin1.md": "it is not UTF-8 text",
    "empty.md": "it is empty",
    "future.md": "it was written by a newer rct (format 99); update rct to read it",
    "no-front.md": "it does not start with front matter (---)",
    "bomb.md": "its front matter cannot be read (anchors (&name) are not allowed)",
}


def test_bad_files_are_skipped_with_one_warning_each(run: Run, three: dict[str, Path], rct_home: Path) -> None:
    journal = rct_home / "journal"
    for name, data in BAD_FILES.items():
        (journal / name).write_bytes(data)
        (journal / name).chmod(0o600)
    before = {p.name: p.read_bytes() for p in journal.iterdir()}
    result = run("journal", "list")
    assert result.exit_code == 0
    assert len(lines(result.stdout)) == 4
    warnings = sorted(result.stderr.splitlines())
    assert warnings == sorted(f"rct: skipped journal/{name}: {REASONS[name]}" for name in BAD_FILES)
    assert run("journal", "show", entry_id(three["old"])).exit_code == 0
    assert run("journal", "export", entry_id(three["old"]), "--keep-flagged").exit_code == 0
    assert {p.name: p.read_bytes() for p in journal.iterdir()} == before  # nothing rewritten or deleted


def test_temp_files_are_ignored(run: Run, three: dict[str, Path], rct_home: Path) -> None:
    (rct_home / "journal" / ".rct-tmp-abc123").write_text("half written")
    (rct_home / "journal" / ".rct-tmp-abc123").chmod(0o600)
    result = run("journal", "list")
    assert result.stderr == ""
    assert len(lines(result.stdout)) == 4
