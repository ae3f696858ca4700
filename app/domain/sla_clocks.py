"""Live SLA clocks of a ticket: start, pause, stop, restart, retarget, explain (SPEC 3.1).

A `TargetClock` is the remembered history of one target (start, pauses, the event
that stopped it, a verified phone call); `evaluate` derives everything else from it
with the engine in `app.domain.sla`, so nothing derived can drift from the history.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum

from app.domain.business_time import Calendar, period_at
from app.domain.errors import InvalidField
from app.domain.lifecycle import TransitionPlan
from app.domain.sla import (
    PAUSABLE_METRICS,
    POLICY_METRICS,
    ClockKind,
    Metric,
    Pause,
    SlaPolicy,
    Target,
    compute_due,
    counted_time,
    due_with_pauses,
)

WARN_FRACTION = 0.8  # warnings fire at 80 % of the target (SPEC 3.1)
WAITING_CUSTOMER = "waiting_customer"
RESOLVED = "resolved"  # the pause between a resolution and a reopen


class ClockStatus(StrEnum):
    RUNNING = "running"
    PAUSED = "paused"
    MET = "met"
    BREACHED = "breached"


@dataclass(frozen=True, slots=True)
class ClockPause:
    """The clock stood still over `[start, end)`; `end=None` while it still does."""

    start: datetime
    end: datetime | None = None
    reason: str = WAITING_CUSTOMER


@dataclass(frozen=True, slots=True)
class PhoneCallBasis:
    """A verified call after the case: the target is also `minutes` from `called_at`."""

    called_at: datetime
    minutes: int


@dataclass(frozen=True, slots=True)
class TargetClock:
    """One target's history. `minutes` is the duration applied from `started_at`
    (`by_period` read at the start); `stopped_at` is its event, met or late."""

    metric: Metric
    minutes: int
    clock: ClockKind
    started_at: datetime
    pauses: tuple[ClockPause, ...] = ()
    stopped_at: datetime | None = None
    phone_call: PhoneCallBasis | None = None

    def __post_init__(self) -> None:
        # rows hand over plain strings; the rules compare enum members
        object.__setattr__(self, "metric", Metric(self.metric))
        object.__setattr__(self, "clock", ClockKind(self.clock))
        object.__setattr__(self, "pauses", tuple(self.pauses))

    @property
    def is_stopped(self) -> bool:
        return self.stopped_at is not None

    @property
    def is_paused(self) -> bool:
        return not self.is_stopped and any(p.end is None for p in self.pauses)


@dataclass(frozen=True, slots=True)
class ClockState:
    """What `GET /tickets/{id}/sla` explains about one clock at `now` (SPEC 3.1).

    `due_at`/`warn_at` are `None` while paused before the target was reached;
    `remaining` is counted time left (negative when late), `None` once stopped.
    """

    metric: Metric
    state: ClockStatus
    due_at: datetime | None
    warn_at: datetime | None
    counted: timedelta
    remaining: timedelta | None
    minutes_applied: int
    from_phone_call: bool = False
    stopped_at: datetime | None = None
    breached_at: datetime | None = None


def start_clocks(
    calendar: Calendar,
    policy: SlaPolicy,
    severity: int,
    created_at: datetime,
    *,
    phone_call_at: datetime | None = None,
) -> tuple[TargetClock, ...]:
    """Every target of `severity`, started at creation (SPEC 3.1)."""
    return tuple(
        _new_clock(calendar, target, created_at, phone_call_at)
        for target in policy.targets_for(severity)
    )


def evaluate(calendar: Calendar, clock: TargetClock, now: datetime) -> ClockState:
    """The clock's state at `now`: running, paused, met or breached (SPEC 3.1).

    Met when the event happens at or before `due_at`, breached otherwise; a running
    clock past `due_at` is breached now (since `due_at`). With a verified phone call the
    earlier of the creation-based and call-based due times applies, as in `compute_due`.
    """
    pauses = _engine_pauses(clock)
    due_at, minutes, start, from_call = _applied(calendar, clock, pauses, 1.0)
    warn_at = _applied(calendar, clock, pauses, WARN_FRACTION)[0]
    state, remaining = _judge(calendar, clock, pauses, due_at, now, minutes, start)
    end = clock.stopped_at or now
    return ClockState(
        metric=clock.metric,
        state=state,
        due_at=due_at,
        warn_at=warn_at,
        counted=counted_time(calendar, clock.clock, clock.started_at, end, pauses),
        remaining=remaining,
        minutes_applied=minutes,
        from_phone_call=from_call,
        stopped_at=clock.stopped_at,
        breached_at=due_at if state is ClockStatus.BREACHED else None,
    )


def pause(clock: TargetClock, at: datetime, reason: str = WAITING_CUSTOMER) -> TargetClock:
    """Restore, resolution and update stand still while the ticket waits for the
    customer; reaction never pauses (SPEC 3.1). A paused or stopped clock is unchanged."""
    if clock.metric not in PAUSABLE_METRICS or clock.is_stopped or clock.is_paused:
        return clock
    return replace(clock, pauses=(*clock.pauses, ClockPause(at, None, reason)))


def resume(clock: TargetClock, at: datetime) -> TargetClock:
    """End the open pause at `at`; a clock that is not paused is unchanged."""
    if not any(p.end is None for p in clock.pauses):
        return clock
    if any(p.end is None and at < p.start for p in clock.pauses):
        raise ValueError("a clock cannot resume before its pause began")
    return replace(
        clock, pauses=tuple(replace(p, end=at) if p.end is None else p for p in clock.pauses)
    )


def stop(clock: TargetClock, at: datetime) -> TargetClock:
    """The target's event happened at `at` (met or late); a stopped clock keeps its first."""
    if clock.is_stopped:
        return clock
    return replace(resume(clock, at), stopped_at=at)


def restart_update(clock: TargetClock, at: datetime) -> TargetClock:
    """Every public staff update restarts the `update` clock (SPEC 3.1, 4.1 rule 7).

    A restart while waiting for the customer starts paused; a stopped clock (the case is
    resolved) is unchanged.
    """
    if clock.metric is not Metric.UPDATE:
        raise ValueError(f"only the update clock restarts, not {clock.metric}")
    if clock.is_stopped:
        return clock
    waiting = next((p for p in clock.pauses if p.end is None), None)
    pauses = () if waiting is None else (ClockPause(at, None, waiting.reason),)
    return TargetClock(clock.metric, clock.minutes, clock.clock, at, pauses)


def reopen_clock(clock: TargetClock, at: datetime) -> TargetClock:
    """A reopened case: resolution counts on, the resolved spell excluded; the update
    clock starts afresh at the reopen (SPEC 4)."""
    if clock.stopped_at is None:
        return clock
    if clock.metric is Metric.UPDATE:
        return TargetClock(clock.metric, clock.minutes, clock.clock, at)
    spell = ClockPause(clock.stopped_at, at, RESOLVED)
    return replace(clock, stopped_at=None, pauses=(*clock.pauses, spell))


def apply_transition(
    clocks: Iterable[TargetClock], plan: TransitionPlan
) -> tuple[TargetClock, ...]:
    """Carry a lifecycle move's SLA effects out on a ticket's clocks (SPEC 3.1, 4)."""
    result = []
    for clock in clocks:
        if plan.resume_clocks:
            clock = resume(clock, plan.at)
        if plan.pause_clocks:
            clock = pause(clock, plan.at)
        if plan.stop_all_clocks or clock.metric in plan.metrics_met:
            clock = stop(clock, plan.at)
        if clock.metric in plan.metrics_reopened:
            clock = reopen_clock(clock, plan.at)
        result.append(clock)
    return tuple(result)


def record_phone_call(
    calendar: Calendar,
    policy: SlaPolicy,
    severity: int,
    clocks: Iterable[TargetClock],
    called_at: datetime,
) -> tuple[TargetClock, ...]:
    """A verified call after the case: targets with `after_phone_call` become due at the
    earlier of their two bases (SPEC 3). Only the first call counts; stopped clocks stay."""
    targets = {t.metric: t for t in policy.targets_for(severity)}
    result = []
    for clock in clocks:
        target = targets.get(clock.metric)
        if target is None or clock.is_stopped or clock.phone_call is not None:
            result.append(clock)
        else:
            basis = _call_basis(calendar, target, clock, called_at)
            result.append(replace(clock, phone_call=basis))
    return tuple(result)


def retarget(
    calendar: Calendar,
    policy: SlaPolicy,
    severity: int,
    clocks: Sequence[TargetClock],
    *,
    created_at: datetime,
    at: datetime,
    phone_call_at: datetime | None = None,
) -> tuple[TargetClock, ...]:
    """The clocks under a new severity, recomputed from creation (SPEC 3.1).

    Running clocks keep their start and pauses (time counted stays counted) and take the
    new durations; stopped clocks keep their result. A metric the new severity adds
    starts at creation with the ticket's waiting-customer pauses (an `update` target
    starts at `at`, the change, since nothing was owed before); one it lacks is dropped.
    """
    old = {c.metric: c for c in clocks}
    waiting = _waiting_pauses(clocks)
    result = []
    for target in policy.targets_for(severity):
        current = old.get(target.metric)
        if current is not None and current.is_stopped:
            result.append(current)
            continue
        start = _retarget_start(target.metric, current, created_at, at)
        call_at = phone_call_at if phone_call_at is not None and phone_call_at >= start else None
        fresh = _new_clock(calendar, target, start, call_at)
        if current is not None:
            fresh = replace(fresh, pauses=current.pauses)
        elif target.metric is Metric.UPDATE:
            fresh = replace(fresh, pauses=_still_waiting(waiting, at))
        elif target.metric in PAUSABLE_METRICS:
            fresh = replace(fresh, pauses=waiting)
        result.append(fresh)
    # The patch commitment is no policy target: a severity change leaves it as it is.
    result.extend(c for c in clocks if c.metric not in POLICY_METRICS)
    return tuple(result)


def _retarget_start(
    metric: Metric, current: TargetClock | None, created_at: datetime, at: datetime
) -> datetime:
    if current is not None:
        return current.started_at
    return at if metric is Metric.UPDATE else created_at


def _waiting_pauses(clocks: Iterable[TargetClock]) -> tuple[ClockPause, ...]:
    histories = [
        tuple(p for p in c.pauses if p.reason == WAITING_CUSTOMER)
        for c in clocks
        if c.metric in (Metric.RESTORE, Metric.RESOLUTION)
    ]
    return max(histories, key=len, default=())


def _still_waiting(waiting: tuple[ClockPause, ...], at: datetime) -> tuple[ClockPause, ...]:
    return tuple(ClockPause(at, None, p.reason) for p in waiting if p.end is None)


def _new_clock(
    calendar: Calendar, target: Target, start: datetime, phone_call_at: datetime | None
) -> TargetClock:
    # the duration that applies is the one of the period the clock starts in (Appendix A)
    minutes = compute_due(calendar, target, start).minutes_applied
    clock = TargetClock(target.metric, minutes, target.clock, start)
    if phone_call_at is None or target.after_phone_call is None:
        return clock
    return replace(clock, phone_call=_call_basis(calendar, target, clock, phone_call_at))


def _call_basis(
    calendar: Calendar, target: Target, clock: TargetClock, called_at: datetime
) -> PhoneCallBasis | None:
    rule = target.after_phone_call
    if rule is None:
        return None
    if called_at < clock.started_at:
        raise InvalidField("phone_call_at", "the phone call cannot precede the case")
    return PhoneCallBasis(called_at, rule.minutes_at(period_at(calendar, called_at)))


def _engine_pauses(clock: TargetClock) -> list[Pause]:
    """The engine's pauses: none for reaction; open ones end at the event, if any."""
    if clock.metric not in PAUSABLE_METRICS:
        return []
    return [(p.start, p.end if p.end is not None else clock.stopped_at) for p in clock.pauses]


def _applied(
    calendar: Calendar, clock: TargetClock, pauses: list[Pause], fraction: float
) -> tuple[datetime | None, int, datetime, bool]:
    """(due, minutes, start, from call) of the basis that applies: the earlier due wins,
    a tie goes to creation, as in `compute_due`; unknown while paused."""
    duration = timedelta(minutes=clock.minutes) * fraction
    due = due_with_pauses(calendar, clock.clock, clock.started_at, duration, pauses)
    call = clock.phone_call
    if call is None:
        return due, clock.minutes, clock.started_at, False
    call_duration = timedelta(minutes=call.minutes) * fraction
    call_due = due_with_pauses(calendar, clock.clock, call.called_at, call_duration, pauses)
    if call_due is not None and (due is None or call_due < due):
        return call_due, call.minutes, call.called_at, True
    return due, clock.minutes, clock.started_at, False


def _judge(
    calendar: Calendar,
    clock: TargetClock,
    pauses: list[Pause],
    due_at: datetime | None,
    now: datetime,
    minutes: int,
    start: datetime,
) -> tuple[ClockStatus, timedelta | None]:
    if clock.stopped_at is not None:
        late = due_at is not None and clock.stopped_at > due_at
        return (ClockStatus.BREACHED if late else ClockStatus.MET), None
    if due_at is None:
        counted = counted_time(calendar, clock.clock, start, now, pauses)
        return ClockStatus.PAUSED, timedelta(minutes=minutes) - counted
    if now > due_at:
        return ClockStatus.BREACHED, -counted_time(calendar, clock.clock, due_at, now, pauses)
    return ClockStatus.RUNNING, counted_time(calendar, clock.clock, now, due_at, pauses)
