"""An anonymous class profile from participants' exports, for a workshop's plenary.

Pure functions from parsed exports (``group.parse_export``) and the content to data.
Only ids and ratings are read from an export, and every id is looked up in the content,
so no text a participant wrote (nor an unknown id carrying it) can reach the profile.
No names and no dates are read at all. Counts of fewer than ``MIN_CELL`` people are
merged (ratings) or suppressed (categories), as small-cell suppression does in public
statistics; fewer than ``MIN_EXPORTS`` exports are refused.
"""

from __future__ import annotations

import datetime as _dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rct_workbook.errors import WorkbookError
from rct_workbook.group import EntrySummary, MemberExport
from rct_workbook.model.content import Content

MIN_EXPORTS = 5
MIN_CELL = 3
RATINGS = (1, 2, 3, 4, 5)
SHOWN = 5  # most and least ticked practices shown


@dataclass(frozen=True)
class Cell:
    """One category's count; ``count`` is None when it is suppressed (1 to MIN_CELL - 1)."""

    label: str
    count: int | None

    @property
    def suppressed(self) -> bool:
        return self.count is None


@dataclass(frozen=True)
class RatingBin:
    low: int
    high: int
    count: int

    @property
    def label(self) -> str:
        return str(self.low) if self.low == self.high else f"{self.low}–{self.high}"


@dataclass(frozen=True)
class Distribution:
    """How the group rated one good thing: bins of ratings, merged until each holds at
    least MIN_CELL people (or none)."""

    id: str
    name: str
    low_label: str
    high_label: str
    bins: tuple[RatingBin, ...]  # empty when fewer than MIN_CELL rated it at all
    merged: bool
    not_rated: Cell | None


@dataclass(frozen=True)
class PracticeCounts:
    most: tuple[Cell, ...]
    least: tuple[Cell, ...]
    few: tuple[str, ...]  # ticked by 1 to MIN_CELL - 1 people: named, not counted
    nobody: tuple[str, ...]


@dataclass(frozen=True)
class ClassProfile:
    day: _dt.date
    participants: int
    with_assessment: int
    good_things: tuple[Distribution, ...]
    cultures: tuple[Cell, ...]
    observed: PracticeCounts
    connecting: PracticeCounts
    strategies: tuple[Cell, ...]
    suppressed_any: bool


def _latest_assessment(export: MemberExport) -> EntrySummary | None:
    """The export's last assessment entry (entries are in date order)."""
    found = [e for e in export.entries if e.kind == "assess"]
    return found[-1] if found else None


def _known(values: Iterable[str], known: Iterable[str]) -> set[str]:
    allowed = set(known)
    return {v for v in values if v in allowed}


def _cell(label: str, count: int) -> Cell:
    return Cell(label, None if 0 < count < MIN_CELL else count)


def merge_bins(counts: dict[int, int]) -> tuple[tuple[RatingBin, ...], bool]:
    """Adjacent ratings merged until every bin holds none or at least MIN_CELL people.

    The smallest small bin (the lowest on a tie) joins its smaller neighbour (the one
    nearer the middle of the scale on a tie). If everyone together is fewer than
    MIN_CELL, nothing is shown."""
    bins = [RatingBin(r, r, counts.get(r, 0)) for r in RATINGS]
    if sum(b.count for b in bins) < MIN_CELL:
        return (), sum(b.count for b in bins) > 0
    merged = False
    while True:
        small = [i for i, b in enumerate(bins) if 0 < b.count < MIN_CELL]
        if not small:
            return tuple(bins), merged
        i = min(small, key=lambda j: (bins[j].count, j))
        neighbours = [j for j in (i - 1, i + 1) if 0 <= j < len(bins)]
        middle = (RATINGS[0] + RATINGS[-1]) / 2
        j = min(neighbours, key=lambda k: (bins[k].count, abs((bins[k].low + bins[k].high) / 2 - middle)))
        a, b = sorted((i, j))
        bins[a : b + 1] = [RatingBin(bins[a].low, bins[b].high, bins[a].count + bins[b].count)]
        merged = True


def _practices(counts: Counter[str], labels: dict[str, str]) -> PracticeCounts:
    order = list(labels)
    shown = sorted((p for p in order if counts[p] >= MIN_CELL), key=lambda p: (-counts[p], order.index(p)))
    most = shown[:SHOWN]
    rest = [p for p in shown if p not in most]
    least = sorted(rest, key=lambda p: (counts[p], order.index(p)))[:SHOWN]
    return PracticeCounts(
        most=tuple(Cell(labels[p], counts[p]) for p in most),
        least=tuple(Cell(labels[p], counts[p]) for p in least),
        few=tuple(labels[p] for p in order if 0 < counts[p] < MIN_CELL),
        nobody=tuple(labels[p] for p in order if counts[p] == 0),
    )


def build_profile(content: Content, exports: Sequence[MemberExport], day: _dt.date) -> ClassProfile:
    """The class profile; a WorkbookError if there are too few exports to keep it anonymous."""
    if len(exports) < MIN_EXPORTS:
        raise WorkbookError(
            f"a class profile needs at least {MIN_EXPORTS} participants' exports so that no one can be "
            f"picked out; {len(exports)} {'was' if len(exports) == 1 else 'were'} given"
        )
    entries = [e for e in (_latest_assessment(x) for x in exports) if e is not None]
    if len(entries) < MIN_EXPORTS:
        raise WorkbookError(
            f"a class profile needs at least {MIN_EXPORTS} exports that hold an assessment (rct assess); "
            f"{len(entries)} of the {len(exports)} do"
        )
    flow = content.flows.get("assess")
    prompts = {q.id: q for s in flow.sections for q in s.questions} if flow else {}
    distributions = []
    suppressed = False
    for good in content.good_things.values():
        valid = [r for r in (e.good_things.get(good.id) for e in entries) if r is not None and r in RATINGS]
        bins, merged = merge_bins(Counter(valid))
        missing = len(entries) - len(valid)
        not_rated = _cell("Not rated", missing) if missing else None
        question = prompts.get(f"good-thing-{good.id}")
        low = question.low_label if question and question.low_label else good.opposite_name
        high = question.high_label if question and question.high_label else good.name
        suppressed |= merged or (not bins and bool(valid)) or bool(not_rated and not_rated.suppressed)
        distributions.append(Distribution(good.id, good.name, low, high, bins, merged, not_rated))

    cultures = Counter[str]()
    none_stood_out = 0
    observed = Counter[str]()
    connecting = Counter[str]()
    strategies = Counter[str]()
    fletcher = {x.id: x.name for x in content.strategies.values() if x.family == "fletcher"}
    indicators = {p.id: p.text for c in content.cultures.values() for p in c.indicators}
    connecting_labels = {p.id: p.text for p in content.connecting_practices.values()}
    for entry in entries:
        leading = _known(entry.leading, content.cultures)
        cultures.update(leading)
        none_stood_out += not leading
        observed.update(_known(entry.practices, indicators))
        connecting.update(_known(entry.connecting, connecting_labels))
        strategies.update(_known(entry.strategies, fletcher))
    culture_cells = [_cell(c.name, cultures[c.id]) for c in content.cultures.values()]
    culture_cells.append(_cell("No single type stood out", none_stood_out))
    strategy_cells = [_cell(name, strategies[sid]) for sid, name in fletcher.items()]
    observed_counts = _practices(observed, indicators)
    connecting_counts = _practices(connecting, connecting_labels)
    suppressed |= any(c.suppressed for c in (*culture_cells, *strategy_cells))
    suppressed |= bool(observed_counts.few or connecting_counts.few)
    return ClassProfile(
        day=day,
        participants=len(exports),
        with_assessment=len(entries),
        good_things=tuple(distributions),
        cultures=tuple(culture_cells),
        observed=observed_counts,
        connecting=connecting_counts,
        strategies=tuple(strategy_cells),
        suppressed_any=suppressed,
    )
