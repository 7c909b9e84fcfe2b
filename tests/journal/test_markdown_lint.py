"""Entries and exports pass a Markdown linter (line length aside: answers are prose).

Entries are linted with front matter enabled, so its `title` counts as the document's
title, as Obsidian and markdownlint read it.
"""

from __future__ import annotations

from pathlib import Path

import frontmatter

from tests.helpers import Run, markdown_lint
from tests.journal.helpers import entry_id, make_assess, make_vignette

TRICKY = "---\n# not a heading\n- not a list\n> not a quote\n<b>no html</b> | pipe | [link](x) *stars* 1. one"


def test_entries_and_exports_pass_the_linter(run: Run, rct_home: Path, tmp_path: Path) -> None:
    entries = [
        make_assess("2026-01-01", risks=TRICKY, vision=TRICKY + "\n\nSecond paragraph.", kept_out=TRICKY),
        make_vignette("2026-01-02", "paula", own_setting_echo=TRICKY),
        make_vignette("2026-01-03", "clinic"),
    ]
    single, several = tmp_path / "one.md", tmp_path / "several.md"
    for out, ids in ((single, [entry_id(entries[0])]), (several, [entry_id(p) for p in entries])):
        result = run("journal", "export", *ids, "--keep-flagged", "--include-private", "--out", str(out))
        assert result.exit_code == 0, result.stderr
    checked = markdown_lint(*entries, single)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    # Several entries in one export repeat their section names (each has "My reflection"),
    # which MD024 counts as duplicate headings; everything else passes.
    checked = markdown_lint(several, disable="md013,md024")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    for path in entries:
        post = frontmatter.load(path)
        assert post["title"] and not post.content.startswith("# ")
