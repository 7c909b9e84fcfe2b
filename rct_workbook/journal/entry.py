"""Journal entries: Markdown files with YAML front matter, saved atomically and privately."""

from __future__ import annotations

import dataclasses
import datetime as _dt
import logging
import re
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypedDict

from rct_workbook.errors import StorageError
from rct_workbook.journal.settings import DEFAULT_SETTING
from rct_workbook.model.answers import SMALL_STEPS
from rct_workbook.paths import ensure_private_dir, journal_dir
from rct_workbook.storage import write_atomic

#: The entry format this version writes; readers skip entries from newer formats.
FORMAT = 1
#: The largest entry rct reads back (``store.read_entry``), so the largest it writes.
MAX_ENTRY_BYTES = 2 * 1024 * 1024


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
    updates: tuple[dict[str, Any], ...] = ()
    body: str = ""
    #: Each answer's share mode ("group" or "private"), fixed when it was saved: an export
    #: honours it, and a content pack changed later cannot widen it.
    shares: dict[str, str] | None = None
    path: Path | None = field(default=None, compare=False)
    #: The workplace an assessment reads (None in entries saved before settings existed).
    setting: str | None = None
    #: "Since last time": what happened to each open step of the setting's last plan.
    review: tuple[dict[str, Any], ...] = ()
    #: The date (ISO) the person chose for their next check-in in this setting.
    next_check_in: str | None = None

    @property
    def setting_name(self) -> str:
        return self.setting or DEFAULT_SETTING

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
        if self.setting is not None:
            front["setting"] = self.setting
        if self.review:
            front["review"] = list(self.review)
        front["answers"] = self.answers
        if self.shares is not None:
            front["shares"] = self.shares
        if self.reading is not None:
            front["reading"] = self.reading
        if self.next_check_in is not None:
            front["next_check_in"] = self.next_check_in
        if self.updates:
            front["updates"] = list(self.updates)
        return front


def now() -> _dt.datetime:
    """The current local time, with its UTC offset."""
    return _dt.datetime.now().astimezone()


def new_id(kind: str, when: _dt.datetime, topic: str | None = None) -> str:
    stamp = when.strftime("%Y%m%d-%H%M%S")
    slug = re.sub(r"[^a-z0-9-]+", "-", (topic or kind).lower()).strip("-")[:24] or kind
    return f"{stamp}-{slug}-{secrets.token_hex(2)}"


#: Characters YAML readers treat as line breaks or drop, unless they are escaped.
_ESCAPE_IN_YAML = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff]")


#: A line that, even indented, some tools take for the end of the front matter.
_LOOKS_LIKE_A_FENCE = re.compile(r"^\s*(---|\.\.\.)", re.MULTILINE)


def dump_front_matter(data: dict[str, Any]) -> str:
    """YAML for front matter (safe dumper only) that reads back to exactly ``data``.

    Text with characters YAML would fold or drop (NEL, line and paragraph separators,
    control characters) is written double-quoted, where they are escaped; other
    multi-line text as a literal block, which reads well in an editor.
    """
    import yaml

    class Dumper(yaml.SafeDumper):
        pass

    def text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
        style = None
        if _ESCAPE_IN_YAML.search(value) or _LOOKS_LIKE_A_FENCE.search(value):
            style = '"'
        elif "\n" in value:
            style = "|"
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)

    Dumper.add_representer(str, text)
    return yaml.dump(data, Dumper=Dumper, allow_unicode=True, sort_keys=False, default_flow_style=False, width=1000)


def document(entry: Entry) -> str:
    """The whole file: front matter written by the safe YAML dumper, then the body."""
    front = dump_front_matter(entry.front_matter())
    body = entry.body.rstrip("\n")
    return f"---\n{front}---\n\n{body}\n"


def save(entry: Entry) -> Entry:
    """Save ``entry`` as a new file in the journal; never overwrite another entry."""
    folder = ensure_private_dir(journal_dir())
    current = entry
    data = document(current).encode("utf-8")
    check_size(entry, len(data))
    from rct_workbook.journal import vault

    for _ in range(20):
        # With encryption on, ENTRY.md.age: the same bytes, encrypted (journal/vault.py).
        path, sealed = vault.for_writing(folder / f"{current.id}.md", data)
        try:
            again = sealed if current is entry else vault.encoded(path, document(current).encode("utf-8"))
            write_atomic(path, again, overwrite=False)
        except FileExistsError:
            when = _dt.datetime.fromisoformat(entry.created)
            current = dataclasses.replace(entry, id=new_id(entry.kind, when, entry.vignette or entry.section))
            continue
        logging.getLogger("rct").debug("saved entry %s", path.name)
        return dataclasses.replace(current, path=path)
    raise StorageError("could not find a free name for the entry")  # pragma: no cover


def check_size(entry: Entry, size: int) -> None:
    """Refuse, before anything is written, an entry rct could not read back: one line, naming
    the answers that take the most room as stored (in bytes: an emoji takes four). The caller
    keeps the answers (in the draft, or in the answers file, which is unchanged)."""
    if size <= MAX_ENTRY_BYTES:
        return
    room = {key: len(dump_front_matter({key: value}).encode("utf-8")) for key, value in entry.answers.items()}
    largest = sorted(room, key=room.__getitem__, reverse=True)[:3]
    named = ", ".join(f"{key} ({room[key]:,} bytes)" for key in largest)
    raise StorageError(
        f"these answers are too long to save: the entry would be {size:,} bytes and rct reads back at most "
        f"{MAX_ENTRY_BYTES:,}; the longest: {named}. Nothing was saved"
    )


class Digest(TypedDict):
    """What the index keeps of an entry for progress (its ``digest`` column, as JSON)."""

    ratings: dict[str, int]
    profile: dict[str, float]
    steps: int
    done: list[int]


@dataclass(frozen=True)
class StoredReading:
    """What the rest of rct reads back of a reading saved in an entry's front matter.

    Made only by ``parse_reading``: the one place that knows the stored shape (see
    ``reading.Reading.to_dict``) and what to make of a hand-edited or older one.
    """

    #: The good-thing ratings, by good thing id (unrated ones left out).
    ratings: dict[str, int]
    #: The ratings before this one (rating minus stored change), so "change" shows again.
    previous: dict[str, int]
    #: Each culture type's share of its indicators ticked, rounded to 3 places.
    profile: dict[str, float]
    #: The mean of the good things, if one was recorded.
    mean: float | None
    #: Whether the care note was shown with this reading (never why).
    care_note: bool = False


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def parse_reading(reading: Mapping[str, Any] | None) -> StoredReading:
    """The stored reading ``reading`` (None or malformed parts read as nothing recorded)."""
    data: Mapping[str, Any] = reading if isinstance(reading, Mapping) else {}
    good = data.get("good_things")
    ratings = {k: v for k, v in good.items() if isinstance(k, str) and _is_int(v)} if isinstance(good, dict) else {}
    change = data.get("change")
    previous = (
        {k: ratings[k] - v for k, v in change.items() if k in ratings and _is_int(v)}
        if isinstance(change, dict)
        else {}
    )
    profile: dict[str, float] = {}
    counts_by_culture = data.get("profile")
    if isinstance(counts_by_culture, dict):
        for culture, counts in counts_by_culture.items():
            if isinstance(counts, dict) and _is_int(counts.get("total")) and counts["total"]:
                checked = counts.get("checked")
                ticked = int(checked) if isinstance(checked, (int, float)) and not isinstance(checked, bool) else 0
                profile[str(culture)] = round(ticked / counts["total"], 3)
    mean = data.get("mean")
    return StoredReading(
        ratings=ratings,
        previous=previous,
        profile=profile,
        mean=float(mean) if isinstance(mean, (int, float)) and not isinstance(mean, bool) else None,
        care_note=data.get("care_note") is True,
    )


def digest(entry: Entry, reading: StoredReading | None = None) -> Digest:
    """What progress needs of an entry: ratings, profile shares, steps planned and done.

    ``reading``: ``parse_reading(entry.reading)``, when the caller has it already."""
    steps = [s for s in entry.answers.get(SMALL_STEPS) or [] if isinstance(s, dict)]
    done = sorted(
        {
            u["step"]
            for u in entry.updates
            if u.get("status") == "done" and isinstance(u.get("step"), int) and 1 <= u["step"] <= len(steps)
        }
    )
    if reading is None:
        reading = parse_reading(entry.reading)
    return {"ratings": reading.ratings, "profile": reading.profile, "steps": len(steps), "done": done}
