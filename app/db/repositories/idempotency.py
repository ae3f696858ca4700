"""Idempotency keys: the claim row and the first response stored with it, expiry."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, or_, select, text, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import DBAPIError

from app.db.models import IdempotencyKey
from app.db.repositories.base import Repository
from app.domain.ids import new_id

_LOCK_NOT_AVAILABLE = "55P03"  # PostgreSQL: lock_timeout expired
# A connection option: how long (ms) this transaction may queue for SQLite's write lock.
BEGIN_WAIT_MS = "supportdesk_begin_wait_ms"


@dataclass(frozen=True, slots=True)
class KeyRecord:
    """A key as plain values, read fresh (no identity-map staleness)."""

    id: uuid.UUID
    fingerprint: str
    response_status: int | None
    response_headers: list[list[str]] | None
    response_body: str | None
    expires_at: datetime


class KeyHeldElsewhere(Exception):
    """Another transaction held the key past the wait we allow."""


class IdempotencyRepository(Repository):
    async def wait_at_most(self, seconds: float) -> None:
        """Bounds how long this transaction queues behind a twin holding the same key:
        a lock timeout on PostgreSQL, the write-lock wait of BEGIN on SQLite."""
        ms = max(int(seconds * 1000), 1)
        try:
            if self._dialect == "postgresql":
                await self.session.execute(text(f"SET LOCAL lock_timeout = {ms}"))
            else:
                await self.session.connection(execution_options={BEGIN_WAIT_MS: ms})
        except DBAPIError as exc:
            if _lock_wait_expired(exc):
                raise KeyHeldElsewhere from exc
            raise

    async def stop_waiting_limit(self) -> None:
        """The use case that follows waits for locks as any other request does."""
        if self._dialect == "postgresql":
            await self.session.execute(text("SET LOCAL lock_timeout TO DEFAULT"))

    async def claim(
        self, principal: str, key: str, fingerprint: str, now: datetime, expires_at: datetime
    ) -> uuid.UUID | None:
        """Inserts the claim row in the caller's transaction; None if the key is taken.

        A twin's uncommitted claim makes this wait (the unique index) until that
        transaction ends: committed, the key is taken; rolled back (or its server
        crashed), the key is ours. An expired row, or an answerless claim left by the
        two-transaction scheme of old, is removed first.
        """
        row_id = new_id()
        insert = pg_insert if self._dialect == "postgresql" else sqlite_insert
        try:
            await self.session.execute(
                delete(IdempotencyKey).where(
                    IdempotencyKey.principal == principal,
                    IdempotencyKey.key == key,
                    or_(IdempotencyKey.expires_at <= now, IdempotencyKey.response_status.is_(None)),
                )
            )
            inserted = await self.session.execute(
                insert(IdempotencyKey)
                .values(
                    id=row_id,
                    principal=principal,
                    key=key,
                    fingerprint=fingerprint,
                    created_at=now,
                    expires_at=expires_at,
                )
                .on_conflict_do_nothing()
            )
        except DBAPIError as exc:
            if _lock_wait_expired(exc):
                raise KeyHeldElsewhere from exc
            raise
        return row_id if inserted.rowcount == 1 else None  # type: ignore[attr-defined]

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

    @property
    def _dialect(self) -> str:
        return self.session.get_bind().dialect.name


def _lock_wait_expired(exc: DBAPIError) -> bool:
    """PostgreSQL's lock_timeout, or SQLite still locked when BEGIN gave up waiting."""
    code = getattr(exc.orig, "sqlstate", None) or getattr(exc.orig, "pgcode", None)
    return code == _LOCK_NOT_AVAILABLE or "database is locked" in str(exc.orig)
