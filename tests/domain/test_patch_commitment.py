"""The patch commitment is a clock (SPEC 4 support charter; issue 13.9): pure rules."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest

from app.domain.actors import Actor, Role
from app.domain.business_time import calendar_from_document
from app.domain.clock_changes import CaseHistory, Measure, retarget
from app.domain.errors import InvalidSlaPolicy
from app.domain.lifecycle import Outcome, TicketStatus, TransitionPlan, plan_transition
from app.domain.patch_commitment import (
    NoPatchCommitment,
    PatchAlreadyRecorded,
    PatchRecordedByStaff,
    after_transition,
    patch_clock,
    record_patch,
)
from app.domain.sla import policy_from_document
from app.domain.sla_clocks import ClockStatus, evaluate, start_clocks
from app.domain.sla_policy import ClockKind, Metric

AGENT = Actor(Role.AGENT, user_id=uuid.uuid4())
CUSTOMER = Actor(Role.CUSTOMER_USER, user_id=uuid.uuid4(), customer_id=uuid.uuid4())
RESOLVED = datetime(2027, 3, 9, 11, 0, tzinfo=UTC)
WINDOW = timedelta(days=14)
CALENDAR = calendar_from_document(
    {
        "name": "Weekdays",
        "shifts": [
            {
                "name": "UTC",
                "timezone": "UTC",
                "hours": [
                    {"days": ["mon", "tue", "wed", "thu", "fri"], "start": "09:00", "end": "17:00"}
                ],
                "holidays": None,
            }
        ],
    }
)
POLICY_DOC = {
    "name": "Two levels",
    "severities": [{"level": 1, "name": "Critical"}, {"level": 2, "name": "High"}],
    "targets": [
        {"severity": 1, "metric": "resolution", "minutes": 240, "clock": "business"},
        {"severity": 2, "metric": "resolution", "minutes": 960, "clock": "business"},
    ],
}


def resolve(severity: int, outcome: Outcome, at: datetime = RESOLVED) -> TransitionPlan:
    return plan_transition(
        TicketStatus.IN_PROGRESS,
        TicketStatus.RESOLVED,
        AGENT,
        now=at,
        severity=severity,
        reopen_window=WINDOW,
        outcome=outcome,
        outcome_detail="BUG-4711",
    )


def reopen(at: datetime) -> TransitionPlan:
    return plan_transition(
        TicketStatus.RESOLVED,
        TicketStatus.IN_PROGRESS,
        CUSTOMER,
        now=at,
        severity=1,
        reopen_window=WINDOW,
        resolved_at=RESOLVED,
    )


def test_a_critical_bug_starts_a_24_hour_continuous_patch_clock() -> None:
    clock = after_transition(None, resolve(1, Outcome.BUG))
    assert clock is not None
    assert (clock.metric, clock.minutes, clock.clock) == (Metric.PATCH, 1440, ClockKind.CONTINUOUS)
    state = evaluate(CALENDAR, clock, RESOLVED + timedelta(hours=1))
    assert state.state is ClockStatus.RUNNING
    assert state.due_at == RESOLVED + timedelta(hours=24)  # counts nights and weekends too
    assert state.warn_at == RESOLVED + timedelta(hours=19, minutes=12)
    assert state.remaining == timedelta(hours=23)


@pytest.mark.parametrize(("severity", "outcome"), [(2, Outcome.BUG), (1, Outcome.FIXED)])
def test_only_a_critical_bug_carries_a_patch_clock(severity: int, outcome: Outcome) -> None:
    plan = plan_transition(
        TicketStatus.IN_PROGRESS,
        TicketStatus.RESOLVED,
        AGENT,
        now=RESOLVED,
        severity=severity,
        reopen_window=WINDOW,
        outcome=outcome,
        outcome_detail="BUG-1" if outcome is Outcome.BUG else None,
    )
    assert after_transition(None, plan) is None


def test_an_unrecorded_patch_is_breached_past_its_due_time() -> None:
    clock = patch_clock(RESOLVED)
    state = evaluate(CALENDAR, clock, RESOLVED + timedelta(hours=25))
    assert state.state is ClockStatus.BREACHED
    assert state.breached_at == RESOLVED + timedelta(hours=24)


def test_recording_the_patch_meets_the_clock_in_time_and_breaches_it_late() -> None:
    met = record_patch(patch_clock(RESOLVED), AGENT, RESOLVED + timedelta(hours=24))
    assert evaluate(CALENDAR, met, RESOLVED + timedelta(days=3)).state is ClockStatus.MET
    late = record_patch(patch_clock(RESOLVED), AGENT, RESOLVED + timedelta(hours=24, seconds=1))
    assert evaluate(CALENDAR, late, RESOLVED + timedelta(days=3)).state is ClockStatus.BREACHED


def test_a_patch_is_recorded_once_by_staff_on_a_case_that_carries_one() -> None:
    with pytest.raises(NoPatchCommitment) as none:
        record_patch(None, AGENT, RESOLVED)
    assert (none.value.status, none.value.type_slug) == (409, "no-patch-commitment")
    done = record_patch(patch_clock(RESOLVED), AGENT, RESOLVED + timedelta(hours=1))
    with pytest.raises(PatchAlreadyRecorded):
        record_patch(done, AGENT, RESOLVED + timedelta(hours=2))
    with pytest.raises(PatchRecordedByStaff) as customer:
        record_patch(patch_clock(RESOLVED), CUSTOMER, RESOLVED)
    assert customer.value.status == 403


def test_a_reopen_withdraws_an_unmet_commitment_but_keeps_a_recorded_patch() -> None:
    later = RESOLVED + timedelta(hours=3)
    assert after_transition(patch_clock(RESOLVED), reopen(later)) is None
    done = record_patch(patch_clock(RESOLVED), AGENT, RESOLVED + timedelta(hours=1))
    assert after_transition(done, reopen(later)) is done
    # resolved again as a critical bug: the recorded patch stands, no second clock
    assert after_transition(done, resolve(1, Outcome.BUG, later)) is done


def test_a_severity_change_leaves_the_patch_clock_as_it_is() -> None:
    policy = policy_from_document(POLICY_DOC)
    created = RESOLVED - timedelta(hours=2)
    clocks = (*start_clocks(CALENDAR, policy, 1, created), patch_clock(RESOLVED))
    case = CaseHistory(created, ((RESOLVED, TicketStatus.RESOLVED),))
    changed = retarget(Measure(CALENDAR, policy, 2), clocks, case, RESOLVED)
    assert patch_clock(RESOLVED) in changed


def test_a_policy_cannot_make_the_patch_commitment_a_target() -> None:
    doc = POLICY_DOC | {
        "targets": [{"severity": 1, "metric": "patch", "minutes": 60, "clock": "continuous"}]
    }
    with pytest.raises(InvalidSlaPolicy) as caught:
        policy_from_document(doc)
    assert caught.value.field == "targets[0].metric"
