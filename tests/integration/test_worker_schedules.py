"""The SLA monitor runs on its own schedule (issue 11 point 9): a delivery stuck on a slow
receiver never holds back a breach."""

from __future__ import annotations

import asyncio
import time
from datetime import UTC, datetime, timedelta

import httpx

from app.db.session import Database
from app.domain.clock import ControllableClock
from app.services.context import ServiceContext
from app.settings import Settings
from app.worker import Worker
from tests.support.receivers import slow_receiver
from tests.support.smtp import SmtpServer
from tests.support.tickets import long_lived_tokens, make_desk
from tests.support.waiting import eventually

settings = long_lived_tokens
T0 = datetime(2027, 3, 6, 10, 0, tzinfo=UTC)  # a Saturday: only a 24/7 target runs


async def test_a_breach_is_marked_while_a_delivery_waits_on_a_slow_receiver(
    client: httpx.AsyncClient,
    db: Database,
    settings: Settings,
    clock: ControllableClock,
    smtp: SmtpServer,
) -> None:
    clock.set(T0 - timedelta(hours=1))
    desk = await make_desk(client, db, "aarenet-premium")  # reaction 30 min, 24/7
    with slow_receiver(delay_seconds=4) as receiver:
        r = await client.post(
            "/v1/webhooks",
            json={"url": receiver.url(), "events": ["ticket.created"]},
            headers=desk.admin,
        )
        assert r.status_code == 201, r.text
        clock.set(T0)
        ticket = await desk.open(severity=1)  # its ticket.created goes to the slow one
        often = settings.model_copy(
            update={"sla_monitor_seconds": 0.2, "worker_poll_seconds": 0.05}
        )
        worker = Worker(db, ServiceContext(often, clock), worker_id="w")
        running = asyncio.create_task(worker.run_forever())
        try:
            assert await eventually(lambda: bool(receiver.received), 3.0)
            assert receiver.answered == 0  # the delivery waits
            clock.set(T0 + timedelta(minutes=31))  # past the reaction due time
            breached_at = None
            deadline = time.monotonic() + 1.5
            while breached_at is None and time.monotonic() < deadline:
                breached_at = (await desk.sla(ticket["id"]))["reaction"]["breached_at"]
                await asyncio.sleep(0.05)
            assert breached_at == "2027-03-06T10:30:00Z"
            assert receiver.answered == 0  # marked while the slow delivery still ran
        finally:
            worker.stop()
            await running
