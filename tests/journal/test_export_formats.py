"""The registry of export formats (render/formats): a new format is one module and one name,
the commands offer what the registry holds, and the plain-text export carries exactly what the
Markdown export does."""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from rct_workbook.render.formats import (
    CLASS_PROFILE,
    JOURNAL,
    PROGRESS,
    WORKSHEET,
    WORKSHOP_PLAN,
    Format,
    JournalDocument,
    Registry,
    Rendered,
)
from rct_workbook.render.formats.journal_text import WIDTH, plain_text
from tests.helpers import Run, has_mode
from tests.journal.helpers import entry_id, make_assess, make_vignette


class Shout(Format[JournalDocument]):
    """A throwaway format, as a new module would define it."""

    name = "shout"
    help = "the Markdown export in capitals"
    title = "a shouted export"

    def render(self, document: JournalDocument) -> Rendered:
        return Rendered(document.export.markdown.upper(), note="Shouted.")


@pytest.fixture
def shout(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Shout registered, as its one line in the registry would; the journal's commands are
    loaded afresh, as each run of rct loads them (the old module comes back afterwards)."""
    JOURNAL.add(Shout())
    monkeypatch.delitem(sys.modules, "rct_workbook.cli.journal", raising=False)
    yield
    JOURNAL.remove("shout")


@pytest.fixture
def entries(rct_home: Path) -> list[Path]:
    return [
        make_assess(
            "2026-03-12",
            risks="Dr. Jones dismissed it & said so; the <ward> is *tired*.",
            support_people="Ana Lopez and my peer group",
            small_steps=[
                {"what": "Talk to Ana", "with-whom": "Ana Lopez", "by-when": "May", "risk": "high", "evidence": "X"}
            ],
        ),
        make_assess("2026-04-12"),
        make_vignette("2026-04-02", "paula", own_setting_echo="Like Paula, I work under a director, Mr. Jones."),
    ]


def test_a_registered_format_is_offered_and_used_with_no_change_to_the_command(
    run: Run, shout: None, entries: list[Path]
) -> None:
    help_text = run("journal", "export", "--help").stdout
    assert f"--format {'|'.join(JOURNAL.names())}" in help_text
    assert "shout" in JOURNAL.names() and "shout: the Markdown export in capitals" in " ".join(help_text.split())

    ids = [entry_id(p) for p in entries]
    markdown = run("journal", "export", *ids, "--redact", "Ana Lopez", "--keep-flagged")
    shouted = run("journal", "export", *ids, "--redact", "Ana Lopez", "--keep-flagged", "--format", "shout")
    assert shouted.exit_code == 0, shouted.stderr
    # It is given the document sharing made: the same redactions, the same answers left out.
    assert shouted.stdout == markdown.stdout.upper()
    assert "ANA LOPEZ" not in shouted.stdout and "[PERSON A]" in shouted.stdout
    assert shouted.stderr == f"{markdown.stderr.strip()} Shouted.\n"

    refused = run("journal", "export", ids[0], "--keep-flagged", "--format", "shout", "--with-answers")
    assert refused.exit_code == 2
    assert refused.stderr == (
        f"rct: --with-answers is for --format {' or '.join(JOURNAL.taking('--with-answers'))};"
        " a shouted export always holds every answer in full\n"
    )


def test_a_format_is_gone_when_its_line_is(run: Run, shout: None, entries: list[Path]) -> None:
    assert "shout" in run("journal", "export", "--help").stdout
    JOURNAL.remove("shout")
    del sys.modules["rct_workbook.cli.journal"]  # the next run of rct
    result = run("journal", "export", entry_id(entries[0]), "--keep-flagged", "--format", "shout")
    assert result.exit_code == 2
    assert f"is not one of {', '.join(map(repr, JOURNAL.names()))}." in result.stderr
    JOURNAL.add(Shout())  # for the fixture to remove


def _words(text: str) -> Counter[str]:
    return Counter(re.findall(r"\w+", text))


def test_the_text_export_holds_the_markdown_export_s_words_and_nothing_else(
    run: Run, entries: list[Path], tmp_path: Path
) -> None:
    ids = [entry_id(p) for p in entries]
    markdown_run = run("journal", "export", *ids, "--redact", "Jones", "--keep-flagged")
    markdown = markdown_run.stdout
    out = tmp_path / "meeting.txt"
    result = run(
        "journal", "export", *ids, "--redact", "Jones", "--keep-flagged", "--format", "text", "--out", str(out)
    )
    assert result.exit_code == 0, result.stderr
    assert re.fullmatch(r"\d+ private answers left out \(--include-private adds them\)\.\n", markdown_run.stderr)
    assert result.stderr == f"Wrote {out} (3 entries). {markdown_run.stderr}"
    assert has_mode(out, 0o600)
    text = out.read_text(encoding="utf-8")
    # The agenda's data comments are for the Markdown export; every word a person reads is kept.
    readable = re.sub(r"<!--.*?-->", "", markdown, flags=re.DOTALL)
    assert _words(text) == _words(readable)
    assert "Jones" not in text and "[Person A]" in text
    assert "rct-entry" not in text and "<!--" not in text and "\\" not in text
    assert "[Person A] dismissed it & said so; the <ward> is *tired*." in " ".join(text.split())
    assert "(Hartling & Sparks, 2002)" in " ".join(text.split())
    assert max(len(line) for line in text.splitlines()) <= WIDTH
    assert result.stdout == ""
    # With no --out it is printed, like every format.
    assert run("journal", "export", *ids, "--redact", "Jones", "--keep-flagged", "--format", "text").stdout == text


def test_plain_text_lists_tables_and_headings() -> None:
    narrow = "| Good thing | Rating |\n| --- | --- |\n| Zest | 3 |\n| Clarity | 4 |\n"
    assert plain_text(narrow) == "Good thing  Rating\n----------  ------\nZest        3\nClarity     4\n"
    wide = "| Small step | With whom |\n| --- | --- |\n| " + "word " * 20 + "| Ana |\n| Rest | |\n"
    assert plain_text(wide, width=40) == (
        "Small step: word word word word word\n"
        "  word word word word word word word\n"
        "  word word word word word word word\n"
        "  word\n"
        "With whom: Ana\n\nSmall step: Rest\n"
    )
    doc = "# Title\n\n## Entry\n\n### Section\n\n#### A question?\n\n1. one\n2. " + "two " * 12 + "\n\n- a\\\n  b\n"
    assert plain_text(doc, width=30) == (
        "=====\nTitle\n=====\n\nEntry\n=====\n\nSection\n-------\n\nA question?\n\n"
        "1. one\n2. two two two two two two two\n   two two two two two\n\n- a\n  b\n"
    )


def test_the_text_export_makes_control_characters_visible(run: Run, rct_home: Path) -> None:
    path = make_assess("2026-03-12", risks="A bell \x07 and an escape \x1b[2J here.")
    text = run("journal", "export", entry_id(path), "--keep-flagged", "--format", "text").stdout
    assert "\x1b" not in text and "\x07" not in text


@pytest.mark.parametrize("registry", [JOURNAL, PROGRESS, WORKSHOP_PLAN, WORKSHEET, CLASS_PROFILE])
def test_every_registered_format_names_itself_and_says_what_it_is(registry: Registry[object]) -> None:
    for name, fmt in registry.formats.items():
        assert name == fmt.name and re.fullmatch(r"[a-z]+", name) and fmt.help
        assert all(s.startswith(".") and s == s.lower() for s in fmt.suffixes)
    with pytest.raises(ValueError, match="needs a name of its own"):
        registry.add(registry.get(registry.default()))


def test_the_default_follows_the_file_s_ending() -> None:
    assert WORKSHEET.for_file(None, Path("sheet.HTML")).name == "html"
    assert WORKSHEET.for_file(None, Path("sheet.txt")).name == WORKSHEET.default() == "md"
    assert WORKSHEET.for_file(None, Path("-")).name == "md"
    assert WORKSHEET.for_file("md", Path("sheet.html")).name == "md"
    assert PROGRESS.for_file(None, Path("figures.json")).name == "json"
    assert JOURNAL.default() == "md" and JOURNAL.for_file(None, Path("for-the-group.txt")).name == "text"


def test_an_export_s_format_follows_the_file_s_ending(run: Run, entries: list[Path], tmp_path: Path) -> None:
    ident = entry_id(entries[2])
    for name, start in (("handout.html", "<!DOCTYPE html>"), ("mail.txt", "="), ("notes.md", "<!-- rct-workbook")):
        out = tmp_path / name
        result = run("journal", "export", ident, "--keep-flagged", "--out", str(out))
        assert result.exit_code == 0, result.stderr
        assert out.read_text(encoding="utf-8").startswith(start)
    with_answers = run(
        "journal", "export", ident, "--keep-flagged", "--with-answers", "--out", str(tmp_path / "a.html")
    )
    assert with_answers.exit_code == 0, with_answers.stderr


def test_progress_takes_its_formats_from_the_registry(run: Run, entries: list[Path], tmp_path: Path) -> None:
    figures = run("progress", "--json").stdout
    assert run("progress", "--format", "json").stdout == figures
    out = tmp_path / "figures.json"
    written = run("progress", "--out", str(out))  # the ending chooses JSON
    assert written.stderr == f"Wrote the progress figures to {out}.\n"
    assert json.loads(out.read_text(encoding="utf-8")) == json.loads(figures)
    page = tmp_path / "page.html"
    both = run("progress", "--json", "--html", str(page))  # the older options together, as before
    assert both.stdout == figures and page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert run("progress", "--format", "html").stdout == page.read_text(encoding="utf-8")
    twice = run("progress", "--json", "--format", "html")
    assert twice.exit_code == 2
    assert twice.stderr.startswith("rct: only one document can be printed;")


def test_progress_with_no_assessments_writes_only_the_figures(run: Run, rct_home: Path, tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    result = run("progress", "--html", str(page))
    assert (result.exit_code, result.stdout, page.exists()) == (
        0,
        "No assessments yet. Start with: rct assess\n",
        False,
    )
    assert json.loads(run("progress", "--format", "json").stdout) == {"settings": []}


@pytest.mark.parametrize(
    ("command", "registry"),
    [
        (("journal", "export"), JOURNAL),
        (("progress",), PROGRESS),
        (("workshop", "plan"), WORKSHOP_PLAN),
        (("workshop", "profile"), CLASS_PROFILE),
        (("worksheet", "assess"), WORKSHEET),
        (("worksheet", "vignette"), WORKSHEET),
    ],
)
def test_each_command_offers_its_registry_s_formats(
    run: Run, command: tuple[str, ...], registry: Registry[object]
) -> None:
    shown = " ".join(run(*command, "--help").stdout.split())
    assert f"--format {'|'.join(registry.names())}" in shown
    for fmt in registry.formats.values():
        assert f"{fmt.name}: {' '.join(fmt.help.split())}" in shown


def test_a_format_is_one_module_found_by_its_name(tmp_path: Path) -> None:
    """A registry's formats are the modules named for it in the formats folder: a new one
    is one file, named nowhere else; the default comes first, the rest by name."""
    for stem in ("journal_md", "journal_html", "journal_email", "progress_json", "journalish"):
        (tmp_path / f"{stem}.py").write_text("", encoding="utf-8")
    registry: Registry[object] = Registry("journal export", "journal", default="md", folder=tmp_path)
    assert registry.modules() == ("journal_md", "journal_email", "journal_html")


def test_the_shipped_registries_find_their_modules() -> None:
    from rct_workbook.render.formats import CLASS_PROFILE, PROGRESS, WORKSHEET, WORKSHOP_PLAN

    assert JOURNAL.modules() == ("journal_md", "journal_html", "journal_text")
    assert JOURNAL.default() == "md" and PROGRESS.default() == "html"
    for registry in (JOURNAL, PROGRESS, WORKSHOP_PLAN, WORKSHEET, CLASS_PROFILE):
        assert registry.names() == tuple(m.removeprefix(f"{registry.prefix}_") for m in registry.modules())
