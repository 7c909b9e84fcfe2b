"""Regenerate rct_workbook/journal/region_names.txt: the first-level regions of every
country (states, provinces, regions, counties: "Punjab", "Sindh", "Rift Valley",
"Western Cape"), folded as the review folds words, so a region named alone in an answer
is read as a place, not a person (issue 21).

The names come from the `countryinfo` package (MIT, Copyright 2018 Porimol Chandro), its
data/*.json "provinces"; its notice is in rct_workbook/journal/name_data_notices.txt. The
package is needed only for this script, not for the workbook:

    pip download --no-deps countryinfo==1.0.1 -d /tmp/ci && unzip -o /tmp/ci/*.whl -d /tmp/ci
    python bench/make_region_names.py /tmp/ci/countryinfo/data
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from rct_workbook.journal.deid_words import fold

OUT = Path(__file__).resolve().parents[1] / "rct_workbook" / "journal" / "region_names.txt"
HEADER = """\
# First-level regions of every country (states, provinces, regions, counties), casefolded
# and without accents, one a line. Made by bench/make_region_names.py from the countryinfo
# package (MIT); its notice is in name_data_notices.txt beside this file. {count} regions.
"""


def regions(folder: Path) -> list[str]:
    names: set[str] = set()
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for name in data.get("provinces") or []:
            name = " ".join(str(name).split())
            if len(name) > 2:
                names.add(fold(name))
    return sorted(names)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="countryinfo's data folder")
    args = parser.parse_args()
    found = regions(args.data)
    OUT.write_text(HEADER.format(count=len(found)) + "\n".join(found) + "\n", encoding="utf-8")
    print(f"{len(found)} regions -> {OUT}")


if __name__ == "__main__":
    main()
