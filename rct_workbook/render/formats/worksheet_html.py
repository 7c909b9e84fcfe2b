"""A worksheet as HTML to print, with room to write (`render/worksheet_view.py`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rct_workbook.render.formats import Format, Rendered

if TYPE_CHECKING:
    from rct_workbook.worksheet import Worksheet


class WorksheetHtml(Format["Worksheet"]):
    name = "html"
    help = "HTML to print, with room to write"
    suffixes = (".html", ".htm")

    def render(self, document: Worksheet) -> Rendered:
        from rct_workbook.render.worksheet_view import worksheet_html

        return Rendered(worksheet_html(document))


FORMAT = WorksheetHtml()
