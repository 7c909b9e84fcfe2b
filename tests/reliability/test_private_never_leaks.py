"""A private answer never appears in any export, log or traceback; exports hold no local paths or user names."""

from __future__ import annotations

import getpass
import os
from pathlib import Path

import pytest

from rct_workbook.render.formats import JOURNAL
from tests.helpers import FilledAnswers, Run
from tests.journal.helpers import entry_id, make_assess, make_vignette

SENTINEL = "PRIVATE-SENTINEL-7f3a"


@pytest.fixture
def entries(rct_home: Path) -> list[str]:
    return [
        entry_id(make_assess("2026-01-01", kept_out=f"{SENTINEL} about my director", support_people=f"{SENTINEL} Ana")),
        entry_id(make_vignette("2026-01-02", "paula", held_back=f"{SENTINEL} held back")),
    ]


@pytest.mark.parametrize(
    "options",
    [
        ["--keep-flagged"],
        ["--redact-flagged"],
        ["--keep-flagged", "--format", "html"],
        ["--check"],
        ["--keep-flagged", "--redact", "Ana"],
    ],
)
def test_private_answers_never_exported(run: Run, entries: list[str], tmp_path: Path, options: list[str]) -> None:
    result = run("--debug", "journal", "export", *entries, *options)
    assert result.exit_code in (0, 1)
    assert SENTINEL not in result.stdout
    assert SENTINEL not in result.stderr
    out = tmp_path / "out.md"
    if "--check" not in options:
        assert run("journal", "export", *entries, *options, "--out", str(out)).exit_code == 0
        assert SENTINEL not in out.read_text()


def test_group_agenda_from_an_export_has_no_private_answer(run: Run, entries: list[str], tmp_path: Path) -> None:
    out = tmp_path / "me.md"
    assert run("journal", "export", *entries, "--keep-flagged", "--out", str(out)).exit_code == 0
    result = run("group", "agenda", str(out))
    assert result.exit_code == 0
    assert SENTINEL not in result.stdout


def test_injected_crash_with_debug_shows_no_answer(
    run: Run, entries: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def crash(*args: object, **kwargs: object) -> None:
        raise RuntimeError("injected crash while exporting")

    monkeypatch.setattr("rct_workbook.journal.sharing.build_export", crash)
    from typer.testing import CliRunner

    from rct_workbook.cli.app import app

    result = CliRunner().invoke(app, ["--debug", "journal", "export", *entries, "--keep-flagged"])
    assert isinstance(result.exception, RuntimeError)  # a bug keeps its traceback...
    import traceback

    text = "".join(traceback.format_exception(result.exception)) + result.output
    assert "injected crash while exporting" in text
    assert SENTINEL not in text  # ...which holds no answer


def test_debug_log_names_no_answers(run: Run, rct_home: Path, tmp_path: Path, filled_answers: FilledAnswers) -> None:
    import yaml

    template = yaml.safe_load(filled_answers("assess"))
    template["kept-out"] = SENTINEL
    template["risks"] = SENTINEL
    path = tmp_path / "a.yaml"
    path.write_text(yaml.safe_dump(template))
    result = run("--debug", "assess", "--answers", str(path))
    assert result.exit_code == 0
    assert "rct debug: saved entry " in result.stderr
    assert SENTINEL not in result.stderr


def test_exports_hold_no_local_paths_or_user_names(run: Run, entries: list[str], rct_home: Path) -> None:
    for form in JOURNAL.names():  # every registered format
        doc = run("journal", "export", *entries, "--keep-flagged", "--include-private", "--format", form).stdout
        assert str(rct_home) not in doc
        assert os.path.expanduser("~") not in doc
        assert "/tmp/" not in doc
        for ident in entries:
            assert ident not in doc
        user = getpass.getuser()
        if len(user) > 3:
            assert user not in doc
