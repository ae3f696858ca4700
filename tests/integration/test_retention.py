"""Retention (issue 11 point 11): the worker deletes finished work past its horizon, in
bounded batches, and keeps everything else."""

from __future__ import annotations

import asyncio
import time
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select

from app.db.models import (
    IdempotencyKey,
    OneTimeToken,
    OutboxMessage,
    RefreshToken,
    WebhookDelivery,
    WebhookSubscription,
)
from app.db.session import Database
from app.domain.actors import Role
from app.domain.clock import ControllableClock
from app.domain.ids import new_id
from app.services.context import ServiceContext
from app.services.retention import Retention
from app.settings import Settings
from app.worker import Worker
from tests.support.factories import add_user

DAY = timedelta(days=1)


def _outbox(status: str, created_at: datetime, tag: str) -> OutboxMessage:
    return OutboxMessage(
        id=new_id(),
        kind="email",
        destination="email",
        payload={"tag": tag},
        status=status,
        attempts=1,
        next_attempt_at=created_at,
        created_at=created_at,
    )


def _delivery(subscription_id: Any, attempted_at: datetime) -> WebhookDelivery:
    return WebhookDelivery(
        id=new_id(),
        subscription_id=subscription_id,
        delivery_id=new_id(),
        event_id=new_id(),
        event_type="ticket.created",
        attempt=1,
        status_code=200,
        succeeded=True,
        duration_ms=5,
        attempted_at=attempted_at,
    )


def _link(user_id: Any, expires_at: datetime) -> OneTimeToken:
    return OneTimeToken(
        id=new_id(),
        user_id=user_id,
        purpose="password_reset",
        token_hash=new_id().hex + new_id().hex,
        expires_at=expires_at,
        created_at=expires_at - timedelta(hours=1),
    )


def _refresh(user_id: Any, expires_at: datetime) -> RefreshToken:
    return RefreshToken(
        id=new_id(),
        user_id=user_id,
        family_id=new_id(),
        token_hash=new_id().hex + new_id().hex,
        expires_at=expires_at,
        created_at=expires_at - 14 * DAY,
    )


def _key(key: str, expires_at: datetime) -> IdempotencyKey:
    return IdempotencyKey(
        id=new_id(),
        principal="user:x",
        key=key,
        fingerprint="f" * 64,
        created_at=expires_at - DAY,
        expires_at=expires_at,
    )


async def _seed(db: Database, now: datetime) -> None:
    """Old and fresh rows of every kind; settings: outbox 30 days, deliveries 30 days,
    expired tokens kept 7 days."""
    user = await add_user(db, "lan@acme.com", Role.CUSTOMER_USER)
    async with db.unit_of_work() as uow:
        subscription = WebhookSubscription(
            id=new_id(),
            url="https://hooks.example/x",
            events=["ticket.created"],
            contact_email="ops@acme.com",
            secret_sealed="sealed",
            secret_prefix="whsec_abcd",
            is_active=True,
            consecutive_failures=0,
            created_at=now - 100 * DAY,
        )
        uow.session.add(subscription)
        await uow.session.flush()
        rows: list[Any] = [
            *(_outbox("sent", now - 31 * DAY, "old-sent") for _ in range(3)),
            _outbox("dead", now - 40 * DAY, "old-dead"),
            _outbox("pending", now - 90 * DAY, "old-pending"),  # never deleted
            _outbox("sent", now - 29 * DAY, "recent-sent"),
            *(_delivery(subscription.id, now - 31 * DAY) for _ in range(3)),
            _delivery(subscription.id, now - DAY),
            *(_link(user.id, now - 8 * DAY) for _ in range(2)),
            _link(user.id, now - 6 * DAY),  # expired, but recently
            _link(user.id, now + DAY),  # still valid
            *(_refresh(user.id, now - 8 * DAY) for _ in range(3)),
            _refresh(user.id, now + 13 * DAY),
            _key("expired-1", now - timedelta(minutes=1)),
            _key("expired-2", now - DAY),
            _key("live", now + timedelta(hours=23)),
        ]
        uow.session.add_all(rows)
        await uow.commit()


async def _count(db: Database, model: Any) -> int:
    async with db.unit_of_work() as uow:
        stmt = select(func.count()).select_from(model)
        return int((await uow.session.execute(stmt)).scalar_one())


async def test_retention_deletes_what_is_past_its_horizon_in_bounded_batches(
    db: Database, settings: Settings, clock: ControllableClock
) -> None:
    now = clock.now()
    await _seed(db, now)
    small = settings.model_copy(update={"retention_batch_size": 2})
    run = await Retention(db, ServiceContext(small, clock)).run_once()

    assert (run.outbox, run.webhook_deliveries, run.tokens, run.idempotency_keys) == (4, 3, 5, 2)
    async with db.unit_of_work() as uow:
        tags = (await uow.session.execute(select(OutboxMessage.payload))).scalars().all()
        keys = (await uow.session.execute(select(IdempotencyKey.key))).scalars().all()
    assert sorted(t["tag"] for t in tags) == ["old-pending", "recent-sent"]
    assert keys == ["live"]
    assert await _count(db, WebhookDelivery) == 1
    assert await _count(db, OneTimeToken) == 2
    assert await _count(db, RefreshToken) == 1
    assert (await Retention(db, ServiceContext(small, clock)).run_once()).total == 0


async def test_the_worker_runs_retention_on_its_own_schedule(
    db: Database, settings: Settings, clock: ControllableClock
) -> None:
    await _seed(db, clock.now())
    often = settings.model_copy(update={"retention_interval_seconds": 0.2})
    worker = Worker(db, ServiceContext(often, clock), worker_id="w")
    running = asyncio.create_task(worker.run_forever())
    try:
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            if await _count(db, IdempotencyKey) == 1:
                break
            await asyncio.sleep(0.1)
    finally:
        worker.stop()
        await running
    assert await _count(db, IdempotencyKey) == 1  # the last kind retention visits
    assert await _count(db, OutboxMessage) == 2
