"""A workshop plan as HTML to print, one page per part (`render/workshop_view.py`)."""

from __future__ import annotations

from rct_workbook.render.formats import Format, PlanDocument, Rendered


class PlanHtml(Format[PlanDocument]):
    name = "html"
    help = "HTML to print, one page per part"
    suffixes = (".html", ".htm")

    def render(self, document: PlanDocument) -> Rendered:
        from rct_workbook.render.workshop_view import plan_html

        return Rendered(plan_html(document.plan, document.content))


FORMAT = PlanHtml()
