"""`rct group rota --every` takes a monthly choice (#24): "1m" keeps the day of the month, and a
weekday of the month ("first tuesday", "last friday") falls on that weekday each month."""

from __future__ import annotations

import calendar
import datetime as _dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rct_workbook.group import ORDINALS, WEEKDAYS, meeting_dates
from tests.helpers import Run


def test_monthly_keeps_the_day_or_the_months_last() -> None:
    dates = meeting_dates(_dt.date(2027, 1, 31), 4, "1m")
    assert dates == [_dt.date(2027, 1, 31), _dt.date(2027, 2, 28), _dt.date(2027, 3, 31), _dt.date(2027, 4, 30)]


@given(
    start=st.dates(min_value=_dt.date(2000, 1, 1), max_value=_dt.date(2100, 1, 1)),
    ordinal=st.sampled_from(list(ORDINALS)),
    weekday=st.sampled_from(WEEKDAYS),
    meetings=st.integers(min_value=1, max_value=14),
)
def test_a_weekday_of_the_month_is_that_weekday_once_a_month(
    start: _dt.date, ordinal: str, weekday: str, meetings: int
) -> None:
    dates = meeting_dates(start, meetings, f"{ordinal} {weekday}")
    assert dates is not None and len(dates) == meetings
    assert dates[0] >= start and dates == sorted(set(dates))
    months = [(d.year, d.month) for d in dates]
    assert len(set(months)) == meetings  # one meeting a month
    for day in dates:
        assert day.weekday() == WEEKDAYS.index(weekday)
        days_in_month = calendar.monthrange(day.year, day.month)[1]
        nth = ORDINALS[ordinal]
        if nth > 0:
            assert (day.day - 1) // 7 + 1 == nth
        else:
            assert day.day + 7 > days_in_month  # the last one


@pytest.mark.parametrize("every", ["3d", "every month", "fifth monday", "first someday", ""])
def test_what_is_not_a_rhythm_is_refused(every: str) -> None:
    assert meeting_dates(_dt.date(2027, 1, 1), 3, every) is None


def test_rota_every_first_tuesday(run: Run) -> None:
    args = ["--members", "Ana,Bo", "--meetings", "3", "--start", "2027-02-10", "--every", "first tuesday"]
    result = run("group", "rota", *args)
    assert result.exit_code == 0, result.stderr
    assert "| 1 | 2027-03-02 | Ana |\n| 2 | 2027-04-06 | Bo |\n| 3 | 2027-05-04 | Ana |" in result.stdout
