"""Hardening (issue 11.8, 11.12): body-size limit, security headers, 405, docs and
metrics switches, malformed JSON documented as what is sent."""

from __future__ import annotations

import json
import socket
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from pydantic import SecretStr

from app.db.session import Database
from app.domain.actors import Role
from app.domain.clock import ControllableClock
from app.main import create_app
from app.settings import Settings
from tests.support.factories import PASSWORD, add_user, user_headers
from tests.support.tickets import make_desk

LIMIT = 4096
CHUNK = 1024
COMMITTED = Path(__file__).resolve().parents[2] / "openapi" / "openapi.json"


def _client(settings: Settings, db: Database, clock: ControllableClock) -> httpx.AsyncClient:
    app = create_app(settings, clock=clock, db=db)
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://api.test")


@pytest.fixture
async def small(
    settings: Settings, db: Database, clock: ControllableClock
) -> AsyncIterator[httpx.AsyncClient]:
    """The API with a 4 KiB body limit."""
    limited = settings.model_copy(update={"request_body_max_bytes": LIMIT})
    async with _client(limited, db, clock) as c:
        yield c


class Body:
    """A request body that counts how much of it the server pulled."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.pulled = 0

    async def __aiter__(self) -> AsyncIterator[bytes]:
        while self.pulled < self.total:
            self.pulled += CHUNK
            yield b" " * CHUNK


async def test_a_body_declared_over_the_limit_is_refused_before_it_is_read(
    small: httpx.AsyncClient, db: Database
) -> None:
    headers = await user_headers(small, db, "lan@acme.com", Role.ADMIN)
    body = Body(48 * 2**20)
    r = await small.post(
        "/v1/tickets",
        content=body,
        headers=headers | {"Content-Type": "application/json", "Content-Length": str(body.total)},
    )
    assert r.status_code == 413
    assert r.headers["content-type"] == "application/problem+json"
    assert r.json()["type"] == "https://supportdesk.dev/problems/payload-too-large"
    assert body.pulled == 0


async def test_a_chunked_body_is_cut_off_at_the_limit(
    small: httpx.AsyncClient, db: Database
) -> None:
    headers = await user_headers(small, db, "lan@acme.com", Role.ADMIN)
    body = Body(48 * 2**20)  # no Content-Length: the stream is counted as it comes
    r = await small.post(
        "/v1/tickets", content=body, headers=headers | {"Content-Type": "application/json"}
    )
    assert r.status_code == 413
    assert r.json()["status"] == 413
    assert body.pulled <= LIMIT + CHUNK


async def test_a_body_under_the_limit_is_served(small: httpx.AsyncClient) -> None:
    r = await small.post("/v1/auth/signup", json={"name": "Lan", "email": "x", "company": "A"})
    assert r.status_code == 422  # read and validated: the limit let it through


async def test_an_upload_keeps_the_attachment_limit_not_the_body_limit(
    small: httpx.AsyncClient, db: Database
) -> None:
    desk = await make_desk(small, db, "aarenet-standard")
    ticket = await desk.open()
    data = b"trace " * (4 * LIMIT)
    r = await small.post(
        f"/v1/tickets/{ticket['id']}/attachments",
        files={"file": ("trace.txt", data, "text/plain")},
        headers=desk.customer,
    )
    assert r.status_code == 201, r.text
    assert r.json()["size"] == len(data)


async def test_a_multipart_body_to_a_json_route_has_the_json_limit(
    small: httpx.AsyncClient, db: Database
) -> None:
    headers = await user_headers(small, db, "lan@acme.com", Role.ADMIN)
    r = await small.post(
        "/v1/tickets",
        files={"file": ("big.bin", b"x" * (4 * LIMIT), "application/octet-stream")},
        headers=headers,
    )
    assert r.status_code == 413


async def test_every_answer_says_nosniff_and_is_not_cached(client: httpx.AsyncClient) -> None:
    for r in (
        await client.get("/healthz"),
        await client.get("/v1/tickets"),  # 401
        await client.get("/v1/nothing-here"),  # 404
        await client.post("/v1/auth/signup", content=b"{", headers={"Content-Type": "x"}),
        await client.get("/v1/tickets?q=%00"),  # the request guard's 422
    ):
        assert r.headers["x-content-type-options"] == "nosniff", r.url
        assert r.headers["cache-control"] == "no-store", r.url


async def test_a_token_answer_is_not_stored(client: httpx.AsyncClient, db: Database) -> None:
    await add_user(db, "lan@acme.com", Role.CUSTOMER_USER)
    r = await client.post("/v1/auth/token", data={"username": "lan@acme.com", "password": PASSWORD})
    assert r.status_code == 200
    assert r.headers["cache-control"] == "no-store"
    refreshed = await client.post(
        "/v1/auth/refresh", json={"refresh_token": r.json()["refresh_token"]}
    )
    assert refreshed.headers["cache-control"] == "no-store"


async def test_a_405_lists_every_method_of_the_path(client: httpx.AsyncClient) -> None:
    r = await client.delete("/v1/tickets")
    assert r.status_code == 405
    assert r.headers["content-type"] == "application/problem+json"
    assert r.headers["allow"] == "GET, POST"
    r = await client.put("/v1/tickets/0193b5c2-7f1e-7a3c-9d2e-5b6a7c8d9e0f")
    assert r.headers["allow"] == "GET, PATCH"


async def test_malformed_json_is_a_422_problem(client: httpx.AsyncClient) -> None:
    r = await client.post(
        "/v1/auth/signup", content=b'{"name": "Lan",', headers={"Content-Type": "application/json"}
    )
    assert r.status_code == 422
    assert r.headers["content-type"] == "application/problem+json"
    assert r.json()["errors"][0]["type"] == "json_invalid"


def test_problems_are_documented_as_what_is_sent() -> None:
    """Every 4xx is `application/problem+json` with the Problem schema; every body route
    documents 400, 413 and 422 (malformed JSON, a too large or unreadable body)."""
    doc: dict[str, Any] = json.loads(COMMITTED.read_text())
    wrong = []
    for path, item in doc["paths"].items():
        for method, op in item.items():
            for status, response in op["responses"].items():
                if status.startswith("4"):
                    content = response.get("content", {})
                    schema = content.get("application/problem+json", {}).get("schema")
                    if set(content) != {"application/problem+json"} or schema != {
                        "$ref": "#/components/schemas/Problem"
                    }:
                        wrong.append(f"{method} {path} {status}")
            if "requestBody" in op:
                missing = {"400", "413", "422"} - set(op["responses"])
                if missing:
                    wrong.append(f"{method} {path} lacks {missing}")
    assert not wrong, wrong[:10]
    assert "HTTPValidationError" not in doc["components"]["schemas"]


async def test_docs_and_the_schema_can_be_turned_off(
    settings: Settings, db: Database, clock: ControllableClock
) -> None:
    async with _client(settings, db, clock) as on:
        assert (await on.get("/openapi.json")).status_code == 200
        assert (await on.get("/docs")).status_code == 200
    closed = settings.model_copy(update={"api_docs": False})
    async with _client(closed, db, clock) as off:
        for path in ("/openapi.json", "/docs", "/redoc"):
            r = await off.get(path)
            assert r.status_code == 404, path
            assert r.headers["content-type"] == "application/problem+json"


async def test_metrics_need_the_token_when_one_is_set(
    settings: Settings, db: Database, clock: ControllableClock
) -> None:
    guarded = settings.model_copy(
        update={
            "environment": "production",
            "metrics_token": SecretStr("metrics-token-0123456789"),
        }
    )
    async with _client(guarded, db, clock) as c:
        assert (await c.get("/metrics")).status_code == 401
        wrong = await c.get("/metrics", headers={"Authorization": "Bearer nope"})
        assert wrong.status_code == 401
        assert wrong.headers["content-type"] == "application/problem+json"
        right = await c.get(
            "/metrics", headers={"Authorization": "Bearer metrics-token-0123456789"}
        )
        assert right.status_code == 200
        assert "supportdesk_http_requests_total" in right.text


async def test_production_without_a_token_does_not_serve_metrics(
    settings: Settings, db: Database, clock: ControllableClock
) -> None:
    production = settings.model_copy(update={"environment": "production"})
    async with _client(production, db, clock) as c:
        assert (await c.get("/metrics")).status_code == 404


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


async def test_metrics_on_their_own_port_only(
    settings: Settings, db: Database, clock: ControllableClock
) -> None:
    port = _free_port()
    separate = settings.model_copy(update={"environment": "production", "metrics_port": port})
    app = create_app(separate, clock=clock, db=db)
    async with app.router.lifespan_context(app):
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://api.test"
        ) as api:
            await api.get("/healthz")
            assert (await api.get("/metrics")).status_code == 404
        async with httpx.AsyncClient() as scraper:
            r = await scraper.get(f"http://127.0.0.1:{port}/metrics")
        assert r.status_code == 200
        assert 'route="/healthz"' in r.text
