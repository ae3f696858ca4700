"""Webhook delivery to a real HTTP receiver: signed on the Standard Webhooks
specification (every delivery here is verified with the official `standardwebhooks`
library), retried with back-off and jitter for days, logged, disabled when the receiver
keeps failing and re-enabled by its owner, pinged on demand, and signed with both secrets
while a rotated one overlaps (SPEC 6, issue 10)."""

from __future__ import annotations

import hashlib
import hmac
import itertools
import secrets
import threading
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from app.db.models import OutboxMessage, WebhookSubscription
from app.db.session import Database
from app.domain.actors import Role
from app.domain.clock import ControllableClock
from app.domain.webhooks import standard_secret
from app.services import webhooks
from app.services.context import ServiceContext
from app.services.sealing import seal
from app.worker import Worker
from tests.support.factories import add_customer, add_partner, login, user_headers
from tests.support.smtp import SmtpServer
from tests.support.standard_webhooks import verifies
from tests.support.standard_webhooks import verify as library_verify
from tests.support.webhook_events import queue_event

TOLERANCE_SECONDS = 300


@dataclass
class Received:
    headers: dict[str, str]
    body: bytes
    at: datetime  # the test clock when it arrived: the receiver's clock


@dataclass
class Receiver:
    """An HTTP server on 127.0.0.1 that answers the statuses it is told, then 200."""

    url: str = ""
    answers: list[int] = field(default_factory=list)
    received: list[Received] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


@pytest.fixture
def receiver(clock: ControllableClock) -> Iterator[Receiver]:
    state = Receiver()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"]))
            with state.lock:
                state.received.append(Received(dict(self.headers.items()), body, clock.now()))
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


def verify(secret: str, received: Received) -> dict[str, Any]:
    """What a receiver does, as README.md describes it: the standardwebhooks library, on
    the raw body, at the receiver's clock (which refuses a stale `webhook-timestamp`)."""
    document: dict[str, Any] = library_verify(secret, received.headers, received.body, received.at)
    return document


def verify_legacy(secret: str, received: Received) -> None:
    """What a receiver written for the pre-standard scheme does."""
    fields = dict(
        part.split("=", 1) for part in received.headers["X-SupportDesk-Signature"].split(",")
    )
    timestamp = int(fields["t"])
    assert abs(received.at.timestamp() - timestamp) <= TOLERANCE_SECONDS
    expected = hmac.new(
        secret.encode(), f"{timestamp}.".encode() + received.body, hashlib.sha256
    ).hexdigest()
    assert hmac.compare_digest(expected, fields["v1"]), "bad signature"


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
    documents = [verify(hook["secret"], r) for r in receiver.received]
    assert {r.body for r in receiver.received} == {receiver.received[0].body}  # same bytes
    document = documents[0]
    assert document["type"] == "ticket.created"
    assert document["customer_id"] == str(world.customer_id)
    assert document["data"]["ticket"]["tracking_number"] == "SD-2026-000042"
    assert {r.headers["X-SupportDesk-Event"] for r in receiver.received} == {"ticket.created"}
    delivery_ids = {r.headers["webhook-id"] for r in receiver.received}
    assert len(delivery_ids) == 1  # stable across retries: the receiver's idempotency key
    timestamps = [int(r.headers["webhook-timestamp"]) for r in receiver.received]
    assert timestamps == sorted(timestamps) and timestamps[0] < timestamps[-1]  # per attempt
    assert "X-SupportDesk-Signature" not in receiver.received[0].headers  # a standard secret
    # The check can fail: another secret, a changed body, or a receiver clock a day off.
    first = receiver.received[0]
    assert not verifies(webhooks.new_signing_secret(), first.headers, first.body, first.at)
    assert not verifies(hook["secret"], first.headers, first.body + b" ", first.at)
    assert not verifies(hook["secret"], first.headers, first.body, first.at + timedelta(days=1))

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
    world.agent = await login(client, "pat@partner-p.com")  # an hour on: a fresh token
    r = await client.post(f"/v1/webhooks/{hook['id']}/test", headers=world.agent)
    assert r.status_code == 409 and r.json()["type"].endswith("/webhook-disabled"), r.text

    # The receiver works again: its owner re-enables the subscription, which starts afresh.
    receiver.answers = []
    r = await client.patch(
        f"/v1/webhooks/{hook['id']}", json={"is_active": True}, headers=world.agent
    )
    assert r.status_code == 200, r.text
    assert r.json()["is_active"] is True and r.json()["disabled_at"] is None
    assert r.json()["consecutive_failures"] == 0
    await _publish(db, clock, world.customer_id)
    assert await worker.drain() == 1
    assert len(receiver.received) == 6
    assert all(verify(hook["secret"], received) for received in receiver.received)
    r = await client.get(f"/v1/webhooks/{hook['id']}", headers=world.agent)
    assert r.json()["is_active"] and r.json()["consecutive_failures"] == 0


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


async def _outbox_row(db: Database) -> tuple[str, datetime, int]:
    """The one queued message's status, next attempt and attempt count."""
    stmt = select(
        OutboxMessage.status, OutboxMessage.next_attempt_at, OutboxMessage.attempts
    ).where(OutboxMessage.kind == "webhook")
    async with db.unit_of_work() as uow:
        status, next_attempt_at, attempts = (await uow.session.execute(stmt)).one()
        return status, next_attempt_at, attempts


async def test_a_failing_delivery_is_retried_for_three_days_then_given_up(
    client: httpx.AsyncClient,
    db: Database,
    worker: Worker,
    clock: ControllableClock,
    receiver: Receiver,
    world: World,
) -> None:
    """Back-off from 1 s (the tests' setting), doubling, jittered, capped at 6 h: the last
    attempt is the first one 3 days or more after the event was queued."""
    hook = await _subscribe(client, world.agent, receiver.url, ["ticket.created"])
    receiver.answers = [500] * 100
    queued_at = clock.now()
    await _publish(db, clock, world.customer_id)

    attempted_at: list[datetime] = []
    while (row := await _outbox_row(db))[0] == "pending":
        clock.set(max(clock.now(), row[1]))
        await worker.drain()  # the last one also e-mails the owner: the hook is disabled
        attempted_at.append(clock.now())
        assert len(receiver.received) == len(attempted_at)
        assert len(attempted_at) < 60

    assert row[0] == "dead" and row[2] == len(attempted_at)
    assert attempted_at[-1] - queued_at >= timedelta(days=3)
    assert attempted_at[-2] - queued_at < timedelta(days=3)
    delays = [b - a for a, b in itertools.pairwise(attempted_at)]
    assert max(delays) <= timedelta(hours=6)
    # Jitter: each delay is between half and all of its doubling (until the cap).
    for n, delay in enumerate(delays[:10]):
        assert timedelta(seconds=2**n) / 2 <= delay <= timedelta(seconds=2**n)
    assert len({r.headers["webhook-id"] for r in receiver.received}) == 1
    assert all(verify(hook["secret"], received) for received in receiver.received)
    # Failing all that time, the subscription is disabled only now (not after an hour).
    world.agent = await login(client, "pat@partner-p.com")
    r = await client.get(f"/v1/webhooks/{hook['id']}", headers=world.agent)
    assert r.json()["is_active"] is False


async def test_a_test_ping_travels_the_same_signed_path_and_is_logged(
    client: httpx.AsyncClient,
    worker: Worker,
    clock: ControllableClock,
    receiver: Receiver,
    world: World,
) -> None:
    hook = await _subscribe(client, world.agent, receiver.url, ["sla.breached"])
    receiver.answers = [502]
    r = await client.post(f"/v1/webhooks/{hook['id']}/test", headers=world.agent)
    assert r.status_code == 202, r.text
    queued = r.json()
    assert queued["event_type"] == "webhook.test"

    assert await worker.drain() == 1
    assert await worker.drain() == 0  # retried like any event, after its back-off
    clock.advance(timedelta(seconds=1))
    assert await worker.drain() == 1
    assert [r.headers["webhook-id"] for r in receiver.received] == [queued["delivery_id"]] * 2
    for received in receiver.received:
        document = verify(hook["secret"], received)
        assert document["type"] == "webhook.test" and document["id"] == queued["event_id"]
        assert document["data"]["webhook_id"] == hook["id"]
        assert received.headers["X-SupportDesk-Event"] == "webhook.test"
    log = (await client.get(f"/v1/webhooks/{hook['id']}/deliveries", headers=world.agent)).json()
    assert [(d["delivery_id"], d["event_type"], d["succeeded"]) for d in log["items"]] == [
        (queued["delivery_id"], "webhook.test", False),
        (queued["delivery_id"], "webhook.test", True),
    ]


async def test_a_rotated_secret_signs_next_to_the_old_one_for_24_hours(
    client: httpx.AsyncClient,
    db: Database,
    worker: Worker,
    clock: ControllableClock,
    receiver: Receiver,
    world: World,
) -> None:
    hook = await _subscribe(client, world.agent, receiver.url, ["ticket.created"])
    old = hook["secret"]
    rotated_at = clock.now()
    r = await client.post(f"/v1/webhooks/{hook['id']}/rotate-secret", headers=world.agent)
    assert r.status_code == 200, r.text
    new = r.json()["secret"]
    assert new != old and new.startswith(r.json()["secret_prefix"])
    assert datetime.fromisoformat(r.json()["previous_secret_until"]) == rotated_at + timedelta(
        hours=24
    )

    await _publish(db, clock, world.customer_id)  # during the overlap
    clock.advance(timedelta(hours=23, minutes=59))
    await _publish(db, clock, world.customer_id)  # its last minute
    assert await worker.drain() == 2
    for during in receiver.received:
        assert len(during.headers["webhook-signature"].split(" ")) == 2  # v1,<new> v1,<old>
        assert verify(new, during) and verify(old, during)  # either secret verifies

    clock.advance(timedelta(minutes=1))  # 24 h on: the old secret no longer signs
    world.agent = await login(client, "pat@partner-p.com")
    await _publish(db, clock, world.customer_id)
    assert await worker.drain() == 1
    after = receiver.received[2]
    assert len(after.headers["webhook-signature"].split(" ")) == 1
    assert verify(new, after)
    assert not verifies(old, after.headers, after.body, after.at)
    assert (
        "secret" not in (await client.get(f"/v1/webhooks/{hook['id']}", headers=world.agent)).json()
    )


async def test_a_secret_from_before_standard_webhooks_keeps_working(
    client: httpx.AsyncClient,
    db: Database,
    ctx: ServiceContext,
    worker: Worker,
    clock: ControllableClock,
    receiver: Receiver,
    world: World,
) -> None:
    """A subscription created before the change holds `whsec_` + 43 URL-safe characters.
    Its key is unchanged: the old headers still verify, and the library verifies with the
    secret's standard form, `whsec_` + base64 of the old string; rotating moves it on."""
    hook = await _subscribe(client, world.agent, receiver.url, ["ticket.created"])
    legacy = "whsec_" + secrets.token_urlsafe(32)
    async with db.unit_of_work() as uow:
        row = await uow.webhooks.subscription_by_id(uuid.UUID(hook["id"]))
        assert isinstance(row, WebhookSubscription)
        row.secret_sealed = seal(ctx.settings, webhooks.SECRET_PURPOSE, legacy.encode())
        await uow.commit()

    await _publish(db, clock, world.customer_id)
    assert await worker.drain() == 1
    [before] = receiver.received
    verify_legacy(legacy, before)
    assert before.headers["X-SupportDesk-Delivery"] == before.headers["webhook-id"]
    assert verify(standard_secret(legacy.encode()), before)

    r = await client.post(f"/v1/webhooks/{hook['id']}/rotate-secret", headers=world.agent)
    new = r.json()["secret"]
    await _publish(db, clock, world.customer_id)
    assert await worker.drain() == 1
    after = receiver.received[1]
    assert "X-SupportDesk-Signature" not in after.headers  # a standard secret from now on
    assert verify(new, after) and verify(standard_secret(legacy.encode()), after)
