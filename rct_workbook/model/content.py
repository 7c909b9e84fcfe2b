"""Load the built-in content and any content packs, validate it, and merge it by id.

Every problem found is reported, one line each, as ``file:line: key.path: message``;
loading raises a single ``ContentError`` holding them all.
"""

from __future__ import annotations

import difflib
import itertools
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from rct_workbook.errors import ContentError
from rct_workbook.model import schema as s
from rct_workbook.model.question_types import QUESTION_TYPES
from rct_workbook.model.stamps import MAX_FILES, builtin_content_dir, content_folders, yaml_files
from rct_workbook.model.stamps import shown as _show

if TYPE_CHECKING:
    from rct_workbook.model.safe_yaml import Loaded

T = TypeVar("T")

#: The flow whose answers the reading rules and care signals read.
READING_FLOW = "assess"


@dataclass(frozen=True)
class Problem:
    file: str
    line: int | None
    path: str
    message: str

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        return f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"


@dataclass(frozen=True)
class Origin:
    """Where an item was loaded from."""

    file: Path
    pack: str  # "built-in" or the pack folder
    #: The file as read, for line numbers while validating; not kept in the content cache.
    loaded: Loaded | None = field(default=None, repr=False, compare=False)
    base: tuple[str | int, ...] = ()

    def line(self, *sub: str | int) -> int | None:
        return None if self.loaded is None else self.loaded.line_of((*self.base, *sub))


@dataclass(frozen=True)
class Content:
    """The paper's whole model, merged from the built-in content and any packs."""

    meta: s.Meta
    steps: dict[str, s.Step]
    concepts: dict[str, s.Concept]
    good_things: dict[str, s.GoodThing]
    continuum: dict[str, s.Continuum]
    strategies: dict[str, s.Strategy]
    opposition: dict[str, s.OppositionOption]
    connecting_practices: dict[str, s.Practice]
    glossary: dict[str, s.GlossaryTerm]
    references: dict[str, s.Reference]
    cultures: dict[str, s.Culture]
    vignettes: dict[str, s.Vignette]
    flows: dict[str, s.Flow]
    origins: dict[tuple[str, str], Origin]
    readings: dict[str, s.ReadingRule] = field(default_factory=dict)
    care_signals: dict[str, s.CareSignal] = field(default_factory=dict)
    phrases: dict[str, s.PhraseList] = field(default_factory=dict)
    care_patterns: dict[str, s.CarePattern] = field(default_factory=dict)
    care_concepts: dict[str, s.CareConcept] = field(default_factory=dict)
    crisis_lines: dict[str, s.CrisisLine] = field(default_factory=dict)
    resources: dict[str, s.Resource] = field(default_factory=dict)
    care_notes: dict[str, s.CareNote] = field(default_factory=dict)
    packs: tuple[Path, ...] = ()
    #: The trainer's kit: rehearsals by id, facilitator's guides by case id, and the
    #: case-independent facilitation notes (the last loaded wins).
    rehearsals: dict[str, s.Rehearsal] = field(default_factory=dict)
    workshops: dict[str, s.Workshop] = field(default_factory=dict)
    facilitation: dict[str, s.Facilitation] = field(default_factory=dict)

    @property
    def version(self) -> str:
        return self.meta.version

    def vignette(self, name: str) -> s.Vignette:
        return self.vignettes[lookup_id(name, self.vignettes, "vignette")]

    def flow(self, name: str) -> s.Flow:
        return self.flows[lookup_id(name, self.flows, "flow")]

    def from_the_paper(self, vignette: s.Vignette) -> bool:
        """Whether a case is the source paper's own: a case names where it comes from in its
        first citation, and that is the work ``meta.source`` describes."""
        first = next((r for r in self.references.values() if vignette.cite and r.cite == vignette.cite[0]), None)
        source = self.meta.source
        return first is not None and (first.authors, first.year) == (source.authors, source.year)

    @property
    def the_continuum(self) -> s.Continuum:
        return next(iter(self.continuum.values()))

    @property
    def care_note(self) -> s.CareNote | None:
        return next(iter(self.care_notes.values()), None)

    def choices_for(self, source: str) -> tuple[s.Choice, ...]:
        """The choices a ``choices_from`` source stands for, in content order."""
        return choices_from(source, lambda kind: getattr(self, kind.attr))


def choices_from(source: str, items_of: Callable[[s.Kind], dict[str, Any]]) -> tuple[s.Choice, ...]:
    """The choices a ``choices_from`` source stands for, in content order, from the items
    ``items_of`` gives for the kind that offers the source (see ``schema.KINDS``)."""
    kind = s.CHOICE_SOURCES.get(source)
    if kind is None:  # pragma: no cover - the schema only admits the registered sources
        raise ContentError(f"unknown choice source {source!r}")
    pairs = kind.choices[source](items_of(kind).values())
    return tuple(s.Choice(value=v, label=label) for v, label in pairs)


def lookup_id(name: str, known: dict[str, T] | Iterable[str], what: str) -> str:
    """Return ``name`` if known, else raise a NotFoundError listing the known names."""
    from rct_workbook.errors import NotFoundError

    names = list(known)
    if name in names:
        return name
    if name.lower() in names:
        return name.lower()
    if not s.ID_RE.match(name.lower()):
        # Names are ids, never paths: nothing that looks like a path is looked up.
        raise NotFoundError(f"{what} names are short ids like {', '.join(names[:3])}; {name!r} is not one")
    close = difflib.get_close_matches(name.lower(), names, n=1)
    hint = f" Did you mean {close[0]!r}?" if close else ""
    raise NotFoundError(f"no {what} called {name!r}.{hint} Known: {', '.join(names)}.")


# --- reading files ------------------------------------------------------------------------


def _yaml_files(folder: Path, problems: list[Problem]) -> list[Path]:
    if not folder.is_dir():
        problems.append(Problem(str(folder), None, "", "is not a folder"))
        return []
    found = yaml_files(folder)
    if found is None:
        problems.append(Problem(str(folder), None, "", f"holds more than {MAX_FILES} YAML files"))
        return []
    return found


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return f"a yes/no value ({str(value).lower()})"
    if isinstance(value, (int, float)):
        return f"a number ({value})"
    if value is None:
        return "nothing (null)"
    if type(value).__name__ in ("date", "datetime"):
        return f"a date ({value})"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return f"{type(value).__name__}"


def _friendly(error: Any) -> str:
    kind = error["type"]
    value = error.get("input")
    if kind in ("string_type", "str_type"):
        hint = "; put it in quotes" if not isinstance(value, (dict, list)) else ""
        return f"expected text, but YAML read {_describe(value)}{hint}"
    if kind in ("extra_forbidden", "unexpected_keyword_argument"):
        return "unknown key"
    if kind in ("missing", "missing_argument", "missing_keyword_only_argument"):
        return "missing"
    if kind == "string_pattern_mismatch":
        return f"{value!r} is not a valid id (lower-case letters, digits, - and _)"
    if kind == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        return f"{value!r} is not one of {expected}"
    if kind in ("tuple_type", "list_type"):
        return f"expected a list, but YAML read {_describe(value)}"
    if kind in ("model_type", "dict_type", "model_attributes_type", "dataclass_type", "dataclass_args_type"):
        return f"expected a mapping, but YAML read {_describe(value)}"
    if kind in ("bool_type",):
        return f"expected yes or no (true/false), but YAML read {_describe(value)}"
    if kind in ("int_type", "float_type"):
        return f"expected a number, but YAML read {_describe(value)}"
    if kind == "value_error":
        return str(error.get("ctx", {}).get("error", error["msg"]))
    return str(error["msg"])


_TYPE_NAMES = frozenset({"str", "int", "bool", "float", "none"})


def _data_path(data: Any, loc: tuple[Any, ...]) -> tuple[str | int, ...]:
    """Keep the parts of pydantic's location that are real keys or indexes in ``data``."""
    path: list[str | int] = []
    node = data
    for part in loc:
        if (isinstance(node, dict) and part in node) or (
            isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        ):
            path.append(part)
            node = node[part]
        elif isinstance(node, dict) and isinstance(part, str) and part.isidentifier() and part not in _TYPE_NAMES:
            # A missing key: name it, though it has no value to descend into. (Pydantic
            # also puts type names such as "str" or "tuple[...]" in locations; skip those.)
            path.append(part)
            node = None
    return tuple(path)


def _dotted(path: Iterable[str | int]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def validate_model(model: type, loaded: Loaded, name: str, problems: list[Problem]) -> Any | None:
    """Validate ``loaded.data`` against ``model``; append one Problem per error."""
    from pydantic import ValidationError

    try:
        return s.validator(model).validate_python(loaded.data)
    except ValidationError as exc:
        seen: set[str] = set()
        for error in exc.errors():
            path = _data_path(loaded.data, tuple(error["loc"]))
            problem = Problem(name, loaded.line_of(path), _dotted(path), _friendly(error))
            if str(problem) not in seen:
                seen.add(str(problem))
                problems.append(problem)
        return None


@dataclass
class _Pool:
    """Items gathered so far, keyed by (kind, id), with where each came from."""

    items: dict[tuple[str, str], Any] = field(default_factory=dict)
    origins: dict[tuple[str, str], Origin] = field(default_factory=dict)
    meta: tuple[s.Meta, Origin] | None = None


def _load_file(
    path: Path, shown: str, pack: str, pool: _Pool, in_pack: dict[tuple[str, str], Origin], problems: list[Problem]
) -> None:
    from rct_workbook.model.safe_yaml import YamlProblem, read_yaml_file

    try:
        loaded = read_yaml_file(path)
    except YamlProblem as exc:
        problems.append(Problem(shown, exc.line, "", exc.message))
        return
    data = loaded.data
    if not isinstance(data, dict):
        problems.append(
            Problem(shown, 1, "", f"expected a mapping with a 'kind', but the file holds {_describe(data)}")
        )
        return
    kind = data.get("kind")
    known = s.KINDS.get(kind) if isinstance(kind, str) else None
    if known is None or not isinstance(kind, str):
        problems.append(
            Problem(shown, loaded.line_of(("kind",)), "kind", f"{kind!r} is not a known kind ({', '.join(s.KINDS)})")
        )
        return
    parsed = validate_model(known.file_model, loaded, shown, problems)
    if parsed is None:
        return
    entries: list[tuple[Any, tuple[str | int, ...]]]
    if kind == "meta":
        pool.meta = (parsed, Origin(path, pack, loaded))
        return
    # A single kind's file is its one item; a collection's items are under "items".
    entries = [(parsed, ())] if known.single else [(item, ("items", i)) for i, item in enumerate(parsed.items)]
    for item, base in entries:
        key = (kind, item.id)
        origin = Origin(path, pack, loaded, base)
        if key in in_pack:
            other = in_pack[key]
            where = f"{_show(other.file)}:{other.line('id')}"
            problems.append(
                Problem(
                    shown,
                    origin.line("id"),
                    _dotted((*base, "id")),
                    f"duplicate {kind} id {item.id!r} (also at {where})",
                )
            )
            continue
        in_pack[key] = origin
        pool.items[key] = item
        pool.origins[key] = origin


def gather(folders: Iterable[tuple[Path, str]], problems: list[Problem]) -> _Pool:
    pool = _Pool()
    for folder, pack in folders:
        in_pack: dict[tuple[str, str], Origin] = {}
        for path in _yaml_files(folder, problems):
            _load_file(path, _show(path), pack, pool, in_pack, problems)
    return pool


# --- cross-references -----------------------------------------------------------------------


def _by_kind(pool: _Pool, kind: str) -> dict[str, Any]:
    return {ident: item for (k, ident), item in pool.items.items() if k == kind}


def _check_refs(pool: _Pool, problems: list[Problem]) -> None:
    cites = {r.cite for r in _by_kind(pool, "references").values()}
    steps = _by_kind(pool, "steps")
    cultures = _by_kind(pool, "culture")
    strategies = _by_kind(pool, "strategies")
    vignettes = _by_kind(pool, "vignette")
    rehearsals = _by_kind(pool, "rehearsals")

    def report(key: tuple[str, str], sub: tuple[str | int, ...], message: str) -> None:
        origin = pool.origins[key]
        problems.append(Problem(_show(origin.file), origin.line(*sub), _dotted((*origin.base, *sub)), message))

    def unknown(what: str, value: str, known: Iterable[str]) -> str:
        names = sorted(known)
        close = difflib.get_close_matches(value, names, n=1)
        hint = (
            f"; did you mean {close[0]!r}?"
            if close
            else f" (known: {', '.join(names[:8])}{', …' if len(names) > 8 else ''})"
        )
        return f"unknown {what} {value!r}{hint}"

    for key, item in pool.items.items():
        kind = key[0]
        for i, cite in enumerate(() if kind == "references" else getattr(item, "cite", ())):
            if cite not in cites:
                report(key, ("cite", i), unknown("reference", cite, cites))
        if kind == "vignette":
            if item.culture is not None and item.culture not in cultures:
                report(key, ("culture",), unknown("culture", item.culture, cultures))
            for step_id in item.steps:
                if step_id not in steps:
                    report(key, ("steps", step_id), unknown("step", step_id, steps))
            for i, use in enumerate(item.strategies):
                if use.strategy not in strategies:
                    report(key, ("strategies", i, "strategy"), unknown("strategy", use.strategy, strategies))
            _check_questions(item.reflection, ("reflection",), key, report)
        elif kind in ("readings", "care_signals"):
            _check_when_refs(pool, key, item, report, unknown)
        elif kind == "flow":
            earlier: list[s.Question] = []
            for si, section in enumerate(item.sections):
                if section.step is not None and section.step not in steps:
                    report(key, ("sections", si, "step"), unknown("step", section.step, steps))
                _check_questions(section.questions, ("sections", si, "questions"), key, report, earlier)
        elif kind == "rehearsals":
            if item.practice is not None and item.practice not in strategies:
                report(key, ("practice",), unknown("strategy", item.practice, strategies))
        elif kind == "workshop":
            # A built-in guide does not bind a pack that retells its case: the plan then
            # goes without the guide's notes (see workshop.plan_workshop).
            retold = pool.origins[key].pack == "built-in" and pool.origins.get(("vignette", item.id)) is not None
            retold = retold and pool.origins[("vignette", item.id)].pack != "built-in"
            _check_workshop(item, key, report, unknown, vignettes, steps, rehearsals, retold)


def _check_workshop(
    item: s.Workshop,
    key: tuple[str, str],
    report: Any,
    unknown: Any,
    vignettes: dict[str, Any],
    steps: dict[str, Any],
    rehearsals: dict[str, Any],
    retold: bool = False,
) -> None:
    """A facilitator's guide names a known case, has a note for each of its parts, and
    suggests known rehearsals."""
    case = vignettes.get(item.id)
    if case is None:
        report(
            key,
            ("id",),
            "a workshop guide needs a case (vignette) with the same id; " + unknown("case", item.id, vignettes),
        )
    elif len(item.parts) != len(case.parts) and not retold:
        report(
            key,
            ("parts",),
            f"the case {item.id!r} has {len(case.parts)} parts, but the guide has notes for {len(item.parts)}; "
            "give one note per part, in the same order",
        )
    for pi, part in enumerate(item.parts):
        for si, step_id in enumerate(part.steps):
            if step_id not in steps:
                report(key, ("parts", pi, "steps", si), unknown("step", step_id, steps))
    for ri, rehearsal in enumerate(item.rehearsals):
        if rehearsal not in rehearsals:
            report(key, ("rehearsals", ri), unknown("rehearsal", rehearsal, rehearsals))


#: The placeholders a rule's ``because`` may hold: {labels:QUESTION}, {value:QUESTION}.
PLACEHOLDER = re.compile(r"\{([a-z_]+):([^{}]*)\}")
PLACEHOLDER_KINDS = ("labels", "value")


def _flow_questions(pool: _Pool) -> dict[str, s.Question] | None:
    flow = pool.items.get(("flow", READING_FLOW))
    if flow is None:
        return None
    return {q.id: q for section in flow.sections for q in section.questions}


def _choice_values(pool: _Pool, question: s.Question) -> set[str] | None:
    """The values a question's choices can take, or None when it has no choices."""
    if question.choices is not None:
        return {c.value for c in question.choices}
    if question.choices_from is None:
        return None
    return {c.value for c in choices_from(question.choices_from, lambda kind: _by_kind(pool, kind.name))}


def _check_when_refs(pool: _Pool, key: tuple[str, str], item: Any, report: Any, unknown: Any) -> None:
    """Every id a rule or care signal names must be a question (or choice) of the assess flow.

    The message names the rule, so a pack that renames a question learns which rules it broke.
    """
    what = f"reading rule {item.id!r}" if key[0] == "readings" else f"care signal {item.id!r}"
    questions = _flow_questions(pool)
    if questions is None:
        report(key, ("id",), f"{what} reads the {READING_FLOW!r} flow, which is not loaded")
        return
    phrase_lists = _by_kind(pool, "phrases")
    vignettes = _by_kind(pool, "vignette")

    def walk(cond: s.When, path: tuple[str | int, ...], scope: dict[str, s.Question], where: str) -> None:
        for group in ("all", "any", "none"):
            for i, sub in enumerate(getattr(cond, group) or ()):
                walk(sub, (*path, group, i), scope, where)
        for i, qid in enumerate(cond.questions or ()):
            if qid not in scope:
                report(key, (*path, "questions", i), f"{what} names {unknown('question', qid, scope)} in {where}")
            elif not QUESTION_TYPES[scope[qid].type].numeric:
                report(key, (*path, "questions", i), f"{what}: {qid!r} is not a rating, so it has no mean")
        if cond.phrases is not None and cond.phrases not in phrase_lists:
            report(key, (*path, "phrases"), f"{what} names {unknown('phrase list', cond.phrases, phrase_lists)}")
        if cond.question is None:
            return
        question = scope.get(cond.question)
        if question is None:
            report(key, (*path, "question"), f"{what} names {unknown('question', cond.question, scope)} in {where}")
            return
        if cond.ticked is not None:
            values = _choice_values(pool, question)
            if values is None:
                report(key, (*path, "ticked"), f"{what}: {cond.question!r} has no choices to tick")
            else:
                for i, value in enumerate(cond.ticked):
                    if value not in values:
                        report(
                            key,
                            (*path, "ticked", i),
                            f"{what} ticks {unknown('choice', value, values)} of {cond.question!r}",
                        )
        if cond.row is not None:
            if not QUESTION_TYPES[question.type].has_rows or not question.fields:
                report(key, (*path, "row"), f"{what}: {cond.question!r} is not a repeated question")
            else:
                fields = {f.id: f for f in question.fields}
                walk(cond.row, (*path, "row"), fields, f"the fields of {cond.question!r}")

    walk(item.when, ("when",), questions, f"the {READING_FLOW!r} flow")
    _check_review_refs(key, item, what, report)
    for i, qid in enumerate(getattr(item, "quote", ())):
        if qid not in questions:
            report(key, ("quote", i), f"{what} quotes {unknown('question', qid, questions)}")
        elif not QUESTION_TYPES[questions[qid].type].free_text:
            report(key, ("quote", i), f"{what} quotes {qid!r}, which is not a free-text question")
    for kind_, ident in PLACEHOLDER.findall(item.because):
        if kind_ not in PLACEHOLDER_KINDS:
            report(key, ("because",), f"{what}: unknown placeholder {{{kind_}:…}} (use labels or value)")
        elif ident not in questions:
            report(key, ("because",), f"{what}: the placeholder names {unknown('question', ident, questions)}")
    if key[0] == "readings" and item.vignette is not None and item.vignette not in vignettes:
        report(key, ("vignette",), f"{what} points to {unknown('vignette', item.vignette, vignettes)}")


def _reads_review(cond: s.When, *, negated: bool = True) -> bool:
    if cond.review is not None:
        return True
    groups = (cond.all, cond.any, cond.none) if negated else (cond.all, cond.any)
    return any(_reads_review(sub, negated=negated) for group in groups for sub in group or ())


def _check_review_refs(key: tuple[str, str], item: Any, what: str, report: Any) -> None:
    """A review test reads the review of the last plan: only reading rules of the review part have one."""
    if key[0] != "readings":
        if _reads_review(item.when):
            report(key, ("when",), f"{what} tests the review of the last plan; only reading rules can")
        return
    if item.part == "review" and not _reads_review(item.when):
        report(key, ("when",), f"{what} is in the review part but has no review test")
    elif item.part != "review" and _reads_review(item.when):
        report(key, ("part",), f"{what} tests the review of the last plan, so its part must be review")
    for name in ("because", "response", "gentle"):
        if "{steps}" in (getattr(item, name) or "") and not _reads_review(item.when, negated=False):
            report(key, (name,), f"{what}: {{steps}} names the steps its review tests match, and it has none")
    for name in ("response", "gentle"):
        if "{quote}" in (getattr(item, name) or "") and not item.quote:
            report(key, (name,), f"{what}: {{quote}} needs the questions to quote, in quote")


def _check_questions(
    questions: Iterable[s.Question],
    base: tuple[str | int, ...],
    key: tuple[str, str],
    report: Any,
    earlier: list[s.Question] | None = None,
) -> None:
    asked = earlier if earlier is not None else []
    for i, question in enumerate(questions):
        cond = question.when
        if cond is not None:
            before = {q.id: q for q in asked}
            if cond.question not in before:
                report(
                    key,
                    (*base, i, "when", "question"),
                    f"the condition names {cond.question!r}, which is not an earlier question",
                )
        asked.append(question)


def _check_whole(pool: _Pool, problems: list[Problem]) -> None:
    """What the merged content as a whole must hold."""
    if pool.meta is None:
        problems.append(Problem("content", None, "", "no meta file (kind: meta) was found"))
    steps = sorted(_by_kind(pool, "steps").values(), key=lambda x: x.number)
    if [x.number for x in steps] != [1, 2, 3, 4]:
        problems.append(
            Problem("content", None, "steps", "the four steps (numbers 1 to 4) are not all there exactly once")
        )
    if len(_by_kind(pool, "continuum")) != 1:
        problems.append(Problem("content", None, "continuum", "exactly one continuum is needed"))
    if sorted(_by_kind(pool, "good_things")) != sorted(s.GOOD_THINGS):
        problems.append(
            Problem(
                "content",
                None,
                "good_things",
                f"the five good things are needed, no more and no fewer: {', '.join(s.GOOD_THINGS)}",
            )
        )
    for continuum in _by_kind(pool, "continuum").values():
        message = _band_problem(continuum.bands)
        if message:
            origin = pool.origins[("continuum", continuum.id)]
            where = _dotted((*origin.base, "bands"))
            problems.append(Problem(_show(origin.file), origin.line("bands"), where, message))
    if len(_by_kind(pool, "care_note")) > 1:
        problems.append(Problem("content", None, "care_note", "there can be only one care note"))
    if _by_kind(pool, "care_signals") and not _by_kind(pool, "care_note"):
        problems.append(Problem("content", None, "care_signals", "care signals need a care note (kind: care_note)"))


def _band_problem(bands: tuple[s.Band, ...]) -> str | None:
    """Bands must cover 1 to 5 in order, without gaps, an odd number of them, mirrored about 3,
    so that a reading never leans one way for a reason the other way would not."""
    if not bands:
        return "the continuum needs bands"
    if len(bands) % 2 == 0:
        return "the bands must be an odd number, so the middle of the scale has a band of its own"
    if abs(bands[0].min - 1.0) > 1e-9 or abs(bands[-1].max - 5.0) > 1e-9:
        return "the bands must run from 1 to 5"
    for before, after in itertools.pairwise(bands):
        if before.min >= before.max or abs(before.max - after.min) > 1e-9:
            return "each band must start where the one before it ends"
    for low, high in zip(bands, reversed(bands), strict=False):
        if abs(low.min + high.max - 6.0) > 1e-9 or abs(low.max + high.min - 6.0) > 1e-9:
            return "the bands must mirror each other about the middle of the scale (3)"
    return None


def _in_order(problems: list[Problem]) -> list[Problem]:
    """Problems by file, then line, so a person can work down the list."""
    return sorted(problems, key=lambda p: (p.file, p.line or 0))


def _finish(pool: _Pool, packs: tuple[Path, ...], problems: list[Problem]) -> Content:
    problems = _in_order(problems)
    if problems:
        raise ContentError(
            f"the content has {len(problems)} problem{'s' if len(problems) != 1 else ''}",
            details=tuple(str(p) for p in problems),
        )
    assert pool.meta is not None
    fields: dict[str, Any] = {k.attr: _by_kind(pool, k.name) for k in s.KINDS.values() if k.name != "meta"}
    steps = sorted(fields["steps"].values(), key=lambda x: x.number)
    fields["steps"] = {x.id: x for x in steps}
    return Content(meta=pool.meta[0], origins=dict(pool.origins), packs=packs, **fields)


def load_content(packs: Iterable[Path] = ()) -> Content:
    """Load built-in content, then each pack in order; later packs override by id.

    Content already validated, with every file unchanged since, comes from the cache
    (model/cache.py) without reading YAML or importing pydantic.
    """
    from rct_workbook.model import cache

    pack_list = tuple(packs)
    folders = content_folders(pack_list)
    stamp = cache.stamp(folders)
    if stamp is not None:
        cached = cache.read(stamp)
        if isinstance(cached, Content):
            return cached
    import logging  # here, not at the top: a run served from the cache never logs

    logging.getLogger("rct").debug("content: loading %s", ", ".join(str(f) for f, _ in folders))
    problems: list[Problem] = []
    pool = gather(folders, problems)
    _check_refs(pool, problems)
    _check_whole(pool, problems)
    content = _finish(pool, pack_list, problems)
    if stamp is not None:
        # Line numbers matter only while validating; the cache keeps where each item came from.
        origins = {k: replace(o, loaded=None) for k, o in content.origins.items()}
        cache.write(stamp, replace(content, origins=origins))
    return content


def validate_pack(folder: Path) -> list[Problem]:
    """Every problem in ``folder`` as a pack on top of the built-in content."""
    problems: list[Problem] = []
    pool = gather([(builtin_content_dir(), "built-in"), (folder, _show(folder))], problems)
    _check_refs(pool, problems)
    _check_whole(pool, problems)
    return _in_order(problems)


def iter_items(content: Content) -> Iterator[tuple[str, str, Origin]]:
    """(kind, id, origin) for every loaded item, for ``rct content list``."""
    for (kind, ident), origin in content.origins.items():
        yield kind, ident, origin
