"""An anonymous class profile from participants' exports, for a workshop's plenary.

Pure functions from parsed exports (``group.parse_export``) and the content to data.
Only ids and ratings are read from an export, and every id is looked up in the content,
so no text a participant wrote (nor an unknown id carrying it) can reach the profile.
No names and no dates are read at all. Counts of fewer than ``MIN_CELL`` people are
merged (ratings) or suppressed (categories), as small-cell suppression does in public
statistics, and where the cells of a group add up to a total the page shows (less,
for a choice of several, those who chose none), further cells are suppressed, or
practices left out, until no suppressed count can be worked out by subtraction
(complementary suppression). One person is counted once: exports that share
an entry's anonymous token (two exports of one entry) are one person. From ``MIN_CELL``
to ``MIN_EXPORTS - 1`` people only a small summary is made (bands, the most-ticked
culture, the steps' risk mix); fewer are refused.
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
RISKS = ("low", "medium", "high")
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
    #: Holds the one or two people who did not rate it too ("3–4 or not rated").
    with_not_rated: bool = False

    @property
    def label(self) -> str:
        label = str(self.low) if self.low == self.high else f"{self.low}–{self.high}"
        return f"{label} or not rated" if self.with_not_rated else label


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
    #: Everyone who rated it gave one rating, so that row was widened to a range.
    everyone_alike: bool = False
    #: For a small group: the narrowest band of two or more ratings that most people's fall in.
    band: str | None = None


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
    #: How many of the exports given were further exports of entries already counted.
    duplicates: int = 0
    #: The risk the planned small steps carry (low, medium, high, not given), in steps.
    risk_mix: tuple[Cell, ...] = ()
    #: Fewer than MIN_EXPORTS people: only bands, the most-ticked culture and the risk mix.
    small: bool = False
    #: For a small group: the culture type that stood out for most (None: none did for MIN_CELL).
    most_ticked_culture: str | None = None


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


def determined(hidden: Sequence[int], unseen: int = 0, partition: bool = True) -> bool:
    """Whether suppressed counts could be worked out from a total the page shows: the total
    less the shown cells leaves ``sum(hidden) + unseen`` (``unseen``: people in no cell, such
    as those who ticked nothing; ``partition``: every person is in exactly one cell). It is
    worked out when it can only be one per cell, or, in a partition, when one cell is
    suppressed or each must be MIN_CELL - 1."""
    k, left = len(hidden), sum(hidden) + unseen
    if not k:
        return False
    return left == k or (partition and not unseen and (k == 1 or left == k * (MIN_CELL - 1)))


def complementary_counts(counts: Sequence[tuple[str, int]], unseen: int, partition: bool) -> list[Cell]:
    """Cells of a group of counts that add up to a total the page shows (less ``unseen``
    people in none of them): small ones suppressed, then the smallest shown beside them
    until no suppressed count can be worked out by subtraction."""
    hidden = {i for i, (_, n) in enumerate(counts) if 0 < n < MIN_CELL}
    while determined([counts[i][1] for i in hidden], unseen, partition):
        shown = [(n, i) for i, (_, n) in enumerate(counts) if n and i not in hidden]
        if not shown:
            break
        hidden.add(min(shown)[1])
    return [Cell(label, None if i in hidden else n) for i, (label, n) in enumerate(counts)]


def widen_everyone(bins: tuple[RatingBin, ...]) -> tuple[tuple[RatingBin, ...], bool]:
    """When one single rating holds everyone who rated, that row would show everyone's own
    rating: it is merged with a neighbour (the one nearer the middle) into a range."""
    full = [i for i, b in enumerate(bins) if b.count and b.low == b.high]
    if len(full) != 1 or sum(b.count for b in bins) != bins[full[0]].count:
        return bins, False
    i = full[0]
    middle = (RATINGS[0] + RATINGS[-1]) / 2
    j = min((k for k in (i - 1, i + 1) if 0 <= k < len(bins)), key=lambda k: abs(bins[k].low - middle))
    a, b = sorted((i, j))
    out = list(bins)
    out[a : b + 1] = [RatingBin(bins[a].low, bins[b].high, bins[a].count + bins[b].count)]
    return tuple(out), True


def band(ratings: list[int]) -> str | None:
    """The narrowest band of two or more ratings that holds most people's, and at least
    MIN_CELL of them ("2–3"); None when no such band says anything (it would be 1–5)."""
    need = max(MIN_CELL, len(ratings) // 2 + 1)
    for width in range(2, len(RATINGS)):
        fits = [
            (low, sum(low <= r < low + width for r in ratings)) for low in range(RATINGS[0], RATINGS[-1] - width + 2)
        ]
        best = [low for low, n in fits if n >= need]
        if best:
            low = min(best, key=lambda lo: (-dict(fits)[lo], abs(lo + (width - 1) / 2 - 3)))
            return f"{low}–{low + width - 1}"
    return None


def _people(exports: Sequence[MemberExport]) -> list[list[MemberExport]]:
    """Exports grouped by person: two that share an entry's token are one person."""
    groups: list[list[MemberExport]] = []
    owner: dict[str, int] = {}
    for export in exports:
        tokens = {e.token for e in export.entries if e.token}
        mine = sorted({owner[t] for t in tokens if t in owner})
        if not mine:
            groups.append([export])
            index = len(groups) - 1
        else:
            index = mine[0]
            groups[index].append(export)
            for other in mine[1:]:  # this export joins two groups: they were one person
                groups[index].extend(groups[other])
                groups[other] = []
                owner.update({t: index for t, o in owner.items() if o == other})
        owner.update(dict.fromkeys(tokens, index))
    return [g for g in groups if g]


def _latest_of(group: list[MemberExport]) -> EntrySummary | None:
    found = [e for x in group for e in x.entries if e.kind == "assess"]
    return max(found, key=lambda e: e.date or "") if found else None


def _practices(counts: Counter[str], labels: dict[str, str], one_each: bool, unseen: int) -> PracticeCounts:
    """The most and least ticked practices, and those ticked by few or nobody. Where each
    person ticked at most one, the counts add up to the people less ``unseen`` (who ticked
    none): the smallest shown counts are left out until the few cannot be worked out."""
    order = list(labels)
    shown = sorted((p for p in order if counts[p] >= MIN_CELL), key=lambda p: (-counts[p], order.index(p)))
    most = shown[:SHOWN]
    rest = [p for p in shown if p not in most]
    least = sorted(rest, key=lambda p: (counts[p], order.index(p)))[:SHOWN]
    few = [counts[p] for p in order if 0 < counts[p] < MIN_CELL]
    left_out = [counts[p] for p in shown if p not in most and p not in least]
    while one_each and (least or most) and determined([*few, *left_out], unseen, partition=False):
        left_out.append(counts[(least or most).pop(0 if least else -1)])
    return PracticeCounts(
        most=tuple(Cell(labels[p], counts[p]) for p in most),
        least=tuple(Cell(labels[p], counts[p]) for p in least),
        few=tuple(labels[p] for p in order if 0 < counts[p] < MIN_CELL),
        nobody=tuple(labels[p] for p in order if counts[p] == 0),
    )


def build_profile(content: Content, exports: Sequence[MemberExport], day: _dt.date) -> ClassProfile:
    """The class profile; a WorkbookError if there are too few people to keep it anonymous."""
    people = _people(exports)
    duplicates = len(exports) - len(people)
    again = f" ({duplicates} of the exports were of entries already counted)" if duplicates else ""
    if len(people) < MIN_CELL:
        raise WorkbookError(
            f"a class profile needs at least {MIN_CELL} participants' exports so that no one can be "
            f"picked out; {len(people)} {'was' if len(people) == 1 else 'were'} given{again}"
        )
    entries = [e for e in (_latest_of(g) for g in people) if e is not None]
    if len(entries) < MIN_CELL:
        raise WorkbookError(
            f"a class profile needs at least {MIN_CELL} exports that hold an assessment (rct assess); "
            f"{len(entries)} of the {len(people)} do"
        )
    small = len(entries) < MIN_EXPORTS
    flow = content.flows.get("assess")
    prompts = {q.id: q for s in flow.sections for q in s.questions} if flow else {}
    distributions = []
    suppressed = False
    for good in content.good_things.values():
        valid = [r for r in (e.good_things.get(good.id) for e in entries) if r is not None and r in RATINGS]
        bins, merged = merge_bins(Counter(valid))
        bins, alike = widen_everyone(bins)
        missing = len(entries) - len(valid)
        not_rated = _cell("Not rated", missing) if missing else None
        if bins and not_rated is not None and not_rated.suppressed:
            # One or two who did not rate it: shown inside the smallest band, never alone
            # (everyone is counted, so the rest would give them away by subtraction).
            i = min((k for k, b in enumerate(bins) if b.count), key=lambda k: (bins[k].count, k))
            bins = (*bins[:i], RatingBin(bins[i].low, bins[i].high, bins[i].count + missing, True), *bins[i + 1 :])
            not_rated, merged = None, True
        question = prompts.get(f"good-thing-{good.id}")
        low = question.low_label if question and question.low_label else good.opposite_name
        high = question.high_label if question and question.high_label else good.name
        suppressed |= merged or alike or (not bins and bool(valid)) or bool(not_rated and not_rated.suppressed)
        distributions.append(
            Distribution(good.id, good.name, low, high, bins, merged, not_rated, alike, band(valid) if small else None)
        )

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
    culture_counts = [(c.name, cultures[c.id]) for c in content.cultures.values()]
    culture_counts.append(("No single type stood out", none_stood_out))
    # When each person has at most one type, the cells add up to the people counted.
    if all(len(_known(e.leading, content.cultures)) <= 1 for e in entries):
        culture_cells = complementary_counts(culture_counts, 0, partition=True)
    else:
        culture_cells = [_cell(name, n) for name, n in culture_counts]
    risks = Counter(
        (step.risk or "").strip().casefold() if (step.risk or "").strip().casefold() in RISKS else "not given"
        for e in entries
        for step in e.plan
        if step.what
    )
    risk_cells = complementary_counts(
        [(f"{r.capitalize()} risk" if r in RISKS else "Risk not given", risks[r]) for r in (*RISKS, "not given")],
        0,
        partition=True,
    )
    top = max(cultures.values(), default=0)
    leaders = [c.name for c in content.cultures.values() if cultures[c.id] == top]
    most_ticked = leaders[0] if top >= MIN_CELL and len(leaders) == 1 else None
    # Several may be chosen; where each person chose at most one, the counts add up to the
    # people counted less those who chose none (not shown), and a small one could be worked out.
    chosen = [len(_known(e.strategies, fletcher)) for e in entries]
    strategy_counts = [(name, strategies[sid]) for sid, name in fletcher.items()]
    if max(chosen) <= 1:
        strategy_cells = complementary_counts(strategy_counts, chosen.count(0), partition=False)
    else:
        strategy_cells = [_cell(name, n) for name, n in strategy_counts]
    ticked = [len(_known(e.practices, indicators)) for e in entries]
    observed_counts = _practices(observed, indicators, max(ticked) <= 1, ticked.count(0))
    ticked = [len(_known(e.connecting, connecting_labels)) for e in entries]
    connecting_counts = _practices(connecting, connecting_labels, max(ticked) <= 1, ticked.count(0))
    suppressed |= any(c.suppressed for c in (*culture_cells, *strategy_cells, *risk_cells))
    suppressed |= bool(observed_counts.few or connecting_counts.few)
    return ClassProfile(
        day=day,
        participants=len(people),
        with_assessment=len(entries),
        good_things=tuple(distributions),
        cultures=tuple(culture_cells),
        observed=observed_counts,
        connecting=connecting_counts,
        strategies=tuple(strategy_cells),
        suppressed_any=suppressed,
        duplicates=duplicates,
        risk_mix=tuple(risk_cells),
        small=small,
        most_ticked_culture=most_ticked,
    )
