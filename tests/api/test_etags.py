"""Optimistic concurrency: every editable resource answers a strong ETag, and an edit with
a stale If-Match answers 412 with the current version instead of overwriting (SPEC 8)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from app.db.session import Database
from app.domain.clock import ControllableClock
from app.main import create_app
from app.settings import Settings
from tests.support.sla_config import AARENET_CALENDAR, CLASS_1_POLICY, document
from tests.support.tickets import Desk, make_desk


@dataclass
class Editable:
    """One resource: where to read it, and two different edits of it."""

    url: str
    method: str
    first: dict[str, Any]
    second: dict[str, Any]
    headers: dict[str, str]


async def _ticket(desk: Desk) -> Editable:
    ticket = await desk.open()
    return Editable(
        f"/v1/tickets/{ticket['id']}",
        "PATCH",
        {"product_area": "SBC"},
        {"product_area": "Core"},
        desk.agent,
    )


async def _contract(desk: Desk) -> Editable:
    return Editable(
        f"/v1/contracts/{desk.contract_id}",
        "PATCH",
        {"support_level": "Gold", "reason": "upgrade"},
        {"support_level": "Silver", "reason": "downgrade"},
        desk.admin,
    )


async def _customer(desk: Desk) -> Editable:
    return Editable(
        f"/v1/customers/{desk.customer_id}",
        "PATCH",
        {"name": "ACME One"},
        {"name": "ACME Two"},
        desk.admin,
    )


async def _calendar(desk: Desk) -> Editable:
    r = await desk.client.post("/v1/calendars", json=AARENET_CALENDAR, headers=desk.admin)
    assert r.status_code == 201, r.text
    return Editable(
        f"/v1/calendars/{r.json()['id']}",
        "PUT",
        document(AARENET_CALENDAR, name="HCMC v2", reason="renamed"),
        document(AARENET_CALENDAR, name="HCMC v3", reason="renamed again"),
        desk.admin,
    )


async def _policy(desk: Desk) -> Editable:
    r = await desk.client.post("/v1/sla-policies", json=CLASS_1_POLICY, headers=desk.admin)
    assert r.status_code == 201, r.text
    return Editable(
        f"/v1/sla-policies/{r.json()['id']}",
        "PUT",
        document(CLASS_1_POLICY, name="Class 1 v2", reason="renamed"),
        document(CLASS_1_POLICY, name="Class 1 v3", reason="renamed again"),
        desk.admin,
    )


async def _me(desk: Desk) -> Editable:
    return Editable("/v1/me", "PATCH", {"timezone": "Asia/Bangkok"}, {"name": "Lan"}, desk.customer)


RESOURCES: dict[str, Callable[[Desk], Awaitable[Editable]]] = {
    "ticket": _ticket,
    "contract": _contract,
    "customer": _customer,
    "calendar": _calendar,
    "sla-policy": _policy,
    "me": _me,
}


@pytest.fixture
async def desk(client: httpx.AsyncClient, db: Database) -> Desk:
    return await make_desk(client, db, "aarenet-standard")


@pytest.mark.parametrize("kind", sorted(RESOURCES))
async def test_a_stale_if_match_is_refused_with_412_and_the_current_version(
    desk: Desk, kind: str
) -> None:
    thing = await RESOURCES[kind](desk)
    read = await desk.client.get(thing.url, headers=thing.headers)
    assert read.status_code == 200, read.text
    seen = read.headers["etag"]
    assert seen.startswith('"') and not seen.startswith("W/")
    again = await desk.client.get(thing.url, headers=thing.headers)
    assert again.headers["etag"] == seen  # strong: same representation, same tag

    # Someone else edits first, with the tag they saw: it applies.
    first = await desk.client.request(
        thing.method, thing.url, json=thing.first, headers=thing.headers | {"If-Match": seen}
    )
    assert first.status_code == 200, first.text
    current = first.headers["etag"]
    assert current != seen
    assert (await desk.client.get(thing.url, headers=thing.headers)).headers["etag"] == current

    # Our edit still carries the old tag: refused, nothing overwritten.
    stale = await desk.client.request(
        thing.method, thing.url, json=thing.second, headers=thing.headers | {"If-Match": seen}
    )
    assert stale.status_code == 412, stale.text
    assert stale.headers["content-type"] == "application/problem+json"
    problem = stale.json()
    assert problem["type"].endswith("/precondition-failed")
    assert problem["current_etag"] == current
    after = await desk.client.get(thing.url, headers=thing.headers)
    assert after.headers["etag"] == current

    # With the current tag (or `*`) it applies.
    fresh = await desk.client.request(
        thing.method, thing.url, json=thing.second, headers=thing.headers | {"If-Match": current}
    )
    assert fresh.status_code == 200, fresh.text
    star = await desk.client.request(
        thing.method, thing.url, json=thing.first, headers=thing.headers | {"If-Match": "*"}
    )
    assert star.status_code == 200, star.text
    weak = await desk.client.request(
        thing.method,
        thing.url,
        json=thing.second,
        headers=thing.headers | {"If-Match": f"W/{star.headers['etag']}"},
    )
    assert weak.status_code == 412  # If-Match compares strongly


async def test_transitions_and_severity_changes_take_the_cases_if_match(desk: Desk) -> None:
    ticket = await desk.open(severity=3)
    url = f"/v1/tickets/{ticket['id']}"
    seen = (await desk.client.get(url, headers=desk.agent)).headers["etag"]
    moved = await desk.client.post(
        f"{url}/transitions", json={"to": "acknowledged"}, headers=desk.agent | {"If-Match": seen}
    )
    assert moved.status_code == 200, moved.text
    stale_move = await desk.client.post(
        f"{url}/transitions", json={"to": "in_progress"}, headers=desk.agent | {"If-Match": seen}
    )
    assert stale_move.status_code == 412
    assert stale_move.json()["current_etag"] == moved.headers["etag"]
    stale_severity = await desk.client.post(
        f"{url}/severity-changes",
        json={"to_level": 2, "reason": "more users affected than reported"},
        headers=desk.agent | {"If-Match": seen},
    )
    assert stale_severity.status_code == 412
    fresh_severity = await desk.client.post(
        f"{url}/severity-changes",
        json={"to_level": 2, "reason": "more users affected than reported"},
        headers=desk.agent | {"If-Match": moved.headers["etag"]},
    )
    assert fresh_severity.status_code == 201, fresh_severity.text
    assert (await desk.client.get(url, headers=desk.agent)).json()["status"] == "acknowledged"


async def test_a_deployment_can_require_if_match(
    db: Database, settings: Settings, clock: ControllableClock, desk: Desk
) -> None:
    strict = create_app(settings.model_copy(update={"require_if_match": True}), clock=clock, db=db)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=strict), base_url="http://api.test"
    ) as client:
        ticket = await desk.open()
        url = f"/v1/tickets/{ticket['id']}"
        bare = await client.patch(url, json={"product_area": "SBC"}, headers=desk.agent)
        assert bare.status_code == 428, bare.text
        assert bare.json()["type"].endswith("/precondition-required")
        etag = (await client.get(url, headers=desk.agent)).headers["etag"]
        ok = await client.patch(
            url, json={"product_area": "SBC"}, headers=desk.agent | {"If-Match": etag}
        )
        assert ok.status_code == 200, ok.text
        missing = await client.patch(
            "/v1/tickets/01900000-0000-7000-8000-000000000000",
            json={"product_area": "SBC"},
            headers=desk.agent,
        )
        assert missing.status_code == 404  # a case the caller cannot see stays a 404
