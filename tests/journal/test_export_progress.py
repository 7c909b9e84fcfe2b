from __future__ import annotations

import json
from pathlib import Path

import frontmatter
import pytest
from markdown_it import MarkdownIt

from rct_workbook.journal.deidentify import Redactor, placeholder
from rct_workbook.render.formats import JOURNAL
from tests.helpers import Run, has_mode
from tests.journal.helpers import entry_id, make_assess, make_vignette, private_answers


@pytest.fixture
def named(rct_home: Path) -> list[Path]:
    return [
        make_assess(
            "2026-03-12",
            risks="Dr. Jones dismissed it; jones's view is that it is fluff. Mary Jones agreed.",
            support_people="Ana Lopez and my peer group",
            small_steps=[
                {
                    "what": "Talk to Ana",
                    "with-whom": "Ana Lopez",
                    "by-when": "May",
                    "risk": "high",
                    "evidence": "Jones listens",
                }
            ],
        ),
        make_vignette("2026-04-02", "paula", own_setting_echo="Like Paula, I work under a director, Mr. Jones."),
    ]


def journal_bytes(home: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in (home / "journal").iterdir()}


def test_export_markdown(run: Run, named: list[Path], rct_home: Path) -> None:
    ids = [entry_id(p) for p in named]
    result = run("journal", "export", *ids, "--keep-flagged")
    assert result.exit_code == 0, result.stderr
    doc = result.stdout
    assert "# Peer supervision: reflections, 12 March 2026 to 2 April 2026" in doc
    assert "2 reflections, prepared with rct-workbook for a peer-supervision meeting." in doc
    assert "## A four-step reading of your work setting" in doc
    assert "## Reflection on Paula: a hierarchical culture" in doc
    assert "#### Plan of small steps" in doc
    assert "### For the peer-supervision group" in doc
    for ident in ids:
        assert ident not in doc
    assert str(rct_home) not in doc
    tokens = MarkdownIt("commonmark").parse(doc)
    assert sum(1 for t in tokens if t.type == "heading_open" and t.tag == "h1") == 1


def test_redaction_everywhere_stable_and_journal_untouched(
    run: Run, named: list[Path], rct_home: Path, tmp_path: Path
) -> None:
    before = journal_bytes(rct_home)
    names = tmp_path / "names.txt"
    names.write_text("# colleagues\nAna Lopez\n\nMary Jones\n")
    result = run(
        "journal",
        "export",
        *(entry_id(p) for p in named),
        "--redact",
        "Jones",
        "--redact-file",
        str(names),
        "--keep-flagged",
        "--include-private",
    )
    assert result.exit_code == 0, result.stderr
    doc = result.stdout.replace("\\[", "[").replace("\\]", "]")  # placeholders are escaped in Markdown
    for name in ("Jones", "jones", "Ana Lopez", "Mary"):
        assert name not in doc, name
    # A title goes with its name; "Jones" is the surname of "Mary Jones", so one person,
    # and "Ana" the first name of "Ana Lopez": one placeholder each, in every entry.
    assert "[Person A] dismissed it; [Person A]'s view" in doc
    assert "[Person A] agreed" in doc  # Mary Jones, not "Mary [Person A]"
    assert "[Person B] and my peer group" in doc
    assert "| Talk to [Person B] | [Person B] |" in doc
    assert "director, [Person A]." in doc
    assert "Identifying details were redacted" in doc
    assert journal_bytes(rct_home) == before


def test_redactor_rules() -> None:
    r = Redactor(["Jones", "jones", " Dr  Smith "])
    assert (
        r.text("Jones, JONES's and Jonestown; Dr Smith's Smithy")
        == "[Person A], [Person A]'s and Jonestown; [Person B]'s Smithy"
    )
    assert r.count == 3
    assert placeholder(0) == "[Person A]" and placeholder(25) == "[Person Z]" and placeholder(26) == "[Person AA]"
    assert not Redactor([])


def test_export_to_file_html(run: Run, named: list[Path], rct_home: Path, tmp_path: Path) -> None:
    out = tmp_path / "meeting.html"
    result = run("journal", "export", entry_id(named[0]), "--format", "html", "--out", str(out), "--redact-flagged")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert result.stderr == (
        f"Wrote {out} (1 entry). {private_answers(named[0])} private answers left out (--include-private adds them)."
        " The handout prints to 1 page.\n"
    )
    page = out.read_text()
    assert page.startswith("<!DOCTYPE html>")
    assert '<table class="plan">' in page
    assert '<h1 class="running"><span>Peer supervision: reflections, 12 March 2026</span>' in page
    assert "<script" not in page and "Jones" not in page and "Lopez" not in page
    assert "rct-entry" not in page and "&lt;!--" not in page
    assert has_mode(out, 0o600)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--format", "pdf"],
            f"rct: invalid value for '--format': 'pdf' is not one of {', '.join(map(repr, JOURNAL.names()))}.\n"
            "  Try 'rct journal export -h' for help.\n",
        ),
        (
            ["--redact-file", "/nonexistent/names.txt"],
            "rct: cannot read the names file /nonexistent/names.txt: No such file or directory\n",
        ),
    ],
)
def test_export_bad_options(run: Run, named: list[Path], args: list[str], message: str) -> None:
    result = run("journal", "export", entry_id(named[0]), "--keep-flagged", *args)
    assert result.exit_code == 2
    assert result.stderr == message


def test_export_refuses_the_journal_folder(run: Run, named: list[Path], rct_home: Path) -> None:
    result = run("journal", "export", entry_id(named[0]), "--keep-flagged", "--out", str(rct_home / "journal" / "x.md"))
    assert result.exit_code == 2
    assert "cannot be written into the journal folder" in result.stderr


def test_progress_needs_two(run: Run, rct_home: Path) -> None:
    make_assess("2026-01-01")
    result = run("progress")
    assert result.exit_code == 0
    assert "main: 1 assessment, 2026-01-01 to 2026-01-01" in result.stdout
    assert (
        "Movement shows from the second assessment with ratings in this setting; it has 1. Run rct assess"
        " --setting main again in a few weeks." in " ".join(result.stdout.split())
    )
    assert "Zest" not in result.stdout


def test_progress_with_no_assessments(run: Run, rct_home: Path) -> None:
    result = run("progress")
    assert (result.exit_code, result.stdout) == (0, "No assessments yet. Start with: rct assess\n")


def test_progress_chart_table_profile_and_steps(run: Run, rct_home: Path) -> None:
    from tests.journal.helpers import CONTENT

    surv = [p.id for p in CONTENT.cultures["survival"].indicators]
    make_assess("2026-01-01", good_thing_zest=1, practices=surv[:6])
    make_assess("2026-02-01", good_thing_zest=3, practices=surv[:3])
    make_assess("2026-03-01", good_thing_zest=5, practices=surv[:1])
    result = run("progress")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    zest = next(line for line in out.splitlines() if line.startswith("Zest"))
    assert zest.split() == ["Zest", "135", "1", "5", "+4"]  # plain sparkline: one digit per assessment
    assert "3 assessments, 2026-01-01 to 2026-03-01" in out
    dated = [line.split() for line in out.splitlines() if line.startswith("2026-0")]
    assert dated[0] == ["2026-01-01", "1", "2", "3", "3", "2", "2.2"]
    survival = next(line for line in out.splitlines() if line.startswith("Survival culture"))
    assert survival.split()[3:] == [f"{round(600 / len(surv))}%", f"{round(100 / len(surv))}%"]
    shares = [6 / len(surv), 3 / len(surv), 1 / len(surv)]
    assert survival.split()[2] == "".join(str(1 + round(v * 4)) for v in shares)  # the mix over time, plain marks
    assert "3 small steps planned: 0 done, 0 tried, 0 carried forward, 0 dropped, 3 open." in " ".join(out.split())
    clarity = next(line for line in out.splitlines() if line.startswith("Clarity"))
    assert clarity.split()[-1] == "same"  # as the reading says it, not +0
    data = json.loads(run("progress", "--json").stdout)
    assert [s["setting"] for s in data["settings"]] == ["main"]
    assert [a["ratings"]["zest"] for a in data["settings"][0]["assessments"]] == [1, 3, 5]
    assert data["settings"][0]["steps"] == {"planned": 3, "open": 3, "done": 0, "tried": 0, "carried": 0, "dropped": 0}


def test_steps_and_small_wins(run: Run, rct_home: Path) -> None:
    path = make_assess(
        "2026-01-01",
        small_steps=[
            {"what": "Ask for a case slot", "with-whom": "Bo", "by-when": "May", "risk": "low", "evidence": "A slot"},
            {"what": "Start a peer group", "by-when": "June", "risk": "medium", "evidence": "Two meetings"},
        ],
    )
    ident = entry_id(path)
    out = run("steps").stdout
    assert f"{ident}.1  open, " in out and "Ask for a case slot (with Bo)" in out
    assert f"{ident}.2  open, " in out
    result = run("steps", "done", f"{ident[:20]}.2", "--note", "We met twice; Jones came too")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "Marked done: Start a peer group\n"
    post = frontmatter.load(path)
    assert post["updates"][0]["step"] == 2 and post["updates"][0]["status"] == "done"
    assert post["updates"][0]["note"] == "We met twice; Jones came too"
    assert "## Updates" in post.content and "small step 2 done (Start a peer group). We met twice" in post.content
    assert has_mode(path, 0o600)
    out = run("steps").stdout
    assert f"{ident}.2  done " in out
    assert "1 of 2 done." in out
    steps = json.loads(run("progress", "--json").stdout)["settings"][0]["steps"]
    assert steps == {"planned": 2, "open": 1, "done": 1, "tried": 0, "carried": 0, "dropped": 0}
    assert run("journal", "list", "--grep", "twice").stdout.count(ident) == 1


def test_steps_done_when_the_entry_is_deleted_just_after_the_write(
    run: Run, rct_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`journal delete` may remove the entry between the saved update and the index's
    refresh: the step was marked, so the command says so (it once ended in a traceback
    from looking the step up in an index that no longer had it)."""
    import rct_workbook.journal.update as update

    path = make_assess(
        "2026-01-01", small_steps=[{"what": "Ask for a slot", "by-when": "May", "risk": "low", "evidence": "x"}]
    )
    written = update.update_entry

    def write_then_lose(target: Path, change: object) -> object:
        result = written(target, change)  # type: ignore[arg-type]
        target.unlink()  # what a `journal delete` racing this command does
        return result

    monkeypatch.setattr(update, "update_entry", write_then_lose)
    result = run("steps", "done", f"{entry_id(path)}.1")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "Marked done: Ask for a slot\n", "")
    assert not path.exists()


@pytest.mark.parametrize(
    ("step", "message"),
    [("nonsense", "is not a small step id"), ("1999.9", "no journal entry"), ("2026.x", "is not a small step id")],
)
def test_steps_done_bad_ids(run: Run, rct_home: Path, step: str, message: str) -> None:
    make_assess("2026-01-01")
    result = run("steps", "done", step)
    assert result.exit_code == 2
    assert message in result.stderr


def test_steps_done_unknown_number(run: Run, rct_home: Path) -> None:
    ident = entry_id(make_assess("2026-01-01"))
    result = run("steps", "done", f"{ident}.7")
    assert result.exit_code == 2
    assert result.stderr == f"rct: entry {ident} has no small step 7; see rct steps\n"


def test_steps_open_filter(run: Run, rct_home: Path) -> None:
    path = make_assess(
        "2026-01-01",
        small_steps=[
            {"what": "First step", "by-when": "May", "risk": "low", "evidence": "x"},
            {"what": "Second step", "by-when": "June", "risk": "low", "evidence": "y"},
        ],
    )
    assert run("steps", "done", f"{entry_id(path)}.1").exit_code == 0
    out = run("steps", "--open").stdout
    assert "Second step" in out and "First step" not in out
    assert "1 of 2 shown, 1 done." in out


def test_an_export_leaves_out_questions_with_no_answer(run: Run, rct_home: Path) -> None:
    """The entry keeps every question it asked; the group's handout holds only what was said."""
    path = make_assess("2026-03-12", history="", one_true_thing="")
    entry_text = path.read_text(encoding="utf-8")
    assert "*No answer.*" in entry_text
    result = run("journal", "export", entry_id(path), "--keep-flagged")
    assert result.exit_code == 0, result.stderr
    assert "No answer" not in result.stdout
    assert "#### What is one true thing" not in result.stdout
    assert "#### Plan of small steps" in result.stdout
