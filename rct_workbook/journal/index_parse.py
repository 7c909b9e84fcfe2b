"""Building index rows from the entry files: one file at a time, or in chunks for the
forked cold build (which ``index._parse_shares`` runs); stale temporary files removed.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rct_workbook.errors import StorageError
from rct_workbook.journal.index_records import _updates, utc_instant
from rct_workbook.paths import journal_dir

if TYPE_CHECKING:
    from rct_workbook.journal.entry import Entry


#: Where a temporary file cannot be locked (Windows), one older than this was left by a killed save.
STALE_TEMP_SECONDS = 600


def _remove_if_stale(item: os.DirEntry[str]) -> None:
    """A temporary file left by a save that was killed is removed: its writer's lock is gone
    (``storage.remove_if_abandoned``); one being written now stays."""
    from rct_workbook.storage import remove_if_abandoned

    remove_if_abandoned(item.path, STALE_TEMP_SECONDS)


def _parse_one(folder: Path, name: str, size: int, mtime: int) -> tuple[str, tuple[Any, ...] | None]:
    """An index row for one file, or a row that records why it is no entry;
    no row at all for a file deleted since the folder was listed (that is no problem to report)."""
    # Only reading files needs the YAML parser and the entry checks: a warm listing never imports them.
    from rct_workbook.journal.entry import digest, parse_reading
    from rct_workbook.journal.store import BadEntry, EntryGone, read_entry
    from rct_workbook.model.answers import SMALL_STEPS

    try:
        entry = read_entry(folder / name)
    except EntryGone:
        return name, None
    except BadEntry as exc:
        return name, (name, size, mtime, str(exc), *([None] * 19))
    reading = parse_reading(entry.reading)
    updates = _updates(entry)
    row = (
        name,
        size,
        mtime,
        None,
        entry.id,
        entry.created,
        utc_instant(entry.created),
        entry.kind,
        entry.title,
        entry.vignette,
        entry.section,
        reading.mean,
        json.dumps(entry.answers, ensure_ascii=False, default=str),
        # The small steps alone, so progress and steps need not decode every answer.
        json.dumps({SMALL_STEPS: entry.answers.get(SMALL_STEPS) or []}, ensure_ascii=False, default=str),
        ",".join(str(n) for n, step in enumerate(entry.answers.get(SMALL_STEPS) or (), 1) if isinstance(step, dict)),
        json.dumps(digest(entry, reading), ensure_ascii=False, separators=(",", ":"), default=str),
        None if entry.reading is None else json.dumps(entry.reading, ensure_ascii=False, default=str),
        json.dumps(updates, ensure_ascii=False, default=str),
        None if entry.shares is None else json.dumps(entry.shares, ensure_ascii=False),
        entry.setting_name if entry.kind == "assess" else entry.setting,
        json.dumps(list(entry.review), ensure_ascii=False, default=str) if entry.review else None,
        entry.next_check_in,
        1,  # not yet in the search index
    )
    if name.endswith(".age"):  # encrypted: the index keeps none of its text (see _sealed_row)
        row = _without_text(row)
    return name, row


def _without_text(row: tuple[Any, ...]) -> tuple[Any, ...]:
    """An encrypted entry's row as kept: what a listing and progress need, and no answer's text.

    Its answers, small steps and reading are read from its file when asked for; so are its
    updates and review, which are "[]" when it has none (so progress needs no file then).
    It is never added to the full-text index: a search opens its file instead."""
    values = list(row)
    values[12] = values[13] = values[16] = None
    values[17] = "[]" if values[17] == "[]" else None
    values[20] = "[]" if values[20] is None else None
    values[22] = None
    return tuple(values)


def _sealed_steps(row: tuple[Any, ...]) -> tuple[Any, ...]:
    """A row of ``digests``, with the updates and review of an encrypted entry that has any read from its file."""
    *head, updates, review, name = row
    if not name.endswith(".age") or (updates is not None and review is not None):
        return row
    entry = _sealed_entry(name)
    return (*head, json.dumps(_updates(entry), default=str), json.dumps(list(entry.review), default=str), name)


def _sealed_entry(name: str) -> Entry:
    """The encrypted entry ``name``, read (and opened) from its file for what its row leaves out."""
    from rct_workbook.journal.store import BadEntry, read_entry

    try:
        return read_entry(journal_dir() / name)
    except BadEntry as exc:
        raise StorageError(f"cannot read journal/{name}: {exc}") from None


def _parse_chunk(folder: Path, items: list[tuple[str, int, int]]) -> list[tuple[str, tuple[Any, ...] | None]]:
    import gc

    # Parsing makes no reference cycles, and the cyclic collector would walk every object it
    # keeps over and over (a tenth of the time): leave freeing to reference counts meanwhile.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return [_parse_one(folder, *item) for item in items]
    finally:
        if collecting:
            gc.enable()
