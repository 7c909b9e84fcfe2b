"""The journal listing as plain aligned lines, fitted to the width: fast for thousands of
entries, easy on screen readers, and no word ever split."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol

from rct_workbook.render.safe import clean

ID_WIDTH = 27


class Listed(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def date(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def mean(self) -> float | None: ...
    @property
    def setting(self) -> str | None: ...


#: The title every assessment is saved with (the assess flow's; a test holds them together).
#: The list is drawn without loading the content, so it is named here.
ASSESS_TITLE = "A four-step reading of your work setting"


def title_of(row: Listed) -> str:
    """What tells entries apart in a list: an assessment's setting (and its step, if only one
    was done), a reflection's case; every assessment has the same title otherwise. A title
    the member changed by hand is theirs, and is shown after the setting."""
    title = " ".join(row.title.split())
    if row.kind == "assess":
        step = title.removeprefix(ASSESS_TITLE).removeprefix(":").strip() if title.startswith(ASSESS_TITLE) else title
        return f"{row.setting or 'main'}: {step or 'four-step reading'}"
    if row.kind == "vignette":
        return title.removeprefix("Reflection on ")
    return title


def shorten(value: str, width: int, ellipsis: str = "…") -> str:
    """``value`` on one line in at most ``width`` characters, cut between words."""
    value = " ".join(value.split())
    if len(value) <= width:
        return value
    room = width - len(ellipsis)
    if room <= 0:
        return ellipsis[:width]
    cut = value[: room + 1].rsplit(" ", 1)[0] if " " in value[: room + 1] else ""
    if not cut:  # one long word: cut it, marked, rather than show nothing
        cut = value[:room]
    return cut.rstrip(" ,;:-") + ellipsis


def listing(
    rows: Sequence[Listed], width: int, *, ascii_only: bool = False, snippets: Mapping[str, str] | None = None
) -> list[str]:
    """Header and one line per entry (two when the screen is narrow), each at most ``width``;
    with ``snippets`` (a search), the words around the match under the entry's line."""
    ellipsis = "..." if ascii_only else "…"
    lines = _listing(rows, width, ellipsis)
    if not snippets:
        return lines
    out = lines[:1] if width >= 50 else []
    per_row = 1 if width >= 50 else 2
    body = lines[1:] if width >= 50 else lines
    for i, row in enumerate(rows):
        out.extend(body[i * per_row : (i + 1) * per_row])
        said = snippets.get(row.id)
        if said:
            out.append("    " + clean(shorten(said, max(width - 4, 8), ellipsis)))
    return out


def _listing(rows: Sequence[Listed], width: int, ellipsis: str) -> list[str]:
    def mean(row: Listed) -> str:
        return f"{row.mean:.1f}" if row.mean is not None else ""

    if width >= 72:
        title_width = width - (ID_WIDTH + 2 + 10 + 2 + 8 + 2 + 4 + 2)
        lines = [f"{'ID':<{ID_WIDTH}}  {'Date':<10}  {'Kind':<8}  {'Mean':>4}  Title"]
        for r in rows:
            ident, kind = clean(shorten(r.id, ID_WIDTH, ellipsis)), clean(shorten(r.kind, 8, ellipsis))
            title = clean(shorten(title_of(r), title_width, ellipsis))
            lines.append(f"{ident:<{ID_WIDTH}}  {r.date:<10}  {kind:<8}  {mean(r):>4}  {title}".rstrip())
        return lines
    if width >= 50:
        # The date and kind are already in the id (20260312-101500-assess-…).
        title_width = width - (ID_WIDTH + 2 + 4 + 2)
        lines = [f"{'ID':<{ID_WIDTH}}  {'Mean':>4}  Title"]
        for r in rows:
            ident = clean(shorten(r.id, ID_WIDTH, ellipsis))
            title = clean(shorten(title_of(r), title_width, ellipsis))
            lines.append(f"{ident:<{ID_WIDTH}}  {mean(r):>4}  {title}".rstrip())
        return lines
    lines = []
    for r in rows:
        score = f"  mean {mean(r)}" if r.mean is not None else ""
        lines.append(clean(shorten(r.id, max(width - len(score), 8), ellipsis)) + score)
        lines.append("  " + clean(shorten(f"{title_of(r)} ({r.kind}, {r.date})", max(width - 2, 8), ellipsis)))
    return lines


def snippet(texts: Sequence[str], query: str, width: int, ellipsis: str = "…") -> str | None:
    """The words around the first place in ``texts`` where a word of ``query`` occurs, on one
    line of at most ``width`` characters, cut at word edges; None if no text holds one."""
    import re

    words = [w for w in query.replace('"', " ").split() if w]
    if not words or width < 12:
        return None
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")", re.IGNORECASE)
    for text in texts:
        line = " ".join(text.split())
        found = pattern.search(line)
        if found is None:
            continue
        if len(line) <= width:
            return line
        room = width - 2 * len(ellipsis)
        start = min(max(0, found.start() - room // 3), len(line) - room)  # the room used, up to the end
        if start:  # begin at a word's start
            space = line.rfind(" ", 0, start + 1)
            start = space + 1 if space >= 0 and found.start() - space <= room else start
        window = line[start:]
        if len(window) > room:
            cut = window[: room + 1].rsplit(" ", 1)[0]
            window = (cut if len(cut) > found.end() - start else window[:room]).rstrip(" ,;:-") + ellipsis
        return (ellipsis if start else "") + window
    return None
