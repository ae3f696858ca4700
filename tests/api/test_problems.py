"""Every error is an RFC 9457 problem document with a stable type (SPEC 8)."""

from __future__ import annotations

import httpx

from app.db.session import Database
from app.domain.actors import Role
from app.domain.clock import ControllableClock
from app.main import create_app
from app.settings import Settings
from tests.support.factories import login, user_headers

PROBLEM = "application/problem+json"


def _is_problem(r: httpx.Response, status: int, slug: str) -> dict[str, object]:
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith(PROBLEM)
    body = r.json()
    assert body["type"] == f"https://supportdesk.dev/problems/{slug}"
    assert body["status"] == status
    assert body["title"] and "instance" in body and body["request_id"]
    return body  # type: ignore[no-any-return]


async def test_missing_authentication_is_a_401_problem(client: httpx.AsyncClient) -> None:
    body = _is_problem(await client.get("/v1/me"), 401, "authentication-failed")
    assert "bearer token" in str(body["detail"])


async def test_unknown_route_is_a_404_problem(client: httpx.AsyncClient) -> None:
    _is_problem(await client.get("/v1/nothing-here"), 404, "not-found")


async def test_wrong_method_is_a_405_problem(client: httpx.AsyncClient) -> None:
    r = await client.delete("/v1/me")
    _is_problem(r, 405, "method-not-allowed")
    assert "GET" in r.headers["allow"]


async def test_validation_errors_name_each_field(client: httpx.AsyncClient) -> None:
    r = await client.post("/v1/auth/signup", json={"name": "", "email": "not-an-address"})
    body = _is_problem(r, 422, "validation-failed")
    fields = {e["field"] for e in body["errors"]}  # type: ignore[attr-defined]
    assert fields == {"name", "email", "company"}


async def test_malformed_json_is_a_422_problem(client: httpx.AsyncClient) -> None:
    r = await client.post(
        "/v1/auth/signup", content=b"{not json", headers={"content-type": "application/json"}
    )
    _is_problem(r, 422, "validation-failed")


async def test_forbidden_action_is_a_403_problem(client: httpx.AsyncClient, db: Database) -> None:
    headers = await user_headers(client, db, "agent@vendor.com", Role.AGENT)
    r = await client.post(
        "/v1/customers", json={"name": "X", "customer_type": "soho"}, headers=headers
    )
    _is_problem(r, 403, "forbidden")


async def test_conflict_is_a_409_problem(client: httpx.AsyncClient, db: Database) -> None:
    headers = await user_headers(client, db, "admin@vendor.com", Role.ADMIN)
    body = {"name": "ACME", "customer_type": "enterprise"}
    assert (await client.post("/v1/customers", json=body, headers=headers)).status_code == 201
    _is_problem(await client.post("/v1/customers", json=body, headers=headers), 409, "conflict")


async def test_unexpected_error_is_a_500_problem_without_a_trace(
    db: Database, settings: Settings, clock: ControllableClock
) -> None:
    app = create_app(settings, clock=clock, db=db)

    @app.get("/boom")
    async def boom() -> None:
        raise RuntimeError("secret internals: password=hunter2")

    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://api.test") as c:
        r = await c.get("/boom", headers={"X-Request-ID": "req-500"})
    body = _is_problem(r, 500, "internal-error")
    assert "hunter2" not in r.text and "Traceback" not in r.text
    assert body["request_id"] == "req-500"


async def test_throttled_login_is_a_429_problem(client: httpx.AsyncClient, db: Database) -> None:
    for _ in range(5):
        await client.post("/v1/auth/token", data={"username": "x@vendor.com", "password": "p"})
    r = await client.post("/v1/auth/token", data={"username": "x@vendor.com", "password": "p"})
    _is_problem(r, 429, "too-many-attempts")
    assert int(r.headers["retry-after"]) > 0


async def test_invalid_cursor_is_a_422_problem(client: httpx.AsyncClient, db: Database) -> None:
    headers = await user_headers(client, db, "admin@vendor.com", Role.ADMIN)
    r = await client.get("/v1/customers?cursor=%%%", headers=headers)
    body = _is_problem(r, 422, "invalid-field")
    assert body["errors"][0]["field"] == "cursor"  # type: ignore[index]
    assert await login(client, "admin@vendor.com")
