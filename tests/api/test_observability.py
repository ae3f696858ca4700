"""Request ids, metrics by route template, pagination (SPEC 7, 8)."""

from __future__ import annotations

import httpx

from app.db.session import Database
from app.domain.actors import Role
from tests.support.factories import add_customer, user_headers


async def test_request_id_is_accepted_and_echoed(client: httpx.AsyncClient) -> None:
    r = await client.get("/healthz", headers={"X-Request-ID": "abc-123"})
    assert r.headers["x-request-id"] == "abc-123"
    generated = await client.get("/healthz")
    assert len(generated.headers["x-request-id"]) == 32
    # A hostile id (header injection, huge) is replaced, not echoed.
    r = await client.get("/healthz", headers={"X-Request-ID": "x" * 500})
    assert r.headers["x-request-id"] != "x" * 500


async def test_metrics_count_requests_by_route_template(
    client: httpx.AsyncClient, db: Database
) -> None:
    headers = await user_headers(client, db, "admin@vendor.com", Role.ADMIN)
    customer = await add_customer(db, "ACME", "acme.com")
    await client.get(f"/v1/customers/{customer.id}", headers=headers)
    text = (await client.get("/metrics")).text
    assert (
        'supportdesk_http_requests_total{method="GET",route="/v1/customers/{customer_id}",'
        'status="200"} 1.0' in text
    )
    assert str(customer.id) not in text
    assert "supportdesk_http_request_duration_seconds_bucket" in text


async def test_lists_page_with_a_cursor(client: httpx.AsyncClient, db: Database) -> None:
    headers = await user_headers(client, db, "admin@vendor.com", Role.ADMIN)
    for i in range(5):
        await add_customer(db, f"Customer {i}", f"customer{i}.com")
    seen: list[str] = []
    cursor = None
    while True:
        params = {"limit": 2} | ({"cursor": cursor} if cursor else {})
        page = (await client.get("/v1/customers", params=params, headers=headers)).json()
        seen += [c["name"] for c in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == [f"Customer {i}" for i in range(5)]
    too_big = await client.get("/v1/customers", params={"limit": 201}, headers=headers)
    assert too_big.status_code == 422
