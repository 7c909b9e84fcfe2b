"""Regenerate rct_workbook/journal/name_words.txt: given names that are everyday words.

Needs gender-guesser installed and a word list (Debian: apt-get install wbritish).
Usage: python bench/make_name_words.py [/usr/share/dict/british-english]
"""

from __future__ import annotations

import sys
from pathlib import Path

from rct_workbook.journal.deidentify import given_names

HEADER = "".join(
    line
    for line in Path("rct_workbook/journal/name_words.txt").read_text(encoding="utf-8").splitlines(True)
    if line.startswith("#")
)


def main() -> None:
    source = Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/dict/british-english")
    words = {w.strip() for w in source.read_text(encoding="utf-8").splitlines() if w.strip().islower() and "'" not in w}
    both = sorted(given_names() & words)
    Path("rct_workbook/journal/name_words.txt").write_text(HEADER + "\n".join(both) + "\n", encoding="utf-8")
    print(f"{len(both)} words")


if __name__ == "__main__":
    main()
