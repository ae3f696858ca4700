"""Business-time engine: periods, due instants and calendars (SPEC 3, 3.1, Appendix A).

Every expected instant is worked out by hand in the comment beside it.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from app.domain.business_time import (
    Calendar,
    Period,
    Shift,
    add_business_minutes,
    add_business_time,
    business_intervals,
    business_minutes_per_day,
    business_time_between,
    calendar_from_document,
    calendar_to_document,
    is_business_time,
    next_opening,
    period_at,
    weekly_hours,
)
from app.domain.calendar_model import holiday_dates
from app.domain.errors import CalendarHasNoBusinessTime, InvalidCalendar

WEEKDAYS = ["mon", "tue", "wed", "thu", "fri"]


def shift(
    timezone: str,
    hours: list[tuple[list[str], str, str]],
    holidays: str | None = None,
    closed: tuple[str, ...] = (),
) -> dict[str, Any]:
    return {
        "name": timezone,
        "timezone": timezone,
        "hours": [{"days": days, "start": start, "end": end} for days, start, end in hours],
        "holidays": None if holidays is None else {"country": holidays, "subdivision": None},
        "closed_dates": list(closed),
    }


def calendar(*shifts: dict[str, Any]) -> Calendar:
    return calendar_from_document({"name": "test", "shifts": list(shifts)})


def at(text: str) -> datetime:
    return datetime.fromisoformat(text)


# Appendix A, verbatim.
AARENET = calendar_from_document(
    {
        "name": "Aarenet HCMC",
        "shifts": [
            {
                "name": "HCMC",
                "timezone": "Asia/Ho_Chi_Minh",
                "hours": [{"days": WEEKDAYS, "start": "08:00", "end": "18:00"}],
                "holidays": {"country": "VN", "subdivision": None},
                "closed_dates": ["2026-12-24"],
            }
        ],
    }
)
# A CET and an EST shift (Bicom-like). In January Berlin is UTC+1 and New York UTC-5,
# so the shifts are 08:00-16:00Z and 14:00-22:00Z: union 08:00-22:00Z, overlap 14-16Z.
UNION = calendar(
    shift("Europe/Berlin", [(WEEKDAYS, "09:00", "17:00")], holidays="DE"),
    shift("America/New_York", [(WEEKDAYS, "09:00", "17:00")], holidays="US"),
)
IPASS = calendar(shift("America/Los_Angeles", [(WEEKDAYS, "00:00", "24:00")], holidays="US"))
SPLIT_DAY = calendar(shift("UTC", [(WEEKDAYS, "08:00", "12:00"), (WEEKDAYS, "13:00", "17:00")]))
# A night shift written as two windows; London is UTC+0 in winter.
NIGHT = calendar(
    shift(
        "Europe/London",
        [(WEEKDAYS, "22:00", "24:00"), (["tue", "wed", "thu", "fri", "sat"], "00:00", "06:00")],
        holidays="GB",
    )
)
LONDON = calendar(shift("Europe/London", [(WEEKDAYS, "09:00", "17:00")]))
LONDON_GB = calendar(shift("Europe/London", [(WEEKDAYS, "09:00", "17:00")], holidays="GB"))
NEW_YORK = calendar(shift("America/New_York", [(WEEKDAYS, "09:00", "17:00")]))
NEW_YORK_US = calendar(shift("America/New_York", [(WEEKDAYS, "09:00", "17:00")], holidays="US"))


def test_appendix_a_example() -> None:
    # 17:45+07 = 10:45Z; 15 min to 18:00; Fri 1 Jan holiday, 2-3 Jan weekend;
    # the other 15 min from Mon 4 Jan 08:00+07 (01:00Z) -> 01:15Z.
    created = at("2026-12-31T17:45:00+07:00")
    assert period_at(AARENET, created) is Period.BH
    assert add_business_minutes(AARENET, created, 30) == at("2027-01-04T01:15:00Z")


@pytest.mark.parametrize(
    ("start", "minutes", "due"),
    [
        # at opening: Mon 08:00+07 + 30 -> 08:30+07 = 01:30Z
        ("2027-01-04T08:00:00+07:00", 30, "2027-01-04T01:30:00Z"),
        # at closing (not BH): counts from Tue 08:00+07 -> 08:30+07 = Tue 01:30Z
        ("2027-01-04T18:00:00+07:00", 30, "2027-01-05T01:30:00Z"),
        # a second before closing: 1 s Mon, 29 min 59 s from Tue 08:00+07 -> 01:29:59Z
        ("2027-01-04T17:59:59+07:00", 30, "2027-01-05T01:29:59Z"),
        # fills exactly at the window's end: Mon 17:30 + 30 -> Mon 18:00+07 = 11:00Z
        ("2027-01-04T17:30:00+07:00", 30, "2027-01-04T11:00:00Z"),
        # before opening: Mon 06:00+07 counts from 08:00 -> 10:00+07 = 03:00Z
        ("2027-01-04T06:00:00+07:00", 120, "2027-01-04T03:00:00Z"),
        # weekend: Fri 17:00 (60 min), Sat/Sun closed, Mon 08:00 + 60 -> 09:00+07 = 02:00Z
        ("2027-01-08T17:00:00+07:00", 120, "2027-01-11T02:00:00Z"),
        # 5 working days (3000 min) from Mon 08:00 fills Fri 18:00+07 = 11:00Z
        ("2027-01-04T08:00:00+07:00", 3000, "2027-01-08T11:00:00Z"),
        # closed date Thu 24 Dec 2026: Wed 17:30 (30 min), Fri 25 08:00 + 30 -> 01:30Z
        ("2026-12-23T17:30:00+07:00", 60, "2026-12-25T01:30:00Z"),
        # Tet 2027 (Thu 4 - Wed 10 Feb): Wed 3 17:00 (60), Thu 11 08:00 + 60 -> 02:00Z
        ("2027-02-03T17:00:00+07:00", 120, "2027-02-11T02:00:00Z"),
        # same instant written in UTC: 10:45Z = 17:45+07, as in Appendix A
        ("2026-12-31T10:45:00+00:00", 30, "2027-01-04T01:15:00Z"),
    ],
)
def test_aarenet_due_times(start: str, minutes: int, due: str) -> None:
    assert add_business_minutes(AARENET, at(start), minutes) == at(due)


def test_tet_2027_is_as_the_holidays_package_lists_it() -> None:
    # the Tet row above relies on these dates (holidays >= 0.109)
    tet = {date(2027, 2, d) for d in range(4, 11)}
    assert tet <= holiday_dates("VN", None, 2027)
    assert period_at(AARENET, at("2027-02-08T10:00:00+07:00")) is Period.NBH2  # a Monday


@pytest.mark.parametrize(
    ("instant", "period"),
    [
        ("2027-01-04T08:00:00+07:00", Period.BH),  # opening instant is BH
        ("2027-01-04T18:00:00+07:00", Period.NBH1),  # closing instant is not
        ("2027-01-04T07:59:59+07:00", Period.NBH1),  # working day, before hours
        ("2027-01-09T10:00:00+07:00", Period.NBH2),  # Saturday
        ("2027-01-01T10:00:00+07:00", Period.NBH2),  # New Year, a holiday
        ("2026-12-24T10:00:00+07:00", Period.NBH2),  # closed date
        ("2027-01-03T17:30:00Z", Period.NBH1),  # Sunday in UTC, Monday 00:30 in HCMC
    ],
)
def test_aarenet_periods(instant: str, period: Period) -> None:
    assert period_at(AARENET, at(instant)) is period


def test_zero_duration_is_due_at_start_when_open_else_at_next_opening() -> None:
    open_instant = at("2027-01-05T09:00:00+07:00")
    assert add_business_time(AARENET, open_instant, timedelta(0)) == open_instant
    # Fri 18:00+07 -> Mon 08:00+07 = 01:00Z
    closed = at("2027-01-08T18:00:00+07:00")
    assert add_business_time(AARENET, closed, timedelta(0)) == at("2027-01-11T01:00:00Z")
    assert next_opening(AARENET, closed) == at("2027-01-11T01:00:00Z")
    assert next_opening(AARENET, open_instant) == open_instant


def test_answers_are_utc_and_exact_to_the_microsecond() -> None:
    start = at("2027-01-04T09:00:00.250000+07:00")
    due = add_business_time(AARENET, start, timedelta(seconds=1, microseconds=5))
    assert due == at("2027-01-04T02:00:01.250005Z")
    assert due.tzinfo is UTC


def test_naive_instants_and_negative_durations_are_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        period_at(AARENET, datetime(2027, 1, 4, 9))
    with pytest.raises(ValueError, match="negative"):
        add_business_time(AARENET, at("2027-01-04T09:00:00Z"), timedelta(minutes=-1))


@pytest.mark.parametrize(
    ("cal", "start", "minutes", "due"),
    [
        # GB 2027: Sat 25, Sun 26, Mon 27 and Tue 28 (observed) closed.
        # Fri 24 16:00Z (60 min), Wed 29 09:00Z + 60 -> 10:00Z
        (LONDON_GB, "2027-12-24T16:00:00Z", 120, "2027-12-29T10:00:00Z"),
        # US 2027: Christmas observed Fri 24. Thu 23 16:30 EST (30 min), Mon 27 09:00 + 30
        # -> 09:30 EST = 14:30Z
        (NEW_YORK_US, "2027-12-23T16:30:00-05:00", 60, "2027-12-27T14:30:00Z"),
        # London DST starts Sun 28 Mar 2027: Fri 16:00 GMT (60 min), Mon 09:00 BST = 08:00Z
        # + 60 -> 09:00Z (the window keeps its local hours)
        (LONDON, "2027-03-26T16:00:00Z", 120, "2027-03-29T09:00:00Z"),
        # London DST ends Sun 31 Oct 2027: Fri 16:00 BST = 15:00Z (60), Mon 09:00 GMT + 60
        (LONDON, "2027-10-29T15:00:00Z", 120, "2027-11-01T10:00:00Z"),
        # New York DST starts Sun 14 Mar 2027: Fri 16:00 EST = 21:00Z (60 min),
        # Mon 09:00 EDT = 13:00Z + 60 -> 14:00Z
        (NEW_YORK, "2027-03-12T21:00:00Z", 120, "2027-03-15T14:00:00Z"),
        # New York DST ends Sun 7 Nov 2027: Fri 16:00 EDT = 20:00Z (60), Mon 09:00 EST
        # = 14:00Z + 60 -> 15:00Z
        (NEW_YORK, "2027-11-05T20:00:00Z", 120, "2027-11-08T15:00:00Z"),
    ],
)
def test_christmas_and_dst_weeks(cal: Calendar, start: str, minutes: int, due: str) -> None:
    assert add_business_minutes(cal, at(start), minutes) == at(due)


def test_a_window_keeps_its_local_hours_so_its_real_length_changes_on_dst_days() -> None:
    sundays = calendar(shift("Europe/London", [(["sun"], "00:00", "24:00")]))
    spring = business_time_between(sundays, at("2027-03-28T00:00:00Z"), at("2027-03-29T00:00Z"))
    autumn = business_time_between(sundays, at("2027-10-30T23:00:00Z"), at("2027-11-01T00:00Z"))
    assert spring == timedelta(hours=23)  # 00:00 GMT .. 24:00 BST
    assert autumn == timedelta(hours=25)  # 00:00 BST .. 24:00 GMT


def test_dst_gap_and_overlap_follow_zoneinfo_fold_0() -> None:
    # Sun 14 Mar 2027 NY: 02:00-03:00 does not exist; fold=0 reads 02:30 as EST (07:30Z).
    # Window 01:00-02:30: 01:00 EST = 06:00Z .. 07:30Z -> 90 min.
    gap = calendar(shift("America/New_York", [(["sun"], "01:00", "02:30")]))
    assert list(business_intervals(gap, at("2027-03-14T00:00Z"), at("2027-03-15T00:00Z"))) == [
        (at("2027-03-14T06:00Z"), at("2027-03-14T07:30Z"))
    ]
    # Window 02:30-03:00 maps to 07:30Z .. 07:00Z (03:00 is EDT): empty, dropped.
    empty = calendar(
        shift("America/New_York", [(["sun"], "02:30", "03:00"), (["mon"], "09:00", "10:00")])
    )
    assert business_time_between(empty, at("2027-03-14T00:00Z"), at("2027-03-15T00:00Z")) == (
        timedelta(0)
    )
    # Sun 7 Nov 2027 NY: 01:30 happens twice; fold=0 is the first (EDT, 05:30Z).
    # Window 01:30-03:00: 05:30Z .. 03:00 EST = 08:00Z -> 150 min.
    overlap = calendar(shift("America/New_York", [(["sun"], "01:30", "03:00")]))
    assert business_time_between(overlap, at("2027-11-07T00:00Z"), at("2027-11-08T00:00Z")) == (
        timedelta(minutes=150)
    )


@pytest.mark.parametrize(
    ("start", "minutes", "due"),
    [
        # 11:30 + 60: 30 min to 12:00, lunch closed, 13:00 + 30 -> 13:30Z
        ("2027-01-04T11:30:00Z", 60, "2027-01-04T13:30:00Z"),
        # fills exactly at the morning window's end -> 12:00Z
        ("2027-01-04T11:30:00Z", 30, "2027-01-04T12:00:00Z"),
        # from lunch: counts from 13:00 -> 13:10Z
        ("2027-01-04T12:30:00Z", 10, "2027-01-04T13:10:00Z"),
        # a full day is 240 + 240 = 480 min: Mon 08:00 + 480 -> Mon 17:00Z
        ("2027-01-04T08:00:00Z", 480, "2027-01-04T17:00:00Z"),
    ],
)
def test_several_windows_a_day(start: str, minutes: int, due: str) -> None:
    assert add_business_minutes(SPLIT_DAY, at(start), minutes) == at(due)


def test_lunch_break_is_nbh1_and_touching_windows_merge() -> None:
    assert period_at(SPLIT_DAY, at("2027-01-04T12:30:00Z")) is Period.NBH1
    touching = calendar(shift("UTC", [(WEEKDAYS, "08:00", "12:00"), (WEEKDAYS, "12:00", "17:00")]))
    assert list(business_intervals(touching, at("2027-01-04T00:00Z"), at("2027-01-05T00:00Z"))) == [
        (at("2027-01-04T08:00Z"), at("2027-01-04T17:00Z"))
    ]
    overlapping = calendar(shift("UTC", [(["mon"], "08:00", "12:00"), (["mon"], "10:00", "14:00")]))
    assert overlapping.shifts[0].weekly[0] == weekly_hours((["mon"], "08:00", "14:00"))[0]


@pytest.mark.parametrize(
    ("instant", "period"),
    [
        ("2027-01-12T07:00:00Z", Period.NBH1),  # Tue, before Berlin opens (08:00Z)
        ("2027-01-12T15:00:00Z", Period.BH),  # both shifts open
        ("2027-01-12T21:59:59Z", Period.BH),  # New York only
        ("2027-01-12T22:00:00Z", Period.NBH1),  # both closed, working day
        ("2027-01-18T18:00:00Z", Period.NBH1),  # MLK day in the US, Berlin works (closed now)
        ("2027-01-01T12:00:00Z", Period.NBH2),  # New Year in both
        ("2027-01-01T23:30:00Z", Period.NBH2),  # Berlin Sat 00:30, New York holiday 18:30
        ("2027-01-10T23:30:00Z", Period.NBH1),  # Sunday in New York, Monday 00:30 in Berlin
        ("2027-12-24T20:00:00Z", Period.NBH1),  # US observed Christmas; Berlin's 24th works
        ("2027-12-25T12:00:00Z", Period.NBH2),  # Saturday and Christmas
    ],
)
def test_union_periods(instant: str, period: Period) -> None:
    assert period_at(UNION, at(instant)) is period


def test_union_counts_overlapping_hours_once() -> None:
    # 08:00-22:00Z = 14 h, not 8 + 8 = 16 h
    tuesday = business_time_between(UNION, at("2027-01-12T00:00Z"), at("2027-01-13T00:00Z"))
    assert tuesday == timedelta(hours=14)
    # Thu 25 Mar: Berlin (UTC+1) 08-16Z, New York (EDT) 13-21Z -> 13 h; Good Friday (DE)
    # New York only 8 h; weekend 0; Easter Monday (DE) New York only 8 h -> 29 h
    easter = business_time_between(UNION, at("2027-03-25T00:00Z"), at("2027-03-30T00:00Z"))
    assert easter == timedelta(hours=29)


@pytest.mark.parametrize(
    ("start", "minutes", "due"),
    [
        # Tue 15:00Z + 480: 7 h to 22:00Z, Wed 08:00Z + 60 -> 09:00Z
        ("2027-01-12T15:00:00Z", 480, "2027-01-13T09:00:00Z"),
        # MLK Mon 18 Jan (US only): Berlin 15:30-16:00Z (30), Tue 08:00Z + 30 -> 08:30Z
        ("2027-01-18T15:30:00Z", 60, "2027-01-19T08:30:00Z"),
        # Good Friday 26 Mar (DE only), New York EDT 13-21Z: 10:00Z counts from 13:00 -> 14:00Z
        ("2027-03-26T10:00:00Z", 60, "2027-03-26T14:00:00Z"),
    ],
)
def test_union_due_times(start: str, minutes: int, due: str) -> None:
    assert add_business_minutes(UNION, at(start), minutes) == at(due)


@pytest.mark.parametrize(
    ("instant", "period"),
    [
        ("2027-01-13T03:00:00-08:00", Period.BH),  # Wednesday night, still a working day
        ("2027-01-15T23:59:59-08:00", Period.BH),  # last second of Friday
        ("2027-01-16T00:00:00-08:00", Period.NBH2),  # Friday's 24:00 is Saturday
        ("2027-01-17T12:00:00-08:00", Period.NBH2),  # Sunday
        ("2027-01-18T12:00:00-08:00", Period.NBH2),  # Martin Luther King Jr. Day
    ],
)
def test_whole_day_calendar_is_bh_on_working_days_and_nbh2_otherwise(
    instant: str, period: Period
) -> None:
    assert period_at(IPASS, at(instant)) is period


def test_whole_days_merge_into_one_interval_per_week() -> None:
    # Mon 00:00 .. Sat 00:00 PST (UTC-8) in a week without holidays
    week = list(business_intervals(IPASS, at("2027-01-04T08:00Z"), at("2027-01-11T08:00Z")))
    assert week == [(at("2027-01-04T08:00Z"), at("2027-01-09T08:00Z"))]


def test_night_shift_tail_is_removed_by_a_holiday() -> None:
    # Thu 31 Dec 22:00Z + 180: Thu 22-24 (120); Fri 1 Jan is a GB holiday, so its 00-06
    # tail and 22-24 window go; Sat 00:00 + 60 -> Sat 01:00Z
    due = add_business_minutes(NIGHT, at("2026-12-31T22:00:00Z"), 180)
    assert due == at("2027-01-02T01:00:00Z")
    assert period_at(NIGHT, at("2027-01-01T03:00:00Z")) is Period.NBH2
    assert period_at(NIGHT, at("2026-12-31T23:00:00Z")) is Period.BH
    assert period_at(NIGHT, at("2027-01-04T03:00:00Z")) is Period.NBH1  # Mon: no tail
    # a working night is 22:00-06:00 without a gap at midnight
    night = list(business_intervals(NIGHT, at("2027-01-05T12:00Z"), at("2027-01-06T12:00Z")))
    assert night == [(at("2027-01-05T22:00Z"), at("2027-01-06T06:00Z"))]


@pytest.mark.parametrize(
    ("cal", "minutes"),
    [(AARENET, 600), (UNION, 840), (SPLIT_DAY, 480), (IPASS, 1440), (NIGHT, 480)],
)
def test_business_minutes_per_day(cal: Calendar, minutes: int) -> None:
    # UNION: 09:00-17:00 Berlin plus 15:00-23:00 Berlin (New York) -> 09:00-23:00 = 840
    # NIGHT: London days Mon 120, Tue-Fri 360 + 120 = 480, Sat 360 -> lower median 480
    assert business_minutes_per_day(cal) == minutes


def test_between_is_signed_and_counts_only_business_time() -> None:
    a, b = at("2027-01-08T17:00:00+07:00"), at("2027-01-11T09:00:00+07:00")
    assert business_time_between(AARENET, a, b) == timedelta(hours=2)  # Fri 17-18, Mon 08-09
    assert business_time_between(AARENET, b, a) == -timedelta(hours=2)
    assert is_business_time(AARENET, a)
    assert not is_business_time(AARENET, at("2027-01-09T10:00:00+07:00"))


def test_a_calendar_without_hours_is_refused() -> None:
    with pytest.raises(InvalidCalendar) as refused:
        calendar(shift("UTC", []))
    assert refused.value.field == "shifts"
    bare = Calendar("bare", (Shift("s", "UTC", weekly_hours()),))
    with pytest.raises(CalendarHasNoBusinessTime, match="no open hours"):
        add_business_minutes(bare, at("2027-01-04T00:00Z"), 1)
    with pytest.raises(CalendarHasNoBusinessTime):
        next_opening(bare, at("2027-01-04T00:00Z"))


def test_a_calendar_that_never_opens_again_stops_searching() -> None:
    # only Mondays, and every Monday from 2027 to 2031 closed
    mondays = [date(2027, 1, 4) + timedelta(weeks=n) for n in range(5 * 53)]
    cal = calendar(
        shift("UTC", [(["mon"], "09:00", "10:00")], closed=tuple(d.isoformat() for d in mondays))
    )
    with pytest.raises(CalendarHasNoBusinessTime, match="three years"):
        add_business_minutes(cal, at("2027-01-01T00:00Z"), 1)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"timezone": "Mars/Olympus"}, "shifts[0].timezone"),
        ({"timezone": ""}, "shifts[0].timezone"),
        (
            {
                "hours": [
                    {"days": ["mon"], "start": "09:00", "end": "10:00"},
                    {"days": ["mon"], "start": "18:00", "end": "08:00"},
                ]
            },
            "shifts[0].hours[1].end",
        ),
        (
            {"hours": [{"days": ["mon"], "start": "09:00", "end": "09:00"}]},
            "shifts[0].hours[0].end",
        ),
        (
            {"hours": [{"days": ["mon"], "start": "8:00", "end": "18:00"}]},
            "shifts[0].hours[0].start",
        ),
        (
            {"hours": [{"days": ["mon"], "start": "24:00", "end": "24:00"}]},
            "shifts[0].hours[0].start",
        ),
        (
            {"hours": [{"days": ["mon"], "start": "08:00", "end": "24:01"}]},
            "shifts[0].hours[0].end",
        ),
        (
            {"hours": [{"days": ["mon", "funday"], "start": "08:00", "end": "18:00"}]},
            "shifts[0].hours[0].days[1]",
        ),
        ({"hours": [{"days": [], "start": "08:00", "end": "18:00"}]}, "shifts[0].hours[0].days"),
        ({"hours": [{"days": ["mon"], "end": "18:00"}]}, "shifts[0].hours[0].start"),
        ({"holidays": {"country": "XX"}}, "shifts[0].holidays.country"),
        ({"holidays": {"country": "US", "subdivision": "ZZ"}}, "shifts[0].holidays.subdivision"),
        ({"closed_dates": ["2027-02-30"]}, "shifts[0].closed_dates[0]"),
    ],
)
def test_bad_calendar_documents_name_the_field(change: dict[str, Any], field: str) -> None:
    document = shift("UTC", [(["mon"], "08:00", "18:00")]) | change
    with pytest.raises(InvalidCalendar) as refused:
        calendar(document)
    assert refused.value.field == field
    assert refused.value.detail


def test_missing_or_empty_shifts_are_refused() -> None:
    cases: list[tuple[dict[str, Any], str]] = [
        ({"name": "x"}, "shifts"),
        ({"shifts": []}, "shifts"),
        ({"shifts": "no"}, "shifts"),
        ({"shifts": [{"hours": []}]}, "shifts[0].timezone"),
    ]
    for document, field in cases:
        with pytest.raises(InvalidCalendar) as refused:
            calendar_from_document(document)
        assert refused.value.field == field


def test_documents_round_trip() -> None:
    for cal in (AARENET, UNION, NIGHT, SPLIT_DAY):
        assert calendar_from_document(calendar_to_document(cal)) == cal


def test_weeks_are_not_split_by_the_engine_s_internal_chunks() -> None:
    # whole working days in UTC: every week is one interval Mon 00:00 .. Sat 00:00,
    # whichever week the engine's 52-week chunks happen to start in
    cal = calendar(shift("UTC", [(WEEKDAYS, "00:00", "24:00")]))
    monday = at("2026-01-05T00:00:00Z")
    for week in range(3 * 52):
        start = monday + timedelta(weeks=week)
        end = start + timedelta(days=7)
        assert list(business_intervals(cal, start, end)) == [(start, start + timedelta(days=5))]
        assert business_time_between(cal, start, end) == timedelta(days=5)
        assert add_business_time(cal, start, timedelta(days=5)) == start + timedelta(days=5)
