"""Shell completion of names: topics, vignettes and journal entry ids.

Each function runs only while the shell asks for completions, never prints, and answers
with nothing rather than an error: a completion must never break the command line.
"""

from __future__ import annotations

import contextlib


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
