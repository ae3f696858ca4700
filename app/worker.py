"""The worker: runs the SLA monitor and delivers the outbox.

Several workers may run side by side: each message is leased to one worker at a time.
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
from datetime import timedelta
from typing import Any, Protocol

from app.db.session import Database
from app.integrations.smtp import SmtpSender
from app.integrations.webhooks import WebhookSender
from app.services.context import ServiceContext
from app.services.sla_monitor import SlaMonitor
from app.services.webhook_deliveries import DeliveryLog

log = logging.getLogger("supportdesk.worker")


class Sender(Protocol):
    async def send(self, payload: dict[str, Any], message_id: str) -> None: ...


class Worker:
    def __init__(
        self,
        db: Database,
        ctx: ServiceContext,
        *,
        senders: dict[str, Sender] | None = None,
        worker_id: str | None = None,
        batch: int = 20,
    ) -> None:
        self.db = db
        self.ctx = ctx
        self.senders: dict[str, Sender] = senders or {
            "email": SmtpSender(ctx.settings),
            "webhook": WebhookSender(ctx.settings, ctx.clock, DeliveryLog(db, ctx)),
        }
        self.worker_id = worker_id or f"{socket.gethostname()}:{os.getpid()}"
        self.batch = batch
        self.monitor = SlaMonitor(db, ctx)

    async def tick(self) -> int:
        """One round: the SLA monitor first (it queues e-mails), then the outbox."""
        run = await self.monitor.run_once()
        return run.total + await self.deliver_due()

    async def deliver_due(self) -> int:
        """Delivers one batch of due messages; answers how many were attempted."""
        settings = self.ctx.settings
        async with self.db.unit_of_work() as uow:
            messages = await uow.outbox.claim(
                self.worker_id,
                self.ctx.now(),
                timedelta(seconds=settings.outbox_lock_seconds),
                self.batch,
            )
        for message in messages:
            sender = self.senders.get(message.kind)
            error: str | None = None
            if sender is None:
                error = f"no sender for {message.kind!r} messages"
            else:
                try:
                    await sender.send(message.payload, str(message.id))
                except Exception as exc:  # any delivery failure is recorded and retried
                    error = f"{type(exc).__name__}: {exc}"
            async with self.db.unit_of_work() as uow:
                now = self.ctx.now()
                if error is None:
                    await uow.outbox.mark_sent(message.id, now)
                else:
                    attempt = message.attempts + 1
                    retry_at = None
                    if attempt < settings.outbox_max_attempts:
                        delay = settings.outbox_backoff_seconds * 2 ** (attempt - 1)
                        retry_at = now + timedelta(seconds=delay)
                    log.warning(
                        "delivery failed",
                        extra={
                            "fields": {
                                "message_id": str(message.id),
                                "error": error,
                                "attempt": attempt,
                                "gives_up": retry_at is None,
                            }
                        },
                    )
                    await uow.outbox.mark_failed(message.id, error, retry_at)
                await uow.commit()
        return len(messages)

    async def drain(self) -> int:
        """Delivers until nothing is due (tests, one-shot runs)."""
        total = 0
        while (n := await self.deliver_due()) > 0:
            total += n
        return total

    async def run_forever(self) -> None:
        log.info("worker started", extra={"fields": {"worker_id": self.worker_id}})
        while True:
            try:
                if await self.tick() == 0:
                    await asyncio.sleep(self.ctx.settings.worker_poll_seconds)
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("worker loop failed; retrying")
                await asyncio.sleep(self.ctx.settings.worker_poll_seconds)
