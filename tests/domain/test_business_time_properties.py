"""Laws the business-time engine must obey for any calendar and instant (SPEC 3.1)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from app.domain.business_time import (
    Calendar,
    Period,
    add_business_time,
    business_time_between,
    calendar_from_document,
    is_business_time,
    next_opening,
    period_at,
)
from app.domain.sla import ClockKind, add_clock_time, counted_time, due_with_pauses

WEEKDAYS = ["mon", "tue", "wed", "thu", "fri"]
MICROSECOND = timedelta(microseconds=1)


def calendar(*shifts: tuple[str, list[tuple[list[str], str, str]], str | None]) -> Calendar:
    return calendar_from_document(
        {
            "name": "law",
            "shifts": [
                {
                    "name": zone,
                    "timezone": zone,
                    "hours": [{"days": d, "start": s, "end": e} for d, s, e in hours],
                    "holidays": None if country is None else {"country": country},
                    "closed_dates": ["2027-06-15", "2028-02-29"],
                }
                for zone, hours, country in shifts
            ],
        }
    )


CALENDARS = [
    calendar(("Asia/Ho_Chi_Minh", [(WEEKDAYS, "08:00", "18:00")], "VN")),
    calendar(
        ("Europe/Berlin", [(WEEKDAYS, "09:00", "17:00")], "DE"),
        ("America/New_York", [(WEEKDAYS, "09:00", "17:00")], "US"),
    ),
    calendar(
        (
            "Europe/London",
            [(WEEKDAYS, "22:00", "24:00"), (["tue", "wed", "thu", "fri", "sat"], "00:00", "06:00")],
            "GB",
        )
    ),
    calendar(("UTC", [(WEEKDAYS, "08:00", "12:00"), (WEEKDAYS, "13:00", "17:00")], None)),
    calendar(("America/Los_Angeles", [(WEEKDAYS, "00:00", "24:00")], "US")),
    # windows inside the New York DST gap and overlap hours
    calendar(
        ("America/New_York", [(["sun"], "01:00", "03:00"), (["mon"], "09:00", "10:00")], None)
    ),
]
ZONES: list[Any] = [
    UTC,
    ZoneInfo("Asia/Tokyo"),
    ZoneInfo("America/New_York"),
    ZoneInfo("Europe/London"),
    timezone(timedelta(hours=-3, minutes=-30)),
]

calendars = st.sampled_from(CALENDARS)
zones = st.sampled_from(ZONES)
instants = st.datetimes(
    min_value=datetime(2026, 1, 1), max_value=datetime(2028, 12, 31), timezones=zones
)
durations = st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=12))
positive_durations = st.timedeltas(min_value=MICROSECOND, max_value=timedelta(days=12))


@settings(max_examples=500, deadline=None)
@given(calendars, instants, durations, positive_durations)
def test_adding_in_two_steps_equals_adding_once(
    cal: Calendar, start: datetime, a: timedelta, b: timedelta
) -> None:
    # b > 0: a zero second step would snap a due time at a window's end to the next opening
    assert add_business_time(cal, add_business_time(cal, start, a), b) == add_business_time(
        cal, start, a + b
    )


@settings(max_examples=500, deadline=None)
@given(calendars, instants, durations)
def test_business_time_from_start_to_due_is_the_duration(
    cal: Calendar, start: datetime, duration: timedelta
) -> None:
    assert business_time_between(cal, start, add_business_time(cal, start, duration)) == duration


@settings(max_examples=500, deadline=None)
@given(calendars, instants, positive_durations)
def test_a_due_time_is_never_inside_a_closed_period(
    cal: Calendar, start: datetime, duration: timedelta
) -> None:
    due = add_business_time(cal, start, duration)
    assert due > start
    assert is_business_time(cal, due - MICROSECOND)


@settings(max_examples=500, deadline=None)
@given(calendars, instants, zones, durations, instants)
def test_results_do_not_depend_on_the_offset_an_instant_is_written_in(
    cal: Calendar, start: datetime, zone: Any, duration: timedelta, other: datetime
) -> None:
    rewritten = start.astimezone(zone)
    due = add_business_time(cal, start, duration)
    assert add_business_time(cal, rewritten, duration) == due
    assert due.tzinfo is UTC
    assert period_at(cal, rewritten) is period_at(cal, start)
    assert business_time_between(cal, rewritten, other) == business_time_between(cal, start, other)
    assert next_opening(cal, rewritten) == next_opening(cal, start)


@settings(max_examples=500, deadline=None)
@given(calendars, instants, durations, durations)
def test_a_longer_target_is_never_due_sooner(
    cal: Calendar, start: datetime, d1: timedelta, d2: timedelta
) -> None:
    shorter, longer = sorted((d1, d2))
    assert add_business_time(cal, start, shorter) <= add_business_time(cal, start, longer)


@settings(max_examples=500, deadline=None)
@given(calendars, instants, instants, instants)
def test_business_time_between_adds_up(
    cal: Calendar, a: datetime, b: datetime, c: datetime
) -> None:
    between = business_time_between
    assert between(cal, a, b) + between(cal, b, c) == between(cal, a, c)
    assert between(cal, a, b) == -between(cal, b, a)


@settings(max_examples=500, deadline=None)
@given(calendars, instants)
def test_periods_and_openings_agree(cal: Calendar, instant: datetime) -> None:
    opening = next_opening(cal, instant)
    # compare in UTC: PEP 495 makes an imaginary fold=1 time unequal to every other zone
    assert (period_at(cal, instant) is Period.BH) == (opening == instant.astimezone(UTC))
    assert is_business_time(cal, opening)
    assert business_time_between(cal, instant, opening) == timedelta(0)
    if opening > instant:
        assert not is_business_time(cal, opening - MICROSECOND)


@settings(max_examples=500, deadline=None)
@given(
    calendars,
    st.sampled_from(list(ClockKind)),
    instants,
    positive_durations,
    st.lists(st.tuples(instants, st.timedeltas(timedelta(0), timedelta(days=4))), max_size=4),
)
def test_pauses_extend_the_due_time_by_exactly_the_counted_time_lost(
    cal: Calendar,
    clock: ClockKind,
    start: datetime,
    duration: timedelta,
    spans: list[tuple[datetime, timedelta]],
) -> None:
    # lengths in real time: `+` on a zoned datetime is wall-clock arithmetic
    pauses: list[tuple[datetime, datetime | None]] = [
        (a, a.astimezone(UTC) + length) for a, length in spans
    ]
    due = due_with_pauses(cal, clock, start, duration, pauses)
    assert due is not None
    assert counted_time(cal, clock, start, due, pauses) == duration
    assert due >= add_clock_time(cal, clock, start, duration)
    assume(due - MICROSECOND > start)
    assert counted_time(cal, clock, start, due - MICROSECOND, pauses) < duration


ALWAYS_OPEN = calendar_from_document(
    {
        "name": "24x7",
        "shifts": [
            {
                "timezone": "Asia/Kolkata",
                "hours": [
                    {
                        "days": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
                        "start": "00:00",
                        "end": "24:00",
                    }
                ],
            }
        ],
    }
)


@settings(max_examples=500, deadline=None)
@given(instants, durations, instants)
def test_on_an_always_open_calendar_business_time_is_real_time(
    start: datetime, duration: timedelta, end: datetime
) -> None:
    assert add_business_time(ALWAYS_OPEN, start, duration) == start.astimezone(UTC) + duration
    assert business_time_between(ALWAYS_OPEN, start, end) == end.astimezone(UTC) - start.astimezone(
        UTC
    )
