"""Issue 12: the export as a handout worth printing."""

from __future__ import annotations

import re
import struct
import zlib
from pathlib import Path

import pytest

from rct_workbook.model.charts import bars, movement
from tests.helpers import Run
from tests.journal.helpers import entry_id, make_assess, make_vignette
from tests.printing import CHROMIUM, chromium, print_pdf

RATINGS = [
    {"good_thing_zest": 2, "good_thing_empowerment": 1, "good_thing_clarity": 2, "good_thing_worth": 3},
    {"good_thing_zest": 3, "good_thing_empowerment": 2, "good_thing_clarity": 2, "good_thing_worth": 3},
    {"good_thing_zest": 4, "good_thing_empowerment": 2, "good_thing_clarity": 4, "good_thing_worth": 3},
]
DISCLAIMER_START = "This workbook offers a reflective exercise"


# -- the SVG writer -------------------------------------------------------------------


def test_bars_draw_each_rating_to_scale_and_escape_labels() -> None:
    svg = bars([("Zest", 5), ("<Clarity & co>", 1), ("Worth", None)], title="Good <things>")
    assert svg.startswith('<svg class="chart" role="img" width="436" height="78"')
    assert "<title>Good &lt;things&gt;</title>" in svg
    assert "&lt;Clarity &amp; co&gt;" in svg and "<Clarity" not in svg
    filled = re.findall(r'<rect x="200" y="\d+" width="(\d+)" height="12" rx="2" fill="#4b7486"/>', svg)
    assert filled == ["180", "36"]  # 5 of 5 is the whole track; 1 of 5 a fifth; not rated: none
    assert "<desc>Zest: 5 of 5; &lt;Clarity &amp; co&gt;: 1 of 5; Worth: not rated</desc>" in svg
    assert "http" not in svg and "<script" not in svg


def test_movement_draws_a_line_per_good_thing_over_the_dates() -> None:
    svg = movement(["10 Jan 2026", "12 Mar 2026"], [("Zest", [2, 4]), ("Clarity", [None, 3])])
    assert svg.count("<polyline") == 1  # one known point is a dot, not a line
    assert svg.count("<circle") == 3
    points = re.search(r'<polyline points="([^"]+)"', svg)
    assert points is not None and points.group(1) == "200.0,19.0 380.0,9.0"  # 2 and 4 on a 1–5 scale
    assert ">10 Jan 2026</text>" in svg and ">12 Mar 2026</text>" in svg
    assert "<desc>Zest: 10 Jan 2026 2, 12 Mar 2026 4; Clarity: 10 Jan 2026 not rated, 12 Mar 2026 3</desc>" in svg


# -- the document ---------------------------------------------------------------------


@pytest.fixture
def three(rct_home: Path) -> list[str]:
    days = ["2026-01-10", "2026-02-14", "2026-03-12"]
    return [entry_id(make_assess(day, **r)) for day, r in zip(days, RATINGS, strict=True)]


def test_the_handout_opens_with_the_member_and_the_reading_in_brief(run: Run, three: list[str]) -> None:
    run("config", "set", "display-name", "Sam (ward 4)")
    doc = run("journal", "export", three[0], "--keep-flagged").stdout
    top = doc.split("### Support first", 1)[0]
    assert "\nSam (ward 4): 1 reflection, prepared with rct-workbook for a peer-supervision meeting.\n" in top
    brief = top.split("### In brief\n\n", 1)[1]
    assert brief.startswith(
        "| Zest | Empowerment | Clarity | Sense of worth | Desire for more connection | Mean |\n"
        "| --- | --- | --- | --- | --- | --- |\n"
        "| 2 | 1 | 2 | 3 | 2 | 2.0 |\n"
    )
    assert "\nCulture mix: Hierarchical culture 11%, Pseudo-relational culture 0%, Survival culture 0%." in brief
    assert "\nPlan:\n\n1. Propose a case presentation on the relational work of the unit — with A nursing" in brief
    assert "\nWhat I ask of the group: Help thinking through the risk of the second step.\n" in brief
    assert DISCLAIMER_START not in top
    # The disclaimer is in the footer, once, last.
    assert doc.count(DISCLAIMER_START) == 1
    assert doc.rstrip("\n").rsplit("\n\n", 1)[1].startswith(DISCLAIMER_START)


def test_a_blank_display_name_shows_no_name(run: Run, three: list[str]) -> None:
    run("config", "set", "display-name", "")
    doc = run("journal", "export", three[0], "--keep-flagged").stdout
    assert "\n1 reflection, prepared with rct-workbook for a peer-supervision meeting.\n" in doc


def test_movement_over_time_with_several_assessments(run: Run, three: list[str]) -> None:
    doc = run("journal", "export", *three, "--keep-flagged").stdout
    movement_md = doc.split("## Movement over time\n\n", 1)[1].split("\n\n", 1)[0]
    assert movement_md.splitlines()[:3] == [
        "| Good thing | 10 Jan 2026 | 14 Feb 2026 | 12 Mar 2026 |",
        "| --- | --- | --- | --- |",
        "| Zest | 2 | 3 | 4 |",
    ]
    assert doc.index("## Movement over time") < doc.index("<!-- rct-entry")
    assert doc.count(DISCLAIMER_START) == 1
    single = run("journal", "export", three[0], "--keep-flagged").stdout
    assert "Movement over time" not in single


def test_the_format_stays_readable_by_group_agenda(run: Run, three: list[str], tmp_path: Path, rct_home: Path) -> None:
    vignette = entry_id(make_vignette("2026-04-02"))
    out = tmp_path / "ana.md"
    assert run("journal", "export", *three, vignette, "--keep-flagged", "--out", str(out)).exit_code == 0
    text = out.read_text()
    assert text.startswith("<!-- rct-workbook export, format 1 -->\n\n# Peer supervision")
    assert len(re.findall(r"^## .+\n\n<!-- rct-entry \{", text, re.M)) == 4
    agenda = run("group", "agenda", str(out))
    assert agenda.exit_code == 0, agenda.stderr
    assert "Help thinking through the risk of the second step." in agenda.stdout


def html_of(run: Run, ids: list[str], tmp_path: Path, *extra: str) -> str:
    out = tmp_path / "handout.html"
    result = run("journal", "export", *ids, "--keep-flagged", "--format", "html", "--out", str(out), "--force", *extra)
    assert result.exit_code == 0, result.stderr
    return out.read_text(encoding="utf-8")


ADDRESS = re.compile(r"(?i)https?:|//[a-z0-9]|\bsrc=|\bhref=|url\(|@import|<script|<link|<img|<iframe")


@pytest.mark.parametrize("extra", [(), ("--with-answers",)])
def test_the_html_is_self_contained(run: Run, three: list[str], tmp_path: Path, extra: tuple[str, ...]) -> None:
    page = html_of(run, three, tmp_path, *extra)
    # No address anywhere: nothing a browser could fetch (fonts, scripts, images, styles).
    assert not ADDRESS.search(page)
    assert page.count("<svg") == 4  # movement over time, and the five good things of each entry
    assert page.count('<figure class="chart') == 4
    assert "| Zest |" not in page  # the charts stand in for the compact tables
    assert page.count('<section class="sheet handout">') == 3
    # The full table of each entry is in the answers in full, and only there.
    assert page.count("<th>Good thing</th>") == (3 if extra else 0)


def _png_pixels(path: Path) -> tuple[int, int, list[bytes]]:
    """Width, height and rows of an 8-bit RGB or RGBA PNG (what Chromium writes)."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width, height, channels = 8, b"", 0, 0, 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        chunk = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", chunk[:10])
            assert depth == 8 and colour in (2, 6)
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    rows: list[bytes] = []
    previous = bytearray(stride)
    for y in range(height):
        line = raw[y * (stride + 1) : (y + 1) * (stride + 1)]
        kind, row = line[0], bytearray(line[1:])
        for i in range(stride):
            left = row[i - channels] if i >= channels else 0
            up = previous[i]
            corner = previous[i - channels] if i >= channels else 0
            if kind == 1:
                row[i] = (row[i] + left) & 255
            elif kind == 2:
                row[i] = (row[i] + up) & 255
            elif kind == 3:
                row[i] = (row[i] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                row[i] = (row[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 255
        rows.append(bytes(row[j] for j in range(stride) if j % channels < 3))
        previous = row
    return width, height, rows


@pytest.mark.skipif(CHROMIUM is None, reason="no headless Chromium on this machine")
def test_headless_chromium_shows_a_calm_page_at_1000px(run: Run, three: list[str], tmp_path: Path) -> None:
    page = tmp_path / "handout.html"
    page.write_text(html_of(run, three, tmp_path), encoding="utf-8")
    shot = tmp_path / "shot.png"
    chromium(page, tmp_path, "--window-size=1000,1200", f"--screenshot={shot}")
    width, height, rows = _png_pixels(shot)
    assert (width, height) == (1000, 1200)
    desk = rows[0][:3]  # the background the pages lie on

    def ink(x0: int, x1: int) -> int:
        return sum(1 for row in rows for x in range(x0, x1, 4) if row[3 * x : 3 * x + 3] != desk)

    # The text sits in a reading column: wide margins either side, nothing running off.
    assert ink(0, 120) == 0 and ink(880, 1000) == 0
    assert ink(120, 880) > 5000
    # The first screen shows the chart of movement over time (its blue-grey ink).
    bar = bytes([0x4B, 0x74, 0x86])
    assert any(row[3 * x : 3 * x + 3] == bar for row in rows for x in range(300, 700))

    # Printed: the five good things over time on a first page, then one page per entry.
    pdf = print_pdf(page, tmp_path)
    assert max(int(n) for n in re.findall(rb"/Count (\d+)", pdf.read_bytes())) == 1 + len(three)
