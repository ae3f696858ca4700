"""A ticket's SLA clocks: stored rows <-> domain `TargetClock`s, refreshed from the engine.

The rows keep the history (start, pauses, event, call) and, derived from it by
`sla_clocks.evaluate`, the state, due and warning instants the monitor and list
filters query by index (SPEC 3.1).
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from app.db.models import Ticket, TicketClock
from app.db.session import UnitOfWork
from app.domain import clock_changes, patch_commitment
from app.domain import sla_clocks as clocks
from app.domain.actors import Actor
from app.domain.contracts import ContractTerms
from app.domain.ids import new_id
from app.domain.lifecycle import TicketStatus, TransitionPlan
from app.domain.sla import ClockKind, Metric
from app.schemas.tickets import ClockOut, PauseOut, TicketSlaOut
from app.services.context import ServiceContext

# Once a clock is stopped, breached or set aside nothing derived changes; running/paused
# rows are refreshed on every change of the ticket and by the monitor.


async def terms_of_ticket(uow: UnitOfWork, ticket: Ticket) -> ContractTerms:
    """The contract at the calendar and policy versions in force at the ticket's creation."""
    return await uow.sla_config.ticket_terms(
        ticket.contract_id, ticket.calendar_version_id, ticket.policy_version_id
    )


def to_domain(row: TicketClock) -> clocks.TargetClock:
    call = None
    if row.phone_call_at is not None and row.phone_call_minutes is not None:
        call = clocks.PhoneCallBasis(row.phone_call_at, row.phone_call_minutes)
    return clocks.TargetClock(
        metric=Metric(row.metric),
        minutes=row.minutes,
        clock=ClockKind(row.clock),
        started_at=row.started_at,
        pauses=tuple(
            clocks.ClockPause(
                datetime.fromisoformat(start),
                datetime.fromisoformat(end) if end else None,
                reason,
            )
            for start, end, reason in row.pauses
        ),
        stopped_at=row.stopped_at,
        phone_call=call,
        not_applicable_at=row.not_applicable_at,
    )


def _derived(clock: clocks.TargetClock, terms: ContractTerms, now: datetime) -> dict[str, Any]:
    """A clock's stored columns: its history and what `evaluate` derives from it."""
    state = clocks.evaluate(terms.calendar, clock, now)
    return {
        "metric": clock.metric.value,
        "minutes": clock.minutes,
        "clock": clock.clock.value,
        "started_at": clock.started_at,
        "pauses": [
            [p.start.isoformat(), p.end.isoformat() if p.end else None, p.reason]
            for p in clock.pauses
        ],
        "stopped_at": clock.stopped_at,
        "not_applicable_at": clock.not_applicable_at,
        "phone_call_at": clock.phone_call.called_at if clock.phone_call else None,
        "phone_call_minutes": clock.phone_call.minutes if clock.phone_call else None,
        "state": state.state.value,
        "due_at": state.due_at,
        "warn_at": state.warn_at,
        "breached_at": state.breached_at,
        "from_phone_call": state.from_phone_call,
        "counted_seconds": int(state.counted.total_seconds()) if clock.stopped_at else None,
        "updated_at": now,
    }


def _store(
    row: TicketClock, clock: clocks.TargetClock, terms: ContractTerms, now: datetime
) -> None:
    if row.started_at is not None and row.started_at != clock.started_at:
        row.warned_at = None  # a restarted `update` clock warns afresh
    for name, value in _derived(clock, terms, now).items():
        setattr(row, name, value)


async def start(uow: UnitOfWork, ticket: Ticket, terms: ContractTerms, now: datetime) -> None:
    """Every target of the ticket's severity, started at creation (SPEC 3.1): new rows
    written as they are, in one multi-row INSERT (no ORM unit of work to track them)."""
    started = clocks.start_clocks(
        terms.calendar,
        terms.policy,
        ticket.severity,
        ticket.created_at,
        phone_call_at=ticket.phone_call_at,
    )
    await uow.tickets.insert_clocks(
        [
            {"id": new_id(), "ticket_id": ticket.id, "warned_at": None} | _derived(c, terms, now)
            for c in started
        ]
    )


def measure(ticket: Ticket, terms: ContractTerms) -> clock_changes.Measure:
    """What the ticket's clocks are measured by now (its severity may have changed)."""
    return clock_changes.Measure(
        terms.calendar, terms.policy, ticket.severity, ticket.phone_call_at
    )


async def case_history(uow: UnitOfWork, ticket: Ticket) -> clock_changes.CaseHistory:
    """The ticket's creation and the states it entered, from its audit trail."""
    moves = await uow.tickets.status_moves(ticket.id)
    return clock_changes.CaseHistory(
        ticket.created_at, tuple((at, TicketStatus(status)) for at, status in moves)
    )


def _replace_all(
    uow: UnitOfWork,
    ticket: Ticket,
    terms: ContractTerms,
    now: datetime,
    new: tuple[clocks.TargetClock, ...],
    rows: list[TicketClock],
) -> None:
    # A clock is never deleted: a verdict is history and a clock set aside says so.
    by_metric = {row.metric: row for row in rows}
    for clock in new:
        row = by_metric.pop(clock.metric.value, None)
        if row is None:
            row = TicketClock(id=new_id(), ticket_id=ticket.id)
            uow.tickets.add(row)
        _store(row, clock, terms, now)
    if by_metric:
        raise ValueError(f"clocks lost by a change: {sorted(by_metric)}")


async def apply_plan(
    uow: UnitOfWork, ticket: Ticket, terms: ContractTerms, plan: TransitionPlan
) -> None:
    """A lifecycle move's SLA effects; a reopen reads the case's history (SPEC 3.1, 4)."""
    rows = await uow.tickets.clocks(ticket.id)
    case = await case_history(uow, ticket) if plan.is_reopen else None
    new = clock_changes.apply_transition(
        measure(ticket, terms), [to_domain(r) for r in rows], plan, case
    )
    _replace_all(uow, ticket, terms, plan.at, new, rows)


async def apply_phone_call(
    uow: UnitOfWork, ticket: Ticket, terms: ContractTerms, called_at: datetime
) -> None:
    rows = await uow.tickets.clocks(ticket.id)
    new = clocks.record_phone_call(
        terms.calendar, terms.policy, ticket.severity, [to_domain(r) for r in rows], called_at
    )
    _replace_all(uow, ticket, terms, called_at, new, rows)


async def apply_severity(
    uow: UnitOfWork, ticket: Ticket, terms: ContractTerms, now: datetime
) -> None:
    """A severity change, by the state of the case (SPEC 3.1, `clock_changes.retarget`):
    running targets recomputed from creation, verdicts kept, no clock started on a
    resolved, closed or withdrawn case, a new clock paused while the case waits."""
    rows = await uow.tickets.clocks(ticket.id)
    new = clock_changes.retarget(
        measure(ticket, terms), [to_domain(r) for r in rows], await case_history(uow, ticket), now
    )
    _replace_all(uow, ticket, terms, now, new, rows)


async def restart_update(
    uow: UnitOfWork, ticket: Ticket, terms: ContractTerms, now: datetime
) -> None:
    """A public staff update restarts the `update` clock (SPEC 4.1.7)."""
    rows = await uow.tickets.clocks(ticket.id)
    for row in rows:
        if row.metric == Metric.UPDATE.value:
            _store(row, clocks.restart_update(to_domain(row), now), terms, now)


async def explain(
    uow: UnitOfWork, ctx: ServiceContext, actor: Actor, ticket_id: uuid.UUID
) -> TicketSlaOut:
    """`GET /tickets/{id}/sla`: each clock evaluated now, with its pauses (SPEC 3.1)."""
    ticket, rows = await uow.tickets.ticket_with_clocks(ticket_id, actor.scope)
    terms = await terms_of_ticket(uow, ticket)
    now = ctx.now()
    out = []
    for row in rows:
        clock = to_domain(row)
        state = clocks.evaluate(terms.calendar, clock, now)
        out.append(_clock_out(clock, state))
    return TicketSlaOut(
        ticket_id=ticket.id,
        severity=ticket.severity,
        calendar_version_id=ticket.calendar_version_id,
        policy_version_id=ticket.policy_version_id,
        clocks=out,
    )


def _clock_out(clock: clocks.TargetClock, state: clocks.ClockState) -> ClockOut:
    data: dict[str, Any] = {
        "metric": clock.metric.value,
        "minutes": state.minutes_applied,
        "clock": clock.clock.value,
        "state": state.state.value,
        "started_at": clock.started_at,
        "due_at": state.due_at,
        "warn_at": state.warn_at,
        "stopped_at": state.stopped_at,
        "breached_at": state.breached_at,
        "not_applicable_at": state.not_applicable_at,
        "counted_seconds": int(state.counted.total_seconds()),
        "remaining_seconds": (
            int(state.remaining.total_seconds()) if state.remaining is not None else None
        ),
        "from_phone_call": state.from_phone_call,
        "pauses": [PauseOut(start=p.start, end=p.end, reason=p.reason) for p in clock.pauses],
    }
    return ClockOut(**data)


async def apply_patch_commitment(
    uow: UnitOfWork, ticket: Ticket, terms: ContractTerms, plan: TransitionPlan
) -> None:
    """A critical bug's resolution starts the `patch` clock; a reopen withdraws an unmet
    one (SPEC 4; issue 13.9). Other moves leave it to `apply_plan`."""
    if plan.patch_due_at is None and not plan.is_reopen:
        return
    rows = await uow.tickets.clocks(ticket.id)
    row = next((r for r in rows if r.metric == Metric.PATCH.value), None)
    current = to_domain(row) if row is not None else None
    new = patch_commitment.after_transition(current, plan)
    if new is None:
        if row is not None:
            await uow.tickets.delete(row)
        return
    if new is current:
        return
    if row is None:
        row = TicketClock(id=new_id(), ticket_id=ticket.id)
        uow.tickets.add(row)
    _store(row, new, terms, plan.at)


async def record_patch(
    uow: UnitOfWork, ticket: Ticket, terms: ContractTerms, actor: Actor, now: datetime
) -> ClockOut:
    """Stops the `patch` clock at the recorded patch; answers the clock explained."""
    rows = await uow.tickets.clocks(ticket.id)
    row = next((r for r in rows if r.metric == Metric.PATCH.value), None)
    clock = patch_commitment.record_patch(to_domain(row) if row is not None else None, actor, now)
    assert row is not None  # record_patch refuses a case without a patch clock
    _store(row, clock, terms, now)
    return _clock_out(clock, clocks.evaluate(terms.calendar, clock, now))
