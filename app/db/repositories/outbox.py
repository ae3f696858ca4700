"""The outbox queue: claim, complete, retry. `SKIP LOCKED` lives only here (STYLE)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, or_, select, update

from app.db.models import OutboxMessage
from app.db.repositories.base import Repository
from app.domain.ids import new_id


@dataclass(frozen=True, slots=True)
class ClaimedMessage:
    """A leased message, as plain values: it outlives the claiming transaction."""

    id: uuid.UUID
    kind: str
    payload: dict[str, Any]
    attempts: int


class OutboxRepository(Repository):
    def enqueue(self, kind: str, payload: dict[str, Any], now: datetime) -> OutboxMessage:
        """Adds a message to the caller's transaction: it commits or rolls back with it."""
        message = OutboxMessage(
            id=new_id(),
            kind=kind,
            payload=payload,
            status="pending",
            attempts=0,
            next_attempt_at=now,
            created_at=now,
        )
        self.session.add(message)
        return message

    async def claim(
        self, worker_id: str, now: datetime, lock_for: timedelta, batch: int
    ) -> list[ClaimedMessage]:
        """Leases due messages to one worker; concurrent workers never get the same one.

        PostgreSQL skips rows another worker is claiming; SQLite serialises writers, so
        the conditional UPDATE alone is enough there. An expired lease (a crashed
        worker) makes a message claimable again.
        """
        due = (
            select(OutboxMessage.id)
            .where(
                OutboxMessage.status == "pending",
                OutboxMessage.next_attempt_at <= now,
                or_(OutboxMessage.locked_until.is_(None), OutboxMessage.locked_until < now),
            )
            .order_by(OutboxMessage.next_attempt_at, OutboxMessage.id)
            .limit(batch)
        )
        if self.session.get_bind().dialect.name == "postgresql":
            due = due.with_for_update(skip_locked=True)
        lease = f"{worker_id}:{new_id()}"
        await self.session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id.in_(due.scalar_subquery()))
            .values(locked_by=lease, locked_until=now + lock_for)
            .execution_options(synchronize_session=False)
        )
        await self.session.commit()
        stmt = select(
            OutboxMessage.id, OutboxMessage.kind, OutboxMessage.payload, OutboxMessage.attempts
        ).where(OutboxMessage.locked_by == lease)
        rows = (await self.session.execute(stmt)).all()
        return [ClaimedMessage(r.id, r.kind, r.payload, r.attempts) for r in rows]

    async def mark_sent(self, message_id: uuid.UUID, now: datetime) -> None:
        await self.session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id == message_id)
            .values(
                status="sent",
                sent_at=now,
                locked_by=None,
                locked_until=None,
                attempts=OutboxMessage.attempts + 1,
            )
        )

    async def mark_failed(
        self, message_id: uuid.UUID, error: str, retry_at: datetime | None
    ) -> None:
        """Records the failure; `retry_at=None` means give up (status `dead`)."""
        await self.session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id == message_id)
            .values(
                status="pending" if retry_at else "dead",
                next_attempt_at=retry_at or OutboxMessage.next_attempt_at,
                attempts=OutboxMessage.attempts + 1,
                last_error=error[:2000],
                locked_by=None,
                locked_until=None,
            )
        )

    async def pending_count(self) -> int:
        stmt = select(func.count()).where(OutboxMessage.status == "pending")
        return int((await self.session.execute(stmt)).scalar_one())
