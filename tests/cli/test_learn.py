from __future__ import annotations

import pytest

from rct_workbook.render.views import TOPICS
from tests.helpers import Run


def test_root_help_lists_every_command(run: Run) -> None:
    result = run("--help")
    assert result.exit_code == 0
    for name in ("learn", "vignette", "content", "--plain", "--content", "--version"):
        assert name in result.stdout


@pytest.mark.parametrize("command", [["learn"], ["vignette"], ["content", "validate"], ["content", "list"]])
def test_each_command_has_help_with_an_example(run: Run, command: list[str]) -> None:
    result = run(*command, "--help")
    assert result.exit_code == 0
    assert "Example: rct " in result.stdout


def test_version(run: Run) -> None:
    from rct_workbook import __version__

    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout == f"rct-workbook {__version__}\n"


def test_learn_lists_topics(run: Run) -> None:
    result = run("learn")
    assert result.exit_code == 0
    for topic in TOPICS:
        assert topic in result.stdout
    assert "Show one with: rct learn TOPIC" in result.stdout


def test_learn_framework_shows_the_four_steps_table(run: Run) -> None:
    out = run("learn", "framework").stdout
    assert "The framework: four steps (after the paper's Figure 1)" in out
    rows = [" ".join(line.split()) for line in out.splitlines()]
    for name in ("1 Read it", "2 Name it", "3 Oppose it", "4 Replace it"):
        assert any(row.startswith(name) for row in rows), name
    assert "Support first" in out or "support" in out.lower()
    assert "visionary pragmatist" in out.lower()


def test_learn_good_things_beside_opposites(run: Run) -> None:
    out = run("learn", "good-things").stdout
    assert "Good thing" in out and "Its opposite" in out
    for name in ("Zest", "Empowerment", "Clarity", "Sense of worth", "Desire for more connection"):
        assert name in out


def test_learn_cultures_side_by_side(run: Run) -> None:
    out = run("learn", "cultures").stdout
    header = next(line for line in out.splitlines() if line.startswith("Hierarchical culture"))
    assert "Survival culture" in header
    assert "Challenges" in out and "Opportunities" in out and "Risks to weigh" in out


@pytest.mark.parametrize(
    ("topic", "expected"),
    [
        ("continuum", "Mean rating"),
        ("opposition", "Healthy: toward connection"),
        ("strategies", "Fletcher's four strategies"),
        ("glossary", "Glossary"),
        ("references", "Ward, 2000"),
    ],
)
def test_learn_topics(run: Run, topic: str, expected: str) -> None:
    result = run("learn", topic)
    assert result.exit_code == 0
    assert expected in result.stdout


def test_output_fits_80_columns_and_is_plain_when_piped(run: Run) -> None:
    for topic in TOPICS:
        out = run("learn", topic).stdout
        assert max(len(line) for line in out.splitlines()) <= 80, topic
        assert "\x1b" not in out
        assert "─" not in out and "│" not in out  # no box drawing when not a terminal


def test_unknown_topic(run: Run) -> None:
    result = run("learn", "culture")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("rct: no topic called 'culture'. Did you mean 'cultures'? Known: framework,")
