"""Where a command's document goes: stdout, or a file that is never replaced without asking.

``--out -`` means stdout, as in most command-line tools. An existing file is replaced
only with ``--force`` or after a yes at a terminal; without a terminal the command
refuses (exit 2) before doing any work, so nothing is lost and nothing is half done.
"""

from __future__ import annotations

import sys
from pathlib import Path

from rct_workbook.cli.state import has_terminal

#: The help text of every --force option.
FORCE_HELP = "Replace an existing output file without asking."


def to_stdout(out: Path | None) -> bool:
    """Whether ``out`` (an --out value) means standard output: none given, or ``-``."""
    return out is None or str(out) == "-"


def may_replace(out: Path | None, option: str, *, force: bool, plain: bool) -> bool:
    """Whether the file ``out`` may be replaced; asks at a terminal when it exists.

    Returns False when there is nothing to replace (no file, or stdout), True when the
    person agreed or gave --force. Raises Cancelled when they said no, and WorkbookError
    when there is no terminal to ask in.
    """
    from rct_workbook.errors import Cancelled, WorkbookError

    if to_stdout(out):
        return False
    assert out is not None
    target = out.expanduser()
    if target.is_dir():
        raise WorkbookError(f"{target} is a folder; give a file name")
    from rct_workbook.storage import check_target

    check_target(target)  # a device, FIFO or socket: refused before anything is asked
    if not target.exists():
        return False
    if force:
        return True
    if not has_terminal():
        raise WorkbookError(f"{target} already exists; add --force to replace it, or choose another {option} file")
    from rct_workbook.flow.askers import QuestionaryAsker
    from rct_workbook.flow.questions import Ask
    from rct_workbook.model.schema import Question

    question = Question(id="replace", type="yes_no", prompt=f"{target} already exists. Replace it?")
    if not QuestionaryAsker(plain=plain, stderr=True).ask(Ask(question), False):
        raise Cancelled(f"{target} was left as it was; nothing was written")
    return True


def exists_error(target: Path) -> Exception:
    """The error for a file that appeared between the question and the write."""
    from rct_workbook.errors import WorkbookError

    return WorkbookError(f"{target} appeared while rct was working; nothing was written (run again to replace it)")


def write_stdout(data: bytes) -> None:
    sys.stdout.write(data.decode("utf-8"))
    sys.stdout.flush()


# --- documents (plans, worksheets, class profiles, pages); their formats are in render/formats ---


def write_document(out: Path | None, data: str | bytes, what: str, *, replace: bool) -> None:
    """Write ``data`` to stdout (no --out, or --out -) or to a private file, atomically,
    replacing an existing file only if ``replace`` (see ``may_replace``). Temporary files a
    killed earlier write left in that folder are removed first. The one writer of every
    command's --out."""
    from rct_workbook.errors import WorkbookError
    from rct_workbook.render.safe import clean
    from rct_workbook.storage import clean_stale_temps, write_atomic

    if isinstance(data, str):
        data = data.encode("utf-8")
    if to_stdout(out):
        write_stdout(data)
        return
    assert out is not None
    target = out.expanduser()
    if not target.parent.is_dir():
        raise WorkbookError(f"the folder {clean(target.parent)} does not exist")
    clean_stale_temps(target.parent)
    try:
        write_atomic(target, data, overwrite=replace)
    except FileExistsError:
        raise exists_error(target) from None
    from rct_workbook.cli.messages import say

    say(sys.stderr, f"Wrote {what} to {clean(target)}.\n")
