"""The layers inside ``model/`` hold for imports made only for type hints too.

``lint-imports`` leaves such imports out (``exclude_type_checking_imports``): a type named
in an annotation makes no cycle at run time. Inside the model a type-only import up the
layers is still a back edge a reader has to follow, as ``question_types`` naming
``schema.Question`` was; here the model's layers contract, read from ``pyproject.toml``
so it is written once, is checked with those imports counted.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest
from importlinter.cli import lint_imports

ROOT = Path(__file__).resolve().parents[2]
MODEL_LAYERS = "Layers inside model"


def _model_contract() -> dict[str, Any]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
    return next(c for c in config["contracts"] if c["name"].startswith(MODEL_LAYERS))


def test_the_model_layers_hold_with_type_hint_imports_counted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    contract = _model_contract()
    layers = "".join(f"\n    {layer}" for layer in contract["layers"])
    config = tmp_path / "typed.ini"
    config.write_text(
        "[importlinter]\n"
        "root_package = rct_workbook\n"
        "exclude_type_checking_imports = false\n"
        "\n"
        "[importlinter:contract:model]\n"
        f"name = {contract['name']}, type hints included\n"
        "type = layers\n"
        "containers = rct_workbook.model\n"
        f"layers ={layers}\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(ROOT)
    result = lint_imports(config_filename=str(config), no_cache=True, no_logo=True)
    assert result == 0, capsys.readouterr().out
