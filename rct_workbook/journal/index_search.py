"""What the full-text search reads: the text gathered from entries (sealed ones opened
only when searched) and the words turned into an FTS query.
"""

from __future__ import annotations

import json
from typing import Any

from rct_workbook.journal.index_parse import _sealed_entry
from rct_workbook.journal.index_records import _updates
from rct_workbook.paths import journal_dir

_ALL_FOR_SEARCH = "SELECT num, title, answers, updates, review FROM entries WHERE unsearched IS NOT NULL"


def _loads(text: str | None) -> Any:
    try:
        return json.loads(text) if text else None
    except ValueError:
        return None


def _sealed_holds(name: str, query: str) -> bool:
    """Whether the encrypted entry ``name`` holds every word of ``query``, as the full-text
    search would find them: its title and the texts of its answers, updates and review.

    Parsing an entry costs ten times opening it, so its front matter's text is looked at first:
    words missing there are missing from its answers. (A YAML escape can hide a word boundary,
    so a front matter with a backslash is always parsed.)"""
    from rct_workbook.journal import vault
    from rct_workbook.journal.store import BadEntry, split_front_matter
    from rct_workbook.model.answers import texts_in
    from rct_workbook.storage import NotReadable, read_bounded

    words = [" ".join(_tokens(word)) for word in query.replace('"', " ").split()]
    path = journal_dir() / name
    try:
        raw = vault.decoded(path, read_bounded(path, 4 * 1024 * 1024, follow_links=False)).decode("utf-8")
        text, _ = split_front_matter(raw)  # the answers, updates and review are all in the front matter
    except (OSError, ValueError, NotReadable, BadEntry, vault.Undecryptable):  # the ordinary way says why
        text = "\\"
    if "\\" not in text:
        found = f" {' '.join(_tokens(text))} "
        if not all(f" {word} " in found for word in words):
            return False
    entry = _sealed_entry(name)
    columns = (entry.answers, _updates(entry), list(entry.review))
    text = "\n".join([entry.title, *(t for c in columns for t in texts_in(json.loads(json.dumps(c, default=str))))])
    found = f" {' '.join(_tokens(text))} "
    return all(f" {word} " in found for word in words)


def _tokens(text: str) -> list[str]:
    """The words of ``text`` as SQLite's unicode61 tokenizer makes them: letters and digits,
    case and diacritics set aside."""
    import re

    if not text.isascii():
        import unicodedata

        text = unicodedata.normalize("NFKD", text)
        marks = {ord(c): None for c in set(text) if unicodedata.combining(c)}  # a few distinct characters
        text = text.translate(marks) if marks else text
    return re.findall(r"[^\W_]+", text.casefold())


def _fts_query(text: str) -> str:
    """Each word of ``text`` as a quoted FTS5 term (all must match); no query syntax."""
    words = [w for w in text.replace('"', " ").split() if w]
    return " ".join(f'"{w}"' for w in words) or '""'
