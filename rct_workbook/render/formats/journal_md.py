"""A journal export as Markdown (format 1): the document `rct group agenda` and `rct workshop profile` read."""

from __future__ import annotations

from rct_workbook.render.formats import Format, JournalDocument, Rendered


class Markdown(Format[JournalDocument]):
    name = "md"
    help = "Markdown, every answer in full"
    title = "a Markdown export"
    suffixes = (".md", ".markdown")

    def render(self, document: JournalDocument) -> Rendered:
        return Rendered(document.export.markdown)


FORMAT = Markdown()
