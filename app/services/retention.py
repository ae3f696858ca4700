"""Retention (issue 11): the worker deletes finished work past its settings' horizons —
delivered or dead outbox messages, webhook delivery logs, expired links and refresh
tokens, expired idempotency keys — in bounded batches, one transaction each."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from app.db.repositories.retention import RetentionRepository
from app.db.session import Database
from app.domain.delivery import RetentionPolicy, retention_cutoffs
from app.services.context import ServiceContext

log = logging.getLogger("supportdesk.retention")

Purge = Callable[[RetentionRepository, datetime, int], Awaitable[int]]


@dataclass
class RetentionRun:
    outbox: int = 0
    webhook_deliveries: int = 0
    tokens: int = 0
    idempotency_keys: int = 0

    @property
    def total(self) -> int:
        return self.outbox + self.webhook_deliveries + self.tokens + self.idempotency_keys


class Retention:
    def __init__(self, db: Database, ctx: ServiceContext) -> None:
        self.db = db
        self.ctx = ctx

    def policy(self) -> RetentionPolicy:
        s = self.ctx.settings
        return RetentionPolicy(
            outbox=timedelta(days=s.retention_outbox_days),
            webhook_deliveries=timedelta(days=s.retention_webhook_deliveries_days),
            expired_tokens=timedelta(days=s.retention_expired_tokens_days),
        )

    async def run_once(self) -> RetentionRun:
        """Deletes everything past its horizon, batch after batch."""
        cut = retention_cutoffs(self.ctx.now(), self.policy())
        run = RetentionRun(
            outbox=await self._purge(RetentionRepository.purge_outbox, cut.outbox_finished_before),
            webhook_deliveries=await self._purge(
                RetentionRepository.purge_webhook_deliveries, cut.deliveries_attempted_before
            ),
            tokens=await self._purge(
                RetentionRepository.purge_expired_tokens, cut.tokens_expired_before
            ),
            idempotency_keys=await self._purge(
                RetentionRepository.purge_idempotency_keys, cut.idempotency_expired_before
            ),
        )
        if run.total:
            log.info("retention deleted old rows", extra={"fields": vars(run)})
        return run

    async def _purge(self, purge: Purge, before: datetime) -> int:
        batch = self.ctx.settings.retention_batch_size
        total = 0
        while True:
            async with self.db.unit_of_work() as uow:
                deleted = await purge(uow.retention, before, batch)
                await uow.commit()
            total += deleted
            if deleted < batch:
                return total
