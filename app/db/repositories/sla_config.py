"""Queries about calendars, SLA policies, their versions, contracts and config changes.

Contracts are scoped by their customer (SPEC 1). Calendars and policies are vendor
configuration: staff see them all, a customer or partner those its visible
contracts use, so one customer's bespoke terms never show to another.
"""

from __future__ import annotations

import uuid
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Select, Text, cast, func, or_, select, true

from app.db.cache import CONTRACTS
from app.db.models import (
    Calendar,
    CalendarVersion,
    ConfigChange,
    Contract,
    SlaPolicy,
    SlaPolicyVersion,
)
from app.db.repositories.base import Repository
from app.db.repositories.pagination import Page, page_by_id
from app.db.repositories.scoping import customer_predicate, get_visible, visible
from app.domain.actors import Role, Scope, ScopeKind
from app.domain.business_time import calendar_from_document
from app.domain.calendar_model import Calendar as DomainCalendar
from app.domain.contracts import (
    Channel,
    ContractTerms,
    EscalationContact,
    EscalationLevel,
    in_force,
    with_update_interval,
)
from app.domain.errors import NotFound
from app.domain.sla_policy import SlaPolicy as DomainPolicy
from app.domain.sla_policy import policy_from_document

R = TypeVar("R")


@dataclass(frozen=True, slots=True)
class ContractPeriod:
    """A contract of a customer, its validity and the versions now current (cached)."""

    contract_id: uuid.UUID
    valid_from: datetime
    valid_to: datetime | None
    calendar_version_id: uuid.UUID
    policy_version_id: uuid.UUID


@dataclass(frozen=True, slots=True)
class ValidContract:
    """The contract valid at an instant, with the versions then current (SPEC 3)."""

    contract: Contract
    calendar_version_id: uuid.UUID
    calendar_version: int
    policy_version_id: uuid.UUID
    policy_version: int


class SlaConfigRepository(Repository):
    async def config_changes(self, entity_kind: str, entity_id: uuid.UUID) -> list[ConfigChange]:
        """The audit of one calendar, policy or contract, oldest first."""
        stmt = (
            select(ConfigChange)
            .where(ConfigChange.entity_kind == entity_kind, ConfigChange.entity_id == entity_id)
            .order_by(ConfigChange.id)
        )
        return list((await self.session.execute(stmt)).scalars())

    # Calendars

    async def calendar(self, calendar_id: uuid.UUID, scope: Scope) -> Calendar:
        stmt = select(Calendar).where(
            Calendar.id == calendar_id, _used_by_visible(scope, Contract.calendar_id, Calendar.id)
        )
        return await self._one(stmt, f"calendar {calendar_id} was not found")

    async def calendars(self, scope: Scope, limit: int, cursor: str | None) -> Page[Calendar]:
        stmt = select(Calendar).where(_used_by_visible(scope, Contract.calendar_id, Calendar.id))
        return await page_by_id(self.session, stmt, Calendar.id, limit, cursor)

    async def calendar_version(self, calendar_id: uuid.UUID, version: int) -> CalendarVersion:
        stmt = select(CalendarVersion).where(
            CalendarVersion.calendar_id == calendar_id, CalendarVersion.version == version
        )
        return await self._one(stmt, f"version {version} of calendar {calendar_id} was not found")

    async def current_calendar_versions(
        self, calendars: list[Calendar]
    ) -> dict[uuid.UUID, CalendarVersion]:
        """The current version of each calendar, in one query."""
        if not calendars:
            return {}
        pairs = [(c.id, c.current_version) for c in calendars]
        stmt = select(CalendarVersion).where(CalendarVersion.calendar_id.in_([c for c, _ in pairs]))
        rows = (await self.session.execute(stmt)).scalars()
        wanted = set(pairs)
        return {r.calendar_id: r for r in rows if (r.calendar_id, r.version) in wanted}

    async def calendar_versions(
        self, calendar_id: uuid.UUID, limit: int, cursor: str | None
    ) -> Page[CalendarVersion]:
        stmt = select(CalendarVersion).where(CalendarVersion.calendar_id == calendar_id)
        return await page_by_id(self.session, stmt, CalendarVersion.id, limit, cursor)

    # SLA policies

    async def policy(self, policy_id: uuid.UUID, scope: Scope) -> SlaPolicy:
        stmt = select(SlaPolicy).where(
            SlaPolicy.id == policy_id, _used_by_visible(scope, Contract.sla_policy_id, SlaPolicy.id)
        )
        return await self._one(stmt, f"SLA policy {policy_id} was not found")

    async def policies(self, scope: Scope, limit: int, cursor: str | None) -> Page[SlaPolicy]:
        stmt = select(SlaPolicy).where(
            _used_by_visible(scope, Contract.sla_policy_id, SlaPolicy.id)
        )
        return await page_by_id(self.session, stmt, SlaPolicy.id, limit, cursor)

    async def policy_version(self, policy_id: uuid.UUID, version: int) -> SlaPolicyVersion:
        stmt = select(SlaPolicyVersion).where(
            SlaPolicyVersion.sla_policy_id == policy_id, SlaPolicyVersion.version == version
        )
        return await self._one(stmt, f"version {version} of SLA policy {policy_id} was not found")

    async def current_policy_versions(
        self, policies: list[SlaPolicy]
    ) -> dict[uuid.UUID, SlaPolicyVersion]:
        if not policies:
            return {}
        wanted = {(p.id, p.current_version) for p in policies}
        stmt = select(SlaPolicyVersion).where(
            SlaPolicyVersion.sla_policy_id.in_([p.id for p in policies])
        )
        rows = (await self.session.execute(stmt)).scalars()
        return {r.sla_policy_id: r for r in rows if (r.sla_policy_id, r.version) in wanted}

    async def policy_versions(
        self, policy_id: uuid.UUID, limit: int, cursor: str | None
    ) -> Page[SlaPolicyVersion]:
        stmt = select(SlaPolicyVersion).where(SlaPolicyVersion.sla_policy_id == policy_id)
        return await page_by_id(self.session, stmt, SlaPolicyVersion.id, limit, cursor)

    # Contracts

    async def contract(self, contract_id: uuid.UUID, scope: Scope) -> Contract:
        return await get_visible(
            self.session, Contract, contract_id, scope, Contract.customer_id, what="contract"
        )

    async def contracts(
        self,
        scope: Scope,
        limit: int,
        cursor: str | None,
        *,
        customer_id: uuid.UUID | None = None,
    ) -> Page[Contract]:
        stmt = visible(select(Contract), scope, Contract.customer_id)
        if customer_id is not None:
            stmt = stmt.where(Contract.customer_id == customer_id)
        return await page_by_id(self.session, stmt, Contract.id, limit, cursor)

    async def overlapping_contracts(
        self,
        customer_id: uuid.UUID,
        valid_from: datetime,
        valid_to: datetime | None,
        *,
        excluding: uuid.UUID | None = None,
    ) -> list[Contract]:
        """Contracts of the customer whose `[valid_from, valid_to)` meets the given period."""
        stmt = select(Contract).where(
            Contract.customer_id == customer_id,
            or_(Contract.valid_to.is_(None), Contract.valid_to > valid_from),
        )
        if valid_to is not None:
            stmt = stmt.where(Contract.valid_from < valid_to)
        if excluding is not None:
            stmt = stmt.where(Contract.id != excluding)
        return list((await self.session.execute(stmt)).scalars())

    async def terms_in_force(self, customer_id: uuid.UUID, at: datetime) -> ContractTerms | None:
        """The terms governing a case of `customer_id` raised at `at`: the contract then
        valid at the versions now current (SPEC 3). From the contracts cache — the
        customer's contracts, kept until a contract, calendar or policy changes
        (app/db/cache.py) — the choice among them made by the domain rule."""
        assert self.cache is not None, "a unit of work's repository"
        table = await self.cache.table(CONTRACTS)
        key = ("periods", customer_id)
        periods: tuple[ContractPeriod, ...] | None = table.get(key)
        if periods is None:
            stmt = (
                select(
                    Contract.id,
                    Contract.valid_from,
                    Contract.valid_to,
                    CalendarVersion.id,
                    SlaPolicyVersion.id,
                )
                .join(Calendar, Calendar.id == Contract.calendar_id)
                .join(
                    CalendarVersion,
                    (CalendarVersion.calendar_id == Calendar.id)
                    & (CalendarVersion.version == Calendar.current_version),
                )
                .join(SlaPolicy, SlaPolicy.id == Contract.sla_policy_id)
                .join(
                    SlaPolicyVersion,
                    (SlaPolicyVersion.sla_policy_id == SlaPolicy.id)
                    & (SlaPolicyVersion.version == SlaPolicy.current_version),
                )
                .where(Contract.customer_id == customer_id)
            )
            rows = await self.session.execute(stmt)
            periods = table[key] = tuple(ContractPeriod(*row) for row in rows)
        chosen = in_force(periods, at)
        if chosen is None:
            return None
        return await self.ticket_terms(
            chosen.contract_id, chosen.calendar_version_id, chosen.policy_version_id
        )

    async def valid_contract(self, customer_id: uuid.UUID, at: datetime) -> ValidContract | None:
        """The contract governing a ticket of `customer_id` created at `at` (SPEC 3)."""
        stmt = (
            select(Contract, CalendarVersion, SlaPolicyVersion)
            .join(Calendar, Calendar.id == Contract.calendar_id)
            .join(
                CalendarVersion,
                (CalendarVersion.calendar_id == Calendar.id)
                & (CalendarVersion.version == Calendar.current_version),
            )
            .join(SlaPolicy, SlaPolicy.id == Contract.sla_policy_id)
            .join(
                SlaPolicyVersion,
                (SlaPolicyVersion.sla_policy_id == SlaPolicy.id)
                & (SlaPolicyVersion.version == SlaPolicy.current_version),
            )
            .where(
                Contract.customer_id == customer_id,
                Contract.valid_from <= at,
                or_(Contract.valid_to.is_(None), Contract.valid_to > at),
            )
            .order_by(Contract.valid_from.desc())
            .limit(1)
        )
        row = (await self.session.execute(stmt)).first()
        if row is None:
            return None
        contract, cal, pol = row
        return ValidContract(contract, cal.id, cal.version, pol.id, pol.version)

    async def contract_terms(
        self,
        contract_id: uuid.UUID,
        *,
        calendar_version: int | None = None,
        policy_version: int | None = None,
    ) -> ContractTerms:
        """The contract as domain values; current versions unless pinned (a ticket's own)."""
        contract = await self.session.get(Contract, contract_id)
        if contract is None:
            raise NotFound(f"contract {contract_id} was not found")
        if calendar_version is None:
            calendar_version = await self._current(Calendar, contract.calendar_id)
        if policy_version is None:
            policy_version = await self._current(SlaPolicy, contract.sla_policy_id)
        cal = await self.calendar_version(contract.calendar_id, calendar_version)
        pol = await self.policy_version(contract.sla_policy_id, policy_version)
        return terms_of(contract, cal, pol)

    async def ticket_terms(
        self,
        contract_id: uuid.UUID,
        calendar_version_id: uuid.UUID,
        policy_version_id: uuid.UUID,
    ) -> ContractTerms:
        """The contract with the exact calendar and policy versions a ticket was created
        under: history never shifts under a later edit (SPEC 3, Versions). Versions are
        immutable, so the terms are cached by the three ids (dropped only when a
        contract itself changes: app/db/cache.py); a miss is one query."""
        assert self.cache is not None, "a unit of work's repository"
        table = await self.cache.table(CONTRACTS)
        key = ("terms", contract_id, calendar_version_id, policy_version_id)
        terms: ContractTerms | None = table.get(key)
        if terms is None:
            stmt = (
                select(Contract, CalendarVersion, SlaPolicyVersion)
                .select_from(Contract)
                .join(CalendarVersion, CalendarVersion.id == calendar_version_id)
                .join(SlaPolicyVersion, SlaPolicyVersion.id == policy_version_id)
                .where(Contract.id == contract_id)
            )
            row = (await self.session.execute(stmt)).first()
            if row is None:
                raise NotFound(f"contract {contract_id} was not found")
            terms = table[key] = terms_of(*row)
        return terms

    async def escalation_mailbox_in_use(self, address: str) -> bool:
        """Whether a contract's chain names `address` (lower case) as a level's mailbox.

        A text match on the stored JSON narrows the rows on both databases; the exact
        comparison is made on the parsed chains."""
        needle = cast(Contract.escalation_chain, Text)
        stmt = select(Contract.escalation_chain).where(
            func.lower(needle).contains(f'"{address}"', autoescape=True)
        )
        chains = (await self.session.execute(stmt)).scalars()
        return any(lvl.get("mailbox") == address for chain in chains for lvl in chain)

    async def _current(self, model: type[Calendar] | type[SlaPolicy], row_id: uuid.UUID) -> int:
        stmt = select(model.current_version).where(model.id == row_id)
        return int((await self.session.execute(stmt)).scalar_one())

    async def _one(self, stmt: Select[R], message: str) -> R:
        row = (await self.session.execute(stmt)).scalar_one_or_none()
        if row is None:
            raise NotFound(message)
        return row


# Versions are immutable, so a parsed calendar or policy can be kept by version id: the
# engine's interval caches then stay warm across requests (bench/README.md).
_PARSED_LIMIT = 512
_parsed: OrderedDict[uuid.UUID, Any] = OrderedDict()


def _memo(version_id: uuid.UUID, parse: Callable[[], Any]) -> Any:
    if version_id in _parsed:
        _parsed.move_to_end(version_id)
        return _parsed[version_id]
    value = _parsed[version_id] = parse()
    if len(_parsed) > _PARSED_LIMIT:
        _parsed.popitem(last=False)
    return value


def _parsed_calendar(cal: CalendarVersion) -> DomainCalendar:
    result: DomainCalendar = _memo(cal.id, lambda: calendar_from_document(cal.document))
    return result


def _parsed_policy(pol: SlaPolicyVersion) -> DomainPolicy:
    result: DomainPolicy = _memo(pol.id, lambda: policy_from_document(pol.document))
    return result


def terms_of(contract: Contract, cal: CalendarVersion, pol: SlaPolicyVersion) -> ContractTerms:
    """Rows to the frozen domain value; stored documents were validated when written."""
    return ContractTerms(
        contract_id=contract.id,
        customer_id=contract.customer_id,
        support_level=contract.support_level,
        valid_from=contract.valid_from,
        valid_to=contract.valid_to,
        calendar_id=contract.calendar_id,
        calendar_version=cal.version,
        calendar_version_id=cal.id,
        calendar=_parsed_calendar(cal),
        sla_policy_id=contract.sla_policy_id,
        policy_version=pol.version,
        policy_version_id=pol.id,
        policy=with_update_interval(_parsed_policy(pol), contract.update_interval_minutes),
        channels=frozenset(Channel(c) for c in contract.channels),
        escalation_chain=tuple(
            EscalationLevel(
                level=int(lvl["level"]),
                role=Role(lvl["role"]),
                contacts=tuple(
                    EscalationContact(c["name"], c.get("email"), c.get("phone"))
                    for c in lvl.get("contacts", [])
                ),
                title=lvl.get("title"),
                mailbox=lvl.get("mailbox"),
            )
            for lvl in contract.escalation_chain
        ),
        update_interval_minutes=contract.update_interval_minutes,
        reopen_window_days=contract.reopen_window_days,
        auto_close_days=contract.auto_close_days,
        emergency_address=contract.emergency_address,
        required_facts=tuple(contract.required_facts or ()),
        on_call_address=contract.on_call_address,
    )


def _used_by_visible(scope: Scope, used_column: Any, id_column: Any) -> ColumnElement[bool]:
    """Staff see every calendar/policy; others those a contract they may see uses."""
    if scope.kind is ScopeKind.ALL:
        return true()
    users = select(used_column).where(customer_predicate(scope, Contract.customer_id))
    return id_column.in_(users)  # type: ignore[no-any-return]
