"""Idempotency-Key on POST (SPEC 6): a retry answers the first result and creates nothing."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import func, select

from app.db.models import Customer, IdempotencyKey, OutboxMessage
from app.db.session import Database
from app.domain.actors import Role
from app.domain.clock import ControllableClock
from app.main import create_app
from app.settings import Settings
from tests.support.factories import PASSWORD, add_customer, login, user_headers

PROBLEMS = "https://supportdesk.dev/problems/"
ACME = {"name": "ACME Vietnam", "customer_type": "enterprise", "domains": ["acme.vn"]}


async def _admin(client: httpx.AsyncClient, db: Database) -> dict[str, str]:
    return await user_headers(client, db, "admin@vendor.com", Role.ADMIN)


def _with_key(headers: dict[str, str], key: str) -> dict[str, str]:
    return {**headers, "Idempotency-Key": key}


async def _customers(db: Database) -> int:
    async with db.unit_of_work() as uow:
        return int((await uow.session.execute(select(func.count(Customer.id)))).scalar_one())


def _problem(r: httpx.Response, status: int, slug: str) -> dict[str, Any]:
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    body: dict[str, Any] = r.json()
    assert body["type"] == PROBLEMS + slug
    return body


async def test_a_retry_answers_the_first_response_and_creates_nothing(
    client: httpx.AsyncClient, db: Database
) -> None:
    headers = _with_key(await _admin(client, db), "create-acme-1")
    first = await client.post("/v1/customers", json=ACME, headers=headers)
    assert first.status_code == 201, first.text
    assert "idempotent-replayed" not in first.headers
    # The same document, serialised differently, is the same request.
    again = await client.post(
        "/v1/customers", json=dict(reversed(list(ACME.items()))), headers=headers
    )
    assert again.status_code == 201
    assert again.json() == first.json()
    assert again.headers["location"] == first.headers["location"]
    assert again.headers["content-type"] == first.headers["content-type"]
    assert again.headers["idempotent-replayed"] == "true"
    assert again.headers["x-request-id"] != first.headers["x-request-id"]
    assert await _customers(db) == 1


async def test_without_a_key_a_second_post_runs_again(
    client: httpx.AsyncClient, db: Database
) -> None:
    headers = await _admin(client, db)
    assert (await client.post("/v1/customers", json=ACME, headers=headers)).status_code == 201
    r = await client.post("/v1/customers", json=ACME, headers=headers)
    _problem(r, 409, "conflict")


async def test_the_same_key_with_another_body_is_refused(
    client: httpx.AsyncClient, db: Database
) -> None:
    headers = _with_key(await _admin(client, db), "k1")
    assert (await client.post("/v1/customers", json=ACME, headers=headers)).status_code == 201
    r = await client.post("/v1/customers", json={**ACME, "name": "Other"}, headers=headers)
    body = _problem(r, 422, "idempotency-key-reused")
    assert "different request" in body["detail"]
    # Another endpoint is another request, too.
    r = await client.post("/v1/partners", json={"name": "Partner P"}, headers=headers)
    _problem(r, 422, "idempotency-key-reused")
    assert await _customers(db) == 1


async def test_a_key_expires_after_24_hours(
    client: httpx.AsyncClient, db: Database, clock: ControllableClock
) -> None:
    await user_headers(client, db, "admin@vendor.com", Role.ADMIN)
    headers = _with_key(await login(client, "admin@vendor.com"), "daily")
    assert (await client.post("/v1/customers", json=ACME, headers=headers)).status_code == 201
    clock.advance(timedelta(hours=23, minutes=59))
    headers = _with_key(await login(client, "admin@vendor.com"), "daily")
    r = await client.post("/v1/customers", json={**ACME, "name": "Other"}, headers=headers)
    _problem(r, 422, "idempotency-key-reused")
    clock.advance(timedelta(minutes=1))
    headers = _with_key(await login(client, "admin@vendor.com"), "daily")
    r = await client.post(
        "/v1/customers", json={**ACME, "name": "Other", "domains": []}, headers=headers
    )
    assert r.status_code == 201, r.text
    assert "idempotent-replayed" not in r.headers
    assert await _customers(db) == 2


async def test_keys_belong_to_one_caller(client: httpx.AsyncClient, db: Database) -> None:
    first = _with_key(await _admin(client, db), "shared-key")
    second = _with_key(
        await user_headers(client, db, "admin2@vendor.com", Role.ADMIN), "shared-key"
    )
    r1 = await client.post("/v1/partners", json={"name": "Partner P"}, headers=first)
    r2 = await client.post("/v1/partners", json={"name": "Partner Q"}, headers=second)
    assert (r1.status_code, r2.status_code) == (201, 201), r2.text
    assert r1.json()["id"] != r2.json()["id"]
    # The same request by another caller is not a replay of the first caller's answer.
    r3 = await client.post("/v1/partners", json={"name": "Partner P"}, headers=second)
    _problem(r3, 422, "idempotency-key-reused")


async def test_a_refreshed_token_is_the_same_caller(
    client: httpx.AsyncClient, db: Database
) -> None:
    await user_headers(client, db, "admin@vendor.com", Role.ADMIN)
    r = await client.post(
        "/v1/auth/token", data={"username": "admin@vendor.com", "password": PASSWORD}
    )
    tokens = r.json()
    first = await client.post(
        "/v1/partners",
        json={"name": "Partner P"},
        headers={"Authorization": f"Bearer {tokens['access_token']}", "Idempotency-Key": "p"},
    )
    r = await client.post("/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]})
    renewed = r.json()["access_token"]
    assert renewed != tokens["access_token"]
    again = await client.post(
        "/v1/partners",
        json={"name": "Partner P"},
        headers={"Authorization": f"Bearer {renewed}", "Idempotency-Key": "p"},
    )
    assert again.status_code == 201 and again.json() == first.json()
    assert again.headers["idempotent-replayed"] == "true"


async def test_an_api_key_is_its_own_caller(client: httpx.AsyncClient, db: Database) -> None:
    admin = await _admin(client, db)
    partner = (await client.post("/v1/partners", json={"name": "P"}, headers=admin)).json()
    r = await client.post(
        f"/v1/partners/{partner['id']}/api-keys", json={"name": "bridge"}, headers=admin
    )
    key = {"X-API-Key": r.json()["key"], "Idempotency-Key": "hook-1"}
    hook = {
        "url": "https://hooks.example/e",
        "events": ["ticket.created"],
        "contact_email": "o@p.com",
    }
    first = await client.post("/v1/webhooks", json=hook, headers=key)
    again = await client.post("/v1/webhooks", json=hook, headers=key)
    assert first.status_code == again.status_code == 201
    # The answer carries the secret shown once: a retry must get it, too.
    assert again.json()["secret"] == first.json()["secret"]
    listed = await client.get("/v1/webhooks", headers={"X-API-Key": key["X-API-Key"]})
    assert len(listed.json()["items"]) == 1


async def test_stored_answers_are_encrypted(client: httpx.AsyncClient, db: Database) -> None:
    admin = await _admin(client, db)
    partner = (await client.post("/v1/partners", json={"name": "P"}, headers=admin)).json()
    r = await client.post(
        f"/v1/partners/{partner['id']}/api-keys",
        json={"name": "bridge"},
        headers=_with_key(admin, "key-1"),
    )
    async with db.unit_of_work() as uow:
        bodies = (await uow.session.execute(select(IdempotencyKey.response_body))).scalars().all()
    assert bodies and all(r.json()["key"] not in b for b in bodies)


async def test_anonymous_posts_are_keyed_by_the_key_alone(
    client: httpx.AsyncClient, db: Database
) -> None:
    await add_customer(db, "ACME", "acme.com")
    body = {"name": "Lan Nguyen", "email": "lan@acme.com", "company": "ACME"}
    headers = {"Idempotency-Key": "signup-lan"}
    first = await client.post("/v1/auth/signup", json=body, headers=headers)
    again = await client.post("/v1/auth/signup", json=body, headers=headers)
    assert first.status_code == again.status_code == 202
    assert again.headers["idempotent-replayed"] == "true"
    async with db.unit_of_work() as uow:
        queued = (await uow.session.execute(select(func.count(OutboxMessage.id)))).scalar_one()
    assert queued == 1  # one activation e-mail


async def test_wrong_credentials_are_answered_by_the_endpoint(client: httpx.AsyncClient) -> None:
    headers = {"Authorization": "Bearer nonsense", "Idempotency-Key": "k"}
    r = await client.post("/v1/customers", json=ACME, headers=headers)
    _problem(r, 401, "authentication-failed")


@pytest.mark.parametrize("key", ["", "x" * 201, "tab\there"])
async def test_an_invalid_key_is_a_problem(
    client: httpx.AsyncClient, db: Database, key: str
) -> None:
    headers = _with_key(await _admin(client, db), key)
    r = await client.post("/v1/customers", json=ACME, headers=headers)
    _problem(r, 422, "idempotency-key-invalid")
    assert await _customers(db) == 0


@pytest.fixture
async def flaky(
    db: Database, settings: Settings, clock: ControllableClock
) -> AsyncIterator[tuple[FastAPI, httpx.AsyncClient]]:
    app = create_app(settings, clock=clock, db=db)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://api.test"
    ) as c:
        yield app, c


async def test_a_server_error_frees_the_key_for_a_retry(
    flaky: tuple[FastAPI, httpx.AsyncClient],
) -> None:
    app, client = flaky
    calls: list[int] = []

    @app.post("/v1/flaky", status_code=201)
    async def flaky_route() -> dict[str, int]:
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("the database went away")
        return {"calls": len(calls)}

    headers = {"Idempotency-Key": "try-twice"}
    r = await client.post("/v1/flaky", json={}, headers=headers)
    _problem(r, 500, "internal-error")
    r = await client.post("/v1/flaky", json={}, headers=headers)
    assert r.status_code == 201 and r.json() == {"calls": 2}
    r = await client.post("/v1/flaky", json={}, headers=headers)
    assert r.json() == {"calls": 2} and r.headers["idempotent-replayed"] == "true"


def test_every_post_documents_the_header() -> None:
    doc = create_app(Settings(environment="test", secret_key="x" * 32)).openapi()  # type: ignore[arg-type]
    posts = [item["post"] for item in doc["paths"].values() if "post" in item]
    assert posts
    for op in posts:
        names = [p["name"] for p in op.get("parameters", [])]
        assert names.count("Idempotency-Key") == 1, op["operationId"]
        assert {"409", "422"} <= set(op["responses"]), op["operationId"]


async def test_a_refused_first_attempt_is_not_remembered(
    client: httpx.AsyncClient, db: Database
) -> None:
    headers = _with_key(await _admin(client, db), "fix-and-retry")
    r = await client.post(
        "/v1/customers", json={**ACME, "customer_type": "nonsense"}, headers=headers
    )
    _problem(r, 422, "validation-failed")
    # The corrected request with the same key runs: the refusal was not its result.
    r = await client.post("/v1/customers", json=ACME, headers=headers)
    assert r.status_code == 201, r.text
    assert "idempotent-replayed" not in r.headers
    again = await client.post("/v1/customers", json=ACME, headers=headers)
    assert again.headers["idempotent-replayed"] == "true" and again.json() == r.json()
    assert await _customers(db) == 1


async def test_keyed_failed_logins_still_count_towards_the_lock(
    client: httpx.AsyncClient, db: Database, settings: Settings
) -> None:
    """A refusal keeps what its use case committed (the counted failure) and frees the
    key: keys are no way around login throttling."""
    await user_headers(client, db, "admin@vendor.com", Role.ADMIN)
    for attempt in range(settings.login_max_failures):
        r = await client.post(
            "/v1/auth/token",
            data={"username": "admin@vendor.com", "password": "not the password"},
            headers={"Idempotency-Key": f"guess-{attempt}"},
        )
        _problem(r, 401, "authentication-failed")
    r = await client.post(
        "/v1/auth/token",
        data={"username": "admin@vendor.com", "password": PASSWORD},
        headers={"Idempotency-Key": "guess-0"},  # freed by the refusal: it runs
    )
    _problem(r, 429, "too-many-attempts")


async def test_a_keyed_request_whose_write_fails_frees_its_key(
    client: httpx.AsyncClient, db: Database
) -> None:
    """The use case's failed INSERT (a duplicate) ends the one transaction the claim is
    in: the refusal is answered, nothing is remembered, the corrected request runs."""
    admin = await _admin(client, db)
    assert (await client.post("/v1/customers", json=ACME, headers=admin)).status_code == 201
    headers = _with_key(admin, "second-acme")
    _problem(await client.post("/v1/customers", json=ACME, headers=headers), 409, "conflict")
    other = {**ACME, "name": "ACME Laos", "domains": ["acme.la"]}
    r = await client.post("/v1/customers", json=other, headers=headers)
    assert r.status_code == 201, r.text
    assert "idempotent-replayed" not in r.headers
    assert await _customers(db) == 2
