"""The worker: delivers the outbox, and runs the SLA monitor and retention on their own
schedules.

Deliveries run concurrently, bounded overall (`outbox_concurrency`) and per destination
(`outbox_concurrency_per_destination`: the SMTP relay, each webhook receiver), so a slow
receiver holds only its own lane. Each message has its own lease: taken when it is
claimed into its lane, renewed when it waited there for a slot, and its attempt is cut
off well inside it (`app.domain.delivery.LeasePolicy`), so no other worker takes it over
while it is still being sent; the state changes after it are fenced by the lease in any
case. Several workers may run side by side.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import os
import random
import socket
import time
from collections import Counter, deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, Protocol

from sqlalchemy.ext.asyncio import AsyncConnection

from app.db.repositories.outbox import ClaimedMessage
from app.db.session import Database
from app.domain.delivery import LeasePolicy, next_attempt_at, retry_policy
from app.integrations.smtp import SmtpSender
from app.integrations.webhooks import WebhookSender
from app.services.context import ServiceContext
from app.services.retention import Retention
from app.services.sla_monitor import SlaMonitor
from app.services.webhook_deliveries import DeliveryLog

log = logging.getLogger("supportdesk.worker")

# The channel migration 0007 notifies on every committed insert into the outbox.
NOTIFY_CHANNEL = "supportdesk_outbox"


@dataclass(frozen=True, slots=True)
class _Held:
    message: ClaimedMessage
    leased_at: float  # time.monotonic() when its lease began


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
        self.retention = Retention(db, ctx)
        self._in_flight: Counter[str] = Counter()  # attempts running, per destination
        self._queued: dict[str, deque[_Held]] = {}  # claimed, waiting for a slot in the lane
        self._tasks: set[asyncio.Task[None]] = set()
        self._wake = asyncio.Event()
        self._stopping = asyncio.Event()

    @property
    def lease(self) -> LeasePolicy:
        return LeasePolicy(timedelta(seconds=self.ctx.settings.outbox_lock_seconds))

    async def tick(self) -> int:
        """One round: the SLA monitor (it queues e-mails), then one round of deliveries."""
        run = await self.monitor.run_once()
        return run.total + await self.deliver_due()

    async def deliver_due(self) -> int:
        """Claims what is due, delivers it (lanes bounded as always) and waits until all of
        it is done; answers how many messages were claimed."""
        claimed = await self._claim()
        self._pump()
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)
        return claimed

    async def drain(self) -> int:
        """Delivers until nothing is due (tests, one-shot runs)."""
        total = 0
        while (n := await self.deliver_due()) > 0:
            total += n
        return total

    def stop(self) -> None:
        """Stop taking new work; `run_forever` returns once the attempts in flight end
        (SIGTERM)."""
        self._stopping.set()
        self._wake.set()

    async def run_forever(self) -> None:
        settings = self.ctx.settings
        log.info("worker started", extra={"fields": {"worker_id": self.worker_id}})
        schedules = [
            asyncio.create_task(self._every(settings.sla_monitor_seconds, self.monitor.run_once)),
            asyncio.create_task(
                self._every(settings.retention_interval_seconds, self.retention.run_once)
            ),
        ]
        listener = await self._listen()
        try:
            await self._dispatch()
        finally:
            self._stopping.set()
            for task in schedules:
                task.cancel()
            await asyncio.gather(*schedules, return_exceptions=True)
            await self._release_queued()
            # Finish what was started: each attempt ends inside its lease anyway.
            while self._tasks:
                await asyncio.gather(*list(self._tasks), return_exceptions=True)
            await self._unlisten(listener)
            log.info("worker stopped", extra={"fields": {"worker_id": self.worker_id}})

    async def _dispatch(self) -> None:
        poll = self.ctx.settings.worker_poll_seconds
        while not self._stopping.is_set():
            self._wake.clear()  # a wake-up from here on is not lost
            asked = self._claim_limit()
            try:
                claimed = await self._claim()
            except Exception:
                log.exception("claiming deliveries failed; retrying")
                claimed = 0
            self._pump()
            if asked and claimed == asked and self._claim_limit() > 0:
                continue  # a full claim and room left: more may be due
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), timeout=poll)

    def _held(self, destination: str) -> int:
        return self._in_flight[destination] + len(self._queued.get(destination, ()))

    def _claim_limit(self) -> int:
        # Claimed but waiting for a slot counts too: at most one more round's worth.
        held = len(self._tasks) + sum(len(q) for q in self._queued.values())
        return max(0, min(self.batch, 2 * self.ctx.settings.outbox_concurrency - held))

    async def _claim(self) -> int:
        """Leases due messages into their lanes' queues, skipping lanes that already hold
        twice what they may send at once."""
        limit = self._claim_limit()
        if limit == 0:
            return 0
        per_destination = self.ctx.settings.outbox_concurrency_per_destination
        lanes = {*self._in_flight, *self._queued}
        full = [d for d in lanes if self._held(d) >= 2 * per_destination]
        async with self.db.unit_of_work() as uow:
            messages = await uow.outbox.claim(
                self.worker_id, self.ctx.now(), self.lease.lease, limit, full
            )
        leased_at = time.monotonic()
        for message in messages:
            self._queued.setdefault(message.destination, deque()).append(_Held(message, leased_at))
        return len(messages)

    def _pump(self) -> None:
        """Starts queued messages while their lane and the worker have free slots."""
        settings = self.ctx.settings
        for destination in list(self._queued):
            queue = self._queued[destination]
            while (
                queue
                and not self._stopping.is_set()
                and self._in_flight[destination] < settings.outbox_concurrency_per_destination
                and len(self._tasks) < settings.outbox_concurrency
            ):
                held = queue.popleft()
                self._in_flight[destination] += 1
                task = asyncio.create_task(self._deliver(held))
                self._tasks.add(task)
                task.add_done_callback(functools.partial(self._finished, destination))
            if not queue:
                del self._queued[destination]

    def _finished(self, destination: str, task: asyncio.Task[None]) -> None:
        self._tasks.discard(task)
        self._in_flight[destination] -= 1
        if self._in_flight[destination] <= 0:
            del self._in_flight[destination]
        self._pump()
        self._wake.set()

    async def _release_queued(self) -> None:
        """Gives back what was claimed but not started (stopping): no need to wait for
        the leases to run out."""
        queued = [h.message for q in self._queued.values() for h in q]
        self._queued.clear()
        if not queued:
            return
        try:
            async with self.db.unit_of_work() as uow:
                for message in queued:
                    await uow.outbox.release([message.id], message.lease)
                await uow.commit()
        except Exception:
            log.exception("releasing queued messages failed; their leases will run out")

    async def _deliver(self, held: _Held) -> None:
        message = held.message
        lease = self.lease
        if time.monotonic() - held.leased_at > lease.lease.total_seconds() / 4:
            # It waited for its lane: a fresh lease, so the attempt has all its time.
            async with self.db.unit_of_work() as uow:
                renewed = await uow.outbox.renew(
                    message.id, message.lease, self.ctx.now(), lease.lease
                )
                await uow.commit()
            if not renewed:
                log.warning("lease lost before the attempt", extra=_extra(message))
                return
            held = _Held(message, time.monotonic())
        sender = self.senders.get(message.kind)
        error: str | None = None
        deadline = lease.attempt_deadline.total_seconds() - (time.monotonic() - held.leased_at)
        if sender is None:
            error = f"no sender for {message.kind!r} messages"
        else:
            try:
                async with asyncio.timeout(deadline):
                    await sender.send(message.payload, str(message.id))
            except TimeoutError:
                error = f"the attempt took longer than {lease.attempt_deadline.total_seconds():g} s"
            except Exception as exc:  # any delivery failure is recorded and retried
                error = f"{type(exc).__name__}: {exc}"
        try:
            await self._settle(message, error)
        except Exception:  # the lease runs out and the message is retried
            log.exception("recording a delivery failed", extra={"fields": _fields(message)})

    async def _settle(self, message: ClaimedMessage, error: str | None) -> None:
        settings = self.ctx.settings
        async with self.db.unit_of_work() as uow:
            now = self.ctx.now()
            retry_at = None
            if error is None:
                held = await uow.outbox.mark_sent(message.id, message.lease, now)
            else:
                policy = retry_policy(
                    message.kind,
                    max_attempts=settings.outbox_max_attempts,
                    backoff=timedelta(seconds=settings.outbox_backoff_seconds),
                    webhook_retry_for=timedelta(hours=settings.webhooks_retry_hours),
                    webhook_max_backoff=timedelta(seconds=settings.webhooks_max_backoff_seconds),
                )
                retry_at = next_attempt_at(
                    message.attempts + 1,
                    now,
                    policy,
                    queued_at=message.created_at,
                    chance=random.random(),  # noqa: S311 (jitter, not a secret)
                )
                held = await uow.outbox.mark_failed(message.id, message.lease, error, retry_at)
            await uow.commit()
        if not held:
            log.warning("lease lost: another worker holds the message", extra=_extra(message))
        elif error is not None:
            fields = _fields(message) | {
                "error": error,
                "attempt": message.attempts + 1,
                "gives_up": retry_at is None,
            }
            log.warning("delivery failed", extra={"fields": fields})

    async def _every(self, seconds: float, job: Callable[[], Awaitable[object]]) -> None:
        """Runs `job` on its own schedule until cancelled; a failure waits for the next."""
        while True:
            try:
                await job()
            except Exception:
                log.exception("scheduled job failed; retrying", extra={"fields": {"job": str(job)}})
            await asyncio.sleep(seconds)

    async def _listen(self) -> AsyncConnection | None:
        """PostgreSQL: a connection that LISTENs for new outbox rows (polling stays the
        fallback, and the only way on SQLite)."""
        if self.db.dialect != "postgresql":
            return None
        try:
            conn = await self.db.engine.connect()
            raw = await conn.get_raw_connection()
            await raw.driver_connection.add_listener(NOTIFY_CHANNEL, self._notified)  # type: ignore[union-attr]
        except Exception:
            log.exception("LISTEN failed; polling only")
            return None
        return conn

    async def _unlisten(self, conn: AsyncConnection | None) -> None:
        if conn is None:
            return
        try:
            raw = await conn.get_raw_connection()
            await raw.driver_connection.remove_listener(NOTIFY_CHANNEL, self._notified)  # type: ignore[union-attr]
        finally:
            await conn.close()

    def _notified(self, *_: object) -> None:
        self._wake.set()


def _fields(message: ClaimedMessage) -> dict[str, object]:
    return {"message_id": str(message.id), "destination": message.destination}


def _extra(message: ClaimedMessage) -> dict[str, object]:
    return {"fields": _fields(message)}
