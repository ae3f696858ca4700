"""The walk's fast path (whole weeks at once) agrees with the plain interval walk (SPEC 3.1)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from app.domain.business_time import (
    LATEST,
    Calendar,
    add_business_minutes,
    add_business_time,
    business_intervals,
    business_time_between,
    calendar_from_document,
)
from app.domain.errors import CalendarHasNoBusinessTime

DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
# DST in both hemispheres, none, a half-hour zone, a zone that changed its rules.
ZONES = [
    "Europe/Zurich",
    "America/New_York",
    "Australia/Sydney",
    "Asia/Tokyo",
    "Asia/Kolkata",
    "America/Santiago",
    "UTC",
]
COUNTRIES = [None, "CH", "US", "GB", "AU"]


@st.composite
def windows(draw: st.DrawFn) -> dict[str, object]:
    start = draw(st.integers(0, 24 * 60 - 1))
    end = draw(st.integers(start + 1, min(start + 600, 24 * 60)))
    return {
        "days": draw(st.lists(st.sampled_from(DAYS), min_size=1, max_size=7, unique=True)),
        "start": f"{start // 60:02d}:{start % 60:02d}",
        "end": f"{end // 60:02d}:{end % 60:02d}",
    }


@st.composite
def calendars(draw: st.DrawFn) -> Calendar:
    shifts = []
    for i in range(draw(st.integers(1, 3))):
        country = draw(st.sampled_from(COUNTRIES))
        closed = draw(
            st.lists(st.dates(date(2024, 1, 1), date(2040, 12, 31)), max_size=12, unique=True)
        )
        shifts.append(
            {
                "name": f"s{i}",
                "timezone": draw(st.sampled_from(ZONES)),
                "hours": draw(st.lists(windows(), min_size=1, max_size=3)),
                "holidays": None if country is None else {"country": country},
                "closed_dates": [d.isoformat() for d in closed],
            }
        )
    return calendar_from_document({"name": "drawn", "shifts": shifts})


starts = st.datetimes(datetime(2024, 1, 1), datetime(2036, 12, 31), timezones=st.just(UTC))
far_starts = st.datetimes(datetime(1901, 1, 1), datetime(2188, 12, 31), timezones=st.just(UTC))


def plain_add(calendar: Calendar, start: datetime, duration: timedelta) -> datetime:
    """The plain walk: every open interval in turn, until the duration is used up."""
    left = duration
    for s, e in business_intervals(calendar, start, start + timedelta(days=11 * 366)):
        if e - s >= left:
            return s + left
        left -= e - s
    raise AssertionError("not reached within 11 years")


@settings(max_examples=60, deadline=None)
@given(calendars(), st.one_of(starts, far_starts), st.integers(1, 500), st.integers(0, 10_079))
def test_skipping_whole_weeks_gives_the_plain_walks_due_time(
    calendar: Calendar, start: datetime, weeks: int, minute_of_week: int
) -> None:
    # Targets spanning up to ~10 years of this calendar's weeks, to any minute of one.
    week = business_time_between(calendar, start, start + timedelta(days=7)) // timedelta(minutes=1)
    minutes = max(1, (weeks - 1) * week + minute_of_week * week // 10_080)
    try:
        fast = add_business_minutes(calendar, start, minutes)
    except CalendarHasNoBusinessTime:
        assume(False)
    assert fast == plain_add(calendar, start, timedelta(minutes=minutes))


@settings(max_examples=40, deadline=None)
@given(calendars(), st.one_of(starts, far_starts), st.integers(1, 5 * 366))
def test_business_time_over_many_weeks_is_the_sum_of_its_intervals(
    calendar: Calendar, start: datetime, days: int
) -> None:
    end = start + timedelta(days=days)
    plain = sum((e - s for s, e in business_intervals(calendar, start, end)), timedelta(0))
    assert business_time_between(calendar, start, end) == plain


ONE_MINUTE_A_WEEK = calendar_from_document(
    {
        "name": "sparse",
        "shifts": [
            {
                "timezone": "Europe/Zurich",
                "hours": [{"days": ["mon"], "start": "08:00", "end": "08:01"}],
                "holidays": {"country": "CH"},
            }
        ],
    }
)


def test_a_target_out_of_reach_is_refused_not_walked_for_ever() -> None:
    start = datetime(2026, 1, 5, tzinfo=UTC)
    with pytest.raises(CalendarHasNoBusinessTime, match="within 10 years"):
        add_business_minutes(ONE_MINUTE_A_WEEK, start, 390_000)
    # 500 weekly minutes, Easter and other Monday holidays skipped: less than 10 years.
    due = add_business_minutes(ONE_MINUTE_A_WEEK, start, 500)
    assert datetime(2035, 1, 1, tzinfo=UTC) < due < datetime(2036, 6, 1, tzinfo=UTC)
    assert due == plain_add(ONE_MINUTE_A_WEEK, start, timedelta(minutes=500))


def test_no_due_time_lies_beyond_2200() -> None:
    late = datetime(2199, 6, 1, tzinfo=UTC)
    with pytest.raises(CalendarHasNoBusinessTime, match="2200"):
        add_business_time(ONE_MINUTE_A_WEEK, late, timedelta(minutes=60))
    assert LATEST.year == 2200
