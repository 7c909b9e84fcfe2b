"""Reading journal entries back from their files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rct_workbook.journal.entry import FORMAT, Entry
from rct_workbook.journal.entry import MAX_ENTRY_BYTES as MAX_ENTRY_BYTES  # where it is read back
from rct_workbook.model.safe_yaml import YamlProblem, load_plain
from rct_workbook.paths import journal_dir
from rct_workbook.storage import TEMP_PREFIX


class BadEntry(Exception):
    """A file in the journal folder that is not a valid entry (the reason is the message)."""


class EntryGone(BadEntry):
    """The file was removed (an entry deleted meanwhile) between listing the folder and reading it."""


def split_front_matter(text: str) -> tuple[str, str]:
    """(front matter, body) of an entry's text; raise BadEntry if there is none."""
    text = text.lstrip("\ufeff")
    if not text.startswith("---\n") and not text.startswith("---\r\n"):
        raise BadEntry("it does not start with front matter (---)")
    if "\r" in text:
        text = text.replace("\r\n", "\n")
    end = text.find("\n---\n", 3)
    if end == -1:
        if text.endswith("\n---"):
            end = len(text) - 4
        else:
            raise BadEntry("its front matter is not closed (no second ---)")
    return text[4 : end + 1], text[end + 5 :]


def front_data(front_text: str) -> Any:
    """Parse front matter with the refusing reader: plain YAML values only, no anchors,
    aliases or object tags, no duplicate keys (``safe_yaml.load_plain``, libyaml underneath)."""
    try:
        return load_plain(front_text)
    except YamlProblem as exc:
        raise BadEntry(f"its front matter cannot be read ({exc.message})") from None


def parse_entry(text: str, path: Path | None = None) -> Entry:
    """The entry in ``text``, checked; BadEntry (naming the key) if it is not one."""
    from rct_workbook.journal.validate import InvalidFront, check_front

    front_text, body = split_front_matter(text)
    front = front_data(front_text)
    if not isinstance(front, dict):
        raise BadEntry("its front matter is not a mapping")
    version = front.get("format")
    if not isinstance(version, int) or isinstance(version, bool):
        raise BadEntry("its front matter has no format version")
    if version > FORMAT:
        raise BadEntry(f"it was written by a newer rct (format {version}); update rct to read it")
    missing = [k for k in ("id", "kind", "created", "answers") if k not in front]
    if missing:
        raise BadEntry(f"its front matter lacks {', '.join(missing)}")
    try:
        checked = check_front(front)
    except InvalidFront as exc:
        raise BadEntry(str(exc)) from None
    return Entry(
        id=checked.id,
        kind=checked.kind,
        created=checked.created,
        title=checked.title,
        content_version=checked.content_version,
        answers=front["answers"],
        vignette=checked.vignette,
        section=checked.section,
        reading=front.get("reading") if checked.has_reading else None,
        updates=tuple(front.get("updates") or ()),
        shares=checked.shares,
        body=body.lstrip("\n"),
        path=path,
        setting=_setting(front.get("setting")),
        review=tuple(r for r in front.get("review") or () if isinstance(r, dict))
        if isinstance(front.get("review"), list)
        else (),
        next_check_in=_iso_date(front.get("next_check_in")),
    )


def _setting(value: Any) -> str | None:
    """An entry's setting; an old entry (or one with a hand-made blank) has none, and reads as "main"."""
    if isinstance(value, str) and value.strip():
        return " ".join(value.split())
    return None


def _iso_date(value: Any) -> str | None:
    from rct_workbook.dates import as_date

    found = as_date(value)
    return None if found is None else found.isoformat()


def read_entry(path: Path) -> Entry:
    from rct_workbook.journal import vault
    from rct_workbook.storage import NotReadable, read_bounded

    try:
        # An encrypted entry (ENTRY.md.age) is the same Markdown inside age's header and tags.
        raw = read_bounded(path, MAX_ENTRY_BYTES + (64 * 1024 if vault.is_sealed(path) else 0), follow_links=False)
        raw = vault.decoded(path, raw)
    except vault.Undecryptable as exc:
        raise BadEntry(str(exc)) from None
    except NotReadable as exc:
        raise BadEntry("it is too large to be an entry" if "larger" in str(exc) else str(exc)) from None
    except FileNotFoundError:
        raise EntryGone("it was removed meanwhile") from None
    except OSError as exc:
        raise BadEntry(f"it cannot be read ({exc.strerror or exc})") from None
    if not raw:
        raise BadEntry("it is empty")
    if len(raw) > MAX_ENTRY_BYTES:
        raise BadEntry("it is too large to be an entry")
    if b"\x00" in raw:
        raise BadEntry("it holds binary data")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise BadEntry("it is not UTF-8 text") from None
    return parse_entry(text, path)


def entry_files(folder: Path | None = None) -> list[Path]:
    folder = folder or journal_dir()
    if not folder.is_dir():
        return []
    return sorted(
        p
        for p in folder.iterdir()
        if p.name.endswith((".md", ".md.age")) and not p.name.startswith((TEMP_PREFIX, ".")) and p.is_file()
    )
