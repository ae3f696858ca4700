"""The outbox queue: claim, complete, retry. `SKIP LOCKED` lives only here (STYLE).

Every state change after the claim is fenced by the lease: only the worker that holds a
message may mark it sent or failed, so a worker whose lease ran out cannot overwrite
what the next holder did.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, or_, select, update
from sqlalchemy.engine import CursorResult

from app.db.models import OutboxMessage
from app.db.repositories.base import Repository
from app.db.repositories.changes import ChangeRepository, outbox_row
from app.domain.ids import new_id


@dataclass(frozen=True, slots=True)
class ClaimedMessage:
    """A leased message, as plain values: it outlives the claiming transaction."""

    id: uuid.UUID
    kind: str
    destination: str
    payload: dict[str, Any]
    attempts: int
    lease: str
    created_at: datetime  # when it was queued: a webhook is retried for days from then


class OutboxRepository(Repository):
    def __init__(self, session: Any, pending: ChangeRepository) -> None:
        super().__init__(session)
        self.pending = pending

    def enqueue(self, kind: str, payload: dict[str, Any], now: datetime) -> uuid.UUID:
        """Adds a message to the caller's transaction: it commits or rolls back with it,
        written at COMMIT in one multi-row INSERT with the transaction's other plain rows
        (`ChangeRepository.write_pending`). Answers the message's id."""
        row = outbox_row(kind, payload, now)
        self.pending.enqueue(row)
        message_id: uuid.UUID = row["id"]
        return message_id

    async def claim(
        self,
        worker_id: str,
        now: datetime,
        lock_for: timedelta,
        limit: int,
        skip_destinations: Collection[str] = (),
    ) -> list[ClaimedMessage]:
        """Leases up to `limit` due messages to one worker and commits; concurrent workers
        never get the same one. Messages for `skip_destinations` (lanes the worker has no
        free slot for) are left to others.

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
            .limit(limit)
        )
        if skip_destinations:
            due = due.where(OutboxMessage.destination.not_in(list(skip_destinations)))
        if self.session.get_bind().dialect.name == "postgresql":
            due = due.with_for_update(skip_locked=True)
        lease = f"{worker_id}:{new_id()}"[-80:]
        result = await self.session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id.in_(due.scalar_subquery()))
            .values(locked_by=lease, locked_until=now + lock_for)
            .returning(
                OutboxMessage.id,
                OutboxMessage.kind,
                OutboxMessage.destination,
                OutboxMessage.payload,
                OutboxMessage.attempts,
                OutboxMessage.next_attempt_at,
                OutboxMessage.created_at,
            )
            .execution_options(synchronize_session=False)
        )
        rows = sorted(result.all(), key=lambda r: (r.next_attempt_at, r.id))
        await self.session.commit()
        return [
            ClaimedMessage(r.id, r.kind, r.destination, r.payload, r.attempts, lease, r.created_at)
            for r in rows
        ]

    async def release(self, message_ids: Collection[uuid.UUID], lease: str) -> None:
        """Gives leased messages back untouched (no slot was free for them after all)."""
        await self.session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id.in_(list(message_ids)), OutboxMessage.locked_by == lease)
            .values(locked_by=None, locked_until=None)
        )

    async def renew(
        self, message_id: uuid.UUID, lease: str, now: datetime, lock_for: timedelta
    ) -> bool:
        """Extends a held lease from `now`; False when `lease` no longer holds the message."""
        result = await self.session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id == message_id, OutboxMessage.locked_by == lease)
            .values(locked_until=now + lock_for)
        )
        return _changed(result)

    async def mark_sent(self, message_id: uuid.UUID, lease: str, now: datetime) -> bool:
        """Records the delivery; False (and nothing changed) when `lease` no longer holds it."""
        result = await self.session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id == message_id, OutboxMessage.locked_by == lease)
            .values(
                status="sent",
                sent_at=now,
                locked_by=None,
                locked_until=None,
                attempts=OutboxMessage.attempts + 1,
            )
        )
        return _changed(result)

    async def mark_failed(
        self, message_id: uuid.UUID, lease: str, error: str, retry_at: datetime | None
    ) -> bool:
        """Records the failure; `retry_at=None` means give up (status `dead`). False (and
        nothing changed) when `lease` no longer holds the message."""
        result = await self.session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id == message_id, OutboxMessage.locked_by == lease)
            .values(
                status="pending" if retry_at else "dead",
                next_attempt_at=retry_at or OutboxMessage.next_attempt_at,
                attempts=OutboxMessage.attempts + 1,
                last_error=error[:2000],
                locked_by=None,
                locked_until=None,
            )
        )
        return _changed(result)

    async def pending_count(self) -> int:
        stmt = select(func.count()).where(OutboxMessage.status == "pending")
        return int((await self.session.execute(stmt)).scalar_one())


def _changed(result: Any) -> bool:
    return isinstance(result, CursorResult) and result.rowcount == 1
