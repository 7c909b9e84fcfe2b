"""The terminal as a screen: long output through a pager, and waiting for a key.

Both only act when a person is at a terminal; piped or redirected output is written
whole, at once, as before.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

#: The pager when PAGER is not set (as git and gh do): less, passing colours through.
DEFAULT_PAGER = "less -R"


def _is_tty(stream: object) -> bool:
    try:
        return bool(stream.isatty())  # type: ignore[attr-defined]
    except (AttributeError, ValueError):
        return False


def pager_command() -> list[str] | None:
    """The pager to run: PAGER if set (empty or ``cat`` means none), else ``less -R``."""
    chosen = os.environ.get("PAGER")
    if chosen is None:
        chosen = DEFAULT_PAGER
    from rct_workbook.system import split_command

    try:
        words = split_command(chosen)  # C:\Program Files\... stays whole on Windows
    except ValueError:
        return None
    if not words or os.path.basename(words[0]) == "cat":
        return None
    return words


def show(console: Console, renderables: Iterable[RenderableType], *, pager: bool = True) -> None:
    """Print ``renderables``; on a terminal, through the pager when taller than the screen."""
    from rct_workbook.render.terminal import drawn, print_all

    items = list(renderables)
    command = pager_command() if pager else None
    to_stdout = getattr(console.file, "stream", console.file) is sys.stdout  # (an AsciiStream over it too)
    if command is None or not (_is_tty(sys.stdout) and _is_tty(sys.stdin)) or not to_stdout:
        print_all(console, items)
        return
    show_text(drawn(console, items), pager=True)


def show_text(output: str, *, pager: bool = True) -> None:
    """Write ``output`` to stdout; on a terminal, through the pager when taller than the screen.
    A terminal that shows only ASCII gets the words in ASCII too (render/ascii.py)."""
    from rct_workbook.render.modes import ascii_only_terminal

    if ascii_only_terminal(sys.stdout):
        from rct_workbook.render.ascii import to_ascii

        output = to_ascii(output)
    command = pager_command() if pager else None
    rows = shutil.get_terminal_size().lines
    if (
        command is None
        or not (_is_tty(sys.stdout) and _is_tty(sys.stdin))
        or output.count("\n") < rows - 1
        or shutil.which(command[0]) is None
    ):
        sys.stdout.write(output)
        sys.stdout.flush()
        return
    run_pager(command, output)


def run_pager(command: list[str], output: str) -> None:
    """Run the pager ``command`` (from :func:`pager_command`) on ``output``, whatever its height.

    For callers that have already decided to page, such as the export preview before the
    stranger test; :func:`show_text` decides for long output. The pager gets Ctrl-C while
    it runs (less stops a search with it), colours pass through (LESS=R unless set), and
    leaving it before the end is not an error. The caller checks there is a terminal.
    """
    env = dict(os.environ)
    env.setdefault("LESS", "R")  # colours through, even for a bare PAGER=less (git sets LESS=FRX)
    env.setdefault("LV", "-c")
    sys.stdout.flush()
    # Ctrl-C belongs to the pager while it runs (less uses it to stop a search).
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        with subprocess.Popen(command, stdin=subprocess.PIPE, env=env) as process:  # noqa: S603 - the person's own pager
            assert process.stdin is not None
            with contextlib.suppress(BrokenPipeError):  # the person left the pager before the end
                process.stdin.write(output.encode(sys.stdout.encoding or "utf-8", errors="replace"))
            with contextlib.suppress(BrokenPipeError):
                process.stdin.close()
            process.wait()
    finally:
        signal.signal(signal.SIGINT, previous)


def wait_for_key(prompt: str) -> str:
    """Show ``prompt`` and wait for one key; returns "q" for q, "" for any other (Enter, space…).

    The terminal is put in single-key mode before the prompt is written, so a key pressed
    as soon as the prompt shows is never lost. Ctrl-C cancels (KeyboardInterrupt) and
    Ctrl-D ends input (EOFError); both reach the one place that reports a cancelled
    command. The prompt is wiped afterwards so it does not stay between the parts.

    The key is read through prompt_toolkit's input (its raw mode and its reader), which
    knows both the POSIX terminal and the Windows console: rct touches neither directly.
    """
    import asyncio

    key = asyncio.run(_one_key(prompt))
    sys.stdout.write("\r" + " " * len(prompt) + "\r")  # no escape codes: TERM=dumb has none
    sys.stdout.flush()
    if key in ("c-d", ""):
        raise EOFError
    if key == "c-c":
        raise KeyboardInterrupt
    return "q" if key.lower() == "q" else ""


async def _one_key(prompt: str) -> str:
    """The first key pressed after ``prompt`` is shown: a character, or a key name ("c-m" for
    Enter, "c-c", "c-d"); "" when the input ends."""
    import asyncio

    from prompt_toolkit.input import create_input
    from prompt_toolkit.keys import Keys

    source = create_input(sys.stdin)
    pressed: asyncio.Future[str] = asyncio.get_running_loop().create_future()

    def ready() -> None:
        keys = source.read_keys()
        if pressed.done() or not (keys or source.closed):
            return
        key = keys[0].key if keys else ""
        pressed.set_result(key.value if isinstance(key, Keys) else key)

    with source.raw_mode(), source.attach(ready):
        sys.stdout.write(prompt)
        sys.stdout.flush()
        return await pressed
