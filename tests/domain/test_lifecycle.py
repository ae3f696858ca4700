"""Ticket lifecycle: the transition table, who may move a case, outcomes, reopen (SPEC 4)."""

from __future__ import annotations

import itertools
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from app.domain.actors import Actor, Role
from app.domain.errors import DomainError, InvalidField
from app.domain.lifecycle import (
    TRANSITIONS,
    InvalidTransition,
    NotOwnRequest,
    Outcome,
    OutcomeDetailRequired,
    OutcomeRequired,
    ReopenWindowExpired,
    TicketStatus,
    TransitionNotPermitted,
    TransitionPlan,
    allowed_targets,
    parse_outcome,
    parse_status,
    plan_auto_close,
    plan_transition,
    sides_allowed,
)
from app.domain.sla_policy import Metric

S = TicketStatus
NOW = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)
WINDOW = timedelta(days=14)


def agent() -> Actor:
    return Actor(Role.AGENT, user_id=uuid.uuid4())


def customer() -> Actor:
    return Actor(Role.CUSTOMER_USER, user_id=uuid.uuid4(), customer_id=uuid.uuid4())


def partner() -> Actor:
    return Actor(Role.PARTNER_AGENT, user_id=uuid.uuid4(), partner_id=uuid.uuid4())


def plan(current: S, target: S, actor: Actor | None = None, **kwargs: Any) -> TransitionPlan:
    options: dict[str, Any] = {"now": NOW, "severity": 2, "reopen_window": WINDOW}
    options.update(kwargs)
    return plan_transition(current, target, actor or agent(), **options)


def _actor_for(current: S, target: S) -> Actor:
    customer_move = target is S.WITHDRAWN or (current is S.RESOLVED and target is S.CLOSED)
    return customer() if customer_move else agent()


def _extra_for(current: S, target: S) -> dict[str, Any]:
    extra: dict[str, Any] = {"is_own_request": True}
    if target is S.RESOLVED:
        extra["outcome"] = Outcome.FIXED
    if current is S.RESOLVED:
        extra["resolved_at"] = NOW - timedelta(days=1)
    if current is S.CLOSED:
        extra["closed_at"] = NOW - timedelta(days=1)
    return extra


ALLOWED = [(a, b) for a, targets in TRANSITIONS.items() for b in targets]
FORBIDDEN = [(a, b) for a in S for b in S if b not in TRANSITIONS[a]]


@pytest.mark.parametrize(("current", "target"), ALLOWED)
def test_every_allowed_transition_is_planned(current: S, target: S) -> None:
    result = plan(current, target, _actor_for(current, target), **_extra_for(current, target))
    assert result.status is target
    assert result.previous is current
    assert result.changes["status"] is target


@pytest.mark.parametrize(("current", "target"), FORBIDDEN)
def test_every_forbidden_transition_answers_409_listing_the_allowed_states(
    current: S, target: S
) -> None:
    with pytest.raises(InvalidTransition) as caught:
        plan(current, target, outcome=Outcome.FIXED if target is S.RESOLVED else None)
    error = caught.value
    assert error.status == 409
    assert error.type_slug == "invalid-transition"
    allowed = [s.value for s in allowed_targets(current)]
    assert error.extra["allowed"] == allowed
    for state in allowed:
        assert state in error.detail


def test_the_spec_path_is_in_the_table() -> None:
    path = [S.NEW, S.ACKNOWLEDGED, S.IN_PROGRESS, S.WAITING_CUSTOMER, S.IN_PROGRESS, S.RESTORED]
    for current, target in itertools.pairwise(path):
        assert target in TRANSITIONS[current]
    assert S.RESOLVED in TRANSITIONS[S.RESTORED]
    assert S.CLOSED in TRANSITIONS[S.RESOLVED]


def test_withdrawn_is_final_and_says_so() -> None:
    with pytest.raises(InvalidTransition) as caught:
        plan(S.WITHDRAWN, S.IN_PROGRESS)
    assert caught.value.extra["allowed"] == []
    assert "final" in caught.value.detail


def test_acknowledging_meets_reaction_and_sets_acknowledged_at() -> None:
    result = plan(S.NEW, S.ACKNOWLEDGED)
    assert result.metrics_met == {Metric.REACTION}
    assert result.changes["acknowledged_at"] == NOW


def test_restoring_meets_restore_and_reaction_if_not_yet_met() -> None:
    result = plan(S.NEW, S.RESTORED)
    assert result.metrics_met == {Metric.REACTION, Metric.RESTORE}
    assert result.changes["restored_at"] == NOW


def test_resolving_meets_resolution_restore_and_reaction() -> None:
    result = plan(S.IN_PROGRESS, S.RESOLVED, outcome=Outcome.FIXED)
    assert {Metric.REACTION, Metric.RESTORE, Metric.RESOLUTION} <= result.metrics_met
    assert result.changes["resolved_at"] == NOW
    assert result.changes["outcome"] is Outcome.FIXED


def test_entering_waiting_customer_pauses_and_leaving_resumes() -> None:
    assert plan(S.IN_PROGRESS, S.WAITING_CUSTOMER).pause_clocks
    back = plan(S.WAITING_CUSTOMER, S.IN_PROGRESS, customer())
    assert back.resume_clocks and not back.pause_clocks
    resolved = plan(S.WAITING_CUSTOMER, S.RESOLVED, outcome=Outcome.FIXED)
    assert resolved.resume_clocks


def test_customer_replying_moves_waiting_customer_back_to_in_progress() -> None:
    assert plan(S.WAITING_CUSTOMER, S.IN_PROGRESS, customer()).status is S.IN_PROGRESS


def test_customer_cannot_acknowledge() -> None:
    with pytest.raises(TransitionNotPermitted) as caught:
        plan(S.NEW, S.ACKNOWLEDGED, customer())
    assert caught.value.type_slug == "transition-not-permitted"
    assert caught.value.status == 403
    assert caught.value.extra["allowed_sides"] == ["staff"]


def test_customer_confirms_a_resolution_and_staff_cannot() -> None:
    done = plan(S.RESOLVED, S.CLOSED, customer(), resolved_at=NOW - timedelta(days=1))
    assert done.changes["closed_at"] == NOW
    with pytest.raises(TransitionNotPermitted):
        plan(S.RESOLVED, S.CLOSED, agent(), resolved_at=NOW - timedelta(days=1))


def test_partner_acts_for_its_customer() -> None:
    assert plan(S.RESTORED, S.WITHDRAWN, partner(), is_own_request=True).status is S.WITHDRAWN


def test_customer_withdraws_own_request_and_nothing_is_erased() -> None:
    result = plan(S.IN_PROGRESS, S.WITHDRAWN, customer(), is_own_request=True)
    assert result.changes == {"status": S.WITHDRAWN, "withdrawn_at": NOW}
    assert result.stop_all_clocks
    assert result.metrics_met == frozenset()


def test_withdrawing_someone_elses_request_is_refused() -> None:
    with pytest.raises(NotOwnRequest) as caught:
        plan(S.NEW, S.WITHDRAWN, customer(), is_own_request=False)
    assert caught.value.type_slug == "not-own-request"
    assert caught.value.status == 403


def test_staff_cannot_withdraw() -> None:
    with pytest.raises(TransitionNotPermitted):
        plan(S.NEW, S.WITHDRAWN, agent(), is_own_request=True)


def test_withdrawing_after_resolution_is_an_invalid_transition() -> None:
    with pytest.raises(InvalidTransition):
        plan(S.RESOLVED, S.WITHDRAWN, customer(), is_own_request=True)


def test_resolving_without_outcome_is_422_on_outcome() -> None:
    with pytest.raises(OutcomeRequired) as caught:
        plan(S.IN_PROGRESS, S.RESOLVED)
    assert isinstance(caught.value, InvalidField)
    assert caught.value.field == "outcome"
    assert caught.value.status == 422
    assert caught.value.type_slug == "outcome-required"


@pytest.mark.parametrize("outcome", [Outcome.NOT_POSSIBLE, Outcome.BUG])
def test_outcomes_that_must_be_explained(outcome: Outcome) -> None:
    with pytest.raises(OutcomeDetailRequired) as caught:
        plan(S.IN_PROGRESS, S.RESOLVED, outcome=outcome, outcome_detail="   ")
    assert caught.value.field == "outcome_detail"
    assert caught.value.type_slug == "outcome-detail-required"
    explained = plan(S.IN_PROGRESS, S.RESOLVED, outcome=outcome, outcome_detail=" BUG-42 ")
    assert explained.changes["outcome_detail"] == "BUG-42"


def test_outcome_outside_a_resolution_is_refused() -> None:
    with pytest.raises(InvalidField) as caught:
        plan(S.NEW, S.ACKNOWLEDGED, outcome=Outcome.FIXED)
    assert caught.value.field == "outcome"


def test_critical_bug_carries_a_patch_commitment_within_24_hours() -> None:
    result = plan(
        S.IN_PROGRESS, S.RESOLVED, outcome=Outcome.BUG, outcome_detail="BUG-7", severity=1
    )
    assert result.patch_due_at == NOW + timedelta(hours=24)
    assert result.changes["patch_due_at"] == NOW + timedelta(hours=24)


def test_non_critical_bug_has_no_patch_commitment() -> None:
    result = plan(
        S.IN_PROGRESS, S.RESOLVED, outcome=Outcome.BUG, outcome_detail="BUG-7", severity=2
    )
    assert result.patch_due_at is None


@pytest.mark.parametrize("state", [S.RESOLVED, S.CLOSED])
def test_reopen_within_the_window(state: S) -> None:
    at = {"resolved_at": NOW - WINDOW} if state is S.RESOLVED else {"closed_at": NOW - WINDOW}
    result = plan(state, S.IN_PROGRESS, customer(), **at)
    assert result.is_reopen
    assert result.metrics_reopened == {Metric.RESOLUTION, Metric.UPDATE}
    assert result.changes["resolved_at"] is None
    assert result.changes["outcome"] is None


def test_staff_may_reopen_too() -> None:
    assert plan(S.RESOLVED, S.IN_PROGRESS, agent(), resolved_at=NOW).is_reopen


@pytest.mark.parametrize("state", [S.RESOLVED, S.CLOSED])
def test_reopen_past_the_window_is_409(state: S) -> None:
    since = NOW - WINDOW - timedelta(seconds=1)
    at = {"resolved_at": since} if state is S.RESOLVED else {"closed_at": since}
    with pytest.raises(ReopenWindowExpired) as caught:
        plan(state, S.IN_PROGRESS, customer(), **at)
    assert caught.value.status == 409
    assert caught.value.type_slug == "reopen-window-expired"
    assert caught.value.extra["window_ends_at"] == (since + WINDOW).isoformat()
    assert "14 days" in caught.value.detail


def test_closed_window_runs_from_closing_not_resolution() -> None:
    result = plan(
        S.CLOSED,
        S.IN_PROGRESS,
        customer(),
        resolved_at=NOW - timedelta(days=30),
        closed_at=NOW - timedelta(days=1),
    )
    assert result.is_reopen


def test_auto_close_after_the_period_and_not_before() -> None:
    resolved_at = NOW - timedelta(days=7)
    after = timedelta(days=7)
    closing = plan_auto_close(S.RESOLVED, now=NOW, resolved_at=resolved_at, auto_close_after=after)
    assert closing is not None and closing.status is S.CLOSED
    early = NOW - timedelta(seconds=1)
    assert (
        plan_auto_close(S.RESOLVED, now=early, resolved_at=resolved_at, auto_close_after=after)
        is None
    )
    assert (
        plan_auto_close(S.CLOSED, now=NOW, resolved_at=resolved_at, auto_close_after=after) is None
    )


def test_sides_allowed_summarises_who_moves_what() -> None:
    assert sides_allowed(S.NEW, S.ACKNOWLEDGED) == {"staff"}
    assert sides_allowed(S.NEW, S.WITHDRAWN) == {"customer", "partner"}
    assert sides_allowed(S.CLOSED, S.IN_PROGRESS) == {"customer", "partner", "staff"}


def test_parsing_names_from_requests() -> None:
    assert parse_status("in_progress") is S.IN_PROGRESS
    assert parse_outcome("bug") is Outcome.BUG
    assert parse_outcome(None) is None
    with pytest.raises(InvalidField) as caught:
        parse_status("done")
    assert caught.value.field == "to" and "waiting_customer" in caught.value.detail
    with pytest.raises(InvalidField) as caught:
        parse_outcome("solved")
    assert caught.value.field == "outcome"


def test_states_read_from_rows_as_plain_strings_are_understood() -> None:
    result = plan("new", "withdrawn", customer(), is_own_request=True)  # type: ignore[arg-type]
    assert result.stop_all_clocks and result.status is S.WITHDRAWN


def test_error_slugs_are_distinct() -> None:
    classes: list[type[DomainError]] = [
        InvalidTransition,
        TransitionNotPermitted,
        NotOwnRequest,
        ReopenWindowExpired,
        OutcomeRequired,
        OutcomeDetailRequired,
    ]
    assert len({c.type_slug for c in classes}) == len(classes)
