"""Export formats: one renderer per format, registered by name (jrnl's exporter registry).

Each kind of document a command writes (a journal export, the progress page, a workshop
plan, a worksheet, a class profile) has a ``Registry`` here, and each of its formats is
one module in this package holding a ``FORMAT``: its name, one line of help, the file
suffixes it is chosen for, and ``render``, which turns the document into what is
written. The commands take their ``--format`` choices, help and default from the
registry and only write what ``render`` returns; they never switch on a format's name.

Adding a format is one module here, named for its registry and itself
(``journal_text.py``: the ``journal`` registry's ``text`` format); nothing else names it.
A registry finds its modules by their names in this folder (one directory listing) and
imports them when it is first asked; each imports what it renders with inside
``render``, so listing the choices for ``--help`` stays cheap (named tuples, not
dataclasses, for the same reason: this is imported by every journal command). The
registry's default comes first, the others in the order of their names.

A journal export's formats are given the document ``journal/sharing.py`` made after the
review of identifiers (``Export``): what they render has already passed what sharing
lets leave, and a format must not read the journal itself.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Generic, NamedTuple, TypeVar

if TYPE_CHECKING:
    from rct_workbook.class_profile import ClassProfile
    from rct_workbook.journal.export import Export
    from rct_workbook.journal.progress import Progress
    from rct_workbook.model.content import Content
    from rct_workbook.worksheet import Worksheet
    from rct_workbook.workshop import Plan

D = TypeVar("D")


class Rendered(NamedTuple):
    """What a format made: the text to write, and what to say about it once written."""

    data: str
    #: One or more sentences `rct journal export` adds after "Wrote …" (how many pages the
    #: handout prints to); empty when there is nothing to add.
    note: str = ""


class Format(Generic[D]):
    """One format of one kind of document. Subclasses set the class attributes and ``render``."""

    #: What ``--format`` takes (lower case, no spaces).
    name: str = ""
    #: A few words for the option's help: "Markdown", "an HTML handout to print".
    help: str = ""
    #: Lower-case file suffixes this format is chosen for when no --format is given.
    suffixes: tuple[str, ...] = ()
    #: Options of the command that only this format takes (``--with-answers``). A journal
    #: format that does not take ``--with-answers`` holds every answer in full.
    options: tuple[str, ...] = ()
    #: How a message names a document in this format: "a Markdown export".
    title: str = ""
    #: Machine-readable data, written even when there is nothing to show yet (an empty
    #: list); a document for people is not written then, and the command says why.
    data_only: bool = False

    def render(self, document: D) -> Rendered:
        raise NotImplementedError


class Registry(Generic[D]):
    """The formats of one kind of document, by name, in the order given (the first is the default)."""

    def __init__(self, what: str, prefix: str, default: str, folder: Path | None = None) -> None:
        self.what = what
        self.prefix = prefix
        self._default = default
        self._folder = folder or Path(__file__).resolve().parent
        self._formats: dict[str, Format[D]] | None = None

    def modules(self) -> tuple[str, ...]:
        """The modules of this registry's formats: the files named ``PREFIX_NAME.py`` in this
        package, the default's first, then the others by name."""
        stems = sorted(p.stem for p in self._folder.glob(f"{self.prefix}_*.py"))
        first = f"{self.prefix}_{self._default}"
        return tuple(sorted(stems, key=lambda stem: stem != first))

    @property
    def formats(self) -> dict[str, Format[D]]:
        if self._formats is None:
            self._formats = {}
            for module in self.modules():
                self.add(importlib.import_module(f"{__name__}.{module}").FORMAT)
        return self._formats

    def add(self, fmt: Format[D]) -> Format[D]:
        """Register ``fmt`` under its name (a module listed above is added on first use)."""
        formats = self.formats
        if not fmt.name or fmt.name in formats:
            raise ValueError(f"a {self.what} format needs a name of its own, not {fmt.name!r}")
        formats[fmt.name] = fmt
        return fmt

    def remove(self, name: str) -> None:
        del self.formats[name]

    def names(self) -> tuple[str, ...]:
        return tuple(self.formats)

    def get(self, name: str) -> Format[D]:
        return self.formats[name]

    def default(self) -> str:
        return next(iter(self.formats))

    def for_file(self, name: str | None, out: Path | None) -> Format[D]:
        """The format asked for, else the one whose suffix ``out`` has, else the first."""
        if name is not None:
            return self.get(name)
        if out is not None and str(out) != "-":
            suffix = out.suffix.lower()
            for fmt in self.formats.values():
                if suffix in fmt.suffixes:
                    return fmt
        return self.get(self.default())

    def taking(self, option: str) -> tuple[str, ...]:
        """The names of the formats that take ``option``."""
        return tuple(f.name for f in self.formats.values() if option in f.options)

    def help(self, *, by_suffix: bool = False) -> str:
        """The --format option's help: each format in a few words, and, ``by_suffix``, how
        the default follows --out's suffix (else Typer shows the default itself)."""
        each = "; ".join(f"{f.name}: {f.help}" for f in self.formats.values())
        if not by_suffix:
            return f"{each}."
        suffixed = [f for f in self.formats.values() if f.suffixes and f.name != self.default()]
        by = ", ".join(f"{f.name} if FILE ends in {' or '.join(f.suffixes)}" for f in suffixed)
        return f"{each} (default: {by + ', else ' if by else ''}{self.default()})."


class JournalDocument(NamedTuple):
    """A journal export as sharing made it, and what the person asked of its form."""

    export: Export
    with_answers: bool = False


class ProgressDocument(NamedTuple):
    """The figures of `rct progress`, and how to load the content for the words a page needs
    (the figures alone need no content: JSON is written without loading it)."""

    progress: Progress
    load_content: Callable[[], Content]


class PlanDocument(NamedTuple):
    """A workshop plan and the content it is drawn from (for its sources)."""

    plan: Plan
    content: Content


#: The formats of `rct journal export`.
JOURNAL: Registry[JournalDocument] = Registry("journal export", "journal", default="md")
#: The formats of `rct progress` written to a file or stdout (the terminal view is not one).
PROGRESS: Registry[ProgressDocument] = Registry("progress", "progress", default="html")
#: The formats of `rct workshop plan`.
WORKSHOP_PLAN: Registry[PlanDocument] = Registry("workshop plan", "plan", default="md")
#: The formats of `rct worksheet`.
WORKSHEET: Registry[Worksheet] = Registry("worksheet", "worksheet", default="md")
#: The formats of `rct workshop profile`.
CLASS_PROFILE: Registry[ClassProfile] = Registry("class profile", "profile", default="md")
