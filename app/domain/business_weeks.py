"""Whole weeks of business time at once: the fast path of the walk (SPEC 3.1).

A long target on a sparse calendar crosses many chunks of time; building every
interval of each would cost the span in days times the windows. Most weeks are
*regular*: no shift has a holiday, a closed date or a UTC-offset change near them.
A regular week's open time depends only on its first weekday and each shift's UTC
offset, so it is computed once per such pattern and then read; only irregular weeks
are built interval by interval. The walk thus costs the answer's span in weeks, a
few bisects per shift each. `business_time` checks its answers against the plain
interval walk in a property test.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from app.domain.calendar_model import Calendar, Shift

DAY_US = 86_400_000_000
WEEK_US = 7 * DAY_US
CHUNK_WEEKS = 52
CHUNK_US = CHUNK_WEEKS * WEEK_US
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_EPOCH_ORDINAL = EPOCH.date().toordinal()
_EPOCH_WEEKDAY = EPOCH.weekday()  # Thursday: every chunk and week starts on one
_MINUTE_US = 60_000_000
_ONE_DAY = timedelta(days=1)
# Local days that can reach a UTC week: UTC offsets stay within ±26 h.
_FIRST_LOCAL_DAY, _LAST_LOCAL_DAY = -2, 8
_LOCAL_DAYS = range(_FIRST_LOCAL_DAY, _LAST_LOCAL_DAY + 1)


def chunk_total(calendar: Calendar, k: int) -> int:
    """Open µs of chunk k (52 weeks), equal to its timeline's total, without building it."""
    return _chunk_total(calendar, k)


@lru_cache(maxsize=8192)
def _chunk_total(calendar: Calendar, k: int) -> int:
    day_lo = k * CHUNK_US // DAY_US
    plans = [_ShiftPlan(shift, day_lo, day_lo + CHUNK_WEEKS * 7) for shift in calendar.shifts]
    regular_totals: dict[tuple[int, tuple[int, ...]], int] = {}
    total = 0
    for w in range(CHUNK_WEEKS):
        day0 = day_lo + 7 * w
        weekday = (_EPOCH_WEEKDAY + day0) % 7
        if any(plan.irregular(day0) for plan in plans):
            total += _measure(iv for plan in plans for iv in plan.week(day0, weekday))
            continue
        key = (weekday, tuple(plan.offset_at(day0) for plan in plans))
        if key not in regular_totals:
            regular_totals[key] = _measure(
                (s, e) for plan in plans for s, e in plan.template(weekday, plan.offset_at(day0))
            )
        total += regular_totals[key]
    return total


class _ShiftPlan:
    """One shift over a span of epoch days: its closed days and UTC-offset changes."""

    def __init__(self, shift: Shift, first_day: int, last_day: int) -> None:
        self.shift = shift
        lo, hi = first_day - 4, last_day + 11
        years = range(_year_of(lo), _year_of(hi) + 1)
        self.closed = frozenset(d for y in years for d in _closed_days(shift, y))
        changes = [_offset_changes(shift.timezone, y) for y in years]
        self.change_days = [d for days, _ in changes for d in days]
        self.change_values = [v for _, values in changes for v in values]
        self.first_offset = _year_start_offset(shift.timezone, years[0])
        self.templates: dict[tuple[int, int], tuple[tuple[int, int], ...]] = {}

    def irregular(self, day0: int) -> bool:
        """A closure on a local day that reaches the week, or an offset change near it."""
        lo, hi = day0 + _FIRST_LOCAL_DAY - 1, day0 + _LAST_LOCAL_DAY + 1
        if _any_within(self.change_days, lo, hi):
            return True
        return any(d in self.closed for d in range(lo, hi + 1))

    def offset_at(self, day: int) -> int:
        """The UTC offset at midnight UTC of epoch day `day`."""
        i = bisect_left(self.change_days, day)  # changes strictly before `day`
        return self.change_values[i - 1] if i else self.first_offset

    def week(self, day0: int, weekday: int) -> list[tuple[int, int]]:
        """The shift's intervals in the week starting on epoch day `day0`."""
        lo = day0 * DAY_US
        if _any_within(self.change_days, day0 + _FIRST_LOCAL_DAY - 1, day0 + _LAST_LOCAL_DAY + 1):
            return _week_intervals(self.shift, lo, day0)  # across a DST change: day by day
        offset = self.offset_at(day0)
        closed = [j for j in _LOCAL_DAYS if day0 + j in self.closed]
        if not closed:
            return [(lo + s, lo + e) for s, e in self.template(weekday, offset)]
        return [
            (lo + s, lo + e)
            for j in _LOCAL_DAYS
            if j not in closed
            for s, e in _day_template(self.shift, weekday, offset, j)
        ]

    def template(self, weekday: int, offset: int) -> tuple[tuple[int, int], ...]:
        key = (weekday, offset)
        found = self.templates.get(key)
        if found is None:
            found = self.templates[key] = tuple(
                iv for j in _LOCAL_DAYS for iv in _day_template(self.shift, weekday, offset, j)
            )
        return found


def _day_template(shift: Shift, weekday: int, offset: int, j: int) -> list[tuple[int, int]]:
    """Local day j's windows relative to a week starting on `weekday` 00:00 UTC, at one
    constant UTC offset, clipped to the week."""
    out = []
    for window in shift.weekly[(weekday + j) % 7]:
        s = max(j * DAY_US + window.start_minute * _MINUTE_US - offset, 0)
        e = min(j * DAY_US + window.end_minute * _MINUTE_US - offset, WEEK_US)
        if s < e:
            out.append((s, e))
    return out


def _year_of(day: int) -> int:
    return date.fromordinal(_EPOCH_ORDINAL + day).year


def merge(intervals: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sort and merge touching or overlapping intervals (Appendix A)."""
    merged: list[tuple[int, int]] = []
    for s, e in sorted(intervals):
        if merged and s <= merged[-1][1]:
            if e > merged[-1][1]:
                merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged


def day_intervals(
    shift: Shift, day: date, *, honour_closures: bool = False
) -> list[tuple[int, int]]:
    """The UTC intervals of the windows written on local `day` (Appendix A).

    A holiday or closed date removes them all; a window keeps its local hours across
    DST, and one emptied by a DST gap (fold=0) is dropped.
    """
    windows = shift.weekly[day.weekday()]
    if not windows or (honour_closures and not shift.is_working_day(day)):
        return []
    out = []
    for window in windows:
        s = local_us(day, window.start_minute, shift.zone)
        e = local_us(day, window.end_minute, shift.zone)
        if s < e:
            out.append((s, e))
    return out


def local_us(day: date, minute: int, zone: ZoneInfo) -> int:
    if minute == 24 * 60:
        day, minute = day + _ONE_DAY, 0
    local = datetime(day.year, day.month, day.day, minute // 60, minute % 60, tzinfo=zone)
    return (local - EPOCH) // timedelta(microseconds=1)  # aware subtraction: fold=0 offset


def _measure(intervals: Iterable[tuple[int, int]]) -> int:
    return sum(e - s for s, e in merge(intervals))


def _week_intervals(shift: Shift, lo: int, day0: int) -> list[tuple[int, int]]:
    """A shift's intervals in the week, day by day (holidays, closed dates, DST honoured)."""
    hi = lo + WEEK_US
    first = date.fromordinal(_EPOCH_ORDINAL + day0)
    out: list[tuple[int, int]] = []
    for j in range(_FIRST_LOCAL_DAY, _LAST_LOCAL_DAY + 1):
        for s, e in day_intervals(shift, first + j * _ONE_DAY, honour_closures=True):
            s, e = max(s, lo), min(e, hi)
            if s < e:
                out.append((s, e))
    return out


def _any_within(days: Sequence[int], lo: int, hi: int) -> bool:
    i = bisect_left(days, lo)
    return i < len(days) and days[i] <= hi


@lru_cache(maxsize=4096)
def _closed_days(shift: Shift, year: int) -> tuple[int, ...]:
    """Epoch day numbers of the shift's holidays and closed dates in `year`."""
    dates = set(d for d in shift.closed_dates if d.year == year)
    if shift.holidays is not None:
        dates |= shift.holidays.dates_in(year)
    return tuple(sorted(d.toordinal() - _EPOCH_ORDINAL for d in dates))


@lru_cache(maxsize=4096)
def _offset_changes(timezone: str, year: int) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Epoch day numbers d whose UTC offset at midnight differs from day d + 1's, and the
    offset from d + 1 on, for the days of `year` (and the first of the next).

    Midnights are sampled weekly and a change is bisected to its day; time zones do not
    change their offset and back within one week.
    """
    zone = ZoneInfo(timezone)
    first = date(year, 1, 1).toordinal() - _EPOCH_ORDINAL
    last = date(year + 1, 1, 1).toordinal() - _EPOCH_ORDINAL
    days: list[int] = []
    values: list[int] = []
    a, offset_a = first, _offset_us(zone, first * DAY_US)
    while a < last:
        b = min(a + 7, last)
        offset_b = _offset_us(zone, b * DAY_US)
        if offset_b != offset_a:
            lo, hi = a, b  # offset(lo) == offset_a != offset(hi)
            while hi - lo > 1:
                mid = (lo + hi) // 2
                if _offset_us(zone, mid * DAY_US) == offset_a:
                    lo = mid
                else:
                    hi = mid
            days.append(lo)
            values.append(_offset_us(zone, hi * DAY_US))
        a, offset_a = b, offset_b
    return tuple(days), tuple(values)


@lru_cache(maxsize=4096)
def _year_start_offset(timezone: str, year: int) -> int:
    return _offset_us(ZoneInfo(timezone), (date(year, 1, 1).toordinal() - _EPOCH_ORDINAL) * DAY_US)


def _offset_us(zone: ZoneInfo, instant: int) -> int:
    offset = (EPOCH + timedelta(microseconds=instant)).astimezone(zone).utcoffset()
    assert offset is not None
    return offset // timedelta(microseconds=1)
