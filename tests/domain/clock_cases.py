"""A case and its clocks driven by the domain alone (no database), for the clock tests.

`SimCase` does what the services do with the domain's answers: a move through
`plan_transition` and `apply_transition`, a staff update that acknowledges a new case and
restarts `update`, a verified call, a severity change through `retarget`.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from app.domain.actors import Actor, Role
from app.domain.business_time import calendar_from_document
from app.domain.clock_changes import CaseHistory, Measure, apply_transition, retarget
from app.domain.lifecycle import Outcome, TicketStatus, plan_transition
from app.domain.sla import Metric, SlaPolicy, policy_from_document
from app.domain.sla_clocks import (
    ClockState,
    TargetClock,
    evaluate,
    record_phone_call,
    restart_update,
    start_clocks,
)

S = TicketStatus
R, RESTORE, RESOLUTION, UPDATE = Metric.REACTION, Metric.RESTORE, Metric.RESOLUTION, Metric.UPDATE
T0 = datetime(2026, 3, 9, 8, 0, tzinfo=UTC)  # Monday 09:00 in Zurich
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
            }
        ],
    }
)


def _targets(level: int, clock: str, **minutes: int) -> list[dict[str, object]]:
    return [
        {"severity": level, "metric": metric, "minutes": value, "clock": clock}
        for metric, value in minutes.items()
    ]


# Continuous clocks, so expectations are minutes after T0. The levels differ in which
# metrics they measure: 1 all four, 2 no update, 3 no restore or update, 4 reaction only.
POLICY = policy_from_document(
    {
        "name": "Clock rules",
        "severities": [{"level": n, "name": f"Severity {n}"} for n in (1, 2, 3, 4)],
        "targets": [
            *_targets(1, "continuous", reaction=30, restore=240, resolution=600, update=60),
            *_targets(2, "continuous", reaction=60, restore=480, resolution=1200),
            *_targets(3, "continuous", reaction=120, resolution=2400),
            *_targets(4, "continuous", reaction=240),
        ],
    }
)
# The same levels on business time (Mon-Fri 08:00-18:00 Zurich), for the property test.
BUSINESS_POLICY = policy_from_document(
    {
        "name": "Clock rules, business hours",
        "severities": [{"level": n, "name": f"Severity {n}"} for n in (1, 2, 3, 4)],
        "targets": [
            *_targets(1, "business", reaction=30, restore=240, resolution=600, update=60),
            *_targets(2, "business", reaction=60, restore=480, resolution=1200),
            *_targets(3, "continuous", reaction=120, resolution=2400),
            *_targets(4, "business", reaction=240),
        ],
    }
)
AGENT = Actor(Role.AGENT, user_id=uuid.uuid4())
CUSTOMER = Actor(Role.CUSTOMER_USER, user_id=uuid.uuid4())
CUSTOMER_MOVES = frozenset({(S.RESOLVED, S.CLOSED)})


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


@dataclass
class SimCase:
    severity: int
    created_at: datetime = T0
    policy: SlaPolicy = POLICY
    clocks: tuple[TargetClock, ...] = ()
    history: CaseHistory = field(init=False)
    resolved_at: datetime | None = None
    closed_at: datetime | None = None
    phone_call_at: datetime | None = None

    def __post_init__(self) -> None:
        self.history = CaseHistory(self.created_at)
        if not self.clocks:
            self.clocks = start_clocks(CALENDAR, self.policy, self.severity, self.created_at)

    @property
    def measure(self) -> Measure:
        return Measure(CALENDAR, self.policy, self.severity, self.phone_call_at)

    @property
    def status(self) -> TicketStatus:
        return self.history.status

    def move(self, to: TicketStatus, when: datetime) -> SimCase:
        current = self.status
        customer = (current, to) in CUSTOMER_MOVES or to is S.WITHDRAWN
        plan = plan_transition(
            current,
            to,
            CUSTOMER if customer else AGENT,
            now=when,
            severity=self.severity,
            reopen_window=timedelta(days=3650),
            outcome=Outcome.FIXED if to is S.RESOLVED else None,
            resolved_at=self.resolved_at,
            closed_at=self.closed_at,
            is_own_request=True,
        )
        self.clocks = apply_transition(self.measure, self.clocks, plan, self.history)
        self.history = self.history.moved(to, when)
        self.resolved_at = plan.changes.get("resolved_at", self.resolved_at)
        self.closed_at = plan.changes.get("closed_at", self.closed_at)
        return self

    def staff_update(self, when: datetime) -> SimCase:
        """A public staff comment: the first response on a new case, and an update."""
        if self.status is S.NEW:
            self.move(S.ACKNOWLEDGED, when)
        self.clocks = tuple(
            restart_update(c, when) if c.metric is UPDATE else c for c in self.clocks
        )
        return self

    def phone_call(self, when: datetime) -> SimCase:
        if self.phone_call_at is None:
            self.phone_call_at = when
            self.clocks = record_phone_call(CALENDAR, self.policy, self.severity, self.clocks, when)
        return self

    def change_severity(self, level: int, when: datetime) -> SimCase:
        self.severity = level
        self.clocks = retarget(self.measure, self.clocks, self.history, when)
        return self

    def clock(self, metric: Metric) -> TargetClock | None:
        return next((c for c in self.clocks if c.metric is metric), None)

    def states(self, now: datetime) -> dict[Metric, ClockState]:
        return {c.metric: evaluate(CALENDAR, c, now) for c in self.clocks}
