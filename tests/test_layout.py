"""How the tests themselves are arranged: no test module is imported as a library.

What several test modules share (keys, flows, fixtures' types, builders) lives in modules
that are not collected as tests: tests/helpers.py, tests/keys.py, tests/flows.py and each
folder's helpers.py. Importing a test module from another would run its module-level code
twice under two names, pull in its fixtures and marks, and make one test file's private
details the public interface of another.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent


def _is_test_module(dotted: str) -> bool:
    return dotted.split(".")[0] == "tests" and dotted.rsplit(".", 1)[-1].startswith("test_")


def _imported(path: Path, source: str | None = None) -> list[tuple[int, str]]:
    """Every module (or name from a module) that ``path`` (or ``source``, as if it were
    there) imports, as absolute dotted names with their line."""
    package = path.relative_to(ROOT).with_suffix("").parts[:-1]
    text = path.read_text(encoding="utf-8") if source is None else source
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(text, str(path))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: from the package ``level - 1`` folders up
                module = ".".join([*package[: len(package) - node.level + 1], *([node.module] if node.module else [])])
            else:
                module = node.module or ""
            found.append((node.lineno, module))
            found += [(node.lineno, f"{module}.{alias.name}") for alias in node.names]
    return found


def test_no_test_module_imports_another() -> None:
    offenders = [
        f"{path.relative_to(ROOT)}:{line} imports {name}"
        for path in sorted(TESTS.rglob("*.py"))
        for line, name in _imported(path)
        if _is_test_module(name)
    ]
    assert offenders == [], "move what is shared into a helpers module:\n" + "\n".join(offenders)


def test_the_check_sees_every_form_of_import() -> None:
    """The check above cannot pass by missing an import written another way."""
    probe = TESTS / "tty" / "probe.py"
    for source in (
        "import tests.tty.test_assess_tty\n",
        "from tests.tty.test_assess_tty import STEPS\n",
        "from tests.tty import test_assess_tty\n",
        "from .test_assess_tty import STEPS\n",
        "from . import test_assess_tty\n",
        "from ..tty.test_assess_tty import STEPS\n",
        "def f():\n    from tests.tty.test_assess_tty import STEPS\n",
    ):
        names = _imported(probe, source)
        assert any(_is_test_module(n) for _, n in names), (source, names)
    for source in ("from tests.flows import STEPS\n", "from . import terminal\n", "import test_helpers_elsewhere\n"):
        names = _imported(probe, source)
        assert not any(_is_test_module(n) for _, n in names), (source, names)


def test_shared_helpers_import_without_pexpect() -> None:
    """Pipe-input and unit tests use the shared flows and keys; none of that needs pexpect."""
    code = (
        "import sys; sys.modules['pexpect'] = None\n"
        "import tests.flows, tests.helpers, tests.keys\n"
        "import tests.journal.helpers, tests.trainer.helpers, tests.unit.helpers"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
