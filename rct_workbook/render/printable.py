"""One self-contained, printable HTML document made of pages: the shell shared by the
trainer's kit (workshop plans, worksheets, class profiles).

No scripts, no fonts or images fetched, no external URL: everything is inline. On
screen the pages follow one another; in print each starts on a new sheet.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

CSS = """
:root { color-scheme: light; }
body { font-family: Georgia, 'Times New Roman', serif; max-width: 46em; margin: 1.5em auto; padding: 0 1em;
       line-height: 1.45; color: #222; background: #fff; }
h1, h2, h3, h4, th, .when, .agenda, figcaption { font-family: Helvetica, Arial, sans-serif; }
h1 { font-size: 1.6em; line-height: 1.2; }
h2 { font-size: 1.3em; border-bottom: 1px solid #bbb; padding-bottom: .15em; }
h3 { font-size: 1.05em; margin-bottom: .3em; }
section.page { padding-bottom: 1.5em; margin-bottom: 2em; border-bottom: 3px double #ccc; }
table { border-collapse: collapse; margin: .8em 0; }
th, td { border: 1px solid #bbb; padding: .25em .6em; text-align: left; vertical-align: top; }
td.n, th.n { text-align: right; }
.when { color: #555; margin-top: -.4em; }
.care { border-left: 4px solid #7a9cc6; padding: .2em .8em; background: #f4f7fb; }
.cite, .help, .note { color: #555; font-size: .92em; }
dt { font-weight: bold; margin-top: .4em; }
dd { margin-left: 1.5em; }
.card { border: 1px solid #999; border-radius: 4px; padding: .2em .9em .6em; margin: .8em 0;
        break-inside: avoid; page-break-inside: avoid; }
.line { border-bottom: 1px solid #888; height: 2em; }
.box { border: 1px solid #888; min-height: 8em; margin: .4em 0 1em; }
.question { break-inside: avoid; page-break-inside: avoid; margin-bottom: 1.2em; }
.choices { list-style: none; padding-left: .5em; }
.choices li::before { content: "\\2610\\00a0\\00a0"; }
.scale { display: flex; gap: 1.2em; align-items: baseline; flex-wrap: wrap; }
.scale span.circle { display: inline-block; width: 1.6em; height: 1.6em; border: 1px solid #666;
                     border-radius: 50%; text-align: center; line-height: 1.6em;
                     font-family: Helvetica, Arial, sans-serif; }
figure { margin: 1em 0; }
figcaption { font-size: .9em; color: #444; }
svg text { font-family: Helvetica, Arial, sans-serif; }
@page { margin: 1.3cm 1.5cm; }
table.entries th { font-size: .85em; font-weight: normal; }
table.entries .ticks { font-size: .85em; line-height: 1.6; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 11pt; }
  section.page { border: none; margin: 0; padding: 0; break-after: page; page-break-after: always; }
  section.page:last-child { break-after: auto; page-break-after: auto; }
  h2, h3, h4, .when { break-after: avoid; page-break-after: avoid; }
  h2 + p, h3 + p, h3 + ul, h3 + ol, h3 + dl { break-before: avoid; page-break-before: avoid; }
  ul, dl, table, figure, .care, p { break-inside: avoid; page-break-inside: avoid; }
  body { font-size: 10pt; line-height: 1.35; }
  .box { min-height: 4em; }
  .line { height: 1.5em; }
  .question { margin-bottom: .7em; }
  h2 { margin: 1em 0 .4em; }
  h3 { margin: .6em 0 .2em; }
  .choices.few li { display: inline-block; margin-right: 2em; }
  .question.long { break-inside: auto; page-break-inside: auto; }
  .question.long ul { break-inside: auto; page-break-inside: auto; }
  .help { margin: .15em 0; }
  table.entries { width: 100%; }
  table.entries td { height: 4.2em; }
  .choices.many { columns: 2; column-gap: 2em; }
  .choices li { break-inside: avoid; page-break-inside: avoid; }
  ul.sources { columns: 2; column-gap: 2em; font-size: .9em; }
  .keep { break-inside: avoid; page-break-inside: avoid; }
  ol + p.cite { break-before: avoid; page-break-before: avoid; }
  ol li { break-inside: avoid; page-break-inside: avoid; }
}
"""


def page(title: str, pages: Sequence[str]) -> str:
    """An HTML document: ``pages`` are trusted HTML fragments, each printed on its own sheet."""
    body = "".join(f'<section class="page">\n{fragment}</section>\n' for fragment in pages)
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<title>{html.escape(title)}</title>\n<meta name="generator" content="rct-workbook">\n'
        f"<style>{CSS}</style>\n</head>\n<body>\n{body}</body>\n</html>\n"
    )
