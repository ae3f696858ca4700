"""What one API process caches, another process's change invalidates at once (issue 9,
point 3): two app instances on one database, each with its own caches, as two
`supportdesk serve` processes would be. Every change goes through instance B after
instance A has cached what it changes; A's very next request must see it."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
from sqlalchemy import func, select

from app.db.models import OutboxMessage
from app.db.session import Database
from app.domain.actors import Role
from app.domain.clock import ControllableClock
from app.main import create_app
from app.services.webhooks import OUTBOX_KIND
from app.settings import Settings
from tests.support.factories import user_headers
from tests.support.tickets import Desk, make_desk

PROBLEMS = "https://supportdesk.dev/problems/"


@pytest.fixture
async def other(
    database_url: str, settings: Settings, clock: ControllableClock
) -> AsyncIterator[httpx.AsyncClient]:
    """A second instance: its own engine, pool and caches on the same database."""
    db = Database(database_url)
    app = create_app(settings, clock=clock, db=db)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://api.test"
    ) as c:
        yield c
    await db.dispose()


async def _open(desk: Desk) -> httpx.Response:
    body = {
        "subject": "PBX not able to dial PSTN destinations",
        "description": "No outbound PSTN call connects.",
        "category": "question",
        "severity": 3,
    }
    return await desk.client.post("/v1/tickets", json=body, headers=desk.customer)


async def test_logging_out_everywhere_elsewhere_revokes_the_token_here_at_once(
    client: httpx.AsyncClient, other: httpx.AsyncClient, db: Database
) -> None:
    desk = await make_desk(client, db, "bicom")
    assert (await client.get("/v1/me", headers=desk.customer)).status_code == 200
    assert (await client.get("/v1/me", headers=desk.customer)).status_code == 200
    r = await other.post("/v1/auth/logout-all", headers=desk.customer)
    assert r.status_code == 204, r.text
    assert (await client.get("/v1/me", headers=desk.customer)).status_code == 401


async def test_an_api_key_revoked_elsewhere_is_refused_here_at_once(
    client: httpx.AsyncClient, other: httpx.AsyncClient, db: Database
) -> None:
    admin = await user_headers(client, db, "admin@vendor.com", Role.ADMIN)
    partner = (await client.post("/v1/partners", json={"name": "P"}, headers=admin)).json()
    r = await client.post(
        f"/v1/partners/{partner['id']}/api-keys", json={"name": "helpdesk"}, headers=admin
    )
    assert r.status_code == 201, r.text
    key = {"X-API-Key": r.json()["key"]}
    assert (await client.get("/v1/webhooks", headers=key)).status_code == 200
    assert (await client.get("/v1/webhooks", headers=key)).status_code == 200
    assert (await other.delete(r.headers["Location"], headers=admin)).status_code == 204
    assert (await client.get("/v1/webhooks", headers=key)).status_code == 401


async def test_a_contract_changed_elsewhere_governs_the_next_case_here(
    client: httpx.AsyncClient, other: httpx.AsyncClient, db: Database
) -> None:
    desk = await make_desk(client, db, "bicom")
    incident = {
        "subject": "PBX not able to dial PSTN destinations",
        "description": "No outbound PSTN call connects since this morning.",
        "category": "incident",
        "severity": 2,
    }
    for _ in range(2):  # the contract in force and its terms are cached now
        r = await client.post("/v1/tickets", json=incident, headers=desk.customer)
        assert r.status_code == 201, r.text
    r = await other.patch(
        f"/v1/contracts/{desk.contract_id}",
        json={"required_facts": ["how_widespread"], "reason": "form"},
        headers=desk.admin,
    )
    assert r.status_code == 200, r.text
    refused = await client.post("/v1/tickets", json=incident, headers=desk.customer)
    assert refused.status_code == 422, refused.text
    assert refused.json()["missing"] == ["how_widespread"]


async def test_a_contract_ended_elsewhere_is_no_longer_in_force_here(
    client: httpx.AsyncClient, other: httpx.AsyncClient, db: Database
) -> None:
    desk = await make_desk(client, db, "bicom")
    assert (await _open(desk)).status_code == 201
    r = await other.patch(
        f"/v1/contracts/{desk.contract_id}",
        json={"valid_to": "2001-01-01T00:00:00Z", "valid_from": "2000-01-01T00:00:00Z"},
        headers=desk.admin,
    )
    assert r.status_code == 200, r.text
    refused = await _open(desk)
    assert refused.status_code == 422, refused.text
    assert refused.json()["type"] == PROBLEMS + "no-valid-contract"


async def test_a_webhook_subscribed_elsewhere_hears_the_next_case_here(
    client: httpx.AsyncClient, other: httpx.AsyncClient, db: Database
) -> None:
    desk = await make_desk(client, db, "bicom")
    assert (await _open(desk)).status_code == 201  # nobody listens: cached as such
    assert await _webhook_messages(db) == 0
    hook = {"url": "https://hooks.vendor.example/events", "events": ["ticket.created"]}
    r = await other.post("/v1/webhooks", json=hook, headers=desk.admin)
    assert r.status_code == 201, r.text
    assert (await _open(desk)).status_code == 201
    assert await _webhook_messages(db) == 1
    assert (await other.delete(r.headers["Location"], headers=desk.admin)).status_code == 204
    assert (await _open(desk)).status_code == 201
    assert await _webhook_messages(db) == 1


async def _webhook_messages(db: Database) -> int:
    async with db.unit_of_work() as uow:
        stmt = select(func.count(OutboxMessage.id)).where(OutboxMessage.kind == OUTBOX_KIND)
        return int((await uow.session.execute(stmt)).scalar_one())
