"""Idempotency keys: the claim row and the first response stored with it, expiry."""

from __future__ import annotations

import functools
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Table, bindparam, delete, func, select, true, update
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
        """Bounds how long this transaction queues behind a twin holding the same key.

        SQLite: the write-lock wait of this transaction's BEGIN (a twin holds the write
        lock until it commits). PostgreSQL: nothing to do yet — `claim` carries the
        bound itself, so it costs no statement of its own."""
        if self._dialect == "postgresql":
            return
        ms = max(int(seconds * 1000), 1)
        try:
            await self.session.connection(execution_options={BEGIN_WAIT_MS: ms})
        except DBAPIError as exc:
            if _lock_wait_expired(exc):
                raise KeyHeldElsewhere from exc
            raise

    async def claim(
        self,
        principal: str,
        key: str,
        fingerprint: str,
        now: datetime,
        expires_at: datetime,
        *,
        wait_seconds: float,
    ) -> uuid.UUID | KeyRecord:
        """Inserts the claim row in the caller's transaction, in one statement: our new
        row's id, or the key's record when it was taken (a committed first answer).

        A twin's uncommitted claim makes this wait (the unique index) until that
        transaction ends: committed, the key is taken; rolled back (or its server
        crashed), the key is ours. On PostgreSQL the wait is bounded by a lock_timeout
        set for this statement only: set in a CTE before the insert waits, restored by
        the RETURNING clause after it (both `set_config(..., true)`, transaction-local).
        The no-op DO UPDATE makes a conflict return the existing row. An expired
        record, or an answerless one left by the two-transaction scheme of old, is
        removed and the key claimed again (rare: a second and third statement).
        """
        row_id = new_id()
        values = {
            "id": row_id,
            "principal": principal,
            "key": key,
            "fingerprint": fingerprint,
            "created_at": now,
            "expires_at": expires_at,
        }
        stmt = _claim_statement(self._dialect, max(int(wait_seconds * 1000), 1))
        try:
            row = (await self.session.execute(stmt, values)).one()
        except DBAPIError as exc:
            if _lock_wait_expired(exc):
                raise KeyHeldElsewhere from exc
            raise
        if row[0] == row_id:
            return row_id
        record = KeyRecord(*row[:6])
        if record.expires_at <= now or record.response_status is None:
            await self.session.execute(delete(IdempotencyKey).where(IdempotencyKey.id == record.id))
            return await self.claim(
                principal, key, fingerprint, now, expires_at, wait_seconds=wait_seconds
            )
        return record

    async def complete(
        self,
        record_id: uuid.UUID,
        status: int,
        headers: list[list[str]],
        body: str,
        now: datetime,
    ) -> None:
        await self.session.execute(
            _complete_statement(),
            {
                "record_id": record_id,
                "answer_status": status,
                "answer_headers": headers,
                "answer_body": body,
                "answer_at": now,
            },
        )

    async def release(self, record_id: uuid.UUID) -> None:
        await self.session.execute(delete(IdempotencyKey).where(IdempotencyKey.id == record_id))

    @property
    def _dialect(self) -> str:
        return self.session.get_bind().dialect.name


_CLAIMED = ("id", "principal", "key", "fingerprint", "created_at", "expires_at")


@functools.lru_cache(maxsize=16)
def _claim_statement(dialect: str, wait_ms: int) -> Any:
    """The claim's INSERT, built once per dialect and wait (its values are bound at
    execution): building and cache-keying this statement anew cost more than running it."""
    table: Table = IdempotencyKey.__table__  # type: ignore[assignment]
    returned = [
        table.c.id,
        table.c.fingerprint,
        table.c.response_status,
        table.c.response_headers,
        table.c.response_body,
        table.c.expires_at,
    ]
    if dialect == "postgresql":
        before = select(func.current_setting("lock_timeout").label("value")).cte("before")
        bounded = select(func.set_config("lock_timeout", f"{wait_ms}ms", True).label("value")).cte(
            "bounded"
        )
        source = select(
            *(bindparam(k, type_=table.c[k].type).label(k) for k in _CLAIMED)
        ).select_from(bounded.join(before, true()))
        return (
            pg_insert(table)
            .from_select(list(_CLAIMED), source)
            .add_cte(before)
            .add_cte(bounded)
            .on_conflict_do_update(
                index_elements=[table.c.principal, table.c.key],
                set_={"fingerprint": table.c.fingerprint},
            )
            .returning(
                *returned,
                func.set_config("lock_timeout", select(before.c.value).scalar_subquery(), True),
            )
        )
    return (
        sqlite_insert(table)
        .values({k: bindparam(k, type_=table.c[k].type) for k in _CLAIMED})
        .on_conflict_do_update(
            index_elements=[table.c.principal, table.c.key],
            set_={"fingerprint": table.c.fingerprint},
        )
        .returning(*returned)
    )


@functools.cache
def _complete_statement() -> Any:
    """The stored answer's UPDATE, built once (Core: no ORM bulk-update bookkeeping)."""
    table: Table = IdempotencyKey.__table__  # type: ignore[assignment]
    return (
        update(table)
        .where(table.c.id == bindparam("record_id", type_=table.c.id.type))
        .values(
            response_status=bindparam("answer_status", type_=table.c.response_status.type),
            response_headers=bindparam("answer_headers", type_=table.c.response_headers.type),
            response_body=bindparam("answer_body", type_=table.c.response_body.type),
            completed_at=bindparam("answer_at", type_=table.c.completed_at.type),
        )
    )


def _lock_wait_expired(exc: DBAPIError) -> bool:
    """PostgreSQL's lock_timeout, or SQLite still locked when BEGIN gave up waiting."""
    code = getattr(exc.orig, "sqlstate", None) or getattr(exc.orig, "pgcode", None)
    return code == _LOCK_NOT_AVAILABLE or "database is locked" in str(exc.orig)
