"""At the end of `rct assess` in a real terminal, a reading taller than the screen goes
through the pager; then one line says where it is saved and how to read it again."""

from __future__ import annotations

from pathlib import Path

import pexpect
import pytest

from tests.tty.terminal import RCT, _env, _require_rct, fake_pager

pytestmark = pytest.mark.tty

HERE = Path(__file__).parent


def _assess(tmp_path: Path, rows: int) -> tuple[str, Path]:
    _require_rct()
    pager, kept = fake_pager(tmp_path)
    env = {**_env(tmp_path / "home", (rows, 80)), "PAGER": pager}
    answers = HERE / "ravi-mixed-setting.answers.yaml"
    child = pexpect.spawn(
        str(RCT), ["assess", "--answers", str(answers)], env=env, encoding="utf-8", dimensions=(rows, 80), timeout=60
    )
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before
    return child.before or "", kept


def test_a_long_reading_is_paged_then_where_it_is_saved(tmp_path: Path) -> None:
    out, kept = _assess(tmp_path, 24)
    assert "FAKE PAGER GOT" in out
    paged = kept.read_text(encoding="utf-8")
    assert "Your reading" in paged and "more in rct journal show" in paged
    after = out[out.index("FAKE PAGER GOT") :]
    assert "Saved your assessment:" in after and "Read it again: rct journal show " in after
    assert "Your reading" not in after


def test_a_reading_that_fits_is_not_paged(tmp_path: Path) -> None:
    out, kept = _assess(tmp_path, 500)
    assert "FAKE PAGER GOT" not in out and not kept.exists()
    assert out.index("Your reading") < out.index("Saved your assessment:")
