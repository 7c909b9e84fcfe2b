"""Whole-process benchmark of rct against references: jrnl and a bare Typer app.

    python bench/run.py [--entries 5000] [--runs 7] [--scale] [--json FILE] [--keep]

It builds a journal of realistic entries in a temporary RCT_HOME with rct's own
builders (so the files are exactly what rct writes), an equivalent plain-text jrnl
journal, and a bare Typer app; then runs every command once to warm up and --runs
more times, round-robin, and prints the median and minimum wall-clock time of each
whole process, with the ratios the performance targets refer to. Nothing is asserted:
the numbers are for reading (and for --json), not a pass/fail gate.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

YEAR = 365.25 * 86400
#: Appears in about 10% of entries, and nowhere else in the generated text.
GREP_WORD = "ombudsman"
GREP_SHARE = 0.10
VIGNETTE_SHARE = 0.20
CHUNK = 500

# --- realistic answer text -----------------------------------------------------------------

PEOPLE = [
    "My supervisor",
    "The clinical director",
    "Our unit manager",
    "A nursing colleague",
    "The new program director",
    "Two colleagues on the Tuesday team",
    "The intake coordinator",
    "Our team psychiatrist",
    "A social worker on the ward",
    "The executive director",
    "A peer from my training program",
    "The residents",
    "Most of the senior staff",
    "The billing office",
    "A family therapist down the hall",
]
ACTIONS = [
    "cancelled the weekly case conference",
    "asked for shorter notes",
    "raised the caseload targets again",
    "spoke up in the team meeting",
    "stayed late to cover intake",
    "questioned the new discharge policy",
    "sent another memo about productivity",
    "offered to co-lead the family group",
    "kept quiet when the budget came up",
    "shared a difficult case openly",
    "moved the staff meeting to lunchtime",
    "thanked the team after a hard month",
    "did not answer my email about supervision",
    "proposed a reading group on relational practice",
    "changed the on-call rota without asking anyone",
]
TIMES = [
    "last week",
    "this month",
    "on Monday",
    "after the audit",
    "before the holidays",
    "during the accreditation visit",
    "again yesterday",
    "at the end of the quarter",
    "in the spring",
    "for the third time this year",
]
FEELINGS = [
    "relieved",
    "tired",
    "hopeful",
    "frustrated",
    "quietly angry",
    "more connected",
    "isolated",
    "curious",
    "uneasy",
    "encouraged",
    "worn down",
    "clearer",
]
TOPICS = [
    "how we talk about the cases that go badly",
    "the waiting list",
    "the new documentation rules",
    "our shrinking supervision time",
    "the families we cannot reach",
    "who gets a say in scheduling",
    "the way disagreements are handled",
    "the pressure to see more clients",
    "burnout on the team",
    "the merger with the other clinic",
    "the quality review",
    "group supervision",
    "what happened after the complaint",
]
TEMPLATES = [
    "{P} {a} {t}.",
    "I felt {f} when {p} {a} {t}.",
    "{T}, {p} {a}, and I noticed how {f} the room felt afterwards.",
    "I keep coming back to {o}.",
    "Nobody names {o} out loud, but everyone works around it.",
    "It would help to talk with {p} about {o}.",
    "I want to bring {o} to the peer group {t}.",
    "I was {f} to see that {p} {a}.",
    "There is less room than there was to talk about {o}.",
    "When {p} {a}, it changed how I think about {o}.",
    "I am {f}, but I can see a small opening around {o}.",
    "Part of me wants to withdraw; part of me wants to say something about {o}.",
]
ROLES = [
    "Staff psychologist",
    "Clinical social worker",
    "Psychiatric nurse",
    "Counselor at the university counseling center",
    "Family therapist",
    "Addiction counselor",
    "Psychology intern",
    "Child protection caseworker",
    "School counselor",
]
STEPS = [
    "Propose a case presentation on the relational work of the unit",
    "Ask for a monthly peer consultation hour",
    "Name the time we spend on family meetings in the next team meeting",
    "Invite a colleague to co-lead the Thursday group",
    "Write a short note on what the waiting list costs our clients",
    "Ask the director for ten minutes on the staff meeting agenda",
    "Start a lunchtime reading group on relational practice",
    "Tell my supervisor one true thing about the caseload",
    "Protect one afternoon a week for supervision",
]
WHEN = [
    "End of next month",
    "Before the summer",
    "By the next team retreat",
    "Within two weeks",
    "By the end of the quarter",
    "Next Tuesday",
    "Before my review",
]
EVIDENCE = [
    "We get a slot at grand rounds",
    "Someone else raises it without me",
    "The group meets twice",
    "The director answers in writing",
    "I feel less alone on Mondays",
    "Two people come to the first meeting",
    "The case conference is back on the calendar",
]


def _sentence(rng: random.Random) -> str:
    person = rng.choice(PEOPLE)
    when = rng.choice(TIMES)
    return rng.choice(TEMPLATES).format(
        P=person,
        p=person[0].lower() + person[1:],
        a=rng.choice(ACTIONS),
        t=when,
        T=when[0].upper() + when[1:],
        f=rng.choice(FEELINGS),
        o=rng.choice(TOPICS),
    )


def _paragraph(rng: random.Random, low: int = 2, high: int = 4) -> str:
    return " ".join(_sentence(rng) for _ in range(rng.randint(low, high)))


def _answer(ask: Any, rng: random.Random, rating: int | None = None) -> Any:
    """A varied, plausible answer to ``ask`` (checked later by check_all)."""
    q = ask.question
    if not q.required and q.type in ("text", "long_text", "choice") and rng.random() < 0.15:
        return None
    if q.type == "long_text":
        return _paragraph(rng)
    if q.type == "text":
        if ask.id == "role":
            return rng.choice(ROLES)
        if ask.id == "what":
            return rng.choice(STEPS)
        if ask.id == "by-when":
            return rng.choice(WHEN)
        if ask.id == "evidence":
            return rng.choice(EVIDENCE)
        if ask.id in ("with-whom", "allies", "support-first-step", "possible-allies"):
            return rng.choice(PEOPLE)
        return _sentence(rng)
    if q.type == "choice":
        return rng.choice(ask.values)
    if q.type == "multi":
        most = {"practices": 9, "connecting": 4}.get(ask.id, 3)
        least = 2 if ask.id == "practices" else (1 if q.required else 0)
        count = min(len(ask.values), rng.randint(least, most))
        return rng.sample(list(ask.values), count)
    if q.type == "rating":
        return rating if rating is not None else rng.randint(1, 5)
    if q.type == "yes_no":
        return rng.random() < (0.85 if ask.id == "support-in-place" else 0.5)
    if q.type == "repeat":
        rows = rng.randint(max(q.min_items, 1), min(q.max_items, 3))
        return [{f.id: _answer(f, rng) for f in ask.fields} for _ in range(rows)]
    raise ValueError(f"no generator for question type {q.type!r}")


def _prose(asks: Sequence[Any], answers: dict[str, Any]) -> list[str]:
    """The written answers (text, long text and the text of small steps), in order: a jrnl body."""
    out: list[str] = []
    for a in asks:
        value = answers.get(a.id)
        if a.type in ("text", "long_text") and value:
            out.append(value)
        elif a.type == "repeat":
            for row in value or []:
                out.append(". ".join(str(row[f.id]) for f in a.fields if f.type == "text" and row.get(f.id)) + ".")
    return out


# --- the timeline: entry i is the same wherever (and in whichever process) it is built ---------


@dataclass(frozen=True)
class Timeline:
    seed: int
    start: float  # timestamp of entry 0; entries before it (i < 0) are older history
    step: float  # seconds between entries

    def rng(self, i: int, what: str) -> random.Random:
        return random.Random(f"{self.seed}:{i}:{what}")

    def when(self, i: int) -> _dt.datetime:
        jitter = 0.1 + 0.8 * self.rng(i, "when").random()  # strictly increasing with i
        return _dt.datetime.fromtimestamp(self.start + (i + jitter) * self.step).astimezone()

    def is_vignette(self, i: int) -> bool:
        return self.rng(i, "kind").random() < VIGNETTE_SHARE

    def ratings(self, i: int, names: Sequence[str]) -> dict[str, int]:
        """Good-thing ratings drifting slowly upward over the years, with noise."""
        rng = self.rng(i, "ratings")
        years = i * self.step / YEAR
        base = 2.0 + 0.3 * years
        return {name: max(1, min(5, round(base + rng.gauss(0, 0.9)))) for name in names}

    def previous(self, i: int, names: Sequence[str]) -> dict[str, int] | None:
        """The ratings of the assessment before entry i, as rct finds them when it saves."""
        for j in range(i - 1, i - 50, -1):
            if not self.is_vignette(j):
                return self.ratings(j, names)
        return None


_CACHE: dict[str, Any] = {}


def _library() -> dict[str, Any]:
    """rct's content and builders, loaded once per process."""
    if not _CACHE:
        from rct_workbook.flow.questions import check_all, resolve
        from rct_workbook.journal.entry import document, new_id
        from rct_workbook.journal.reflection import assess_entry, vignette_entry
        from rct_workbook.model.content import load_content
        from rct_workbook.reading import GOOD_THING_PREFIX, read

        content = load_content()
        flow = content.flow("assess")
        sections = flow.sections
        asks = [a for s in sections for a in resolve(s.questions, content, s.id)]
        vignettes = {
            name: (content.vignette(name), resolve(content.vignette(name).reflection, content))
            for name in content.vignettes
        }
        _CACHE.update(
            content=content,
            flow=flow,
            sections=sections,
            asks=asks,
            vignettes=vignettes,
            good_thing_prefix=GOOD_THING_PREFIX,
            good_things=[a.id for a in asks if a.id.startswith(GOOD_THING_PREFIX)],
            check_all=check_all,
            document=document,
            new_id=new_id,
            assess_entry=assess_entry,
            vignette_entry=vignette_entry,
            read=read,
        )
    return _CACHE


@dataclass
class Built:
    entries: int = 0
    vignettes: int = 0
    with_word: int = 0
    jrnl: list[str] = field(default_factory=list)


def build_range(timeline: Timeline, start: int, stop: int, folder: str, jrnl: bool) -> Built:
    """Write entries start..stop-1 into ``folder``; with ``jrnl``, the same text as jrnl entries."""
    import dataclasses

    from rct_workbook.flow.askers import example

    lib = _library()
    content = lib["content"]
    built = Built()
    for i in range(start, stop):
        rng = timeline.rng(i, "answers")
        when = timeline.when(i)
        if timeline.is_vignette(i):
            name = rng.choice(sorted(lib["vignettes"]))
            vignette, asks = lib["vignettes"][name]
        else:
            vignette, asks = None, lib["asks"]
        ratings = timeline.ratings(i, lib["good_things"])
        answers = {a.id: example(a) for a in asks}  # the template's examples, then varied
        for a in asks:
            if a.type != "rating" and rng.random() < 0.1:
                continue  # now and then the example answer is kept as it is
            answers[a.id] = _answer(a, rng, ratings.get(a.id))
        if rng.random() < GREP_SHARE:
            long = [a.id for a in asks if a.type == "long_text" and a.question.required]
            key = rng.choice(long)
            answers[key] = f"{answers[key]} I wondered whether to take {rng.choice(TOPICS)} to the {GREP_WORD}."
            built.with_word += 1
        answers = lib["check_all"](asks, answers)
        if vignette is None:
            previous = timeline.previous(i, lib["good_things"])
            previous = {k.removeprefix(lib["good_thing_prefix"]): v for k, v in previous.items()} if previous else None
            reading = lib["read"](content, answers, previous)
            entry = lib["assess_entry"](content, lib["flow"], lib["sections"], asks, answers, reading, when=when)
        else:
            entry = lib["vignette_entry"](content, vignette, asks, answers, when)
            built.vignettes += 1
        for _ in range(20):
            try:
                fd = os.open(Path(folder) / f"{entry.id}.md", os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            except FileExistsError:
                entry = dataclasses.replace(entry, id=lib["new_id"](entry.kind, when, entry.vignette or entry.kind))
                continue
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                out.write(lib["document"](entry))
            break
        else:
            raise RuntimeError(f"no free file name for entry {i}")
        built.entries += 1
        if jrnl:
            stamp = when.strftime("%Y-%m-%d %I:%M:%S ") + ("AM" if when.hour < 12 else "PM")
            body = "\n\n".join(_prose(asks, answers))
            built.jrnl.append(f"[{stamp}] {entry.title}.\n{body}\n")
    return built


def build_journal(timeline: Timeline, start: int, stop: int, folder: Path, *, jrnl: bool, workers: int) -> Built:
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(folder, 0o700)
    chunks = [(a, min(a + CHUNK, stop)) for a in range(start, stop, CHUNK)]
    total = Built()
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(build_range, timeline, a, b, str(folder), jrnl) for a, b in chunks]
        for future in futures:  # in order, so the jrnl text stays in date order
            part = future.result()
            total.entries += part.entries
            total.vignettes += part.vignettes
            total.with_word += part.with_word
            total.jrnl += part.jrnl
    return total


# --- references ---------------------------------------------------------------------------------

BARE_APP = '''\
"""A bare Typer app: three commands and an eager --version, nothing else."""
from typing import Annotated

import typer

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False, rich_markup_mode=None)


def _version(value: bool) -> None:
    if value:
        typer.echo("bare 1.0")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """A bare app."""


@app.command()
def one(name: str) -> None:
    """The first command."""
    typer.echo(name)


@app.command()
def two(count: int = 1) -> None:
    """The second command."""
    typer.echo(count)


@app.command()
def three(flag: bool = False) -> None:
    """The third command."""
    typer.echo(flag)


if __name__ == "__main__":
    app()
'''

#: The floor for a cold listing: read every entry and parse its front matter with libyaml.
FLOOR_LIST = '''\
"""Read every entry and parse its front matter with libyaml's CSafeLoader; nothing else."""
import os
import sys

import yaml

folder = sys.argv[1]
count = 0
for name in sorted(os.listdir(folder)):
    if not name.endswith(".md"):
        continue
    with open(os.path.join(folder, name), encoding="utf-8") as f:
        text = f.read()
    if text.startswith("---\\n"):
        end = text.find("\\n---\\n", 4)
        if isinstance(yaml.load(text[4:end], Loader=yaml.CSafeLoader), dict):
            count += 1
print(count)
'''

#: The floor for the first question on screen: a bare questionary prompt.
BARE_PROMPT = '''\
"""One questionary text prompt, nothing else."""
import questionary

questionary.text("What is your role there?").ask()
'''

JRNL_CONFIG = """\
colors:
  body: none
  date: none
  tags: none
  title: none
default_hour: 9
default_minute: 0
editor: ''
encrypt: false
highlight: false
indent_character: '|'
journals:
  default:
    journal: {journal}
linewrap: 79
tagsymbols: '#@'
template: false
timeformat: '%F %r'
version: '{version}'
"""


def find_tool(name: str) -> Path | None:
    here = Path(sys.executable).parent
    for candidate in (here / name, here / f"{name}.exe"):
        if candidate.is_file():
            return candidate
    found = shutil.which(name)
    return Path(found) if found else None


# --- timing ---------------------------------------------------------------------------------


@dataclass
class Command:
    name: str
    argv: list[str]
    env: dict[str, str]
    before: Callable[[], None] | None = None
    times: list[float] = field(default_factory=list)
    #: CPU seconds (user + system) of each timed run, its own child processes included: much less
    #: disturbed than wall time by other work on the machine, though it does not show parallelism.
    cpus: list[float] = field(default_factory=list)
    last_cpu: float | None = None

    def run(self) -> float:
        import resource

        if self.before is not None:
            self.before()
        used = resource.getrusage(resource.RUSAGE_CHILDREN)
        began = time.perf_counter()
        done = subprocess.run(
            self.argv, env=self.env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        elapsed = time.perf_counter() - began
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        self.last_cpu = after.ru_utime - used.ru_utime + after.ru_stime - used.ru_stime
        if done.returncode != 0:
            message = done.stderr.decode("utf-8", "replace").strip()
            raise RuntimeError(f"{self.name} exited {done.returncode}: {message}")
        return elapsed

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    @property
    def best(self) -> float:
        return min(self.times)

    @property
    def cpu(self) -> float | None:
        return statistics.median(self.cpus) if self.cpus else None


#: prompt_toolkit turns on bracketed paste as it draws a prompt: the moment a person can type.
PROMPT_ON_SCREEN = "\x1b[?2004h"


@dataclass
class PromptCommand(Command):
    """Timed from start to the first prompt on screen, in a pseudo-terminal; then stopped."""

    def run(self) -> float:
        import pexpect  # type: ignore[import-untyped]  # the package ships no type hints

        began = time.perf_counter()
        self.last_cpu = None  # stopped, not waited for: its CPU time is not counted
        child = pexpect.spawn(self.argv[0], self.argv[1:], env=self.env, dimensions=(40, 100), timeout=60)
        try:
            child.expect_exact(PROMPT_ON_SCREEN)
            elapsed = time.perf_counter() - began
        finally:
            child.terminate(force=True)
        return elapsed


def time_all(commands: Sequence[Command], runs: int) -> None:
    """One warm-up round, then ``runs`` rounds; each round runs every command once, in order."""
    for i in range(runs + 1):
        print(f"  round {i}/{runs}{' (warm-up)' if i == 0 else ''}…", file=sys.stderr, flush=True)
        for command in commands:
            elapsed = command.run()
            if i:
                command.times.append(elapsed)
                if command.last_cpu is not None:
                    command.cpus.append(command.last_cpu)


def _load() -> list[float] | None:
    """The system's load averages over 1, 5 and 15 minutes, where the system has them."""
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except (AttributeError, OSError):
        return None


def _load_text(load: list[float] | None) -> str:
    return ", ".join(f"{x:.2f}" for x in load) if load is not None else "unknown"


def capture(argv: Sequence[str], env: dict[str, str]) -> str:
    done = subprocess.run(argv, env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} exited {done.returncode}: {done.stderr.strip()}")
    return done.stdout


def remover(home: Path) -> Callable[[], None]:
    def remove_index() -> None:
        for suffix in ("", "-wal", "-shm", "-journal"):
            (home / f"index.sqlite3{suffix}").unlink(missing_ok=True)

    return remove_index


def draft_remover(root: Path) -> Callable[[], None]:
    """A stopped `rct assess` leaves no draft (nothing was answered), but make sure none is offered back."""

    def remove_drafts() -> None:
        shutil.rmtree(root / "assess-home" / "drafts", ignore_errors=True)

    return remove_drafts


# --- report ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Check:
    label: str
    value: float
    op: str
    target: float
    unit: str = "×"

    @property
    def ok(self) -> bool:
        return self.value < self.target if self.op == "<" else self.value <= self.target


def checks_for(by: dict[str, Command], n: int, scaled: int) -> list[Check]:
    def ratio(a: str, b: str) -> float | None:
        return by[a].median / by[b].median if a in by and b in by else None

    wanted = [
        (
            "warm `rct journal list` / `jrnl -n N --short`",
            ratio("rct journal list (warm)", "jrnl -n N --short"),
            "≤",
            0.4,
            "×",
        ),
        ("`rct progress` / warm list", ratio("rct progress", "rct journal list (warm)"), "≤", 1.5, "×"),
        (
            "`rct journal list --grep` / warm list",
            ratio("rct journal list --grep", "rct journal list (warm)"),
            "≤",
            1.5,
            "×",
        ),
        (
            "warm list, encrypted / plain",
            ratio("rct journal list (warm, encrypted)", "rct journal list (warm)"),
            "≤",
            2,
            "×",
        ),
        (
            "cold list, encrypted / plain",
            ratio("rct journal list (cold, encrypted)", "rct journal list (cold)"),
            "≤",
            3,
            "×",
        ),
        ("`rct --version` / bare --version", ratio("rct --version", "bare --version"), "≤", 1.2, "×"),
        ("`rct --help` / bare --help", ratio("rct --help", "bare --help"), "≤", 1.2, "×"),
        (
            f"warm list {scaled} / {n} entries",
            ratio(f"rct journal list (warm, {scaled})", "rct journal list (warm)"),
            "≤",
            4.5,
            "×",
        ),
        (
            "first prompt of `rct assess` / bare questionary prompt",
            ratio("rct assess (first prompt)", "bare questionary (prompt)"),
            "≤",
            1.75,
            "×",
        ),
        ("`rct learn cultures` / bare command", ratio("rct learn cultures", "bare command"), "≤", 2.5, "×"),
        (
            "`rct vignette paula --no-reflect` / bare command",
            ratio("rct vignette paula --no-reflect", "bare command"),
            "≤",
            2.5,
            "×",
        ),
        (
            f"cold list / floor ({n} entries)",
            ratio("rct journal list (cold)", "floor: read + CSafeLoader"),
            "≤",
            0.8,
            "×",
        ),
        (
            f"cold list {scaled} / cold list {n}",
            ratio(f"rct journal list (cold, {scaled})", "rct journal list (cold)"),
            "≤",
            4,
            "×",
        ),
    ]
    return [Check(label, value, op, target, unit) for label, value, op, target, unit in wanted if value is not None]


def print_report(commands: Sequence[Command], checks: Sequence[Check], header: str) -> None:
    width = max(len(c.name) for c in commands)
    print(header)
    print()
    print(f"{'command':<{width}}  {'median s':>9}  {'min s':>9}  {'cpu s':>9}")
    print(f"{'-' * width}  {'-' * 9}  {'-' * 9}  {'-' * 9}")
    for c in commands:
        cpu = "-" if c.cpu is None else f"{c.cpu:.3f}"
        print(f"{c.name:<{width}}  {c.median:>9.3f}  {c.best:>9.3f}  {cpu:>9}")
    print()
    width = max(len(c.label) for c in checks)
    print(f"{'target (medians)':<{width}}  {'value':>7}  {'target':>8}")
    print(f"{'-' * width}  {'-' * 7}  {'-' * 8}")
    for check in checks:
        value = f"{check.value:.2f}{'s' if check.unit == 's' else '×'}"
        target = f"{check.op} {check.target:g}{'s' if check.unit == 's' else '×'}"
        print(f"{check.label:<{width}}  {value:>7}  {target:>8}  {'✓' if check.ok else '✗'}")


# --- main ---------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", type=int, default=5000, help="journal size (default 5000)")
    parser.add_argument("--runs", type=int, default=7, help="timed runs per command after one warm-up (default 7)")
    parser.add_argument("--scale", action="store_true", help="also time warm `rct journal list` on 4× the entries")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the results as JSON")
    parser.add_argument("--seed", type=int, default=2002, help="seed for the generated journal (default 2002)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folders and print where they are")
    args = parser.parse_args(argv)
    if args.entries < 10 or args.runs < 1:
        parser.error("--entries must be at least 10 and --runs at least 1")

    root = Path(tempfile.mkdtemp(prefix="rct-bench-"))
    home = root / "rct-home"
    home.mkdir(mode=0o700)
    os.environ["RCT_HOME"] = str(home)  # before rct_workbook is used, here and in the workers
    try:
        return run(args, root, home)
    finally:
        if args.keep:
            print(f"Kept {root}", file=sys.stderr)
        else:
            shutil.rmtree(root, ignore_errors=True)


def run(args: argparse.Namespace, root: Path, home: Path) -> int:
    n, workers = args.entries, os.cpu_count() or 1
    rct = find_tool("rct")
    if rct is None:
        raise SystemExit("no rct next to this Python or on PATH; install rct-workbook first")
    jrnl = find_tool("jrnl")
    timeline = Timeline(seed=args.seed, start=time.time() - 5 * YEAR, step=5 * YEAR / n)

    started = time.perf_counter()

    def note(message: str) -> None:
        print(f"[{time.perf_counter() - started:6.1f}s] {message}", file=sys.stderr, flush=True)

    began = time.perf_counter()
    note(f"Building a journal of {n} entries in {home} ({workers} processes)…")
    built = build_journal(timeline, 0, n, home / "journal", jrnl=jrnl is not None, workers=workers)
    note(
        f"  {built.entries} entries ({built.vignettes} vignette reflections), "
        f"{built.with_word} with {GREP_WORD!r}, in {time.perf_counter() - began:.1f}s"
    )
    env = {**os.environ, "RCT_HOME": str(home), "NO_COLOR": "1", "PROMPT_TOOLKIT_NO_CPR": "1"}

    # Check the journal reads back whole, and pick ids to export.
    listed = json.loads(capture([str(rct), "journal", "list", "--json"], env))
    if len(listed) != n:
        raise SystemExit(f"rct lists {len(listed)} entries, not {n}: the generated journal is not all valid")
    ids = [listed[i]["id"] for i in range(0, n, max(1, n // 10))][:10]
    hits = len(json.loads(capture([str(rct), "journal", "list", "--grep", GREP_WORD, "--json"], env)))
    note(f"  rct lists {len(listed)} entries; --grep {GREP_WORD} matches {hits}")

    # Without a terminal, export wants a decision on possible identifiers (names, dates…) up front.
    export_help = capture([str(rct), "journal", "export", "--help"], env)
    export_flags = ["--keep-flagged"] if "--keep-flagged" in export_help else []

    # The cold listing gets its own copy of the journal, so removing its index leaves the warm
    # rows' index whole (the first search after a rebuild also indexes the search text).
    cold_home = root / "rct-home-cold"
    cold_home.mkdir(mode=0o700)
    shutil.copytree(home / "journal", cold_home / "journal")
    cold_env = {**env, "RCT_HOME": str(cold_home)}

    # The same journal encrypted (rct journal encrypt), with the passphrase in a file: a warm copy
    # and a cold one (its index removed before each run), like the plain ones.
    secret = root / "passphrase"
    secret.write_text("lantern orchard velvet quietly 42\n", encoding="utf-8")
    secret.chmod(0o600)
    sealed_home = root / "rct-home-encrypted"
    sealed_home.mkdir(mode=0o700)
    shutil.copytree(home / "journal", sealed_home / "journal")
    sealed_env = {**env, "RCT_HOME": str(sealed_home), "RCT_PASSPHRASE_FILE": str(secret)}
    began = time.perf_counter()
    note(f"  {capture([str(rct), 'journal', 'encrypt'], sealed_env).strip()} ({time.perf_counter() - began:.1f}s)")
    sealed_cold = root / "rct-home-encrypted-cold"
    shutil.copytree(sealed_home, sealed_cold)
    sealed_cold_env = {**sealed_env, "RCT_HOME": str(sealed_cold)}

    bare = root / "bare.py"
    bare.write_text(BARE_APP, encoding="utf-8")
    floor = root / "floor_list.py"
    floor.write_text(FLOOR_LIST, encoding="utf-8")
    py = sys.executable
    cmds = [
        Command("rct --version", [str(rct), "--version"], env),
        Command("bare --version", [py, str(bare), "--version"], env),
        Command("rct --help", [str(rct), "--help"], env),
        Command("bare --help", [py, str(bare), "--help"], env),
        Command("bare command", [py, str(bare), "one", "paula"], env),
        # Every view of a topic or a case is drawn from the (cached) content: none is kept.
        Command("rct learn cultures", [str(rct), "learn", "cultures"], env),
        Command("rct vignette paula --no-reflect", [str(rct), "vignette", "paula", "--no-reflect"], env),
        Command("floor: read + CSafeLoader", [py, str(floor), str(home / "journal")], env),
        Command("rct journal list (cold)", [str(rct), "journal", "list"], cold_env, before=remover(cold_home)),
        Command("rct journal list (warm)", [str(rct), "journal", "list"], env),
        Command("rct journal list --grep", [str(rct), "journal", "list", "--grep", GREP_WORD], env),
        Command("rct progress", [str(rct), "progress"], env),
        Command("rct journal export (10 ids)", [str(rct), "journal", "export", *ids, *export_flags], env),
        Command(
            "rct journal list (cold, encrypted)",
            [str(rct), "journal", "list"],
            sealed_cold_env,
            before=remover(sealed_cold),
        ),
        Command("rct journal list (warm, encrypted)", [str(rct), "journal", "list"], sealed_env),
        Command("rct journal list --grep (encrypted)", [str(rct), "journal", "list", "--grep", GREP_WORD], sealed_env),
        Command("rct progress (encrypted)", [str(rct), "progress"], sealed_env),
    ]

    try:
        import pexpect  # noqa: F401 - only to know whether the prompt rows can run
    except ImportError:
        note("  pexpect is not installed (pip install 'rct-workbook[bench]'): no first-prompt rows")
    else:
        prompt = root / "bare_prompt.py"
        prompt.write_text(BARE_PROMPT, encoding="utf-8")
        tty_env = {k: v for k, v in env.items() if k != "NO_COLOR"}
        (root / "assess-home").mkdir(mode=0o700)
        assess_env = {**tty_env, "RCT_HOME": str(root / "assess-home")}
        cmds.append(PromptCommand("bare questionary (prompt)", [py, str(prompt)], tty_env))
        cmds.append(
            PromptCommand("rct assess (first prompt)", [str(rct), "assess"], assess_env, before=draft_remover(root))
        )

    jrnl_version = None
    if jrnl is not None:
        jroot = root / "jrnl"
        for sub in ("home", "config", "data"):
            (jroot / sub).mkdir(parents=True)
        journal_file = jroot / "journal.txt"
        journal_file.write_text("\n".join(built.jrnl), encoding="utf-8")
        jenv = {
            **env,
            "HOME": str(jroot / "home"),
            "XDG_CONFIG_HOME": str(jroot / "config"),
            "XDG_DATA_HOME": str(jroot / "data"),
        }
        jrnl_version = capture([str(jrnl), "--version"], jenv).split()[1].lstrip("v")
        config = jroot / "jrnl.yaml"
        config.write_text(JRNL_CONFIG.format(journal=journal_file, version=jrnl_version), encoding="utf-8")
        jargv = [str(jrnl), "--config-file", str(config), "-n", str(n), "--short"]
        shown = capture(jargv, jenv).count("\n")
        note(f"  jrnl {jrnl_version} lists {shown} entries from {journal_file.stat().st_size / 1e6:.1f} MB")
        cmds.append(Command("jrnl -n N --short", jargv, jenv))
    else:
        note("  jrnl is not installed (pip install 'rct-workbook[bench]'): no jrnl reference")

    scaled, scaled_cold = 4 * n, None
    if args.scale:
        big = root / "rct-home-scaled"
        big.mkdir(mode=0o700)
        began = time.perf_counter()
        note(f"Building a journal of {scaled} entries: the {n} above and {scaled - n} older ones…")
        shutil.copytree(home / "journal", big / "journal")
        more = build_journal(timeline, n - scaled, 0, big / "journal", jrnl=False, workers=workers)
        note(f"  {more.entries + n} entries in {time.perf_counter() - began:.1f}s")
        benv = {**env, "RCT_HOME": str(big)}
        began = time.perf_counter()
        count = len(json.loads(capture([str(rct), "journal", "list", "--json"], benv)))
        scaled_cold = time.perf_counter() - began
        note(f"  first `rct journal list --json` there (builds the index): {scaled_cold:.1f}s")
        if count != scaled:
            raise SystemExit(f"rct lists {count} entries in the scaled journal, not {scaled}")
        cmds.append(Command(f"rct journal list (warm, {scaled})", [str(rct), "journal", "list"], benv))
        cmds.append(
            Command(f"rct journal list (cold, {scaled})", [str(rct), "journal", "list"], benv, before=remover(big))
        )

    # An installed wheel has its bytecode compiled by pip; an editable checkout run with
    # PYTHONDONTWRITEBYTECODE=1 never does, and would pay for compiling rct on every run.
    import compileall

    import rct_workbook

    compileall.compile_dir(Path(rct_workbook.__file__).parent, quiet=1)
    note(f"Timing {len(cmds)} commands: 1 warm-up round and {args.runs} timed rounds…")
    load_before = _load()
    time_all(cmds, args.runs)
    load_after = _load()

    by = {c.name: c for c in cmds}
    checks = checks_for(by, n, scaled)
    header = (
        f"rct-workbook benchmark: {n} entries ({built.vignettes} vignette reflections), "
        f"median and min of {args.runs} runs after 1 warm-up\n"
        f"Python {platform.python_version()} on {platform.system()} {platform.machine()}, "
        f"{workers} CPUs; jrnl {jrnl_version or 'not installed'}; --grep {GREP_WORD} matches {hits} entries\n"
        f"load average (1, 5, 15 min) when timing began: {_load_text(load_before)}; when it ended: "
        f"{_load_text(load_after)}"
    )
    print()
    print_report(cmds, checks, header)
    if scaled_cold is not None:
        print(f"(one run, no target: the first `rct journal list` on {scaled} entries, index build included:", end=" ")
        print(f"{scaled_cold:.1f}s)")
    if args.json:
        data = {
            "entries": n,
            "runs": args.runs,
            "seed": args.seed,
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": workers,
            "jrnl": jrnl_version,
            "grep": {"word": GREP_WORD, "matches": hits},
            "scaled_index_build_seconds": scaled_cold,
            "load_average": {"began": load_before, "ended": load_after},
            "commands": {
                c.name: {"argv": c.argv, "median": c.median, "min": c.best, "times": c.times, "cpu_median": c.cpu}
                for c in cmds
            },
            "targets": [
                {"label": c.label, "value": c.value, "op": c.op, "target": c.target, "unit": c.unit, "ok": c.ok}
                for c in checks
            ],
        }
        args.json.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        note(f"Wrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
