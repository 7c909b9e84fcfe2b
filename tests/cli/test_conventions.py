"""The command-line conventions of gh, git and clig.dev: help, suggestions, choices, completion."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from rct_workbook.cli.app import COMMANDS, app
from rct_workbook.render.formats import JOURNAL
from tests.helpers import FilledAnswers


def invoke(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(app, list(args), catch_exceptions=False, env=env, prog_name="rct")


def test_bare_rct_prints_help_to_stdout_and_exits_0() -> None:
    result = invoke()
    assert result.exit_code == 0
    assert result.stdout.startswith("Usage: rct [OPTIONS] COMMAND [ARGS]...\n")
    assert "Commands:" in result.stdout
    assert result.stderr == ""


@pytest.mark.parametrize("group", ["journal", "group", "content"])
def test_a_bare_command_group_prints_its_help_to_stdout_and_exits_0(group: str) -> None:
    result = invoke(group)
    assert result.exit_code == 0
    assert result.stdout.startswith(f"Usage: rct {group} [OPTIONS] COMMAND [ARGS]...\n")


def test_a_mistyped_command_gets_a_suggestion() -> None:
    result = invoke("jornal")
    assert result.exit_code == 2
    assert result.stderr == ("rct: no such command 'jornal'. Did you mean 'journal'?\n  Try 'rct -h' for help.\n")


def test_a_mistyped_subcommand_gets_a_suggestion() -> None:
    result = invoke("journal", "lst")
    assert result.exit_code == 2
    assert result.stderr == ("rct: no such command 'lst'. Did you mean 'list'?\n  Try 'rct journal -h' for help.\n")


def test_a_command_far_from_any_gets_no_guess() -> None:
    result = invoke("zzzzzz")
    assert result.exit_code == 2
    assert result.stderr == ("rct: no such command 'zzzzzz'.\n  Try 'rct -h' for help.\n")


def _all_help_pages() -> list[tuple[str, ...]]:
    pages: list[tuple[str, ...]] = [()]
    for name, (_, _, kind, _) in COMMANDS.items():
        pages.append((name,))
        if kind == "group":
            from rct_workbook.cli.app import load_command

            pages.extend((name, sub) for sub in load_command(name).commands)
    return pages


@pytest.mark.parametrize("words", _all_help_pages(), ids=lambda w: " ".join(w) or "rct")
def test_help_shows_no_python_types(words: tuple[str, ...]) -> None:
    result = invoke(*words, "--help")
    assert result.exit_code == 0
    text = result.stdout
    for leak in ("<str>", "<int", "<bool>", "<list", "<path>", "{", "None", "<=", ">="):
        assert leak not in text, f"{leak!r} in the help of rct {' '.join(words)}:\n{text}"


def test_help_usage_names_arguments_the_posix_way() -> None:
    assert "Usage: rct journal export [OPTIONS] ID...\n" in invoke("journal", "export", "--help").stdout
    assert "Usage: rct group agenda [OPTIONS] FILE...\n" in invoke("group", "agenda", "--help").stdout
    assert "Usage: rct learn [OPTIONS] [TOPIC]\n" in invoke("learn", "--help").stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("journal", "list", "--kind", "foo"),
            "rct: invalid value for '--kind': 'foo' is not one of 'assess', 'vignette'.\n"
            "  Try 'rct journal list -h' for help.\n",
        ),
        (
            ("journal", "export", "x", "--format", "pdf"),
            f"rct: invalid value for '--format': 'pdf' is not one of {', '.join(map(repr, JOURNAL.names()))}.\n"
            "  Try 'rct journal export -h' for help.\n",
        ),
        (
            ("group", "rota", "--members", "Ana,Bo", "--meetings", "2", "--every", "3w"),
            "rct: --every takes 1w, 2w, 4w, 1m (monthly, on the first meeting's day) or a weekday of the month "
            "such as \"first tuesday\", not '3w'\n",
        ),
    ],
)
def test_options_with_fixed_values_refuse_others_listing_the_allowed(args: tuple[str, ...], message: str) -> None:
    result = invoke(*args)
    assert result.exit_code == 2
    assert result.stderr == message
    assert result.stdout == ""


def test_help_names_the_allowed_values() -> None:
    assert "--kind assess|vignette" in invoke("journal", "list", "--help").stdout
    assert f"--format {'|'.join(JOURNAL.names())}" in invoke("journal", "export", "--help").stdout
    assert "--every 1w|2w|4w" in invoke("group", "rota", "--help").stdout


def _complete(words: str, rct_home: Path | None = None) -> list[str]:
    """What bash completion offers for the last (possibly empty) word of ``words``."""
    parts = words.split(" ")
    env = {
        "_RCT_COMPLETE": "complete_bash",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(parts) - 1),
    }
    result = CliRunner().invoke(app, [], env=env, prog_name="rct")
    return [line for line in result.stdout.splitlines() if line]


def test_completion_script_is_offered() -> None:
    result = invoke("--show-completion", "bash", env={"SHELL": "/bin/bash"})
    assert result.exit_code == 0
    assert "complete -o default -F _rct_completion rct" in result.stdout
    assert "--install-completion" in invoke("--help").stdout


def test_completion_of_commands_topics_vignettes_and_choices() -> None:
    assert _complete("rct jou") == ["journal"]
    assert _complete("rct learn c") == ["continuum", "cultures"]
    assert _complete("rct vignette p") == ["paula"]
    assert _complete("rct journal list --kind ") == ["assess", "vignette"]
    assert _complete("rct group rota --every 2") == ["2w"]


def test_completion_of_entry_ids_reads_the_index(tmp_path: Path, rct_home: Path, filled_answers: FilledAnswers) -> None:
    template = filled_answers("vignette", "paula")
    answers = tmp_path / "answers.yaml"
    answers.write_text(template)
    assert invoke("vignette", "paula", "--answers", str(answers)).exit_code == 0
    assert invoke("journal", "list").exit_code == 0
    (entry,) = sorted((rct_home / "journal").glob("*.md"))
    assert _complete(f"rct journal show {entry.stem[:6]}") == [entry.stem]
    assert _complete(f"rct journal export {entry.stem[:6]}") == [entry.stem]
    assert _complete("rct journal show zzz") == []


def test_completion_creates_nothing_when_there_is_no_journal(rct_home: Path) -> None:
    assert _complete("rct journal show 2") == []
    assert not os.path.exists(rct_home)


def test_help_gives_ranges_in_words() -> None:
    assert "[1 to 520; required]" in invoke("group", "rota", "--help").stdout
    assert "At most N entries.  [1 to 1000000]" in invoke("journal", "list", "--help").stdout
