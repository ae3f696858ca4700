"""Strict input: a typo is an error, never "no results" (SPEC 8; unknown parameters and
filter values answer 422), and cursors are signed and bound to their list and filters."""

from __future__ import annotations

import re
import uuid
from typing import Any

import httpx
import pytest

from app.db.session import Database
from app.domain.actors import Role
from tests.support.factories import user_headers
from tests.support.tickets import make_desk


def _operations(document: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    return [
        (path, op)
        for path, methods in document["paths"].items()
        for method, op in methods.items()
        if method == "get"
    ]


def _url(path: str) -> str:
    return re.sub(r"\{[^}]+\}", str(uuid.uuid4()), path)


def _fields(response: httpx.Response) -> set[str]:
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == "application/problem+json"
    return {e["field"] for e in response.json()["errors"]}


@pytest.fixture
async def admin(client: httpx.AsyncClient, db: Database) -> dict[str, str]:
    return await user_headers(client, db, "root@vendor.example", Role.ADMIN)


async def test_every_read_operation_refuses_an_unknown_query_parameter(
    client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    document = (await client.get("/openapi.json")).json()
    operations = _operations(document)
    assert len(operations) > 20
    for path, _ in operations:
        response = await client.get(_url(path), params={"sevrity": "1"}, headers=admin)
        assert "sevrity" in _fields(response), path
        assert "unknown query parameter" in response.json()["errors"][0]["msg"]


async def test_every_list_refuses_a_forged_cursor(
    client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    document = (await client.get("/openapi.json")).json()
    lists = [
        path
        for path, op in _operations(document)
        if any(p["name"] == "cursor" for p in op.get("parameters", []))
    ]
    assert len(lists) >= 15
    forged = [
        "WyIyMDI2LTAxLTAxIiwiMSJd",  # a bare base64 position, as cursors used to be
        "WyIwMTlhIiwiYiIsImMiXQ.AAAAAAAAAAAAAAAAAAAAAA",
        "not a cursor at all",
        ".",
    ]
    for path in lists:
        for cursor in forged:
            response = await client.get(_url(path), params={"cursor": cursor}, headers=admin)
            assert _fields(response) == {"cursor"}, (path, cursor, response.text)


async def test_a_cursor_pages_on_only_with_the_filters_and_sort_it_was_issued_for(
    client: httpx.AsyncClient, db: Database
) -> None:
    desk = await make_desk(client, db, "aarenet-standard")
    for _ in range(3):
        await desk.open()
    filters = {"severity": "2", "sort": "-created_at", "limit": "1"}
    first = await client.get("/v1/tickets", params=filters, headers=desk.agent)
    cursor = first.json()["next_cursor"]
    assert cursor
    again = await client.get("/v1/tickets", params=filters | {"cursor": cursor}, headers=desk.agent)
    assert again.status_code == 200
    assert again.json()["items"][0]["id"] != first.json()["items"][0]["id"]
    # `limit` may change from page to page; the list, sort and filters may not.
    wider = await client.get(
        "/v1/tickets", params=filters | {"limit": "50", "cursor": cursor}, headers=desk.agent
    )
    assert wider.status_code == 200
    for changed in ({"sort": "created_at"}, {"severity": "3"}, {"q": "PBX"}):
        response = await client.get(
            "/v1/tickets", params=filters | changed | {"cursor": cursor}, headers=desk.agent
        )
        assert _fields(response) == {"cursor"}, changed
    elsewhere = await client.get("/v1/escalations", params={"cursor": cursor}, headers=desk.agent)
    assert _fields(elsewhere) == {"cursor"}
    tampered = cursor[:-2] + ("AA" if not cursor.endswith("AA") else "BB")
    response = await client.get(
        "/v1/tickets", params=filters | {"cursor": tampered}, headers=desk.agent
    )
    assert _fields(response) == {"cursor"}


@pytest.mark.parametrize(
    ("path", "params", "field"),
    [
        ("/v1/tickets", {"status": "bogus"}, "status[0]"),
        ("/v1/tickets", {"status": ["new", "opne"]}, "status[1]"),
        ("/v1/tickets", {"sort": "-severty"}, "sort"),
        ("/v1/escalations", {"state": "pending"}, "state[0]"),
        ("/v1/quarantine", {"reason": "spam"}, "reason"),
    ],
)
async def test_an_unknown_filter_value_is_refused_naming_the_parameter(
    client: httpx.AsyncClient,
    admin: dict[str, str],
    path: str,
    params: dict[str, Any],
    field: str,
) -> None:
    response = await client.get(path, params=params, headers=admin)
    assert field in _fields(response)
