"""Rate limits: announced on every answer, enforced per caller, shared through Redis (SPEC 8)."""

from __future__ import annotations

import asyncio
import re
import socket
import uuid
from collections.abc import AsyncIterator

import httpx
import pytest

from app.db.session import Database
from app.domain.actors import Role
from app.domain.clock import ControllableClock
from app.main import create_app
from app.settings import Settings
from tests.support.factories import add_customer, user_headers

REDIS = ("127.0.0.1", 6379)
POLICY = re.compile(r'^"(?P<name>[a-z-]+)";q=(?P<quota>\d+);w=(?P<window>\d+)$')
STATE = re.compile(r'^"(?P<name>[a-z-]+)";r=(?P<remaining>\d+);t=(?P<reset>\d+)$')


def _limited(settings: Settings, **changes: object) -> Settings:
    return settings.model_copy(
        update={"rate_limit_key_prefix": f"test-{uuid.uuid4().hex}", **changes}
    )


async def _client(
    app_settings: Settings, db: Database, clock: ControllableClock
) -> httpx.AsyncClient:
    app = create_app(app_settings, clock=clock, db=db)
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://api.test")


@pytest.fixture
async def limited(
    db: Database, settings: Settings, clock: ControllableClock
) -> AsyncIterator[httpx.AsyncClient]:
    async with await _client(
        _limited(settings, rate_limit="5/minute", rate_limit_anonymous="3/minute"), db, clock
    ) as c:
        yield c


async def test_every_documented_operation_announces_the_budget(
    client: httpx.AsyncClient, db: Database
) -> None:
    customer = await add_customer(db, "Acme", "acme.example")
    headers = await user_headers(
        client, db, "ann@acme.example", Role.CUSTOMER_USER, customer_id=customer.id
    )
    document = (await client.get("/openapi.json")).json()
    seen = 0
    for path, operations in document["paths"].items():
        url = re.sub(r"\{[^}]+\}", str(uuid.uuid4()), path)
        for method in operations:
            response = await client.request(method.upper(), url, headers=headers)
            assert response.status_code < 500, (method, path, response.text)
            policy = POLICY.match(response.headers.get("ratelimit-policy", ""))
            state = STATE.match(response.headers.get("ratelimit", ""))
            assert policy and state, (method, path, dict(response.headers))
            assert policy["name"] == state["name"] == "user"
            seen += 1
    assert seen > 50


async def test_anonymous_callers_spend_the_address_budget_then_get_429(
    limited: httpx.AsyncClient,
) -> None:
    remaining = []
    for _ in range(3):
        response = await limited.post("/v1/auth/password-reset", json={"email": "x@acme.example"})
        assert response.status_code == 202
        state = STATE.match(response.headers["ratelimit"])
        assert state and state["name"] == "anonymous"
        remaining.append(int(state["remaining"]))
    assert remaining == [2, 1, 0]
    refused = await limited.post("/v1/auth/password-reset", json={"email": "x@acme.example"})
    assert refused.status_code == 429
    assert refused.headers["content-type"] == "application/problem+json"
    assert refused.json()["type"].endswith("/rate-limit-exceeded")
    assert 1 <= int(refused.headers["retry-after"]) <= 60
    assert POLICY.match(refused.headers["ratelimit-policy"])


async def test_each_user_has_a_budget_of_their_own(
    limited: httpx.AsyncClient, client: httpx.AsyncClient, db: Database
) -> None:
    customer = await add_customer(db, "Acme", "acme.example")
    ann, bob = [
        await user_headers(
            client, db, f"{n}@acme.example", Role.CUSTOMER_USER, customer_id=customer.id
        )
        for n in ("ann", "bob")
    ]
    statuses = [(await limited.get("/v1/me", headers=ann)).status_code for _ in range(6)]
    assert statuses == [200] * 5 + [429]
    assert (await limited.get("/v1/me", headers=bob)).status_code == 200
    # A forged token does not spend a real user's budget: it is an anonymous call.
    forged = await limited.get("/v1/me", headers={"Authorization": "Bearer nonsense"})
    assert forged.status_code == 401
    assert STATE.match(forged.headers["ratelimit"])["name"] == "anonymous"  # type: ignore[index]


def _redis_reachable() -> bool:
    try:
        socket.create_connection(REDIS, 1).close()
    except OSError:
        return False
    return True


async def test_two_instances_sharing_redis_enforce_one_budget(
    db: Database, settings: Settings, clock: ControllableClock
) -> None:
    assert _redis_reachable(), "the machine's Redis must run at 127.0.0.1:6379"
    shared = _limited(
        settings, redis_url="redis://127.0.0.1:6379/0", rate_limit_anonymous="20/minute"
    )
    first = await _client(shared, db, clock)
    second = await _client(shared, db, clock)
    async with first, second:

        async def call(c: httpx.AsyncClient) -> int:
            r = await c.post("/v1/auth/password-reset", json={"email": "y@acme.example"})
            return r.status_code

        statuses = await asyncio.gather(*(call(c) for _ in range(20) for c in (first, second)))
    assert sum(1 for s in statuses if s < 300) == 20
    assert statuses.count(429) == 20
    # Each instance alone would have let 20 through: the budget is the shared one.
