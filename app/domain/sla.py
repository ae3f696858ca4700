"""SLA due times: targets on a clock, phone calls, pauses and preview (SPEC 3.1, Appendix A).

Pure functions over `Calendar` and `SlaPolicy` values; callers pass every instant in.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from app.domain.business_time import (
    Calendar,
    Period,
    add_business_time,
    business_time_between,
    period_at,
)
from app.domain.errors import InvalidField
from app.domain.sla_policy import (
    PAUSABLE_METRICS,
    POLICY_METRICS,
    ClockKind,
    Metric,
    PhoneCallRule,
    Rating,
    Severity,
    SlaPolicy,
    Target,
    policy_from_document,
    policy_to_document,
    validate_policy,
)

__all__ = [
    "PAUSABLE_METRICS",
    "POLICY_METRICS",
    "ClockKind",
    "DueTime",
    "Metric",
    "Pause",
    "PhoneCallRule",
    "Rating",
    "Severity",
    "SlaPolicy",
    "Target",
    "add_clock_time",
    "clock_time_between",
    "compute_due",
    "counted_time",
    "due_with_pauses",
    "policy_from_document",
    "policy_to_document",
    "preview",
    "validate_policy",
]

# A pause of the clock while the ticket waits for the customer; `None` end = still paused.
Pause = tuple[datetime, datetime | None]


@dataclass(frozen=True, slots=True)
class DueTime:
    """One target's due time; `minutes_applied` is the duration that applied (Appendix A)."""

    metric: Metric
    minutes_applied: int
    clock: ClockKind
    due_at: datetime
    from_phone_call: bool = False


def add_clock_time(
    calendar: Calendar, clock: ClockKind, start: datetime, duration: timedelta
) -> datetime:
    """The instant where `duration` of counted time is reached on `clock` (SPEC 3.1), in UTC."""
    if clock is ClockKind.BUSINESS:
        return add_business_time(calendar, start, duration)
    if duration < timedelta(0):
        raise ValueError("a duration cannot be negative")
    return _utc(start) + duration  # real elapsed time, not wall-clock arithmetic


def clock_time_between(
    calendar: Calendar, clock: ClockKind, start: datetime, end: datetime
) -> timedelta:
    """Counted time in `[start, end)` on `clock`; negative when `end` precedes `start`."""
    if clock is ClockKind.BUSINESS:
        return business_time_between(calendar, start, end)
    return _utc(end) - _utc(start)


def compute_due(
    calendar: Calendar,
    target: Target,
    start: datetime,
    phone_call_at: datetime | None = None,
) -> DueTime:
    """The due time of `target` for a clock started at `start` (Appendix A).

    The duration is `by_period[period at start]` when given, else `minutes`. With an
    `after_phone_call` rule and a call, a second due time counts from the call with the
    rule's `by_period` read at the call; the earlier wins, and a tie reports the
    creation-based one.
    """
    minutes = target.minutes_at(period_at(calendar, start))
    due = DueTime(
        target.metric,
        minutes,
        target.clock,
        add_clock_time(calendar, target.clock, start, timedelta(minutes=minutes)),
    )
    rule = target.after_phone_call
    if rule is None or phone_call_at is None:
        return due
    if phone_call_at < start:
        raise InvalidField("phone_call_at", "the phone call cannot precede the case")
    call_minutes = rule.minutes_at(period_at(calendar, phone_call_at))
    call_due = add_clock_time(
        calendar, target.clock, phone_call_at, timedelta(minutes=call_minutes)
    )
    if call_due < due.due_at:
        return DueTime(target.metric, call_minutes, target.clock, call_due, from_phone_call=True)
    return due


def preview(
    calendar: Calendar,
    policy: SlaPolicy,
    severity: int,
    created_at: datetime,
    phone_call_at: datetime | None = None,
) -> tuple[Period, list[DueTime]]:
    """The period at creation and every target's due time for `severity` (SPEC 3.1).

    `update` targets are previewed from the creation instant (Appendix A).
    """
    if policy.severity(severity) is None:
        levels = ", ".join(str(s.level) for s in policy.severities)
        raise InvalidField(
            "severity", f"severity {severity} is not in the policy (levels {levels})"
        )
    if phone_call_at is not None and phone_call_at < created_at:
        raise InvalidField("phone_call_at", "the phone call cannot precede the case")
    due_times = [
        compute_due(calendar, target, created_at, phone_call_at)
        for target in policy.targets_for(severity)
    ]
    return period_at(calendar, created_at), due_times


def due_with_pauses(
    calendar: Calendar,
    clock: ClockKind,
    start: datetime,
    duration: timedelta,
    pauses: Sequence[Pause],
) -> datetime | None:
    """The due time extended by the counted time lost in pauses (SPEC 3.1).

    It is the earliest instant where counted time outside pauses reaches `duration`.
    While a pause is still open (end `None`) and the target was not yet reached before
    it began, the due time is unknown and `None` is answered; a pause that begins after
    the due time changes nothing (the target is already due or breached).
    """
    current, remaining = _utc(start), duration
    for pause_start, pause_end in _merged_pauses(current, pauses, None):
        candidate = add_clock_time(calendar, clock, current, remaining)
        if candidate <= pause_start:
            return candidate
        remaining -= clock_time_between(calendar, clock, current, pause_start)
        if pause_end is None:
            return None
        current = pause_end
    return add_clock_time(calendar, clock, current, remaining)


def counted_time(
    calendar: Calendar,
    clock: ClockKind,
    start: datetime,
    now: datetime,
    pauses: Sequence[Pause],
) -> timedelta:
    """Counted time from `start` to `now`, pauses excluded (open pauses run to `now`)."""
    begin, end = _utc(start), _utc(now)
    if end <= begin:
        return timedelta(0)
    counted = clock_time_between(calendar, clock, begin, end)
    for pause_start, pause_end in _merged_pauses(begin, pauses, end):
        assert pause_end is not None  # closed at `now` by _merged_pauses
        if pause_start < end:
            counted -= clock_time_between(calendar, clock, pause_start, min(pause_end, end))
    return counted


def _merged_pauses(
    start: datetime, pauses: Sequence[Pause], close_open_at: datetime | None
) -> list[Pause]:
    """Pauses clipped to begin at `start`, sorted and merged; open ones end at `close_open_at`."""
    spans: list[tuple[datetime, datetime | None]] = []
    for pause_start, pause_end in pauses:
        begin = _utc(pause_start)
        end = _utc(pause_end) if pause_end is not None else close_open_at
        if end is not None and end < begin:
            raise ValueError("a pause cannot end before it starts")
        if end is not None and end <= start:
            continue
        spans.append((max(begin, start), end))
    spans.sort(key=lambda span: span[0])
    merged: list[Pause] = []
    for begin, end in spans:
        if merged and begin <= _end_or_max(merged[-1][1]):
            last_begin, last_end = merged[-1]
            merged[-1] = (
                last_begin,
                None if end is None or last_end is None else max(last_end, end),
            )
        else:
            merged.append((begin, end))
    return merged


def _end_or_max(end: datetime | None) -> datetime:
    return datetime.max.replace(tzinfo=UTC) if end is None else end


def _utc(instant: datetime) -> datetime:
    if instant.tzinfo is None or instant.utcoffset() is None:
        raise ValueError("instants must be timezone-aware")
    return instant.astimezone(UTC)
