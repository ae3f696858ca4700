"""What a change of the case does to its SLA clocks: a state move or a severity change
(SPEC 3.1, 4). The README's SLA section tabulates these rules by state.

The clocks receive what they need to know of the case as a `CaseHistory` (its creation
and every state it entered) and what they are measured by as a `Measure` (calendar,
policy, the case's severity now, its verified call). The rules, each reading SPEC 3.1:

* *Recompute from creation* ("a severity change recomputes every running target from the
  ticket's creation under the new severity; time already counted stays counted"): a live
  clock keeps its start and pauses and takes the new severity's duration.
* *A verdict is history* ("a target is met when its event happens at or before due_at,
  breached otherwise"): a clock stopped by its event keeps its verdict, whatever the new
  severity's targets; only a reopen (SPEC 4) makes resolution and update run again.
* *No target, no clock*: when the new severity has no target for a metric, a live clock
  of it is set aside (not applicable), a breach already incurred staying a breach.
* *Only an open case is measured* (clocks stop at the resolution or withdrawal): a
  severity change on a resolved, closed or withdrawn case starts no clock. A reopen
  starts or resumes the clocks that apply then, under the severity then: resolution
  from creation, the time spent resolved not counted; update from the reopen.
* *Pause while waiting* ("restore, resolution and update pause while the ticket waits
  for the customer"): a clock that starts while the case waits starts paused.
* A clock newly started by a severity change counts from creation with every spell the
  case spent waiting or resolved excluded (update: from the change); none starts for a
  metric whose event already happened (a reaction once acknowledged, a restore once
  restored).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from app.domain.business_time import Calendar
from app.domain.lifecycle import (
    OPEN_STATES,
    REOPENED_METRICS,
    TicketStatus,
    TransitionPlan,
    is_reopen,
    metrics_met_on_entry,
)
from app.domain.sla import PAUSABLE_METRICS, POLICY_METRICS, Metric, SlaPolicy, Target
from app.domain.sla_clocks import (
    RESOLVED,
    RESTARTED_METRICS,
    WAITING_CUSTOMER,
    ClockPause,
    TargetClock,
    measure_clock,
    pause,
    resume,
    resume_after_resolution,
    set_aside,
    stop,
)

# The spells a case spends in a state that stands its pausable clocks still.
_SPELL_OF: Mapping[TicketStatus, str] = {
    TicketStatus.WAITING_CUSTOMER: WAITING_CUSTOMER,
    TicketStatus.RESOLVED: RESOLVED,
    TicketStatus.CLOSED: RESOLVED,
}


@dataclass(frozen=True, slots=True)
class Measure:
    """What a ticket's clocks are measured by now: the versions in force at creation, the
    case's current severity and its first verified phone call, if any."""

    calendar: Calendar
    policy: SlaPolicy
    severity: int
    phone_call_at: datetime | None = None

    def targets(self) -> dict[Metric, Target]:
        return {t.metric: t for t in self.policy.targets_for(self.severity)}


@dataclass(frozen=True, slots=True)
class CaseHistory:
    """A case's creation and every state it entered since, in order (SPEC 4)."""

    created_at: datetime
    moves: tuple[tuple[datetime, TicketStatus], ...] = ()

    def __post_init__(self) -> None:
        moves = tuple((at, TicketStatus(status)) for at, status in self.moves)
        object.__setattr__(self, "moves", moves)

    def moved(self, status: TicketStatus, at: datetime) -> CaseHistory:
        return CaseHistory(self.created_at, (*self.moves, (at, TicketStatus(status))))

    @property
    def status(self) -> TicketStatus:
        return self.moves[-1][1] if self.moves else TicketStatus.NEW

    @property
    def is_open(self) -> bool:
        """Before the resolution or withdrawal: the case's clocks are measured."""
        return self.status in OPEN_STATES

    def spells(self) -> tuple[ClockPause, ...]:
        """The spells the case waited for the customer or stood resolved (or closed), in
        order; the last is open while the case is still in it."""
        spells: list[ClockPause] = []
        current: ClockPause | None = None
        for at, status in self.moves:
            reason = _SPELL_OF.get(status)
            if current is not None and current.reason != reason:
                spells.append(ClockPause(current.start, at, current.reason))
                current = None
            if reason is not None and current is None:
                current = ClockPause(at, None, reason)
        return (*spells, current) if current is not None else tuple(spells)

    def event_at(self, metric: Metric) -> datetime | None:
        """When the metric's event happened, if it still stands: a reopen undoes the
        resolution and the updates owed (SPEC 4)."""
        events: dict[Metric, datetime] = {}
        previous = TicketStatus.NEW
        for at, status in self.moves:
            if is_reopen(previous, status):
                for reopened in REOPENED_METRICS:
                    events.pop(reopened, None)
            for met in metrics_met_on_entry(status):
                events.setdefault(met, at)
            previous = status
        return events.get(metric)


def retarget(
    measure: Measure, clocks: Sequence[TargetClock], case: CaseHistory, at: datetime
) -> tuple[TargetClock, ...]:
    """The clocks after the severity changed to `measure.severity` at `at` (SPEC 3.1).

    Per clock: live with a target, recomputed from its start under the new severity,
    pauses kept; live without one, set aside (not applicable, a breach incurred stays);
    stopped by its event, unchanged (a verdict is history). A metric with a target and
    no live clock starts only while the case is open and its event is still owed
    (`open_clock`); on a resolved, closed or withdrawn case the reopen starts it.
    """
    targets = measure.targets()
    result = []
    for clock in clocks:
        target = targets.get(clock.metric)
        if clock.metric not in POLICY_METRICS:
            result.append(clock)  # the patch commitment is no policy target: it stays
        elif target is None:
            result.append(set_aside(clock, at))
        elif clock.is_live:
            result.append(remeasure(measure, target, clock))
        elif clock.is_stopped:
            result.append(clock)
        else:  # set aside earlier: the target applies again, measured afresh
            result.append(open_clock(measure, target, case, at) or clock)
    present = {c.metric for c in clocks}
    for metric, target in targets.items():
        if metric not in present:
            fresh = open_clock(measure, target, case, at)
            if fresh is not None:
                result.append(fresh)
    return tuple(result)


def apply_transition(
    measure: Measure,
    clocks: Iterable[TargetClock],
    plan: TransitionPlan,
    case: CaseHistory | None = None,
) -> tuple[TargetClock, ...]:
    """Carry a lifecycle move's SLA effects out on a ticket's clocks (SPEC 3.1, 4).

    `case` is the history before the move; only a reopen needs it. Events stop their
    clocks, waiting pauses and resumes the pausable ones, a withdrawal stops every clock;
    a reopen runs the reopened metrics again under the severity now (`reopen`).
    """
    result = []
    for clock in clocks:
        if plan.resume_clocks:
            clock = resume(clock, plan.at)
        if plan.pause_clocks:
            clock = pause(clock, plan.at)
        if plan.stop_all_clocks or clock.metric in plan.metrics_met:
            clock = stop(clock, plan.at)
        result.append(clock)
    if plan.metrics_reopened:
        if case is None:
            raise ValueError("a reopen needs the case's history")
        after = case.moved(plan.status, plan.at)
        return reopen(measure, result, plan.metrics_reopened, after, plan.at)
    return tuple(result)


def reopen(
    measure: Measure,
    clocks: Sequence[TargetClock],
    metrics: frozenset[Metric],
    case: CaseHistory,
    at: datetime,
) -> tuple[TargetClock, ...]:
    """A reopened case at `at` (SPEC 4, 3.1): each reopened metric the severity now has a
    target for runs again under it. Resolution resumes, measured from creation with the
    time counted kept and the resolved spell excluded; update starts afresh at the
    reopen; a metric without a clock starts as after a severity change. A reopened
    metric without a target now keeps its verdict."""
    targets = measure.targets()
    result = []
    for clock in clocks:
        target = targets.get(clock.metric)
        if clock.metric not in metrics or target is None or clock.is_live:
            result.append(clock)
        elif clock.is_stopped and clock.metric not in RESTARTED_METRICS:
            result.append(remeasure(measure, target, resume_after_resolution(clock, at)))
        else:
            result.append(open_clock(measure, target, case, at) or clock)
    present = {c.metric for c in clocks}
    for metric, target in targets.items():
        if metric in metrics and metric not in present:
            fresh = open_clock(measure, target, case, at)
            if fresh is not None:
                result.append(fresh)
    return tuple(result)


def remeasure(measure: Measure, target: Target, clock: TargetClock) -> TargetClock:
    """A live clock under `target`: same start and pauses, the new duration (SPEC 3.1)."""
    return measure_clock(
        measure.calendar,
        target,
        clock.started_at,
        pauses=clock.pauses,
        phone_call_at=measure.phone_call_at,
    )


def open_clock(
    measure: Measure, target: Target, case: CaseHistory, at: datetime
) -> TargetClock | None:
    """The clock a target that newly applies at `at` gets, or `None` when nothing is owed:
    the case is resolved, closed or withdrawn, or the metric's event already happened.

    It counts from creation (update: from `at`, since nothing was owed before), the
    spells the case waited or stood resolved excluded; while the case waits it starts
    paused (SPEC 3.1).
    """
    if not case.is_open or case.event_at(target.metric) is not None:
        return None
    start = at if target.metric in RESTARTED_METRICS else case.created_at
    pauses: tuple[ClockPause, ...] = ()
    if target.metric in PAUSABLE_METRICS:
        pauses = _spells_since(case.spells(), start)
    return measure_clock(
        measure.calendar, target, start, pauses=pauses, phone_call_at=measure.phone_call_at
    )


def _spells_since(spells: Iterable[ClockPause], start: datetime) -> tuple[ClockPause, ...]:
    return tuple(
        ClockPause(max(p.start, start), p.end, p.reason)
        for p in spells
        if p.end is None or p.end > start
    )
