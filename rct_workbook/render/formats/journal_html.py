"""A journal export as the printed HTML handout (`render/handout.py`): one page per entry."""

from __future__ import annotations

from rct_workbook.render.formats import Format, JournalDocument, Rendered


class Handout(Format[JournalDocument]):
    name = "html"
    help = "an HTML handout to print"
    title = "the HTML handout"
    suffixes = (".html", ".htm")
    options = ("--with-answers",)

    def render(self, document: JournalDocument) -> Rendered:
        from rct_workbook.render.handout import render

        handout = render(document.export, with_answers=document.with_answers)
        note = f"The handout prints to {handout.pages} page{'s' if handout.pages != 1 else ''}"
        if document.with_answers:
            note += ", followed by every answer in full."
        elif handout.shortened:
            note += (
                f"; answers on {handout.shortened} of them are shortened (marked …)"
                " and --with-answers adds them in full."
            )
        else:
            note += "."
        return Rendered(handout.html, note)


FORMAT = Handout()
