"""Calendar value objects: shifts, weekly windows, holidays, closed dates (SPEC 3).

Pure values only; the interval arithmetic over them lives in `business_time`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from functools import lru_cache
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

import holidays as holidays_lib

if TYPE_CHECKING:
    from app.domain.business_time import Timeline

DAY_NAMES: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
MINUTES_PER_DAY = 24 * 60


class Period(StrEnum):
    """The agreement's names for when a clock starts (SPEC 3, Periods)."""

    BH = "BH"
    NBH1 = "NBH1"
    NBH2 = "NBH2"


@dataclass(frozen=True, slots=True, order=True)
class Window:
    """A half-open local wall-clock window `[start, end)` in minutes after midnight.

    `end_minute` may be 1440 (`24:00`); a night shift is two windows (Appendix A).
    """

    start_minute: int
    end_minute: int

    def __post_init__(self) -> None:
        if not 0 <= self.start_minute < self.end_minute <= MINUTES_PER_DAY:
            raise ValueError(
                f"window must satisfy 00:00 <= start < end <= 24:00, got "
                f"{format_minute(self.start_minute)}-{format_minute(self.end_minute)}"
            )

    @property
    def minutes(self) -> int:
        return self.end_minute - self.start_minute


@dataclass(frozen=True, slots=True)
class HolidayRule:
    """Public holidays of a country/subdivision, as the `holidays` package defaults them."""

    country: str
    subdivision: str | None = None

    def dates_in(self, year: int) -> frozenset[date]:
        return holiday_dates(self.country, self.subdivision, year)


@dataclass(frozen=True, slots=True)
class Shift:
    """One operations centre: a time zone, weekly windows, holidays and closed dates.

    `weekly` has seven entries, Monday first; each day's windows are stored sorted and
    merged, because touching or overlapping windows are one window (Appendix A).
    """

    name: str
    timezone: str
    weekly: tuple[tuple[Window, ...], ...]
    holidays: HolidayRule | None = None
    closed_dates: frozenset[date] = frozenset()
    zone: ZoneInfo = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        if len(self.weekly) != 7:
            raise ValueError("weekly must have seven entries, Monday first")
        object.__setattr__(self, "weekly", tuple(merge_windows(day) for day in self.weekly))
        object.__setattr__(self, "closed_dates", frozenset(self.closed_dates))
        object.__setattr__(self, "zone", ZoneInfo(self.timezone))

    @property
    def has_hours(self) -> bool:
        return any(self.weekly)

    def is_working_day(self, local_date: date) -> bool:
        """A weekday with hours that is neither a holiday nor a closed date (SPEC 3)."""
        if not self.weekly[local_date.weekday()] or local_date in self.closed_dates:
            return False
        return self.holidays is None or local_date not in self.holidays.dates_in(local_date.year)


@dataclass(frozen=True, slots=True)
class Calendar:
    """Business time is the union of all shifts (SPEC 3, follow-the-sun).

    `timelines` memoises open UTC intervals per chunk of time for this instance;
    it takes no part in equality or hashing.
    """

    name: str
    shifts: tuple[Shift, ...]
    timelines: dict[int, Timeline] = field(
        default_factory=dict, init=False, repr=False, compare=False, hash=False
    )

    def __post_init__(self) -> None:
        object.__setattr__(self, "shifts", tuple(self.shifts))

    @property
    def has_hours(self) -> bool:
        return any(shift.has_hours for shift in self.shifts)


def weekly_hours(
    *entries: tuple[Iterable[str], str, str],
) -> tuple[tuple[Window, ...], ...]:
    """Build a `Shift.weekly` from `(days, "HH:MM", "HH:MM")` entries, as in Appendix A."""
    days: list[list[Window]] = [[] for _ in DAY_NAMES]
    for day_names, start, end in entries:
        window = Window(parse_minute(start), parse_minute(end))
        for name in day_names:
            days[DAY_NAMES.index(name)].append(window)
    return tuple(tuple(day) for day in days)


def merge_windows(windows: Iterable[Window]) -> tuple[Window, ...]:
    """Sort and merge touching or overlapping windows of one day (Appendix A)."""
    merged: list[Window] = []
    for window in sorted(windows):
        if merged and window.start_minute <= merged[-1].end_minute:
            last = merged[-1]
            if window.end_minute > last.end_minute:
                merged[-1] = Window(last.start_minute, window.end_minute)
        else:
            merged.append(window)
    return tuple(merged)


def parse_minute(text: str, *, allow_24: bool = True) -> int:
    """`HH:MM` to minutes after midnight; raises ValueError on anything else."""
    if len(text) != 5 or text[2] != ":" or not (text[:2] + text[3:]).isdigit():
        raise ValueError(f"{text!r} is not HH:MM")
    hours, minutes = int(text[:2]), int(text[3:])
    if allow_24 and hours == 24 and minutes == 0:
        return MINUTES_PER_DAY
    if hours > 23 or minutes > 59:
        raise ValueError(f"{text!r} is not a time of day")
    return hours * 60 + minutes


def format_minute(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


@lru_cache(maxsize=4096)
def _holidays_as_listed(country: str, subdivision: str | None, year: int) -> frozenset[date]:
    listed: Any = holidays_lib.country_holidays(country, subdiv=subdivision, years=year)
    return frozenset(listed.keys())


@lru_cache(maxsize=4096)
def holiday_dates(country: str, subdivision: str | None, year: int) -> frozenset[date]:
    """Holidays falling in `year`, observed days included (Appendix A).

    Neighbouring years are consulted too, because an observed day may spill over
    (US: New Year 2028 is observed on 2027-12-31).
    """
    near = (_holidays_as_listed(country, subdivision, y) for y in (year - 1, year, year + 1))
    return frozenset(d for dates in near for d in dates if d.year == year)


def load_holiday_rules() -> None:
    """Loads every country of the `holidays` package (~2 s of imports): done once when a
    computation worker process starts, so no request pays it (issue 11.2)."""
    for country in holidays_lib.list_supported_countries():
        holidays_lib.country_holidays(country)
