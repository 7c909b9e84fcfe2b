"""Realistic people, each an answers file run through `rct assess --answers`.

Each persona is an answers file (tests/personas/NAME.answers.yaml, which `rct assess
--answers` takes as it is), or a series of them for someone who comes back month after
month (NAME.1.answers.yaml, NAME.2.answers.yaml…, whose `review:` names the steps of
earlier plans as ``{N}.M``: step M of the Nth assessment), and its expectations
(NAME.expect.yaml, about the last assessment): the reading rules that must and must not
speak, whether the care note must open the reading, phrases that must and must not appear
on screen, and the person's own words that must be quoted back. Together they show that
the reading listens: two people get visibly different readings, each in their own words.
"""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path
from typing import Any

import frontmatter
import pytest
import yaml

from rct_workbook.model.content import load_content
from rct_workbook.reading import MAX_SHOWN
from tests.helpers import Run

HERE = Path(__file__).parent
SERIES = re.compile(r"^(?P<name>.+?)(?:\.(?P<n>\d+))?\.answers\.yaml$")
PERSONAS = sorted({m["name"] for p in HERE.glob("*.answers.yaml") if (m := SERIES.match(p.name))})
#: A paragraph this long, word for word in two people's readings, is not written for either.
LONG = 25


def load(path: Path) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def words(text: str) -> str:
    return " ".join(text.split())


def answers_files(name: str) -> list[Path]:
    single = HERE / f"{name}.answers.yaml"
    if single.exists():
        return [single]
    return sorted(HERE.glob(f"{name}.*.answers.yaml"), key=lambda p: int(p.name.split(".")[-3]))


def assess(run: Run, rct_home: Path, name: str, tmp_path: Path) -> tuple[str, frontmatter.Post, int]:
    """Run the person's assessments in order; the last one's screen (plain, one line a
    paragraph's words) and saved entry, and how many assessments there were."""
    ids: list[str] = []
    journal = rct_home / "journal"
    result = None
    files = answers_files(name)
    for n, path in enumerate(files, 1):
        text = path.read_text(encoding="utf-8")
        text = re.sub(r"\{(\d+)\}", lambda m: ids[int(m.group(1)) - 1], text)
        filled = tmp_path / f"{name}.{n}.{len(ids)}.answers.yaml"
        filled.write_text(text, encoding="utf-8")
        before = set(journal.glob("*.md")) if journal.exists() else set()
        result = run("--plain", "assess", "--answers", str(filled), env={"RCT_HOME": str(rct_home)})
        assert result.exit_code == 0, result.stderr
        (saved,) = set(journal.glob("*.md")) - before
        ids.append(saved.stem)
    assert result is not None
    return result.stdout, frontmatter.load(journal / f"{ids[-1]}.md"), len(files)


def test_there_are_at_least_ten_people() -> None:
    assert len(PERSONAS) >= 10


@pytest.mark.parametrize("name", PERSONAS)
def test_persona(run: Run, rct_home: Path, tmp_path: Path, name: str) -> None:
    persona = load(HERE / f"{name}.expect.yaml")
    screen, entry, count = assess(run, rct_home, name, tmp_path)
    out = words(screen)
    fired = entry["reading"]["rules"]
    assert set(persona["must_fire"]) <= set(fired), set(persona["must_fire"]) - set(fired)
    assert not set(persona["must_not_fire"]) & set(fired), set(persona["must_not_fire"]) & set(fired)
    assert entry["reading"]["care_note"] is persona["care_note"]
    for phrase in persona["must_say"]:
        assert words(phrase) in out, phrase
    for phrase in persona["must_not_say"]:
        assert words(phrase) not in out, phrase
    # Their own words, quoted back on screen and in the entry.
    body = words(entry.content)
    for quote in persona["must_quote"]:
        assert f"“{words(quote)}" in out, quote
        assert f"“{words(quote)}" in body, quote
    if count == 1:
        # A first assessment never speaks of movement.
        assert entry["reading"]["mean_change"] is None
        assert "Since last" not in out and "Since your last" not in out
        assert "| Change |" not in entry.content
    else:
        assert "cannot be read" not in out
        assert out.index("Since last time") < out.index("The five good things")
    # Every response says why it appears; at most five on screen, every one in the entry.
    assert out.count(", so:") == min(MAX_SHOWN, len(fired))
    assert body.count(", so:*") >= len(fired)
    hidden = len(fired) - MAX_SHOWN
    if hidden > 0:
        assert f"{hidden} more in rct journal show {entry['id']} --all" in out
    else:
        assert "more in rct journal show" not in out
    # Other programs read the same reading: the responses in ranked order and the care level.
    data = json.loads(run("journal", "show", entry["id"], "--json", env={"RCT_HOME": str(rct_home)}).stdout)
    assert [r["rule"] for r in data["reading"]["responses"]] == fired
    assert (data["reading"]["care"]["level"] != "none") is persona["care_note"]
    if persona["care_note"]:
        assert out.index("First, you") < out.index("The five good things")
        assert body.index("## First, you") < body.index("## Support first")
    else:
        assert "First, you" not in out and "First, you" not in body


RULE_LINE = re.compile(r"^[-=]+$")


def paragraphs(screen: str) -> list[str]:
    """The paragraphs of prose on a plain screen: blocks between blank lines, without
    headings (a line over a rule of dashes), rules, and table rows (columns apart by two
    spaces or more); a response apart from the "…, so:" line that says why it appears."""
    out = []
    for block in re.split(r"\n\s*\n", screen):
        lines = block.strip("\n").splitlines()
        prose = [
            line
            for i, line in enumerate(lines)
            if not RULE_LINE.match(line.strip())
            and "  " not in line.strip()
            and not (i + 1 < len(lines) and RULE_LINE.match(lines[i + 1].strip()))
        ]
        out += [words(p) for p in re.split(r"(?<=, so:)\n", "\n".join(prose)) if p.strip()]
    return out


def exceptions() -> set[str]:
    """What every reader may share: the bands on the continuum, the disclaimer and the
    care note's resources."""
    content = load_content()
    bands = {f"{b.label}. {words(b.description)}" for b in content.the_continuum.bands}
    resources = {words(r.detail) for r in content.resources.values()}
    return {words(content.meta.disclaimer), *bands, *resources}


def test_no_two_people_share_a_long_paragraph(run: Run, rct_home: Path, tmp_path: Path) -> None:
    allowed = exceptions()
    long: dict[str, set[str]] = {}
    for name in PERSONAS:
        home = rct_home / name
        screen, _, _ = assess(run, home, name, tmp_path)
        long[name] = {p for p in paragraphs(screen) if len(p.split()) >= LONG and not any(a in p for a in allowed)}
    for a, b in itertools.combinations(PERSONAS, 2):
        assert not long[a] & long[b], (a, b, long[a] & long[b])


def test_two_people_get_visibly_different_readings(run: Run, rct_home: Path, tmp_path: Path) -> None:
    readings: dict[str, tuple[set[str], set[str]]] = {}
    for name in PERSONAS:
        _, entry, _ = assess(run, rct_home / name, name, tmp_path)
        because = {line for line in entry.content.splitlines() if line.endswith(", so:*")}
        readings[name] = (set(entry["reading"]["rules"]), because)
    for (a, (rules_a, why_a)), (b, (rules_b, why_b)) in itertools.combinations(readings.items(), 2):
        shared = len(rules_a & rules_b) / len(rules_a | rules_b)
        assert shared <= 0.5, (a, b, rules_a & rules_b)
        assert why_a != why_b, (a, b)


def test_since_last_time_and_carried_steps_reach_every_view(run: Run, rct_home: Path, tmp_path: Path) -> None:
    """Noor's fourth month: journal show (and --all, --json), the Markdown export, the
    handout and the group agenda all carry the review and the carried step as part of the plan."""
    _, entry, _ = assess(run, rct_home, "noor-four-months", tmp_path)
    ident = entry["id"]
    env = {"RCT_HOME": str(rct_home)}
    shown = words(run("--plain", "journal", "show", ident, env=env).stdout)
    assert shown.index("Since last time") < shown.index("The five good things")
    assert "You noted: “Raised it at last in supervision”." in shown
    assert "carried Ask the team lead for" in shown  # the plan's row, wrapped in its cell
    assert shown.count(", so:") == MAX_SHOWN and "more in rct journal show" in shown
    every = words(run("--plain", "journal", "show", ident, "--all", env=env).stdout)
    assert every.count(", so:") == len(entry["reading"]["rules"]) and "more in rct journal show" not in every
    data = json.loads(run("journal", "show", ident, "--json", env=env).stdout)["reading"]["responses"]
    assert {"high-risk-step-alone", "carried-often", "small-wins"} <= {r["rule"] for r in data}
    assert [r["shown"] for r in data] == [True] * MAX_SHOWN + [False] * (len(data) - MAX_SHOWN)
    out = tmp_path / "meeting.md"
    assert run("journal", "export", ident, "--keep-flagged", "--out", str(out), env=env).exit_code == 0
    document = out.read_text(encoding="utf-8")
    assert "### Since last time" in document and "You noted: “We ran two sessions and eight people came”." in document
    carried_line = r"^2\. Ask the team lead for a monthly case discussion — .*\(risk: high\) \(carried forward\)$"
    assert re.search(carried_line, document, re.M)
    assert "| carried | Ask the team lead for a monthly case discussion |" in document
    agenda = run("group", "agenda", str(out), env=env)
    assert agenda.exit_code == 0, agenda.stderr
    assert "Small step carried forward: Ask the team lead for a monthly case discussion" in agenda.stdout
    assert "Since last time: “Ask Maya to co-facilitate a reflective practice slot”: done" in agenda.stdout
    html = tmp_path / "meeting.html"
    assert (
        run("journal", "export", ident, "--keep-flagged", "--format", "html", "--out", str(html), env=env).exit_code
        == 0
    )
    page = html.read_text(encoding="utf-8")
    assert "<h3>Since last time</h3>" in page and "Raised it at last in supervision" in page
    assert "<td>carried</td>" in page or ">carried<" in page
