"""Calendars to and from their JSON documents, naming the wrong field (Appendix A)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfoNotFoundError

import holidays as holidays_lib

from app.domain.calendar_model import (
    DAY_NAMES,
    Calendar,
    HolidayRule,
    Shift,
    Window,
    format_minute,
    parse_minute,
)
from app.domain.errors import InvalidCalendar
from app.domain.json_fields import join, mapping, required, sequence, text

_E = InvalidCalendar
# Every window of every shift in one week: the walk over a calendar costs its windows.
MAX_WEEKLY_WINDOWS = 300


def calendar_from_document(document: Mapping[str, Any]) -> Calendar:
    """Build and validate a `Calendar` from the Appendix A JSON shape.

    Raises `InvalidCalendar` whose `field` is a path such as `shifts[0].hours[1].end`.
    """
    doc = mapping(document, "", _E)
    name = text(doc.get("name", ""), "name", _E)
    raw_shifts = sequence(required(doc, "shifts", "", _E), "shifts", _E)
    if not raw_shifts:
        raise _E("shifts", "a calendar needs at least one shift")
    shifts = tuple(_shift(raw, f"shifts[{i}]") for i, raw in enumerate(raw_shifts))
    calendar = Calendar(name, shifts)
    validate_calendar(calendar)
    return calendar


def validate_calendar(calendar: Calendar) -> None:
    """Checks that need the whole calendar or the `holidays` package (SPEC 3, Appendix A)."""
    if not calendar.shifts:
        raise _E("shifts", "a calendar needs at least one shift")
    for i, shift in enumerate(calendar.shifts):
        if shift.holidays is not None:
            _check_holidays(shift.holidays, f"shifts[{i}].holidays")
    if not calendar.has_hours:
        # a business clock on such a calendar would never start (SPEC 3.1)
        raise _E("shifts", "the calendar has no open hours on any day of any shift")
    windows = sum(len(day) for shift in calendar.shifts for day in shift.weekly)
    if windows > MAX_WEEKLY_WINDOWS:
        raise _E(
            "shifts",
            f"the calendar has {windows} weekly windows over all shifts: "
            f"at most {MAX_WEEKLY_WINDOWS} (touching windows of a day count as one)",
        )


def calendar_to_document(calendar: Calendar) -> dict[str, Any]:
    """The Appendix A JSON shape of a calendar; windows shared by days are grouped."""
    return {"name": calendar.name, "shifts": [_shift_document(s) for s in calendar.shifts]}


def _shift(raw: object, path: str) -> Shift:
    doc = mapping(raw, path, _E)
    name = text(doc.get("name", ""), join(path, "name"), _E)
    timezone = text(required(doc, "timezone", path, _E), join(path, "timezone"), _E)
    weekly = _weekly(required(doc, "hours", path, _E), join(path, "hours"))
    rule = _holiday_rule(doc.get("holidays"), join(path, "holidays"))
    closed = _closed_dates(doc.get("closed_dates", []), join(path, "closed_dates"))
    try:
        return Shift(name, timezone, weekly, rule, closed)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        # zoneinfo raises ValueError for malformed keys, OSError for odd paths
        raise _E(join(path, "timezone"), f"unknown IANA time zone {timezone!r}") from None


def _weekly(raw: object, path: str) -> tuple[tuple[Window, ...], ...]:
    days: list[list[Window]] = [[] for _ in DAY_NAMES]
    for i, raw_entry in enumerate(sequence(raw, path, _E)):
        entry_path = join(path, i)
        entry = mapping(raw_entry, entry_path, _E)
        start = _minute(required(entry, "start", entry_path, _E), join(entry_path, "start"))
        end = _minute(required(entry, "end", entry_path, _E), join(entry_path, "end"))
        if start == 24 * 60:
            raise _E(join(entry_path, "start"), "a window cannot start at 24:00")
        if end <= start:
            raise _E(
                join(entry_path, "end"),
                "end must be after start (write a night shift as two windows)",
            )
        day_path = join(entry_path, "days")
        day_names = sequence(required(entry, "days", entry_path, _E), day_path, _E)
        if not day_names:
            raise _E(day_path, "at least one day is required")
        for j, day in enumerate(day_names):
            if day not in DAY_NAMES:
                raise _E(join(day_path, j), f"unknown day {day!r}; use mon..sun")
            days[DAY_NAMES.index(day)].append(Window(start, end))
    return tuple(tuple(day) for day in days)


def _minute(raw: object, path: str) -> int:
    try:
        return parse_minute(text(raw, path, _E))
    except ValueError:
        raise _E(path, f"{raw!r} is not a time HH:MM between 00:00 and 24:00") from None


def _holiday_rule(raw: object, path: str) -> HolidayRule | None:
    if raw is None:
        return None
    doc = mapping(raw, path, _E)
    country = text(required(doc, "country", path, _E), join(path, "country"), _E)
    subdivision = doc.get("subdivision")
    if subdivision is not None:
        subdivision = text(subdivision, join(path, "subdivision"), _E)
    return HolidayRule(country, subdivision)


def _check_holidays(rule: HolidayRule, path: str) -> None:
    if not _holidays_known(rule.country, None):
        raise _E(
            join(path, "country"),
            f"no public holidays known for country "
            f"{rule.country!r} (use an ISO 3166-1 alpha-2 code, e.g. 'VN')",
        )
    if rule.subdivision is not None and not _holidays_known(rule.country, rule.subdivision):
        raise _E(
            join(path, "subdivision"),
            f"country {rule.country!r} has no subdivision {rule.subdivision!r}",
        )


@lru_cache(maxsize=1024)
def _holidays_known(country: str, subdivision: str | None) -> bool:
    # building a holidays object costs 0.1-0.6 ms, and calendars are rebuilt per request
    try:
        holidays_lib.country_holidays(country, subdiv=subdivision)
    except NotImplementedError:
        return False
    return True


def _closed_dates(raw: object, path: str) -> frozenset[date]:
    dates: set[date] = set()
    for i, item in enumerate(sequence(raw, path, _E)):
        try:
            dates.add(date.fromisoformat(text(item, join(path, i), _E)))
        except ValueError:
            raise _E(join(path, i), f"{item!r} is not a date YYYY-MM-DD") from None
    return frozenset(dates)


def _shift_document(shift: Shift) -> dict[str, Any]:
    grouped: dict[Window, list[str]] = {}
    for day_name, windows in zip(DAY_NAMES, shift.weekly, strict=True):
        for window in windows:
            grouped.setdefault(window, []).append(day_name)
    hours = [
        {"days": days, "start": format_minute(w.start_minute), "end": format_minute(w.end_minute)}
        for w, days in sorted(grouped.items())
    ]
    rule = shift.holidays
    return {
        "name": shift.name,
        "timezone": shift.timezone,
        "hours": hours,
        "holidays": None
        if rule is None
        else {
            "country": rule.country,
            "subdivision": rule.subdivision,
        },
        "closed_dates": sorted(d.isoformat() for d in shift.closed_dates),
    }
