"""The built wheel works on its own: installed in a fresh virtualenv, away from the checkout."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _run(
    args: list[str], *, timeout: float, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, timeout=timeout, check=False, cwd=cwd, env=env)


def _explain(result: subprocess.CompletedProcess[str]) -> str:
    return f"exit {result.returncode}\n--- stdout ---\n{result.stdout[-4000:]}\n--- stderr ---\n{result.stderr[-4000:]}"


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_wheel_installs_and_runs_outside_the_checkout(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    built = _run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(PROJECT_ROOT)],
        timeout=300,
    )
    assert built.returncode == 0, _explain(built)
    wheels = list(dist.glob("rct_workbook-*.whl"))
    assert len(wheels) == 1, wheels
    wheel = wheels[0]

    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
    assert "rct_workbook/_content/vignettes/paula.yaml" in names
    assert "rct_workbook/_content/meta.yaml" in names
    # Care by meaning: the encoder, its head, its licence and the labelled bank with its vectors.
    for shipped in (
        "model/model.onnx",
        "model/head.npy",
        "model/tokenizer.json",
        "model/LICENSE",
        "bank/vectors.npy",
        "bank/vectors.json",
    ):
        assert f"rct_workbook/care/{shipped}" in names, shipped
    assert any(n.startswith("rct_workbook/care/bank/") and n.endswith(".yaml") for n in names)

    env_dir = tmp_path / "venv"
    made = _run([sys.executable, "-m", "venv", str(env_dir)], timeout=120)
    assert made.returncode == 0, _explain(made)
    bin_dir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    python = bin_dir / "python"
    installed = _run(
        [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", str(wheel)],
        timeout=600,
    )
    assert installed.returncode == 0, _explain(installed)

    env = dict(os.environ)
    env["RCT_HOME"] = str(tmp_path / "rct-home")
    for name in ("RCT_CONTENT", "PYTHONPATH", "VIRTUAL_ENV", "NO_COLOR"):
        env.pop(name, None)
    work = tmp_path / "elsewhere"
    work.mkdir()

    shown = _run([str(bin_dir / "rct"), "vignette", "paula", "--no-reflect"], timeout=60, cwd=work, env=env)
    assert shown.returncode == 0, _explain(shown)
    assert "West Side Institute" in shown.stdout
    assert "Dr. Jones" in shown.stdout

    version = _run([str(python), "-m", "rct_workbook", "--version"], timeout=60, cwd=work, env=env)
    assert version.returncode == 0, _explain(version)
    assert version.stdout.startswith("rct-workbook "), _explain(version)

    # The installed care reads meaning with the shipped encoder and bank, not a fallback.
    meaning = _run(
        [
            str(python),
            "-c",
            "import sys; from rct_workbook.care.meaning import meanings, reader;"
            " said = meanings(['I wish I could fall asleep and never wake up.'])[0].level;"
            " sys.stdout.write(type(reader()).__name__ + ' ' + said)",
        ],
        timeout=120,
        cwd=work,
        env=env,
    )
    assert meaning.returncode == 0, _explain(meaning)
    assert meaning.stdout == "Reader urgent", _explain(meaning)

    # The installed package really is the wheel's, not the checkout's.
    where = _run(
        [str(python), "-c", "import rct_workbook, sys; sys.stdout.write(rct_workbook.__file__)"],
        timeout=60,
        cwd=work,
        env=env,
    )
    assert where.returncode == 0, _explain(where)
    assert Path(where.stdout).resolve().is_relative_to(env_dir.resolve()), where.stdout
