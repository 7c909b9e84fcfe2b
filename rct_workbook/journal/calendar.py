"""The small steps and the next check-in as an iCalendar file (data only).

Each open step with a date becomes an all-day event on that date; each setting's next
check-in, when one is set, another. Every event's UID is made from what it stands for
(the step's id, or the setting), never from the time of writing, so importing the file
again updates the events in a calendar rather than adding copies. DTSTAMP is the time the
step or check-in was recorded, so writing twice gives the same file.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from rct_workbook.journal.steps import StepItem, instant
from rct_workbook.model.commonmark import one_line

DOMAIN = "rct-workbook"


@dataclass(frozen=True)
class CheckIn:
    setting: str
    day: _dt.date
    chosen: str  # when it was chosen: the assessment's time (ISO, with offset)


def step_uid(step_id: str) -> str:
    return f"step-{hashlib.sha256(step_id.encode('utf-8')).hexdigest()[:24]}@{DOMAIN}"


def check_in_uid(setting: str) -> str:
    return f"check-in-{hashlib.sha256(setting.encode('utf-8')).hexdigest()[:24]}@{DOMAIN}"


def _stamp(text: str) -> _dt.datetime:
    when = instant(text).astimezone(_dt.UTC).replace(microsecond=0)
    return when if when.year > 1 else _dt.datetime(2000, 1, 1, tzinfo=_dt.UTC)


def steps_ics(steps: Sequence[StepItem], check_ins: Sequence[CheckIn]) -> bytes:
    """The open dated steps and the check-ins as all-day events."""
    from icalendar import Calendar, Event

    cal = Calendar()
    cal.add("prodid", f"-//{DOMAIN}//small steps//EN")
    cal.add("version", "2.0")
    for step in steps:
        due = step.due
        if due is None or not step.is_open:
            continue
        event = Event()
        event.add("uid", step_uid(step.id))
        event.add("summary", f"Small step: {one_line(step.what)}")
        event.add("dtstart", due)
        event.add("dtend", due + _dt.timedelta(days=1))
        event.add("dtstamp", _stamp(step.history[-1].date if step.history else step.created))
        # "With whom" names people; it stays out of a file that may be synced to a calendar service.
        where = f"Setting: {one_line(step.setting)}." if step.setting else f"From the case {one_line(step.case or '')}."
        lines = [where]
        lines.append(f"When it is done, or tried: rct steps done {step.id} (or tried, carry, drop).")
        event.add("description", " ".join(lines))
        cal.add_component(event)
    for check_in in check_ins:
        event = Event()
        event.add("uid", check_in_uid(check_in.setting))
        event.add("summary", f"Check-in: {one_line(check_in.setting)}")
        event.add("dtstart", check_in.day)
        event.add("dtend", check_in.day + _dt.timedelta(days=1))
        event.add("dtstamp", _stamp(check_in.chosen))
        event.add(
            "description",
            f"Time to look back at your small steps in {one_line(check_in.setting)}: rct assess --setting "
            f"{_quoted(check_in.setting)}",
        )
        cal.add_component(event)
    return bytes(cal.to_ical())


def _quoted(value: str) -> str:
    import shlex

    return shlex.quote(value)
