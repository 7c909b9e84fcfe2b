"""A journal export as plain text, to paste into an email or print as it is.

It is the Markdown export (the document sharing made after the review of identifiers)
read with markdown-it and written out without markup: headings underlined, paragraphs
wrapped at 72 columns, lists with their markers, tables as aligned columns when they fit
the width and otherwise row by row as "Column: value" lines. The machine-readable
comments for `rct group agenda` are left out (a plain-text export is for people; the
agenda and the class profile read the Markdown export). Every answer is in full.
"""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from rct_workbook.render.formats import Format, JournalDocument, Rendered

if TYPE_CHECKING:
    from markdown_it.tree import SyntaxTreeNode

#: The classic width of plain-text mail: fits every client without re-wrapping.
WIDTH = 72


class PlainText(Format[JournalDocument]):
    name = "text"
    help = "plain text for an email, every answer in full"
    title = "a plain-text export"
    suffixes = (".txt", ".text")

    def render(self, document: JournalDocument) -> Rendered:
        from rct_workbook.render.safe import clean

        # Entities in the Markdown become characters again here: nothing that could
        # drive a terminal (or hide text in a mail reader) is let through.
        return Rendered(clean(plain_text(document.export.markdown)))


FORMAT = PlainText()


def plain_text(markdown: str, width: int = WIDTH) -> str:
    """CommonMark (with tables) as plain text lines at most ``width`` wide where words allow."""
    from markdown_it import MarkdownIt
    from markdown_it.tree import SyntaxTreeNode

    tree = SyntaxTreeNode(MarkdownIt("commonmark").enable("table").parse(markdown))
    return "\n\n".join(_blocks(tree.children, width)).strip("\n") + "\n"


def _blocks(nodes: list[SyntaxTreeNode], width: int) -> list[str]:
    return [text for node in nodes if (text := _block(node, width))]


def _block(node: SyntaxTreeNode, width: int) -> str:
    kind = node.type
    if kind == "heading":
        # The title between two rules, an entry's heading over one, a section's over a thin one;
        # the questions (and deeper headings) stand as their own paragraph.
        text = _wrap(_inline(node), width)
        level = int(node.tag[1])
        if level > 3:
            return text
        rule = ("=" if level < 3 else "-") * max(len(line) for line in text.split("\n"))
        return f"{rule}\n{text}\n{rule}" if level == 1 else f"{text}\n{rule}"
    if kind == "paragraph":
        return _wrap(_inline(node), width)
    if kind in ("bullet_list", "ordered_list"):
        start = int(str(node.attrs.get("start", 1)))
        items = []
        for number, item in enumerate(node.children, start):
            marker = f"{number}. " if kind == "ordered_list" else "- "
            inner = "\n\n".join(_blocks(item.children, width - len(marker)))
            items.append(textwrap.indent(marker + inner, " " * len(marker), lambda _: True)[len(marker) :])
        return "\n".join(items)
    if kind == "blockquote":
        return textwrap.indent("\n\n".join(_blocks(node.children, width - 2)), "> ", lambda _: True)
    if kind == "table":
        return _table(node, width)
    if kind == "hr":
        return "-" * 24
    if kind in ("fence", "code_block"):
        return textwrap.indent(node.content.rstrip("\n"), "    ")
    if kind == "html_block":
        # rct's own comments (the export mark, each entry's data); any other block is kept as written.
        return "" if node.content.lstrip().startswith("<!--") else node.content.rstrip("\n")
    return "\n\n".join(_blocks(node.children, width))


def _inline(node: SyntaxTreeNode) -> str:
    out = []
    for child in node.children:
        kind = child.type
        if kind in ("text", "code_inline", "html_inline"):
            out.append(child.content)
        elif kind == "softbreak":
            out.append(" ")
        elif kind == "hardbreak":
            out.append("\n")
        elif kind == "link":
            words = _inline(child)
            href = str(child.attrs.get("href", ""))
            out.append(words if href in ("", words) else f"{words} <{href}>")
        elif kind == "image":
            out.append(_inline(child) or str(child.attrs.get("alt", "")))
        else:  # inline, em, strong, s: the words without their marks
            out.append(_inline(child))
    return "".join(out)


def _wrap(text: str, width: int, indent: str = "") -> str:
    lines = []
    for line in text.split("\n"):
        lines.append(
            textwrap.fill(
                " ".join(line.split()),
                max(width, 20),
                subsequent_indent=indent,
                break_long_words=False,
                break_on_hyphens=False,
            )
        )
    return "\n".join(lines)


def _table(node: SyntaxTreeNode, width: int) -> str:
    rows = [[" ".join(_inline(cell).split()) for cell in tr.children] for part in node.children for tr in part.children]
    if not rows:
        return ""
    header, body = rows[0], rows[1:]
    widths = [max(len(row[i]) if i < len(row) else 0 for row in rows) for i in range(len(header))]
    if sum(widths) + 2 * (len(widths) - 1) <= width:
        lines = [header, ["-" * w for w in widths], *body]
        return "\n".join(
            "  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=False)).rstrip() for line in lines
        )
    # Too wide for the page: each row as "Column: value" lines.
    records = []
    for row in body:
        pairs = [(name, value) for name, value in zip(header, row, strict=False) if value]
        records.append("\n".join(_wrap(f"{name}: {value}" if name else value, width, "  ") for name, value in pairs))
    return "\n\n".join(records)
