""" "Since last time": the review of the setting's last plan, as questions and as a `review:` list.

In a terminal each open step becomes two questions, asked through the same seam as every
other question (its status, then a short note). In an answers file the same review is a
``review:`` list, one item per step, with the keys ``step``, ``what``, ``status`` and
``note``; it is checked here and turned into the same answers, so both paths save the same.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from rct_workbook.flow.questions import Ask, check, plural
from rct_workbook.journal.steps import STATUSES, StepItem
from rct_workbook.model.answers import SMALL_STEPS
from rct_workbook.model.question_types import clean_text, kind_of_value, too_long
from rct_workbook.model.schema import Choice, Question, Section

REVIEW_KEY = "review"
CHECK_IN_KEY = "next-check-in"
SECTION_ID = "since-last-time"
ITEM_KEYS = ("step", "what", "status", "note")

STATUS_CHOICES = (
    Choice(value="done", label="Done: a small win"),
    Choice(value="tried", label="Tried: it did not go as planned, and something was learned"),
    Choice(value="carried", label="Carry it forward into this plan"),
    Choice(value="dropped", label="Drop it"),
)
assert tuple(c.value for c in STATUS_CHOICES) == STATUSES

INTRO = (
    "Your last plan in this setting has steps still open. For each, say what happened. "
    "Small steps let us test the waters and adjust our efforts quickly (Hartling & Sparks, 2002)."
)


def _key(step: str) -> str:
    """A question id for a step: its id in the characters ids allow, so a resumed draft
    finds each answer under its own step even if the list of open steps has changed."""
    import hashlib
    import re

    key = re.sub(r"[^a-z0-9-]", "-", step.lower())
    if len(key) > 48 or not key[:1].isalnum():
        key = hashlib.sha256(step.encode("utf-8")).hexdigest()[:24]
    return key


def _status_id(step: str) -> str:
    return f"review-{_key(step)}-status"


def _note_id(step: str) -> str:
    return f"review-{_key(step)}-note"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def review_section(items: Sequence[StepItem], *, required: bool = True) -> tuple[Section, tuple[Ask, ...]]:
    """The review as a section of questions: a status and a note for each open step."""
    from rct_workbook.dates import when_phrase

    questions: list[Question] = []
    for item in items:
        by = f" ({when_phrase(item.by_when)})" if item.by_when else ""
        carried = (
            f" Carried forward {item.times_carried} time{'s' if item.times_carried != 1 else ''} so far."
            if item.times_carried
            else ""
        )
        questions.append(
            Question(
                id=_status_id(item.id),
                type="choice",
                prompt=f"Since last time: “{_one_line(item.what) or 'a small step'}”{by}. What happened?",
                help=f"Planned {item.created[:10]}.{carried}",
                choices=STATUS_CHOICES,
                required=required,
            )
        )
        questions.append(
            Question(
                id=_note_id(item.id),
                type="text",
                prompt="A short note of what happened",
                help="What moved, what you learned, or why it changed. One line.",
                required=False,
            )
        )
    section = Section(id=SECTION_ID, title="Since last time", intro=INTRO, questions=tuple(questions))
    asks = tuple(Ask(q, q.choices or (), (), SECTION_ID) for q in questions)
    return section, asks


def split_review(items: Sequence[StepItem], answers: dict[str, Any]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """(the answers without the review's, the review as saved: one item per step reviewed)."""
    ours = {i for item in items for i in (_status_id(item.id), _note_id(item.id))}
    rest = {k: v for k, v in answers.items() if k not in ours}
    review = []
    for item in items:
        status = answers.get(_status_id(item.id))
        if status not in STATUSES:
            continue
        entry: dict[str, Any] = {"step": item.id, "what": item.what, "status": status}
        note = answers.get(_note_id(item.id))
        if isinstance(note, str) and note.strip():
            entry["note"] = _one_line(note)
        review.append(entry)
    return rest, review


def carried(review: Sequence[dict[str, Any]]) -> list[str]:
    """The ids of the steps carried into the new plan."""
    return [r["step"] for r in review if r.get("status") == "carried"]


def plan_asks(asks: Sequence[Ask], carried_count: int) -> list[Ask]:
    """With steps carried forward, the plan already holds them: no new step is required."""
    if not carried_count:
        return list(asks)
    out = []
    for ask in asks:
        q = ask.question
        if ask.kind.has_rows and q.id == SMALL_STEPS and q.min_items > 0:
            ask = Ask(dataclasses.replace(q, min_items=0), ask.choices, ask.fields, ask.section)
        out.append(ask)
    return out


# --- the answers file ------------------------------------------------------------------------


@dataclass
class FileReview:
    """Reads the `review:` list and `next-check-in:` of an answers file (see ``read_answers``).

    Called with the file's mapping; gives back the mapping with the review as answers to
    the review questions, and every problem found, phrased as the file has it.
    """

    items: Sequence[StepItem]
    today: _dt.date = field(default_factory=_dt.date.today)
    check_in: str | None = None

    def __call__(self, data: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
        problems: list[str] = []
        data = dict(data)
        raw = data.pop(REVIEW_KEY, None)
        self.check_in = self._check_in(data.pop(CHECK_IN_KEY, None), problems)
        if raw is None:
            return data, problems
        if not isinstance(raw, list):
            problems.append(f"{REVIEW_KEY}: expected a list of steps (step, status, note), got {_kind(raw)}")
            return data, problems
        position = {item.id: item.id for item in self.items}
        seen: set[str] = set()
        for i, item in enumerate(raw, 1):
            where = f"{REVIEW_KEY}, item {i}"
            if not isinstance(item, dict):
                problems.append(f"{where}: expected a mapping with step, status and note, got {_kind(item)}")
                continue
            extra = [str(k) for k in item if k not in ITEM_KEYS]
            if extra:
                problems.append(f"{where}: unknown key {extra[0]!r} (the keys are {', '.join(ITEM_KEYS)})")
            step = item.get("step")
            if not isinstance(step, str) or not step.strip():
                problems.append(f"{where}: step: the step's id is needed (e.g. 20260312-101500-assess-1a2b.2)")
                continue
            step = step.strip()
            if step not in position:
                open_ids = ", ".join(position) or "none"
                problems.append(f"{where}: step: {step!r} is not an open step of this setting's last plan ({open_ids})")
                continue
            if step in seen:
                problems.append(f"{where}: step: {step!r} is reviewed twice")
                continue
            seen.add(step)
            what = item.get("what")
            if what is not None and not isinstance(what, str):
                problems.append(f"{where}: what: expected text, got {_kind(what)}")
            k = position[step]
            status = item.get("status")
            if status is None:
                problems.append(f"{where}: status: one of {', '.join(STATUSES)} is needed")
            elif not isinstance(status, str) or status not in STATUSES:
                shown = repr(status) if isinstance(status, str) else _kind(status)
                problems.append(f"{where}: status: {shown} is not one of {', '.join(STATUSES)}")
            else:
                data[_status_id(k)] = status
            note = item.get("note")
            if note is not None:
                if not isinstance(note, str):
                    problems.append(f"{where}: note: expected text, got {_kind(note)} (put it in quotes)")
                elif too_long(note):
                    problems.append(f"{where}: note: {too_long(note)}")
                elif note.strip():
                    data[_note_id(k)] = _one_line(clean_text(note))
        return data, problems

    def _check_in(self, value: Any, problems: list[str]) -> str | None:
        from rct_workbook.dates import as_date, parse_date

        if value is None or value == "":
            return None
        found = as_date(value) if not isinstance(value, str) else parse_date(value)
        if found is None:
            problems.append(f"{CHECK_IN_KEY}: expected a date such as 2026-12-24, got {_shown(value)}")
            return None
        if found < self.today:
            problems.append(f"{CHECK_IN_KEY}: {found.isoformat()} is in the past")
            return None
        return found.isoformat()


def _kind(value: Any) -> str:
    return kind_of_value(value)


def _shown(value: Any) -> str:
    return repr(value) if isinstance(value, str) else _kind(value)


def template_text(items: Sequence[StepItem]) -> str:
    """The `review:` part of an answers-file template, one item per open step, and the check-in."""
    import yaml

    lines = [
        "# Since last time: what happened to each open step of your last plan in this setting.",
        "#   step: the step's id (keep it as it is)",
        "#   what: the step, for reference (not read back)",
        "#   status: one of these (required for each step listed):",
        *(f"#     {c.value}: {c.label}" for c in STATUS_CHOICES),
        "#   note: a short note of what happened (optional, one line)",
        "#   A step left out of the list stays open, as it is. Carried steps join this plan.",
    ]
    if items:
        # Status and note are left empty for the person to write, like every answer in a template.
        review = [{"step": s.id, "what": _one_line(s.what), "status": None, "note": None} for s in items]
        dumped = yaml.safe_dump(
            {REVIEW_KEY: review}, allow_unicode=True, sort_keys=False, default_flow_style=False, width=88
        )
        lines.append("\n".join(line.removesuffix(" null") for line in dumped.splitlines()))
    return "\n".join(lines)


CHECK_IN_TEMPLATE = (
    "# The date of your next check-in in this setting (optional), e.g. four weeks from now.\n"
    "# It is shown by rct progress and written by rct steps --ics.\n"
    f"# {CHECK_IN_KEY}: 2026-12-24\n"
)


# --- the next check-in ---------------------------------------------------------------------------

CHECK_IN_CHOICES = (
    Choice(value="2w", label="In two weeks"),
    Choice(value="4w", label="In four weeks"),
    Choice(value="6w", label="In six weeks"),
    Choice(value="3m", label="In three months"),
    Choice(value="none", label="No date for now"),
)
_DAYS = {"2w": 14, "4w": 28, "6w": 42, "3m": 91}


def check_in_ask(setting: str) -> Ask:
    question = Question(
        id=CHECK_IN_KEY,
        type="choice",
        prompt=f"When would you like your next check-in on the setting “{_one_line(setting)}”?",
        help="Small steps are easiest to adjust when you look back at them regularly. The date goes in your calendar "
        "with rct steps --ics.",
        choices=CHECK_IN_CHOICES,
    )
    return Ask(question, CHECK_IN_CHOICES, (), "check-in")


def check_in_date(choice: Any, today: _dt.date) -> str | None:
    days = _DAYS.get(str(choice))
    return None if days is None else (today + _dt.timedelta(days=days)).isoformat()


def ask_check_in(asker: Any, setting: str, today: _dt.date, *, back: bool = False) -> str | None:
    """The next check-in's date; with ``back``, Ctrl-B raises ``GoBack`` (to the last question)."""
    from dataclasses import replace

    ask = replace(check_in_ask(setting), can_go_back=back)
    return check_in_date(check(ask, asker.ask(ask, "4w")), today)


def dated_plan(answers: dict[str, Any]) -> dict[str, Any]:
    """The answers with each small step's "By when?" stored as an ISO date when it names one."""
    from rct_workbook.dates import by_when_value

    steps = answers.get("small-steps")
    if not isinstance(steps, list):
        return answers
    rows = [
        {**row, "by-when": by_when_value(row["by-when"])} if isinstance(row, dict) and row.get("by-when") else row
        for row in steps
    ]
    return {**answers, "small-steps": rows}


def reviewed(items: Sequence[StepItem], review: Sequence[dict[str, Any]]) -> list[Any]:
    """The review, for the reading: each step with how often it has now been carried."""
    from rct_workbook.reading_rules import Reviewed

    by_id = {s.id: s for s in items}
    out = []
    for r in review:
        item = by_id[r["step"]]
        times = item.times_carried + (1 if r["status"] == "carried" else 0)
        out.append(Reviewed(item.id, item.what, r["status"], r.get("note"), times))
    return out


# --- which setting ---------------------------------------------------------------------------------


def choose_setting(asker: Any, known: Sequence[Any]) -> str:
    """Ask which setting an assessment is about, when several are in use and none was named."""
    from rct_workbook.journal.settings import clean_setting

    choices = (
        *(
            Choice(value=f"s{i}", label=f"{s.name} ({plural(s.assessments, 'assessment')}, last {s.last[:10]})")
            for i, s in enumerate(known, 1)
        ),
        Choice(value="new", label="Another setting"),
    )
    question = Question(
        id="setting",
        type="choice",
        prompt="Which setting is this assessment about?",
        help="Each workplace is read on its own; movement is only compared within one setting.",
        choices=choices,
    )
    picked = check(Ask(question, choices), asker.ask(Ask(question, choices), "s1"))
    if picked != "new":
        return str(known[int(str(picked)[1:]) - 1].name)
    name_question = Question(id="setting-name", type="text", prompt="Name the new setting (e.g. ward, clinic)")
    typed = check(Ask(name_question), asker.ask(Ask(name_question)))
    return clean_setting(str(typed), "the setting")


@dataclass(frozen=True)
class Where:
    """The setting of one run of rct assess, and its steps still open from the last plan."""

    setting: str
    open_steps: tuple[StepItem, ...]


def where(given: str | None, drafted: str | None, *, full: bool, asker: Any | None, index: Any = None) -> Where:
    """The setting to assess (named, drafted, the one in use, "main", or asked) and its open steps.

    ``asker`` is None when no one can be asked (an answers file, a template): then several
    settings and none named is an error. ``index`` is the journal's index when the caller
    has just opened (and refreshed) it; it is closed here either way.
    """
    from rct_workbook.errors import WorkbookError
    from rct_workbook.journal.settings import clean_setting, default_setting, match_setting, several
    from rct_workbook.journal.steps import to_review

    if index is None:
        from rct_workbook.journal.index import open_index

        index, _ = open_index()
    try:
        known = index.settings()
        if given is not None:
            setting = match_setting(clean_setting(given), known)
            if drafted is not None and drafted != setting:
                raise WorkbookError(
                    f"your unfinished assessment is about {drafted!r}; continue it with --setting {drafted!r},"
                    " or start again without --resume"
                )
        elif drafted is not None:
            setting = drafted
        else:
            found = default_setting(known)
            if found is None:
                if asker is None:
                    raise several(known)
                found = choose_setting(asker, known)
            setting = match_setting(found, known)
        steps: list[StepItem] = []
        if full:
            _, steps = to_review(index.rows(kind="assess", setting=setting, fields="life"), setting)
    finally:
        index.close()
    return Where(setting, tuple(steps))
