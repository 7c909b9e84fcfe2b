"""The count charts of the class profile, and the printed pages looked at in headless Chromium where it exists."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from rct_workbook.class_profile import build_profile
from rct_workbook.model.charts import counts
from rct_workbook.model.content import load_content
from rct_workbook.render.profile_view import profile_html, profile_markdown
from rct_workbook.render.workshop_view import plan_html
from rct_workbook.workshop import plan_workshop
from tests.helpers import Run, markdown_lint
from tests.printing import CHROMIUM, chromium
from tests.trainer.helpers import ALL_THREE, CONNECTING, DAY, SURVIVAL, assessment, member

CONTENT = load_content()


def test_bar_chart_is_well_formed_escaped_and_deterministic() -> None:
    rows = [('<b>Zest</b> & "more"', 7), ("A very long label " * 4, 3), ("Hidden", None), ("None", 0)]
    svg = counts(rows, title="Ratings <1>", max_value=10)
    assert svg == counts(rows, title="Ratings <1>", max_value=10)
    root = ET.fromstring(svg)  # noqa: S314 - our own output, parsed to check it is well formed
    assert root.tag == "svg" and root.get("role") == "img" and root.get("aria-label") == "Ratings <1>"
    assert root.findtext("title") == "Ratings <1>"
    assert (
        root.findtext("desc")
        == '<b>Zest</b> & "more": 7; '
        + "A very long label " * 3
        + "A very long label: 3; Hidden: hidden to protect a small group; None: 0"
    )
    texts = [t.text for t in root.iter("text")]
    assert '<b>Zest</b> & "more"' in texts  # shown literally, never as markup
    assert "hidden to protect a small group" in texts and "7" in texts and "0" in texts
    assert len([t for t in texts if t and t.startswith("A very long label")]) == 2  # wrapped
    assert "<b>" not in svg and "http" not in svg
    widths = [float(r.get("width", "0")) for r in root.iter("rect")]
    assert widths[0] > widths[1] > 0  # 7 is longer than 3
    dashed = [r for r in root.iter("rect") if r.get("stroke-dasharray")]
    assert len(dashed) == 1  # the suppressed count is an outline, not a bar


def test_bar_chart_of_nothing() -> None:
    root = ET.fromstring(counts([], title="Empty"))  # noqa: S314 - our own output
    assert list(root.iter("rect")) == []


def _profile_page() -> str:
    people = [
        member(
            i,
            assessment(
                dict(ALL_THREE, zest=2 + i % 3),
                leading=["survival"],
                strategies=["networking"],
                practices=SURVIVAL[:4],
                connecting=CONNECTING[:3],
            ),
        )
        for i in range(9)
    ]
    return profile_html(build_profile(CONTENT, people, DAY))


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="no Chromium on this machine")
@pytest.mark.parametrize("which", ["plan", "profile"])
def test_pages_render_and_print_in_headless_chromium(which: str, tmp_path: Path) -> None:
    """A screenshot that is not blank, and a print with at least one sheet per part."""
    if which == "plan":
        plan = plan_workshop(CONTENT, "clinic", 20, 120)
        page, least_sheets = plan_html(plan, CONTENT), len(plan.agenda) + 4
    else:
        page, least_sheets = _profile_page(), 4
    source = tmp_path / f"{which}.html"
    source.write_text(page, encoding="utf-8")
    shot, pdf = tmp_path / f"{which}.png", tmp_path / f"{which}.pdf"
    chromium(source, tmp_path, "--window-size=1000,1400", f"--screenshot={shot}", check=False)
    chromium(source, tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", check=False)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 20_000  # text and tables, not an empty white page
    sheets = pdf.read_bytes().count(b"/Type /Page") - pdf.read_bytes().count(b"/Type /Pages")
    assert sheets >= least_sheets


def test_the_markdown_documents_pass_the_linter(run: Run, tmp_path: Path) -> None:
    """Line length aside (prose), and repeated part names ("Notes") aside, as for exports."""
    files = {
        "plan.md": ("workshop", "plan", "clinic", "--participants", "20", "--minutes", "180"),
        "assess.md": ("worksheet", "assess"),
        "paula.md": ("worksheet", "vignette", "paula"),
    }
    for name, args in files.items():
        result = run(*args, "--out", str(tmp_path / name))
        assert result.exit_code == 0, result.stderr
    people = [
        member(i, assessment(dict(ALL_THREE, zest=1 + i % 5), leading=["survival"], practices=SURVIVAL[:3]))
        for i in range(8)
    ]
    profile = build_profile(CONTENT, people, DAY)
    (tmp_path / "profile.md").write_text(profile_markdown(profile))
    checked = markdown_lint(*(tmp_path / n for n in [*files, "profile.md"]), disable="md013,md024")
    assert checked.returncode == 0, checked.stdout + checked.stderr
