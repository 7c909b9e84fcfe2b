"""No network calls, no telemetry: nothing in rct imports a network library or opens a socket."""

from __future__ import annotations

import ast
import socket
from pathlib import Path

import pytest

import rct_workbook
from tests.helpers import FilledAnswers, Run

NETWORK = {"socket", "ssl", "http", "urllib", "requests", "httpx", "aiohttp", "ftplib", "smtplib", "telnetlib"}


def test_no_network_imports() -> None:
    for path in Path(rct_workbook.__file__).parent.rglob("*.py"):
        tree = ast.parse(path.read_text(), str(path))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                assert name.split(".")[0] not in NETWORK, f"{path}: imports {name}"


def test_commands_run_with_sockets_forbidden(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, filled_answers: FilledAnswers
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("rct tried to open a socket")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    answers = tmp_path / "a.yaml"
    answers.write_text(filled_answers("assess"))
    assert run("assess", "--answers", str(answers)).exit_code == 0
    for args in (
        ["learn", "cultures"],
        ["vignette", "agnes", "--no-reflect"],
        ["journal", "list"],
        ["progress"],
        ["steps"],
    ):
        assert run(*args).exit_code == 0, args
