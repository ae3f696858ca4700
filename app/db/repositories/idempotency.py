"""Idempotency keys: the claim row, the stored first response, expiry."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select, update

from app.db.models import IdempotencyKey
from app.db.repositories.base import Repository
from app.domain.ids import new_id


@dataclass(frozen=True, slots=True)
class KeyRecord:
    """A key as plain values, read fresh on every poll (no identity-map staleness)."""

    id: uuid.UUID
    fingerprint: str
    response_status: int | None
    response_headers: list[list[str]] | None
    response_body: str | None
    expires_at: datetime


class IdempotencyRepository(Repository):
    def add_claim(
        self, principal: str, key: str, fingerprint: str, now: datetime, expires_at: datetime
    ) -> uuid.UUID:
        """Adds the claim row; committing it raises IntegrityError if the key is taken."""
        row_id = new_id()
        self.session.add(
            IdempotencyKey(
                id=row_id,
                principal=principal,
                key=key,
                fingerprint=fingerprint,
                created_at=now,
                expires_at=expires_at,
            )
        )
        return row_id

    async def find(self, principal: str, key: str) -> KeyRecord | None:
        stmt = select(
            IdempotencyKey.id,
            IdempotencyKey.fingerprint,
            IdempotencyKey.response_status,
            IdempotencyKey.response_headers,
            IdempotencyKey.response_body,
            IdempotencyKey.expires_at,
        ).where(IdempotencyKey.principal == principal, IdempotencyKey.key == key)
        row = (await self.session.execute(stmt)).one_or_none()
        return None if row is None else KeyRecord(*row)

    async def remove_expired(self, record_id: uuid.UUID, now: datetime) -> None:
        await self.session.execute(
            delete(IdempotencyKey).where(
                IdempotencyKey.id == record_id, IdempotencyKey.expires_at <= now
            )
        )

    async def complete(
        self,
        record_id: uuid.UUID,
        status: int,
        headers: list[list[str]],
        body: str,
        now: datetime,
    ) -> None:
        await self.session.execute(
            update(IdempotencyKey)
            .where(IdempotencyKey.id == record_id)
            .values(
                response_status=status,
                response_headers=headers,
                response_body=body,
                completed_at=now,
            )
        )

    async def release(self, record_id: uuid.UUID) -> None:
        await self.session.execute(delete(IdempotencyKey).where(IdempotencyKey.id == record_id))
