"""Ticket states, who may move a ticket between them, and what each move sets (SPEC 4).

`plan_transition` is pure: it checks the move and answers a `TransitionPlan` that the
tickets use case applies (ticket attributes, SLA clock events, pauses) and records in
the audit trail. The SLA side effects are carried out by `app.domain.sla_clocks`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from app.domain.actors import Actor, Side
from app.domain.errors import Conflict, Forbidden, InvalidField
from app.domain.sla_policy import Metric


class TicketStatus(StrEnum):
    """The states of a case (SPEC 4, States)."""

    NEW = "new"
    ACKNOWLEDGED = "acknowledged"
    IN_PROGRESS = "in_progress"
    WAITING_CUSTOMER = "waiting_customer"
    RESTORED = "restored"
    RESOLVED = "resolved"
    CLOSED = "closed"
    WITHDRAWN = "withdrawn"


class Outcome(StrEnum):
    """How a case was resolved, per the support charter (SPEC 4, Resolution outcomes)."""

    FIXED = "fixed"
    NOT_POSSIBLE = "not_possible"
    FEATURE_REQUEST = "feature_request"
    ACCOUNT_MANAGER = "account_manager"
    BUG = "bug"


_S = TicketStatus
# Before `resolved` a case is open: its clocks run and the customer may withdraw it.
OPEN_STATES = frozenset({_S.NEW, _S.ACKNOWLEDGED, _S.IN_PROGRESS, _S.WAITING_CUSTOMER, _S.RESTORED})
REOPENABLE_STATES = frozenset({_S.RESOLVED, _S.CLOSED})

TRANSITIONS: Mapping[TicketStatus, frozenset[TicketStatus]] = {
    # A first response may already be the workaround or the answer (an informational
    # request answered at once), so `new` may go straight to restored or resolved.
    _S.NEW: frozenset({_S.ACKNOWLEDGED, _S.RESTORED, _S.RESOLVED, _S.WITHDRAWN}),
    _S.ACKNOWLEDGED: frozenset(
        {_S.IN_PROGRESS, _S.WAITING_CUSTOMER, _S.RESTORED, _S.RESOLVED, _S.WITHDRAWN}
    ),
    _S.IN_PROGRESS: frozenset({_S.WAITING_CUSTOMER, _S.RESTORED, _S.RESOLVED, _S.WITHDRAWN}),
    _S.WAITING_CUSTOMER: frozenset({_S.IN_PROGRESS, _S.RESTORED, _S.RESOLVED, _S.WITHDRAWN}),
    # After a workaround support may wait for the customer to test the final fix.
    _S.RESTORED: frozenset({_S.WAITING_CUSTOMER, _S.RESOLVED, _S.WITHDRAWN}),
    _S.RESOLVED: frozenset({_S.CLOSED, _S.IN_PROGRESS}),  # confirm, or reopen
    _S.CLOSED: frozenset({_S.IN_PROGRESS}),  # reopen
    _S.WITHDRAWN: frozenset(),
}

_CUSTOMER_SIDES = frozenset({Side.CUSTOMER, Side.PARTNER})  # a partner acts for its customer
_BOTH_SIDES = frozenset(Side)
_STAFF_SIDE = frozenset({Side.STAFF})

# The SLA events a state entered for the first time stands for (SPEC 3, 4). Clocks
# already stopped stay as they are, so "reaction if not yet met" needs no argument here.
_MET_ON_ENTRY: Mapping[TicketStatus, frozenset[Metric]] = {
    _S.ACKNOWLEDGED: frozenset({Metric.REACTION}),
    _S.RESTORED: frozenset({Metric.REACTION, Metric.RESTORE}),
    _S.RESOLVED: frozenset({Metric.REACTION, Metric.RESTORE, Metric.RESOLUTION, Metric.UPDATE}),
}
_TIMESTAMP_ON_ENTRY: Mapping[TicketStatus, str] = {
    _S.ACKNOWLEDGED: "acknowledged_at",
    _S.RESTORED: "restored_at",
    _S.RESOLVED: "resolved_at",
    _S.CLOSED: "closed_at",
    _S.WITHDRAWN: "withdrawn_at",
}
# A reopened case is worked again: resolution runs on and staff owe updates again.
REOPENED_METRICS = frozenset({Metric.RESOLUTION, Metric.UPDATE})
OUTCOMES_NEEDING_DETAIL = frozenset({Outcome.NOT_POSSIBLE, Outcome.BUG})
CRITICAL_SEVERITY = 1
PATCH_COMMITMENT = timedelta(hours=24)


class InvalidTransition(Conflict):
    """The target state cannot be reached from the current one (SPEC 4: 409)."""

    type_slug = "invalid-transition"
    title = "This state change is not possible"


class TransitionNotPermitted(Forbidden):
    """The move exists, but not for this side (customer, partner or staff)."""

    type_slug = "transition-not-permitted"
    title = "This state change is not yours to make"


class NotOwnRequest(Forbidden):
    """Only the customer that raised a request may withdraw it (SPEC 4)."""

    type_slug = "not-own-request"
    title = "Only the customer's own request can be withdrawn"


class ReopenWindowExpired(Conflict):
    """A resolved or closed case reopens only within the contract's window (SPEC 4)."""

    type_slug = "reopen-window-expired"
    title = "The reopen window has expired"


class OutcomeRequired(InvalidField):
    """Resolving a case names its outcome (SPEC 4, support charter)."""

    type_slug = "outcome-required"
    title = "An outcome is required to resolve"


class OutcomeDetailRequired(InvalidField):
    """`not_possible` says why; `bug` names the bug and the indication of resolution."""

    type_slug = "outcome-detail-required"
    title = "This outcome needs an explanation"


@dataclass(frozen=True, slots=True)
class TransitionPlan:
    """What a permitted move does; the use case applies it and audits `changes`.

    `changes` maps ticket attribute names to their new values (status, timestamps,
    outcome, patch commitment; `None` clears). `metrics_met` are the SLA events that
    happen now (running clocks stop); `pause_clocks`/`resume_clocks` pause or resume the
    pausable clocks; `metrics_reopened` restart after a reopen; `stop_all_clocks` on
    withdrawal, which is not an SLA event.
    """

    previous: TicketStatus
    status: TicketStatus
    at: datetime
    changes: Mapping[str, Any]
    metrics_met: frozenset[Metric] = frozenset()
    pause_clocks: bool = False
    resume_clocks: bool = False
    metrics_reopened: frozenset[Metric] = frozenset()
    stop_all_clocks: bool = False
    patch_due_at: datetime | None = None

    @property
    def is_reopen(self) -> bool:
        return bool(self.metrics_reopened)


def allowed_targets(current: TicketStatus) -> list[TicketStatus]:
    """The states reachable from `current`, in the order of `TicketStatus`."""
    return [s for s in TicketStatus if s in TRANSITIONS[current]]


def sides_allowed(current: TicketStatus, target: TicketStatus) -> frozenset[Side]:
    """Who may make a move: customers confirm, reopen, withdraw and reply; staff the rest."""
    if target is _S.WITHDRAWN:
        return _CUSTOMER_SIDES
    if current is _S.RESOLVED and target is _S.CLOSED:
        return _CUSTOMER_SIDES  # the customer confirms; the worker auto-closes (plan_auto_close)
    if target is _S.IN_PROGRESS and current in REOPENABLE_STATES | {_S.WAITING_CUSTOMER}:
        return _BOTH_SIDES  # a customer's reply or reopen, or staff acting on it
    return _STAFF_SIDE


def parse_status(value: str, field_name: str = "to") -> TicketStatus:
    """A state named in a request, or `InvalidField` listing the states."""
    try:
        return TicketStatus(value)
    except ValueError:
        names = ", ".join(s.value for s in TicketStatus)
        raise InvalidField(field_name, f"{value!r} is not a state; use one of: {names}") from None


def parse_outcome(value: str | None) -> Outcome | None:
    """An outcome named in a request, or `InvalidField("outcome")` listing the outcomes."""
    if value is None:
        return None
    try:
        return Outcome(value)
    except ValueError:
        names = ", ".join(o.value for o in Outcome)
        raise InvalidField("outcome", f"{value!r} is not an outcome; use one of: {names}") from None


def plan_transition(
    current: TicketStatus,
    target: TicketStatus,
    actor: Actor,
    *,
    now: datetime,
    severity: int,
    reopen_window: timedelta,
    outcome: Outcome | None = None,
    outcome_detail: str | None = None,
    resolved_at: datetime | None = None,
    closed_at: datetime | None = None,
    is_own_request: bool = False,
) -> TransitionPlan:
    """Check a move of a case and say what it sets (SPEC 4, 3.1).

    `is_own_request`: the service's judgement that the actor's company (or the partner
    acting for it) raised the case. `severity` decides whether a `bug` is critical.
    Raises `InvalidTransition`, `TransitionNotPermitted`, `NotOwnRequest`,
    `ReopenWindowExpired`, `OutcomeRequired`, `OutcomeDetailRequired` or `InvalidField`.
    """
    current, target = TicketStatus(current), TicketStatus(target)  # rows hold plain strings
    _check_move(current, target)
    _check_side(current, target, actor, is_own_request)
    detail = _check_outcome(target, outcome, outcome_detail)
    if is_reopen(current, target):
        since = resolved_at if current is _S.RESOLVED else closed_at
        _check_reopen_window(current, since, now, reopen_window)
        return _reopen_plan(current, now)
    return _plan(current, target, now, outcome, detail, severity)


def plan_auto_close(
    current: TicketStatus, *, now: datetime, resolved_at: datetime, auto_close_after: timedelta
) -> TransitionPlan | None:
    """The worker's close of a resolved case the customer did not confirm (SPEC 4).

    Answers `None` while the case is not resolved or the period has not run out.
    """
    if current is not _S.RESOLVED or now < resolved_at + auto_close_after:
        return None
    return _plan(current, _S.CLOSED, now, None, None, severity=0)


def patch_due_at(outcome: Outcome | None, severity: int, resolved_at: datetime) -> datetime | None:
    """A critical bug (a `bug` outcome at Severity 1) carries a patch due within 24 h (SPEC 4)."""
    if outcome is Outcome.BUG and severity == CRITICAL_SEVERITY:
        return resolved_at + PATCH_COMMITMENT
    return None


def metrics_met_on_entry(status: TicketStatus) -> frozenset[Metric]:
    """The SLA events entering `status` stands for (SPEC 3, 4); clocks already stopped keep
    their first event."""
    return _MET_ON_ENTRY.get(TicketStatus(status), frozenset())


def is_reopen(previous: TicketStatus, status: TicketStatus) -> bool:
    """A resolved or closed case worked again (SPEC 4)."""
    return previous in REOPENABLE_STATES and status is _S.IN_PROGRESS


def _check_move(current: TicketStatus, target: TicketStatus) -> None:
    if target in TRANSITIONS[current]:
        return
    allowed = [s.value for s in allowed_targets(current)]
    listed = ", ".join(allowed) if allowed else "none (the case is final)"
    raise InvalidTransition(
        f"a {current.value} case cannot become {target.value}; allowed from "
        f"{current.value}: {listed}",
        current=current.value,
        target=target.value,
        allowed=allowed,
    )


def _check_side(
    current: TicketStatus, target: TicketStatus, actor: Actor, is_own_request: bool
) -> None:
    sides = sides_allowed(current, target)
    if actor.side not in sides:
        who = "support staff" if sides == _STAFF_SIDE else "the customer (or its partner)"
        raise TransitionNotPermitted(
            f"only {who} may move a {current.value} case to {target.value}",
            allowed_sides=sorted(s.value for s in sides),
        )
    if target is _S.WITHDRAWN and not is_own_request:
        raise NotOwnRequest("a customer may withdraw only its own request")


def _check_outcome(
    target: TicketStatus, outcome: Outcome | None, outcome_detail: str | None
) -> str | None:
    detail = (outcome_detail or "").strip() or None
    if target is not _S.RESOLVED:
        if outcome is not None:
            raise InvalidField("outcome", "an outcome is given only when resolving a case")
        return None
    if outcome is None:
        names = ", ".join(o.value for o in Outcome)
        raise OutcomeRequired("outcome", f"resolving a case needs an outcome: one of {names}")
    if outcome in OUTCOMES_NEEDING_DETAIL and detail is None:
        why = (
            "explain why it is not possible"
            if outcome is Outcome.NOT_POSSIBLE
            else "name the bug-tracker reference and the indication of resolution"
        )
        raise OutcomeDetailRequired("outcome_detail", f"outcome {outcome.value}: {why}")
    return detail


def _check_reopen_window(
    current: TicketStatus, since: datetime | None, now: datetime, window: timedelta
) -> None:
    if since is None:
        raise ValueError(f"a {current.value} case must carry its {current.value}_at instant")
    if now > since + window:
        raise ReopenWindowExpired(
            f"a {current.value} case can be reopened within {_days(window)} of being "
            f"{current.value}; that window ended at {(since + window).isoformat()}",
            window_ends_at=(since + window).isoformat(),
        )


def _plan(
    current: TicketStatus,
    target: TicketStatus,
    now: datetime,
    outcome: Outcome | None,
    detail: str | None,
    severity: int,
) -> TransitionPlan:
    changes: dict[str, Any] = {"status": target}
    if target in _TIMESTAMP_ON_ENTRY:
        changes[_TIMESTAMP_ON_ENTRY[target]] = now
    patch_due = None
    if target is _S.RESOLVED:
        patch_due = patch_due_at(outcome, severity, now)
        changes |= {"outcome": outcome, "outcome_detail": detail, "patch_due_at": patch_due}
    return TransitionPlan(
        previous=current,
        status=target,
        at=now,
        changes=changes,
        metrics_met=metrics_met_on_entry(target),
        pause_clocks=target is _S.WAITING_CUSTOMER,
        resume_clocks=current is _S.WAITING_CUSTOMER,
        stop_all_clocks=target is _S.WITHDRAWN,
        patch_due_at=patch_due,
    )


def _reopen_plan(current: TicketStatus, now: datetime) -> TransitionPlan:
    # The resolution is undone; its history stays in the audit trail.
    changes: dict[str, Any] = {
        "status": _S.IN_PROGRESS,
        "resolved_at": None,
        "closed_at": None,
        "outcome": None,
        "outcome_detail": None,
        "patch_due_at": None,
    }
    return TransitionPlan(
        previous=current,
        status=_S.IN_PROGRESS,
        at=now,
        changes=changes,
        metrics_reopened=REOPENED_METRICS,
    )


def _days(window: timedelta) -> str:
    days = window / timedelta(days=1)
    return f"{days:g} day" + ("" if days == 1 else "s")
