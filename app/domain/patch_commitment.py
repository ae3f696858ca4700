"""The patch commitment is a clock (SPEC 4, support charter; issue 13.9).

A case resolved with a `bug` outcome at Severity 1 (a critical bug) carries a patch
due within 24 h of the resolution. It runs as a `patch` clock on the continuous clock
(it never pauses), is watched by the SLA monitor like every clock, and is met by
recording the patch (`POST /v1/tickets/{id}/patch`).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from app.domain.actors import Actor, Side
from app.domain.errors import Conflict, Forbidden
from app.domain.lifecycle import PATCH_COMMITMENT, TransitionPlan
from app.domain.sla_clocks import TargetClock, stop
from app.domain.sla_policy import ClockKind, Metric

PATCH_MINUTES = PATCH_COMMITMENT // timedelta(minutes=1)


class NoPatchCommitment(Conflict):
    type_slug = "no-patch-commitment"
    title = "The case carries no patch commitment"


class PatchAlreadyRecorded(Conflict):
    type_slug = "patch-already-recorded"
    title = "The patch is already recorded"


class PatchRecordedByStaff(Forbidden):
    type_slug = "patch-recorded-by-staff"
    title = "Only support staff record a patch"


def patch_clock(resolved_at: datetime) -> TargetClock:
    """The 24 h patch clock of a critical bug, started at its resolution."""
    return TargetClock(Metric.PATCH, PATCH_MINUTES, ClockKind.CONTINUOUS, resolved_at)


def after_transition(current: TargetClock | None, plan: TransitionPlan) -> TargetClock | None:
    """The patch clock a case has after a move: a critical-bug resolution starts one (a
    patch already recorded stays recorded); a reopen withdraws an unmet commitment with
    the outcome it came from; any other move leaves it as it is."""
    if plan.patch_due_at is not None:
        if current is not None and current.is_stopped:
            return current
        return patch_clock(plan.at)
    if plan.is_reopen and current is not None and not current.is_stopped:
        return None
    return current


def record_patch(current: TargetClock | None, actor: Actor, at: datetime) -> TargetClock:
    """Support records the patch: the clock stops, met when at or before its due time."""
    if actor.side is not Side.STAFF:
        raise PatchRecordedByStaff("support staff record the patch of a critical bug")
    if current is None:
        raise NoPatchCommitment(
            "only a case resolved as a critical bug (outcome bug at severity 1) carries a "
            "patch commitment"
        )
    if current.is_stopped:
        raise PatchAlreadyRecorded(
            "the patch of this case is already recorded",
            recorded_at=current.stopped_at.isoformat() if current.stopped_at else None,
        )
    return stop(current, at)
