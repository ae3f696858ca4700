"""Contracts: the terms a ticket is governed by, and the rules about them (SPEC 3).

`ContractTerms` is what the tickets use case receives from a repository: the
contract's calendar and SLA policy as domain values, with the versions in force.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum
from typing import Protocol, TypeVar

from app.domain.actors import MANAGER_ROLES, Role
from app.domain.calendar_model import Calendar
from app.domain.errors import Conflict, InvalidField
from app.domain.sla_policy import ClockKind, Metric, SlaPolicy, Target


class Channel(StrEnum):
    """How a customer may contact support; phone and chat only where included (SPEC 4.1.5)."""

    PORTAL = "portal"
    EMAIL = "email"
    API = "api"
    PHONE = "phone"
    CHAT = "chat"


@dataclass(frozen=True, slots=True)
class EscalationContact:
    name: str
    email: str | None = None
    phone: str | None = None


@dataclass(frozen=True, slots=True)
class EscalationLevel:
    """One level of the chain: a manager role and the named people who hold it (SPEC 5).

    `title` is the agreement's own name for the role ("Regional Director"); `mailbox`
    the role mailbox the agreement publishes: mail to it through the gateway, quoting a
    case's tracking number, opens a written escalation at this level."""

    level: int
    role: Role
    contacts: tuple[EscalationContact, ...] = ()
    title: str | None = None
    mailbox: str | None = None


@dataclass(frozen=True, slots=True)
class ContractTerms:
    """A contract with its calendar and policy at the versions a ticket is measured by."""

    contract_id: uuid.UUID
    customer_id: uuid.UUID
    support_level: str
    valid_from: datetime
    valid_to: datetime | None
    calendar_id: uuid.UUID
    calendar_version: int
    calendar_version_id: uuid.UUID
    calendar: Calendar
    sla_policy_id: uuid.UUID
    policy_version: int
    policy_version_id: uuid.UUID
    policy: SlaPolicy
    channels: frozenset[Channel]
    escalation_chain: tuple[EscalationLevel, ...]
    update_interval_minutes: int | None
    reopen_window_days: int
    auto_close_days: int
    emergency_address: str | None
    # Issue 13: the facts its incidents must state; who is paged for an emergency.
    required_facts: tuple[str, ...] = ()
    on_call_address: str | None = None

    def includes(self, channel: Channel) -> bool:
        return channel in self.channels

    @property
    def top_level(self) -> int:
        return self.escalation_chain[-1].level if self.escalation_chain else 0

    def escalation_level(self, level: int) -> EscalationLevel | None:
        return next((lvl for lvl in self.escalation_chain if lvl.level == level), None)


class ContractPeriodOverlaps(Conflict):
    """A ticket is governed by THE contract valid at its creation, so periods may not overlap."""

    type_slug = "contract-period-overlaps"
    title = "Another contract of this customer is valid in this period"


def check_validity(valid_from: datetime, valid_to: datetime | None) -> None:
    """A contract is valid over `[valid_from, valid_to)`; an open end means until further notice."""
    if valid_to is not None and valid_to <= valid_from:
        raise InvalidField("valid_to", "valid_to must be after valid_from")


P = TypeVar("P", bound="ValidityPeriod")


class ValidityPeriod(Protocol):
    @property
    def valid_from(self) -> datetime: ...
    @property
    def valid_to(self) -> datetime | None: ...


def in_force(contracts: Iterable[P], at: datetime) -> P | None:
    """The contract governing a case raised at `at` (SPEC 3): valid over
    `[valid_from, valid_to)` at that instant; of several, the one that began last."""
    valid = [c for c in contracts if c.valid_from <= at and (c.valid_to is None or at < c.valid_to)]
    return max(valid, key=lambda c: c.valid_from, default=None)


def periods_overlap(
    a_from: datetime, a_to: datetime | None, b_from: datetime, b_to: datetime | None
) -> bool:
    """Half-open periods overlap when each starts before the other ends."""
    return (a_to is None or b_from < a_to) and (b_to is None or a_from < b_to)


def check_escalation_chain(roles_by_level: Sequence[tuple[int, str]]) -> None:
    """Levels are 1..N in order, each held by a manager role (SPEC 5)."""
    for i, (level, role) in enumerate(roles_by_level):
        if level != i + 1:
            raise InvalidField(
                f"escalation_chain[{i}].level",
                f"levels are numbered 1..N in order; expected {i + 1}",
            )
        if role not in {r.value for r in MANAGER_ROLES}:
            raise InvalidField(f"escalation_chain[{i}].role", f"{role!r} is not a manager role")


def check_channels(channels: Sequence[str]) -> None:
    if not channels:
        raise InvalidField("channels", "a contract includes at least one channel")
    for i, channel in enumerate(channels):
        if channel in channels[:i]:
            raise InvalidField(f"channels[{i}]", f"{channel} is listed twice")


SEVERE_LEVELS = frozenset({1, 2})


def with_update_interval(policy: SlaPolicy, interval_minutes: int | None) -> SlaPolicy:
    """The contract's promised update interval for severe cases (SPEC 3, 4.1 rule 7).

    Severity levels 1 and 2 that the policy leaves without an `update` target get one of
    `interval_minutes` on the continuous clock: a promise to keep a customer with a
    severe case informed holds around the clock. The policy's own targets win.
    """
    if not interval_minutes:
        return policy
    covered = {t.severity for t in policy.targets if t.metric is Metric.UPDATE}
    added = tuple(
        Target(s.level, Metric.UPDATE, interval_minutes, ClockKind.CONTINUOUS)
        for s in policy.severities
        if s.level in SEVERE_LEVELS and s.level not in covered
    )
    return replace(policy, targets=policy.targets + added) if added else policy
