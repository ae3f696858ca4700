"""The outbox under slow receivers and competing workers (issue 11 point 9): lanes per
destination, attempts that end inside their lease, fencing, wake-ups, the SLA monitor on
its own schedule, and a Message-ID that is the outbox row's."""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from datetime import timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from app.db.models import OutboxMessage
from app.db.session import Database
from app.domain.actors import Role
from app.domain.clock import ControllableClock, SystemClock
from app.services import mail
from app.services.context import ServiceContext
from app.settings import Settings
from app.worker import Worker
from tests.support.factories import add_customer, add_partner, user_headers
from tests.support.receivers import slow_receiver
from tests.support.smtp import SmtpServer
from tests.support.standard_webhooks import verify
from tests.support.waiting import eventually
from tests.support.webhook_events import queue_event


async def _queue_mail(db: Database, now: Any, count: int, prefix: str = "mail") -> None:
    async with db.unit_of_work() as uow:
        for i in range(count):
            mail.queue_email(
                uow.outbox, now, to=[f"u{i}@acme.com"], subject=f"{prefix} {i}", text="t"
            )
        await uow.commit()


async def _subscriber(client: httpx.AsyncClient, db: Database) -> tuple[Any, dict[str, str]]:
    partner = await add_partner(db, "Partner P")
    customer = await add_customer(db, "ACME", "acme.com", partner_id=partner.id)
    agent = await user_headers(
        client, db, "pat@partner-p.com", Role.PARTNER_AGENT, partner_id=partner.id
    )
    return customer.id, agent


async def _subscribe(
    client: httpx.AsyncClient, headers: dict[str, str], url: str, event: str
) -> str:
    """Answers the subscription's signing secret."""
    r = await client.post("/v1/webhooks", json={"url": url, "events": [event]}, headers=headers)
    assert r.status_code == 201, r.text
    secret: str = r.json()["secret"]
    return secret


async def _publish(db: Database, now: Any, customer_id: Any, event: str, count: int) -> None:
    async with db.unit_of_work() as uow:
        for i in range(count):
            await queue_event(uow, now, customer_id=customer_id, event_type=event, data={"n": i})
        await uow.commit()


async def test_a_slow_receiver_delays_neither_email_nor_another_receiver(
    client: httpx.AsyncClient,
    db: Database,
    settings: Settings,
    clock: ControllableClock,
    smtp: SmtpServer,
) -> None:
    customer_id, agent = await _subscriber(client, db)
    with slow_receiver(delay_seconds=10) as slow, slow_receiver() as fast:
        slow_secret = await _subscribe(client, agent, slow.url(), "sla.warning")
        fast_secret = await _subscribe(client, agent, fast.url(), "ticket.created")
        # The slow receiver's events are the oldest: first in line.
        await _publish(db, clock.now(), customer_id, "sla.warning", 4)
        clock.advance(timedelta(seconds=1))
        await _publish(db, clock.now(), customer_id, "ticket.created", 1)
        await _queue_mail(db, clock.now(), 3)
        lanes = settings.model_copy(
            update={"outbox_concurrency_per_destination": 2, "worker_poll_seconds": 0.05}
        )
        worker = Worker(db, ServiceContext(lanes, clock), worker_id="w")
        running = asyncio.create_task(worker.run_forever())
        try:
            started = time.monotonic()
            assert await eventually(lambda: len(smtp.messages) == 3 and fast.answered == 1, 9.0)
            elapsed = time.monotonic() - started
            assert slow.answered == 0  # all done before the slow one answered once
            assert elapsed < 9.0  # one after the other, behind it: 4 x 10 s
        finally:
            worker.stop()
            await running
        assert slow.most_at_once == 2  # its own lane, bounded
        for secret, receiver in ((slow_secret, slow), (fast_secret, fast)):
            for delivery in receiver.received:
                verify(secret, delivery.headers, delivery.body, clock.now())


async def test_an_attempt_ends_inside_its_lease_so_no_second_worker_repeats_it(
    client: httpx.AsyncClient, db: Database, settings: Settings, clock: ControllableClock
) -> None:
    """Two workers on real time: the first is still at the third of three 1.5-second
    deliveries when a 4-second lease on all three would have run out; the second must not
    send any of them again."""
    customer_id, agent = await _subscriber(client, db)
    with slow_receiver(delay_seconds=1.5) as receiver:
        secret = await _subscribe(client, agent, receiver.url(), "ticket.created")
        await _publish(db, clock.now(), customer_id, "ticket.created", 3)
        short = settings.model_copy(
            update={"outbox_lock_seconds": 4, "outbox_concurrency_per_destination": 1}
        )
        ctx = ServiceContext(short, SystemClock())
        dbs = [Database(db.url), Database(db.url)]
        try:
            first, second = (Worker(d, ctx, worker_id=f"w{i}") for i, d in enumerate(dbs))

            async def later() -> int:
                await asyncio.sleep(4.4)
                return await second.drain()

            await asyncio.gather(first.drain(), later())
        finally:
            for d in dbs:
                await d.dispose()
        counts = Counter(receiver.delivery_ids)
        assert len(counts) == 3
        assert set(counts.values()) == {1}, counts
        for delivery in receiver.received:  # signed at the real time it was sent
            verify(secret, delivery.headers, delivery.body, SystemClock().now())
    async with db.unit_of_work() as uow:
        statuses = (await uow.session.execute(select(OutboxMessage.status))).scalars().all()
    assert Counter(statuses) == {"sent": 3}


async def test_only_the_lease_holder_may_mark_a_message(
    db: Database, clock: ControllableClock
) -> None:
    """A worker whose lease ran out (paused, partitioned) cannot overwrite the new holder."""
    await _queue_mail(db, clock.now(), 1)
    lease = timedelta(seconds=10)
    dbs = [Database(db.url), Database(db.url)]
    try:
        async with dbs[0].unit_of_work() as uow:
            [stale] = await uow.outbox.claim("a", clock.now(), lease, 1)
        later = clock.now() + timedelta(seconds=11)
        async with dbs[1].unit_of_work() as uow:
            [current] = await uow.outbox.claim("b", later, lease, 1)
        assert current.id == stale.id and current.lease != stale.lease
        async with dbs[0].unit_of_work() as uow:
            assert not await uow.outbox.mark_sent(stale.id, stale.lease, later)
            assert not await uow.outbox.mark_failed(stale.id, stale.lease, "boom", None)
            await uow.commit()
        async with db.unit_of_work() as uow:
            row = await uow.session.get(OutboxMessage, stale.id)
            assert row is not None
            assert (row.status, row.attempts, row.locked_by) == ("pending", 0, current.lease)
        async with dbs[1].unit_of_work() as uow:
            assert await uow.outbox.mark_sent(current.id, current.lease, later)
            await uow.commit()
    finally:
        for d in dbs:
            await d.dispose()
    async with db.unit_of_work() as uow:
        row = await uow.session.get(OutboxMessage, stale.id)
        assert row is not None and (row.status, row.attempts) == ("sent", 1)


async def test_a_new_message_wakes_an_idle_worker_without_waiting_for_its_poll(
    db: Database, settings: Settings, clock: ControllableClock, smtp: SmtpServer
) -> None:
    """PostgreSQL: LISTEN/NOTIFY wakes a worker that polls only every 30 s. SQLite has no
    notifications: the worker polls (here every 0.2 s)."""
    poll = 30.0 if db.dialect == "postgresql" else 0.2
    idle = settings.model_copy(update={"worker_poll_seconds": poll})
    worker = Worker(db, ServiceContext(idle, clock), worker_id="w")
    running = asyncio.create_task(worker.run_forever())
    try:
        await asyncio.sleep(0.5)  # idle now
        await _queue_mail(db, clock.now(), 1)
        assert await eventually(lambda: len(smtp.messages) == 1, 2.0)
    finally:
        worker.stop()
        await running


async def test_message_id_is_derived_from_the_outbox_row_alone(
    db: Database, ctx: ServiceContext, clock: ControllableClock, smtp: SmtpServer
) -> None:
    await _queue_mail(db, clock.now(), 1)
    down = ctx.settings.model_copy(update={"smtp_port": 9, "smtp_timeout_seconds": 2.0})
    await Worker(db, ServiceContext(down, clock), worker_id="down").drain()  # a failed try
    clock.advance(timedelta(seconds=1))
    await Worker(db, ctx, worker_id="up").drain()
    async with db.unit_of_work() as uow:
        row_id = (await uow.session.execute(select(OutboxMessage.id))).scalar_one()
    [message] = smtp.messages
    assert message["Message-ID"] == f"<{row_id}@supportdesk.localhost>"


@pytest.mark.parametrize("signal_name", ["SIGTERM"])
async def test_stop_finishes_the_deliveries_in_flight(
    db: Database, settings: Settings, clock: ControllableClock, signal_name: str
) -> None:
    """What SIGTERM does in `supportdesk worker` (the process-level test is in
    test_worker_crash.py): no new work, the attempt in flight completes and is recorded."""
    server = SmtpServer(delay_seconds=1.0)
    server.start()
    try:
        relay = settings.model_copy(update={"smtp_port": server.port, "worker_poll_seconds": 0.05})
        await _queue_mail(db, clock.now(), 1)
        worker = Worker(db, ServiceContext(relay, clock), worker_id="w")
        running = asyncio.create_task(worker.run_forever())
        assert await eventually(lambda: len(server.messages) == 1, 3.0)  # 250 not yet sent
        worker.stop()
        await asyncio.wait_for(running, 5.0)
    finally:
        server.stop()
    async with db.unit_of_work() as uow:
        row = (await uow.session.execute(select(OutboxMessage))).scalar_one()
        assert (row.status, row.locked_by) == ("sent", None)
