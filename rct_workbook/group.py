"""Group supervision: a meeting agenda from members' exports, and the collaborative-complaining rota.

Pure functions over text and dates; the CLI reads and writes the files.
"""

from __future__ import annotations

import datetime as _dt
import json
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictFloat, StrictInt, StrictStr

from rct_workbook.journal.export import EXPORT_MARK
from rct_workbook.journal.reflection import human_date
from rct_workbook.model import commonmark as md

_ENTRY_START = "<!-- rct-entry {"
_ENTRY_END = "} -->"


class NotAnExport(ValueError):
    """A file that is not an rct-workbook export (the message says why)."""


class PlanStep(BaseModel):
    """One small step of an entry summary's plan."""

    model_config = ConfigDict(extra="allow", strict=True, populate_by_name=True, frozen=True)
    what: StrictStr | None = None
    with_: StrictStr | None = Field(default=None, alias="with")
    by: StrictStr | None = None
    risk: StrictStr | None = None


class EntrySummary(BaseModel):
    """What `rct group agenda` and `rct workshop profile` read of an entry summary, as
    `rct journal export` writes it (format 1; keys rct does not read are kept as extras).

    Made only by ``parse_export``, which checks every key it reads."""

    model_config = ConfigDict(extra="allow", strict=True, frozen=True)
    kind: StrictStr | None = None
    date: StrictStr | None = None
    title: StrictStr | None = None
    check_in_first: StrictBool | None = None
    mean: StrictInt | StrictFloat | None = None
    profile_summary: StrictStr | None = None
    leading: list[StrictStr] = []
    plan: list[PlanStep] = []
    strategies: list[StrictStr] = []
    ask: StrictStr | None = None
    questions: list[StrictStr] = []
    vignette: StrictStr | None = None
    # Read by `rct workshop profile`: ratings and ticked practice ids only.
    good_things: dict[StrictStr, StrictInt | None] = {}
    practices: list[StrictStr] = []
    connecting: list[StrictStr] = []
    # The name the member shares under, and the entry's anonymous token (the same in every
    # export of one entry, nothing else): exports made before these existed have neither.
    member: StrictStr | None = None
    token: StrictStr | None = None


@dataclass(frozen=True)
class MemberExport:
    member: str
    entries: tuple[EntrySummary, ...]

    @property
    def check_in_first(self) -> bool:
        """The member asked, at export, for the group to check in with them first."""
        return any(entry.check_in_first is True for entry in self.entries)


#: Said to the facilitator for a member who asked to be checked in with first. It carries no
#: reason: the member chose to share only the wish.
CHECK_IN_LINE = (
    "Asked for the group to check in with them first. Begin there, gently: ask how they are, "
    "let them say as much or as little as they want, and leave their plan for later unless they want it."
)


def _summaries(text: str) -> Iterator[str]:
    """The JSON of each entry summary comment, found in one linear pass over ``text``.

    A summary is one line. On each line the end marker is sought only up to the line's end,
    and a line whose start has no end there is left at once (no later start on that line can
    have one either), so no character is looked at more than a fixed number of times: a
    forged file of 40,000 unclosed "<!-- rct-entry {" lines with one "} -->" at the very end,
    or a 2 MB line of starts, takes linear time, not quadratic.
    """
    pos, size = 0, len(text)
    while pos < size:
        start = text.find(_ENTRY_START, pos)
        if start == -1:
            return
        line_end = text.find("\n", start)
        if line_end == -1:
            line_end = size
        end = text.find(_ENTRY_END, start + len(_ENTRY_START) - 1, line_end)
        if end == -1:
            pos = line_end + 1  # no end on this line: nothing more to find on it
            continue
        yield text[start + len(_ENTRY_START) - 1 : end + 1]
        pos = end + len(_ENTRY_END)


def _checked(data: Any) -> EntrySummary:
    """An entry summary with the shape rct writes, or NotAnExport naming the key."""
    from pydantic import ValidationError

    try:
        return EntrySummary.model_validate(data)
    except ValidationError as exc:
        error = exc.errors(include_url=False)[0]
        key = ".".join(str(p) for p in error["loc"] if not isinstance(p, int)) or "the summary"
        raise NotAnExport(f"an entry's summary has a wrong {key!r} ({error['msg'].lower()}); export it again") from None


def parse_export(member: str, text: str) -> MemberExport:
    """The entries in one member's export (format 1), or NotAnExport."""
    if not text.lstrip("\ufeff").startswith(EXPORT_MARK):
        raise NotAnExport("it is not an rct-workbook export in Markdown (rct journal export --format md makes one)")
    entries = []
    for found in _summaries(text):
        try:
            data = json.loads(found)
        except (json.JSONDecodeError, RecursionError):  # RecursionError: nested far too deep
            raise NotAnExport("an entry's summary is damaged; export it again") from None
        if isinstance(data, dict):
            entries.append(_checked(data))
    if not entries:
        raise NotAnExport("it holds no entries")
    shared_as = next((" ".join(e.member.split()) for e in entries if e.member and e.member.strip()), "")
    return MemberExport(shared_as or member, tuple(entries))


#: An export larger than this is not read.
MAX_EXPORT_BYTES = 5 * 1024 * 1024


def read_export_files(paths: Sequence[Path], *, unique: bool = False) -> tuple[list[MemberExport], list[str]]:
    """Parse each file as an export (the member named by the name the export was shared under,
    else after the file).

    Returns the exports and, for each file skipped, a one-line reason naming it. With
    ``unique``, a file identical to one already read is skipped, so nobody is counted twice.
    """
    import hashlib

    from rct_workbook.storage import NotReadable, read_bounded

    exports: list[tuple[MemberExport, Path]] = []
    skipped: list[str] = []
    seen: dict[str, Path] = {}
    for path in paths:
        try:
            try:
                raw = read_bounded(path, MAX_EXPORT_BYTES)
            except NotReadable as exc:
                raise NotAnExport(str(exc)) from None
            text = raw.decode("utf-8")
            export = parse_export(path.stem, text)
        except (OSError, UnicodeDecodeError, NotAnExport) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            if isinstance(exc, UnicodeDecodeError):
                reason = "it is not UTF-8 text"
            skipped.append(f"skipped {path}: {reason}")
            continue
        digest = hashlib.sha256(raw).hexdigest()
        if unique and digest in seen:
            skipped.append(f"skipped {path}: it is the same export as {seen[digest]}")
            continue
        seen[digest] = path
        exports.append((export, path))
    return _named_apart(exports), skipped


def _named_apart(exports: list[tuple[MemberExport, Path]]) -> list[MemberExport]:
    """Members named by their display names, with the file's name added where two share one."""
    from dataclasses import replace

    counts = Counter(e.member.casefold() for e, _ in exports)
    return [
        replace(e, member=f"{e.member} ({path.stem})")
        if counts[e.member.casefold()] > 1 and e.member != path.stem
        else e
        for e, path in exports
    ]


@dataclass(frozen=True)
class Slot:
    member: str
    minutes: int


def time_boxes(members: Sequence[str], total: int) -> tuple[int, list[Slot], int]:
    """Opening minutes, one equal slot per member, closing minutes."""
    edges = 5 if total >= 30 else 0
    each = max(1, (total - 2 * edges) // max(1, len(members)))
    return edges, [Slot(m, each) for m in members], edges


_PLACEHOLDER = re.compile(r"\[(Person|Email|Phone|Link|IP address|Date|Number|Record|Address|Postcode|Place) (\w+)\]")


def _own(text: str, member: str) -> str:
    """A member's placeholders kept apart from another's: "[Person A]" in Ana's export reads
    "Ana's [Person A]", so the same letter in two exports is never read as one person."""
    return _PLACEHOLDER.sub(lambda m: f"{member}'s {m.group()}", text)


def _names(ids: Sequence[str], labels: dict[str, str]) -> str:
    return ", ".join(labels.get(i, i) for i in ids)


_REVIEWED = {"done": "done", "tried": "tried", "carried": "carried forward", "dropped": "let go"}


def _review_lines(entry: EntrySummary) -> list[str]:
    """ "Since last time" as an export's summary holds it (``review``: what, status, note),
    one line per step; anything not in that shape is left out."""
    review = (entry.model_extra or {}).get("review")
    lines = []
    for item in review if isinstance(review, list) else []:
        if not isinstance(item, dict) or not isinstance(item.get("what"), str) or item.get("status") not in _REVIEWED:
            continue
        note = item.get("note")
        line = f"“{' '.join(item['what'].split())}”: {_REVIEWED[item['status']]}"
        lines.append(line + (f" ({' '.join(note.split())})" if isinstance(note, str) and note.strip() else ""))
    return lines


def agenda(
    exports: Sequence[MemberExport],
    *,
    minutes: int,
    day: _dt.date,
    culture_names: dict[str, str],
    strategy_names: dict[str, str],
) -> str:
    """One meeting agenda as Markdown. Members who asked to be checked in with come first."""
    exports = sorted(exports, key=lambda e: not e.check_in_first)
    opening, slots, closing = time_boxes([e.member for e in exports], minutes)
    cultures: Counter[str] = Counter()
    strategies: Counter[str] = Counter()
    questions: list[str] = []
    for export in exports:
        member_cultures: set[str] = set()
        member_strategies: set[str] = set()
        for entry in export.entries:
            member_cultures.update(entry.leading)
            member_strategies.update(entry.strategies)
            questions.extend(_own(q, export.member) for q in entry.questions)
        cultures.update(member_cultures)
        strategies.update(member_strategies)
    lines = [md.heading(1, f"Peer-supervision meeting, {human_date(day)}"), ""]
    lines += [md.escape_line(f"{minutes} minutes, {len(exports)} member{'s' if len(exports) != 1 else ''}."), ""]
    lines += [md.heading(2, "Time boxes"), ""]
    plan = []
    if opening:
        plan.append(f"Opening and check-in: {opening} minutes")
    first = {e.member for e in exports if e.check_in_first}
    plan += [
        f"{s.member}: {s.minutes} minutes" + (", starting with a check-in" if s.member in first else "") for s in slots
    ]
    if closing:
        plan.append(f"Themes and closing: {closing} minutes")
    lines += [md.numbered_list(plan), ""]
    lines += [md.heading(2, "Themes across members"), ""]
    theme = []
    if cultures:
        theme.append(
            "Culture types: " + ", ".join(f"{culture_names.get(c, c)} ({n})" for c, n in cultures.most_common())
        )
    if strategies:
        theme.append(
            "Strategies planned: " + ", ".join(f"{strategy_names.get(s, s)} ({n})" for s, n in strategies.most_common())
        )
    lines += [md.bullet_list(theme) if theme else md.escape_line("No shared themes in these exports."), ""]
    for slot, export in zip(slots, exports, strict=True):
        lines += [md.heading(2, f"{export.member} ({slot.minutes} minutes)"), ""]
        if export.check_in_first:
            lines += [md.escape_line(CHECK_IN_LINE), ""]
        for entry in export.entries:
            title = _own(entry.title or entry.kind or "", export.member)
            lines += [md.heading(3, f"{title} ({entry.date or ''})"), ""]
            items = []
            if entry.profile_summary:
                items.append(f"Reading: {entry.profile_summary}")
            if entry.mean is not None:
                items.append(f"Mean of the five good things: {entry.mean} of 5")
            if entry.leading:
                items.append(f"Culture types present: {_names(entry.leading, culture_names)}")
            items += [f"Since last time: {line}" for line in _review_lines(entry)]
            for i, step in enumerate(entry.plan, 1):
                if step.what:
                    extra = "; ".join(
                        f"{label} {value}"
                        for value, label in ((step.with_, "with"), (step.by, "by"), (step.risk, "risk"))
                        if value
                    )
                    # A step carried into this plan is the same step, planned earlier.
                    carried = (step.model_extra or {}).get("carried") is True
                    name = "Small step carried forward" if carried else f"Small step {i}"
                    items.append(f"{name}: {step.what}" + (f" ({extra})" if extra else ""))
            if entry.ask:
                items.append(f"Asks of the group: {entry.ask}")
            if entry.vignette:
                items.append(f"A reflection on the {entry.vignette} vignette")
            items = [_own(item, export.member) for item in items]
            lines += [md.bullet_list(items) if items else md.escape_line("No summary shared."), ""]
    unique_questions = list(dict.fromkeys(questions))
    if unique_questions:
        lines += [md.heading(2, "Discussion questions"), "", md.numbered_list(unique_questions), ""]
    return "\n".join(lines).rstrip("\n") + "\n"


# --- the collaborative-complaining rota --------------------------------------------------------

EVERY = {"1w": 7, "2w": 14, "4w": 28}


@dataclass(frozen=True)
class Turn:
    meeting: int
    date: _dt.date
    member: str


def rota(members: Sequence[str], meetings: int, start: _dt.date, every_days: int) -> list[Turn]:
    """Who raises the practice at each meeting: round robin, so nobody raises it a second
    time before everyone has raised it once, and counts never differ by more than one."""
    dates = [start + _dt.timedelta(days=every_days * i) for i in range(meetings)]
    return rota_on(members, dates)


def rota_on(members: Sequence[str], dates: Sequence[_dt.date]) -> list[Turn]:
    """The round robin of ``rota`` over the meetings' ``dates``."""
    return [Turn(i + 1, day, members[i % len(members)]) for i, day in enumerate(dates)]


WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": -1}
#: What --every takes, said in its help and its error.
EVERY_FORMS = '1w, 2w, 4w, 1m (monthly, on the first meeting\'s day) or a weekday of the month such as "first tuesday"'


def meeting_dates(start: _dt.date, meetings: int, every: str) -> list[_dt.date] | None:
    """The dates of ``meetings`` meetings from ``start``, ``every`` as --every takes it; None if
    ``every`` is none of ``EVERY_FORMS``. A weekday of the month ("first tuesday", "last
    friday") starts with the first such day on or after ``start``; "1m" keeps the day of the
    month, or the month's last day where it has no such day (31 January, then 28 February)."""
    text = " ".join(every.casefold().replace("-", " ").split())
    if text in EVERY:
        return [start + _dt.timedelta(days=EVERY[text] * i) for i in range(meetings)]
    if text in ("1m", "monthly"):
        return [_in_month(start, i, start.day) for i in range(meetings)]
    words = text.split()
    if len(words) != 2 or words[0] not in ORDINALS:
        return None
    weekday = next((i for i, name in enumerate(WEEKDAYS) if len(words[1]) >= 3 and name.startswith(words[1])), None)
    if weekday is None:
        return None
    nth = ORDINALS[words[0]]
    dates: list[_dt.date] = []
    month = 0
    while len(dates) < meetings:
        day = _nth_weekday(_in_month(start, month, 1), nth, weekday)
        if day >= start:
            dates.append(day)
        month += 1
    return dates


def _in_month(start: _dt.date, months: int, day: int) -> _dt.date:
    """``day`` of the month ``months`` after ``start``'s (the month's last day if it has fewer)."""
    import calendar

    year, month = divmod(start.month - 1 + months, 12)
    year, month = start.year + year, month + 1
    return _dt.date(year, month, min(day, calendar.monthrange(year, month)[1]))


def _nth_weekday(first: _dt.date, nth: int, weekday: int) -> _dt.date:
    """The ``nth`` ``weekday`` of ``first``'s month (nth -1: the last)."""
    import calendar

    if nth > 0:
        return first + _dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
    return last - _dt.timedelta(days=(last.weekday() - weekday) % 7)


def rota_markdown(turns: Sequence[Turn], topic: str | None) -> str:
    topic = md.one_line(topic) if topic else None  # a newline in --topic would end the paragraph
    title = "Collaborative complaining rota"
    lines = [md.heading(1, title), ""]
    about = (
        f"Who raises the practice ({topic}) at each meeting. " if topic else "Who raises the practice at each meeting. "
    )
    lines += [
        md.escape_line(about + "Taking turns means no one is singled out as a troublemaker (Hartling & Sparks, 2002)."),
        "",
        "| Meeting | Date | Raises it |",
        "| --- | --- | --- |",
    ]
    lines += [f"| {t.meeting} | {t.date.isoformat()} | {md.escape_line(md.one_line(t.member))} |" for t in turns]
    return "\n".join(lines) + "\n"


def rota_ics(turns: Sequence[Turn], topic: str | None) -> bytes:
    """The rota as an iCalendar file: one all-day event per meeting."""
    import hashlib

    from icalendar import Calendar, Event

    cal = Calendar()
    cal.add("prodid", "-//rct-workbook//collaborative complaining rota//EN")
    cal.add("version", "2.0")
    stamp = _dt.datetime.now(_dt.UTC).replace(microsecond=0)
    topic = md.one_line(topic) if topic else None
    for turn in turns:
        event = Event()
        what = f": {topic}" if topic else ""
        member = md.one_line(turn.member)  # no ESC, BEL or line break in a calendar's SUMMARY
        event.add("summary", f"Collaborative complaining: {member} raises the practice{what}")
        event.add("dtstart", turn.date)
        event.add("dtend", turn.date + _dt.timedelta(days=1))
        event.add("dtstamp", stamp)
        digest = hashlib.sha256(f"{turn.meeting}|{turn.date}|{turn.member}|{topic}".encode()).hexdigest()[:24]
        event.add("uid", f"{digest}@rct-workbook")
        event.add("description", "Taking turns so that no one is singled out (Hartling & Sparks, 2002).")
        cal.add_component(event)
    return bytes(cal.to_ical())
