"""What a severity change or a reopen does to a case's clocks, in each state (SPEC 3.1).

All clocks are continuous (see `clock_cases.POLICY`), so every instant is minutes after
T0, hand-computed in the comments. Levels: 1 reaction 30, restore 240, resolution 600,
update 60; 2 reaction 60, restore 480, resolution 1200; 3 reaction 120, resolution 2400;
4 reaction 240 only.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest

from app.domain.clock_changes import CaseHistory
from app.domain.sla_clocks import ClockPause, ClockStatus
from tests.domain.clock_cases import RESOLUTION, RESTORE, T0, UPDATE, R, S, SimCase, at

RUNNING, PAUSED, MET, BREACHED = (
    ClockStatus.RUNNING,
    ClockStatus.PAUSED,
    ClockStatus.MET,
    ClockStatus.BREACHED,
)
NA = ClockStatus.NOT_APPLICABLE

# The state a case is in at minute 150, reached by these moves (minutes after T0).
STATES: dict[str, Callable[[SimCase], SimCase]] = {
    "new": lambda c: c,
    "acknowledged": lambda c: c.staff_update(at(10)),
    "in_progress": lambda c: c.staff_update(at(10)).move(S.IN_PROGRESS, at(15)),
    "waiting": lambda c: c.staff_update(at(10)).move(S.WAITING_CUSTOMER, at(20)),
    "restored": lambda c: c.staff_update(at(10)).move(S.RESTORED, at(40)),
    "resolved": lambda c: c.staff_update(at(10)).move(S.RESOLVED, at(100)),
    "closed": lambda c: c.staff_update(at(10)).move(S.RESOLVED, at(100)).move(S.CLOSED, at(110)),
    "reopened": lambda c: (
        c.staff_update(at(10)).move(S.RESOLVED, at(100)).move(S.IN_PROGRESS, at(130))
    ),
    "withdrawn": lambda c: c.move(S.WITHDRAWN, at(20)),
}

Expected = dict[object, tuple[ClockStatus, int | None] | None]

# Severity 4 -> 1 at minute 150: what each clock is at 150 (state, due minute).
UPGRADE: dict[str, Expected] = {
    # reaction recomputed from creation: 30 min, past due now; the rest start from creation,
    # update from the change
    "new": {R: (BREACHED, 30), RESTORE: (RUNNING, 240), RESOLUTION: (RUNNING, 600),
            UPDATE: (RUNNING, 210)},
    # the reaction met at 10 under severity 4 keeps its verdict
    "acknowledged": {R: (MET, 240), RESTORE: (RUNNING, 240), RESOLUTION: (RUNNING, 600),
                     UPDATE: (RUNNING, 210)},
    "in_progress": {R: (MET, 240), RESTORE: (RUNNING, 240), RESOLUTION: (RUNNING, 600),
                    UPDATE: (RUNNING, 210)},
    # waiting since 20: the new clocks start paused (rule 3)
    "waiting": {R: (MET, 240), RESTORE: (PAUSED, None), RESOLUTION: (PAUSED, None),
                UPDATE: (PAUSED, None)},
    # the workaround came at 40: no restore clock is owed any more
    "restored": {R: (MET, 240), RESTORE: None, RESOLUTION: (RUNNING, 600),
                 UPDATE: (RUNNING, 210)},
    # a stopped case gets no clock (rule 1)
    "resolved": {R: (MET, 240), RESTORE: None, RESOLUTION: None, UPDATE: None},
    "closed": {R: (MET, 240), RESTORE: None, RESOLUTION: None, UPDATE: None},
    # resolved 100-130 is not counted: 600 + 30
    "reopened": {R: (MET, 240), RESTORE: None, RESOLUTION: (RUNNING, 630),
                 UPDATE: (RUNNING, 210)},
    "withdrawn": {R: (MET, 240), RESTORE: None, RESOLUTION: None, UPDATE: None},
}  # fmt: skip

# Severity 1 -> 4 at minute 150 (rule 4): verdicts stay, live clocks are set aside, a
# breach already incurred staying a breach. The staff update at 10 restarted update
# (due 70).
DOWNGRADE: dict[str, Expected] = {
    "new": {R: (RUNNING, 240), RESTORE: (NA, None), RESOLUTION: (NA, None),
            UPDATE: (BREACHED, 60)},
    "acknowledged": {R: (MET, 30), RESTORE: (NA, None), RESOLUTION: (NA, None),
                     UPDATE: (BREACHED, 70)},
    "in_progress": {R: (MET, 30), RESTORE: (NA, None), RESOLUTION: (NA, None),
                    UPDATE: (BREACHED, 70)},
    # paused at 20 before any due time: not applicable
    "waiting": {R: (MET, 30), RESTORE: (NA, None), RESOLUTION: (NA, None),
                UPDATE: (NA, None)},
    "restored": {R: (MET, 30), RESTORE: (MET, 240), RESOLUTION: (NA, None),
                 UPDATE: (BREACHED, 70)},
    "resolved": {R: (MET, 30), RESTORE: (MET, 240), RESOLUTION: (MET, 600),
                 UPDATE: (BREACHED, 70)},
    "closed": {R: (MET, 30), RESTORE: (MET, 240), RESOLUTION: (MET, 600),
               UPDATE: (BREACHED, 70)},
    # reopened at 130: resolution due 630 and update due 190 were running
    "reopened": {R: (MET, 30), RESTORE: (MET, 240), RESOLUTION: (NA, None),
                 UPDATE: (NA, None)},
    "withdrawn": {R: (MET, 30), RESTORE: (MET, 240), RESOLUTION: (MET, 600),
                  UPDATE: (MET, 60)},
}  # fmt: skip

# Severity 1 -> 4 at 150 (DOWNGRADE), back to 1 at 160 (rule 2): a target that applies
# again is measured under severity 1 from creation, waiting and resolved time excluded;
# update from the change; verdicts by an event stay.
ROUND_TRIP: dict[str, Expected] = {
    "new": {R: (BREACHED, 30), RESTORE: (RUNNING, 240), RESOLUTION: (RUNNING, 600),
            UPDATE: (RUNNING, 220)},
    "acknowledged": {R: (MET, 30), RESTORE: (RUNNING, 240), RESOLUTION: (RUNNING, 600),
                     UPDATE: (RUNNING, 220)},
    "in_progress": {R: (MET, 30), RESTORE: (RUNNING, 240), RESOLUTION: (RUNNING, 600),
                    UPDATE: (RUNNING, 220)},
    "waiting": {R: (MET, 30), RESTORE: (PAUSED, None), RESOLUTION: (PAUSED, None),
                UPDATE: (PAUSED, None)},
    "restored": {R: (MET, 30), RESTORE: (MET, 240), RESOLUTION: (RUNNING, 600),
                 UPDATE: (RUNNING, 220)},
    "resolved": {R: (MET, 30), RESTORE: (MET, 240), RESOLUTION: (MET, 600),
                 UPDATE: (BREACHED, 70)},
    "closed": {R: (MET, 30), RESTORE: (MET, 240), RESOLUTION: (MET, 600),
               UPDATE: (BREACHED, 70)},
    "reopened": {R: (MET, 30), RESTORE: (MET, 240), RESOLUTION: (RUNNING, 630),
                 UPDATE: (RUNNING, 220)},
    "withdrawn": {R: (MET, 30), RESTORE: (MET, 240), RESOLUTION: (MET, 600),
                  UPDATE: (MET, 60)},
}  # fmt: skip


def outcome(case: SimCase, minute: int) -> Expected:
    states = case.states(at(minute))
    result: Expected = {}
    for metric in (R, RESTORE, RESOLUTION, UPDATE):
        state = states.get(metric)
        if state is None:
            result[metric] = None
        else:
            due = None if state.due_at is None else int((state.due_at - T0).total_seconds() // 60)
            result[metric] = (state.state, due)
    return result


@pytest.mark.parametrize("state", list(STATES))
def test_an_upgrade_in_each_state(state: str) -> None:
    case = STATES[state](SimCase(4)).change_severity(1, at(150))
    assert outcome(case, 150) == UPGRADE[state]


@pytest.mark.parametrize("state", list(STATES))
def test_a_downgrade_in_each_state(state: str) -> None:
    case = STATES[state](SimCase(1)).change_severity(4, at(150))
    assert outcome(case, 150) == DOWNGRADE[state]


@pytest.mark.parametrize("state", list(STATES))
def test_a_target_that_applies_again_in_each_state(state: str) -> None:
    case = STATES[state](SimCase(1)).change_severity(4, at(150))
    counted = {m: s.counted for m, s in case.states(at(160)).items()}
    case.change_severity(1, at(160))
    assert outcome(case, 160) == ROUND_TRIP[state]
    assert all(s.counted >= counted[m] for m, s in case.states(at(160)).items() if m is not UPDATE)


@pytest.mark.parametrize("state", ["resolved", "closed", "withdrawn"])
@pytest.mark.parametrize("level", [1, 2, 3])
def test_no_severity_change_leaves_a_running_clock_on_a_stopped_case(
    state: str, level: int
) -> None:
    for start in (1, 2, 3, 4):
        case = STATES[state](SimCase(start)).change_severity(level, at(150))
        assert all(s.state in (MET, BREACHED, NA) for s in case.states(at(150)).values())
        assert all(s.state in (MET, BREACHED, NA) for s in case.states(at(9000)).values())


@pytest.mark.parametrize("closed", [False, True])
def test_an_upgrade_while_resolved_runs_from_the_reopen(closed: bool) -> None:
    case = SimCase(3).staff_update(at(10)).move(S.RESOLVED, at(100))
    if closed:
        case.move(S.CLOSED, at(110))
    case.change_severity(1, at(120))
    resolution = case.clock(RESOLUTION)
    assert resolution is not None and resolution.minutes == 2400  # the verdict's target
    assert case.clock(UPDATE) is None and case.clock(RESTORE) is None

    case.move(S.IN_PROGRESS, at(150))
    now = case.states(at(150))
    # 600 from creation, resolved 100-150 not counted; update owed from the reopen
    assert (now[RESOLUTION].state, now[RESOLUTION].due_at) == (RUNNING, at(650))
    assert now[RESOLUTION].counted == timedelta(minutes=100)
    assert (now[UPDATE].state, now[UPDATE].due_at) == (RUNNING, at(210))
    assert RESTORE not in now  # restored by the resolution at 100
    assert now[R].state is MET


def test_a_change_while_resolved_applies_to_the_resolution_clock_on_reopen() -> None:
    # Resolved at severity 2 (1200 min), changed to 3 (2400), reopened at 200.
    case = SimCase(2).staff_update(at(10)).move(S.RESOLVED, at(100))
    case.change_severity(3, at(120))
    resolved = case.states(at(120))[RESOLUTION]
    assert (resolved.state, resolved.minutes_applied) == (MET, 1200)  # history
    case.move(S.IN_PROGRESS, at(200))
    later = case.states(at(260))[RESOLUTION]
    assert later.minutes_applied == 2400
    assert later.due_at == at(2500)  # 2400 + the 100 minutes resolved
    assert later.counted == timedelta(minutes=160)  # 100 before, 60 since the reopen


def test_a_reopened_clock_keeps_time_counted_and_skips_waiting_and_resolved_spells() -> None:
    case = SimCase(2).staff_update(at(10)).move(S.WAITING_CUSTOMER, at(20))
    case.move(S.IN_PROGRESS, at(50)).move(S.RESOLVED, at(100)).change_severity(1, at(110))
    case.move(S.IN_PROGRESS, at(130))
    resolution = case.states(at(130))[RESOLUTION]
    assert resolution.counted == timedelta(minutes=70)  # 100 less 30 waiting
    assert resolution.due_at == at(660)  # 600 + 30 waiting + 30 resolved
    assert resolution.minutes_applied == 600


def test_a_change_after_the_reopen_recomputes_with_the_resolved_spell_kept() -> None:
    case = STATES["reopened"](SimCase(1)).change_severity(2, at(150))
    states = case.states(at(150))
    assert states[RESOLUTION].due_at == at(1230)  # 1200 + 30 resolved
    assert states[UPDATE].state is NA  # severity 2 has no update target


def test_clocks_started_while_waiting_resume_with_the_customers_reply() -> None:
    case = STATES["waiting"](SimCase(4)).change_severity(1, at(150))
    update = case.clock(UPDATE)
    assert update is not None and update.pauses == (ClockPause(at(150), None),)
    case.move(S.IN_PROGRESS, at(200))
    states = case.states(at(200))
    assert states[UPDATE].due_at == at(260)  # 60 from the reply: nothing counted while waiting
    assert states[RESTORE].due_at == at(420)  # 240 + waiting 20-200
    assert states[RESOLUTION].due_at == at(780)  # 600 + 180
    assert states[RESTORE].counted == timedelta(minutes=20)


def test_an_update_clock_appearing_on_a_restored_case_waiting_for_the_customer_is_paused() -> None:
    # The case: the restore clock stopped at the workaround, no resolution target,
    # so no live clock showed that the case waits.
    case = SimCase(4).staff_update(at(10)).move(S.RESTORED, at(40))
    case.move(S.WAITING_CUSTOMER, at(60)).change_severity(1, at(90))
    states = case.states(at(200))
    assert states[UPDATE].state is PAUSED
    assert states[UPDATE].counted == timedelta(0)
    assert states[RESOLUTION].state is PAUSED
    assert states[RESOLUTION].counted == timedelta(minutes=60)  # creation to the wait
    assert RESTORE not in states


def test_a_breach_incurred_stays_a_breach_when_the_target_goes() -> None:
    case = STATES["acknowledged"](SimCase(1)).change_severity(4, at(150))
    for minute in (150, 500, 5000):
        update = case.states(at(minute))[UPDATE]
        assert (update.state, update.breached_at) == (BREACHED, at(70))
        assert update.not_applicable_at == at(150)
        assert update.counted == timedelta(minutes=140)  # 10 to 150


def test_a_breached_event_keeps_its_verdict_when_the_target_goes() -> None:
    case = SimCase(1).staff_update(at(10)).move(S.RESTORED, at(250))  # due 240: late
    case.change_severity(3, at(260))
    restore = case.states(at(300))[RESTORE]
    assert (restore.state, restore.stopped_at, restore.breached_at) == (BREACHED, at(250), at(240))
    assert restore.minutes_applied == 240


def test_a_clock_set_aside_ignores_updates_events_and_calls() -> None:
    case = SimCase(1).staff_update(at(10)).change_severity(2, at(30))
    set_aside = case.clock(UPDATE)
    case.staff_update(at(40)).phone_call(at(45)).move(S.RESOLVED, at(100))
    assert case.clock(UPDATE) == set_aside
    assert case.states(at(100))[UPDATE].state is NA


def test_a_target_that_returns_is_measured_afresh() -> None:
    case = SimCase(1).staff_update(at(10)).change_severity(2, at(30)).change_severity(1, at(50))
    states = case.states(at(50))
    assert (states[UPDATE].state, states[UPDATE].due_at) == (RUNNING, at(110))
    assert states[UPDATE].not_applicable_at is None
    # restore stayed live across both changes: 480 then 240 from creation
    assert states[RESTORE].due_at == at(240)


def test_a_clock_returning_on_a_case_that_waits_starts_paused() -> None:
    case = SimCase(1).staff_update(at(10)).move(S.WAITING_CUSTOMER, at(20))
    case.change_severity(3, at(30)).change_severity(1, at(40))
    states = case.states(at(60))
    assert states[RESTORE].state is PAUSED
    assert states[RESTORE].counted == timedelta(minutes=20)
    assert states[UPDATE].state is PAUSED


def test_the_case_history_gives_its_spells_and_events() -> None:
    history = CaseHistory(
        T0,
        (
            (at(10), S.ACKNOWLEDGED),
            (at(20), S.WAITING_CUSTOMER),
            (at(30), S.RESOLVED),
            (at(40), S.CLOSED),
            (at(50), S.IN_PROGRESS),
            (at(60), S.WAITING_CUSTOMER),
        ),
    )
    assert history.spells() == (
        ClockPause(at(20), at(30), "waiting_customer"),
        ClockPause(at(30), at(50), "resolved"),
        ClockPause(at(60), None, "waiting_customer"),
    )
    assert history.event_at(R) == at(10)
    assert history.event_at(RESTORE) == at(30)  # the resolution restored the service
    assert history.event_at(RESOLUTION) is None  # undone by the reopen
    assert history.status is S.WAITING_CUSTOMER and history.is_open
