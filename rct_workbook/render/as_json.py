"""JSON output: stable keys (documented in the README), only ever added to within a major version."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from rct_workbook.journal.entry import Entry
from rct_workbook.model.content import Content

if TYPE_CHECKING:
    from rct_workbook.reading import Reading


def dumps(data: Any) -> str:
    """Indented UTF-8 JSON with a final newline; dates and other values as strings."""
    return json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n"


def entry(item: Entry, reading: Reading | None = None) -> dict[str, Any]:
    """One journal entry, every answer included (it is the person's own journal).

    With ``reading`` (an assessment read again), ``reading.responses`` lists what the
    reading says back, most specific first: ``{rule, because, quote, text, cite, learn,
    shown}``, ``shown`` for the responses within the default view, and ``reading.care``
    the care level and its reasons, ``{level, reasons: [{kind, quote}]}``.
    """
    saved = dict(item.reading) if isinstance(item.reading, dict) else item.reading
    if reading is not None and isinstance(saved, dict):
        from rct_workbook.reading import care_data

        saved["responses"] = [r.to_dict() for r in reading.responses]
        saved["care"] = care_data(reading.care)
    return {
        "id": item.id,
        "created": item.created,
        "kind": item.kind,
        "title": item.title,
        "vignette": item.vignette,
        "section": item.section,
        "content_version": item.content_version,
        "answers": item.answers,
        "reading": saved,
        "updates": list(item.updates),
        "path": str(item.path) if item.path is not None else None,
        "setting": item.setting_name if item.kind == "assess" else item.setting,
        "review": list(item.review),
        "next_check_in": item.next_check_in,
    }


def vignettes(content: Content) -> list[dict[str, Any]]:
    return [
        {
            "id": v.id,
            "title": v.title,
            "protagonist": v.protagonist,
            "culture": v.culture,
            "setting": v.setting,
            "parts": len(v.parts),
        }
        for v in content.vignettes.values()
    ]


def topics(titles: dict[str, str]) -> list[dict[str, str]]:
    return [{"topic": name, "title": title} for name, title in titles.items()]
