"""A worksheet as Markdown (`render/worksheet_view.py`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rct_workbook.render.formats import Format, Rendered

if TYPE_CHECKING:
    from rct_workbook.worksheet import Worksheet


class WorksheetMarkdown(Format["Worksheet"]):
    name = "md"
    help = "Markdown"
    suffixes = (".md", ".markdown")

    def render(self, document: Worksheet) -> Rendered:
        from rct_workbook.render.worksheet_view import worksheet_markdown

        return Rendered(worksheet_markdown(document))


FORMAT = WorksheetMarkdown()
