"""What a command imports before it shows anything: the start-up gains, guarded.

Speed itself is measured by bench/run.py; these tests only check which heavy modules a
path loads, which does not depend on how busy the machine is. Each probe runs the real
command in a fresh interpreter, twice: the first run fills the content cache, the
second is the one a person usually waits for.
"""

from __future__ import annotations

import json
import os
import struct
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tests.helpers import FilledAnswers, Run, python_says

#: Not pydantic (nor ``secrets``, which it imports): Typer (0.29 on) checks a command's
#: parameters with it, so every command but ``--version`` and ``--help`` imports it. No YAML
#: means no content was read or validated.
#: Plain, captured output; and a colour terminal, a pseudo-terminal, which only POSIX has.
TERMINALS = [pytest.param(False, id="plain"), pytest.param(True, id="colour terminal", marks=pytest.mark.posix)]

HEAVY = ("yaml", "questionary", "prompt_toolkit", "sqlite3", "rich", "rich.table")

PROBE = """
import atexit, json, os, sys
heavy = {heavy!r}
def report():
    sys.__stderr__.write("MODULES " + json.dumps(sorted(m for m in heavy if m in sys.modules)) + "\\n")
    sys.__stderr__.flush()
atexit.register(report)
{prelude}
sys.argv = ["rct", *{args!r}]
from rct_workbook.cli import main
main()
"""

#: Stops `rct assess` where it would ask its first question (there is no terminal here).
AT_FIRST_QUESTION = """
import rct_workbook.cli.assess as command
from rct_workbook.flow.askers import QuestionaryAsker
command.has_terminal = lambda: True
def first_question(self, ask, default=None):
    report()
    os._exit(0)
QuestionaryAsker.ask = first_question
"""


#: Stops `rct assess` as its first question's prompt starts, after the question is on screen.
AT_FIRST_PROMPT = """
import rct_workbook.cli.assess as command
import questionary
command.has_terminal = lambda: True
def first_prompt(self, *args, **kwargs):
    report()
    os._exit(0)
questionary.Question.unsafe_ask = first_prompt
"""


def loaded(
    rct_home: Path, *args: str, prelude: str = "", terminal: bool = False, also: tuple[str, ...] = ()
) -> list[str]:
    """The heavy modules (and ``also``) that ``rct ARGS`` imported, on its second run; with
    ``terminal``, its output is a terminal in colour (a pseudo-terminal), else plain and captured."""
    code = PROBE.format(heavy=(*HEAVY, *also), args=list(args), prelude=prelude)
    rct_home.mkdir(mode=0o700, exist_ok=True)  # the data folder a person has after the first run
    env = {**os.environ, "RCT_HOME": str(rct_home), "NO_COLOR": "1"}
    if terminal:
        for name in ("NO_COLOR", "FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE"):
            env.pop(name, None)
        env.update(TERM="xterm-256color", LANG="en_GB.UTF-8", LC_ALL="en_GB.UTF-8")
    for _ in range(2):
        screen, out = os.openpty() if terminal else (None, None)
        if out is not None:  # a terminal 80 columns wide (a new one is 0 by 0)
            import fcntl
            import termios

            fcntl.ioctl(out, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        reader = None
        try:
            with subprocess.Popen(
                [sys.executable, "-c", code],
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=out if terminal else subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            ) as process:
                if screen is not None and out is not None:
                    os.close(out)
                    out = None
                    # Read the screen as a terminal would: a long screen fills the terminal's buffer.
                    reader = threading.Thread(target=_drain, args=(screen,), daemon=True)
                    reader.start()
                _, stderr = process.communicate()
        finally:
            if reader is not None:
                reader.join()
            for fd in (screen, out):
                if fd is not None:
                    os.close(fd)
        assert process.returncode == 0, stderr
    line = next(x for x in stderr.splitlines() if x.startswith("MODULES "))
    return list(json.loads(line.removeprefix("MODULES ")))


def _drain(screen: int) -> None:
    """Read a pseudo-terminal until the program on it has gone (then reading fails)."""
    while True:
        try:
            if not os.read(screen, 65536):
                return
        except OSError:
            return


@pytest.mark.parametrize("args", [("--version",), ("--help",)], ids=" ".join)
def test_version_and_help_load_no_content_rich_or_validator(rct_home: Path, args: tuple[str, ...]) -> None:
    assert loaded(rct_home, *args, also=("rct_workbook.model.content", "pydantic")) == []


def test_listing_the_vignettes_imports_no_validator_parser_or_prompts(rct_home: Path) -> None:
    assert set(loaded(rct_home, "vignette")) <= {"rich", "rich.table"}


@pytest.mark.parametrize("terminal", TERMINALS)
@pytest.mark.parametrize(
    "args", [("learn", "cultures"), ("learn",), ("vignette", "paula", "--no-reflect")], ids=" ".join
)
def test_reading_a_topic_or_case_imports_no_validator_parser_or_prompts(
    rct_home: Path, args: tuple[str, ...], terminal: bool
) -> None:
    """A topic or a case comes from the cached content, drawn with Rich: no content
    validation, no YAML, no prompts, no journal index."""
    assert set(loaded(rct_home, *args, terminal=terminal)) <= {"rich", "rich.table"}


#: Read only once answers are given: the care rules and the stemmer they load (~20 ms).
NOT_BEFORE_ANSWERS = ("rct_workbook.care", "snowballstemmer")


@pytest.mark.parametrize("terminal", TERMINALS)
def test_listing_the_journal_needs_only_its_index(
    rct_home: Path, run: Run, filled_answers: FilledAnswers, terminal: bool
) -> None:
    """`rct journal list` reads the index and writes plain lines: no Rich (its width and
    characters come from ``render.modes``), no content, no prompts, no YAML on a warm index."""
    answers = rct_home.parent / "answers.yaml"
    answers.write_text(filled_answers("assess"), encoding="utf-8")
    assert run("assess", "--answers", str(answers)).exit_code == 0
    also = ("rct_workbook.model.content", "rct_workbook.render.terminal", *NOT_BEFORE_ANSWERS)
    assert loaded(rct_home, "journal", "list", terminal=terminal, also=also) == ["sqlite3"]


def test_the_first_assess_question_needs_no_validator_parser_or_table(rct_home: Path) -> None:
    """Before the first question: the cached content, the journal's index and the title on
    screen (drawn with Rich); no content validation, no YAML (drafts and answers files are
    read only when there are any) and no Rich table. Nor the care rules (and the stemmer
    they load), which read the answers once they are given."""
    assert loaded(rct_home, "assess", prelude=AT_FIRST_QUESTION, also=NOT_BEFORE_ANSWERS) == ["rich", "sqlite3"]


@pytest.mark.parametrize("terminal", TERMINALS)
def test_the_first_assess_prompt_needs_no_validator_parser_or_table(rct_home: Path, terminal: bool) -> None:
    """Up to the first prompt, in either mode, the prompt library joins them, and still no
    content validation, YAML or Rich table."""
    assert loaded(rct_home, "assess", prelude=AT_FIRST_PROMPT, terminal=terminal, also=NOT_BEFORE_ANSWERS) == [
        "prompt_toolkit",
        "questionary",
        "rich",
        "sqlite3",
    ]


def test_the_cycle_collector_runs_less_often_from_the_start() -> None:
    """Start-up makes long-lived objects and little garbage: rct raises the collector's first
    threshold before importing anything of its own (bench/startup.md)."""
    said = python_says(
        "import gc, sys",
        "sys.argv = ['rct', '--version']",
        "from rct_workbook.cli import START_UP_GC_THRESHOLD, main",
        "main()",
        "print(gc.get_threshold()[0] == START_UP_GC_THRESHOLD >= 10_000, gc.isenabled())",
    )
    assert said.splitlines()[-1] == "True True"
