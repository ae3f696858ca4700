"""The outbox: delivered over real SMTP, exactly once with several workers (SPEC 6)."""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import timedelta

from sqlalchemy import select

from app.db.models import OutboxMessage
from app.db.session import Database
from app.domain.clock import ControllableClock
from app.services import mail
from app.services.context import ServiceContext
from app.worker import Worker
from tests.support.smtp import SmtpServer


async def _queue(db: Database, clock: ControllableClock, count: int) -> None:
    async with db.unit_of_work() as uow:
        for i in range(count):
            mail.queue_email(
                uow.outbox,
                clock.now(),
                to=[f"user{i}@acme.com"],
                subject=f"message {i}",
                text=f"body {i}",
            )
        await uow.commit()


async def _only_message(db: Database) -> OutboxMessage:
    async with db.unit_of_work() as uow:
        row = (await uow.session.execute(select(OutboxMessage))).scalar_one()
        uow.session.expunge(row)
    return row


async def test_two_workers_deliver_200_messages_exactly_once(
    db: Database, ctx: ServiceContext, clock: ControllableClock, smtp: SmtpServer
) -> None:
    await _queue(db, clock, 200)
    # A relay that takes 5 ms a message: one worker alone needs a second or more, so the
    # other cannot miss the race however slowly it starts.
    relay = SmtpServer(delay_seconds=0.005)
    relay.start()
    slow = ServiceContext(ctx.settings.model_copy(update={"smtp_port": relay.port}), clock)
    # Separate engines: separate connections, as two worker processes would have. Each is
    # connected before the race, so neither spends it on its first handshake.
    dbs = [Database(db.url), Database(db.url)]
    try:
        for d in dbs:
            async with d.unit_of_work(read=True) as uow:
                await uow.session.execute(select(1))
        workers = [Worker(d, slow, worker_id=f"w{i}", batch=10) for i, d in enumerate(dbs)]
        delivered = await asyncio.gather(*(w.drain() for w in workers))
    finally:
        relay.stop()
        for d in dbs:
            await d.dispose()
    assert smtp.messages == []
    subjects = Counter(str(m["Subject"]) for m in relay.messages)
    assert len(subjects) == 200
    assert set(subjects.values()) == {1}
    assert sum(delivered) == 200
    assert all(n > 0 for n in delivered), delivered  # both took part
    async with db.unit_of_work() as uow:
        statuses = (await uow.session.execute(select(OutboxMessage.status))).scalars().all()
    assert Counter(statuses) == {"sent": 200}


async def test_message_ids_identify_each_outbox_row(
    db: Database, worker: Worker, clock: ControllableClock, smtp: SmtpServer
) -> None:
    await _queue(db, clock, 3)
    await worker.drain()
    ids = {str(m["Message-ID"]) for m in smtp.messages}
    assert len(ids) == 3
    assert all(m["Auto-Submitted"] == "auto-generated" for m in smtp.messages)
    assert all(m.get_body(preferencelist=("html",)) is not None for m in smtp.messages)


async def test_failed_delivery_is_recorded_and_retried_with_backoff(
    db: Database, ctx: ServiceContext, clock: ControllableClock, smtp: SmtpServer
) -> None:
    await _queue(db, clock, 1)
    # Nothing listens on this port: delivery fails like a real outage.
    down = ctx.settings.model_copy(update={"smtp_port": 9, "smtp_timeout_seconds": 2.0})
    failing = Worker(db, ServiceContext(down, clock), worker_id="down")
    assert await failing.drain() == 1
    row = await _only_message(db)
    assert row.status == "pending" and row.attempts == 1 and row.last_error
    assert row.next_attempt_at == clock.now() + timedelta(seconds=1)  # backoff 1 s, then 2, 4…
    assert await failing.drain() == 0  # not due yet
    clock.advance(timedelta(seconds=1))
    healthy = Worker(db, ctx, worker_id="up")
    assert await healthy.drain() == 1
    assert [str(m["Subject"]) for m in smtp.messages] == ["message 0"]


async def test_delivery_gives_up_after_the_last_attempt(
    db: Database, ctx: ServiceContext, clock: ControllableClock
) -> None:
    await _queue(db, clock, 1)
    down = ctx.settings.model_copy(
        update={"smtp_port": 9, "smtp_timeout_seconds": 2.0, "outbox_max_attempts": 2}
    )
    failing = Worker(db, ServiceContext(down, clock), worker_id="down")
    await failing.drain()
    clock.advance(timedelta(seconds=5))
    await failing.drain()
    row = await _only_message(db)
    assert row.status == "dead" and row.attempts == 2


async def test_a_rolled_back_change_sends_nothing(
    db: Database, worker: Worker, clock: ControllableClock, smtp: SmtpServer
) -> None:
    async with db.unit_of_work() as uow:
        mail.queue_email(uow.outbox, clock.now(), to=["x@acme.com"], subject="s", text="t")
        await uow.rollback()
    assert await worker.drain() == 0
    assert smtp.messages == []
