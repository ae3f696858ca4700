"""Live SLA clocks of a ticket (SPEC 3.1), on Mon-Fri 08:00-18:00 Europe/Zurich.

March 2026 is before the DST change (29 March), so Zurich is UTC+01:00 and the
comments speak local time. Monday 9 March 2026 is a working day.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.actors import Actor, Role
from app.domain.business_time import calendar_from_document
from app.domain.clock_changes import CaseHistory, Measure, apply_transition, retarget
from app.domain.errors import InvalidField
from app.domain.lifecycle import Outcome, TicketStatus, plan_transition
from app.domain.sla import compute_due, policy_from_document
from app.domain.sla_clocks import (
    ClockPause,
    ClockStatus,
    TargetClock,
    evaluate,
    pause,
    record_phone_call,
    restart_update,
    resume,
    resume_after_resolution,
    start_clocks,
    stop,
)
from app.domain.sla_policy import ClockKind, Metric

ZURICH = ZoneInfo("Europe/Zurich")
CALENDAR = calendar_from_document(
    {
        "name": "Zurich office",
        "shifts": [
            {
                "name": "ZH",
                "timezone": "Europe/Zurich",
                "hours": [
                    {"days": ["mon", "tue", "wed", "thu", "fri"], "start": "08:00", "end": "18:00"}
                ],
                "holidays": {"country": "CH", "subdivision": "ZH"},
            }
        ],
    }
)
POLICY = policy_from_document(
    {
        "name": "Test",
        "severities": [
            {"level": 1, "name": "Critical"},
            {"level": 2, "name": "Major"},
            {"level": 3, "name": "Minor"},
        ],
        "targets": [
            {"severity": 1, "metric": "reaction", "minutes": 30, "clock": "business"},
            {"severity": 1, "metric": "restore", "minutes": 120, "clock": "business"},
            {"severity": 1, "metric": "resolution", "minutes": 600, "clock": "business"},
            {"severity": 1, "metric": "update", "minutes": 60, "clock": "business"},
            {
                "severity": 2,
                "metric": "reaction",
                "minutes": 60,
                "clock": "continuous",
                "after_phone_call": {"minutes": 15},
            },
            {"severity": 3, "metric": "reaction", "minutes": 120, "clock": "business"},
            {"severity": 3, "metric": "restore", "minutes": 480, "clock": "business"},
            {"severity": 3, "metric": "resolution", "minutes": 2400, "clock": "business"},
        ],
    }
)
R, RESTORE, RESOLUTION, UPDATE = Metric.REACTION, Metric.RESTORE, Metric.RESOLUTION, Metric.UPDATE


def zh(day: int, hour: int, minute: int = 0) -> datetime:
    """Local Zurich time on `day` March 2026."""
    return datetime(2026, 3, day, hour, minute, tzinfo=ZURICH)


CREATED = zh(9, 9)  # Monday 09:00


def clocks(severity: int = 1, created: datetime = CREATED) -> dict[Metric, TargetClock]:
    return {c.metric: c for c in start_clocks(CALENDAR, POLICY, severity, created)}


def restore_clock(created: datetime = CREATED) -> TargetClock:
    return clocks(1, created)[RESTORE]


def test_started_clocks_follow_the_severitys_targets() -> None:
    started = clocks(1)
    assert set(started) == {R, RESTORE, RESOLUTION, UPDATE}
    assert started[RESTORE].minutes == 120
    assert all(c.started_at == CREATED for c in started.values())


def test_running_clock_explains_due_counted_remaining_and_warning() -> None:
    state = evaluate(CALENDAR, restore_clock(), zh(9, 10))
    assert state.state is ClockStatus.RUNNING
    assert state.due_at == zh(9, 11)
    assert state.warn_at == zh(9, 10, 36)  # 80 % of 120 business minutes
    assert state.counted == timedelta(minutes=60)
    assert state.remaining == timedelta(minutes=60)


def test_pause_while_waiting_for_the_customer_extends_due_by_the_time_lost() -> None:
    clock = resume(pause(restore_clock(), zh(9, 9, 30)), zh(9, 10, 30))
    state = evaluate(CALENDAR, clock, zh(9, 11))
    assert state.due_at == zh(9, 12)
    assert state.counted == timedelta(minutes=60)
    assert clock.pauses == (ClockPause(zh(9, 9, 30), zh(9, 10, 30), "waiting_customer"),)


def test_pause_extends_by_counted_time_only() -> None:
    # Mon 16:30 + 120 business minutes is Tue 08:30; paused Mon 17:00 - Tue 09:00 (two
    # business hours lost) it is Tue 10:30.
    created = zh(9, 16, 30)
    assert evaluate(CALENDAR, restore_clock(created), created).due_at == zh(10, 8, 30)
    clock = resume(pause(restore_clock(created), zh(9, 17)), zh(10, 9))
    assert evaluate(CALENDAR, clock, zh(10, 9)).due_at == zh(10, 10, 30)


def test_reaction_never_pauses() -> None:
    reaction = clocks()[R]
    assert pause(reaction, zh(9, 9, 10)) == reaction
    assert evaluate(CALENDAR, reaction, zh(9, 9, 10)).due_at == zh(9, 9, 30)


def test_paused_clock_has_no_due_time_and_keeps_its_remaining_time() -> None:
    clock = pause(restore_clock(), zh(9, 10))
    later = evaluate(CALENDAR, clock, zh(9, 17))
    assert later.state is ClockStatus.PAUSED
    assert later.due_at is None
    assert later.counted == timedelta(minutes=60)
    assert later.remaining == timedelta(minutes=60)
    assert pause(clock, zh(9, 11)) == clock  # already paused


def test_event_at_the_due_instant_is_met() -> None:
    state = evaluate(CALENDAR, stop(restore_clock(), zh(9, 11)), zh(9, 15))
    assert state.state is ClockStatus.MET
    assert state.stopped_at == zh(9, 11)
    assert state.breached_at is None
    assert state.remaining is None
    assert state.counted == timedelta(minutes=120)


def test_event_after_the_due_instant_is_breached() -> None:
    state = evaluate(CALENDAR, stop(restore_clock(), zh(9, 11, 1)), zh(9, 15))
    assert state.state is ClockStatus.BREACHED
    assert state.breached_at == zh(9, 11)


def test_running_clock_past_due_is_breached_now() -> None:
    assert evaluate(CALENDAR, restore_clock(), zh(9, 11)).state is ClockStatus.RUNNING
    state = evaluate(CALENDAR, restore_clock(), zh(9, 11, 30))
    assert state.state is ClockStatus.BREACHED
    assert state.breached_at == zh(9, 11)
    assert state.remaining == -timedelta(minutes=30)


def test_pause_after_the_due_time_does_not_rescue_a_breach() -> None:
    clock = pause(restore_clock(), zh(9, 12))
    state = evaluate(CALENDAR, clock, zh(9, 13))
    assert state.state is ClockStatus.BREACHED
    assert state.due_at == zh(9, 11)


def test_stop_keeps_the_first_event_and_closes_an_open_pause() -> None:
    clock = stop(pause(restore_clock(), zh(9, 9, 30)), zh(9, 10))
    assert clock.pauses[0].end == zh(9, 10)
    assert stop(clock, zh(9, 12)).stopped_at == zh(9, 10)
    assert evaluate(CALENDAR, clock, zh(9, 12)).state is ClockStatus.MET


def test_resume_before_the_pause_began_is_a_bug() -> None:
    with pytest.raises(ValueError):
        resume(pause(restore_clock(), zh(9, 10)), zh(9, 9))


def test_every_public_staff_update_restarts_the_update_clock() -> None:
    update = clocks()[UPDATE]
    assert evaluate(CALENDAR, update, zh(9, 9)).due_at == zh(9, 10)
    restarted = restart_update(update, zh(9, 9, 45))
    assert evaluate(CALENDAR, restarted, zh(9, 10, 15)).due_at == zh(9, 10, 45)
    assert evaluate(CALENDAR, restarted, zh(9, 10, 15)).state is ClockStatus.RUNNING


def test_update_restarted_while_waiting_stays_paused() -> None:
    update = pause(clocks()[UPDATE], zh(9, 9, 30))
    restarted = restart_update(update, zh(9, 10))
    assert restarted.pauses == (ClockPause(zh(9, 10), None, "waiting_customer"),)
    assert evaluate(CALENDAR, restarted, zh(9, 12)).state is ClockStatus.PAUSED


def test_only_the_update_clock_restarts_and_not_once_stopped() -> None:
    with pytest.raises(ValueError):
        restart_update(restore_clock(), zh(9, 10))
    stopped = stop(clocks()[UPDATE], zh(9, 9, 30))
    assert restart_update(stopped, zh(9, 10)) == stopped


def test_severity_change_recomputes_running_targets_from_creation() -> None:
    minor = clocks(3)
    assert evaluate(CALENDAR, minor[R], zh(9, 9, 20)).due_at == zh(9, 11)
    minor = {m: resume(pause(c, zh(9, 9, 5)), zh(9, 9, 15)) for m, c in minor.items()}
    case = CaseHistory(
        CREATED,
        ((zh(9, 9, 5), TicketStatus.WAITING_CUSTOMER), (zh(9, 9, 15), TicketStatus.IN_PROGRESS)),
    )
    critical = {
        c.metric: c
        for c in retarget(Measure(CALENDAR, POLICY, 1), list(minor.values()), case, zh(9, 9, 20))
    }
    assert evaluate(CALENDAR, critical[R], zh(9, 9, 20)).due_at == zh(9, 9, 30)
    restore = evaluate(CALENDAR, critical[RESTORE], zh(9, 9, 20))
    assert restore.due_at == zh(9, 11, 10)  # 120 minutes from creation, 10 paused
    assert restore.counted == timedelta(minutes=10)
    assert critical[R].pauses == ()  # reaction never paused
    assert critical[RESOLUTION].pauses == minor[RESOLUTION].pauses
    assert critical[UPDATE].started_at == zh(9, 9, 20)  # owed from the change on


def test_severity_change_keeps_met_events_and_sets_aside_targets_the_new_level_lacks() -> None:
    minor = clocks(3)
    minor[R] = stop(minor[R], zh(9, 10))  # met within 2 h under severity 3
    case = CaseHistory(CREATED, ((zh(9, 10), TicketStatus.ACKNOWLEDGED),))
    critical = retarget(Measure(CALENDAR, POLICY, 1), list(minor.values()), case, zh(9, 11))
    kept = next(c for c in critical if c.metric is R)
    assert kept == minor[R]
    assert evaluate(CALENDAR, kept, zh(9, 11)).state is ClockStatus.MET
    major = retarget(Measure(CALENDAR, POLICY, 2), critical, case, zh(9, 11))
    states = {c.metric: evaluate(CALENDAR, c, zh(9, 12)).state for c in major}
    assert states == {
        R: ClockStatus.MET,
        RESTORE: ClockStatus.NOT_APPLICABLE,
        RESOLUTION: ClockStatus.NOT_APPLICABLE,
        UPDATE: ClockStatus.NOT_APPLICABLE,
    }


def test_verified_phone_call_makes_the_target_due_sooner() -> None:
    reaction = clocks(2)[R]
    called = record_phone_call(CALENDAR, POLICY, 2, [reaction], zh(9, 9, 10))[0]
    state = evaluate(CALENDAR, called, zh(9, 9, 12))
    assert state.due_at == zh(9, 9, 25)
    assert state.from_phone_call and state.minutes_applied == 15
    target = POLICY.targets_for(2)[0]
    assert state.due_at == compute_due(CALENDAR, target, CREATED, zh(9, 9, 10)).due_at


def test_late_phone_call_leaves_the_creation_based_due() -> None:
    reaction = clocks(2)[R]
    called = record_phone_call(CALENDAR, POLICY, 2, [reaction], zh(9, 9, 50))[0]
    state = evaluate(CALENDAR, called, zh(9, 9, 51))
    assert state.due_at == zh(9, 10)
    assert not state.from_phone_call


def test_only_the_first_call_counts_and_not_before_the_case() -> None:
    reaction = clocks(2)[R]
    first = record_phone_call(CALENDAR, POLICY, 2, [reaction], zh(9, 9, 10))
    assert record_phone_call(CALENDAR, POLICY, 2, first, zh(9, 9, 11)) == first
    with pytest.raises(InvalidField) as caught:
        record_phone_call(CALENDAR, POLICY, 2, [reaction], zh(9, 8))
    assert caught.value.field == "phone_call_at"


def test_phone_call_at_creation_time_is_taken_into_account() -> None:
    started = start_clocks(CALENDAR, POLICY, 2, CREATED, phone_call_at=zh(9, 9, 5))
    assert evaluate(CALENDAR, started[0], CREATED).due_at == zh(9, 9, 20)


AGENT = Actor(Role.AGENT, user_id=uuid.uuid4())
CUSTOMER = Actor(Role.CUSTOMER_USER, user_id=uuid.uuid4())


def move(
    ticket: tuple[TargetClock, ...],
    current: TicketStatus,
    target: TicketStatus,
    at: datetime,
    case: CaseHistory | None = None,
) -> tuple[TargetClock, ...]:
    plan = plan_transition(
        current,
        target,
        CUSTOMER if current is TicketStatus.RESOLVED else AGENT,
        now=at,
        severity=1,
        reopen_window=timedelta(days=14),
        outcome=Outcome.FIXED if target is TicketStatus.RESOLVED else None,
        resolved_at=zh(9, 13),
    )
    return apply_transition(Measure(CALENDAR, POLICY, 1), ticket, plan, case)


def test_a_ticket_lifecycle_drives_its_clocks() -> None:
    S = TicketStatus
    ticket = start_clocks(CALENDAR, POLICY, 1, CREATED)
    ticket = move(ticket, S.NEW, S.ACKNOWLEDGED, zh(9, 9, 20))
    ticket = move(ticket, S.ACKNOWLEDGED, S.WAITING_CUSTOMER, zh(9, 10))
    ticket = move(ticket, S.WAITING_CUSTOMER, S.RESOLVED, zh(9, 13))
    by_metric = {c.metric: evaluate(CALENDAR, c, zh(9, 14)) for c in ticket}
    assert by_metric[R].state is ClockStatus.MET
    assert by_metric[R].stopped_at == zh(9, 9, 20)
    assert by_metric[RESTORE].state is ClockStatus.MET  # 60 counted, 3 h paused
    assert by_metric[RESOLUTION].counted == timedelta(minutes=60)
    case = CaseHistory(
        CREATED,
        ((zh(9, 9, 20), S.ACKNOWLEDGED), (zh(9, 10), S.WAITING_CUSTOMER), (zh(9, 13), S.RESOLVED)),
    )
    reopened = {c.metric: c for c in move(ticket, S.RESOLVED, S.IN_PROGRESS, zh(9, 15), case)}
    assert reopened[RESOLUTION].stopped_at is None
    assert reopened[RESOLUTION].pauses[-1] == ClockPause(zh(9, 13), zh(9, 15), "resolved")
    assert evaluate(CALENDAR, reopened[RESOLUTION], zh(9, 16)).counted == timedelta(minutes=120)
    assert reopened[UPDATE].started_at == zh(9, 15)
    assert reopened[RESTORE].stopped_at == zh(9, 13)


def test_withdrawal_stops_every_clock() -> None:
    ticket = start_clocks(CALENDAR, POLICY, 1, CREATED)
    plan = plan_transition(
        TicketStatus.NEW,
        TicketStatus.WITHDRAWN,
        CUSTOMER,
        now=zh(9, 10),
        severity=1,
        reopen_window=timedelta(days=14),
        is_own_request=True,
    )
    stopped = apply_transition(Measure(CALENDAR, POLICY, 1), ticket, plan)
    assert all(c.stopped_at == zh(9, 10) for c in stopped)


def test_resuming_a_running_clock_changes_nothing() -> None:
    assert resume_after_resolution(restore_clock(), zh(9, 10)) == restore_clock()


def test_clocks_rebuilt_from_rows_take_plain_strings() -> None:
    row = TargetClock("update", 60, "business", CREATED)  # type: ignore[arg-type]
    assert row.metric is UPDATE and row.clock is ClockKind.BUSINESS
    assert restart_update(row, zh(9, 10)).started_at == zh(9, 10)


# properties

MONDAY = zh(9, 0)
minutes = st.integers(min_value=0, max_value=7 * 24 * 60)


@settings(max_examples=200, deadline=None)
@given(minutes, minutes, st.integers(min_value=0, max_value=3 * 24 * 60), minutes)
def test_pausing_never_makes_due_earlier(start: int, pause_at: int, length: int, now: int) -> None:
    created = MONDAY + timedelta(minutes=start)
    clock = restore_clock(created)
    paused_at = created + timedelta(minutes=pause_at)
    paused = resume(pause(clock, paused_at), paused_at + timedelta(minutes=length))
    at = created + timedelta(minutes=now)
    plain, extended = evaluate(CALENDAR, clock, at), evaluate(CALENDAR, paused, at)
    assert plain.due_at is not None and extended.due_at is not None
    assert extended.due_at >= plain.due_at
    assert extended.counted <= plain.counted
    assert extended.warn_at is not None and extended.warn_at <= extended.due_at


@settings(max_examples=200, deadline=None)
@given(minutes, st.one_of(st.none(), minutes), st.sampled_from([1, 2, 3]))
def test_unpaused_clocks_agree_with_the_engine(start: int, call: int | None, severity: int) -> None:
    created = MONDAY + timedelta(minutes=start)
    call_at = None if call is None else created + timedelta(minutes=call)
    started = start_clocks(CALENDAR, POLICY, severity, created, phone_call_at=call_at)
    for clock, target in zip(started, POLICY.targets_for(severity), strict=True):
        expected = compute_due(CALENDAR, target, created, call_at)
        state = evaluate(CALENDAR, clock, created)
        assert (state.due_at, state.from_phone_call) == (expected.due_at, expected.from_phone_call)
        assert state.minutes_applied == expected.minutes_applied


@settings(max_examples=100, deadline=None)
@given(minutes, minutes)
def test_counted_plus_remaining_is_the_target_while_running(start: int, now: int) -> None:
    created = MONDAY + timedelta(minutes=start)
    clock = TargetClock(RESTORE, 120, ClockKind.BUSINESS, created)
    state = evaluate(CALENDAR, clock, created + timedelta(minutes=now))
    assert state.remaining is not None
    assert state.counted + state.remaining == timedelta(minutes=120)
