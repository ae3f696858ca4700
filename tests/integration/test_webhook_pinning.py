"""Webhook delivery connects to the address it checked (issue 11 point 10): one lookup per
attempt, judged, then connected to — a DNS answer that changes in between (rebinding)
cannot redirect the request."""

from __future__ import annotations

import httpx
from sqlalchemy import select

from app.db.models import WebhookDelivery
from app.db.session import Database
from app.domain.actors import Role
from app.domain.clock import ControllableClock
from app.integrations.smtp import SmtpSender
from app.integrations.webhooks import WebhookSender
from app.services.context import ServiceContext
from app.services.webhook_deliveries import DeliveryLog
from app.worker import Worker
from tests.support.factories import add_customer, add_partner, user_headers
from tests.support.receivers import slow_receiver
from tests.support.standard_webhooks import verify
from tests.support.webhook_events import queue_event


class RebindingDns:
    """A name server that answers the first lookup with where our receiver listens and
    every later one with another loopback address where nothing listens."""

    def __init__(self, first: str, later: str) -> None:
        self.answers = [first]
        self.later = later
        self.lookups: list[tuple[str, int | None]] = []

    async def resolve(self, host: str, port: int | None) -> list[str]:
        self.lookups.append((host, port))
        return [self.answers.pop(0) if self.answers else self.later]


async def _subscribe_and_publish(
    client: httpx.AsyncClient, db: Database, clock: ControllableClock, url: str
) -> str:
    """Answers the subscription's signing secret."""
    partner = await add_partner(db, "Partner P")
    customer = await add_customer(db, "ACME", "acme.com", partner_id=partner.id)
    agent = await user_headers(
        client, db, "pat@partner-p.com", Role.PARTNER_AGENT, partner_id=partner.id
    )
    r = await client.post(
        "/v1/webhooks", json={"url": url, "events": ["ticket.created"]}, headers=agent
    )
    assert r.status_code == 201, r.text
    async with db.unit_of_work() as uow:
        await queue_event(
            uow, clock.now(), customer_id=customer.id, event_type="ticket.created", data={}
        )
        await uow.commit()
    secret: str = r.json()["secret"]
    return secret


def _worker(db: Database, ctx: ServiceContext, dns: RebindingDns) -> Worker:
    sender = WebhookSender(ctx.settings, ctx.clock, DeliveryLog(db, ctx), resolve=dns.resolve)
    return Worker(db, ctx, senders={"email": SmtpSender(ctx.settings), "webhook": sender})


async def test_delivery_connects_to_the_address_it_checked(
    client: httpx.AsyncClient, db: Database, ctx: ServiceContext, clock: ControllableClock
) -> None:
    with slow_receiver() as receiver:
        url = receiver.url(host="hooks.rebind.test")  # a name only our name server knows
        secret = await _subscribe_and_publish(client, db, clock, url)
        dns = RebindingDns(first="127.0.0.1", later="127.0.0.2")
        assert await _worker(db, ctx, dns).drain() == 1
        [delivery] = receiver.received
    assert dns.lookups == [("hooks.rebind.test", receiver.port)]  # once, not twice
    assert delivery.headers["Host"] == f"hooks.rebind.test:{receiver.port}"
    assert verify(secret, delivery.headers, delivery.body, clock.now())["type"] == "ticket.created"


async def test_a_rebound_name_is_judged_by_the_address_it_would_connect_to(
    client: httpx.AsyncClient, db: Database, ctx: ServiceContext, clock: ControllableClock
) -> None:
    """Checked public at registration, the name now answers a private address: the
    attempt is refused before any connection, and logged."""
    strict = ctx.settings.model_copy(update={"webhooks_allow_private_targets": False})
    with slow_receiver() as receiver:
        await _subscribe_and_publish(client, db, clock, receiver.url(host="hooks.rebind.test"))
        dns = RebindingDns(first="127.0.0.1", later="93.184.215.14")
        assert await _worker(db, ServiceContext(strict, clock), dns).drain() == 1
        assert receiver.received == []
    assert len(dns.lookups) == 1
    async with db.unit_of_work() as uow:
        stmt = select(WebhookDelivery.status_code, WebhookDelivery.error)
        [(status_code, error)] = (await uow.session.execute(stmt)).all()
    assert status_code is None and "non-public" in (error or "")
