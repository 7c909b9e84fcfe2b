"""Changing a saved entry in place: one writer at a time, and only the keys rct owns.

``update_entry`` is the one way to change an entry's file (record a small win, a step's
status, …). It holds the entry's lock from the read until the rename, so two commands
changing the same entry never lose each other's change, and a delete cannot be undone
by a writer that read the file before it went.

Only the keys rct owns are changed; everything else in the front matter — Obsidian
``tags:`` and ``aliases:``, a person's own keys, comments — is kept. A key's lines are
replaced in the text itself, so the rest stays byte for byte; the result is parsed back
and, should a hand-made layout defeat that edit, the round-trip YAML parser
``ruamel.yaml`` (which keeps comments, order and quoting) makes the change instead.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, MutableMapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from rct_workbook.errors import StorageError
from rct_workbook.journal import vault
from rct_workbook.journal.entry import Entry
from rct_workbook.journal.locks import held
from rct_workbook.journal.store import MAX_ENTRY_BYTES, BadEntry, parse_entry, split_front_matter
from rct_workbook.storage import write_atomic
from rct_workbook.system import posix_permissions

T = TypeVar("T")


@dataclass
class Editable:
    """An entry open for change. ``entry`` is the checked entry as it is on disk; change
    front-matter keys rct owns through ``set`` and the Markdown through ``body``."""

    entry: Entry
    front_text: str
    body: str

    def set(self, key: str, value: Any) -> None:
        """Set the front-matter key ``key`` (one rct owns) to plain data."""
        self.front_text = set_front_key(self.front_text, key, value)


def _lock_name(path: Path) -> str:
    return f"entry:{path.name}"


def update_entry(path: Path, change: Callable[[Editable], T]) -> T:
    """Apply ``change`` to the entry at ``path`` and save it atomically, under its lock.

    Refused with a one-line StorageError, writing nothing, when the entry is gone (deleted
    meanwhile), read-only (the person made it so), no valid entry, or when the change would
    make a file rct could not read back (too large, or not an entry any more).
    """
    with held(_lock_name(path), what=f"the entry {path.name}"):
        try:
            st = os.lstat(path)
        except FileNotFoundError:
            raise StorageError(f"the entry {path.name} was deleted meanwhile; nothing was written") from None
        if stat.S_ISLNK(st.st_mode) or not stat.S_ISREG(st.st_mode):
            raise StorageError(f"{path.name} is not a regular file; rct will not change it")
        if not st.st_mode & stat.S_IWUSR:  # on Windows too: the file's Read-only attribute
            fix = f"chmod u+w {path}" if posix_permissions() else "untick Read-only in the file's Properties"
            raise StorageError(f"{path.name} is read-only, so rct leaves it as it is; to allow changes: {fix}")
        if st.st_size > MAX_ENTRY_BYTES:
            raise StorageError(f"cannot update {path.name}: it is too large to be an entry")
        text = _read_text(path)
        try:
            entry = parse_entry(text, path)
        except BadEntry as exc:
            raise StorageError(f"cannot update {path.name}: {exc}") from None
        front_text, body = split_front_matter(text)
        editable = Editable(entry, front_text, body)
        result = change(editable)
        new_text = f"---\n{editable.front_text}---\n{editable.body}"
        data = new_text.encode("utf-8")
        if len(data) > MAX_ENTRY_BYTES:
            raise StorageError(
                f"this change would make {path.name} larger than rct reads back "
                f"({MAX_ENTRY_BYTES // (1024 * 1024)} MiB); nothing was written"
            )
        try:
            parse_entry(new_text, path)
        except BadEntry as exc:  # pragma: no cover - a bug in a change; refuse rather than write it
            raise StorageError(f"this change would make {path.name} unreadable ({exc}); nothing was written") from None
        write_atomic(path, vault.encoded(path, data), overwrite=True)  # encrypted again if it was
        return result


def delete_entry(path: Path) -> bool:
    """Delete the entry's file under its lock; False if it was already gone."""
    with held(_lock_name(path), what=f"the entry {path.name}"):
        try:
            path.unlink()
        except FileNotFoundError:
            return False
        except OSError as exc:
            raise StorageError(f"could not delete {path.name}: {exc.strerror or exc}") from None
        return True


def _read_text(path: Path) -> str:
    from rct_workbook.storage import NotReadable, read_bounded

    try:
        raw = vault.decoded(path, read_bounded(path, MAX_ENTRY_BYTES, follow_links=False))
        return raw.decode("utf-8")
    except vault.Undecryptable as exc:
        raise StorageError(f"cannot update {path.name}: {exc}") from None
    except NotReadable as exc:
        raise StorageError(f"cannot update {path.name}: {exc}") from None
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or "it is not UTF-8 text"
        raise StorageError(f"cannot update {path.name}: {reason}") from None


def set_front_key(front_text: str, key: str, value: Any) -> str:
    """``front_text`` with the top-level ``key`` set to ``value``; the rest kept as it is."""
    from rct_workbook.journal.store import front_data

    before = front_data(front_text)
    expected = {**before, key: value}
    edited = _replace_block(front_text, key, value, present=key in before)
    if edited is not None and _same(front_data(edited), expected):
        return edited
    round_trip = _yaml()
    data = _load_round_trip(front_text)
    # Changed in place, so comments inside the block (on an update, between its lines) stay.
    data[key] = _merged(data[key], value) if key in data else _for_yaml(value)
    edited = _dump_round_trip(data, round_trip)
    if not _same(front_data(edited), expected):  # pragma: no cover - neither way kept the data
        raise StorageError("this change could not be written without changing other keys; nothing was written")
    return edited


def _same(a: Any, b: Any) -> bool:
    import json

    return json.dumps(a, sort_keys=True, default=str) == json.dumps(b, sort_keys=True, default=str)


def _replace_block(front_text: str, key: str, value: Any, *, present: bool) -> str | None:
    """Replace the lines of top-level ``key`` (or add them at the end) with rct's own YAML."""
    import re

    from rct_workbook.journal.entry import dump_front_matter

    block = dump_front_matter({key: value})
    lines = front_text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    head = re.compile(rf"^{re.escape(key)}[ \t]*:(\s|$)")
    start = next((i for i, line in enumerate(lines) if head.match(line)), None)
    if start is None:
        # Written some other way (quoted, in a flow mapping): leave it to the round-trip parser.
        return None if present else "".join(lines) + block

    def continues(i: int) -> bool:
        line = lines[i]
        if line.startswith((" ", "\t", "-")):
            return True
        if line.strip() == "":  # a blank line inside a block scalar, if more of the block follows
            return i + 1 < len(lines) and continues(i + 1)
        return False

    end = start + 1
    while end < len(lines) and continues(end):
        end += 1
    if any("#" in line for line in lines[start:end]):
        return None  # a comment inside the block (or a # in its text): the round-trip parser keeps it
    return "".join(lines[:start]) + block + "".join(lines[end:])


def _yaml() -> Any:
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never fold a long answer onto several lines
    yaml.allow_unicode = True
    yaml.indent(mapping=2, sequence=2, offset=0)  # as rct's own writer lays lists out
    return yaml


def _load_round_trip(front_text: str) -> MutableMapping[str, Any]:
    from ruamel.yaml.error import YAMLError

    try:
        data = _yaml().load(front_text)
    except YAMLError as exc:
        raise StorageError(f"the front matter cannot be read for this change ({exc})") from None
    if not isinstance(data, MutableMapping):
        raise StorageError("the front matter is not a mapping")
    return data


def _dump_round_trip(front: MutableMapping[str, Any], yaml: Any) -> str:
    import io

    out = io.StringIO()
    yaml.dump(front, out)
    return out.getvalue()


def _merged(old: Any, new: Any) -> Any:
    """``old`` (as ruamel read it, with its comments) changed in place to hold ``new``: the
    items and keys that stay keep their comments and style; only what changed is written anew."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(old, CommentedMap) and isinstance(new, dict):
        for gone in [k for k in old if k not in new]:
            del old[gone]
        for k, v in new.items():
            old[k] = _merged(old[k], v) if k in old else _for_yaml(v)
        return old
    if isinstance(old, CommentedSeq) and isinstance(new, (list, tuple)):
        for i, v in enumerate(new):
            if i < len(old):
                old[i] = _merged(old[i], v)
            else:
                old.append(_for_yaml(v))
        del old[len(new) :]
        return old
    if type(new) is not bool and not isinstance(old, bool) and isinstance(old, type(new)) and old == new:
        return old  # unchanged: as it was written (its quotes, its style)
    return _for_yaml(new)


def _for_yaml(value: Any) -> Any:
    """Plain data as ruamel should write it: text that YAML would fold or drop (control
    characters, line separators, a line like ---) double-quoted, other multi-line text as
    a literal block — the same choices as rct's own writer (``entry.dump_front_matter``)."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString, LiteralScalarString

    from rct_workbook.journal.entry import _ESCAPE_IN_YAML, _LOOKS_LIKE_A_FENCE

    if isinstance(value, str):
        if _ESCAPE_IN_YAML.search(value) or _LOOKS_LIKE_A_FENCE.search(value):
            return DoubleQuotedScalarString(value)
        if "\n" in value:
            return LiteralScalarString(value)
        return value
    if isinstance(value, dict):
        mapping = CommentedMap()
        for k, v in value.items():
            mapping[k] = _for_yaml(v)
        return mapping
    if isinstance(value, (list, tuple)):
        return CommentedSeq(_for_yaml(v) for v in value)
    return value
