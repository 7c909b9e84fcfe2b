"""Building journal entries from a finished set of answers (no printing, no prompting)."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from typing import Any

from rct_workbook.flow.questions import Ask
from rct_workbook.journal.entry import Entry, new_id, now
from rct_workbook.model.content import Content
from rct_workbook.model.schema import Vignette
from rct_workbook.render import markdown as md


def human_date(when: _dt.datetime) -> str:
    return f"{when.day} {when.strftime('%B %Y')}"


def vignette_entry(
    content: Content, vignette: Vignette, asks: Sequence[Ask], answers: dict[str, Any], when: _dt.datetime | None = None
) -> Entry:
    """A reflection on a vignette, ready to save."""
    when = when or now()
    title = f"Reflection on {vignette.title}"
    culture = content.cultures.get(vignette.culture) if vignette.culture else None
    lines = [
        md.heading(1, title),
        "",
        md.escape_line(f"{human_date(when)}. A case from Hartling & Sparks (2002): {vignette.setting}."),
        "",
    ]
    if culture is not None:
        lines += [md.escape_line(f"Culture type: {culture.name}."), ""]
    lines += [md.heading(2, "My reflection"), "", md.answers_markdown(asks, answers), ""]
    lines += [md.heading(2, "For peer supervision"), "", md.numbered_list(vignette.discussion_questions), ""]
    lines += [md.escape_line(content.meta.disclaimer), ""]
    return Entry(
        id=new_id("vignette", when, vignette.id),
        kind="vignette",
        created=when.isoformat(),
        title=title,
        content_version=content.version,
        answers=answers,
        vignette=vignette.id,
        body="\n".join(lines),
    )
