"""Types and helpers shared by test modules (test modules never import each other)."""

from __future__ import annotations

import os
import subprocess
import sys
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


def build_tree(root: Path, files: dict[str, str | bytes]) -> Path:
    """Write ``files`` (relative path -> text or bytes) under ``root``."""
    for rel, data in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")
    return root


def markdown_lint(*paths: Path, disable: str = "md013") -> subprocess.CompletedProcess[str]:
    """pymarkdown over ``paths``, front matter read as such (its ``title`` is the document's
    title); ``disable`` the rules left out (by default line length: answers are prose)."""
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pymarkdown",
            "--enable-extensions",
            "front-matter",
            "-d",
            disable,
            "scan",
            *map(str, paths),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )


def alias_bomb(levels: int = 9) -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, levels):
        prev, cur = chr(96 + i), chr(97 + i)
        lines.append(f"{cur}: &{cur} [{','.join(['*' + prev] * 9)}]")
    return "\n".join(lines) + "\n"


#: A small valid vignette for a content pack.
VIGNETTE = """\
kind: vignette
id: dana
title: "Dana: a test case"
protagonist: Dana
culture: survival
setting: A test setting
facts: [{label: Role, value: Tester}]
people: []
parts: [{title: One, text: [Something happened.]}]
steps: {read: She read it.}
strategies: [{strategy: networking, how: She found allies.}]
outcome: It went on.
discussion_questions: [What now?]
reflection:
  - id: thoughts
    type: long_text
    prompt: Your thoughts?
cite: ["Hartling & Sparks, 2002"]
"""


def python_says(*lines: str, env: Mapping[str, str] | None = None) -> str:
    """What a fresh Python interpreter prints running ``lines`` (a probe of imports or settings)."""
    done = subprocess.run(
        [sys.executable, "-c", "\n".join(lines)], env=env, capture_output=True, text=True, check=True, timeout=120
    )
    return done.stdout


def has_mode(path: Path, mode: int) -> bool:
    """Whether ``path`` has the permission bits ``mode`` (0600 for rct's files, 0700 for its
    folders), where modes say who can read a file. On Windows they do not (every file shows
    0666; the per-user folder's access list decides), so there is nothing to check."""
    import stat

    from rct_workbook.system import posix_permissions

    return not posix_permissions() or stat.S_IMODE(path.stat().st_mode) == mode


def rct_process(home: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """``python -m rct_workbook ARGS`` as a process of its own, as a script would run it: the
    data folder ``home``, no input, the output captured (``env`` adds variables)."""
    return subprocess.run(
        [sys.executable, "-m", "rct_workbook", *args],
        env={**os.environ, "RCT_HOME": str(home), **env},
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
