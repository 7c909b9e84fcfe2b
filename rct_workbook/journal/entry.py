"""Journal entries: Markdown files with YAML front matter, saved atomically and privately."""

from __future__ import annotations

import datetime as _dt
import re
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rct_workbook.errors import StorageError
from rct_workbook.paths import ensure_private_dir, journal_dir
from rct_workbook.storage import write_atomic

#: The entry format this version writes; readers skip entries from newer formats.
FORMAT = 1


@dataclass(frozen=True)
class Entry:
    """One saved reflection."""

    id: str
    kind: str
    created: str
    title: str
    content_version: str
    answers: dict[str, Any]
    vignette: str | None = None
    section: str | None = None
    reading: dict[str, Any] | None = None
    body: str = ""
    path: Path | None = field(default=None, compare=False)

    def front_matter(self) -> dict[str, Any]:
        front: dict[str, Any] = {
            "format": FORMAT,
            "id": self.id,
            "kind": self.kind,
            "title": self.title,
            "created": self.created,
            "content_version": self.content_version,
        }
        if self.vignette is not None:
            front["vignette"] = self.vignette
        if self.section is not None:
            front["section"] = self.section
        front["answers"] = self.answers
        if self.reading is not None:
            front["reading"] = self.reading
        return front


def now() -> _dt.datetime:
    """The current local time, with its UTC offset."""
    return _dt.datetime.now().astimezone().replace(microsecond=0)


def new_id(kind: str, when: _dt.datetime, topic: str | None = None) -> str:
    stamp = when.strftime("%Y%m%d-%H%M%S")
    slug = re.sub(r"[^a-z0-9-]+", "-", (topic or kind).lower()).strip("-")[:24] or kind
    return f"{stamp}-{slug}-{secrets.token_hex(2)}"


def document(entry: Entry) -> str:
    """The whole file: front matter written by yaml.safe_dump, then the body."""
    import yaml

    front = yaml.safe_dump(
        entry.front_matter(), allow_unicode=True, sort_keys=False, default_flow_style=False, width=1000
    )
    body = entry.body.rstrip("\n")
    return f"---\n{front}---\n\n{body}\n"


def save(entry: Entry) -> Entry:
    """Save ``entry`` as a new file in the journal; never overwrite another entry."""
    folder = ensure_private_dir(journal_dir())
    current = entry
    for _ in range(20):
        path = folder / f"{current.id}.md"
        try:
            write_atomic(path, document(current).encode("utf-8"), overwrite=False)
        except FileExistsError:
            when = _dt.datetime.fromisoformat(entry.created)
            current = Entry(**{**entry.__dict__, "id": new_id(entry.kind, when, entry.vignette or entry.section)})
            continue
        return Entry(**{**current.__dict__, "path": path})
    raise StorageError("could not find a free name for the entry")  # pragma: no cover
