"""Runs of the paper's own words in the content: what counts as the same words, and where.

The paper (Hartling & Sparks, 2002) is not shipped. What the tests keep of it is one hash
for each run of ten words (``paper_10grams.txt``, made by ``python -m tests.unit.verbatim
PAPER``): enough to recognise a run of its words, and not enough to read any of it.

Words are compared without case or punctuation, with British and American spellings made
one (organisation/organization, analysing/analyzing, behaviour/behavior), so a copied
phrase is caught whatever its spelling. Words the content puts inside quotation marks
(“…” or "…") are a quotation, which is how the paper's words may appear.
"""

from __future__ import annotations

import hashlib
import re
import sys
from collections.abc import Iterator
from pathlib import Path

RUN = 10
HASHES = Path(__file__).with_name("paper_10grams.txt")
#: A quotation in content: between curly or straight double quotes.
QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")

#: British endings and their American forms (applied to both texts alike, so a word that
#: merely looks British, like "four", changes the same way in both).
_SPELLING = (
    (re.compile(r"is(ation|ations|ing|ed|es|e)$"), r"iz\1"),
    (re.compile(r"ys(ing|ed|es|e)$"), r"yz\1"),
    (re.compile(r"our(s|ed|ing|able)?$"), r"or\1"),
    (re.compile(r"ll(ed|ing)$"), r"l\1"),
    (re.compile(r"tre(s)?$"), r"ter\1"),
)


def token(word: str) -> str:
    for british, american in _SPELLING:
        word = british.sub(american, word)
    return word


def tokens(text: str) -> list[str]:
    """The words of a text, normalised; a word broken at a line end ("Relational-\\nCultural") is two."""
    text = text.replace("\u2019", "'")
    return [token(w) for w in re.findall(r"[a-z0-9]+(?:'[a-z]+)?", text.casefold())]


def digest(words: list[str]) -> str:
    return hashlib.blake2b(" ".join(words).encode(), digest_size=6).hexdigest()


def windows(words: list[str]) -> Iterator[tuple[int, str]]:
    for i in range(len(words) - RUN + 1):
        yield i, digest(words[i : i + RUN])


def paper_hashes() -> frozenset[str]:
    return frozenset(HASHES.read_text(encoding="ascii").split())


def unquoted(text: str) -> list[str]:
    """The parts of a content text outside quotation marks."""
    return [part for part in QUOTED.split(text) if part.strip()]


def runs(text: str, paper: frozenset[str]) -> list[str]:
    """The runs of ten or more of the paper's words in ``text``, outside quotation marks."""
    found = []
    for part in unquoted(text):
        words = tokens(part)
        hits = [i for i, h in windows(words) if h in paper]
        start = None
        for k, i in enumerate(hits):
            if start is None:
                start = i
            if k + 1 == len(hits) or hits[k + 1] != i + 1:
                found.append(" ".join(words[start : i + RUN]))
                start = None
    return found


def strings(value: object, path: str = "") -> Iterator[tuple[str, str]]:
    """Every text in a YAML document, with where it is."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from strings(item, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from strings(item, f"{path}[{i}]")


if __name__ == "__main__":  # python -m tests.unit.verbatim PAPER: write the hashes
    paper_words = tokens(Path(sys.argv[1]).read_text(encoding="utf-8"))
    HASHES.write_text("\n".join(sorted({h for _, h in windows(paper_words)})) + "\n", encoding="ascii")
    print(f"{HASHES}: {len(paper_words)} words")
