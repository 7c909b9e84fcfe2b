"""Headless Chromium and poppler, for the tests that look at or print an HTML page.

One place knows how to find them and how to call them; the tests skip where they are absent
(a fresh machine has neither).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

CHROMIUM = next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)), None)
PDFINFO = shutil.which("pdfinfo")
PDFTOTEXT = shutil.which("pdftotext")


def chromium(page: Path, tmp_path: Path, *flags: str, check: bool = True) -> None:
    """Open ``page`` in headless Chromium with ``flags`` (what to make of it) and a profile of its own."""
    assert CHROMIUM is not None
    subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--hide-scrollbars",
            f"--user-data-dir={tmp_path / 'chromium-profile'}",
            *flags,
            page.as_uri(),
        ],
        check=check,
        capture_output=True,
        timeout=180,
    )


def print_pdf(page: Path, tmp_path: Path, pdf: Path | None = None) -> Path:
    """Print ``page`` to a PDF as a person's browser would (no header or footer); its path."""
    pdf = pdf or page.with_suffix(".pdf")
    chromium(page, tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}")
    return pdf


def page_count(pdf: Path) -> int:
    assert PDFINFO is not None
    info = subprocess.run([PDFINFO, str(pdf)], check=True, capture_output=True, timeout=60).stdout.decode()
    match = re.search(r"^Pages:\s+(\d+)$", info, re.M)
    assert match is not None, info
    return int(match.group(1))


def page_texts(pdf: Path, *, layout: bool = False, blank: bool = False) -> list[str]:
    """Each printed page's text, whitespace folded; blank pages are left out unless ``blank``."""
    assert PDFTOTEXT is not None
    argv = [PDFTOTEXT, *(["-layout"] if layout else []), str(pdf), "-"]
    text = subprocess.run(argv, check=True, capture_output=True, timeout=60).stdout.decode("utf-8")
    pages = [" ".join(p.split()) for p in text.split("\f")[:-1]]  # pdftotext ends every page with a form feed
    return pages if blank else [p for p in pages if p]


PDFTOPPM = shutil.which("pdftoppm")


def page_fill(pdf: Path) -> list[float]:
    """How far down each printed page its ink reaches, as a share of the page's printable
    height (0 for a blank page, 1 for one filled to the bottom margin).

    Each page is drawn in grey at low resolution (poppler's pdftoppm); the last row with a
    dark pixel marks the end of what is printed, writing lines and boxes included.
    """
    assert PDFTOPPM is not None
    fills = []
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run([PDFTOPPM, "-gray", "-r", "30", str(pdf), f"{folder}/p"], check=True, timeout=120)
        for image in sorted(Path(folder).glob("p-*.pgm"), key=lambda p: int(p.stem.split("-")[-1])):
            width, height, pixels = _pgm(image.read_bytes())
            rows = [pixels[r * width : (r + 1) * width] for r in range(height)]
            inked = [r for r, row in enumerate(rows) if min(row) < 160]
            if not inked:
                fills.append(0.0)
                continue
            top, bottom = inked[0], inked[-1]
            # The page's printable height: from its first ink to its bottom margin, taken as
            # the same distance from the bottom as the top margin is from the top.
            fills.append((bottom - top + 1) / max(1, height - 2 * top))
    return fills


def _pgm(data: bytes) -> tuple[int, int, bytes]:
    """A binary PGM (P5) image: width, height and its pixels, one byte each."""
    fields: list[bytes] = []
    at = 0
    while len(fields) < 4:
        while data[at : at + 1].isspace():
            at += 1
        if data[at : at + 1] == b"#":
            at = data.index(b"\n", at) + 1
            continue
        end = at
        while not data[end : end + 1].isspace():
            end += 1
        fields.append(data[at:end])
        at = end
    assert fields[0] == b"P5", fields[0]
    width, height = int(fields[1]), int(fields[2])
    return width, height, data[at + 1 : at + 1 + width * height]
