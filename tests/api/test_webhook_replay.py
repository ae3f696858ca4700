"""POST /v1/webhooks/{id}/replay (issue 10.3): a subscription that missed changes gets
again exactly what it would have received since a change-feed position — its tenancy's
cases, its event types, never an internal note — each the original event (the same `id`,
`seq` and data) under the same `webhook-id`, signed on the Standard Webhooks scheme and
logged; bounded per call, with `last_seq` and `more` to go on."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from app.db.session import Database
from app.domain.actors import Role
from app.domain.changes import Change, effects_of
from app.domain.clock import ControllableClock
from app.domain.webhooks import delivery_id_of
from app.worker import Worker
from tests.support.factories import add_partner, user_headers
from tests.support.receivers import SlowReceiver, slow_receiver
from tests.support.standard_webhooks import verify
from tests.support.tickets import Desk, make_desk

PROBLEMS = "https://supportdesk.dev/problems/"
EVENTS = ["ticket.created", "ticket.comment_added"]


@dataclass
class World:
    ipass: Desk  # the partner's customer
    globex: Desk  # another partner-less customer
    pat: dict[str, str]  # the partner's agent


@pytest.fixture
async def world(client: httpx.AsyncClient, db: Database) -> World:
    partner = await add_partner(db, "Partner P")
    ipass = await make_desk(client, db, "ipass", partner_id=partner.id)
    globex = await make_desk(client, db, "bicom", domain="globex.com")
    pat = await user_headers(
        client, db, "pat@partner-p.com", Role.PARTNER_AGENT, partner_id=partner.id
    )
    return World(ipass, globex, pat)


@pytest.fixture
def receiver() -> Any:
    with slow_receiver() as state:
        yield state


async def _open(w: World, **fields: Any) -> dict[str, Any]:
    """A case of the partner's customer, raised by the partner (as it must be)."""
    body = {
        "subject": "Roaming login fails for every user",
        "description": "Since 10:00 no user can authenticate.",
        "category": "question",
        "severity": 3,
        "customer_id": w.ipass.customer_id,
    } | fields
    r = await w.ipass.client.post("/v1/tickets", json=body, headers=w.pat)
    assert r.status_code == 201, r.text
    created: dict[str, Any] = r.json()
    return created


async def _comment(w: World, ticket_id: str, visibility: str) -> None:
    r = await w.ipass.client.post(
        f"/v1/tickets/{ticket_id}/comments",
        json={"body": f"A {visibility} remark.", "visibility": visibility},
        headers=w.ipass.agent,
    )
    assert r.status_code == 201, r.text


async def _changes(w: World) -> list[dict[str, Any]]:
    """Every change, as staff read the feed."""
    r = await w.ipass.client.get("/v1/changes", params={"limit": 100}, headers=w.ipass.agent)
    assert r.status_code == 200, r.text
    items: list[dict[str, Any]] = r.json()["items"]
    return items


async def _subscribe(w: World, url: str, events: list[str] = EVENTS) -> dict[str, Any]:
    r = await w.ipass.client.post(
        "/v1/webhooks", json={"url": url, "events": events}, headers=w.pat
    )
    assert r.status_code == 201, r.text
    created: dict[str, Any] = r.json()
    return created


async def _replay(w: World, hook: dict[str, Any], after_seq: int, **extra: Any) -> httpx.Response:
    return await w.ipass.client.post(
        f"/v1/webhooks/{hook['id']}/replay", json={"after_seq": after_seq} | extra, headers=w.pat
    )


def _received(
    receiver: SlowReceiver, hook: dict[str, Any], clock: ControllableClock, start: int = 0
) -> list[dict[str, Any]]:
    """The deliveries from the `start`th on as the receiver verifies them (the
    standardwebhooks library), with their `webhook-id`, in feed order (a lane may send
    several at once)."""
    documents = [
        verify(hook["secret"], d.headers, d.body, clock.now())
        | {"webhook-id": d.headers["webhook-id"]}
        for d in receiver.received[start:]
    ]
    return sorted(documents, key=lambda d: int(d["seq"]))


def _as_event(change: dict[str, Any]) -> dict[str, Any]:
    """The event a feed row was published as (README: Webhooks)."""
    return {
        "id": change["id"],
        "type": effects_of(Change(change["type"])).webhook.value,
        "seq": change["seq"],
        "created_at": change["occurred_at"],
        "customer_id": change["customer_id"],
        "ticket_id": change["ticket_id"],
        "tracking_number": change["tracking_number"],
        "external_ref": change["external_ref"],
        "data": change["data"],
    }


async def test_a_late_subscription_replays_exactly_what_it_would_have_received(
    client: httpx.AsyncClient,
    db: Database,
    worker: Worker,
    clock: ControllableClock,
    world: World,
    receiver: SlowReceiver,
) -> None:
    w = world
    partners = await _open(w, external_ref="PH-1")
    await w.globex.open(severity=3)  # another customer's: never the partner's
    await _comment(w, partners["id"], "internal")  # staff only: never a webhook
    second = await _open(w)
    await _comment(w, partners["id"], "public")
    assert (await w.ipass.move(second["id"], "acknowledged")).status_code == 200  # not asked
    changes = await _changes(w)
    assert [c["type"] for c in changes] == [
        "created",
        "created",
        "comment_added",
        "created",
        "comment_added",
        "state_changed",  # the first public answer acknowledges the case
        "state_changed",
    ]
    heard = [changes[i] for i in (0, 3, 4)]

    await worker.drain()  # the e-mails
    hook = await _subscribe(w, receiver.url())  # after all of it: it heard nothing

    r = await _replay(w, hook, 0)
    assert r.status_code == 202, r.text
    assert r.json() == {
        "queued": 3,
        "after_seq": 0,
        "last_seq": changes[-1]["seq"],
        "more": False,
    }
    await worker.drain()
    documents = _received(receiver, hook, clock)
    webhook_ids = [d.pop("webhook-id") for d in documents]
    assert webhook_ids == [
        str(delivery_id_of(uuid.UUID(hook["id"]), uuid.UUID(c["id"]))) for c in heard
    ]
    assert len(set(webhook_ids)) == 3
    assert documents == [_as_event(c) for c in heard]
    assert documents[0]["external_ref"] == "PH-1" and documents[0]["type"] == "ticket.created"
    assert {d.headers["X-SupportDesk-Event"] for d in receiver.received} == {
        "ticket.created",
        "ticket.comment_added",
    }

    # From a position: only what came after it, under the same webhook-ids as before.
    r = await _replay(w, hook, heard[0]["seq"])
    assert r.json()["queued"] == 2 and r.json()["more"] is False
    await worker.drain()
    again = _received(receiver, hook, clock, start=3)
    assert [(d["id"], d.pop("webhook-id")) for d in again] == list(
        zip([c["id"] for c in heard[1:]], webhook_ids[1:], strict=True)
    )
    assert again == documents[1:]

    # Replayed deliveries are in the log: one attempt per event and replay.
    r = await client.get(
        f"/v1/webhooks/{hook['id']}/deliveries", params={"limit": 100}, headers=w.pat
    )
    log = r.json()["items"]
    assert sorted((d["delivery_id"], d["event_id"], d["attempt"], d["succeeded"]) for d in log) == (
        sorted(
            [(webhook_ids[0], heard[0]["id"], 1, True)]
            + [
                (i, c["id"], n, True)
                for i, c in zip(webhook_ids[1:], heard[1:], strict=True)
                for n in (1, 2)
            ]  # a replay is another attempt of the same delivery
        )
    )

    # Nothing at or past the end: the position stays the feed's head.
    r = await _replay(w, hook, changes[-1]["seq"])
    assert r.json() == {
        "queued": 0,
        "after_seq": changes[-1]["seq"],
        "last_seq": changes[-1]["seq"],
        "more": False,
    }


async def test_a_receiver_that_was_down_gets_the_missed_changes_as_first_sent(
    client: httpx.AsyncClient,
    db: Database,
    worker: Worker,
    clock: ControllableClock,
    world: World,
    receiver: SlowReceiver,
) -> None:
    w = world
    hook = await _subscribe(w, receiver.url(), ["*"])
    first = await _open(w)
    await worker.drain()
    [original] = _received(receiver, hook, clock)  # it was up then
    seen = original["seq"]

    r = await client.patch(f"/v1/webhooks/{hook['id']}", json={"is_active": False}, headers=w.pat)
    assert r.status_code == 200, r.text
    assert (await _replay(w, hook, 0)).status_code == 409
    await w.ipass.move(first["id"], "acknowledged")
    await _comment(w, first["id"], "internal")
    missed = await _open(w)
    await w.globex.open(severity=3)
    await worker.drain()
    assert len(receiver.received) == 1  # a disabled subscription is sent nothing
    r = await client.patch(f"/v1/webhooks/{hook['id']}", json={"is_active": True}, headers=w.pat)
    assert r.status_code == 200, r.text

    r = await _replay(w, hook, 0)  # from the start: the first one again, too
    assert r.status_code == 202, r.text
    assert r.json()["queued"] == 3 and r.json()["more"] is False
    await worker.drain()
    replayed = _received(receiver, hook, clock, start=1)
    assert replayed[0] == original  # the same event, the same webhook-id: a receiver drops it
    assert [(d["type"], d["ticket_id"]) for d in replayed[1:]] == [
        ("ticket.state_changed", first["id"]),
        ("ticket.created", missed["id"]),
    ]
    assert all(d["seq"] > seen for d in replayed[1:])
    changes = {c["id"]: c for c in await _changes(w)}
    assert [_as_event(changes[d["id"]]) | {"webhook-id": d["webhook-id"]} for d in replayed] == (
        replayed
    )


async def test_a_replay_is_bounded_and_goes_on_from_last_seq(
    client: httpx.AsyncClient,
    db: Database,
    worker: Worker,
    clock: ControllableClock,
    world: World,
    receiver: SlowReceiver,
) -> None:
    w = world
    cases = [await _open(w) for _ in range(3)]
    await w.globex.open(severity=3)  # the feed's head is not the partner's
    changes = await _changes(w)
    hook = await _subscribe(w, receiver.url())

    r = await _replay(w, hook, 0, limit=2)
    assert r.status_code == 202, r.text
    assert r.json() == {"queued": 2, "after_seq": 0, "last_seq": changes[1]["seq"], "more": True}
    r = await _replay(w, hook, r.json()["last_seq"], limit=2)
    assert r.json() == {
        "queued": 1,
        "after_seq": changes[1]["seq"],
        "last_seq": changes[-1]["seq"],
        "more": False,
    }
    await worker.drain()
    assert [d["ticket_id"] for d in _received(receiver, hook, clock)] == [c["id"] for c in cases]
    r = await _replay(w, hook, 0, limit=3)  # exactly what is left: nothing more
    assert r.json() == {"queued": 3, "after_seq": 0, "last_seq": changes[-1]["seq"], "more": False}


async def test_a_replay_refuses_what_it_cannot_do(
    client: httpx.AsyncClient, db: Database, world: World
) -> None:
    w = world
    hook = await _subscribe(w, "http://127.0.0.1:9/hooks")
    for body in ({"after_seq": -1}, {}, {"after_seq": 0, "limit": 0}, {"after_seq": 2**63}):
        r = await client.post(f"/v1/webhooks/{hook['id']}/replay", json=body, headers=w.pat)
        assert r.status_code == 422, (body, r.text)
        assert r.headers["content-type"].startswith("application/problem+json")
    r = await _replay(w, hook, 0, limit=10_001)
    assert r.status_code == 422, r.text
    # Another organisation's subscription is not there for the caller.
    other = await add_partner(db, "Partner Q")
    quinn = await user_headers(
        client, db, "quinn@partner-q.com", Role.PARTNER_AGENT, partner_id=other.id
    )
    r = await client.post(f"/v1/webhooks/{hook['id']}/replay", json={"after_seq": 0}, headers=quinn)
    assert r.status_code == 404, r.text
    r = await client.patch(f"/v1/webhooks/{hook['id']}", json={"is_active": False}, headers=w.pat)
    assert r.status_code == 200, r.text
    r = await _replay(w, hook, 0)
    assert r.status_code == 409, r.text
    assert r.json()["type"] == PROBLEMS + "webhook-disabled"
