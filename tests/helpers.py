"""Types and helpers shared by test modules (test modules never import each other)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Protocol

from typer.testing import Result


class Run(Protocol):
    """The ``run`` fixture: ``rct ARGS...`` through Typer's CliRunner, exceptions not caught."""

    def __call__(self, *args: str, input: str | None = None, env: Mapping[str, str | None] | None = None) -> Result: ...


#: The ``tree`` fixture: write a content pack (relative path -> text or bytes) and return its folder.
Tree = Callable[[dict[str, str | bytes]], Path]

#: The ``filled_answers`` fixture: an answers file for ``rct assess`` or ``rct vignette NAME``.
FilledAnswers = Callable[..., str]
