"""Webhook delivery to a real HTTP receiver: signed, retried with back-off, logged, and
disabled when the receiver keeps failing (SPEC 6)."""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from app.db.models import OutboxMessage
from app.db.session import Database
from app.domain.actors import Role
from app.domain.clock import ControllableClock
from app.services.context import ServiceContext
from app.worker import Worker
from tests.support.factories import add_customer, add_partner, user_headers
from tests.support.smtp import SmtpServer
from tests.support.webhook_events import queue_event

TOLERANCE_SECONDS = 300


@dataclass
class Received:
    headers: dict[str, str]
    body: bytes


@dataclass
class Receiver:
    """An HTTP server on 127.0.0.1 that answers the statuses it is told, then 200."""

    url: str = ""
    answers: list[int] = field(default_factory=list)
    received: list[Received] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    state = Receiver()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"]))
            with state.lock:
                state.received.append(Received(dict(self.headers.items()), body))
                status = state.answers.pop(0) if state.answers else 200
            self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    state.url = f"http://127.0.0.1:{server.server_address[1]}/hooks/supportdesk"
    yield state
    server.shutdown()
    server.server_close()


def verify(secret: str, received: Received, now: float) -> dict[str, Any]:
    """What a receiver does, as README.md describes it."""
    fields = dict(
        part.split("=", 1) for part in received.headers["X-SupportDesk-Signature"].split(",")
    )
    timestamp = int(fields["t"])
    assert abs(now - timestamp) <= TOLERANCE_SECONDS, "a replayed (stale) delivery"
    expected = hmac.new(
        secret.encode(), f"{timestamp}.".encode() + received.body, hashlib.sha256
    ).hexdigest()
    assert hmac.compare_digest(expected, fields["v1"]), "bad signature"
    document: dict[str, Any] = json.loads(received.body)
    return document


@dataclass
class World:
    customer_id: Any
    agent: dict[str, str]


@pytest.fixture
async def world(client: httpx.AsyncClient, db: Database) -> World:
    partner = await add_partner(db, "Partner P")
    customer = await add_customer(db, "ACME", "acme.com", partner_id=partner.id)
    agent = await user_headers(
        client, db, "pat@partner-p.com", Role.PARTNER_AGENT, partner_id=partner.id
    )
    return World(customer.id, agent)


async def _subscribe(
    client: httpx.AsyncClient, headers: dict[str, str], url: str, events: list[str]
) -> dict[str, Any]:
    r = await client.post("/v1/webhooks", json={"url": url, "events": events}, headers=headers)
    assert r.status_code == 201, r.text
    created: dict[str, Any] = r.json()
    return created


async def _publish(
    db: Database, clock: ControllableClock, customer_id: Any, event: str = "ticket.created"
) -> None:
    async with db.unit_of_work() as uow:
        await queue_event(
            uow,
            clock.now(),
            customer_id=customer_id,
            event_type=event,
            data={"ticket": {"tracking_number": "SD-2026-000042", "severity": 1}},
        )
        await uow.commit()


async def test_a_failing_receiver_gets_the_event_on_the_third_attempt(
    client: httpx.AsyncClient,
    db: Database,
    worker: Worker,
    clock: ControllableClock,
    receiver: Receiver,
    world: World,
) -> None:
    hook = await _subscribe(client, world.agent, receiver.url, ["ticket.created"])
    receiver.answers = [500, 500]
    await _publish(db, clock, world.customer_id)

    assert await worker.drain() == 1
    assert await worker.drain() == 0  # the retry waits for its back-off (1 s, then 2 s)
    clock.advance(timedelta(seconds=1))
    assert await worker.drain() == 1
    clock.advance(timedelta(seconds=2))
    assert await worker.drain() == 1

    assert len(receiver.received) == 3
    documents = [verify(hook["secret"], r, clock.now().timestamp()) for r in receiver.received]
    assert {r.body for r in receiver.received} == {receiver.received[0].body}  # same bytes
    document = documents[0]
    assert document["type"] == "ticket.created"
    assert document["customer_id"] == str(world.customer_id)
    assert document["data"]["ticket"]["tracking_number"] == "SD-2026-000042"
    assert {r.headers["X-SupportDesk-Event"] for r in receiver.received} == {"ticket.created"}
    delivery_ids = {r.headers["X-SupportDesk-Delivery"] for r in receiver.received}
    assert len(delivery_ids) == 1  # stable across retries

    r = await client.get(f"/v1/webhooks/{hook['id']}/deliveries", headers=world.agent)
    log = r.json()["items"]
    assert [(d["attempt"], d["status_code"], d["succeeded"]) for d in log] == [
        (1, 500, False),
        (2, 500, False),
        (3, 200, True),
    ]
    assert {d["delivery_id"] for d in log} == delivery_ids
    assert {d["event_id"] for d in log} == {document["id"]}
    assert "500" in log[0]["error"] and log[2]["error"] is None
    r = await client.get(f"/v1/webhooks/{hook['id']}", headers=world.agent)
    assert r.json()["consecutive_failures"] == 0 and r.json()["is_active"]


async def test_a_rolled_back_change_sends_nothing(
    client: httpx.AsyncClient,
    db: Database,
    worker: Worker,
    clock: ControllableClock,
    receiver: Receiver,
    world: World,
) -> None:
    await _subscribe(client, world.agent, receiver.url, ["ticket.created"])
    async with db.unit_of_work() as uow:
        await queue_event(
            uow, clock.now(), customer_id=world.customer_id, event_type="ticket.created", data={}
        )
        await uow.rollback()
    assert await worker.drain() == 0
    assert receiver.received == []


async def test_an_event_reaches_the_customer_its_partner_and_vendor_wide_subscribers(
    client: httpx.AsyncClient,
    db: Database,
    clock: ControllableClock,
    receiver: Receiver,
    world: World,
) -> None:
    company_admin = await user_headers(
        client, db, "ca@acme.com", Role.CUSTOMER_ADMIN, customer_id=world.customer_id
    )
    admin = await user_headers(client, db, "admin@vendor.com", Role.ADMIN)
    other = await add_customer(db, "Other", "other.com")
    other_admin = await user_headers(
        client, db, "oa@other.com", Role.CUSTOMER_ADMIN, customer_id=other.id
    )
    events = ["ticket.created", "sla.breached"]
    partner_hook = await _subscribe(client, world.agent, receiver.url, events)
    company_hook = await _subscribe(client, company_admin, receiver.url, events)
    vendor_hook = await _subscribe(client, admin, receiver.url, events)
    await _subscribe(client, other_admin, receiver.url, events)  # another company's
    await _subscribe(client, world.agent, receiver.url, ["escalation.created"])  # other event

    await _publish(db, clock, world.customer_id, "sla.breached")
    async with db.unit_of_work() as uow:
        payloads = (await uow.session.execute(select(OutboxMessage.payload))).scalars().all()
    assert {p["subscription_id"] for p in payloads} == {
        partner_hook["id"],
        company_hook["id"],
        vendor_hook["id"],
    }
    assert len({p["event_id"] for p in payloads}) == 1


async def test_a_receiver_failing_for_long_is_disabled_and_its_owner_told(
    client: httpx.AsyncClient,
    db: Database,
    ctx: ServiceContext,
    clock: ControllableClock,
    receiver: Receiver,
    smtp: SmtpServer,
    world: World,
) -> None:
    settings = ctx.settings.model_copy(
        update={"webhooks_disable_after_failures": 3, "webhooks_disable_after_failing_minutes": 2}
    )
    worker = Worker(db, ServiceContext(settings, clock), worker_id="w")
    hook = await _subscribe(client, world.agent, receiver.url, ["ticket.created"])
    receiver.answers = [503] * 10
    await _publish(db, clock, world.customer_id)

    await worker.drain()
    for seconds in (1, 2, 4):  # the 3rd failure comes too soon, the 4th after 2 minutes
        clock.advance(timedelta(seconds=seconds))
        await worker.drain()
    r = await client.get(f"/v1/webhooks/{hook['id']}", headers=world.agent)
    assert r.json()["is_active"] and r.json()["consecutive_failures"] == 4
    assert smtp.to("pat@partner-p.com") == []

    clock.advance(timedelta(minutes=2))
    await worker.drain()
    r = await client.get(f"/v1/webhooks/{hook['id']}", headers=world.agent)
    assert r.json()["is_active"] is False and r.json()["disabled_at"]
    [notice] = smtp.to("pat@partner-p.com")
    assert "disabled" in str(notice["Subject"])
    assert receiver.url in SmtpServer.text_of(notice)
    log = (await client.get(f"/v1/webhooks/{hook['id']}/deliveries", headers=world.agent)).json()
    assert [d["status_code"] for d in log["items"]] == [503] * 5

    # Retries still queued are dropped; new events are not queued at all.
    clock.advance(timedelta(hours=1))
    await worker.drain()
    await _publish(db, clock, world.customer_id)
    assert await worker.drain() == 0
    assert len(receiver.received) == 5


async def test_delivery_rechecks_that_the_target_is_public(
    client: httpx.AsyncClient,
    db: Database,
    ctx: ServiceContext,
    clock: ControllableClock,
    receiver: Receiver,
    world: World,
) -> None:
    """Registered while private targets were allowed (or DNS changed since): refused."""
    hook = await _subscribe(client, world.agent, receiver.url, ["ticket.created"])
    strict = ctx.settings.model_copy(update={"webhooks_allow_private_targets": False})
    worker = Worker(db, ServiceContext(strict, clock), worker_id="w")
    await _publish(db, clock, world.customer_id)
    assert await worker.drain() == 1
    assert receiver.received == []
    log = (await client.get(f"/v1/webhooks/{hook['id']}/deliveries", headers=world.agent)).json()
    [attempt] = log["items"]
    assert attempt["status_code"] is None and "non-public" in attempt["error"]
