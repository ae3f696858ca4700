"""Retention (issue 11): deletes finished rows past their horizon, one bounded batch per
call, so no statement holds locks on a large table for long."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, delete, select
from sqlalchemy.engine import CursorResult

from app.db.models import (
    IdempotencyKey,
    OneTimeToken,
    OutboxMessage,
    RefreshToken,
    WebhookDelivery,
)
from app.db.repositories.base import Repository


class RetentionRepository(Repository):
    async def purge_outbox(self, created_before: datetime, limit: int) -> int:
        """Sent or dead messages; a pending one is never deleted, however old."""
        finished = OutboxMessage.status.in_(("sent", "dead"))
        return await self._purge(
            OutboxMessage, finished & (OutboxMessage.created_at < created_before), limit
        )

    async def purge_webhook_deliveries(self, attempted_before: datetime, limit: int) -> int:
        return await self._purge(
            WebhookDelivery, WebhookDelivery.attempted_at < attempted_before, limit
        )

    async def purge_expired_tokens(self, expired_before: datetime, limit: int) -> int:
        """One-time links and refresh tokens that expired before the instant: both are
        refused once expired, so nothing reads them any more."""
        links = await self._purge(OneTimeToken, OneTimeToken.expires_at < expired_before, limit)
        refresh = await self._purge(
            RefreshToken, RefreshToken.expires_at < expired_before, limit - links
        )
        return links + refresh

    async def purge_idempotency_keys(self, expired_before: datetime, limit: int) -> int:
        """Keys past their expiry (a retry then runs afresh); a key still being answered
        keeps its row until it expires."""
        return await self._purge(IdempotencyKey, IdempotencyKey.expires_at < expired_before, limit)

    async def _purge(self, model: Any, condition: ColumnElement[bool], limit: int) -> int:
        if limit <= 0:
            return 0
        batch: Select[Any] = select(model.id).where(condition).limit(limit)
        result = await self.session.execute(
            delete(model)
            .where(model.id.in_(batch.scalar_subquery()))
            .execution_options(synchronize_session=False)
        )
        return int(result.rowcount) if isinstance(result, CursorResult) else 0
