"""Quarantined inbound mail and the reply throttle. Staff only: other scopes see nothing."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from app.db.models import MailReply, QuarantinedMail
from app.db.repositories.base import Repository
from app.db.repositories.pagination import Page, page_by_id
from app.domain.actors import Scope, ScopeKind
from app.domain.errors import NotFound


@dataclass(frozen=True, slots=True)
class QuarantineFilters:
    reason: str | None = None
    state: str | None = None
    sender: str | None = None


class InboundMailRepository(Repository):
    async def quarantined(
        self, mail_id: uuid.UUID, scope: Scope, *, lock: bool = False
    ) -> QuarantinedMail:
        """One held message; missing and not-staff answer the same NotFound (SPEC 1)."""
        stmt = select(QuarantinedMail).where(QuarantinedMail.id == mail_id)
        if lock and self.session.get_bind().dialect.name == "postgresql":
            stmt = stmt.with_for_update()
        row = None
        if scope.kind is ScopeKind.ALL:
            row = (await self.session.execute(stmt)).scalar_one_or_none()
        if row is None:
            raise NotFound(f"quarantined mail {mail_id} was not found")
        return row

    async def list_quarantined(
        self, scope: Scope, filters: QuarantineFilters, limit: int, cursor: str | None
    ) -> Page[QuarantinedMail]:
        if scope.kind is not ScopeKind.ALL:  # the quarantine is staff's: 404 like a missing one
            raise NotFound("the quarantine was not found")
        stmt = select(QuarantinedMail)
        if filters.reason:
            stmt = stmt.where(QuarantinedMail.reason == filters.reason)
        if filters.state:
            stmt = stmt.where(QuarantinedMail.state == filters.state)
        if filters.sender:
            stmt = stmt.where(QuarantinedMail.sender == filters.sender.lower())
        return await page_by_id(self.session, stmt, QuarantinedMail.id, limit, cursor)

    async def claim_reply(self, address: str, now: datetime, interval: timedelta) -> bool:
        """Takes the sender's reply slot: true once per `interval`, even under concurrency.

        The insert (first reply ever) or the conditional update (the last one is old
        enough) succeeds for one transaction only; a concurrent one waits and finds the
        slot taken.
        """
        address = address.lower()
        insert = (
            pg_insert if self.session.get_bind().dialect.name == "postgresql" else sqlite_insert
        )
        inserted = await self.session.execute(
            insert(MailReply)
            .values(address=address, last_sent_at=now, count=1)
            .on_conflict_do_nothing()
        )
        if inserted.rowcount == 1:  # type: ignore[attr-defined]
            return True
        updated = await self.session.execute(
            update(MailReply)
            .where(MailReply.address == address, MailReply.last_sent_at <= now - interval)
            .values(last_sent_at=now, count=MailReply.count + 1)
        )
        return bool(updated.rowcount == 1)  # type: ignore[attr-defined]
