"""Shared fixtures: every test gets its own data root and no content packs."""

from __future__ import annotations

import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import HealthCheck, settings
from typer.testing import CliRunner, Result

from rct_workbook.cli.app import app
from tests.helpers import FilledAnswers, Run, Tree, build_tree

if TYPE_CHECKING:
    from prompt_toolkit.input import PipeInput

# Property-based tests run a small number of examples by default, to keep CI fast;
# `pytest --hypothesis-profile=long` runs 10,000 per target (see SECURITY.md).
settings.register_profile("fast", max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile(
    "long",
    max_examples=10_000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)
settings.load_profile("fast")

#: Why a marked test cannot run on Windows (the markers are declared in pyproject.toml).
NOT_ON_WINDOWS = {
    "tty": "needs a POSIX pseudo-terminal (pexpect, pyte); Windows has none",
    "posix": "needs POSIX file modes, owners, signals or a pseudo-terminal; Windows has none",
}
TTY_TESTS = Path(__file__).parent / "tty"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """On Windows, skip what needs POSIX, saying why; everything else runs on all systems."""
    if sys.platform != "win32":
        return
    for item in items:
        needs = [name for name in NOT_ON_WINDOWS if item.get_closest_marker(name)]
        if TTY_TESTS in item.path.parents:
            needs.append("tty")  # every test there drives a pseudo-terminal, marked or not
        if needs:
            item.add_marker(pytest.mark.skip(reason=NOT_ON_WINDOWS[needs[0]]))


@pytest.fixture(autouse=True)
def rct_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "rct-home"
    monkeypatch.setenv("RCT_HOME", str(home))
    monkeypatch.delenv("RCT_CONTENT", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    return home


@pytest.fixture(autouse=True)
def quiet_log() -> Iterator[None]:
    """--debug in one test must not leave rct's logger talking in the next."""
    import logging

    yield
    log = logging.getLogger("rct")
    log.handlers.clear()
    log.setLevel(logging.NOTSET)
    log.propagate = True


@pytest.fixture
def tree(tmp_path: Path) -> Tree:
    def make(files: dict[str, str | bytes]) -> Path:
        return build_tree(tmp_path / "pack", files)

    return make


@pytest.fixture
def pipe() -> Iterator[PipeInput]:
    """Keys for prompt_toolkit, sent with ``pipe.send_text(...)``; the screen goes nowhere.

    For a command that first checks for a terminal, use ``terminal`` instead."""
    from prompt_toolkit.application import create_app_session
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput

    with create_pipe_input() as inp, create_app_session(input=inp, output=DummyOutput()):
        yield inp


@pytest.fixture
def terminal(pipe: PipeInput, monkeypatch: pytest.MonkeyPatch) -> PipeInput:
    """``pipe``, with a person at a terminal as the commands see it: ``has_terminal()`` is true
    in every command module that asks it (under CliRunner, standard input is not a terminal)."""
    import importlib
    import pkgutil

    import rct_workbook.cli

    # Import them all before patching any: a module first imported after state.has_terminal
    # was patched would bind the stand-in for good ("from … import has_terminal"), and every
    # later test would see a terminal that is not there.
    modules = [
        importlib.import_module(f"rct_workbook.cli.{m.name}") for m in pkgutil.iter_modules(rct_workbook.cli.__path__)
    ]
    for module in modules:
        if hasattr(module, "has_terminal"):
            monkeypatch.setattr(module, "has_terminal", lambda: True)
    return pipe


@pytest.fixture
def run() -> Run:
    runner = CliRunner()

    def invoke(*args: str, input: str | None = None, env: Mapping[str, str | None] | None = None) -> Result:
        return runner.invoke(app, list(args), input=input, env=env, catch_exceptions=False)

    return invoke


def _in_own_words(ask: Any, value: Any) -> Any:
    if ask.fields and isinstance(value, list):
        return [{f.id: _in_own_words(f, row.get(f.id)) for f in ask.fields} for row in value]
    return f"In my own words: {value}" if ask.kind.still_example(ask, value) else value


@pytest.fixture
def filled_answers() -> FilledAnswers:
    """An answers file for ``rct assess`` or ``rct vignette NAME``, filled in as a person would:
    the template's examples, with every text put in the person's own words (an example
    copied as it is would be refused)."""
    import yaml

    from rct_workbook.flow.askers import example
    from rct_workbook.flow.questions import applies, resolve
    from rct_workbook.model.content import load_content

    def fill(command: str, name: str = "") -> str:
        content = load_content()
        if command == "assess":
            asks = [a for s in content.flow("assess").sections for a in resolve(s.questions, content, s.id)]
        else:
            asks = list(resolve(content.vignette(name).reflection, content))
        answers: dict[str, Any] = {}
        for ask in asks:
            if applies(ask, answers):
                answers[ask.id] = _in_own_words(ask, example(ask))
        return str(yaml.safe_dump(answers, allow_unicode=True, sort_keys=False))

    return fill
