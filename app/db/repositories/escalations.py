"""Queries about escalations, tenancy-scoped through `visible` like every repository."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from app.db.models import Escalation, Ticket
from app.db.repositories.base import Repository
from app.db.repositories.pagination import Page, page_by_id
from app.db.repositories.scoping import get_visible, visible
from app.domain.actors import Scope


@dataclass(frozen=True, slots=True)
class EscalationFilters:
    """The managers' queue filters; each combines with the others."""

    state: list[str] | None = None
    level: list[int] | None = None
    addressed_role: list[str] | None = None
    customer_id: uuid.UUID | None = None
    ticket_id: uuid.UUID | None = None
    updated_since: datetime | None = None  # opened, acknowledged or resolved since


class EscalationRepository(Repository):
    def add(self, row: Escalation) -> None:
        self.session.add(row)

    async def add_once(self, row: Escalation) -> bool:
        """Inserts an escalation whose `source_key` must be new; answers False (and leaves
        the caller's transaction usable) when another transaction already holds the key."""
        try:
            async with self.session.begin_nested():
                self.session.add(row)
                await self.session.flush()
        except IntegrityError:
            return False
        return True

    async def by_source_key(self, source_key: str) -> Escalation | None:
        stmt = select(Escalation).where(Escalation.source_key == source_key)
        found: Escalation | None = (await self.session.execute(stmt)).scalar_one_or_none()
        return found

    async def escalation(
        self, escalation_id: uuid.UUID, scope: Scope, *, lock: bool = False
    ) -> Escalation:
        """One visible escalation; `lock` holds its row (PostgreSQL) until commit, so two
        managers answering at once are serialised."""
        if lock and self.session.get_bind().dialect.name == "postgresql":
            stmt = visible(
                select(Escalation).where(Escalation.id == escalation_id),
                scope,
                Escalation.customer_id,
            )
            locked = stmt.with_for_update().execution_options(populate_existing=True)
            row: Escalation | None = (await self.session.execute(locked)).scalar_one_or_none()
            if row is not None:
                return row
        return await get_visible(
            self.session,
            Escalation,
            escalation_id,
            scope,
            Escalation.customer_id,
            what="escalation",
        )

    async def highest_level(self, ticket_id: uuid.UUID, reasons: list[str]) -> int | None:
        """The highest level the ticket's escalations with one of `reasons` reached."""
        stmt = select(func.max(Escalation.level)).where(
            Escalation.ticket_id == ticket_id, Escalation.reason.in_(reasons)
        )
        level: int | None = (await self.session.execute(stmt)).scalar_one()
        return level

    async def escalations(
        self, scope: Scope, filters: EscalationFilters, limit: int, cursor: str | None
    ) -> Page[Escalation]:
        """Oldest first (UUIDv7 ids): a queue is worked from its head."""
        stmt = visible(select(Escalation), scope, Escalation.customer_id)
        if filters.state:
            stmt = stmt.where(Escalation.state.in_(filters.state))
        if filters.level:
            stmt = stmt.where(Escalation.level.in_(filters.level))
        if filters.addressed_role:
            stmt = stmt.where(Escalation.addressed_role.in_(filters.addressed_role))
        if filters.customer_id:
            stmt = stmt.where(Escalation.customer_id == filters.customer_id)
        if filters.ticket_id:
            stmt = stmt.where(Escalation.ticket_id == filters.ticket_id)
        if filters.updated_since is not None:
            stmt = stmt.where(Escalation.updated_at >= filters.updated_since)
        return await page_by_id(self.session, stmt, Escalation.id, limit, cursor)

    async def customers_of_cases(self, tracking_numbers: list[str]) -> dict[str, uuid.UUID]:
        """Tracking number → customer of each existing case; unknown numbers are absent.
        Unscoped: the caller compares the customers and answers alike for foreign ones."""
        if not tracking_numbers:
            return {}
        stmt = select(Ticket.tracking_number, Ticket.customer_id).where(
            Ticket.tracking_number.in_(tracking_numbers)
        )
        rows: Any = (await self.session.execute(stmt)).all()
        return {number: customer_id for number, customer_id in rows}
