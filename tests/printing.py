"""Headless Chromium and poppler, for the tests that look at or print an HTML page.

One place knows how to find them and how to call them; the tests skip where they are absent
(a fresh machine has neither).
"""

from __future__ import annotations

import re
import shutil
import subprocess
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
