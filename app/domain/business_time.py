"""Business time: when a calendar is open, and arithmetic over it (SPEC 3, 3.1, Appendix A).

Interval arithmetic, never minute stepping. Each shift's local windows become UTC
intervals for a fixed chunk of time (52 weeks), the shifts are merged into one
`Timeline` with prefix sums of open time, and `add`/`between` are then a bisect or
two. Timelines are memoised on the `Calendar` instance and, by value, in an LRU
cache, so a server keeps them warm across requests. Internally instants are integer
microseconds since the Unix epoch, so every answer is exact.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from statistics import median_low

from app.domain.business_weeks import CHUNK_US, chunk_total
from app.domain.business_weeks import day_intervals as _day_intervals
from app.domain.business_weeks import local_us as _local_us
from app.domain.business_weeks import merge as _merge
from app.domain.calendar_document import (
    calendar_from_document,
    calendar_to_document,
    validate_calendar,
)
from app.domain.calendar_model import (
    DAY_NAMES,
    Calendar,
    HolidayRule,
    Period,
    Shift,
    Window,
    weekly_hours,
)
from app.domain.errors import CalendarHasNoBusinessTime

__all__ = [
    "DAY_NAMES",
    "EARLIEST",
    "LATEST",
    "Calendar",
    "HolidayRule",
    "Period",
    "Shift",
    "Timeline",
    "Window",
    "add_business_minutes",
    "add_business_time",
    "business_intervals",
    "business_minutes_per_day",
    "business_time_between",
    "calendar_from_document",
    "calendar_to_document",
    "is_business_time",
    "next_opening",
    "period_at",
    "validate_calendar",
    "weekly_hours",
]

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECOND = timedelta(microseconds=1)
_ONE_DAY = timedelta(days=1)
_CHUNK_US = CHUNK_US  # 52 weeks, each starting on a Thursday 00:00 UTC
_IDLE_CHUNKS_ALLOWED = 3  # ~3 years without an opening means the calendar never opens
_MEMO_LIMIT = 64
# A week without DST changes on either hemisphere, for "a typical working day".
_REFERENCE_MONDAY = date(2001, 1, 15)
# Instants the service reasons about; a target not reached before LATEST is refused.
EARLIEST = datetime(1900, 1, 1, tzinfo=UTC)
LATEST = datetime(2200, 1, 1, tzinfo=UTC)
# A due time is at most ~10 years (chunks of 52 weeks) after its start: beyond that a
# target is a configuration mistake, and the walk stays bounded (SPEC 3.1).
MAX_SPAN_CHUNKS = 10


@dataclass(frozen=True, slots=True)
class Timeline:
    """Merged open UTC intervals `[starts[i], ends[i])` of one chunk, in µs since the epoch.

    `open_before[i]`/`open_through[i]` are the chunk's open µs before/through interval i.
    """

    starts: tuple[int, ...]
    ends: tuple[int, ...]
    open_before: tuple[int, ...]
    open_through: tuple[int, ...]
    total: int

    def counted_before(self, instant: int) -> int:
        i = bisect_right(self.starts, instant) - 1
        if i < 0:
            return 0
        return self.open_before[i] + min(instant, self.ends[i]) - self.starts[i]

    def is_open(self, instant: int) -> bool:
        i = bisect_right(self.starts, instant) - 1
        return i >= 0 and instant < self.ends[i]


def is_business_time(calendar: Calendar, instant: datetime) -> bool:
    """Inside an open window of any shift; windows are half-open (Appendix A)."""
    t = _to_us(instant)
    return _timeline(calendar, t // _CHUNK_US).is_open(t)


def period_at(calendar: Calendar, instant: datetime) -> Period:
    """`BH`, `NBH2` when every shift's local date is a non-working day, else `NBH1` (SPEC 3)."""
    if is_business_time(calendar, instant):
        return Period.BH
    for shift in calendar.shifts:
        if shift.is_working_day(instant.astimezone(shift.zone).date()):
            return Period.NBH1
    return Period.NBH2


def next_opening(calendar: Calendar, instant: datetime) -> datetime:
    """The earliest business instant at or after `instant` (itself when already open).

    Raises `CalendarHasNoBusinessTime` when the calendar does not open within ~3 years.
    """
    return _from_us(_next_open_us(calendar, _to_us(instant)))


def add_business_time(calendar: Calendar, start: datetime, duration: timedelta) -> datetime:
    """The earliest instant at which business time counted from `start` reaches `duration`.

    A start outside business time counts from the next opening; a target filling up
    exactly at a window's end is due at that end; a zero duration is due at `start`
    when open, else at the next opening (SPEC 3.1, Appendix A). Answers in UTC.
    """
    needed = duration // _MICROSECOND
    if needed < 0:
        raise ValueError("a duration of business time cannot be negative")
    start_us = _to_us(start)
    if needed == 0:
        return _from_us(_next_open_us(calendar, start_us))
    return _from_us(_add_us(calendar, start_us, needed))


def add_business_minutes(calendar: Calendar, start: datetime, minutes: int) -> datetime:
    """`add_business_time` for a target written in minutes (SPEC 3: durations are minutes)."""
    return add_business_time(calendar, start, timedelta(minutes=minutes))


def business_time_between(calendar: Calendar, start: datetime, end: datetime) -> timedelta:
    """Business time inside `[start, end)`; negative when `end` is before `start`."""
    a, b = _to_us(start), _to_us(end)
    if b < a:
        return -timedelta(microseconds=_between_us(calendar, b, a))
    return timedelta(microseconds=_between_us(calendar, a, b))


def business_intervals(
    calendar: Calendar, start: datetime, end: datetime
) -> Iterator[tuple[datetime, datetime]]:
    """The open intervals of `calendar` within `[start, end)`, merged, in UTC order."""
    a, b = _to_us(start), _to_us(end)
    pending: tuple[int, int] | None = None
    for k in range(a // _CHUNK_US, (b - 1) // _CHUNK_US + 1):
        timeline = _timeline(calendar, k)
        first = max(bisect_right(timeline.starts, a) - 1, 0)
        for i in range(first, bisect_left(timeline.starts, b)):
            lo, hi = max(timeline.starts[i], a), min(timeline.ends[i], b)
            if lo >= hi:
                continue
            if pending is not None and pending[1] == lo:  # split only by a chunk edge
                pending = (pending[0], hi)
                continue
            if pending is not None:
                yield _from_us(pending[0]), _from_us(pending[1])
            pending = (lo, hi)
    if pending is not None:
        yield _from_us(pending[0]), _from_us(pending[1])


def business_minutes_per_day(calendar: Calendar) -> int:
    """Minutes in a typical working day, for presets that say "1 working day" (SPEC 3).

    The merged hours of an ordinary week (holidays ignored) are cut into the first
    shift's local days; the typical day is the lower median of the days that open.
    Mon-Fri 08:00-18:00 gives 600.
    """
    if not calendar.has_hours:
        raise CalendarHasNoBusinessTime("the calendar has no open hours")
    intervals = _merge(
        (s, e)
        for shift in calendar.shifts
        for offset in range(-1, 8)
        for s, e in _day_intervals(shift, _REFERENCE_MONDAY + offset * _ONE_DAY)
    )
    zone = calendar.shifts[0].zone
    per_day = []
    for offset in range(7):
        day = _REFERENCE_MONDAY + offset * _ONE_DAY
        lo, hi = _local_us(day, 0, zone), _local_us(day + _ONE_DAY, 0, zone)
        per_day.append(sum(max(0, min(e, hi) - max(s, lo)) for s, e in intervals))
    return median_low([us for us in per_day if us > 0]) // 60_000_000


def _add_us(calendar: Calendar, start: int, needed: int) -> int:
    """Whole chunks are skipped by their open time (`chunk_total`, week by week); only
    the first chunk and the one holding the answer are built interval by interval."""
    k = first = start // _CHUNK_US
    timeline = _timeline(calendar, k)
    already = timeline.counted_before(start)
    left_in_chunk = timeline.total - already
    idle = 0
    while needed > left_in_chunk:
        needed -= left_in_chunk
        idle = idle + 1 if left_in_chunk == 0 else 0
        if idle > _IDLE_CHUNKS_ALLOWED:
            _never_opens(calendar)
        k += 1
        if k - first > MAX_SPAN_CHUNKS or k * _CHUNK_US >= _LATEST_US:
            raise CalendarHasNoBusinessTime(
                f"the calendar does not give this much business time within "
                f"{MAX_SPAN_CHUNKS} years (nor before {LATEST.year})"
            )
        left_in_chunk = chunk_total(calendar, k)
        already = 0
    if k != first:
        timeline = _timeline(calendar, k)
    target = already + needed
    # first interval whose cumulative open time reaches the target: due inside or at its end
    i = bisect_left(timeline.open_through, target)
    return timeline.starts[i] + target - timeline.open_before[i]


def _next_open_us(calendar: Calendar, instant: int) -> int:
    k = instant // _CHUNK_US
    timeline = _timeline(calendar, k)
    i = bisect_right(timeline.starts, instant) - 1
    if i >= 0 and instant < timeline.ends[i]:
        return instant
    i += 1
    idle = 0
    while i >= len(timeline.starts):
        idle += 1
        if idle > _IDLE_CHUNKS_ALLOWED:
            _never_opens(calendar)
        k += 1
        timeline = _timeline(calendar, k)
        i = 0
    return timeline.starts[i]


def _between_us(calendar: Calendar, a: int, b: int) -> int:
    ka, kb = a // _CHUNK_US, b // _CHUNK_US
    first = _timeline(calendar, ka)
    if ka == kb:
        return first.counted_before(b) - first.counted_before(a)
    total = first.total - first.counted_before(a)
    for k in range(ka + 1, kb):
        total += chunk_total(calendar, k)
    return total + _timeline(calendar, kb).counted_before(b)


def _never_opens(calendar: Calendar) -> None:
    if not calendar.has_hours:
        raise CalendarHasNoBusinessTime("the calendar has no open hours on any day")
    raise CalendarHasNoBusinessTime("the calendar does not open within three years")


def _timeline(calendar: Calendar, k: int) -> Timeline:
    memo = calendar.timelines
    timeline = memo.get(k)
    if timeline is None:
        if len(memo) >= _MEMO_LIMIT:
            memo.clear()
        try:
            timeline = memo[k] = _calendar_timeline(calendar, k)
        except OverflowError:
            raise ValueError("instants must lie between the years 2 and 9998") from None
    return timeline


@lru_cache(maxsize=2048)
def _calendar_timeline(calendar: Calendar, k: int) -> Timeline:
    """Union of all shifts for chunk k (SPEC 3: business time is the union of shifts)."""
    merged = _merge(iv for shift in calendar.shifts for iv in _shift_intervals(shift, k))
    starts, ends, before, through = [], [], [], []
    total = 0
    for s, e in merged:
        starts.append(s)
        ends.append(e)
        before.append(total)
        total += e - s
        through.append(total)
    return Timeline(tuple(starts), tuple(ends), tuple(before), tuple(through), total)


@lru_cache(maxsize=8192)
def _shift_intervals(shift: Shift, k: int) -> tuple[tuple[int, int], ...]:
    """A shift's UTC intervals clipped to chunk k, from every local date that can reach it."""
    lo, hi = k * _CHUNK_US, (k + 1) * _CHUNK_US
    day = _from_us(lo).date() - 2 * _ONE_DAY  # UTC offsets stay within ±26 h
    last = _from_us(hi).date() + _ONE_DAY
    out: list[tuple[int, int]] = []
    while day <= last:
        for s, e in _day_intervals(shift, day, honour_closures=True):
            s, e = max(s, lo), min(e, hi)
            if s < e:
                out.append((s, e))
        day += _ONE_DAY
    return tuple(out)


def _to_us(instant: datetime) -> int:
    if instant.tzinfo is None or instant.utcoffset() is None:
        raise ValueError("instants must be timezone-aware")
    return (instant - _EPOCH) // _MICROSECOND


def _from_us(us: int) -> datetime:
    return _EPOCH + timedelta(microseconds=us)


_LATEST_US = _to_us(LATEST)
