"""Names from the loaded content and the journal, read only when asked for: shell completion
of topics, vignettes and journal entry ids, and the cases an argument's help lists.

Each function runs only while the shell asks for completions (or help is shown), never
prints, and answers with nothing rather than an error: a completion or a help must never
break the command line.
"""

from __future__ import annotations

import contextlib
from typing import Any

#: In an argument's help, the cases of the loaded content (built-in and packs), filled in
#: only when the help is shown, so `rct --help` and every command's own run read no content.
CASES = "{cases}"


def topics(incomplete: str) -> list[str]:
    from rct_workbook.render.views import TOPICS

    return [name for name in TOPICS if name.startswith(incomplete)]


def vignettes(incomplete: str) -> list[str]:
    from rct_workbook.cli.state import packs_from
    from rct_workbook.errors import WorkbookError
    from rct_workbook.model.content import load_content

    try:
        content = load_content(packs_from(None))
    except WorkbookError:
        return []
    return [name for name in content.vignettes if name.startswith(incomplete)]


def with_cases(ctx: Any, help: str) -> str:
    """``help`` with :data:`CASES` as the ids of the cases this run would know (its --content
    and RCT_CONTENT packs included); content that cannot be loaded leaves the names out (the
    command itself will say what is wrong)."""
    if CASES not in help:
        return help
    from rct_workbook.cli.state import state
    from rct_workbook.errors import WorkbookError

    try:
        names = list(state(ctx).content().vignettes)
    except WorkbookError:
        return help.replace(CASES, "one of those rct vignette lists")
    return help.replace(CASES, "one of " + ", ".join(names))


def entry_ids(incomplete: str) -> list[str]:
    """Ids of the entries in the index, newest first, read as they are (no refresh, nothing created)."""
    import sqlite3

    from rct_workbook.journal.index import index_path

    path = index_path()
    if not path.is_file():
        return []
    with (
        contextlib.suppress(sqlite3.Error),
        contextlib.closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as conn,
    ):
        escaped = incomplete.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        found = conn.execute(
            "SELECT id FROM entries WHERE bad IS NULL AND id LIKE ? ESCAPE '\\' ORDER BY created DESC LIMIT 200",
            (escaped + "%",),
        )
        return [str(row[0]) for row in found]
    return []
